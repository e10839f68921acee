"""FutureLearn's public course feed (April 2017 dump, one JSON feed): a JSON array of courses.

Per course: uuid, url (with a utm query), name, introduction, description (HTML), hours_per_week,
categories, organisation {name}, runs [{uuid, start_date, duration_in_weeks}]. A record is keyed by its
uuid. The feed states no price.
"""

from collections.abc import Iterator

import lxml.html
from lxml.etree import ParserError

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, MalformedRow, page_url, program_item
from crawlers.parsers.json_feed import load_json_feed, parse_records, text_of

SOURCE = "futurelearn"
PLATFORM = "FutureLearn"
CREDENTIAL = "Course"  # the feed is the course feed: every record is one course


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    courses = load_json_feed(body, list, "a list of courses")
    if isinstance(courses, Dropped):
        yield courses
        return
    yield from parse_records(courses, what="course", to_item=lambda record: course_item(record, fetched_at))


def course_item(record: dict, fetched_at: str) -> ProgramItem:
    title = text_of(record.get("name"))
    url = page_url(text_of(record.get("url")))  # without the utm query
    if title is None:
        raise MalformedRow("missing_title", f"uuid {record.get('uuid')!r}")
    runs = [run for run in record.get("runs") or () if isinstance(run, dict)]
    hours = record.get("hours_per_week")
    organisation = record.get("organisation") if isinstance(record.get("organisation"), dict) else {}
    return program_item(
        source=SOURCE,
        source_id=text_of(record.get("uuid")) or url,
        url=url,
        fetched_at=fetched_at,
        title=title,
        provider=PLATFORM,
        institution=text_of(organisation.get("name")),
        credential=CREDENTIAL,
        description=description(record),
        subject=[name for name in record.get("categories") or () if isinstance(name, str)],
        language=text_of(record.get("language")),
        duration=weeks_of_runs(runs),
        effort=f"{hours} hours per week" if is_positive_number(hours) else None,
        pacing="scheduled" if any(run.get("start_date") for run in runs) else None,  # runs start on dates
        extra={
            "platform": PLATFORM,
            "educator": text_of(record.get("educator")),
            "has_certificates": record.get("has_certificates"),
            "runs": [
                {"uuid": run.get("uuid"), "start_date": run.get("start_date"), "weeks": run.get("duration_in_weeks")}
                for run in runs
            ],
        },
    )


def description(record: dict) -> str | None:
    """The introduction, then the description's HTML as text (paragraphs kept apart)."""
    parts = [text_of(record.get("introduction")), html_text(text_of(record.get("description")))]
    return "\n\n".join(part for part in parts if part) or None


def html_text(html: str | None) -> str | None:
    if html is None:
        return None
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except ParserError:
        return None
    blocks = (" ".join(block.text_content().split()) for block in root.iter("p", "li", "h1", "h2", "h3", "h4"))
    return "\n".join(block for block in blocks if block) or " ".join(root.text_content().split()) or None


def weeks_of_runs(runs: list[dict]) -> str | None:
    """'6 weeks', or '4 to 6 weeks' when its runs differ in length; None when no run states one."""
    weeks = sorted({run.get("duration_in_weeks") for run in runs if is_positive_number(run.get("duration_in_weeks"))})
    if not weeks:
        return None
    return f"{weeks[0]:g} weeks" if len(weeks) == 1 else f"{weeks[0]:g} to {weeks[-1]:g} weeks"


def is_positive_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
