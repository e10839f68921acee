"""The Udacity and FutureLearn JSON feed parsers on the real dumps (api/udacity_catalog_198.json,
api/futurelearn_courses_514.json), and on damaged bodies built here."""

import json
from collections import Counter
from functools import cache
from pathlib import Path

from crawlers.parsers import futurelearn, udacity
from crawlers.parsers.csv_feed import Dropped

FETCHED_AT = "2017-04-24T03:34:59+00:00"


@cache
def _parsed(parser, path: Path) -> tuple:
    return tuple(parser.parse_feed(path.read_bytes(), f"https://example.org/{path.name}", FETCHED_AT))


def udacity_items(corpus):
    return [r for r in _parsed(udacity, corpus("api/udacity_catalog_198.json")) if not isinstance(r, Dropped)]


def futurelearn_items(corpus):
    return [r for r in _parsed(futurelearn, corpus("api/futurelearn_courses_514.json")) if not isinstance(r, Dropped)]


def by_id(items, source_id):
    return next(item for item in items if item["source_id"] == source_id)


def test_every_udacity_course_and_nanodegree_is_an_item(corpus):
    results = _parsed(udacity, corpus("api/udacity_catalog_198.json"))
    items = udacity_items(corpus)
    assert len(items) == len(results) == 198
    assert Counter(item["credential"] for item in items) == {"Course": 177, "Nanodegree": 21}
    assert len({item["source_id"] for item in items}) == 193  # 5 course keys are listed twice
    assert all("?" not in item["url"] for item in items)


def test_a_udacity_course(corpus):
    course = by_id(udacity_items(corpus), "ud120")
    assert (course["title"], course["provider"], course["level"], course["duration"]) == (
        "Intro to Machine Learning", "Udacity", "intermediate", "10 weeks",
    )
    assert course["url"] == "https://www.udacity.com/course/intro-to-machine-learning--ud120"
    assert course["subject"] == ["Data Science"]
    assert course["description"].startswith("Machine Learning is a first-class ticket to the most exciting careers")
    assert course["extra"]["subtitle"] == "Pattern Recognition for Fun and Profit"


def test_a_nanodegree(corpus):
    nanodegree = by_id(udacity_items(corpus), "nd009")
    assert (nanodegree["title"], nanodegree["credential"], nanodegree["level"], nanodegree["duration"]) == (
        "Machine Learning Engineer Nanodegree", "Nanodegree", "advanced", "10 months",
    )


def test_a_zero_duration_and_an_empty_level_are_unknown(corpus):
    big_data = by_id(udacity_items(corpus), "ud758")  # expected_duration 0, unit "", level ""
    assert big_data["title"] == "CSE 8803 Special Topics: Big Data"
    assert "duration" not in big_data and "level" not in big_data
    assert udacity.duration(0, "months") is None and udacity.duration(3, "") is None
    assert udacity.duration(2, "days") == "2 days"


def test_every_futurelearn_course_is_an_item(corpus):
    items = futurelearn_items(corpus)
    assert len(items) == 514 and len({item["source_id"] for item in items}) == 514
    assert sum(len(item["extra"]["runs"]) for item in items) == 1802
    assert all(item["url"].startswith("https://www.futurelearn.com/courses/") and "?" not in item["url"]
               for item in items)


def test_a_futurelearn_course(corpus):
    course = by_id(futurelearn_items(corpus), "fec9b73a-8ee3-42fd-b2cf-5bb556a02c03")
    assert (course["title"], course["institution"], course["provider"]) == (
        "Learn to Code for Data Analysis", "The Open University", "FutureLearn",
    )
    assert course["url"] == "https://www.futurelearn.com/courses/learn-to-code"
    assert (course["effort"], course["duration"]) == ("5 hours per week", "4 weeks")
    assert course["subject"] == ["Tech & Coding"]
    assert course["extra"]["runs"][:2] == [
        {"uuid": "ccecc286-5f10-4097-967b-7f1e315be41d", "start_date": "2015-10-26", "weeks": 4},
        {"uuid": "3097c93d-fce6-4845-98b2-4581c9df27e8", "start_date": "2016-06-06", "weeks": 4},
    ]


def test_the_description_html_becomes_text(corpus):
    first = futurelearn_items(corpus)[0]
    assert first["title"] == "Begin Programming: Build Your First Mobile Game"
    intro, body = first["description"].split("\n\n", 1)
    assert intro == (
        "Learn basic Java programming by developing a simple mobile game that you can run on your computer, "
        "Android phone, or tablet."
    )
    assert body.startswith("Programming is everywhere: in dishwashers, cars and even space shuttles.")
    assert "<p>" not in body and "\nWhether you’re a complete newcomer to programming" in body


def test_runs_of_different_lengths_give_a_range(corpus):
    assert futurelearn.weeks_of_runs([{"duration_in_weeks": 6}, {"duration_in_weeks": 4}, {}]) == "4 to 6 weeks"
    assert futurelearn.weeks_of_runs([{"duration_in_weeks": 0}]) is None


def test_damaged_json_bodies_are_counted_drops():
    for parser in (udacity, futurelearn):
        [drop] = list(parser.parse_feed(b'{"courses": [{"key": "ud120", "title": "Intro', "u", FETCHED_AT))
        assert drop.reason == "unreadable_feed"
    [shape] = list(udacity.parse_feed(b"[]", "u", FETCHED_AT))
    assert shape.reason == "unexpected_shape"
    body = json.dumps([{"uuid": "a", "name": "Data to Insight", "url": "https://www.futurelearn.com/courses/d"},
                       {"uuid": "b"}, 7]).encode()
    results = list(futurelearn.parse_feed(body, "u", FETCHED_AT))
    assert [r["title"] for r in results if not isinstance(r, Dropped)] == ["Data to Insight"]
    assert [r.reason for r in results if isinstance(r, Dropped)] == ["missing_title", "malformed_record"]
