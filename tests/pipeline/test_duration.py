"""Duration text -> weeks (min, max) or total hours. Values from the corpus."""

import pytest

from pipeline.normalize.duration import parse_duration
from pipeline.records import Duration

MONTH = 52 / 12


@pytest.mark.parametrize(
    ("text", "weeks_min", "weeks_max"),
    [
        # coursera_catalog_1139.csv, duration (with its stray spaces)
        (" 3 - 6 Months", 13.0, 26.0),
        (" 1 - 4 Weeks", 1.0, 4.0),
        (" 1 - 3 Months", round(MONTH, 2), 13.0),
        (" 6 - 12 Months", 26.0, 52.0),
        (" 1 - 4 Years", 52.0, 208.0),
        (" 4 meses", round(4 * MONTH, 2), round(4 * MONTH, 2)),
        (" 24 meses.", 104.0, 104.0),
        (" 18 a 24 meses", 78.0, 104.0),
        (" 3 – 6 years", 156.0, 312.0),
        (" 1.5 – 3 years", 78.0, 156.0),
        (" 2 or 3 years", 104.0, 156.0),
        (" 24 to 60 months", 104.0, 260.0),
        (" 4-6 months to complete", round(4 * MONTH, 2), 26.0),
        (" 2 to 4 years depending on beginning credits and course load", 104.0, 208.0),
        # edx_courses_974.csv, course_length
        ("7 Weeks", 7.0, 7.0),
        ("1 Weeks", 1.0, 1.0),
        # mastersportal, "Duration /month" as the crawler words it
        ("24 months", 104.0, 104.0),
        ("9 months", 39.0, 39.0),
        ("2 years", 104.0, 104.0),
        # mastersportal_cs_masters_4400.csv, Duration: a fraction sign, and one figure in two units
        ("1 year", 52.0, 52.0),
        ("1½ year", 78.0, 78.0),
        ("2½ years", 130.0, 130.0),
        ("1 year, 4 months", 69.33, 69.33),
        ("2 years, 1 month", 108.33, 108.33),
        ("11 months", 47.67, 47.67),
        # two figures, not one in two units: the first is taken, as before
        ("12 months, 24 months part-time", 52.0, 52.0),
        ("1 year, 18 months", 52.0, 52.0),
        # studyineurope_programs_18087.csv, ECTS: 60 credits are one full-time year
        ("120 ECTS", 104.0, 104.0),
        ("90 ECTS", 78.0, 78.0),
        ("3 ECTS", 2.6, 2.6),
    ],
)
def test_calendar_durations_in_weeks(text, weeks_min, weeks_max):
    parsed = parse_duration(text)
    assert parsed.weeks == Duration(weeks_min, weeks_max)
    assert parsed.total_hours is None


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # udemy_raw_16429.csv, Video_Duration (total video)
        ("5 hours", 5.0),
        ("1 hour", 1.0),
        ("1.5 hours", 1.5),
        ("36 mins", 0.6),
        # coursera_catalog_1139.csv
        (" Less Than 2 Hours", 2.0),
        ("Approx. 10 hours to complete", 10.0),
        ("1 hour 30 mins", 1.5),
    ],
)
def test_content_durations_in_total_hours(text, hours):
    parsed = parse_duration(text)
    assert parsed.total_hours == hours
    assert parsed.weeks == Duration(None, None)


@pytest.mark.parametrize(
    "text",
    [
        " 15+ hours of study/wk per course",  # effort, not duration (coursera catalogue)
        "24",  # a number without a unit: never guessed
        "None",
        "",
        None,
        12,
        "self-paced",
        "0 ECTS",  # studyineurope lists 13 programs with 0 credits: no length
    ],
)
def test_unknown_durations(text):
    parsed = parse_duration(text)
    assert parsed.weeks == Duration(None, None)
    assert parsed.total_hours is None


def test_the_weeks_shown_are_the_longer_end():
    assert parse_duration(" 3 - 6 Months").weeks.weeks == 26.0
