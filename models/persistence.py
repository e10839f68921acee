"""Saving and loading the ranking model: skops.io plus a JSON metadata file. Never pickle.

Loading checks every type the file would create against TRUSTED_TYPES (what our own model is made
of) before loading: a file asking for anything else is refused, not loaded.

skops.io is imported where it is used: importing it walks every scikit-learn estimator (over a
second), which no command but train and recommend-with-a-saved-model should pay for.
"""

import json
import logging
import os
import platform
import zipfile
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import sklearn

from models.catalog import CatalogSnapshot
from models.features import FEATURE_NAMES
from models.ranker import RankingModel

MODEL_FILE = "ranker.skops"
METADATA_FILE = "ranker.json"

# The types a saved RankingModel is made of that skops does not trust by default (it trusts
# builtins, numpy, scipy and scikit-learn's own estimators). The TF-IDF classes are listed too, in
# case a later skops stops trusting them. Anything else in a model file is refused.
TRUSTED_TYPES = frozenset({
    "models.ranker.RankingModel",
    "models.ranker.LinearScorer",
    "models.features.ProgramFeaturizer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
})  # fmt: skip

log = logging.getLogger(__name__)


class UntrustedModelError(RuntimeError):
    """A model file that would create types we did not put there."""


def save_model(model: RankingModel, models_dir: Path, metadata: dict) -> Path:
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    import skops.io as sio

    path = models_dir / MODEL_FILE
    _replace_atomically(path, lambda temporary: sio.dump(model, temporary))
    _replace_atomically(
        models_dir / METADATA_FILE,
        lambda temporary: temporary.write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n"),
    )
    return path


def load_model(models_dir: Path) -> RankingModel | None:
    """The saved model; None when there is none, or it was saved by another scikit-learn or for
    other features (the caller then fits one on the fly)."""
    path = Path(models_dir) / MODEL_FILE
    if not path.exists():
        return None
    metadata = read_metadata(models_dir) or {}
    saved_with = metadata.get("versions", {}).get("scikit-learn")
    if saved_with != sklearn.__version__:
        log.warning("ignoring %s: saved with scikit-learn %s, running %s", path, saved_with, sklearn.__version__)
        return None
    if metadata.get("features") != list(FEATURE_NAMES):
        log.warning("ignoring %s: trained on other features than this version of mlpath computes", path)
        return None
    import skops.io as sio

    try:
        untrusted = sio.get_untrusted_types(file=path)
    except zipfile.BadZipFile:  # a pickle, or anything else put in its place: never loaded
        raise UntrustedModelError(f"{path} is not a skops file; refusing to load it") from None
    unexpected = sorted(set(untrusted) - TRUSTED_TYPES)
    if unexpected:
        raise UntrustedModelError(f"{path} asks for types we never save: {', '.join(unexpected)}")
    model = sio.load(path, trusted=untrusted)
    if not isinstance(model, RankingModel):
        raise UntrustedModelError(f"{path} does not hold a RankingModel")
    return model


def read_metadata(models_dir: Path) -> dict | None:
    path = Path(models_dir) / METADATA_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text())


def build_metadata(model: RankingModel, snapshot: CatalogSnapshot, judgements_per_goal: dict[str, int]) -> dict:
    weights = model.weights()
    for goal, count in judgements_per_goal.items():
        weights[goal]["judgements"] = count
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": {
            "mlpath": _package_version("mlpath"),
            "scikit-learn": sklearn.__version__,
            "skops": _package_version("skops"),
            "numpy": _package_version("numpy"),
            "python": platform.python_version(),
        },
        "catalog": {
            "program_count": snapshot.program_count,
            "last_seen": snapshot.last_seen.isoformat() if snapshot.last_seen else None,
        },
        "features": list(FEATURE_NAMES),
        "weights": weights,
        "featurizer": {
            "vocabulary_size": len(model.featurizer.vectorizer_.vocabulary_),
            "rating_mean": round(model.featurizer.rating_mean_, 4),
            "rating_prior_count": model.featurizer.rating_prior_count_,
        },
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
