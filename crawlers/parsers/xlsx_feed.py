"""Worksheet feeds: the rows of an xlsx body, streamed (openpyxl read-only), read like a CSV table."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from xml.etree.ElementTree import ParseError

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, TableRows, parse_table

# What openpyxl raises on a body that is not a readable workbook (besides its InvalidFileException):
# not a zip, a truncated or corrupt zip member, a missing part (KeyError), XML that does not parse.
UNREADABLE_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ParseError, ValueError, TypeError)


def parse_xlsx_feed(
    body: bytes,
    *,
    required_columns: Iterable[str],
    title_column: str,
    to_item: Callable[[FeedRow], ProgramItem],
    sheet: str | None = None,
    spacing_kept: Iterable[str] = (),
) -> Iterator[ProgramItem | Dropped]:
    """Items from one worksheet (``sheet``, else the active one) whose first row is its header."""
    return parse_table(
        xlsx_rows(body, sheet), required_columns=required_columns, title_column=title_column, to_item=to_item,
        spacing_kept=spacing_kept,
    )


def xlsx_rows(body: bytes, sheet: str | None = None) -> TableRows:
    """(row number, cells as text) of a worksheet, read lazily. A workbook that cannot be opened or read
    on is one ``unreadable_feed`` Dropped, after the rows read before the damage."""
    # Imported here: every crawl process loads every spider module, and only the xlsx feeds need openpyxl.
    from openpyxl import load_workbook
    from openpyxl.utils.escape import unescape
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = (InvalidFileException, *UNREADABLE_ZIP)
    try:
        workbook = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except unreadable as error:
        yield Dropped("unreadable_feed", f"not a readable xlsx workbook: {type(error).__name__}: {error}")
        return
    number = 0
    try:
        worksheet = workbook[sheet] if sheet else workbook.active
        width: int | None = None
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value, unescape) for value in values]
            width = len(_without_trailing_blanks(cells)) if width is None else width
            yield number, _fitted(cells, width)
    except unreadable as error:
        yield Dropped("unreadable_feed", f"after row {number}: {type(error).__name__}: {error}")
    finally:
        workbook.close()


def cell_text(value: object, unescape: Callable[[str], str]) -> str:
    """A cell as the text a CSV would hold: numbers in their shortest form (4.6, not 4.5999999999999996);
    text through openpyxl's ``unescape``."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, str):
        return unescape(value)  # OOXML writes characters XML cannot hold as _xHHHH_ ("_x000D_" for CR)
    return str(value)


def _fitted(cells: list[str], width: int) -> list[str]:
    """A row to the header's width: a worksheet stores no trailing empty cells, or pads to its widest row."""
    cells = _without_trailing_blanks(cells) if len(cells) > width else cells
    return cells + [""] * (width - len(cells)) if len(cells) < width else cells


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]
