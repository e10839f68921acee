"""The data-science colleges feed parser on the real list (datasets/data_science_colleges_632.csv)."""

from collections import Counter

from crawlers.parsers import ds_colleges

PARSER = ds_colleges
FEED_FILE = "datasets/data_science_colleges_632.csv"
FEED_URL = "https://example.org/data_science_colleges.csv"
FETCHED_AT = "2020-12-04T00:00:00+00:00"


def test_every_program_is_an_item(results, items):
    assert len(items) == len(results) == 632
    assert len({item["source_id"] for item in items}) == 632


def test_the_first_program(items):
    assert dict(items[0]) == {
        "source": "ds-colleges",
        "source_id": (
            "http://harbert.auburn.edu/academics/online-programs/mba-online/index.php"
            "#online-master-of-business-administration-with-concentration-in-business-analytics/m/auburn"
        ),
        "url": "http://harbert.auburn.edu/academics/online-programs/mba-online/index.php",
        "fetched_at": FETCHED_AT,
        "title": "Online Master of Business Administration with concentration in Business Analytics",
        "provider": "Auburn University",
        "institution": "Auburn University",
        "credential": "M",
        "delivery": "on campus",  # ONLINE F, ONCAMPUS T: what the list says, despite the title
        "country": "US",
        "city": "Auburn",
        "extra": {"state": "AL", "department": "Raymond J. Harbert College of Business"},
    }


def test_degree_codes_are_kept_raw_and_stripped(items):
    # PROVENANCE: M 437, C 101, B 68, D 24, A 1, and one " M"
    assert Counter(item["credential"] for item in items) == {"M": 438, "C": 101, "B": 68, "D": 24, "A": 1}


def test_delivery_from_the_online_and_on_campus_flags(items):
    assert Counter(item.get("delivery") for item in items) == {
        "on campus": 451,
        "online": 139,
        "online; on campus": 40,
        None: 2,
    }


def test_one_program_on_two_campuses_is_two_items(items):
    cities = [item["city"] for item in items if item["title"] == "Applied MSc in Data Science"]
    assert cities == ["Paris", "Nice"]


def test_empty_cells_are_left_out(items):
    # STATE and DEPARTMENT are empty: no extra at all
    [paris] = [item for item in items if item["title"] == "Applied MSc in Data Science" and item["city"] == "Paris"]
    assert "extra" not in paris
    assert paris["country"] == "FR"
    assert not [item for item in items for value in item.values() if value in ("", "None", [], {})]
