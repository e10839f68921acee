"""The coursera-courses feed parsers on the real files: the 3,522-course workbook, the 475 programs and
their 2,183 courses (datasets/coursera_courses_3522.xlsx, coursera_programs_475.csv,
coursera_program_courses_2183.csv)."""

from functools import cache
from pathlib import Path

import pytest

from crawlers.parsers import coursera_courses
from crawlers.parsers.csv_feed import Dropped

FETCHED_AT = "2025-03-25T14:02:03+00:00"
FILES = {
    "workbook": ("datasets/coursera_courses_3522.xlsx", coursera_courses.parse_courses_workbook),
    "programs": ("datasets/coursera_programs_475.csv", coursera_courses.parse_programs),
    "program courses": ("datasets/coursera_program_courses_2183.csv", coursera_courses.parse_program_courses),
}


@cache
def _parsed(feed: str, path: Path) -> tuple:
    return tuple(FILES[feed][1](path.read_bytes(), f"https://example.org/{path.name}", FETCHED_AT))


def items_of(corpus, feed: str) -> list:
    results = _parsed(feed, corpus(FILES[feed][0]))
    assert not [result for result in results if isinstance(result, Dropped)]
    return list(results)


def listings(items, url):
    return [item for item in items if item["source_id"] == url]


@pytest.mark.parametrize(("feed", "rows", "distinct_urls"), [
    ("workbook", 3522, 3424), ("programs", 475, 473), ("program courses", 2183, 1990),
])
def test_every_row_is_an_item_keyed_by_its_page(corpus, feed, rows, distinct_urls):
    items = items_of(corpus, feed)
    assert len(items) == rows
    assert len({item["source_id"] for item in items}) == distinct_urls
    assert all(item["source_id"] == item["url"] and item["url"].startswith("https://www.coursera.org/")
               for item in items)


def test_a_course_of_the_workbook(corpus):
    [item] = listings(items_of(corpus, "workbook"), "https://www.coursera.org/learn/prophet-timeseries-prediction")
    assert item["title"] == "Predict Future Product Prices Using Facebook Prophet"
    assert item["credential"] == "Course"  # a /learn/ page
    assert item["skills"] == [
        "Python Programming", "Time Series Forecasting", "Test Set", "compiler", "Forecasting", "Time Series",
        "algorithmic trading", "predictive modelling", "Matplotlib", "Machine Learning",
    ]
    assert item["subject"] == ["data science", "machine learning"]  # "data-science machine-learning" after the skills
    # "Weï¿½re currently working on ..." in the file
    assert item["description"].endswith("Were currently working on providing the same experience in other regions.")


def test_mojibake_marks_are_removed_and_the_text_kept(corpus):
    items = items_of(corpus, "workbook")
    assert not [item for item in items for value in item.values() if "ï¿½" in str(value)]
    sonatas = next(item for item in items if item["title"].startswith("Exploring Beethoven"))
    assert sonatas["title"] == "Exploring Beethovens Piano Sonatas"  # "Beethovenï¿½s": the apostrophe was lost
    lean = next(item for item in items if item["title"].startswith("The hidden value"))
    assert lean["title"] == "The hidden value Lean in manufacturing and services"  # "value ï¿½ Lean"


def test_ratings_and_levels_as_the_workbook_writes_them(corpus):
    items = items_of(corpus, "workbook")
    screenplay = items[0]  # row 2
    assert screenplay["title"] == "Write A Feature Length Screenplay For Film Or Television"
    assert (screenplay["provider"], screenplay["level"], screenplay["rating"]) == (
        "Michigan State University", "Beginner", "4.8",
    )
    [russian] = [item for item in items if item["title"] == "Business Russian Communication. Part 3"]
    assert russian["rating"] == "Not Calibrated"
    levels = {"Beginner", "Intermediate", "Advanced", "Conversant", "Not Calibrated"}
    assert {item.get("level") for item in items} == levels


def test_a_program_with_its_enrolment_and_courses(corpus):
    [sscp] = listings(items_of(corpus, "programs"), "https://www.coursera.org/specializations/sscp-training")
    assert (sscp["title"], sscp["provider"], sscp["credential"]) == (
        "ISC2 Systems Security Certified Practitioner (SSCP)", "ISC2", "Specialization",
    )
    assert (sscp["level"], sscp["rating"]) == ("Beginner", "4.8")
    assert "rating_count" not in sscp and sscp["extra"]["num_reviews_cut_at_comma"] == "973"
    assert sscp["skills"][:2] == ["Security Engineering", "Network Security"]
    extra = sscp["extra"]
    assert (extra["program_id"], extra["enrolled"], extra["num_courses"]) == (0, 22401, 7)
    assert extra["courses"][:2] == ["Security Concepts and Practices", "Access Control"]


def test_a_duration_written_as_the_level_is_a_duration(corpus):
    [psychology] = listings(items_of(corpus, "programs"), "https://www.coursera.org/specializations/psychology-in-everyday-life")
    assert psychology["duration"] == "3 months" and "level" not in psychology
    assert "enrolled" not in psychology["extra"] and "rating" not in psychology  # empty cells


def test_a_course_in_six_programs_is_six_items_under_one_id(corpus):
    gcp = listings(items_of(corpus, "program courses"), "https://www.coursera.org/learn/gcp-fundamentals")
    assert [item["extra"]["program_id"] for item in gcp] == [28, 326, 440, 442, 443, 444]
    assert {item["title"] for item in gcp} == {"Google Cloud Fundamentals: Core Infrastructure"}


def test_a_program_course_loses_its_course_number_prefix(corpus):
    items = items_of(corpus, "program courses")
    [first] = listings(items, "https://www.coursera.org/learn/systems-and-application-security")
    assert first["description"].startswith("This is the seventh course under the specialization SSCP.")
    extra = first["extra"]
    assert (extra["program_id"], extra["position_in_program"], extra["num_modules"]) == (0, 7, 1)
