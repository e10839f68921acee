"""Training: fit one scorer pipeline per goal on graded judgements, then save it beside the index.

Judgements name a program by its id in the catalogue (callers map (source, source_id) to ids:
models.judgements) and carry a grade (0-3 for the ground truth; feedback maps to grades too).
A goal without judgements that the score must order (pairs in one tier: judged_pairs) keeps its
hand-set prior weights; with some, its weights are learned from those pairs, shrunk towards the
priors (models.ranker.LinearScorer on pair differences: a pairwise objective, still a linear scorer).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from models.features import FEATURE_NAMES
from models.index import CatalogIndex
from models.person import view
from models.profile import Profile
from models.rank import feature_matrix, tiers
from models.ranker import PRIOR_WEIGHTS, RankingModel, scorer_pipeline

GRADE_RANGE = 3.0  # grades run from 0 (not at all) to 3 (a perfect fit)
# One profile's judged pairs (feature differences, grade differences, weights), by the profile and its
# judgements: what training on one index may reuse (models.evaluate fits the same personas many times).
PairMemo = dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Judgement:
    """How relevant a program was for a profile: 0 not at all ... 3 a perfect fit."""

    profile: Profile
    program_id: int
    relevance: float
    weight: float = 1.0


def judged_pairs(index: CatalogIndex, judgements: Sequence[Judgement],
                 memo: PairMemo | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Feature differences, grade differences and weights of the pairs of programs one profile judged
    differently that the ranker orders by score alone (same tier: models.rank.tiers).

    The score only ever orders programs within a tier: constraints, unknown values and the verdict's
    kind order the tiers. Fitting grades across tiers taught the weights what the tiers already
    decide (an over-budget program is graded 0: cost_fit took the weight) and nothing of what the
    score must decide (within a tier that fits the budget, the judges prefer programs about the
    subject and deeper ones). Each pair is given both ways round, at half weight each, so the
    differences are centred and the scorer's intercept stays 0. Grade differences are on [-1, 1].
    `memo` keeps each profile's pairs for the next call on the same index.
    """
    row_of = index.row_of
    by_profile: dict[Profile, list[Judgement]] = {}
    for judgement in judgements:
        if judgement.program_id in row_of:
            by_profile.setdefault(judgement.profile, []).append(judgement)
    memo = {} if memo is None else memo
    blocks = [(np.zeros((0, len(FEATURE_NAMES))), np.zeros(0), np.zeros(0))]
    for profile, judged in by_profile.items():
        key = (profile, tuple((judgement.program_id, judgement.relevance, judgement.weight) for judgement in judged))
        if key not in memo:
            memo[key] = _profile_pairs(index, profile, judged, np.array([row_of[j.program_id] for j in judged]))
        blocks.append(memo[key])
    differences, gaps, weights = zip(*blocks, strict=True)
    return np.vstack(differences), np.concatenate(gaps), np.concatenate(weights)


def _profile_pairs(index: CatalogIndex, profile: Profile, judged: Sequence[Judgement],
                   rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    from models.recommend import verdict_path

    grade = np.array([judgement.relevance for judgement in judged], dtype=float)
    weight = np.array([judgement.weight for judgement in judged], dtype=float)
    person = view(index, profile)
    tier = tiers(index, person, verdict_path(index, person, profile))[rows]
    better, worse = np.nonzero((grade[:, None] > grade[None, :]) & (tier[:, None] == tier[None, :])
                               & np.isfinite(tier)[:, None])  # fmt: skip
    if not better.size:
        return np.zeros((0, len(FEATURE_NAMES))), np.zeros(0), np.zeros(0)
    block = feature_matrix(index, person, profile, rows)
    difference, gap = block[better] - block[worse], (grade[better] - grade[worse]) / GRADE_RANGE
    pair_weight = 0.5 * np.minimum(weight[better], weight[worse])
    return np.vstack([difference, -difference]), np.concatenate([gap, -gap]), np.concatenate([pair_weight] * 2)


def fit_model(index: CatalogIndex, judgements: Sequence[Judgement] = (), alpha: float = 1.0,
              memo: PairMemo | None = None) -> RankingModel:  # fmt: skip
    scorers = {}
    pairs = 0
    for goal, priors in PRIOR_WEIGHTS.items():
        judged = [judgement for judgement in judgements if judgement.profile.goal == goal]
        X, y, weights = judged_pairs(index, judged, memo)
        pipeline = scorer_pipeline(priors, alpha=alpha)
        if len(y) >= 2:
            pipeline.fit(X, y, scorer__sample_weight=weights)
            pairs += len(y) // 2
        else:
            pipeline.fit(np.full((2, len(priors)), 0.5))
        scorers[goal] = pipeline
    trained = datetime.now(UTC).isoformat(timespec="seconds")
    version = f"pairwise-{trained[:19].replace(':', '').replace('-', '')}-{pairs}p" if pairs else "priors"
    return RankingModel(scorers=scorers, version=version, trained=trained if pairs else None)


def train(engine: Engine, models_dir: Path, judgements: Sequence[Judgement] | None = None,
          evaluation_dir: Path | None = None) -> dict:  # fmt: skip
    """Rebuild the index if the catalogue changed, fit, evaluate, save to `models_dir` and record the
    model in the database; returns the metadata written.

    Judgements: those given, else the ground truth in `evaluation_dir` (models.judgements) and every
    user's feedback. The scores are the held-out evaluation when there is ground truth to hold out.
    """
    from models.persistence import build_metadata, save_model
    from models.recommend import current_index

    index = current_index(engine, models_dir)
    scores: dict = {}
    feedback: list[Judgement] = []
    model: RankingModel | None = None
    if judgements is None:
        from models.training_data import feedback_judgements, ground_truth

        truth = ground_truth(engine, evaluation_dir)
        feedback = feedback_judgements(engine)
        judgements = [*truth.judgements, *feedback]
        if truth.personas:
            from models.evaluate import evaluate, judged_pools, tuned_model

            memo: PairMemo = {}
            pools = judged_pools(index, truth.personas, truth.grades)
            scores = evaluate(index, truth.personas, truth.grades, extra=feedback, memo=memo, pools=pools)["metrics"]
            model, _alpha = tuned_model(index, truth.personas, truth.grades, feedback, memo=memo, pools=pools)
    model = model or fit_model(index, judgements)
    metadata = build_metadata(model, index, _judgements_per_goal(judgements), scores)
    save_model(model, models_dir, metadata)
    _record(engine, model, index.fingerprint, len(judgements) - len(feedback), len(feedback), scores)
    return metadata


def _record(engine: Engine, model: RankingModel, catalogue: str, judgements: int, feedback: int, scores: dict) -> None:
    """The model in use, in the `models` table (when the database has been migrated to have one)."""
    from sqlalchemy import inspect, update

    from pipeline.store.db import writer_session
    from pipeline.store.schema import RankerModel

    if not inspect(engine).has_table("models"):
        return
    trained = datetime.fromisoformat(model.trained).replace(tzinfo=None) if model.trained else datetime.now()
    with writer_session(engine) as session:
        session.execute(update(RankerModel).values(in_use=False))
        existing = session.query(RankerModel).filter_by(version=model.version).one_or_none()
        if existing is not None:
            session.delete(existing)
            session.flush()
        session.add(RankerModel(version=model.version, trained=trained, catalogue=catalogue, judgements=judgements,
                                feedback=feedback, scores=scores, in_use=True))  # fmt: skip


def _judgements_per_goal(judgements: Sequence[Judgement]) -> dict[str, int]:
    counts = dict.fromkeys(PRIOR_WEIGHTS, 0)
    for judgement in judgements:
        counts[judgement.profile.goal] += 1
    return counts
