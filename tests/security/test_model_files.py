"""Model files load only through skops with our trusted types: a file asking for another type, or a
pickle in the model's place, is refused with one line and never run."""

import pickle

import pytest
import skops.io as sio

from models.persistence import MODEL_FILE, CorruptModelError, UntrustedModelError, load_model
from models.ranker import RankingModel
from models.train import train
from tests.models.sample_catalogue import REAL_SHAPED, build_database


class Payload:
    """Unpickling this creates the marker file: proof that the pickle ran."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


class Foreign:
    """A type no model of ours contains."""


@pytest.fixture
def models_dir(tmp_path):
    """A directory with a real trained model and its metadata (the file is replaced by each test)."""
    engine = build_database(tmp_path / "catalogue.db", REAL_SHAPED)
    train(engine, tmp_path / "models")
    engine.dispose()
    return tmp_path / "models"


def refusal(models_dir) -> str:
    with pytest.raises((UntrustedModelError, CorruptModelError)) as refused:
        load_model(models_dir)
    message = str(refused.value)
    assert "\n" not in message and str(models_dir / MODEL_FILE) in message
    return message


def test_a_pickle_in_the_models_place_is_refused_and_never_run(models_dir):
    marker = models_dir / "pickle-ran"
    (models_dir / MODEL_FILE).write_bytes(pickle.dumps(Payload(marker)))

    assert "not a skops file" in refusal(models_dir)
    assert not marker.exists()


def test_a_skops_file_with_an_untrusted_type_is_refused(models_dir):
    sio.dump(RankingModel(scorers={"industry": Foreign()}), models_dir / MODEL_FILE)

    assert "Foreign" in refusal(models_dir)


def test_a_skops_file_holding_something_else_is_refused(models_dir):
    sio.dump({"weights": [1, 2, 3]}, models_dir / MODEL_FILE)

    assert "does not hold a RankingModel" in refusal(models_dir)
