"""What every feed parser shares: rows of a table read lazily, the header checked, bad rows counted.

A feed parser is ``parse_feed(body: bytes, feed_url: str, fetched_at: str)`` and yields one
``ProgramItem`` per record it reads and, for every row (or whole feed) it could not use, a ``Dropped``
with the reason (the spider counts it as the ``dropped/<reason>`` stat) so a crawl report shows what
was lost and why. Repeated records are all yielded: the catalogue merges them, not the feed.
CSV bodies are read here; worksheets in ``xlsx_feed``, JSON in ``json_feed``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from crawlers.items import ProgramItem

MISSING_VALUES = frozenset({"", "None"})
UNDECODABLE = "\ufffd"  # what a byte that is not UTF-8 decodes to


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


TableRows = Iterator[tuple[int, list[str]] | Dropped]  # (line or row number, cells) or a counted drop


def parse_csv_feed(
    body: bytes,
    *,
    required_columns: Iterable[str],
    title_column: str,
    to_item: Callable[[FeedRow], ProgramItem],
) -> Iterator[ProgramItem | Dropped]:
    """Items from a CSV feed, one per readable row (repeats included: merging them is the catalogue's
    job), and a Dropped per row that cannot be read. The body is read lazily, row by row."""
    return parse_table(csv_rows(body), required_columns=required_columns, title_column=title_column, to_item=to_item)


def parse_table(
    rows: TableRows,
    *,
    required_columns: Iterable[str],
    title_column: str,
    to_item: Callable[[FeedRow], ProgramItem],
    spacing_kept: Iterable[str] = (),
) -> Iterator[ProgramItem | Dropped]:
    """Items from the rows of a table whose first row is its header (CSV, a worksheet).

    A table whose header lacks a required column yields one ``unexpected_columns`` Dropped and nothing
    else: its columns no longer mean what the mapper expects. Cells are tidied (see ``_tidy``) but for
    the ``spacing_kept`` columns, whose runs of spaces mean something (a separator), only stripped.
    """
    records = table_records(
        rows, required_columns=required_columns, title_column=title_column, spacing_kept=frozenset(spacing_kept)
    )
    for row in records:
        if isinstance(row, Dropped):
            yield row
            continue
        try:
            yield to_item(row)
        except MalformedRow as error:
            yield Dropped(error.reason, f"line {row.line}: {error.detail}")


def csv_rows(body: bytes) -> TableRows:
    """The rows of a CSV body, decoded as they are read. A row the csv module cannot parse
    (unterminated quote, a field over its size limit) or whose bytes are not UTF-8 is a Dropped."""
    text = io.TextIOWrapper(io.BytesIO(body), encoding="utf-8-sig", errors="replace", newline="")
    for row in reader_rows(csv.reader(text, strict=True)):
        if not isinstance(row, Dropped) and any(UNDECODABLE in cell for cell in row[1]):
            yield Dropped("undecodable_row", f"line {row[0]}: bytes that are not UTF-8")
            continue
        yield row


def reader_rows(reader) -> TableRows:
    """(line, cells) of each row a csv reader reads; a Dropped for a row it cannot parse, and one
    last Dropped when the stream beneath it breaks off (a truncated or corrupt compressed file)."""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Dropped("unreadable_row", f"line {reader.line_num}: {error}")
            continue
        except (OSError, EOFError) as error:
            yield Dropped("truncated_feed", f"after line {reader.line_num}: {error}")
            return
        yield reader.line_num, cells


def table_records(
    rows: TableRows, *, required_columns: Iterable[str], title_column: str, spacing_kept: frozenset[str] = frozenset()
) -> Iterator[FeedRow | Dropped]:
    header_row = next(rows, None)
    if isinstance(header_row, Dropped):
        yield header_row
        return
    header = [name.strip() for name in header_row[1]] if header_row else []
    missing = [name for name in required_columns if name not in header]
    if missing:
        yield Dropped("unexpected_columns", f"missing columns: {', '.join(missing)}; header: {header[:30]}")
        return
    for row in rows:
        if isinstance(row, Dropped):
            yield row
            continue
        line, cells = row
        if not any(cell.strip() for cell in cells):
            continue  # blank line, not a record
        if len(cells) != len(header):
            yield Dropped("wrong_column_count", f"line {line}: {len(cells)} cells, header has {len(header)}")
            continue
        record = FeedRow(line=line, values=_present_values(header, cells, spacing_kept))
        if record.get(title_column) is None:
            yield Dropped("missing_title", f"line {line}")
            continue
        yield record


def program_item(**fields) -> ProgramItem:
    """A ProgramItem with only the fields that have a value (None, empty lists and dicts left out)."""
    if isinstance(fields.get("extra"), dict):
        fields["extra"] = {key: value for key, value in fields["extra"].items() if value is not None}
    return ProgramItem({name: value for name, value in fields.items() if value not in (None, [], {})})


def page_url(text: str | None) -> str | None:
    """A listing's page as a stable key: scheme and host lower-cased, no query, fragment or trailing
    slash ('https://www.udacity.com/course/x--ud123?utm_medium=referral' -> '.../course/x--ud123');
    None when the text is no http(s) URL."""
    if not text:
        return None
    parts = urlsplit(text.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


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


def _present_values(header: list[str], cells: list[str], spacing_kept: frozenset[str]) -> dict[str, str]:
    """Cells by column name (an unnamed column, such as a row number, under ""), missing ones left out."""
    values = {}
    for name, cell in zip(header, cells, strict=True):
        value = cell.strip() if name in spacing_kept else _tidy(cell)
        if value not in MISSING_VALUES:
            values[name] = value
    return values


def _tidy(cell: str) -> str:
    """Stray whitespace out: ends stripped; in one-line cells, runs of spaces and no-break spaces become one."""
    if "\n" in cell:
        return cell.strip()  # multi-line text keeps its lines
    return " ".join(cell.split())


def _slug_part(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "-", folded).strip("-")
