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

from models.features import FEATURE_NAMES
from models.index import CatalogIndex
from models.ranker import RankingModel

MODEL_FILE = "ranker.skops"
METADATA_FILE = "ranker.json"

# The types a saved RankingModel is made of that skops does not trust by default (it trusts
# builtins, numpy, scipy and scikit-learn's own estimators). The TF-IDF classes are listed too, in
# case a later skops stops trusting them. Anything else in a model file is refused.
TRUSTED_TYPES = frozenset({
    "models.ranker.RankingModel",
    "models.ranker.LinearScorer",
    "sklearn.pipeline.Pipeline",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "builtins.slice",
})  # fmt: skip

log = logging.getLogger(__name__)


class UntrustedModelError(RuntimeError):
    """A model file that would create types we did not put there."""


class CorruptModelError(RuntimeError):
    """A model file that cannot be read."""


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
    try:
        metadata = read_metadata(models_dir) or {}
    except (OSError, ValueError):
        metadata = {}
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
        raise CorruptModelError(f"{path} is not a skops file; refusing to load it: run `mlpath train`") from None
    except (OSError, ValueError, KeyError) as error:
        raise CorruptModelError(f"{path} cannot be read ({error.__class__.__name__}): run `mlpath train`") from None
    unexpected = sorted(set(untrusted) - TRUSTED_TYPES)
    if unexpected:
        raise UntrustedModelError(f"{path} asks for types we never save: {', '.join(unexpected)}")
    try:
        model = sio.load(path, trusted=untrusted)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile) as error:
        raise CorruptModelError(f"{path} cannot be read ({error.__class__.__name__}): run `mlpath train`") from None
    if not isinstance(model, RankingModel):
        raise UntrustedModelError(f"{path} does not hold a RankingModel")
    return model


def read_metadata(models_dir: Path) -> dict | None:
    path = Path(models_dir) / METADATA_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text())


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
            "skops": _package_version("skops"),
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
