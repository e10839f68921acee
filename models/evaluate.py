"""Evaluation on held-out personas: NDCG@10 of the model and of baselines, and their violation rate.

Personas are split into folds (never one persona's judgements on both sides); for each fold the
model is trained on the other personas' judgements (plus feedback), its regularisation chosen by an
inner cross-validation over those training personas only, and ranks for each held-out persona.
- NDCG@10 is measured on the judged pool: the persona's judged programs, in the order each ranker
  puts them (the ranker's full sort key: constraints, unknowns, verdict kind, score). Unjudged
  programs are not assumed irrelevant; `catalogue_wide` (top 10 of the whole catalogue, unjudged =
  grade 0) is reported beside it.
- The violation rate is counted over each ranker's top 10 drawn from the whole catalogue: a result
  that breaks a hard constraint of the persona on a known value without saying so (the ranker marks
  what it relaxed; the baselines do not look).
Baselines: random; popularity (rating shrunk towards the mean by its count); text_tfidf (TF-IDF
cosine of the interests alone: no synonyms, no constraints); priors (the full ranker with the
hand-set prior weights).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.index import CatalogIndex
from models.person import PersonView, view
from models.profile import Profile
from models.rank import feature_matrix, order_key, stale_mask
from models.ranker import RankingModel, linear_weights, prior_model, scores
from models.recommend import rank_profile, verdict_path
from models.train import Judgement, PairMemo, fit_model
from pipeline.progress import track

K = 10
BASELINES = ("random", "popularity", "text_tfidf", "priors")
ALPHAS = (0.1, 1.0, 10.0, 100.0)  # pull towards the priors, chosen by inner cross-validation
INNER_FOLDS = 4


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


@dataclass
class JudgedPool:
    """One persona's judged programs, ready to be ordered by any linear model: the sort key is
    `offset - features @ weights` (models.rank.order_key with the score left out)."""

    ids: np.ndarray  # program ids
    rows: np.ndarray  # their index rows
    grades: dict[int, float]
    features: np.ndarray
    offset: np.ndarray

    def order(self, key: np.ndarray) -> list[int]:
        return [int(program) for program in self.ids[np.argsort(key, kind="stable")]]

    def key(self, model: RankingModel, goal: str) -> np.ndarray:
        weights = linear_weights(model.scorer_for(goal))
        score = self.features @ weights if weights is not None else scores(model.scorer_for(goal), self.features)
        return self.offset - score

    def ndcg_of(self, model: RankingModel, goal: str) -> float | None:
        return ndcg(self.order(self.key(model, goal)), self.grades)


def judged_pool(index: CatalogIndex, profile: Profile, grades: dict[int, float]) -> JudgedPool:
    ids = np.array([program for program in grades if program in index.row_of], dtype=np.int64)
    rows = np.array([index.row_of[int(program)] for program in ids], dtype=np.int64)
    person = view(index, profile)
    offset = order_key(index, person, verdict_path(index, person, profile), np.zeros(len(index)), stale_mask(index))
    return JudgedPool(ids, rows, {int(p): grades[int(p)] for p in ids}, feature_matrix(index, person, profile, rows),
                      offset[rows])  # fmt: skip


def judged_pools(index: CatalogIndex, personas: dict[str, Profile],
                 grades: dict[str, dict[int, float]]) -> dict[str, JudgedPool]:  # fmt: skip
    """The judged pool of every persona with grades."""
    return {persona: judged_pool(index, profile, grades[persona])
            for persona, profile in personas.items() if grades.get(persona)}  # fmt: skip


def tuned_model(index: CatalogIndex, personas: dict[str, Profile], grades: dict[str, dict[int, float]],
                extra: Sequence[Judgement] = (), seed: int = 0, memo: PairMemo | None = None,
                pools: dict[str, JudgedPool] | None = None) -> tuple[RankingModel, float]:  # fmt: skip
    """The model fitted on these personas' judgements (plus `extra`), its alpha the one whose models,
    trained on some of these personas, rank the judged pools of the others best (inner folds).
    `memo` and `pools`: judged pairs and pools already computed on this index."""
    memo = {} if memo is None else memo
    judged = [persona for persona in personas if grades.get(persona)]
    pools = pools or judged_pools(index, personas, grades)

    def inner_score(alpha: float) -> float:
        values = []
        for held_out in persona_folds(judged, INNER_FOLDS, seed + 1):
            model = fit_model(index, [*_judgements(personas, grades, set(judged) - set(held_out)), *extra], alpha, memo)
            values += [value for persona in held_out
                       if (value := pools[persona].ndcg_of(model, personas[persona].goal)) is not None]  # fmt: skip
        return float(np.mean(values)) if values else 0.0

    alpha = max(ALPHAS, key=inner_score) if len(judged) >= 2 * INNER_FOLDS else 1.0
    return fit_model(index, [*_judgements(personas, grades, set(judged)), *extra], alpha, memo), alpha


def _judgements(personas: dict[str, Profile], grades: dict[str, dict[int, float]], chosen: set[str]) -> list[Judgement]:
    return [Judgement(personas[persona], program, grade) for persona in sorted(chosen)
            for program, grade in grades[persona].items()]  # fmt: skip


def evaluate(
    index: CatalogIndex,
    personas: dict[str, Profile],
    grades: dict[str, dict[int, float]],
    extra: Sequence[Judgement] = (),
    folds: int = 5,
    seed: int = 0,
    memo: PairMemo | None = None,
    pools: dict[str, JudgedPool] | None = None,
) -> dict:
    """{"metrics": {method: {"ndcg@10", "ndcg@10_sd", "violation_rate"}} on the judged pools,
    "catalogue_wide": {method: {"ndcg@10", "ndcg@10_sd"}} over the whole catalogue (unjudged = 0),
    "folds", "personas", "alphas" (the one chosen per fold), "per_fold" (NDCG@10 judged, per method and
    fold: the folds are the same for every method, so they compare pairwise)}; means and standard
    deviations over folds. `memo` and `pools`: judged pairs (models.train) and pools already computed
    on this index."""
    memo = {} if memo is None else memo
    judged = [persona for persona in personas if grades.get(persona)]
    pools = pools or judged_pools(index, personas, grades)
    names = ("model", *BASELINES)
    per_fold: dict[str, list[float]] = {name: [] for name in names}
    whole: dict[str, list[float]] = {name: [] for name in names}
    broken, shown = dict.fromkeys(names, 0), dict.fromkeys(names, 0)
    rng = np.random.default_rng(seed)
    priors = prior_model()
    split = persona_folds(judged, folds, seed)
    alphas = []
    for held_out in track(split, "evaluate: folds of held-out personas", total=len(split)):
        training = [persona for persona in judged if persona not in held_out]
        model, alpha = tuned_model(index, {p: personas[p] for p in training}, grades, extra, seed, memo, pools)
        alphas.append(alpha)
        pooled: dict[str, list[float]] = {name: [] for name in names}
        catalogue: dict[str, list[float]] = {name: [] for name in names}
        for persona in held_out:
            profile = personas[persona]
            person = view(index, profile)
            pool = pools[persona]
            for name, (top, marked, key) in _rankings(index, profile, model, priors, rng, pool).items():
                _append(pooled[name], ndcg(pool.order(key), pool.grades))
                _append(catalogue[name], ndcg([int(index.ids[row]) for row in top], grades[persona]))
                broken[name] += violations(person, top, marked)
                shown[name] += len(top)
        for name in names:
            if pooled[name]:
                per_fold[name].append(float(np.mean(pooled[name])))
            if catalogue[name]:
                whole[name].append(float(np.mean(catalogue[name])))
    metrics = {name: {**_spread(per_fold[name]),
                      "violation_rate": _rounded(broken[name] / shown[name]) if shown[name] else None}
               for name in names}  # fmt: skip
    catalogue_wide = {name: _spread(whole[name]) for name in names}
    folds_of = {name: [_rounded(value) for value in per_fold[name]] for name in names}
    return {"metrics": metrics, "catalogue_wide": catalogue_wide, "folds": len(split), "personas": len(judged),
            "alphas": alphas, "per_fold": folds_of}  # fmt: skip


def _spread(values: list[float]) -> dict:
    """Mean and standard deviation over the folds."""
    if not values:
        return {"ndcg@10": None, "ndcg@10_sd": None}
    return {"ndcg@10": _rounded(np.mean(values)), "ndcg@10_sd": _rounded(np.std(values))}


def _append(values: list[float], value: float | None) -> None:
    if value is not None:
        values.append(value)


def _rounded(value) -> float:
    return round(float(value), 4)


def _rankings(index, profile, model: RankingModel, priors: RankingModel, rng, pool: JudgedPool) -> dict:
    """Per ranker: its top 10 rows of the whole catalogue, whether it marks relaxed results, and its
    sort key (lower first) of the judged pool."""
    popularity = index.static_feature("quality")
    query = index.matcher.words_.transform([profile.interests or ""])
    text = np.asarray(index.words[:, query.indices] @ query.data).ravel() if query.nnz else np.zeros(len(index))
    ranked = {}
    for name, ranker in (("model", model), ("priors", priors)):
        ranked[name] = (rank_profile(index, ranker, profile, K)[0].rows, True, pool.key(ranker, profile.goal))
    ranked["random"] = (rng.choice(len(index), size=min(K, len(index)), replace=False), False,
                        rng.random(len(pool.rows)))  # fmt: skip
    ranked["popularity"] = (_top(popularity), False, -popularity[pool.rows])
    ranked["text_tfidf"] = (_top(text), False, -text[pool.rows])
    return ranked


def _top(values: np.ndarray, k: int = K) -> np.ndarray:
    k = min(k, len(values))
    top = np.argpartition(-values, k - 1)[:k]
    return top[np.argsort(-values[top], kind="stable")]
