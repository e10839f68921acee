"""Computer-science master's programs collected from Mastersportal's search API in August 2019 (CSV feed).

Columns: (row number), School, QS2019, Country, City, Program, Degree, Duration /month,
Tuition fee /USD. The export repeats some rows word for word; a record is keyed by school, city,
program, degree and duration (one program can run in two lengths at one school).
"""

from collections.abc import Iterator

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, parse_csv_feed, program_item, slug

SOURCE = "mastersportal"
REQUIRED_COLUMNS = ("School", "QS2019", "Country", "City", "Program", "Degree", "Duration /month", "Tuition fee /USD")
# The collector asked the search API for tuition in USD ("tc-USD") and kept only fees whose unit was
# "year" (mastersportal-spider.py in the same repository skips `tuition_fee['unit'] != 'year'`). The
# data agrees: 24-month programs list fees like 12-month ones in the same country (median UK 25,968
# vs 27,203 USD; Netherlands 18,537 vs 18,426), not twice as much.
TUITION_CURRENCY = "USD"
TUITION_PERIOD = "year"


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body,
        required_columns=REQUIRED_COLUMNS,
        title_column="Program",
        to_item=lambda row: program_from_row(row, source_url, fetched_at),
    )


def program_from_row(row: FeedRow, source_url: str, fetched_at: str) -> ProgramItem:
    school = row.get("School")
    months = row.get("Duration /month")
    duration = f"{months} months" if months else None
    tuition = row.get("Tuition fee /USD")
    return program_item(
        source=SOURCE,
        source_id=slug(school, row.get("City"), row.get("Program"), row.get("Degree"), duration),
        url=source_url,  # the export keeps no program URL
        fetched_at=fetched_at,
        title=row.get("Program"),
        provider=school,
        institution=school,
        credential=row.get("Degree"),
        duration=duration,
        price=tuition,
        currency=TUITION_CURRENCY if tuition else None,
        country=row.get("Country"),
        city=row.get("City"),
        extra={
            "price_period": TUITION_PERIOD if tuition else None,
            "qs2019_rank": row.get("QS2019"),
            "listed_on": "Mastersportal",
        },
    )
