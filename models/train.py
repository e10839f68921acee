"""Training: fit one scorer pipeline per goal on graded judgements, then save it beside the index.

Judgements name a program by its row in the catalogue's index (callers map (source, source_id) to
rows: models.judgements) and carry a grade (0-3 for the ground truth; feedback maps to grades too).
A goal without judgements keeps its hand-set prior weights; with some, its weights are learned,
shrunk towards the priors (models.ranker.LinearScorer).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from models.index import CatalogIndex
from models.person import view
from models.profile import Profile
from models.rank import feature_matrix
from models.ranker import PRIOR_WEIGHTS, RankingModel, scorer_pipeline


@dataclass(frozen=True)
class Judgement:
    """How relevant a program was for a profile: 0 not at all ... 3 a perfect fit."""

    profile: Profile
    program_id: int
    relevance: float
    weight: float = 1.0


def judged_matrix(index: CatalogIndex, judgements: Sequence[Judgement]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, grades and weights of the judgements whose program the index holds."""
    row_of = {int(program_id): row for row, program_id in enumerate(index.ids)}
    by_profile: dict[Profile, list[Judgement]] = {}
    for judgement in judgements:
        if judgement.program_id in row_of:
            by_profile.setdefault(judgement.profile, []).append(judgement)
    blocks, grades, weights = [], [], []
    for profile, judged in by_profile.items():
        rows = np.array([row_of[judgement.program_id] for judgement in judged])
        blocks.append(feature_matrix(index, view(index, profile), profile, rows))
        grades += [judgement.relevance for judgement in judged]
        weights += [judgement.weight for judgement in judged]
    if not blocks:
        return np.zeros((0, len(next(iter(PRIOR_WEIGHTS.values()))))), np.zeros(0), np.zeros(0)
    return np.vstack(blocks), np.array(grades, dtype=float), np.array(weights, dtype=float)


def fit_model(index: CatalogIndex, judgements: Sequence[Judgement] = (), alpha: float = 1.0) -> RankingModel:
    scorers = {}
    learned = 0
    for goal, priors in PRIOR_WEIGHTS.items():
        judged = [judgement for judgement in judgements if judgement.profile.goal == goal]
        X, y, weights = judged_matrix(index, judged)
        pipeline = scorer_pipeline(priors, alpha=alpha)
        if len(y) >= 2:
            pipeline.fit(X, y, scorer__sample_weight=weights)
            learned += len(y)
        else:
            pipeline.fit(np.full((2, len(priors)), 0.5))
        scorers[goal] = pipeline
    trained = datetime.now(UTC).isoformat(timespec="seconds")
    version = f"linear-{trained[:19].replace(':', '').replace('-', '')}-{learned}j" if learned else "priors"
    return RankingModel(scorers=scorers, version=version, trained=trained if learned else None)


def train(engine: Engine, models_dir: Path, judgements: Sequence[Judgement] = ()) -> dict:
    """Rebuild the index if the catalogue changed, fit, save to `models_dir`; returns the metadata."""
    from models.persistence import build_metadata, save_model
    from models.recommend import current_index

    index = current_index(engine, models_dir)
    model = fit_model(index, judgements)
    metadata = build_metadata(model, index, _judgements_per_goal(judgements))
    save_model(model, models_dir, metadata)
    return metadata


def _judgements_per_goal(judgements: Sequence[Judgement]) -> dict[str, int]:
    counts = dict.fromkeys(PRIOR_WEIGHTS, 0)
    for judgement in judgements:
        counts[judgement.profile.goal] += 1
    return counts
