"""The scorer: a linear model over the trade-off features, so each feature's share is a reason.

score(program) = sum_i w_i * x_i, with x_i in [0, 1] (models.features.FEATURES) and w_i >= 0.

What is prior and what is learned, honestly:
- PRIOR_WEIGHTS are hand-set from the seed article, per goal. Certifications win on cost, time,
  flexibility and industry relevance, which matter most for an industry job, a career switch or
  upskilling; degrees win on depth, recognition and networking, which matter most for research and
  academia. Interest match carries the most weight for every goal: the right subject comes first.
  A career switch also weighs depth and recognition a little more than an industry job (the seed:
  some employers do not recognise a certificate as a degree); upskilling weighs flexibility most
  (working professionals). They are not fitted to any data.
- Until labelled judgements exist (a relevance for a program shown to a profile, e.g. from
  `mlpath feedback`), the weights ARE the priors. Given judgements, `LinearScorer.fit` learns
  non-negative weights by ridge regression shrunk towards the priors (not towards zero), so a few
  judgements move the weights a little and many move them more.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import nnls
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import _check_sample_weight, check_is_fitted, validate_data

from models.features import FEATURE_NAMES

# Columns: interest_match, cost_fit, time_fit, flexibility_fit, level_fit, recognition, depth,
#          industry_relevance, networking, quality, outcomes, goal_fit, title_match. Each row sums
# to 1. title_match has no prior weight: the priors are the seed article's, and the seed says nothing
# of titles; what a title is worth is learned (and the priors baseline stays the one it always was).
PRIOR_WEIGHTS: dict[str, tuple[float, ...]] = {
    "industry":      (0.34, 0.12, 0.11, 0.08, 0.04, 0.03, 0.03, 0.11, 0.02, 0.04, 0.02, 0.06, 0.0),
    "career-switch": (0.30, 0.11, 0.10, 0.08, 0.04, 0.06, 0.06, 0.11, 0.02, 0.04, 0.02, 0.06, 0.0),
    "upskill":       (0.34, 0.10, 0.11, 0.15, 0.05, 0.02, 0.03, 0.09, 0.01, 0.04, 0.01, 0.05, 0.0),
    "research":      (0.28, 0.03, 0.02, 0.02, 0.03, 0.14, 0.18, 0.02, 0.10, 0.03, 0.04, 0.11, 0.0),
    "academia":      (0.26, 0.03, 0.02, 0.02, 0.03, 0.19, 0.18, 0.01, 0.10, 0.03, 0.02, 0.11, 0.0),
}  # fmt: skip


class LinearScorer(RegressorMixin, BaseEstimator):
    """Non-negative linear scorer whose weights are priors until judgements teach it otherwise.

    Parameters
    ----------
    prior_weights : sequence of float or None
        The weights used without judgements, and the point the fitted weights are shrunk towards.
        None: equal weights 1 / n_features.
    alpha : float
        Strength of the pull towards the priors when learning; 0 is plain (non-negative) least squares.
    positive : bool
        Keep weights >= 0, so that every contribution w_i * x_i reads as a strength.

    Fitted attributes
    -----------------
    coef_ : ndarray of shape (n_features,)  the weights.
    intercept_ : float  the judgement level at zero features (used by predict, not by score_samples).
    learned_ : bool  False when fitted without y: coef_ are the priors.
    n_features_in_ : int
    """

    def __init__(self, prior_weights=None, alpha: float = 1.0, positive: bool = True):
        self.prior_weights = prior_weights
        self.alpha = alpha
        self.positive = positive

    def fit(self, X, y=None, sample_weight=None):
        if y is None:
            X = validate_data(self, X, dtype=np.float64)
            self.coef_ = self._priors(X.shape[1])
            self.intercept_ = 0.0
            self.learned_ = False
            return self
        X, y = validate_data(self, X, y, dtype=np.float64, y_numeric=True)
        weights = _check_sample_weight(sample_weight, X, dtype=np.float64, ensure_non_negative=True)
        self.coef_, self.intercept_ = self._solve(X, y, weights, self._priors(X.shape[1]))
        self.learned_ = True
        return self

    def predict(self, X):
        """The estimated judgement of each row."""
        return self.score_samples(X) + self.intercept_

    def score_samples(self, X):
        """The ranking score: sum of contributions, without intercept."""
        return self.contributions(X).sum(axis=1)

    def contributions(self, X):
        """w_i * x_i for every row and feature: what each trade-off adds to the score."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X * self.coef_

    def _priors(self, n_features: int) -> np.ndarray:
        if self.prior_weights is None:
            return np.full(n_features, 1.0 / n_features)
        priors = np.asarray(self.prior_weights, dtype=np.float64)
        if priors.shape != (n_features,):
            raise ValueError(f"prior_weights has {priors.size} values for {n_features} features")
        if self.positive and (priors < 0).any():
            raise ValueError("prior_weights must be >= 0 when positive=True")
        return priors

    def _solve(self, X, y, sample_weight, priors) -> tuple[np.ndarray, float]:
        """Weighted least squares on centred data plus alpha * ||w - priors||^2, optionally w >= 0.

        Written as one least-squares system: the judgement rows, then one row per feature pulling
        its weight towards the prior.
        """
        x_mean = np.average(X, axis=0, weights=sample_weight)
        y_mean = float(np.average(y, weights=sample_weight))
        root = np.sqrt(sample_weight)
        design = np.vstack([(X - x_mean) * root[:, None], np.sqrt(self.alpha) * np.eye(X.shape[1])])
        target = np.concatenate([(y - y_mean) * root, np.sqrt(self.alpha) * priors])
        if self.positive:
            coef, _residual = nnls(design, target)
        else:
            coef = np.linalg.lstsq(design, target, rcond=None)[0]
        return coef, y_mean - float(x_mean @ coef)


def scorer_pipeline(prior_weights=None, alpha: float = 1.0) -> Pipeline:
    """The estimator: the trade-off columns through a ColumnTransformer, then the linear scorer."""
    # sparse_threshold=1: sparse input stays sparse, so the scorer refuses it by name (the pipeline's
    # tags say it takes dense input only) instead of the columns step quietly densifying it.
    columns = ColumnTransformer([("trade_offs", "passthrough", slice(0, None))], sparse_threshold=1.0)
    return Pipeline([("columns", columns), ("scorer", LinearScorer(prior_weights=prior_weights, alpha=alpha))])


def contributions(pipeline: Pipeline, X) -> np.ndarray:
    """w_i * x_i of each row and feature, through the pipeline's columns."""
    return _columns(pipeline, X) * pipeline[-1].coef_


def scores(pipeline: Pipeline, X) -> np.ndarray:
    """The ranking score of each row: the sum of its contributions, without building them."""
    return _columns(pipeline, X) @ pipeline[-1].coef_


def linear_weights(pipeline: Pipeline) -> np.ndarray | None:
    """The scorer's weights when its columns step passes every trade-off through unchanged (the
    score is then a plain weighted sum); None otherwise."""
    check_is_fitted(pipeline[-1])
    passthrough = all(transformer == "passthrough" for _, transformer, _ in pipeline[:-1][0].transformers)
    return pipeline[-1].coef_ if passthrough else None


def _columns(pipeline: Pipeline, X) -> np.ndarray:
    """X through the pipeline's columns step. When that step passes every trade-off through
    unchanged, skipping its validation and copy is what keeps a query over 100,000 programs cheap."""
    check_is_fitted(pipeline[-1])
    columns = pipeline[:-1]
    passthrough = all(transformer == "passthrough" for _, transformer, _ in columns[0].transformers)
    return X if passthrough else columns.transform(X)


@dataclass
class RankingModel:
    """What `mlpath train` saves: one fitted scorer pipeline per goal, and what it was trained on."""

    scorers: dict[str, Pipeline] = field(default_factory=dict)
    version: str = "priors"
    trained: str | None = None  # ISO time of training; None: hand-set priors, never trained

    def scorer_for(self, goal: str) -> Pipeline:
        return self.scorers[goal]

    def weights(self) -> dict[str, dict]:
        """Per goal: where the weights come from (prior or learned) and their values by feature."""
        return {
            goal: {
                "origin": "learned" if pipeline[-1].learned_ else "prior",
                "weights": dict(zip(FEATURE_NAMES, (round(float(w), 4) for w in pipeline[-1].coef_), strict=True)),
            }
            for goal, pipeline in self.scorers.items()
        }


def prior_model() -> RankingModel:
    """The hand-set priors of the seed article, as fitted pipelines (no judgements)."""
    neutral = np.full((2, len(FEATURE_NAMES)), 0.5)
    return RankingModel({goal: scorer_pipeline(priors).fit(neutral) for goal, priors in PRIOR_WEIGHTS.items()})
