"""edX course catalogue dataset (CSV feed, the Kaggle "edX Courses" set): one row per course.

Columns used: title, summary, n_enrolled, course_type, institution, instructors, Level, subject,
language, subtitles, course_effort, course_length, price, course_description, course_syllabus,
course_url. Records are keyed by their course URL.
"""

from collections.abc import Iterator

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, parse_csv_feed, program_item, slug

SOURCE = "edx-catalog"
PLATFORM = "edX"
REQUIRED_COLUMNS = (
    "title", "summary", "n_enrolled", "course_type", "institution", "Level", "subject", "language",
    "course_effort", "course_length", "price", "course_description", "course_url",
)
# What the dataset writes where a text is missing.
PLACEHOLDERS = frozenset({"pending", "no abstract available"})


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body,
        required_columns=REQUIRED_COLUMNS,
        title_column="title",
        to_item=lambda row: program_from_row(row, source_url, fetched_at),
    )


def program_from_row(row: FeedRow, source_url: str, fetched_at: str) -> ProgramItem:
    course_url = row.get("course_url")
    return program_item(
        source=SOURCE,
        source_id=course_url or slug(row.get("institution"), row.get("title")),
        url=course_url or source_url,
        fetched_at=fetched_at,
        title=row.get("title"),
        provider=PLATFORM,
        institution=row.get("institution"),
        description=_description(row),
        pacing=row.get("course_type"),
        level=row.get("Level"),
        subject=row.get("subject"),
        language=row.get("language"),
        effort=row.get("course_effort"),
        duration=row.get("course_length"),
        price=row.get("price"),
        extra={
            "platform": PLATFORM,
            "n_enrolled": row.get("n_enrolled"),
            "instructors": row.get("instructors"),
            "subtitles": row.get("subtitles"),
            "syllabus": _text(row, "course_syllabus"),
        },
    )


def _description(row: FeedRow) -> str | None:
    parts = [_text(row, "summary"), _text(row, "course_description")]
    return "\n\n".join(part for part in parts if part) or None


def _text(row: FeedRow, column: str) -> str | None:
    text = row.get(column)
    return None if text is None or text.lower() in PLACEHOLDERS else text
