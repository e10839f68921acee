"""The catalogue as one person sees it, as arrays: their cost, their weeks, each constraint's verdict
on every program, and the features that depend on them. Every function here is vectorised.

Constraints judge known values only. Each gives, per program, PASS, UNKNOWN (the value the
constraint needs is not known: the program stays, ranked below the known fits, and says so) or the
relaxation step that would let it through (a step of RELAXATION_ORDER). Prerequisites are never
relaxed: a master's or doctorate needs a bachelor's.
"""

import math
from dataclasses import dataclass

import numpy as np

from models.catalog import CatalogEntry
from models.index import CatalogIndex, Categorical
from models.pace import FULL_TIME_HOURS_PER_WEEK, WEEKS_PER_MONTH, Pace
from models.profile import LEVELS, Profile
from models.relaxation import RELAXATION_ORDER

CONSTRAINTS = ("budget", "time", "delivery", "self_paced", "country", "language")
DEGREE_REQUIRED = ("master", "doctorate", "graduate_certificate")

# The EU and the EEA (Iceland, Liechtenstein, Norway) and Switzerland, whose public universities
# charge residents of one another the same (often no) tuition.
EU_EEA = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH".split()
)

# Goal fit: how well each credential serves the goal (seed article: research and academia expect
# degrees; an industry job or a career switch is best served quickly by certificates).
GOAL_FIT = {
    "research": {"doctorate": 1.0, "master": 1.0, "bachelor": 0.8, "graduate_certificate": 0.6, "associate": 0.4,
                 "specialization": 0.25, "professional_certificate": 0.2, "course": 0.2, "bootcamp": 0.1},
    "industry": {"professional_certificate": 1.0, "specialization": 0.85, "bootcamp": 0.85, "course": 0.7,
                 "graduate_certificate": 0.6, "master": 0.45, "bachelor": 0.35, "associate": 0.35, "doctorate": 0.1},
    "upskill": {"course": 1.0, "specialization": 1.0, "professional_certificate": 0.9, "graduate_certificate": 0.6,
                "bootcamp": 0.6, "master": 0.3, "bachelor": 0.2, "associate": 0.2, "doctorate": 0.05},
}  # fmt: skip
GOAL_FIT["academia"] = GOAL_FIT["research"]
GOAL_FIT["career-switch"] = GOAL_FIT["industry"] | {"bachelor": 0.5, "master": 0.55}
WITHOUT_DEGREE_FOR_RESEARCH = {"bachelor": 1.0, "associate": 0.7}  # bachelor's first
REFERENCE_COST_USD = 1000
REFERENCE_WEEKS = 52
# An unknown cost or duration is neither a strength nor the worst case (most unpriced listings are
# free-to-audit courses): below a fair fit, and a budget or months still rank it below known fits.
UNKNOWN_FIT = 0.25


@dataclass
class PersonView:
    cost: np.ndarray  # to finish and get the credential, at their pace, for their residence; NaN unknown
    learn_cost: np.ndarray  # to learn: 0 where auditing is free
    weeks: np.ndarray  # at their hours; NaN unknown
    full_time: np.ndarray  # bool: weeks assume full-time study (a degree that states no effort)
    months_billed: np.ndarray  # subscriptions: months paid; NaN otherwise
    tuition_free: np.ndarray  # bool: free for them as an EU/EEA resident
    in_state: np.ndarray  # bool: priced at in-state tuition
    allowed: np.ndarray  # bool: prerequisites met and not dismissed
    needed: np.ndarray  # int: 0 passes as given; i+1: needs RELAXATION_ORDER[:i+1]
    unknown: dict[str, np.ndarray]  # constraint -> bool: the value it needs is not known
    failed: dict[str, np.ndarray]  # constraint -> bool: fails as given


def view(index: CatalogIndex, profile: Profile, dismissed: np.ndarray | None = None) -> PersonView:
    numeric, cat = index.numeric, index.categorical
    hours = profile.hours_per_week
    full_time = (cat["kind"] == "degree") & np.isnan(numeric["effort"]) & np.isnan(numeric["total_hours"])
    weeks = np.where(
        np.isfinite(numeric["total_hours"]),
        numeric["total_hours"] / hours,
        np.where(
            np.isfinite(numeric["effort"]),
            numeric["duration_weeks"] * numeric["effort"] / hours,
            numeric["duration_weeks"] * np.where(full_time, max(1.0, FULL_TIME_HOURS_PER_WEEK / hours), 1.0),
        ),
    )
    cost, months_billed = _subscription_cost(numeric, cat, weeks)
    tuition_free, in_state = _residence(index, profile)
    cost = np.where(in_state, numeric["cost_usd_in_state"], cost)
    cost = np.where(tuition_free, 0.0, cost)
    learn_cost = np.where(cat["cost_model"] == "free_audit", 0.0, cost)
    allowed = _prerequisites(cat["credential"], profile)
    if dismissed is not None:
        allowed &= ~dismissed
    failed, unknown, step = _constraints(index, profile, learn_cost, weeks)
    return PersonView(cost, learn_cost, weeks, full_time, months_billed, tuition_free, in_state, allowed,
                      step, unknown, failed)  # fmt: skip


def _subscription_cost(numeric, cat, weeks) -> tuple[np.ndarray, np.ndarray]:
    """Subscriptions bill whole months at the person's pace, never less than the listed total."""
    rows = np.flatnonzero(cat["cost_model"] == "subscription")
    rows = rows[np.isfinite(numeric["monthly_usd"][rows]) & np.isfinite(weeks[rows])]
    cost, billed = numeric["cost_usd"].copy(), np.full(len(weeks), np.nan)
    monthly = numeric["monthly_usd"][rows]
    months = np.maximum(1.0, np.ceil(weeks[rows] / WEEKS_PER_MONTH - 1e-9))
    cost[rows] = np.maximum(cost[rows], monthly * months)
    billed[rows] = np.maximum(1.0, np.round(cost[rows] / monthly))
    return cost, billed


def _residence(index: CatalogIndex, profile: Profile) -> tuple[np.ndarray, np.ndarray]:
    n = len(index)
    residence = profile.residence
    if residence is None:
        return np.zeros(n, bool), np.zeros(n, bool)
    country, _, state = residence.partition("-")
    program_country = index.categorical["country"]
    tuition_free = index.tuition_free_eu & (country in EU_EEA) & program_country.isin(EU_EEA)
    in_state = (
        (country == "US") & (program_country == "US") & (index.categorical["us_state"] == state)
        & np.isfinite(index.numeric["cost_usd_in_state"])
    ) if state else np.zeros(n, bool)  # fmt: skip
    return tuition_free, in_state


def _prerequisites(credential: Categorical, profile: Profile) -> np.ndarray:
    if profile.has_degree is False:
        return ~credential.isin(DEGREE_REQUIRED)
    return np.ones(credential.codes.shape, bool)


def _constraints(index: CatalogIndex, profile: Profile, cost: np.ndarray, weeks: np.ndarray):
    """Per constraint: failed and unknown masks; per program: the relaxation step it needs."""
    n = len(index)
    cat = index.categorical
    none = np.zeros(n, bool)
    failed: dict[str, np.ndarray] = {}
    unknown: dict[str, np.ndarray] = {}
    step = np.zeros(n, dtype=np.int64)

    def need(name: str, mask: np.ndarray) -> None:
        np.maximum(step, np.where(mask, RELAXATION_ORDER.index(name) + 1, 0), out=step)

    if profile.budget is not None:
        unknown["budget"], failed["budget"] = np.isnan(cost), cost > profile.budget + 1e-6
        need("budget_plus_50", failed["budget"])
        need("budget", cost > 1.5 * profile.budget + 1e-6)
    if profile.months is not None:
        available = profile.months * WEEKS_PER_MONTH
        unknown["time"], failed["time"] = np.isnan(weeks), weeks > available + 1e-6
        need("time_plus_50", failed["time"])
        need("time", weeks > 1.5 * available + 1e-6)
    if profile.delivery_wanted is not None:
        unknown["delivery"] = cat["delivery"] == ""
        failed["delivery"] = ~unknown["delivery"] & (cat["delivery"] != profile.delivery_wanted)
        need("delivery", failed["delivery"])
    if profile.self_paced:
        unknown["self_paced"] = cat["pacing"] == ""
        failed["self_paced"] = ~unknown["self_paced"] & (cat["pacing"] != "self_paced")
        need("self_paced", failed["self_paced"])
    if profile.country is not None:
        attend = cat["delivery"] != "online"
        unknown["country"] = attend & (cat["country"] == "")
        failed["country"] = attend & ~unknown["country"] & (cat["country"] != profile.country)
        need("country", failed["country"])
    if profile.language is not None:
        unknown["language"] = cat["language"] == ""
        failed["language"] = ~unknown["language"] & (cat["language"] != profile.language)
        need("language", failed["language"])
    for name in CONSTRAINTS:
        failed.setdefault(name, none)
        unknown.setdefault(name, none)
    return failed, unknown, step


def pace_of(person: PersonView, row: int, entry: CatalogEntry) -> Pace:
    weeks = finite(person.weeks[row])
    if weeks is None:
        basis = None
    elif person.full_time[row]:
        basis = "full_time"
    elif entry.total_hours:
        basis = "total_hours"
    else:
        basis = "effort" if entry.effort_hours_per_week else "listed"
    months = finite(person.months_billed[row])
    monthly = None if months is None or finite(person.cost[row]) is None else float(person.cost[row]) / months
    return Pace(weeks, basis, finite(person.cost[row]), monthly, None if months is None else int(months))


def finite(value) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


# -- features that depend on the person -----------------------------------------------------------


def cost_fit(person: PersonView, profile: Profile) -> np.ndarray:
    cost, budget = person.cost, profile.budget
    if budget is not None:
        cost = np.where(cost > budget, person.learn_cost, cost)  # free to audit still fits a small budget
    with np.errstate(divide="ignore", invalid="ignore"):
        if budget is None:
            fit = 1 / (1 + cost / REFERENCE_COST_USD)
        elif budget <= 0:
            fit = np.where(cost <= 0, 1.0, 0.0)
        else:
            fit = np.where(cost <= budget, 1 - 0.5 * cost / budget, 0.5 * budget / cost)
    return np.where(np.isnan(cost), UNKNOWN_FIT, np.where(cost <= 0, 1.0, fit))


def time_fit(person: PersonView, profile: Profile) -> np.ndarray:
    weeks = person.weeks
    with np.errstate(divide="ignore", invalid="ignore"):
        if profile.months is None:
            fit = 1 / (1 + weeks / REFERENCE_WEEKS)
        else:
            available = profile.months * WEEKS_PER_MONTH
            fit = np.where(weeks <= available, 1 - 0.5 * weeks / available, 0.5 * available / weeks)
    return np.where(np.isnan(weeks), UNKNOWN_FIT, fit)


def level_fit(index: CatalogIndex, profile: Profile) -> np.ndarray:
    level = index.categorical["level"]
    if profile.level is None:
        return np.full(len(index), 0.5)
    wanted = LEVELS.index(profile.level)
    fit = np.full(len(index), 0.5)
    for position, name in enumerate(LEVELS):
        fit[level == name] = (1.0, 0.5, 0.0)[abs(position - wanted)]
    return fit


def goal_fit(index: CatalogIndex, profile: Profile) -> np.ndarray:
    table = dict(GOAL_FIT[profile.goal])
    if profile.goal in ("research", "academia") and profile.has_degree is False:
        table |= WITHOUT_DEGREE_FOR_RESEARCH
    credential = index.categorical["credential"]
    fit = np.full(len(index), 0.3)
    for name, value in table.items():
        fit[credential == name] = value
    return fit
