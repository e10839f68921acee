"""The verdict: certification, degree, or both (a certificate now, a degree later), and why.

It follows the seed article: a certification is the quick, cost-effective, flexible, industry-relevant
way in; a degree is the comprehensive, recognised route with networking that research and academia
expect, but it is time-consuming, expensive and rigid. "Possible" means: some program of that kind
fits the budget and the months at the person's pace (or does not say), and they meet its
prerequisites.

- research or academia: a degree when one is possible; otherwise both (a certificate now, a degree
  when budget and time allow).
- career switch without a degree (or not saying), or an industry job without a degree: both when a
  degree is possible (a certificate for a quick start, a degree for recognition), else certification.
- otherwise (upskilling, or already holding a degree): certification.
- whatever the goal: a degree when only a degree is possible; when neither is, the kind the goal
  prefers, and the verdict says that nothing fits and what was relaxed for the closest.
The list is ordered by the path chosen here (models.rank), so the verdict never contradicts it.
"""

from dataclasses import dataclass

import numpy as np

from models import wording
from models.catalog import CatalogEntry
from models.index import CatalogIndex
from models.pace import Pace, available_weeks
from models.person import PersonView
from models.profile import Profile
from models.relaxation import RELAXATION_DESCRIPTIONS

GOAL_WORDS = {
    "industry": "an industry job",
    "career-switch": "a career switch",
    "upskill": "upskilling",
    "research": "research",
    "academia": "academia",
}


@dataclass(frozen=True)
class Option:
    """The best-scored possible program of one kind."""

    entry: CatalogEntry
    pace: Pace


def choose_path(profile: Profile, certification_possible: bool, degree_possible: bool) -> str:
    if degree_possible and not certification_possible:
        return "degree"
    if not degree_possible and not certification_possible:
        return "degree" if profile.goal in ("research", "academia") else "certification"
    if profile.goal in ("research", "academia"):
        return "degree" if degree_possible else "both"
    if degree_possible and _lacks_degree(profile):
        return "both"
    return "certification"


def decide(profile: Profile, path: str, best: dict[str, Option | None], obstacles: dict[str, list[str]],
           relaxed: list[str], closest: Option | None) -> dict:  # fmt: skip
    certification, degree = best["certification"], best["degree"]
    if certification is None and degree is None:
        found = _nothing_fits(profile, obstacles, relaxed, closest)
    elif path == "degree":
        found = _degree_reasons(profile, degree, certification is not None)
    elif path == "both":
        found = _both_reasons(profile, certification, degree, obstacles)
    else:
        found = _certification_reasons(profile, certification, degree, obstacles)
    return {"path": path, "reasons": found}


def obstacles(index: CatalogIndex, person: PersonView, profile: Profile, kind: str) -> list[str]:
    """Why no program of this kind fits, in the person's numbers."""
    noun = "degree" if kind == "degree" else "certification"
    open_to_you = person.allowed & (index.categorical["kind"] == kind)
    if not open_to_you.any():
        return [f"no {noun} in the catalogue is open to you"]
    found = []
    if profile.budget is not None and person.failed["budget"][open_to_you].all():
        costs = person.learn_cost[open_to_you]
        found.append(f"the cheapest {noun} costs {wording.money(float(np.nanmin(costs)))}, above your "
                     f"{wording.money(profile.budget)} budget")  # fmt: skip
    if profile.months is not None and person.failed["time"][open_to_you].all():
        weeks = float(np.nanmin(person.weeks[open_to_you]))
        found.append(
            f"the quickest {noun} takes about {wording.weeks(weeks)} at your "
            f"{wording.hours_per_week(profile.hours_per_week)}, beyond your {wording.months(profile.months)}"
        )
    return found or [f"no {noun} fits your budget and your months together"]


def _lacks_degree(profile: Profile) -> bool:
    if profile.goal == "career-switch":
        return profile.has_degree is not True
    return profile.goal == "industry" and profile.has_degree is False


def _nothing_fits(profile, obstacles, relaxed, closest) -> list[str]:
    found = ["nothing in the catalogue fits every constraint: " + "; ".join(
        obstacles["certification"] + obstacles["degree"])]  # fmt: skip
    if relaxed:
        found.append("the closest are shown, with " + "; ".join(RELAXATION_DESCRIPTIONS[s] for s in relaxed))
    if closest is not None:
        found.append(f"the closest, {_summary(closest, profile)}")
    return found


def _certification_reasons(profile, best_certification, best_degree, obstacles) -> list[str]:
    goal = GOAL_WORDS[profile.goal]
    found = [f"for {goal}, a certification is cost-effective, flexible, quick and industry-relevant",
             f"the top certification, {_summary(best_certification, profile)}"]  # fmt: skip
    flexible = _flexibility(best_certification.entry)
    if flexible:
        found.append(flexible)
    if best_degree is None:
        found.append("a degree does not fit now: " + "; ".join(obstacles["degree"]))
    elif profile.has_degree:
        found.append("you already have a degree for recognition; a certificate adds industry-relevant skills quickly")
    else:
        found.append(
            f"a degree would be time-consuming and expensive for {goal}: the top one {_facts(best_degree, profile)}"
        )
    return found


def _degree_reasons(profile, best_degree, certification_possible) -> list[str]:
    goal = GOAL_WORDS[profile.goal]
    if profile.goal in ("research", "academia"):
        found = [f"for {goal}, a degree gives the comprehensive depth, recognition and networking it expects"]
        if profile.has_degree is False:
            found.append("without a degree yet, a bachelor's comes first: a master's or doctorate needs one")
    else:
        found = ["no certification is known to meet all your constraints, and a degree does"]
    found.append(f"the top degree, {_summary(best_degree, profile)}")
    found.append("the trade-off: a degree is time-consuming, more expensive and more rigid than a certificate")
    return found


def _both_reasons(profile, best_certification, best_degree, obstacles) -> list[str]:
    goal = GOAL_WORDS[profile.goal]
    certificate_now = (
        f"a certificate now for a quick, cost-effective start: {_summary(best_certification, profile)}"
        if best_certification
        else "no certification fits now either: " + "; ".join(obstacles["certification"])
    )
    if best_degree is None:
        return [
            f"for {goal}, a degree is the route (comprehensive depth, recognition, networking), but not now: "
            + "; ".join(obstacles["degree"]),
            certificate_now,
            "a degree later, when your budget and time allow",
        ]
    return [
        certificate_now,
        "a degree later for recognition: without one, some employers may not recognise a certificate as "
        f"equivalent; the top degree, {_summary(best_degree, profile)}",
    ]


def _summary(option: Option, profile: Profile) -> str:
    return f"{option.entry.title}, {_facts(option, profile)}"


def _facts(option: Option, profile: Profile) -> str:
    return f"{_cost_text(option.pace, profile)} and {_time_text(option.pace, profile)}"


def _cost_text(pace: Pace, profile: Profile) -> str:
    if pace.cost_usd is None:
        return "has an unknown cost"
    text = "is free" if pace.cost_usd <= 0 else f"costs {wording.money(pace.cost_usd)}"
    if profile.budget is not None and pace.cost_usd <= profile.budget:
        text += f" (within your {wording.money(profile.budget)} budget)"
    return text


def _time_text(pace: Pace, profile: Profile) -> str:
    if pace.weeks is None:
        return "states no duration"
    if pace.weeks_basis == "listed":
        text = f"is listed as {wording.weeks(pace.weeks)}"
    else:
        text = f"takes about {wording.weeks(pace.weeks)} at your {wording.hours_per_week(profile.hours_per_week)}"
    if profile.months is not None and pace.weeks <= available_weeks(profile.months) + 1e-6:
        text += f" (within your {wording.months(profile.months)})"
    return text


def _flexibility(entry: CatalogEntry) -> str | None:
    if entry.pacing == "self_paced" and entry.delivery == "online":
        return "it is self-paced and online: you can keep working while you learn"
    if entry.pacing == "self_paced":
        return "it is self-paced: you learn on your own schedule"
    if entry.delivery == "online":
        return "it is online: no need to move or commute"
    return None
