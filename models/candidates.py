"""Hard constraints: which programs the person can take at all, and what was relaxed when none could.

Constraints (a program passes only if it meets every one that the profile activates):
- budget: cost to finish at the person's pace <= budget. Unknown cost does not pass.
- time: weeks at the person's pace fit in the months given. No time information does not pass.
- delivery: the delivery asked for (online, on_campus, hybrid); unknown delivery does not pass.
- self_paced: when asked for, pacing must be self_paced; unknown pacing does not pass.
- country: only for programs one must attend (anything not online): they must be in that country.
  Online programs can be taken from anywhere, so the country never excludes them.
- language: a program in another language does not pass; an unstated language passes (most degree
  listings do not state it) and the reasons say it is not stated.
- prerequisites: a master's or graduate certificate needs has_degree not False; a doctorate needs
  has_degree True. Never relaxed: relaxing it would recommend what the person cannot enrol in.

When nothing passes, constraints are relaxed one step at a time, least important first, in
RELAXATION_ORDER; then steps that turn out not to be needed are tightened again, so `relaxed` lists
only what had to give, in that order.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from models.catalog import CatalogEntry
from models.pace import Pace, available_weeks, pace_for
from models.profile import Profile

RELAXATION_ORDER = (
    "language",  # another teaching language
    "country",  # a campus abroad
    "self_paced",  # scheduled programs
    "delivery",  # another delivery mode
    "time_unknown",  # programs that state no duration
    "time_plus_50",  # up to 1.5 x the months given
    "time",  # any duration
    "budget_unknown",  # programs that state no cost
    "budget_plus_50",  # up to 1.5 x the budget
    "budget",  # any cost
)

RELAXATION_DESCRIPTIONS = {
    "language": "programs in another language allowed",
    "country": "campus programs outside your country allowed",
    "self_paced": "scheduled (not self-paced) programs allowed",
    "delivery": "other delivery modes allowed",
    "time_unknown": "programs with no stated duration allowed",
    "time_plus_50": "up to 50% more time than your months allowed",
    "time": "time limit dropped",
    "budget_unknown": "programs with unknown cost allowed",
    "budget_plus_50": "up to 50% over your budget allowed",
    "budget": "budget limit dropped",
}

Relaxed = frozenset[str]
Check = Callable[[CatalogEntry, Pace, Profile, Relaxed], bool]

DEGREE_REQUIRED = frozenset({"master", "graduate_certificate"})


@dataclass(frozen=True)
class Candidates:
    entries: list[CatalogEntry]  # the programs passing the constraints after `relaxed`
    relaxed: tuple[str, ...]  # relaxation steps applied, in RELAXATION_ORDER
    paces: dict[int, Pace]  # by program id, for every program of the catalogue


def passes_budget(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    if profile.budget is None or "budget" in relaxed:
        return True
    if pace.cost_usd is None:
        return "budget_unknown" in relaxed
    limit = profile.budget * (1.5 if "budget_plus_50" in relaxed else 1.0)
    return pace.cost_usd <= limit + 1e-6


def passes_time(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    if profile.months is None or "time" in relaxed:
        return True
    if pace.weeks is None:
        return "time_unknown" in relaxed
    limit = available_weeks(profile.months) * (1.5 if "time_plus_50" in relaxed else 1.0)
    return pace.weeks <= limit + 1e-6


def passes_delivery(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    wanted = profile.delivery_wanted
    return wanted is None or "delivery" in relaxed or entry.delivery == wanted


def passes_self_paced(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    return not profile.self_paced or "self_paced" in relaxed or entry.pacing == "self_paced"


def passes_country(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    if profile.country is None or "country" in relaxed or entry.delivery == "online":
        return True
    return entry.country == profile.country


def passes_language(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    if profile.language is None or "language" in relaxed or entry.language is None:
        return True
    return entry.language == profile.language


def passes_prerequisites(entry: CatalogEntry, pace: Pace, profile: Profile, relaxed: Relaxed) -> bool:
    if entry.credential in DEGREE_REQUIRED:
        return profile.has_degree is not False
    if entry.credential == "doctorate":
        return profile.has_degree is True
    return True


CHECKS: dict[str, Check] = {
    "budget": passes_budget,
    "time": passes_time,
    "delivery": passes_delivery,
    "self_paced": passes_self_paced,
    "country": passes_country,
    "language": passes_language,
    "prerequisites": passes_prerequisites,
}


def passes(
    entry: CatalogEntry,
    pace: Pace,
    profile: Profile,
    relaxed: Iterable[str] = (),
    checks: Sequence[str] = tuple(CHECKS),
) -> bool:
    relaxed_set = frozenset(relaxed)
    return all(CHECKS[name](entry, pace, profile, relaxed_set) for name in checks)


def failed_constraints(entry: CatalogEntry, pace: Pace, profile: Profile) -> list[str]:
    """The constraints this program does not meet strictly, before any relaxation."""
    return [name for name, check in CHECKS.items() if not check(entry, pace, profile, frozenset())]


def active_steps(profile: Profile) -> list[str]:
    """The relaxation steps that can change anything for this profile, in order."""
    active = {
        "language": profile.language is not None,
        "country": profile.country is not None,
        "self_paced": profile.self_paced,
        "delivery": profile.delivery_wanted is not None,
        "time_unknown": profile.months is not None,
        "time_plus_50": profile.months is not None,
        "time": profile.months is not None,
        "budget_unknown": profile.budget is not None,
        "budget_plus_50": profile.budget is not None,
        "budget": profile.budget is not None,
    }
    return [step for step in RELAXATION_ORDER if active[step]]


def generate_candidates(catalog: Sequence[CatalogEntry], profile: Profile) -> Candidates:
    paces = {entry.id: pace_for(entry, profile.hours_per_week) for entry in catalog}

    def passing(relaxed: Iterable[str]) -> list[CatalogEntry]:
        return [entry for entry in catalog if passes(entry, paces[entry.id], profile, relaxed)]

    relaxed: list[str] = []
    entries = passing(relaxed)
    for step in active_steps(profile):
        if entries:
            break
        relaxed.append(step)
        entries = passing(relaxed)
    if entries and len(relaxed) > 1:
        relaxed = _tighten(relaxed, passing)
        entries = passing(relaxed)
    return Candidates(entries=entries, relaxed=tuple(relaxed), paces=paces)


def _tighten(relaxed: list[str], passing: Callable[[Iterable[str]], list]) -> list[str]:
    """Undo the steps that were not needed, most important first; the last step always was."""
    kept = list(relaxed)
    for step in reversed(relaxed[:-1]):
        trial = [name for name in kept if name != step]
        if passing(trial):
            kept = trial
    return kept
