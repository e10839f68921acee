"""What every CSV feed parser shares: reading rows, checking the header, skipping bad and repeated rows.

A feed parser yields ``ProgramItem`` objects and, for every row it could not use, a ``Dropped`` with
the reason (the spider counts it as the ``dropped/<reason>`` stat) so a crawl report shows what was
lost and why.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from crawlers.items import ProgramItem

MISSING_VALUES = frozenset({"", "None"})


@dataclass(frozen=True)
class Dropped:
    """A row (or a whole feed) the parser skipped."""

    reason: str  # counted by the spider as the stat dropped/<reason>
    detail: str = ""


class MalformedRow(ValueError):
    """Raised by a row mapper for a row it cannot read; the row is dropped with ``reason``."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class FeedRow:
    line: int  # line of the feed where the row ends, for messages
    values: dict[str, str]  # stripped cells; empty and literal "None" cells left out

    def get(self, column: str) -> str | None:
        return self.values.get(column)


def parse_csv_feed(
    csv_text: str,
    *,
    required_columns: Iterable[str],
    title_column: str,
    to_item: Callable[[FeedRow], ProgramItem],
) -> Iterator[ProgramItem | Dropped]:
    """Items from a CSV feed, one per distinct record (``source_id``), and a Dropped per skipped row.

    A feed whose header lacks a required column yields one ``unexpected_columns`` Dropped and nothing
    else: its columns no longer mean what the mapper expects.
    """
    seen_ids: set[str] = set()
    for row in read_rows(csv_text, required_columns=required_columns, title_column=title_column):
        if isinstance(row, Dropped):
            yield row
            continue
        try:
            item = to_item(row)
        except MalformedRow as error:
            yield Dropped(error.reason, f"line {row.line}: {error.detail}")
            continue
        if item["source_id"] in seen_ids:
            yield Dropped("duplicate_row", f"line {row.line}: {item['source_id']}")
            continue
        seen_ids.add(item["source_id"])
        yield item


def read_rows(
    csv_text: str, *, required_columns: Iterable[str], title_column: str
) -> Iterator[FeedRow | Dropped]:
    reader = csv.reader(io.StringIO(csv_text.removeprefix("\ufeff")))
    header = [name.strip() for name in next(reader, [])]
    missing = [name for name in required_columns if name not in header]
    if missing:
        yield Dropped("unexpected_columns", f"missing columns: {', '.join(missing)}; header: {header[:30]}")
        return
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Dropped("unreadable_row", f"line {reader.line_num}: {error}")
            continue
        if not any(cell.strip() for cell in cells):
            continue  # blank line, not a record
        if len(cells) != len(header):
            yield Dropped("wrong_column_count", f"line {reader.line_num}: {len(cells)} cells, header has {len(header)}")
            continue
        row = FeedRow(line=reader.line_num, values=_present_values(header, cells))
        if row.get(title_column) is None:
            yield Dropped("missing_title", f"line {reader.line_num}")
            continue
        yield row


def program_item(**fields) -> ProgramItem:
    """A ProgramItem with only the fields that have a value (None, empty lists and dicts left out)."""
    if isinstance(fields.get("extra"), dict):
        fields["extra"] = {key: value for key, value in fields["extra"].items() if value is not None}
    return ProgramItem({name: value for name, value in fields.items() if value not in (None, [], {})})


def slug(*parts: str | None) -> str:
    """A stable, readable key from text parts.

    'University of Oslo', 'Data Science' -> 'university-of-oslo/data-science'
    """
    return "/".join(_slug_part(part) for part in parts if part)


def flag(text: str | None) -> bool | None:
    """A yes/no cell as a bool ('True', 'T', 'Yes' ...), None when it says neither."""
    if text is None:
        return None
    answer = text.strip().lower()
    if answer in {"true", "t", "yes", "y"}:
        return True
    if answer in {"false", "f", "no", "n"}:
        return False
    return None


def _present_values(header: list[str], cells: list[str]) -> dict[str, str]:
    tidied = (_tidy(cell) for cell in cells)
    return {name: value for name, value in zip(header, tidied, strict=False) if name and value not in MISSING_VALUES}


def _tidy(cell: str) -> str:
    """Stray whitespace out: ends stripped; in one-line cells, runs of spaces and no-break spaces become one."""
    if "\n" in cell:
        return cell.strip()  # multi-line text keeps its lines
    return " ".join(cell.split())


def _slug_part(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "-", folded).strip("-")
