"""Data-science degree programs, the curated "awesome-datascience-colleges" list (CSV feed).

Columns: SCHOOL, PROGRAM, DEGREE (B/M/D/C/A), ONLINE and ONCAMPUS (T/F), COUNTRY (ISO alpha-2),
STATE, CITY, DEPARTMENT, URL. A school can list one program twice (two campuses, two tracks behind one
name), so a record is keyed by its program page plus program, degree and city.
"""

from collections.abc import Iterator

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, flag, parse_csv_feed, program_item, slug

SOURCE = "ds-colleges"
REQUIRED_COLUMNS = (
    "SCHOOL", "PROGRAM", "DEGREE", "ONLINE", "ONCAMPUS", "COUNTRY", "STATE", "CITY", "DEPARTMENT", "URL",
)


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body,
        required_columns=REQUIRED_COLUMNS,
        title_column="PROGRAM",
        to_item=lambda row: program_from_row(row, source_url, fetched_at),
    )


def program_from_row(row: FeedRow, source_url: str, fetched_at: str) -> ProgramItem:
    school = row.get("SCHOOL")
    return program_item(
        source=SOURCE,
        source_id=record_key(row),
        url=row.get("URL") or source_url,
        fetched_at=fetched_at,
        title=row.get("PROGRAM"),
        provider=school,
        institution=school,
        credential=row.get("DEGREE"),  # the list's code: B, M, D, C (certificate), A (associate)
        delivery=delivery(row),
        country=row.get("COUNTRY"),
        city=row.get("CITY"),
        extra={"state": row.get("STATE"), "department": row.get("DEPARTMENT")},
    )


def record_key(row: FeedRow) -> str:
    program = slug(row.get("PROGRAM"), row.get("DEGREE"), row.get("CITY"))
    url = row.get("URL")
    return f"{url}#{program}" if url else slug(row.get("SCHOOL")) + "/" + program


def delivery(row: FeedRow) -> str | None:
    modes = [mode for mode, column in (("online", "ONLINE"), ("on campus", "ONCAMPUS")) if flag(row.get(column))]
    return "; ".join(modes) or None
