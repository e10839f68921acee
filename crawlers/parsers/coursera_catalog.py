"""Coursera catalogue dataset (CSV feed): one row per course, specialization or certificate.

Columns: partner, course, skills, rating, reviewcount, level, certificatetype, duration,
crediteligibility. The dataset has no id and no course URL: a record is keyed by partner and title.
"""

from collections.abc import Iterator

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, MalformedRow, flag, parse_csv_feed, program_item, slug

SOURCE = "coursera-catalog"
PLATFORM = "Coursera"
REQUIRED_COLUMNS = (
    "partner", "course", "skills", "rating", "reviewcount", "level", "certificatetype", "duration",
    "crediteligibility",
)
# Values of certificatetype. A few rows carry one of them under level (and skills) instead: the
# scrape shifted those rows' columns, so none of their cells can be trusted where they stand.
PRODUCT_TYPES = frozenset({
    "Course", "Specialization", "Professional Certificate", "Degree", "University Certificate",
    "Graduate Certificate", "Mastertrack", "Guided Project", "Postgraduate Diploma",
})


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body,
        required_columns=REQUIRED_COLUMNS,
        title_column="course",
        to_item=lambda row: program_from_row(row, source_url, fetched_at),
    )


def program_from_row(row: FeedRow, source_url: str, fetched_at: str) -> ProgramItem:
    if row.get("level") in PRODUCT_TYPES:
        raise MalformedRow("misaligned_columns", f"level is {row.get('level')!r}, a product type")
    return program_item(
        source=SOURCE,
        source_id=slug(row.get("partner"), row.get("course")),
        url=source_url,
        fetched_at=fetched_at,
        title=row.get("course"),
        provider=row.get("partner"),
        skills=row.get("skills"),  # one comma-separated string: some skills contain commas
        rating=row.get("rating"),
        rating_count=row.get("reviewcount"),
        level=row.get("level"),
        credential=row.get("certificatetype"),
        duration=row.get("duration"),
        extra={"platform": PLATFORM, "credit_eligible": flag(row.get("crediteligibility"))},
    )
