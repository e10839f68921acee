"""Computer-science master's programs of 35 countries, scraped from Mastersportal's search in Nov 2025
(SheikhAnandee/Global-IT-Masters-Program-Analysis, CS_master_program_details_top35_countries.csv).

Columns: Program Name, University Name, City, Country, Tuition Fee, Duration, Average Rating, Review
Count, Ranking_Percentage, Program Link. What they mean, checked against the rows:
- Program Link is the program's own page (`.../studies/<id>/<slug>.html?ref=search_card`); without
  its tracking query it is the program's URL and its stable id. The scrape lists some programs in
  several searches: those rows repeat word for word, and each is yielded (the catalogue merges them by
  id), marked ``repeated_row`` from the second on.
- Tuition Fee is Mastersportal's figure converted to Bangladeshi taka for the scraper's locale:
  "5,117,157 BDT / year", "... / full" (the whole program), "... / module" (per module, and the
  number of modules is not listed: the cost is unknown, the listed text kept in extra), "Free", or
  empty.
- City is the second-to-last part of the location: a region or state ("England", "California")
  more often than a city, so it is kept as ``region``; Country "Multiple locations" (City "N/A") names
  no country.
- Average Rating, Review Count and Ranking_Percentage describe the university (Mastersportal's student
  reviews of the university and its place among ranked universities, top X%), not the program: they
  are kept in extra as university figures and never become the program's rating.
Every row is a master's program (the scrape searched master's programs only): the registry's
fallback credential says so where a title names none.
"""

from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, csv_rows, program_item, table_records

SOURCE = "mastersportal"
REQUIRED_COLUMNS = (
    "Program Name", "University Name", "City", "Country", "Tuition Fee", "Duration", "Average Rating",
    "Review Count", "Ranking_Percentage", "Program Link",
)  # fmt: skip
NO_COUNTRY = frozenset({"Multiple locations"})
NO_REGION = frozenset({"N/A"})
# How a fee's unit reads after the currency, and the period the cost model reads from extra
# ("total": one figure for the whole program, never the registry's per-year default). A fee in any
# other unit ("/ module") gives no cost.
PRICE_PERIODS = {"year": "year", "full": "total"}


def parse_feed(body: bytes, feed_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    seen_rows: set[tuple[str, ...]] = set()
    for row in table_records(csv_rows(body), required_columns=REQUIRED_COLUMNS, title_column="Program Name"):
        if isinstance(row, Dropped):
            yield row
            continue
        identity = tuple(row.values.items())
        yield program_from_row(row, fetched_at, repeated=identity in seen_rows)
        seen_rows.add(identity)


def program_from_row(row: FeedRow, fetched_at: str, *, repeated: bool = False) -> ProgramItem:
    url = program_url(row.get("Program Link"))
    university = row.get("University Name")
    price, period, unknown_reason = tuition(row.get("Tuition Fee"))
    country = row.get("Country")
    region = row.get("City")
    return program_item(
        source=SOURCE,
        source_id=url,
        url=url,
        fetched_at=fetched_at,
        title=row.get("Program Name"),
        provider=university,
        institution=university,
        duration=row.get("Duration"),
        price=price,
        country=None if country in NO_COUNTRY else country,
        extra={
            "price_period": period,
            "tuition_listed": row.get("Tuition Fee") if unknown_reason else None,
            "tuition_unknown_reason": unknown_reason,
            "region": None if region in NO_REGION else region,
            "location": country if country in NO_COUNTRY else None,
            "university_rating": row.get("Average Rating"),
            "university_review_count": row.get("Review Count"),
            "university_ranking_top_percent": row.get("Ranking_Percentage"),
            "repeated_row": True if repeated else None,
            "listed_on": "Mastersportal",
        },
    )


def program_url(link: str | None) -> str | None:
    """The program page without the search's tracking query (`?ref=search_card`)."""
    if link is None:
        return None
    parts = urlsplit(link)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def tuition(fee: str | None) -> tuple[str | None, str | None, str | None]:
    """(price text, period for the cost model, why the cost cannot be known)."""
    if fee is None or "/" not in fee:
        return fee, None, None  # "Free", or nothing listed
    unit = fee.rpartition("/")[2].strip().lower()
    if unit not in PRICE_PERIODS:
        return None, None, f"fee per {unit}: how many make the program is not listed"
    return fee, PRICE_PERIODS[unit], None
