"""The Udemy catalogue feed parser on the real dataset (datasets/udemy_raw_16429.csv)."""

import pytest

from crawlers.parsers import udemy_catalog
from crawlers.parsers.csv_feed import Dropped

PARSER = udemy_catalog
FEED_FILE = "datasets/udemy_raw_16429.csv"
FEED_URL = "https://example.org/Udemy_Raw.csv"
FETCHED_AT = "2021-08-11T00:00:00+00:00"


@pytest.fixture
def feed(results):
    return {
        "drops": [r for r in results if isinstance(r, Dropped)],
        "items": {r["source_id"]: r for r in results if not isinstance(r, Dropped)},
    }


def test_every_course_id_is_one_item(feed):
    # Titles repeat (three "DIY Holiday Cards in Photoshop" courses) but Udemy IDs do not.
    assert len(feed["items"]) == 16429
    assert feed["drops"] == []
    assert sum(item["title"] == "DIY Holiday Cards in Photoshop" for item in feed["items"].values()) == 3


def test_a_known_course(feed):
    assert dict(feed["items"]["1236468"]) == {
        "source": "udemy-catalog",
        "source_id": "1236468",
        "url": FEED_URL,
        "fetched_at": FETCHED_AT,
        "title": "Complete Hypnotherapy & Hypnosis Certification Diploma",
        "provider": "Dr Karen E Wells",
        "subject": ["Lifestyle", "Esoteric Practices", "Hypnotherapy"],
        "language": "English",
        "duration": "3 hours",
        "price": "104.98",
        "currency": "SGD",
        "rating": "4.7",
        "rating_count": "3524",
        "extra": {
            "platform": "Udemy",
            "duration_is_total_video": True,
            "discounted_price": 26.0,
            "discounted_price_text": "S$26",
            "bestseller": True,
            "skillsfuture_eligible": False,
            "practice_tests": "0",
            "articles": "4",
            "coding_exercises": "0",
            "additional_resources": "0",
        },
    }


def test_stray_spaces_inside_a_title_are_collapsed(feed):
    assert feed["items"]["4140724"]["title"] == "Machine Learning & Data Science Bootcamp with R & Python"


def test_an_unrated_course_has_no_rating(feed):
    item = feed["items"]["4139336"]  # Overall_Rating 0, No_of_Ratings 0
    assert "rating" not in item
    assert item["rating_count"] == "0"


def test_the_listing_currency_stays_when_there_is_no_discount(feed):
    item = feed["items"]["4057022"]  # Discounted_Price empty
    assert (item["price"], item["currency"]) == ("29.98", "SGD")
    assert "discounted_price" not in item["extra"]


def test_a_practice_test_course_has_no_video_duration(feed):
    item = feed["items"]["4000558"]  # Video_Duration empty
    assert "duration" not in item
    assert "duration_is_total_video" not in item["extra"]


def test_a_course_without_topic_lists_two_subjects(feed):
    assert feed["items"]["1436714"]["subject"] == ["Design", "Design Thinking"]  # Topic empty


def test_the_price_record_is_read_as_a_literal_never_run():
    assert udemy_catalog.discounted_price("{'amount': 18.0, 'currency': 'SGD'}") == {"amount": 18.0, "currency": "SGD"}
    assert udemy_catalog.discounted_price("__import__('os').system('echo hacked')") == {}
    assert udemy_catalog.discounted_price("{'amount': 18.0") == {}
    assert udemy_catalog.discounted_price("[1, 2]") == {}
