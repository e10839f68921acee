"""Rows a feed parser cannot use are skipped and counted; a feed that changed shape is dropped whole.

Built from the first lines of the real Coursera and edX datasets, with damage added.
"""

from collections import Counter

from crawlers.parsers import coursera_catalog, edx_catalog
from crawlers.parsers.csv_feed import Dropped, flag, slug

FEED_URL = "https://example.org/feed.csv"
FETCHED_AT = "2025-07-24T00:00:00+00:00"


def first_lines(path, count):
    return path.read_text(encoding="utf-8").splitlines(keepends=True)[:count]


def parse(module, text):
    results = list(module.parse_feed(text, FEED_URL, FETCHED_AT))
    items = [result for result in results if not isinstance(result, Dropped)]
    drops = [result for result in results if isinstance(result, Dropped)]
    return items, drops


def test_malformed_rows_are_skipped_and_the_rest_is_read(corpus):
    header, google_cyber, google_data = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 3)
    text = "".join(
        [
            header,
            google_cyber,
            "Google,,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n",  # no title
            "Google,Too Few Cells,Python\n",
            "Google,Too Many Cells,Python,4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False,extra\n",
            "\n",  # blank line: not a record
            google_data,
            google_cyber,  # repeated
        ]
    )
    items, drops = parse(coursera_catalog, text)
    assert [item["title"] for item in items] == ["Google Cybersecurity", "Google Data Analytics"]
    assert Counter(drop.reason for drop in drops) == {"missing_title": 1, "wrong_column_count": 2, "duplicate_row": 1}
    assert drops[0].detail == "line 3"


def test_a_feed_missing_expected_columns_is_dropped_whole_naming_them(corpus):
    lines = first_lines(corpus("datasets/edx_courses_974.csv"), 2)
    renamed_header = lines[0].replace("course_url", "link").replace("Level", "difficulty")
    items, drops = parse(edx_catalog, renamed_header + lines[1])
    assert items == []
    [drop] = drops
    assert drop.reason == "unexpected_columns"
    assert drop.detail.startswith("missing columns: Level, course_url;")


def test_an_empty_feed_is_an_unexpected_one():
    items, drops = parse(edx_catalog, "")
    assert items == [] and [drop.reason for drop in drops] == ["unexpected_columns"]


def test_a_byte_order_mark_does_not_hide_the_first_column(corpus):
    lines = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 2)
    items, drops = parse(coursera_catalog, "\ufeff" + "".join(lines))
    assert drops == [] and items[0]["provider"] == "Google"


def test_slug_and_flag():
    assert slug("University of Oslo", None, "Data Science ") == "university-of-oslo/data-science"
    assert slug("École Polytechnique") == "école-polytechnique"
    assert [flag(text) for text in ("T", "False", "Yes", "no", "maybe", None)] == [True, False, True, False, None, None]


def test_an_unreadable_row_is_skipped_and_the_next_one_read(corpus):
    header, google_cyber, google_data = first_lines(corpus("datasets/coursera_catalog_1139.csv"), 3)
    oversized = (
        'Google,Huge,"' + "x" * 200_000 + '",4.8,10.0,Beginner ,Course ,1 - 4 Weeks,False\n'
    )  # over csv's field limit
    items, drops = parse(coursera_catalog, header + google_cyber + oversized + google_data)
    assert [drop.reason for drop in drops] == ["unreadable_row"]
    assert [item["title"] for item in items] == ["Google Cybersecurity", "Google Data Analytics"]
