"""Checks a clean program must pass before it is stored, each failure a reason kept in rejected_items.

The normalisers read numbers without their sign ("-24 months" reads as 24): a negative cost, duration
or effort in the listing is refused here from the raw text, never turned positive. Figures beyond what
any program in this field costs or takes are refused too: they are typing or unit errors, not programs.
A figure that cannot be a number at all (an overflow) is unknown, not refused and never zero.
"""

import math
import re
from dataclasses import replace

from pipeline.records import Cost, Duration, Program

MAX_COST_USD = 500_000
MAX_DURATION_WEEKS = 10 * 52
MAX_EFFORT_HOURS_PER_WEEK = 80
MAX_TITLE_CHARS = 300
MAX_URL_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 20_000

# A minus right before the first digit, after at most a currency sign, code or spaces: "-24", "$-500",
# "US$ -1", "USD -500", "- 3 years", "−5". A range ("3 - 6 Months") starts with its first number and
# is not negative.
_NEGATIVE = re.compile(r"^(?:[^\w]|[A-Z]{3}\b|[A-Z]{1,2}\$)*?[-−‒–]\s*\d")
SIGNED_FIELDS = ("price", "duration", "effort")


def why_refused(program: Program) -> str | None:
    """Why the program cannot be stored, or None when it can."""
    if negative := negative_figure(program.raw):
        return negative
    if len(program.title) > MAX_TITLE_CHARS:
        return f"title longer than {MAX_TITLE_CHARS} characters"
    if len(program.url) > MAX_URL_CHARS:
        return f"URL longer than {MAX_URL_CHARS} characters"
    if program.cost.usd is not None and program.cost.usd > MAX_COST_USD:
        return f"cost out of range: ${program.cost.usd:,.0f} (more than ${MAX_COST_USD:,})"
    if program.duration.weeks is not None and program.duration.weeks > MAX_DURATION_WEEKS:
        return f"duration out of range: {program.duration.weeks:g} weeks (more than 10 years)"
    effort = program.effort_hours_per_week
    if effort is not None and effort > MAX_EFFORT_HOURS_PER_WEEK:
        return f"effort out of range: {effort:g} hours a week (more than {MAX_EFFORT_HOURS_PER_WEEK})"
    return None


def negative_figure(raw: dict) -> str | None:
    """Which of price, duration and effort the listing gives as a negative figure, or None."""
    for field in SIGNED_FIELDS:
        if _is_negative(raw.get(field)):
            return f"negative {field}: {str(raw[field])[:60]!r}"
    return None


def within_bounds(program: Program) -> Program:
    """The program with unreadable figures (infinite, not a number) unknown and its description capped."""
    cost = program.cost if _finite(program.cost.usd) else Cost(None, None)
    duration = Duration(*(value if _finite(value) else None for value in (program.duration.weeks_min,
                                                                          program.duration.weeks_max)))
    description = program.description
    if description is not None and len(description) > MAX_DESCRIPTION_CHARS:
        description = description[:MAX_DESCRIPTION_CHARS].rstrip() + "…"
    return replace(
        program,
        cost=cost,
        duration=duration,
        effort_hours_per_week=program.effort_hours_per_week if _finite(program.effort_hours_per_week) else None,
        total_hours=program.total_hours if _finite(program.total_hours) else None,
        rating=program.rating if _finite(program.rating) else None,
        description=description,
    )


def _is_negative(value: object) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return value < 0
    if isinstance(value, dict):
        return _is_negative(value.get("amount"))
    return bool(_NEGATIVE.match(str(value).strip()))


def _finite(value: float | None) -> bool:
    return value is None or math.isfinite(value)
