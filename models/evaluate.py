"""Evaluation on held-out personas: NDCG@10 of the model and of baselines, and their violation rate.

Personas are split into folds (never one persona's judgements on both sides); for each fold the
model is trained on the other personas' judgements (plus feedback) and ranks the whole catalogue for
each held-out persona. Unjudged programs count as grade 0. Baselines:
- random: ten programs drawn from the whole catalogue;
- popularity: the highest rating shrunk towards the mean by its count;
- text_tfidf: the highest TF-IDF cosine of the interests alone (no synonyms, no constraints);
- priors: the full ranker with the hand-set prior weights.
A violation is a result that breaks a hard constraint of the persona on a known value without
saying so (the ranker marks what it relaxed; the baselines do not look).
"""

from collections.abc import Sequence

import numpy as np

from models.index import CatalogIndex
from models.person import PersonView, view
from models.profile import Profile
from models.ranker import RankingModel, prior_model
from models.recommend import rank_profile
from models.train import Judgement, fit_model
from pipeline.progress import track

K = 10
BASELINES = ("random", "popularity", "text_tfidf", "priors")


def ndcg(ranked: Sequence[int], grades: dict[int, float], k: int = K) -> float | None:
    """NDCG@k with gains 2^grade - 1; None when the persona has no positive grade (nothing to find)."""
    ideal = sorted(grades.values(), reverse=True)[:k]
    ideal_dcg = sum((2**grade - 1) / np.log2(position + 2) for position, grade in enumerate(ideal))
    if ideal_dcg <= 0:
        return None
    dcg = sum((2 ** grades.get(program, 0.0) - 1) / np.log2(position + 2)
              for position, program in enumerate(ranked[:k]))  # fmt: skip
    return float(dcg / ideal_dcg)


def persona_folds(persona_ids: Sequence[str], folds: int, seed: int = 0) -> list[list[str]]:
    shuffled = sorted(persona_ids)
    np.random.default_rng(seed).shuffle(shuffled)
    count = max(1, min(folds, len(shuffled)))
    return [shuffled[fold::count] for fold in range(count)]


def violations(person: PersonView, rows: np.ndarray, marked: bool) -> int:
    """Results breaking a constraint as given; relaxed results the ranker marked do not count."""
    broken = ~person.allowed[rows]
    if not marked:
        broken |= person.needed[rows] > 0
    return int(np.count_nonzero(broken))


def evaluate(
    index: CatalogIndex,
    personas: dict[str, Profile],
    grades: dict[str, dict[int, float]],
    extra: Sequence[Judgement] = (),
    folds: int = 5,
    seed: int = 0,
) -> dict:
    """{"metrics": {method: {"ndcg@10", "ndcg@10_sd", "violation_rate"}}, "folds", "personas"}."""
    judged = [persona for persona in personas if grades.get(persona)]
    per_fold: dict[str, list[float]] = {name: [] for name in ("model", *BASELINES)}
    broken = dict.fromkeys(per_fold, 0)
    shown = dict.fromkeys(per_fold, 0)
    rng = np.random.default_rng(seed)
    priors = prior_model()
    split = persona_folds(judged, folds, seed)
    for held_out in track(split, "evaluate: folds of held-out personas", total=len(split)):
        training = [Judgement(personas[p], program, grade) for p in judged if p not in held_out
                    for program, grade in grades[p].items()]  # fmt: skip
        model = fit_model(index, [*training, *extra])
        scores: dict[str, list[float]] = {name: [] for name in per_fold}
        for persona in held_out:
            profile = personas[persona]
            person = view(index, profile)
            for name, (rows, marked) in _rankings(index, profile, model, priors, rng).items():
                value = ndcg([int(index.ids[row]) for row in rows], grades[persona])
                if value is not None:
                    scores[name].append(value)
                broken[name] += violations(person, rows, marked)
                shown[name] += len(rows)
        for name, values in scores.items():
            if values:
                per_fold[name].append(float(np.mean(values)))
    metrics = {
        name: {
            "ndcg@10": round(float(np.mean(values)), 4) if values else None,
            "ndcg@10_sd": round(float(np.std(values)), 4) if values else None,
            "violation_rate": round(broken[name] / shown[name], 4) if shown[name] else None,
        }
        for name, values in per_fold.items()
    }
    return {"metrics": metrics, "folds": len(split), "personas": len(judged)}


def _rankings(index, profile, model: RankingModel, priors: RankingModel, rng) -> dict:
    ranked = {
        "model": (rank_profile(index, model, profile, K)[0].rows, True),
        "priors": (rank_profile(index, priors, profile, K)[0].rows, True),
        "random": (rng.choice(len(index), size=min(K, len(index)), replace=False), False),
        "popularity": (_top(index.static_feature("quality")), False),
    }
    query = index.matcher.words_.transform([profile.interests or ""])
    text = np.asarray(index.words[:, query.indices] @ query.data).ravel() if query.nnz else np.zeros(len(index))
    ranked["text_tfidf"] = (_top(text), False)
    return ranked


def _top(values: np.ndarray, k: int = K) -> np.ndarray:
    k = min(k, len(values))
    top = np.argpartition(-values, k - 1)[:k]
    return top[np.argsort(-values[top], kind="stable")]
