"""The Coursera catalogue feed parser on the real dataset (datasets/coursera_catalog_1139.csv)."""

from collections import Counter

from crawlers.parsers import coursera_catalog
from crawlers.parsers.csv_feed import Dropped

PARSER = coursera_catalog
FEED_FILE = "datasets/coursera_catalog_1139.csv"
FEED_URL = "https://example.org/Coursera.csv"
FETCHED_AT = "2025-07-24T00:00:00+00:00"


def by_id(items, source_id):
    return [item for item in items if item["source_id"] == source_id][0]  # the first listing


def test_every_row_is_an_item_but_the_misaligned_ones(results, items):
    drops = Counter(result.reason for result in results if isinstance(result, Dropped))
    assert len(items) == 1135
    assert drops == {"misaligned_columns": 4}
    assert len(items) + sum(drops.values()) == 1139
    assert len({item["source_id"] for item in items}) == 1113  # 22 rows repeat a partner and title


def test_a_professional_certificate_row_stripped_of_stray_spaces(items):
    item = by_id(items, "google/google-cybersecurity")
    assert dict(item) == {
        "source": "coursera-catalog",
        "source_id": "google/google-cybersecurity",
        "url": FEED_URL,
        "fetched_at": FETCHED_AT,
        "title": "Google Cybersecurity",
        "provider": "Google",
        "skills": (
            "Network Security, Python Programming, Linux, Cloud Computing, Algorithms, Audit, Computer Programming, "
            "Computer Security Incident Management, Cryptography, Databases, Leadership and Management, "
            "Network Architecture, Risk Management, SQL"
        ),
        "rating": "4.8",
        "rating_count": "16400.0",
        "level": "Beginner",  # "Beginner " in the file
        "credential": "Professional Certificate",  # " Professional Certificate "
        "duration": "3 - 6 Months",  # " 3 - 6 Months"
        "extra": {"platform": "Coursera", "credit_eligible": False},
    }


def test_literal_none_and_empty_cells_are_left_out(items):
    # skills "None", rating "", reviewcount "", level "None" in the file
    item = by_id(items, "university-of-massachusetts-global/bachelor-of-arts-in-psychology")
    assert {"skills", "rating", "rating_count", "level"}.isdisjoint(item)
    assert item["credential"] == "Degree"
    assert item["duration"] == "1 - 4 Years"
    assert item["extra"]["credit_eligible"] is True
    assert not [item for item in items for value in item.values() if value in ("None", "")]


def test_repeated_rows_are_each_an_item_under_one_id(items):
    # Google IT Support is listed four times (lines 6, 171, 330, 378); two rows are nearly empty.
    listings = [item for item in items if item["source_id"] == "google/google-it-support"]
    assert [(item.get("rating"), item.get("rating_count")) for item in listings] == [
        ("4.8", "181400.0"), (None, None), (None, None), ("4.5", "166.0"),
    ]


def test_rows_with_shifted_columns_are_dropped(results, items):
    # "IBM,IBM & Darden Digital Strategy,Specialization,,,Specialization,None,None,False": the product
    # type sits under skills and level. The real row (partner Darden) stays.
    misaligned = [
        result.detail for result in results if isinstance(result, Dropped) and result.reason == "misaligned_columns"
    ]
    assert [detail.split(":")[0] for detail in misaligned] == ["line 227", "line 461", "line 883", "line 953"]
    [darden] = [item for item in items if item["title"] == "IBM & Darden Digital Strategy"]
    assert darden["provider"] == "University of Virginia Darden School Foundation"
    # Louisiana's MBA: the shifted row (line 953) is dropped, the good one (line 1102) kept.
    mba = by_id(items, "louisiana-state-university/flores-master-of-business-administration")
    assert (mba["credential"], mba["duration"]) == ("Degree", "1 - 4 Years")
