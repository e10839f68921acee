"""College Scorecard: US degree programs in the fields that lead to ML work, with tuition and outcomes.

Two published bzip2 CSV files, streamed (never unpacked whole into memory), reading only the columns
needed:
- the institution file (``MERGED<yyyy>_<yy>_PP.csv.bz2``, 3,306 columns): per UNITID the name, city,
  state, web site, yearly tuition and fees in-state and out-of-state, online-only flag and control;
- the field-of-study file (``FieldOfStudyData*.csv.bz2``): one row per institution x 4-digit CIP x
  credential level, with median earnings and median debt and the number of graduates behind each.
  A row in one of ``ML_FIELDS_OF_STUDY`` becomes a program; the other rows are only counted.

Missing values are ``NA`` and ``NULL``, privacy-suppressed ones ``PS`` and ``PrivacySuppressed``:
all unknown (None), never zero. Both files carry cp1252 characters as C1 controls (``Bachelor\\x92s``),
mapped back here. CIP codes lack the dot and the leading zero (``1107`` is 11.07).

Live, the Scorecard API answers the same facts per school (``parse_api_page``).

Credential levels (P_CREDLEV) are passed on as the Scorecard names them, with the level code in
``extra.credential_level``; pipeline.normalize.credential maps the names to the DESIGN vocabulary.
"""

from __future__ import annotations

import bz2
import csv
import io
import json
import operator
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, program_item, reader_rows
from crawlers.registry import ML_FIELDS_OF_STUDY

SOURCE = "scorecard"
SCORECARD_SCHOOL_PAGE = "https://collegescorecard.ed.gov/school/?{unitid}"
UNKNOWN = frozenset({"", "NA", "NULL", "PS", "PrivacySuppressed"})
_C1_CONTROLS = re.compile("[\u0080-\u009f]")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

INSTITUTION_COLUMNS = (
    "UNITID", "INSTNM", "CITY", "STABBR", "INSTURL", "MAIN", "CONTROL", "DISTANCEONLY",
    "TUITIONFEE_IN", "TUITIONFEE_OUT",
)  # fmt: skip
FIELD_OF_STUDY_COLUMNS = (
    "P_UNITID", "P_INSTNM", "P_CIPCODE", "P_CIPDESC", "P_CREDLEV", "P_CREDDESC", "P_COUNT",
    "P_DEBTMEDIAN", "P_TITLEIVCOUNT", "P_EARNINGSCOUNT", "P_MD_EARN_WNE",
)  # fmt: skip
CONTROL = {"1": "public", "2": "private nonprofit", "3": "private for-profit"}


class FeedUnreadable(ValueError):
    """The bzip2 stream or its CSV cannot be read at all, or lacks a needed column."""


@dataclass(frozen=True)
class Institution:
    unitid: str
    name: str | None
    city: str | None
    state: str | None
    url: str | None
    main_campus: bool | None
    control: str | None
    online_only: bool | None
    tuition_in_state: int | None  # per year, USD
    tuition_out_of_state: int | None

    @classmethod
    def unknown(cls, unitid: str) -> Institution:
        """A school the institution file does not list (closed or merged since the outcomes were measured)."""
        return cls(unitid, None, None, None, None, None, None, None, None, None)


def cp1252_text(text: str) -> str:
    """Characters the publisher carried over from cp1252 as C1 controls, restored: U+0092 -> '’'."""
    if not _C1_CONTROLS.search(text):
        return text
    return _C1_CONTROLS.sub(lambda match: match.group().encode("latin-1").decode("cp1252", "replace"), text)


def known(cell: str | None) -> str | None:
    if cell is None:
        return None
    text = cell.strip()
    return None if text in UNKNOWN else cp1252_text(text)


def whole_number(cell: str | None) -> int | None:
    """A count or a dollar figure; anything unreadable or negative is unknown."""
    text = known(cell)
    try:
        number = float(text) if text is not None else None
    except ValueError:
        return None
    return int(round(number)) if number is not None and number >= 0 else None


@cache  # a file holds a few hundred distinct codes in 200,000 rows
def cip4(code: str | None) -> str | None:
    """'1107' -> '11.07', '101' -> '01.01', '11.0701' -> '11.07'; None when it is no CIP code."""
    text = known(code)
    if text is None:
        return None
    series, dot, rest = text.partition(".")
    digits = series.zfill(2) + rest[:2].ljust(2, "0") if dot else text.zfill(4)
    if not digits.isdigit() or len(digits) != 4:
        return None
    return f"{digits[:2]}.{digits[2:]}"


def site_url(cell: str | None) -> str | None:
    """INSTURL as a link: 'www.empire.edu/' -> 'https://www.empire.edu/'."""
    text = known(cell)
    if text is None or " " in text or "." not in text:
        return None
    return text if _SCHEME.match(text) else f"https://{text}"


def csv_rows(body: bytes, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]] | Dropped]:
    """(line, cells of ``columns`` in that order) for each row of a bzip2 CSV, decompressed as it is read;
    a Dropped for a row that cannot be read. Raises FeedUnreadable when the file is no bzip2 CSV with
    those columns."""
    text = io.TextIOWrapper(bz2.BZ2File(io.BytesIO(body)), encoding="utf-8-sig", errors="replace", newline="")
    rows = reader_rows(csv.reader(text))
    first = next(rows, None)
    if isinstance(first, Dropped):
        raise FeedUnreadable(f"not a bzip2 CSV: {first.detail}")
    header = first[1] if first else []
    missing = [name for name in columns if name not in header]
    if missing:
        raise FeedUnreadable(f"missing columns: {', '.join(missing)}; header: {header[:20]}")
    pick = operator.itemgetter(*(header.index(name) for name in columns))
    for row in rows:
        if isinstance(row, Dropped):
            yield row
        elif len(row[1]) == len(header):
            yield row[0], pick(row[1])
        elif any(cell.strip() for cell in row[1]):
            yield Dropped("wrong_column_count", f"line {row[0]}: {len(row[1])} cells, header has {len(header)}")


def parse_institutions(body: bytes, feed_url: str, fetched_at: str) -> Iterator[Institution | Dropped]:
    """The institutions of the institution file, by UNITID, and a Dropped for each unusable row."""
    for row in csv_rows(body, INSTITUTION_COLUMNS):
        if isinstance(row, Dropped):
            yield row
            continue
        line, (unitid, name, city, state, url, main, control, online_only, tuition_in, tuition_out) = row
        unitid = known(unitid)
        if unitid is None or not unitid.isdigit():
            yield Dropped("missing_unitid", f"line {line}")
            continue
        yield Institution(
            unitid=unitid,
            name=known(name),
            city=known(city),
            state=known(state),
            url=site_url(url),
            main_campus=_flag(main),
            control=CONTROL.get(known(control) or ""),
            online_only=_flag(online_only),
            tuition_in_state=whole_number(tuition_in),
            tuition_out_of_state=whole_number(tuition_out),
        )


class FieldOfStudyParser:
    """A feed parser (body, feed URL, fetch time) -> items and drops for the field-of-study file,
    joining each program to its institution; ``rows`` counts the rows read by what became of them."""

    def __init__(self, institutions: dict[str, Institution]):
        self.institutions = institutions
        self.rows: Counter[str] = Counter()

    def __call__(self, body: bytes, feed_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
        cip_position = FIELD_OF_STUDY_COLUMNS.index("P_CIPCODE")
        for row in csv_rows(body, FIELD_OF_STUDY_COLUMNS):
            if isinstance(row, Dropped):
                yield row
                continue
            line, cells = row
            field = cip4(cells[cip_position])
            if field is None:
                yield Dropped("unreadable_cip_code", f"line {line}: {cells[cip_position]!r}")
                continue
            if field not in ML_FIELDS_OF_STUDY:
                self.rows["other_fields"] += 1
                continue
            self.rows["in_fields"] += 1
            yield self.program(line, field, dict(zip(FIELD_OF_STUDY_COLUMNS, cells, strict=True)), fetched_at)

    def program(self, line: int, field: str, cells: dict[str, str], fetched_at: str) -> ProgramItem | Dropped:
        unitid, level = known(cells["P_UNITID"]), known(cells["P_CREDLEV"])
        if unitid is None:
            return Dropped("missing_unitid", f"line {line}")
        if level is None:
            return Dropped("missing_credential_level", f"line {line}")
        return scorecard_program(
            unitid=unitid,
            field=field,
            field_title=known(cells["P_CIPDESC"]),
            level=level,
            credential=known(cells["P_CREDDESC"]),
            school_name=known(cells["P_INSTNM"]),
            institution=self.institutions.get(unitid),
            earnings=(whole_number(cells["P_MD_EARN_WNE"]), whole_number(cells["P_EARNINGSCOUNT"])),
            debt=(whole_number(cells["P_DEBTMEDIAN"]), whole_number(cells["P_COUNT"])),
            title_iv_count=whole_number(cells["P_TITLEIVCOUNT"]),
            fetched_at=fetched_at,
        )


def scorecard_program(
    *,
    unitid: str,
    field: str,
    field_title: str | None,
    level: str,
    credential: str | None,
    school_name: str | None,
    institution: Institution | None,
    earnings: tuple[int | None, int | None],
    debt: tuple[int | None, int | None],
    title_iv_count: int | None,
    fetched_at: str,
) -> ProgramItem:
    """One degree program: a field of study at one institution and credential level."""
    institution = institution or Institution.unknown(unitid)
    name = institution.name or school_name
    scorecard_page = SCORECARD_SCHOOL_PAGE.format(unitid=unitid)
    field_name = (field_title or "").rstrip(". ") or f"CIP {field}"
    return program_item(
        source=SOURCE,
        source_id=f"{unitid}/{field.replace('.', '')}/{level}",
        # The institution's site is the best page a person can open for the program; the Scorecard's
        # page of the school when the institution file gives none.
        url=institution.url or scorecard_page,
        fetched_at=fetched_at,
        title=f"{credential} in {field_name}" if credential else field_name,
        provider=name,
        institution=name,
        credential=credential,
        subject=field_name,
        price=institution.tuition_out_of_state,
        currency="USD" if institution.tuition_out_of_state is not None else None,
        delivery="online" if institution.online_only else None,
        country="US",
        city=institution.city,
        extra={
            "unitid": unitid,
            "state": institution.state,
            "cip": field,
            "credential_level": int(level) if level.isdigit() else level,
            "tuition_in_state": institution.tuition_in_state,
            "tuition_out_of_state": institution.tuition_out_of_state,
            "tuition_period": "year",
            "earnings_usd": earnings[0],
            "earnings_count": earnings[1],
            "debt_usd": debt[0],
            "debt_count": debt[1],
            "title_iv_count": title_iv_count,
            "main_campus": institution.main_campus,
            "control": institution.control,
            "scorecard_url": scorecard_page,
        },
    )


def parse_api_page(body: bytes, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    """Programs of a Scorecard API answer: ``{"metadata":..., "results":[school...]}`` or one school."""
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        yield Dropped("unreadable_json", str(error)[:200])
        return
    schools = document.get("results") if isinstance(document, dict) and "results" in document else [document]
    for school in schools if isinstance(schools, list) else []:
        yield from _api_school_programs(school, fetched_at)


def api_has_more_pages(body: bytes, page: int, per_page: int) -> bool:
    """Whether the API holds schools beyond this page (its metadata: total, page, per_page)."""
    try:
        total = json.loads(body).get("metadata", {}).get("total")
    except (ValueError, UnicodeDecodeError, AttributeError):
        return False
    return isinstance(total, int) and (page + 1) * per_page < total


def _api_school_programs(school: object, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    if not isinstance(school, dict) or school.get("id") is None:
        yield Dropped("unreadable_school", "a result without an id")
        return
    institution = _api_institution(school)
    programs = _path(school, "latest", "programs", "cip_4_digit") or []
    for program in programs:
        field = cip4(str(program.get("code") or ""))
        if field is None or field not in ML_FIELDS_OF_STUDY:
            continue
        level = _path(program, "credential", "level")
        if level is None:
            yield Dropped("missing_credential_level", f"{institution.unitid} {field}")
            continue
        yield scorecard_program(
            unitid=institution.unitid,
            field=field,
            field_title=program.get("title"),
            level=str(level),
            credential=cp1252_text(str(_path(program, "credential", "title") or "")) or None,
            school_name=_path(program, "school", "name"),
            institution=institution,
            earnings=_api_figure(program, "earnings", "median_earnings"),
            debt=_api_figure(program, "debt", "median_debt"),
            title_iv_count=_count(_path(program, "counts", "titleiv")),
            fetched_at=fetched_at,
        )


def _api_institution(school: dict) -> Institution:
    facts = school.get("school") or {}
    tuition = _path(school, "latest", "cost", "tuition") or {}
    online_only, main = facts.get("online_only"), facts.get("main_campus")
    return Institution(
        unitid=str(school["id"]),
        name=facts.get("name"),
        city=facts.get("city"),
        state=facts.get("state"),
        url=site_url(facts.get("school_url")),
        main_campus=None if main is None else bool(int(main)),
        control=CONTROL.get(str(facts.get("ownership"))),
        online_only=None if online_only is None else bool(int(online_only)),
        tuition_in_state=_count(tuition.get("in_state")),
        tuition_out_of_state=_count(tuition.get("out_of_state")),
    )


def _api_figure(program: dict, section: str, median: str) -> tuple[int | None, int | None]:
    """(median, graduates behind it) of one section of an API program: earnings or debt."""
    return _count(_path(program, section, median)), _count(_path(program, section, "count"))


def _path(document: object, *keys: str):
    for key in keys:
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    return document


def _count(value: object) -> int | None:
    return whole_number(None if value is None else str(value))


def _flag(cell: str) -> bool | None:
    text = known(cell)
    return {"1": True, "0": False}.get(text or "")
