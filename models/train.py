"""Training: fit the featurizer on the catalogue and one scorer per goal, then save both.

Without judgements (today's normal case) the scorers keep their prior weights and training only
fits the catalogue-dependent parts: the TF-IDF vocabulary and the rating prior. With judgements,
each goal that has some learns its weights from them (see models.ranker).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from models.catalog import CatalogEntry, EmptyCatalogError, catalog_snapshot, load_catalog
from models.features import ProgramFeaturizer
from models.pace import pace_for
from models.persistence import build_metadata, save_model
from models.profile import Profile
from models.ranker import PRIOR_WEIGHTS, LinearScorer, RankingModel


@dataclass(frozen=True)
class Judgement:
    """How relevant a program was for a profile (e.g. 0 dismissed, 1 liked, 2 enrolled)."""

    profile: Profile
    program_id: int
    relevance: float


def fit_model(catalog: Sequence[CatalogEntry], judgements: Sequence[Judgement] = ()) -> RankingModel:
    if not catalog:
        raise EmptyCatalogError()
    featurizer = ProgramFeaturizer().fit(catalog)
    by_id = {entry.id: entry for entry in catalog}
    usable = [judgement for judgement in judgements if judgement.program_id in by_id]
    # Without judgements a scorer only checks its input: the catalogue under a neutral profile (the
    # features do not depend on the goal, so one matrix serves every goal).
    neutral = _catalogue_matrix(featurizer, catalog, Profile())
    scorers = {}
    for goal, priors in PRIOR_WEIGHTS.items():
        scorer = LinearScorer(prior_weights=priors)
        judged = [judgement for judgement in usable if judgement.profile.goal == goal]
        if judged:
            scorer.fit(*_judged_matrix(featurizer, by_id, judged))
        else:
            scorer.fit(neutral)
        scorers[goal] = scorer
    return RankingModel(featurizer=featurizer, scorers=scorers)


def train(engine: Engine, models_dir: Path, judgements: Sequence[Judgement] = ()) -> dict:
    """Fit on the catalogue in `engine`, save to `models_dir`; returns the metadata written."""
    catalog = load_catalog(engine)
    model = fit_model(catalog, judgements)
    metadata = build_metadata(model, catalog_snapshot(engine), _judgements_per_goal(catalog, judgements))
    save_model(model, models_dir, metadata)
    return metadata


def _catalogue_matrix(featurizer: ProgramFeaturizer, catalog: Sequence[CatalogEntry], profile: Profile) -> np.ndarray:
    paces = {entry.id: pace_for(entry, profile.hours_per_week) for entry in catalog}
    return featurizer.features(catalog, profile, paces)


def _judged_matrix(featurizer, by_id, judged: Sequence[Judgement]) -> tuple[np.ndarray, np.ndarray]:
    rows = []
    for judgement in judged:
        entry = by_id[judgement.program_id]
        paces = {entry.id: pace_for(entry, judgement.profile.hours_per_week)}
        rows.append(featurizer.features([entry], judgement.profile, paces)[0])
    return np.vstack(rows), np.array([judgement.relevance for judgement in judged], dtype=float)


def _judgements_per_goal(catalog: Sequence[CatalogEntry], judgements: Sequence[Judgement]) -> dict[str, int]:
    known = {entry.id for entry in catalog}
    counts = dict.fromkeys(PRIOR_WEIGHTS, 0)
    for judgement in judgements:
        if judgement.program_id in known:
            counts[judgement.profile.goal] += 1
    return counts
