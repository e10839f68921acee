"""Effort text -> hours per week; and total hours where derivable (weeks x hours per week).

"2–3 hours per week" (edX writes an en dash) -> 2.5: a range gives its mean, the effort a typical
learner reports. "4-6 hrs/week" -> 5; "15+ hours of study/wk per course" -> 15; "1 hour a day" -> 7.
Text that does not say *per* some period is not effort ("5 hours" is a duration: see duration.py),
except a length in ECTS credits ("120 ECTS"): ECTS measure full-time study (60 a year), so a program
measured in them is full-time, FULL_TIME_HOURS_PER_WEEK as the DESIGN says of degrees.
"""

import re

from pipeline.normalize.text import clean_text
from pipeline.records import Duration

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_HOURS = re.compile(
    rf"{_NUMBER}\s*(?:(?:-|–|—|to|a)\s*{_NUMBER})?\s*\+?\s*(?:h|hrs?|hours?|horas?|heures?)\b"
    r"(?P<between>[^\d]{0,30}?)"
    r"(?:per|a|an|each|/|por|par)\s*(?P<period>week|wk|semana|semaine|day|día|dia|jour|month|mes|mois)",
    re.IGNORECASE,
)
_WEEKLY = re.compile(rf"{_NUMBER}\s*(?:(?:-|–|—|to)\s*{_NUMBER})?\s*(?:h|hrs?|hours?)\s+weekly", re.IGNORECASE)
_ECTS = re.compile(r"\b0*[1-9][\d.,]*\s*ECTS\b", re.IGNORECASE)  # a positive number of credits
FULL_TIME_HOURS_PER_WEEK = 40.0
HOURS_PER_WEEK_FACTOR = {"day": 7.0, "week": 1.0, "month": 12 / 52}
_PERIOD_OF_WORD = {
    "week": "week", "wk": "week", "semana": "week", "semaine": "week",
    "day": "day", "día": "day", "dia": "day", "jour": "day",
    "month": "month", "mes": "month", "mois": "month",
}  # fmt: skip


def parse_effort(value: object) -> float | None:
    """Hours per week (the mean of a range), or None when the text states no weekly effort."""
    text = clean_text(value)
    if text is None:
        return None
    if match := _HOURS.search(text):
        factor = HOURS_PER_WEEK_FACTOR[_PERIOD_OF_WORD[match["period"].lower()]]
        return round(_mean_hours(match[1], match[2]) * factor, 2)
    if match := _WEEKLY.search(text):
        return _mean_hours(match[1], match[2])
    if _ECTS.search(text):
        return FULL_TIME_HOURS_PER_WEEK
    return None


def total_hours(hours_per_week: float | None, duration: Duration) -> float | None:
    """Hours to finish: weekly effort x the duration's weeks (the longer end, as shown to the user)."""
    if hours_per_week is None or duration.weeks is None:
        return None
    return round(hours_per_week * duration.weeks, 1)


def _mean_hours(low: str, high: str | None) -> float:
    low_value = float(low.replace(",", "."))
    return round((low_value + float(high.replace(",", "."))) / 2, 2) if high else low_value
