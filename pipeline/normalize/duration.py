"""Duration text -> weeks (min, max), or total hours when the text measures content, not calendar time.

"3 - 6 Months" -> 13-26 weeks; "7 Weeks" -> 7; "2 to 4 years depending on..." -> 104-208;
"24 meses" -> 104; "1½ year" -> 78; "1 year, 4 months" -> 69.33 (a figure in two units adds up);
"120 ECTS" -> 104 (60 ECTS credits are one full-time year of study);
"5 hours" / "36 mins" / "Approx. 10 hours to complete" / "Less Than 2 Hours"
-> total hours (Udemy's figure is total video; Coursera's is the time to complete), no weeks.
A month is 52/12 weeks. A text about hours *per week* is effort, not duration (see effort.py), and a
bare number with no unit is unknown: the unit is never guessed.
"""

import re
import unicodedata
from dataclasses import dataclass

from pipeline.normalize.text import clean_text
from pipeline.records import Duration

WEEKS_PER_UNIT = {"day": 1 / 7, "week": 1.0, "month": 52 / 12, "year": 52.0}
HOURS_PER_UNIT = {"minute": 1 / 60, "hour": 1.0}

# Unit words by their lower-case spelling, English first, then the Spanish/Portuguese/French seen in
# Coursera's catalogue ("24 meses", "18 a 24 meses").
UNIT_WORDS = {
    "minute": ("min", "mins", "minute", "minutes", "minuto", "minutos"),
    "hour": ("h", "hr", "hrs", "hour", "hours", "hora", "horas", "heure", "heures"),
    "day": ("day", "days", "dia", "dias", "día", "días", "jour", "jours"),
    "week": ("wk", "wks", "week", "weeks", "semana", "semanas", "semaine", "semaines"),
    "month": ("mo", "mos", "month", "months", "mes", "meses", "mois", "mês"),
    "year": ("yr", "yrs", "year", "years", "año", "años", "ano", "anos", "an", "ans"),
}
_UNIT_OF_WORD = {word: unit for unit, words in UNIT_WORDS.items() for word in words}

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_QUANTITY = re.compile(
    rf"{_NUMBER}\s*(?:(?:-|–|—|to|a|or|y|à)\s*{_NUMBER})?\s*\+?\s*([^\W\d_]+)", re.IGNORECASE
)
_VULGAR_FRACTION = re.compile(r"(\d*)\s*([¼½¾⅓⅔⅛⅜⅝⅞])")
_ECTS = re.compile(r"(\d+(?:[.,]\d+)?)\s*ECTS\b", re.IGNORECASE)
ECTS_PER_YEAR = 60  # the ECTS Users' Guide: 60 credits are one full-time academic year
# Calendar units from the largest down: "1 year, 4 months" names one figure in two of them.
_UNIT_ORDER = ("year", "month", "week", "day")
_UNITS_IN_NEXT_LARGER = {"month": 12, "week": 52 / 12, "day": 7}
_PER_WEEK = re.compile(r"(per|a|each|/)\s*(week|wk)\b|weekly|/\s*semana|por\s+semana", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedDuration:
    weeks: Duration
    total_hours: float | None = None


UNKNOWN = ParsedDuration(Duration(None, None))


def parse_duration(value: object) -> ParsedDuration:
    """Weeks (min, max) of calendar time, or total hours of content; unknown parts are None."""
    text = clean_text(value)
    if text is None or _PER_WEEK.search(text):
        return UNKNOWN
    if ects := _ECTS.search(text):
        weeks = _rounded(float(ects[1].replace(",", ".")) / ECTS_PER_YEAR * WEEKS_PER_UNIT["year"])
        return ParsedDuration(Duration(weeks, weeks)) if weeks > 0 else UNKNOWN
    quantities = _quantities(_with_decimal_fractions(text))
    if compound := _compound_weeks(quantities):
        return ParsedDuration(Duration(compound, compound))
    hours: list[float] = []
    for low, high, unit in quantities:
        if unit in HOURS_PER_UNIT:
            hours.append(high * HOURS_PER_UNIT[unit])
        elif unit in WEEKS_PER_UNIT and not hours:
            factor = WEEKS_PER_UNIT[unit]
            return ParsedDuration(Duration(_rounded(low * factor), _rounded(high * factor)))
    # "1 hour 30 mins" is one figure in two units: the parts add up.
    return ParsedDuration(Duration(None, None), _rounded(sum(hours))) if hours else UNKNOWN


def _with_decimal_fractions(text: str) -> str:
    """"1½ year" -> "1.5 year", "½ year" -> "0.5 year"."""

    def decimal(match: re.Match) -> str:
        value = int(match[1] or 0) + unicodedata.numeric(match[2])
        return f"{value:g}"

    return _VULGAR_FRACTION.sub(decimal, text)


def _compound_weeks(quantities: list[tuple[float, float, str]]) -> float | None:
    """Weeks of one figure written in calendar units from the largest down, each part a single
    number smaller than the next larger unit ("1 year, 4 months"); None for anything else
    ("12 months, 24 months part-time" is two figures, "3 - 6 Months" a range)."""
    if len(quantities) < 2:
        return None
    units = [unit for _low, _high, unit in quantities]
    if any(unit not in _UNIT_ORDER for unit in units) or len(set(units)) != len(units):
        return None
    ranks = [_UNIT_ORDER.index(unit) for unit in units]
    if ranks != sorted(ranks):
        return None
    if any(low != high for low, high, _unit in quantities):
        return None
    if any(high >= _UNITS_IN_NEXT_LARGER[unit] for _low, high, unit in quantities[1:]):
        return None
    return _rounded(sum(high * WEEKS_PER_UNIT[unit] for _low, high, unit in quantities))


def _quantities(text: str) -> list[tuple[float, float, str]]:
    found = []
    for low, high, word in _QUANTITY.findall(text):
        unit = _UNIT_OF_WORD.get(word.lower())
        if unit is None:
            continue
        low_value = float(low.replace(",", "."))
        high_value = float(high.replace(",", ".")) if high else low_value
        found.append((min(low_value, high_value), max(low_value, high_value), unit))
    return found


def _rounded(value: float) -> float:
    return round(value, 2)
