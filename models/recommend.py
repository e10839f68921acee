"""recommend(): the answer to "certification or degree, which program, and why" for one profile.

Returns exactly the JSON contract of DESIGN.md (Contracts -> Recommend). `cost_usd` in a result is
the cost to finish at the person's pace, for their residence (for subscriptions: the monthly price
times the months they need, never less than the listed total); null means unknown.

The catalogue is read as arrays (models.index, rebuilt when the catalogue changed), ranked as arrays
(models.rank); only the k results are read back as programs, for their reasons.
"""

import math
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from models.catalog import CatalogEntry, EmptyCatalogError, catalog_snapshot, load_catalog
from models.explain import Standing, reasons
from models.features import FeatureContext
from models.index import EPOCH, CatalogIndex, build_index, load_index, save_index
from models.interest import matched_terms
from models.person import PersonView, pace_of, view
from models.profile import Profile
from models.rank import Ranking, failed_steps, possible, rank
from models.ranker import RankingModel, prior_model
from models.verdict import Option, choose_path, decide, obstacles

RESULT_KEYS = (
    "rank", "program_id", "title", "provider", "kind", "credential", "cost_usd", "duration_weeks",
    "weeks_at_your_pace", "delivery", "pacing", "level", "country", "earnings_usd", "debt_usd", "score",
    "reasons", "url", "url_kind", "captured", "sources",
)  # fmt: skip

_INDEX_CACHE: dict[str, CatalogIndex] = {}


def current_index(engine: Engine, models_dir: Path | None) -> CatalogIndex:
    """The catalogue's arrays: from memory, else from the models folder, else built (and saved);
    rebuilt whenever the database's fingerprint differs from the one they were built from."""
    snapshot = catalog_snapshot(engine)
    if snapshot.program_count == 0:
        raise EmptyCatalogError()
    cache_key = f"{engine.url}|{models_dir}"
    index = _INDEX_CACHE.get(cache_key)
    if index is None and models_dir is not None:
        index = load_index(models_dir)
    if index is None or index.fingerprint != snapshot.fingerprint:
        index = build_index(load_catalog(engine), snapshot.fingerprint)
        if models_dir is not None:
            save_index(index, models_dir)
    _INDEX_CACHE[cache_key] = index
    return index


def recommend(
    engine: Engine,
    profile: Profile,
    k: int = 10,
    model: RankingModel | None = None,
    models_dir: Path | None = None,
    dismissed_ids: set[int] | frozenset[int] = frozenset(),
) -> dict:
    """The top k programs for `profile`, the verdict and the reasons.

    The model: `model` if given, else the one saved in `models_dir`, else the hand-set priors.
    Raises EmptyCatalogError when the database holds no programs.
    """
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    index = current_index(engine, models_dir)
    model = model or ranking_model(models_dir)
    answered = answer(index, model, profile, k, lambda ids: load_catalog(engine, ids=ids), dismissed_ids)
    if models_dir is not None:
        from models.persistence import model_scores

        answered["model"]["scores"] = model_scores(models_dir, model.version)
    return answered


def answer(index: CatalogIndex, model: RankingModel, profile: Profile, k: int,
           programs: Callable[[Sequence[int]], list[CatalogEntry]], dismissed_ids=frozenset()) -> dict:  # fmt: skip
    """The contract's answer from the arrays; `programs` reads the few programs shown, by id."""
    ranking, person = rank_profile(index, model, profile, k, dismissed_ids)
    rows = [int(row) for row in ranking.rows]
    # Where a kind is possible, the verdict names the first program of it that the list shows.
    shown: dict[str, int] = {}
    for row, kind in zip(rows, index.categorical["kind"][np.asarray(rows, dtype=np.int64)].values(), strict=True):
        shown.setdefault(kind, row)
    best_rows = {kind: shown.get(kind, row) for kind, row in ranking.best.items() if row is not None}
    wanted = [int(index.ids[row]) for row in rows + list(best_rows.values())]
    entries = {entry.id: entry for entry in programs(wanted)}

    def option(row: int) -> Option:
        entry = entries[int(index.ids[row])]
        return Option(entry, pace_of(person, row, entry))

    results = [
        result_for(position, ranking, person, profile, entries[int(index.ids[row])], row)
        for position, row in enumerate(rows)
    ]  # fmt: skip
    best = {"certification": None, "degree": None} | {kind: option(row) for kind, row in best_rows.items()}
    verdict = decide(
        profile, ranking.path, best,
        {kind: obstacles(index, person, profile, kind) for kind in ("certification", "degree")},
        ranking.relaxed, option(rows[0]) if rows else None,
    )  # fmt: skip
    return {
        "profile": profile.model_dump(mode="json"),
        "candidates": ranking.candidates,
        "relaxed": ranking.relaxed,
        "verdict": verdict,
        "model": {"version": model.version, "trained": model.trained, "catalogue_as_of": _as_of(index)},
        "results": results,
    }


def rank_profile(index: CatalogIndex, model: RankingModel, profile: Profile, k: int,
                 dismissed_ids=frozenset()) -> tuple[Ranking, PersonView]:  # fmt: skip
    """The ranking and the person's view of the catalogue: arrays only, no database."""
    dismissed = np.isin(index.ids, list(dismissed_ids)) if dismissed_ids else None
    person = view(index, profile, dismissed)
    return rank(index, model, profile, k, verdict_path(index, person, profile), person=person), person


def verdict_path(index: CatalogIndex, person: PersonView, profile: Profile) -> str:
    """certification | degree | both, decided on the known fits when there are any: they head the
    list, so the verdict matches it."""
    known = {kind: bool(possible(index, person, kind, known=True).any()) for kind in ("certification", "degree")}
    if not any(known.values()):
        known = {kind: bool(possible(index, person, kind).any()) for kind in ("certification", "degree")}
    return choose_path(profile, known["certification"], known["degree"])


def ranking_model(models_dir: Path | None) -> RankingModel:
    """The model saved in `models_dir`, else the hand-set priors."""
    if models_dir is None:
        return prior_model()
    from models.persistence import load_model

    return load_model(models_dir) or prior_model()


def result_for(position: int, ranking: Ranking, person: PersonView, profile: Profile,
            entry: CatalogEntry, row: int) -> dict:  # fmt: skip
    pace = pace_of(person, row, entry)
    context = FeatureContext(entry, pace, profile, matched_terms(profile.interests, entry.title, entry.skills,
                                                                 entry.description))  # fmt: skip
    standing = Standing(
        relaxed=tuple(failed_steps(person, row, profile)),
        unknown=tuple(name for name, mask in person.unknown.items() if mask[row]),
        stale_since=entry.captured.date() if ranking.stale[position] and entry.captured else None,
    )
    return {
        "rank": position + 1,
        "program_id": entry.id,
        "title": entry.title,
        "provider": entry.provider,
        "kind": entry.kind,
        "credential": entry.credential,
        "cost_usd": _rounded(pace.cost_usd, 2),
        "duration_weeks": entry.duration_weeks,
        "weeks_at_your_pace": _rounded(pace.weeks, 1),
        "delivery": entry.delivery,
        "pacing": entry.pacing,
        "level": entry.level,
        "country": entry.country,
        "earnings_usd": entry.earnings_usd,
        "debt_usd": entry.debt_usd,
        "score": round(float(ranking.scores[position]), 4),
        "reasons": reasons(context, ranking.contributions[position], ranking.values[position], standing),
        "url": entry.url,
        "url_kind": entry.url_kind or "page",
        "captured": entry.captured.date().isoformat() if entry.captured else None,
        "sources": list(entry.sources),
    }


def _as_of(index: CatalogIndex) -> str | None:
    newest = index.newest_captured_days
    return None if math.isnan(newest) else (EPOCH + timedelta(days=newest)).date().isoformat()


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)
