"""Time and cost of a program at the person's own weekly hours."""

import math
from dataclasses import dataclass

from models.catalog import CatalogEntry

WEEKS_PER_MONTH = 52 / 12
FULL_TIME_HOURS_PER_WEEK = 40.0  # a degree that states no effort is full-time

# Hours of study typical of a credential, for depth when a program states neither total hours nor
# duration and effort. Rough orders of magnitude (a 2-year master's is ~120 ECTS x 25-30 h), not data.
TYPICAL_TOTAL_HOURS = {
    "course": 20,
    "specialization": 80,
    "professional_certificate": 150,
    "bootcamp": 500,
    "graduate_certificate": 400,
    "associate": 1800,
    "bachelor": 3600,
    "master": 1800,
    "doctorate": 6000,
}


@dataclass(frozen=True)
class Pace:
    weeks: float | None  # weeks to finish at the person's hours per week; None: no time information
    weeks_basis: str | None  # total_hours | effort | listed (listed duration, effort unknown)
    cost_usd: float | None  # what finishing costs; None: unknown
    monthly_usd: float | None = None  # subscriptions only
    months_billed: int | None = None  # subscriptions only


def pace_for(entry: CatalogEntry, hours_per_week: float) -> Pace:
    weeks, basis = weeks_at_your_pace(entry, hours_per_week)
    if entry.cost_model != "subscription" or entry.cost_usd is None:
        return Pace(weeks, basis, entry.cost_usd)
    monthly = monthly_price_usd(entry)
    if monthly is None or monthly <= 0 or weeks is None:
        return Pace(weeks, basis, entry.cost_usd)
    # A subscription bills whole months. Never quote less than the listed total: listed efforts are
    # estimates, and a budget must not be judged on the optimistic side.
    cost = max(entry.cost_usd, monthly * _months_billed(weeks))
    return Pace(weeks, basis, cost, monthly, max(1, round(cost / monthly)))


def weeks_at_your_pace(entry: CatalogEntry, hours_per_week: float) -> tuple[float | None, str | None]:
    if entry.total_hours:
        return entry.total_hours / hours_per_week, "total_hours"
    listed = entry.duration_weeks
    if listed is None:
        return None, None
    if entry.effort_hours_per_week:
        return listed * entry.effort_hours_per_week / hours_per_week, "effort"
    if entry.kind == "degree":
        return listed * max(1.0, FULL_TIME_HOURS_PER_WEEK / hours_per_week), "full_time"
    return listed, "listed"


def monthly_price_usd(entry: CatalogEntry) -> float | None:
    """The monthly price of a subscription: as listed when in USD, else the total over listed months."""
    if entry.cost_currency == "USD" and entry.cost_amount and entry.cost_amount <= (entry.cost_usd or 0):
        return entry.cost_amount
    if entry.duration_weeks is None or entry.cost_usd is None:
        return None
    return entry.cost_usd / _months_billed(entry.duration_weeks)


def total_hours_estimate(entry: CatalogEntry) -> tuple[float, bool]:
    """Hours of study, and whether they are stated (True) or typical of the credential (False)."""
    if entry.total_hours:
        return entry.total_hours, True
    if entry.duration_weeks and entry.effort_hours_per_week:
        return entry.duration_weeks * entry.effort_hours_per_week, True
    if entry.duration_weeks and entry.kind == "degree":
        return entry.duration_weeks * FULL_TIME_HOURS_PER_WEEK, True
    return float(TYPICAL_TOTAL_HOURS.get(entry.credential, 40)), False


def available_weeks(months: float) -> float:
    return months * WEEKS_PER_MONTH


def _months_billed(weeks: float) -> int:
    return max(1, math.ceil(weeks / WEEKS_PER_MONTH - 1e-9))
