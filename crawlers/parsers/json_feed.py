"""JSON feeds (catalogue API dumps): the body loaded whole (they are small), one item per record."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, MalformedRow


def load_json_feed(body: bytes, shape: type[list] | type[dict], what: str) -> list | dict | Dropped:
    """The parsed body if it is a ``shape`` (the feed's top level, ``what`` names it in messages); else an
    ``unreadable_feed`` Dropped naming where it stopped parsing, or an ``unexpected_shape`` one."""
    try:
        loaded = json.loads(body)
    except ValueError as error:  # JSONDecodeError, or bytes that are no Unicode encoding
        return Dropped("unreadable_feed", f"not JSON: {error}")
    if not isinstance(loaded, shape):
        return Dropped("unexpected_shape", f"a {type(loaded).__name__}, not {what}")
    return loaded


def parse_records(
    records: Iterable[object], *, what: str, to_item: Callable[[dict], ProgramItem]
) -> Iterator[ProgramItem | Dropped]:
    """An item per record (``what`` names them in messages: "course 12"); a record that is not an object
    or that its mapper cannot read is a counted Dropped."""
    for position, record in enumerate(records):
        if not isinstance(record, dict):
            yield Dropped("malformed_record", f"{what} {position}: a {type(record).__name__}, not an object")
            continue
        try:
            yield to_item(record)
        except MalformedRow as error:
            yield Dropped(error.reason, f"{what} {position}: {error.detail}")


def text_of(value: object) -> str | None:
    """A JSON value as text: stripped, None when it is empty or not a string."""
    return value.strip() or None if isinstance(value, str) else None
