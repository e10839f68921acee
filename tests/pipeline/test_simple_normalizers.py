"""Delivery, pacing, level, language, country, skills, rating: table-driven on corpus values."""

import pytest

from pipeline.normalize.country import normalize_country
from pipeline.normalize.delivery import normalize_delivery
from pipeline.normalize.language import normalize_language
from pipeline.normalize.level import normalize_level
from pipeline.normalize.pacing import normalize_pacing
from pipeline.normalize.rating import normalize_rating, normalize_rating_count
from pipeline.normalize.skills import normalize_skills
from pipeline.normalize.text import clean_text, clean_title, parse_flag


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("online", "online"),
        ("on campus", "on_campus"),
        ("online; on campus", "online"),  # offered both ways: available online (decision in delivery.py)
        ("On-Campus", "on_campus"),
        ("In person", "on_campus"),
        ("Blended", "hybrid"),
        ("Hybrid (online + two residencies)", "hybrid"),
        ("", None),
        (None, None),
        ("full-time", None),
    ],
)
def test_normalize_delivery(value, expected):
    assert normalize_delivery(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Self-paced on your time", "self_paced"),  # edX course_type
        ("Instructor-led on a course schedule", "scheduled"),
        ("Flexible schedule", "self_paced"),
        ("Cohort-based", "scheduled"),
        ("Starts Feb 20", "scheduled"),
        ("Determined by you", None),
        (None, None),
    ],
)
def test_normalize_pacing(value, expected):
    assert normalize_pacing(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Beginner ", "beginner"),  # coursera catalogue, with its trailing space
        ("Intermediate ", "intermediate"),
        ("Advanced ", "advanced"),
        ("Mixed ", "beginner"),  # decision in level.py: assumes nothing of the learner
        ("All Levels", "beginner"),
        ("Introductory", "beginner"),  # edX Level
        ("None", None),
        ("Course", None),  # coursera catalogue rows with shifted columns
        ("Degree", None),
        ("", None),
    ],
)
def test_normalize_level(value, expected):
    assert normalize_level(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # edx_courses_974.csv, language
        ("English", "en"),
        ("Español", "es"),
        ("Français", "fr"),
        ("Italiano", "it"),
        ("中文", "zh"),
        ("Português", "pt"),
        ("日本語", "ja"),
        ("اللغة العربية", "ar"),
        ("Deutsch", "de"),
        ("en", "en"),  # pycountry alone would read "en" as the En language
        ("eng", "en"),
        ("en-US", "en"),
        ("Spanish", "es"),
        ("Klingonese", None),
        (None, None),
    ],
)
def test_normalize_language(value, expected):
    assert normalize_language(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # mastersportal_cs_masters_694.csv, Country
        ("United Kingdom", "GB"),
        ("United States", "US"),
        ("Hong Kong (SAR)", "HK"),
        ("South Korea", "KR"),
        ("Netherlands", "NL"),
        ("United Arab Emirates", "AE"),
        # data_science_colleges_632.csv, COUNTRY codes
        ("US", "US"),
        ("GB", "GB"),
        ("EU", None),  # not a country
        ("USA", "US"),
        ("UK", "GB"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_normalize_country(value, expected):
    assert normalize_country(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Data Analysis, R Programming, SQL, Extract, Transform, Load, Data Analysis",
            ("Data Analysis", "R Programming", "SQL", "Extract, Transform, Load"),
        ),
        (["Python", " python ", "Machine Learning"], ("Python", "Machine Learning")),
        ("(43 reviews)", ()),  # coursera catalogue, shifted column
        ("Course", ()),
        ("None", ()),
        (None, ()),
    ],
)
def test_normalize_skills(value, expected):
    assert normalize_skills(value) == expected


@pytest.mark.parametrize(
    ("rating", "count", "expected_rating", "expected_count"),
    [
        ("4.8", "16400.0", 4.8, 16400),  # coursera catalogue
        ("4.7", "3524", 4.7, 3524),  # udemy
        ("0", "0", None, 0),  # udemy: unrated, not rated zero
        ("", "", None, None),
        ("7.5", "10", None, 10),  # not on a 5-point scale
        ("n/a", "-3", None, None),
    ],
)
def test_normalize_rating(rating, count, expected_rating, expected_count):
    assert normalize_rating_count(count) == expected_count
    assert normalize_rating(rating, expected_count) == expected_rating


@pytest.mark.parametrize(
    ("value", "text", "title"),
    [
        ("  Google Project Management: ", "Google Project Management:", "Google Project Management"),
        ("None", None, None),
        ("  ", None, None),
        (float("nan"), None, None),
        ({"a": 1}, None, None),
    ],
)
def test_clean_text_and_title(value, text, title):
    assert clean_text(value) == text
    assert clean_title(value) == title


@pytest.mark.parametrize(
    ("value", "expected"), [("True", True), ("F", False), (True, True), ("maybe", None), (None, None)]
)
def test_parse_flag(value, expected):
    assert parse_flag(value) is expected
