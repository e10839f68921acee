"""Why one program ranks where it does for a person, or which constraints keep it out (`mlpath show`).

A thin layer over the ranker: the person's view of the catalogue (models.person) says whether the
program passes; the rank is its place in the ranking `mlpath recommend` would give with k large
enough to reach it, and its reasons are the ones recommend gives (models.recommend.result_for).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from models.catalog import CatalogEntry, load_catalog
from models.pace import Pace
from models.profile import Profile


def program_entries(engine: Engine, ids: Iterable[int]) -> dict[int, CatalogEntry]:
    """The catalogue entries of these programs, by id (ids not in the catalogue are left out)."""
    return {entry.id: entry for entry in load_catalog(engine, ids=ids)}


def explain_program(engine: Engine, profile: Profile, program_id: int, models_dir: Path | None = None) -> dict:
    """{"status": "ranked", "rank", "of", "relaxed", "score", "reasons"} or {"status": "excluded",
    "constraints": [names], "reasons"}; raises KeyError for an id not in the catalogue."""
    # Imported here: they bring scikit-learn, which `show` without a profile does not need.
    from models.explain import kept_out_by
    from models.features import FeatureContext
    from models.person import pace_of
    from models.rank import failed_steps
    from models.recommend import current_index, rank_profile, ranking_model, result_for

    index = current_index(engine, models_dir)
    found = np.flatnonzero(index.ids == program_id)
    if found.size == 0:
        raise KeyError(program_id)
    row = int(found[0])
    [entry] = load_catalog(engine, ids=[program_id])
    model = ranking_model(models_dir)
    ranking, person = rank_profile(index, model, profile, k=1)
    steps = failed_steps(person, row, profile)
    prerequisites = not person.allowed[row]
    if steps or prerequisites:
        context = FeatureContext(entry, pace_of(person, row, entry), profile)
        constraints = sorted({step.removesuffix("_plus_50") for step in steps}, key=_constraint_order)
        return {
            "status": "excluded",
            "constraints": constraints + (["prerequisites"] if prerequisites else []),
            "reasons": kept_out_by(context, steps) + (_prerequisite_reasons(entry) if prerequisites else []),
        }
    ranking, person = rank_profile(index, model, profile, k=max(1, ranking.candidates))
    ranked = {"status": "ranked", "of": ranking.candidates, "relaxed": ranking.relaxed}
    positions = np.flatnonzero(ranking.rows == row)
    if positions.size:
        result = result_for(int(positions[0]), ranking, person, profile, entry, row)
        return {**ranked, "rank": result["rank"], "score": result["score"], "reasons": result["reasons"]}
    # recommend shows one language version per program: this one stands behind another version.
    twin = next((int(r) for r in ranking.rows if index.family[r] == index.family[row]), None)
    if twin is None:
        return {**ranked, "rank": None, "score": None, "reasons": ["another version of this program ranks instead"]}
    position = int(np.flatnonzero(ranking.rows == twin)[0])
    [twin_entry] = load_catalog(engine, ids=[int(index.ids[twin])])
    result = result_for(position, ranking, person, profile, twin_entry, twin)
    shown_as = f"shown as program {twin_entry.id} ({twin_entry.title}), another version of it, ranked {result['rank']}"
    return {**ranked, "rank": result["rank"], "score": result["score"], "reasons": [shown_as] + result["reasons"]}


def _constraint_order(name: str) -> int:
    from models.explain import RELAXED_IN_ORDER

    return RELAXED_IN_ORDER.index(name)


def _prerequisite_reasons(entry: CatalogEntry) -> list[str]:
    from models import wording

    return [f"{wording.with_article(wording.credential(entry.credential))} needs a first degree: you have none"]


@dataclass(frozen=True)
class Terms:
    """A program on the person's terms, as the ranker prices and times it (models.person)."""

    pace: Pace  # weeks at their hours, cost for their residence
    passes: bool  # meets every constraint as given (unknown values pass) and its prerequisites
    basis: str  # why the cost is this figure
    in_state_usd: float | None  # US programs with in-state tuition, shown beside the listed cost


def terms_for(profile: Profile, entries: Sequence[CatalogEntry]) -> dict[int, Terms]:
    """The ranker's cost and weeks of each entry for this person, by id."""
    from models.index import constraint_index
    from models.person import pace_of, view

    index = constraint_index(entries)
    person = view(index, profile)
    rows = {int(program_id): row for row, program_id in enumerate(index.ids)}
    in_state = index.numeric["cost_usd_in_state"]
    terms = {}
    for entry in entries:
        row = rows.get(entry.id)
        if row is None:
            continue
        pace = pace_of(person, row, entry)
        terms[entry.id] = Terms(
            pace=pace,
            passes=bool(person.allowed[row] and person.needed[row] == 0),
            basis=_cost_basis(person, row, profile, pace),
            in_state_usd=float(in_state[row]) if np.isfinite(in_state[row]) and not person.in_state[row] else None,
        )
    return terms


def _cost_basis(person, row: int, profile: Profile, pace) -> str:
    if person.tuition_free[row]:
        return f"tuition-free for residents of the EU/EEA ({profile.residence})"
    if person.in_state[row]:
        return f"in-state tuition ({profile.residence})"
    return "cost unknown" if pace.cost_usd is None else "listed cost"
