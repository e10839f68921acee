"""Saving and loading the ranking model: its fitted state as plain JSON, plus a JSON metadata file.
Never pickle, and no skops.

The model is numbers: per goal, the scorer's parameters (prior weights, alpha) and fitted state (the
weights, intercept, whether they were learned). `load_model` reads them with json, checks every key,
goal, length and number against what `save_model` writes, and rebuilds each goal's fitted Pipeline
from code (models.ranker.scorer_pipeline). Nothing in the file names a type or runs: a file that is not
JSON is corrupt (CorruptModelError), a JSON file that is not our model is refused (UntrustedModelError).
Loading imports neither pickle nor skops, whose import alone (it walks every scikit-learn estimator)
cost a cold `mlpath recommend` 0.75 s.
"""

import json
import logging
import math
import os
import platform
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np
import sklearn

from models.features import FEATURE_NAMES
from models.index import CatalogIndex
from models.ranker import PRIOR_WEIGHTS, RankingModel, scorer_pipeline

MODEL_FILE = "ranker-model.json"
METADATA_FILE = "ranker.json"
MODEL_FORMAT = 1  # bumped whenever the state's keys change meaning
SCORER_KEYS = {"prior_weights", "alpha", "positive", "coef", "intercept", "learned"}

log = logging.getLogger(__name__)


class UntrustedModelError(RuntimeError):
    """A readable model file holding something other than the model we write."""


class CorruptModelError(RuntimeError):
    """A model file that cannot be read."""


def save_model(model: RankingModel, models_dir: Path, metadata: dict) -> Path:
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    path = models_dir / MODEL_FILE
    state = json.dumps(model_state(model), indent=1) + "\n"
    _replace_atomically(path, lambda temporary: temporary.write_text(state, encoding="utf-8"))
    _replace_atomically(
        models_dir / METADATA_FILE,
        lambda temporary: temporary.write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n"),
    )
    return path


def model_state(model: RankingModel) -> dict:
    """The model as JSON-ready numbers: what `load_model` needs to rebuild it exactly."""
    scorers = {}
    for goal, pipeline in model.scorers.items():
        scorer = pipeline[-1]
        priors = scorer.prior_weights
        scorers[goal] = {
            "prior_weights": None if priors is None else [float(weight) for weight in priors],
            "alpha": float(scorer.alpha), "positive": bool(scorer.positive),
            "coef": [float(weight) for weight in scorer.coef_], "intercept": float(scorer.intercept_),
            "learned": bool(scorer.learned_),
        }  # fmt: skip
    return {"format": MODEL_FORMAT, "features": list(FEATURE_NAMES), "version": model.version,
            "trained": model.trained, "scorers": scorers}  # fmt: skip


def load_model(models_dir: Path) -> RankingModel | None:
    """The saved model; None when there is none, or it was trained on other features than this
    version of mlpath computes (the caller then uses the priors)."""
    path = Path(models_dir) / MODEL_FILE
    if not path.exists():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CorruptModelError(f"{path} cannot be read ({error.__class__.__name__}): run `mlpath train`") from None
    if not isinstance(state, dict) or state.get("format") != MODEL_FORMAT or "scorers" not in state:
        raise UntrustedModelError(f"{path} does not hold a ranking model written by mlpath: run `mlpath train`")
    if state.get("features") != list(FEATURE_NAMES):
        log.warning("ignoring %s: trained on other features than this version of mlpath computes", path)
        return None
    try:
        return model_from_state(state)
    except (TypeError, ValueError, KeyError, OverflowError) as error:
        raise UntrustedModelError(f"{path} does not hold a ranking model written by mlpath ({error}): "
                                  "run `mlpath train`") from None  # fmt: skip


def model_from_state(state: dict) -> RankingModel:
    """The fitted pipelines rebuilt from `model_state`'s numbers; ValueError, TypeError or KeyError
    on anything `model_state` would not have written."""
    scorers = state["scorers"]
    if not isinstance(scorers, dict) or set(scorers) != set(PRIOR_WEIGHTS):
        raise ValueError(f"goals {sorted(scorers) if isinstance(scorers, dict) else scorers!r}")
    version, trained = state["version"], state["trained"]
    if not isinstance(version, str) or not (trained is None or isinstance(trained, str)):
        raise TypeError("version and trained must be text")
    return RankingModel({goal: _scorer(goal, scorers[goal]) for goal in PRIOR_WEIGHTS}, version, trained)


def _scorer(goal: str, saved: dict):
    if not isinstance(saved, dict) or set(saved) != SCORER_KEYS:
        raise ValueError(f"{goal}: keys {sorted(saved) if isinstance(saved, dict) else saved!r}")
    coef = _numbers(goal, saved["coef"], len(FEATURE_NAMES))
    priors = None if saved["prior_weights"] is None else tuple(_numbers(goal, saved["prior_weights"], len(coef)))
    alpha, intercept = _numbers(goal, [saved["alpha"], saved["intercept"]], 2)
    if not isinstance(saved["positive"], bool) or not isinstance(saved["learned"], bool):
        raise TypeError(f"{goal}: positive and learned must be true or false")
    pipeline = scorer_pipeline(priors, alpha=alpha).set_params(scorer__positive=saved["positive"])
    pipeline.fit(np.full((2, len(FEATURE_NAMES)), 0.5))  # the passthrough columns' state is their count alone
    scorer = pipeline[-1]
    scorer.coef_, scorer.intercept_, scorer.learned_ = np.array(coef), intercept, saved["learned"]
    return pipeline


def _numbers(goal: str, values, length: int) -> list[float]:
    if not isinstance(values, list) or not all(isinstance(value, int | float) and not isinstance(value, bool)
                                               and math.isfinite(value) for value in values):  # fmt: skip
        raise ValueError(f"{goal}: not a list of finite numbers")
    if len(values) != length:
        raise ValueError(f"{goal}: {len(values)} numbers where {length} belong")
    return [float(value) for value in values]


def read_metadata(models_dir: Path) -> dict | None:
    path = Path(models_dir) / METADATA_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text())


def model_scores(models_dir: Path, version: str) -> dict:
    """The held-out evaluation recorded when the model of this version was trained; {} when none
    (the hand-set priors, or a metadata file that is unreadable or of another model)."""
    try:
        metadata = read_metadata(models_dir)
    except (OSError, ValueError):
        return {}
    if not isinstance(metadata, dict) or metadata.get("version") != version:
        return {}
    scores = metadata.get("scores")
    return scores if isinstance(scores, dict) else {}


def build_metadata(model: RankingModel, index: CatalogIndex, judgements_per_goal: dict[str, int],
                   scores: dict | None = None) -> dict:
    weights = model.weights()
    for goal, count in judgements_per_goal.items():
        weights[goal]["judgements"] = count
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": {
            "mlpath": _package_version("mlpath"),
            "scikit-learn": sklearn.__version__,
            "numpy": _package_version("numpy"),
            "python": platform.python_version(),
        },
        "version": model.version,
        "trained": model.trained,
        "catalog": {"program_count": len(index), "fingerprint": index.fingerprint},
        "features": list(FEATURE_NAMES),
        "weights": weights,
        "scores": scores or {},
    }


def _replace_atomically(path: Path, write) -> None:
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp{path.suffix}")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None
