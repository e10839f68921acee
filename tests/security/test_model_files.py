"""Model files are plain JSON numbers read with json: a pickle or a skops file in the model's place,
or a JSON file holding anything but our model's numbers, is refused with one line and never run."""

import json
import pickle

import pytest
import skops.io as sio

from models.persistence import MODEL_FILE, CorruptModelError, UntrustedModelError, load_model
from models.train import train
from tests.models.sample_catalogue import REAL_SHAPED, build_database


class Payload:
    """Unpickling this creates the marker file: proof that the pickle ran."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


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

    assert "cannot be read" in refusal(models_dir)
    assert not marker.exists()


def test_a_skops_file_in_the_models_place_is_refused_and_never_loaded(models_dir):
    marker = models_dir / "skops-ran"
    sio.dump({"payload": Payload(marker)}, models_dir / MODEL_FILE)

    assert "cannot be read" in refusal(models_dir)
    assert not marker.exists()


def test_a_json_file_naming_a_type_to_build_is_refused(models_dir):
    state = json.loads((models_dir / MODEL_FILE).read_text())
    state["scorers"]["industry"] = {"py/object": "builtins.open", "py/reduce": ["/tmp/x", "w"]}
    (models_dir / MODEL_FILE).write_text(json.dumps(state))

    assert "does not hold a ranking model" in refusal(models_dir)


def test_a_json_file_holding_something_else_is_refused(models_dir):
    (models_dir / MODEL_FILE).write_text(json.dumps({"weights": [1, 2, 3]}))

    assert "does not hold a ranking model" in refusal(models_dir)
