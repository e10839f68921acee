"""Reasons for one ranked program: its strongest contributions, then the weaknesses that matter.

Strengths come from the scorer's largest contributions (w_i * x_i), phrased with the person's
numbers. When the person gave a budget or months, the cost and time at their pace are always said,
strength or not. Weaknesses: every constraint that had to be relaxed for this program, then unknowns
and mismatches (cost unknown, a level above or below theirs, ...), so nothing is violated silently.
"""

from collections.abc import Sequence

import numpy as np

from models import wording
from models.candidates import failed_constraints
from models.features import FEATURE_BY_NAME, FEATURES, FeatureContext
from models.pace import available_weeks
from models.profile import LEVELS

TOP_STRENGTHS = 3
MAX_OTHER_WEAKNESSES = 2

_DELIVERY_WORDS = {"online": "online", "on_campus": "on campus", "hybrid": "hybrid"}


def reasons(context: FeatureContext, contributions: Sequence[float], values: Sequence[float]) -> list[str]:
    return strengths(context, contributions, values) + weaknesses(context)


def strengths(context: FeatureContext, contributions: Sequence[float], values: Sequence[float]) -> list[str]:
    chosen: list[str] = []
    for index in np.argsort(-np.asarray(contributions), kind="stable"):
        feature = FEATURES[index]
        if len(chosen) == TOP_STRENGTHS or contributions[index] <= 0:
            break
        if values[index] < feature.strength_from:
            continue
        phrase = feature.phrase(context)
        if phrase:
            chosen.append(phrase)
    return chosen + [phrase for phrase in _constraint_facts(context) if phrase not in chosen]


def weaknesses(context: FeatureContext) -> list[str]:
    entry, pace, profile = context.entry, context.pace, context.profile
    failed = set(failed_constraints(entry, pace, profile))
    relaxed = [text for name, text in _relaxed_phrases(context).items() if name in failed]
    others = [text for text in _other_weaknesses(context, failed) if text]
    return relaxed + others[:MAX_OTHER_WEAKNESSES]


def _constraint_facts(context: FeatureContext) -> list[str]:
    """Cost and time in the person's numbers whenever they set a budget or months and the facts fit."""
    facts = []
    profile, pace = context.profile, context.pace
    if profile.budget is not None and pace.cost_usd is not None and pace.cost_usd <= profile.budget:
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
    entry, pace, profile = context.entry, context.pace, context.profile
    return [
        "cost unknown: check the price before enrolling" if pace.cost_usd is None and "budget" not in failed else None,
        "no duration stated" if pace.weeks is None and "time" not in failed else None,
        _effort_unknown(context),
        _level_mismatch(context),
        "teaching language not stated" if profile.language and entry.language is None else None,
        _expensive(context),
        _rigid(context),
    ]


def _time_text(context: FeatureContext) -> str:
    pace = context.pace
    if pace.weeks_basis == "listed":
        return f"listed as {wording.weeks(pace.weeks)}"
    return f"about {wording.weeks(pace.weeks)} at your {wording.hours_per_week(context.profile.hours_per_week)}"


def _effort_unknown(context: FeatureContext) -> str | None:
    pace = context.pace
    if pace.weeks_basis != "listed" or context.entry.kind != "degree":
        return None
    return f"weekly effort not stated: the listed {wording.weeks(pace.weeks)} may assume full-time study"


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
