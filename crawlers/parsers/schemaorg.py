"""schema.org programs on any page -> raw ``ProgramItem`` objects (source "schemaorg").

A ``Course``, ``CourseInstance`` or ``EducationalOccupationalProgram`` in JSON-LD or microdata is one
item; a ``CourseInstance`` that a ``Course`` of the page holds is a session of it, not an item.
Structured-data blocks that cannot be read, even repaired, are counted, never raised.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urljoin

from crawlers.items import ProgramItem
from crawlers.parsers.structured import schema_objects, schema_program_fields, schema_type_names

SOURCE = "schemaorg"
PROGRAM_TYPES = frozenset({"Course", "CourseInstance", "EducationalOccupationalProgram"})


def parse_page(html: str, url: str, fetched_at: str | None = None) -> tuple[list[ProgramItem], int]:
    """The page's programs, and how many of its structured-data blocks could not be read."""
    errors: list[str] = []
    objects = schema_objects(html, url, types=PROGRAM_TYPES, errors=errors)
    sessions = {id(session) for obj in objects for session in _instances(obj)}
    items = [_item(obj, url, fetched_at) for obj in objects if id(obj) not in sessions]
    return [item for item in items if item.get("title")], len(errors)


def _instances(obj: dict) -> list[dict]:
    held = obj.get("hasCourseInstance") or []
    return [held] if isinstance(held, dict) else [entry for entry in held if isinstance(entry, dict)]


def _item(obj: dict, page_url: str, when: str | None) -> ProgramItem:
    fields = schema_program_fields(obj)
    url = urljoin(page_url, fields.pop("url", "") or page_url)
    kind = sorted(schema_type_names(obj) & PROGRAM_TYPES)[0]
    return ProgramItem(
        source=SOURCE,
        source_id=_stable_id(url, fields.get("title")),
        url=url,
        fetched_at=when,
        extra={"schema_type": kind, "listed_on": page_url},
        **fields,
    )


def _stable_id(url: str, title: str | None) -> str:
    """The program's URL, with its title when one page describes several programs."""
    digest = hashlib.sha1(f"{url}\n{title or ''}".encode()).hexdigest()[:12]
    return f"{url}#{digest}"
