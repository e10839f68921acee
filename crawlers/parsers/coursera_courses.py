"""Coursera courses, specializations and professional certificates with their links (three feeds).

- ``Coursera.xlsx`` (ifiokpro/coursera_courses, 2021): one row per course: Course_Name, University,
  Difficulty_Level, Course_Rating, ``Course _URL`` (with a space), Course_Description, Skills
  (separated by two spaces).
- ``prog_scraped.csv`` (sriyanope/IS450-Project, early 2025): one row per specialization or
  professional certificate, the first column (unnamed) its row number, which ``course_scraped.csv``
  calls ``program_id``.
- ``course_scraped.csv``: one row per course of one of those programs; a course in several programs
  has a row in each.

Every record is keyed by its page URL (``page_url``), never by a row number: a course listed twice
(in the workbook, or in several programs) is yielded each time under the same ``source_id``, and the
catalogue merges the listings.
"""

import re
from collections.abc import Iterator

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, MalformedRow, page_url, parse_csv_feed, program_item
from crawlers.parsers.xlsx_feed import parse_xlsx_feed

SOURCE = "coursera-courses"
PLATFORM = "Coursera"

COURSE_COLUMNS = (
    "Course_Name", "University", "Difficulty_Level", "Course_Rating", "Course _URL", "Course_Description", "Skills",
)
PROGRAM_COLUMNS = (
    "prog_title", "org", "cert_type", "enrolled", "num_courses", "rating", "num_reviews", "difficulty",
    "prog_lo_description", "prog_lo_skills", "prog_description", "course_title_description_skills", "url",
)
PROGRAM_ID_COLUMN = ""  # the programs file leaves the header of its row-number column empty
PROGRAM_COURSE_COLUMNS = ("program_id", "course_title", "num_modules", "lo_description", "lo_skills",
                          "course_description", "url")

# The product a Coursera URL is the page of; every URL of these files is one of them.
CREDENTIAL_OF_PATH = {
    "learn": "Course",
    "specializations": "Specialization",
    "professional-certificates": "Professional Certificate",
}
# The workbook's scraper wrote U+FFFD where a non-ASCII character was (an apostrophe, mostly), and
# the file then read its UTF-8 bytes as Latin-1. The character was lost before: no library can bring
# it back (ftfy would only restore the U+FFFD), so the marks are removed and the text kept; a mark
# standing between spaces (for a dash: "The hidden value ï¿½ Lean") goes with one of them.
MOJIBAKE_REPLACEMENT = re.compile(r"(?<=\s)(?:ï¿½|\ufffd)+\s|(?:ï¿½|\ufffd)+")
SKILL_SEPARATOR = re.compile(r"\s{2,}")  # the workbook's Skills: "Machine Learning  Python Programming"
# Coursera's domains (2021), as its URLs write them; the workbook's Skills end with one and a subdomain.
COURSERA_DOMAINS = frozenset({
    "arts-and-humanities", "business", "computer-science", "data-science", "information-technology",
    "health", "life-sciences", "math-and-logic", "personal-development", "physical-science-and-engineering",
    "social-sciences", "language-learning",
})
SLUG = re.compile(r"[a-z]+(-[a-z]+)*")
# 8 programs hold a duration where the level belongs ("3 months").
DURATION_TEXT = re.compile(r"\d+(\.\d+)?\s*(hours?|days?|weeks?|months?|years?)", re.IGNORECASE)
# Course descriptions of a program sometimes open "Course 7 - Title;" before the text.
COURSE_POSITION = re.compile(r"^Course\s+(\d+)\s*-[^;]*;\s*")


def parse_courses_workbook(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_xlsx_feed(
        body, required_columns=COURSE_COLUMNS, title_column="Course_Name",
        to_item=lambda row: course_from_workbook_row(row, fetched_at), spacing_kept=("Skills",),
    )


def parse_programs(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body, required_columns=(PROGRAM_ID_COLUMN, *PROGRAM_COLUMNS), title_column="prog_title",
        to_item=lambda row: program_from_row(row, fetched_at),
    )


def parse_program_courses(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body, required_columns=PROGRAM_COURSE_COLUMNS, title_column="course_title",
        to_item=lambda row: course_from_program_row(row, fetched_at),
    )


def course_from_workbook_row(row: FeedRow, fetched_at: str) -> ProgramItem:
    url = listing_url(row, "Course _URL")
    skills, subject = skills_and_subject(without_mojibake(row.get("Skills")))
    return listing(
        url,
        fetched_at,
        title=without_mojibake(row.get("Course_Name")),
        provider=without_mojibake(row.get("University")),  # "ï¿½cole Polytechnique" -> "cole Polytechnique"
        credential=credential_of(url),
        description=without_mojibake(row.get("Course_Description")),
        skills=skills,
        subject=subject,
        level=row.get("Difficulty_Level"),  # also "Conversant" and "Not Calibrated": the cleaner decides
        rating=row.get("Course_Rating"),  # a number, or "Not Calibrated"
    )


def program_from_row(row: FeedRow, fetched_at: str) -> ProgramItem:
    url = listing_url(row, "url")
    difficulty = row.get("difficulty")
    is_duration = bool(difficulty and DURATION_TEXT.fullmatch(difficulty))
    return listing(
        url,
        fetched_at,
        title=row.get("prog_title"),
        provider=row.get("org"),
        credential=row.get("cert_type") or credential_of(url),
        description=row.get("prog_description"),
        skills=split_list(row.get("prog_lo_skills")),
        level=None if is_duration else difficulty,
        duration=difficulty if is_duration else None,
        rating=row.get("rating"),
        extra={
            # Not the rating count: the scraper cut it at its thousands comma ("2" for IBM's Machine
            # Learning certificate, 79,010 enrolled; no value has 4 digits, 207 of 475 have one).
            "num_reviews_cut_at_comma": row.get("num_reviews"),
            "program_id": whole_number(row.get(PROGRAM_ID_COLUMN)),
            "enrolled": whole_number(row.get("enrolled")),
            "num_courses": whole_number(row.get("num_courses")),
            "courses": course_titles(row.get("course_title_description_skills")),
            "outcomes": split_list(row.get("prog_lo_description")),
        },
    )


def course_from_program_row(row: FeedRow, fetched_at: str) -> ProgramItem:
    url = listing_url(row, "url")
    description = row.get("course_description")
    position = COURSE_POSITION.match(description) if description else None
    return listing(
        url,
        fetched_at,
        title=row.get("course_title"),
        credential=credential_of(url),
        description=description[position.end():] if position else description,
        skills=split_list(row.get("lo_skills")),
        extra={
            "program_id": whole_number(row.get("program_id")),  # the row number in prog_scraped.csv
            "position_in_program": int(position[1]) if position else None,
            "num_modules": whole_number(row.get("num_modules")),
            "outcomes": split_list(row.get("lo_description")),
        },
    )


def listing(url: str, fetched_at: str, *, extra: dict | None = None, **fields) -> ProgramItem:
    """An item of this source keyed by its page URL."""
    return program_item(
        source=SOURCE, source_id=url, url=url, fetched_at=fetched_at, extra={"platform": PLATFORM, **(extra or {})},
        **fields,
    )


def listing_url(row: FeedRow, column: str) -> str:
    url = page_url(row.get(column))
    if url is None:
        raise MalformedRow("missing_url", f"{column} is {row.get(column)!r}, not a page URL")
    return url


def credential_of(url: str) -> str | None:
    """'https://www.coursera.org/learn/x' -> 'Course'; None for a path that names no product."""
    first_part = url.split("/")[3] if url.count("/") >= 3 else ""
    return CREDENTIAL_OF_PATH.get(first_part)


def without_mojibake(text: str | None) -> str | None:
    if text is None:
        return None
    return MOJIBAKE_REPLACEMENT.sub("", text).strip() or None


def skills_and_subject(text: str | None) -> tuple[list[str] | None, list[str] | None]:
    """The workbook's skills, and the Coursera domain and subdomain its scraper appended to the last one.

    'Drama  Comedy  unix shells arts-and-humanities music-and-art' ->
    (['Drama', 'Comedy', 'unix shells'], ['arts and humanities', 'music and art'])
    """
    if text is None:
        return None, None
    skills = SKILL_SEPARATOR.split(text)
    *last_skill, domain, subdomain = ["", "", *skills[-1].split(" ")]
    if domain not in COURSERA_DOMAINS or not SLUG.fullmatch(subdomain):
        return skills, None
    skills[-1] = " ".join(last_skill).strip()
    return [skill for skill in skills if skill] or None, [domain.replace("-", " "), subdomain.replace("-", " ")]


def split_list(text: str | None) -> list[str] | None:
    """'Security Engineering;Network Security' -> ['Security Engineering', 'Network Security']."""
    if text is None:
        return None
    return [part.strip() for part in text.split(";") if part.strip()] or None


def course_titles(text: str | None) -> list[str] | None:
    """The titles in 'Title|description|skills||Title|description|skills'."""
    if text is None:
        return None
    return [course.split("|", 1)[0].strip() for course in text.split("||") if course.strip()] or None


def whole_number(text: str | None) -> int | None:
    """'22,401' -> 22401; None when the text is no whole number."""
    digits = (text or "").replace(",", "").strip()
    return int(digits) if digits.isdigit() else None
