"""Rows a feed parser cannot use are skipped and counted; a feed that changed shape is dropped whole.

Built from the first lines of the real Coursera and edX datasets, with damage added.
"""

from collections import Counter

from crawlers.parsers import coursera_catalog, edx_catalog
from crawlers.parsers.csv_feed import Dropped, flag, slug

FEED_URL = "https://example.org/feed.csv"
FETCHED_AT = "2025-07-24T00:00:00+00:00"


def first_lines(path, count):
    return path.read_bytes().splitlines(keepends=True)[:count]


def parse(module, body: bytes):
    results = list(module.parse_feed(body, FEED_URL, FETCHED_AT))
    items = [result for result in results if not isinstance(result, Dropped)]
    drops = [result for result in results if isinstance(result, Dropped)]
    return items, drops


def test_malformed_rows_are_skipped_and_repeated_rows_all_read(corpus):
    header, google_cyber, google_data = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 3)
    body = b"".join(
        [
            header,
            google_cyber,
            b"Google,,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n",  # no title
            b"Google,Too Few Cells,Python\n",
            b"Google,Too Many Cells,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False,extra\n",
            b"\n",  # blank line: not a record
            google_data,
            google_cyber,  # repeated: the catalogue merges it, the feed keeps it
        ]
    )
    items, drops = parse(coursera_catalog, body)
    titles = ["Google Cybersecurity", "Google Data Analytics", "Google Cybersecurity"]
    assert [item["title"] for item in items] == titles
    assert Counter(drop.reason for drop in drops) == {"missing_title": 1, "wrong_column_count": 2}
    assert drops[0].detail == "line 3"


def test_a_feed_missing_expected_columns_is_dropped_whole_naming_them(corpus):
    lines = first_lines(corpus("datasets/edx_courses_974.csv"), 2)
    renamed_header = lines[0].replace(b"course_url", b"link").replace(b"Level", b"difficulty")
    items, drops = parse(edx_catalog, renamed_header + lines[1])
    assert items == []
    [drop] = drops
    assert drop.reason == "unexpected_columns"
    assert drop.detail.startswith("missing columns: Level, course_url;")


def test_an_empty_feed_is_an_unexpected_one():
    items, drops = parse(edx_catalog, b"")
    assert items == [] and [drop.reason for drop in drops] == ["unexpected_columns"]


def test_a_byte_order_mark_does_not_hide_the_first_column(corpus):
    lines = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 2)
    items, drops = parse(coursera_catalog, "\ufeff".encode() + b"".join(lines))
    assert drops == [] and items[0]["provider"] == "Google"


def test_slug_and_flag():
    assert slug("University of Oslo", None, "Data Science ") == "university-of-oslo/data-science"
    assert slug("École Polytechnique") == "école-polytechnique"
    assert [flag(text) for text in ("T", "False", "Yes", "no", "maybe", None)] == [True, False, True, False, None, None]


def test_an_unreadable_row_is_skipped_and_the_next_one_read(corpus):
    header, google_cyber, google_data = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 3)
    # a field over the csv module's size limit, then a quote closed inside a field
    oversized = b'Google,Huge,"' + b"x" * 200_000 + b'",4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n'
    stray_quote = b'Google,"Bad" Quote,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n'
    items, drops = parse(coursera_catalog, header + google_cyber + oversized + stray_quote + google_data)
    assert [drop.reason for drop in drops] == ["unreadable_row", "unreadable_row"]
    assert [item["title"] for item in items] == ["Google Cybersecurity", "Google Data Analytics"]


def test_a_row_with_bytes_that_are_not_utf8_is_dropped_and_the_rest_read(corpus):
    header, google_cyber, google_data = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 3)
    latin1 = "Google,Données,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n".encode("latin-1")
    items, drops = parse(coursera_catalog, header + latin1 + google_cyber + google_data)
    assert [(drop.reason, drop.detail) for drop in drops] == [("undecodable_row", "line 2: bytes that are not UTF-8")]
    assert [item["title"] for item in items] == ["Google Cybersecurity", "Google Data Analytics"]


def test_a_truncated_feed_keeps_its_whole_rows(corpus):
    body = b"".join(first_lines(corpus("datasets/coursera_catalog_1139.csv"), 4))
    cut_in_a_row = body[: body.rindex(b"\n", 0, len(body) - 1) + 20]
    items, drops = parse(coursera_catalog, cut_in_a_row)
    assert [item["title"] for item in items] == ["Google Cybersecurity", "Google Data Analytics"]
    assert [drop.reason for drop in drops] == ["wrong_column_count"]


def test_an_unterminated_quote_is_one_unreadable_row(corpus):
    header, google_cyber, google_data = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 3)
    unterminated = b'Google,"Open Quote,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n'
    items, drops = parse(coursera_catalog, header + google_cyber + google_data + unterminated)
    assert [item["title"] for item in items] == ["Google Cybersecurity", "Google Data Analytics"]
    assert [(drop.reason, drop.detail) for drop in drops] == [("unreadable_row", "line 4: unexpected end of data")]

