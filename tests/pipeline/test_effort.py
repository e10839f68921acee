"""Effort text -> hours per week (mean of a range); total hours = weeks x hours per week."""

import pytest

from pipeline.normalize.effort import parse_effort, total_hours
from pipeline.records import Duration


@pytest.mark.parametrize(
    ("text", "hours_per_week"),
    [
        # edx_courses_974.csv, course_effort (en dash)
        ("2–3 hours per week", 2.5),
        ("2–4 hours per week", 3.0),
        ("6–18 hours per week", 12.0),
        ("10–30 hours per week", 20.0),
        ("1–2 hours per week", 1.5),
        # other spellings
        ("4-6 hrs/week", 5.0),
        ("10 hours/week", 10.0),
        (" 15+ hours of study/wk per course", 15.0),  # coursera catalogue, duration column
        ("3 hours weekly", 3.0),
        ("1 hour a day", 7.0),
        ("2-3 horas por semana", 2.5),
        # a length in ECTS credits is full-time study (studyineurope)
        ("120 ECTS", 40.0),
        ("3 ECTS", 40.0),
    ],
)
def test_parse_effort(text, hours_per_week):
    assert parse_effort(text) == hours_per_week


@pytest.mark.parametrize("text", ["5 hours", "7 Weeks", "None", "", None, 3, "0 ECTS"])
def test_text_without_a_weekly_rate_is_not_effort(text):
    assert parse_effort(text) is None


@pytest.mark.parametrize(
    ("hours_per_week", "duration", "expected"),
    [
        (2.5, Duration(7.0, 7.0), 17.5),  # edX "2–3 hours per week" over "7 Weeks"
        (5.0, Duration(13.0, 26.0), 130.0),  # the longer end, as shown
        (None, Duration(7.0, 7.0), None),
        (2.5, Duration(None, None), None),
    ],
)
def test_total_hours(hours_per_week, duration, expected):
    assert total_hours(hours_per_week, duration) == expected
