"""Worksheet and JSON feeds: read lazily, and a damaged body is a counted drop, never an exception.

The workbooks are built here, small, in the shape of the Coursera workbook (datasets/coursera_courses_3522.xlsx).
"""

import io
import zipfile

from openpyxl import Workbook

from crawlers.parsers.csv_feed import Dropped, FeedRow, program_item
from crawlers.parsers.json_feed import load_json_feed, parse_records
from crawlers.parsers.xlsx_feed import parse_xlsx_feed

HEADER = ("Course_Name", "University", "Course_Rating", "Skills")
ROWS = [
    ("Machine Learning", "Stanford University", 4.5999999999999996, "Machine Learning  Python"),
    ("Write A Feature Length Screenplay", None, "Not Calibrated", None),
    ("Finance for Everyone", "University of Michigan", 4.7, "Finance_x000D_\nAccounting"),
]


def workbook_bytes(rows, sheet="Coursera") -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_item(row: FeedRow):
    return program_item(title=row.get("Course_Name"), provider=row.get("University"),
                        rating=row.get("Course_Rating"), skills=row.get("Skills"))


def parse(body: bytes):
    results = list(parse_xlsx_feed(body, required_columns=HEADER, title_column="Course_Name", to_item=as_item,
                                   spacing_kept=("Skills",)))
    return [r for r in results if not isinstance(r, Dropped)], [r for r in results if isinstance(r, Dropped)]


def test_a_worksheet_is_read_like_a_csv_table():
    items, drops = parse(workbook_bytes([HEADER, *ROWS, (None, None, None, None), ("", "MIT", 4.5, None)]))
    assert [dict(item) for item in items] == [
        {"title": "Machine Learning", "provider": "Stanford University", "rating": "4.6",
         "skills": "Machine Learning  Python"},  # the float as written, the two-space separator kept
        {"title": "Write A Feature Length Screenplay", "rating": "Not Calibrated"},
        {"title": "Finance for Everyone", "provider": "University of Michigan", "rating": "4.7",
         "skills": "Finance\r\nAccounting"},  # OOXML's escape of a carriage return undone
    ]
    assert [(drop.reason, drop.detail) for drop in drops] == [("missing_title", "line 6")]  # the blank row skipped


def test_a_worksheet_row_longer_than_its_header_is_dropped():
    items, drops = parse(workbook_bytes([HEADER, (*ROWS[0], "stray cell"), ROWS[2]]))
    assert [item["title"] for item in items] == ["Finance for Everyone"]
    assert [drop.reason for drop in drops] == ["wrong_column_count"]


def test_a_worksheet_without_the_expected_columns_is_dropped_whole():
    items, drops = parse(workbook_bytes([("Name", "University", "Course_Rating", "Skills"), *ROWS]))
    assert items == [] and [drop.reason for drop in drops] == ["unexpected_columns"]


def test_a_body_that_is_no_workbook_is_one_unreadable_feed():
    for body in (b"", b"Course_Name,University\nMachine Learning,Stanford\n", b"PK\x03\x04" + b"\x00" * 40):
        items, drops = parse(body)
        assert items == [] and [drop.reason for drop in drops] == ["unreadable_feed"], body[:10]


def test_a_truncated_workbook_is_one_unreadable_feed():
    body = workbook_bytes([HEADER, *ROWS])
    items, drops = parse(body[: len(body) // 2])
    assert items == []
    [drop] = drops
    assert (drop.reason, drop.detail.split(":")[0]) == ("unreadable_feed", "not a readable xlsx workbook")


def test_a_sheet_broken_midway_keeps_the_rows_before_the_damage():
    body = workbook_bytes([HEADER, *ROWS])
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as original, zipfile.ZipFile(damaged, "w") as copy:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data[: data.index(b"</row>", data.index(b"</row>") + 1) + len(b"</row>")]  # after row 2
            copy.writestr(entry, data)
    items, drops = parse(damaged.getvalue())
    assert [item["title"] for item in items] == ["Machine Learning"]
    [drop] = drops
    assert drop.reason == "unreadable_feed" and drop.detail.startswith("after row 2: ")


def test_a_body_that_is_no_json_is_one_unreadable_feed():
    for body in (b'{"courses": [{"key": "ud120"', b"\xff\xfe\x00garbage", b"<html>rate limited</html>"):
        loaded = load_json_feed(body, dict, "the catalogue object")
        assert isinstance(loaded, Dropped) and loaded.reason == "unreadable_feed", body


def test_a_json_body_of_another_shape_is_one_unexpected_shape():
    assert load_json_feed(b'{"courses": []}', list, "a list of courses") == Dropped(
        "unexpected_shape", "a dict, not a list of courses"
    )


def test_json_records_that_are_not_objects_are_counted():
    records = [{"title": "Intro to Machine Learning"}, "ud120", None, {"title": "Deep Learning"}]
    results = list(parse_records(records, what="course", to_item=lambda record: program_item(title=record["title"])))
    assert [result["title"] for result in results if not isinstance(result, Dropped)] == [
        "Intro to Machine Learning", "Deep Learning",
    ]
    assert [(r.reason, r.detail) for r in results if isinstance(r, Dropped)] == [
        ("malformed_record", "course 1: a str, not an object"),
        ("malformed_record", "course 2: a NoneType, not an object"),
    ]
