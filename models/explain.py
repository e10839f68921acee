"""Reasons for one ranked program: its strongest contributions, then the weaknesses that matter.

Strengths come from the scorer's largest contributions (w_i * x_i), phrased with the person's
numbers. When the person gave a budget or months, the cost and time at their pace are always said,
strength or not. Weaknesses: every constraint that had to be relaxed for this program, every value a
constraint needed that is not known, a listing that may be out of date, then mismatches (a level
above or below theirs, ...), so nothing is violated or assumed silently.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from models import wording
from models.features import FEATURE_BY_NAME, FEATURES, FeatureContext
from models.pace import available_weeks
from models.profile import LEVELS

TOP_STRENGTHS = 3
MAX_OTHER_WEAKNESSES = 2

RELAXED_IN_ORDER = ("language", "country", "self_paced", "delivery", "time", "budget")
UNKNOWN_PHRASES = {
    "budget": "cost not known: check the price against your budget before enrolling",
    "time": "duration not known: check that it fits your months",
    "delivery": "delivery (online or on campus) not stated",
    "self_paced": "pacing not stated: it may be scheduled",
    "country": "country not stated: check where it is taught",
    "language": "teaching language not stated",
}

_DELIVERY_WORDS = {"online": "online", "on_campus": "on campus", "hybrid": "hybrid"}


@dataclass(frozen=True)
class Standing:
    """Where the program stands against the constraints (from models.person, for its row)."""

    relaxed: tuple[str, ...] = ()  # relaxation steps it needed
    unknown: tuple[str, ...] = ()  # constraints whose value is not known
    stale_since: date | None = None  # its newest capture, when possibly out of date


def reasons(context: FeatureContext, contributions: Sequence[float], values: Sequence[float],
            standing: Standing = Standing()) -> list[str]:  # fmt: skip
    return strengths(context, contributions, values) + weaknesses(context, standing)


def strengths(context: FeatureContext, contributions: Sequence[float], values: Sequence[float]) -> list[str]:
    chosen: list[str] = []
    for index in np.argsort(-np.asarray(contributions), kind="stable"):
        feature = FEATURES[index]
        if len(chosen) == TOP_STRENGTHS or contributions[index] <= 0:
            break
        if values[index] < feature.strength_from:
            continue
        phrase = feature.phrase(context)
        if phrase and phrase not in chosen:  # both interest features say the same reason
            chosen.append(phrase)
    return chosen + [phrase for phrase in _constraint_facts(context) if phrase not in chosen]


def weaknesses(context: FeatureContext, standing: Standing) -> list[str]:
    failed = {step.removesuffix("_plus_50") for step in standing.relaxed}
    relaxed = [f"{phrase} (constraint relaxed)" for phrase in kept_out_by(context, standing.relaxed)]
    unknown = [UNKNOWN_PHRASES[name] for name in standing.unknown]
    stale = [f"possibly out of date: last captured {standing.stale_since.isoformat()}"] if standing.stale_since else []
    others = [text for text in _other_weaknesses(context, failed | set(standing.unknown)) if text]
    return relaxed + unknown + stale + others[:MAX_OTHER_WEAKNESSES]


def kept_out_by(context: FeatureContext, steps: Sequence[str]) -> list[str]:
    """The constraints these relaxation steps relax, each in the person's numbers, in RELAXED_IN_ORDER."""
    failed = {step.removesuffix("_plus_50") for step in steps}
    phrases = _relaxed_phrases(context)
    return [phrases[name] for name in RELAXED_IN_ORDER if name in failed & set(phrases)]


def _constraint_facts(context: FeatureContext) -> list[str]:
    """Cost and time in the person's numbers whenever they set a budget or months and the facts fit."""
    facts = []
    profile, pace = context.profile, context.pace
    if profile.budget is not None and pace.cost_usd is not None and pace.cost_usd <= profile.budget:
        facts.append(FEATURE_BY_NAME["cost_fit"].phrase(context))
    elif profile.budget is not None and context.entry.cost_model == "free_audit" and pace.cost_usd is not None:
        facts.append(FEATURE_BY_NAME["cost_fit"].phrase(context))
    if profile.months is not None and pace.weeks is not None and pace.weeks <= available_weeks(profile.months):
        facts.append(FEATURE_BY_NAME["time_fit"].phrase(context))
    return [fact for fact in facts if fact]


def _relaxed_phrases(context: FeatureContext) -> dict[str, str]:
    entry, pace, profile = context.entry, context.pace, context.profile
    phrases = {}
    if profile.budget is not None:
        phrases["budget"] = (
            "cost unknown: check the price before enrolling (your budget was relaxed)"
            if pace.cost_usd is None
            else f"costs {wording.money(pace.cost_usd)}, above your {wording.money(profile.budget)} budget"
        )
    if profile.months is not None:
        phrases["time"] = (
            "no duration stated: time to finish unknown (your time limit was relaxed)"
            if pace.weeks is None
            else f"time-consuming: {_time_text(context)}, beyond your {wording.months(profile.months)}"
        )
    if profile.delivery_wanted is not None:
        found = _DELIVERY_WORDS.get(entry.delivery or "", "delivery not stated")
        phrases["delivery"] = f"{found}, not {profile.delivery} as you asked"
    phrases["self_paced"] = "scheduled, not self-paced: less flexible" if entry.pacing else "pacing not stated"
    phrases["country"] = f"campus in {entry.country or 'a country not stated'}, not in {profile.country}"
    phrases["language"] = f"taught in {wording.language(entry.language)}, not {wording.language(profile.language)}"
    return phrases


def _other_weaknesses(context: FeatureContext, failed: set[str]) -> list[str | None]:
    pace = context.pace
    return [
        "cost unknown: check the price before enrolling" if pace.cost_usd is None and "budget" not in failed else None,
        "no duration stated" if pace.weeks is None and "time" not in failed else None,
        _full_time(context),
        _level_mismatch(context),
        _expensive(context),
        _rigid(context),
    ]


def _time_text(context: FeatureContext) -> str:
    pace = context.pace
    if pace.weeks_basis == "listed":
        return f"listed as {wording.weeks(pace.weeks)}"
    return f"about {wording.weeks(pace.weeks)} at your {wording.hours_per_week(context.profile.hours_per_week)}"


def _full_time(context: FeatureContext) -> str | None:
    if context.pace.weeks_basis != "full_time":
        return None
    return "no weekly effort stated: counted as full-time study (about 40 h/week)"


def _level_mismatch(context: FeatureContext) -> str | None:
    wanted, found = context.profile.level, context.entry.level
    if wanted is None or found not in LEVELS or found == wanted:
        return None
    direction = "above" if LEVELS.index(found) > LEVELS.index(wanted) else "below"
    return f"{found} level: {direction} your {wanted} level"


def _expensive(context: FeatureContext) -> str | None:
    cost = context.pace.cost_usd
    if context.profile.budget is not None or cost is None or cost < 10_000:
        return None
    return f"expensive: {wording.money(cost)}"


def _rigid(context: FeatureContext) -> str | None:
    entry, profile = context.entry, context.profile
    if profile.goal in ("research", "academia") or entry.kind != "degree" or entry.pacing == "self_paced":
        return None
    return "rigid: a structured programme, hard to fit around work"
