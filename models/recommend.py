"""recommend(): the answer to "certification or degree, which program, and why" for one profile.

Returns exactly the JSON contract of DESIGN.md (Contracts -> Recommend). `cost_usd` in a result is
the cost to finish at the person's pace (for subscriptions: the monthly price times the months they
need, never less than the listed total); null means unknown.
"""

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from models.candidates import generate_candidates
from models.catalog import CatalogEntry, EmptyCatalogError, load_catalog
from models.explain import reasons
from models.features import FeatureContext
from models.pace import Pace
from models.persistence import load_model
from models.profile import Profile
from models.ranker import RankingModel
from models.train import fit_model
from models.verdict import Option, decide, is_possible

RESULT_KEYS = (
    "rank", "program_id", "title", "provider", "kind", "credential", "cost_usd", "duration_weeks",
    "weeks_at_your_pace", "delivery", "pacing", "level", "country", "score", "reasons", "url", "sources",
)  # fmt: skip


def recommend(
    engine: Engine,
    profile: Profile,
    k: int = 10,
    model: RankingModel | None = None,
    models_dir: Path | None = None,
) -> dict:
    """The top k programs for `profile`, the verdict and the reasons.

    The model: `model` if given, else the one saved in `models_dir`, else one fitted on the fly.
    Raises EmptyCatalogError when the database holds no programs.
    """
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    catalog = load_catalog(engine)
    if not catalog:
        raise EmptyCatalogError()
    model = model or _saved_or_fitted(catalog, models_dir)
    candidates = generate_candidates(catalog, profile)
    paces = candidates.paces
    possible = [entry for entry in catalog if is_possible(entry, paces[entry.id], profile)]
    scored = _Scored(model, profile, paces, _unique(list(candidates.entries) + possible))
    ranked = sorted(candidates.entries, key=lambda entry: (-scored.score(entry), entry.id))
    top = _distinct_titles(ranked, k)
    candidate_ids = {entry.id for entry in candidates.entries}
    verdict = decide(
        profile,
        _best_of_kind("certification", possible, candidate_ids, scored, paces),
        _best_of_kind("degree", possible, candidate_ids, scored, paces),
        catalog,
        paces,
    )
    return {
        "profile": profile.model_dump(mode="json"),
        "candidates": len(candidates.entries),
        "relaxed": list(candidates.relaxed),
        "verdict": verdict,
        "results": [_result(rank, entry, paces[entry.id], profile, model, scored) for rank, entry in enumerate(top, 1)],
    }


class _Scored:
    """Feature values and contributions of a set of programs for one profile, by program id."""

    def __init__(self, model: RankingModel, profile: Profile, paces: dict[int, Pace], entries: Sequence[CatalogEntry]):
        self._row = {entry.id: row for row, entry in enumerate(entries)}
        if entries:
            self.values = model.featurizer.features(entries, profile, paces)
            self.contributions = model.scorer_for(profile.goal).contributions(self.values)
        else:
            self.values = self.contributions = np.zeros((0, 0))

    def score(self, entry: CatalogEntry) -> float:
        return float(self.contributions[self._row[entry.id]].sum())

    def of(self, entry: CatalogEntry) -> tuple[np.ndarray, np.ndarray]:
        row = self._row[entry.id]
        return self.values[row], self.contributions[row]


def _saved_or_fitted(catalog: Sequence[CatalogEntry], models_dir: Path | None) -> RankingModel:
    saved = load_model(models_dir) if models_dir is not None else None
    return saved or fit_model(catalog)


def _best_of_kind(kind, possible, candidate_ids, scored: _Scored, paces) -> Option | None:
    """The best-scored possible program of a kind, preferring those meeting every constraint."""
    of_kind = [entry for entry in possible if entry.kind == kind]
    if not of_kind:
        return None
    best = min(of_kind, key=lambda entry: (entry.id not in candidate_ids, -scored.score(entry), entry.id))
    return Option(entry=best, pace=paces[best.id])


def _distinct_titles(ranked: Sequence[CatalogEntry], k: int) -> list[CatalogEntry]:
    """The first k programs with distinct titles: one course listed by five providers shows once."""
    seen: set[str] = set()
    chosen = []
    for entry in ranked:
        key = _title_key(entry.title)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(entry)
        if len(chosen) == k:
            break
    return chosen


def _title_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", title.casefold()).split())


def _unique(entries: Sequence[CatalogEntry]) -> list[CatalogEntry]:
    return list({entry.id: entry for entry in entries}.values())


def _result(rank: int, entry: CatalogEntry, pace: Pace, profile: Profile, model: RankingModel, scored: _Scored) -> dict:
    values, contributions = scored.of(entry)
    context = FeatureContext(entry, pace, profile, model.featurizer.matched_terms(entry, profile.interests))
    return {
        "rank": rank,
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
        "score": round(float(contributions.sum()), 4),
        "reasons": reasons(context, contributions, values),
        "url": entry.url,
        "sources": list(entry.sources),
    }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)
