import json

import numpy as np
import pytest
import skops.io as sio

from models.features import FEATURE_NAMES
from models.persistence import METADATA_FILE, MODEL_FILE, CorruptModelError, UntrustedModelError, load_model
from models.person import view
from models.profile import Profile
from models.rank import feature_matrix
from models.ranker import RankingModel, contributions
from models.recommend import current_index, recommend
from models.train import Judgement, train


class Intruder:
    """A type no model of ours contains."""


def scores(model, index, profile):
    return contributions(model.scorer_for(profile.goal), feature_matrix(index, view(index, profile), profile)).sum(1)


def test_train_saves_the_model_and_says_what_it_is(engine, tmp_path):
    metadata = train(engine, tmp_path)

    assert (tmp_path / MODEL_FILE).exists() and (tmp_path / METADATA_FILE).exists()
    assert json.loads((tmp_path / METADATA_FILE).read_text()) == metadata
    assert metadata["features"] == list(FEATURE_NAMES)
    assert metadata["catalog"]["program_count"] == 11
    assert {weights["origin"] for weights in metadata["weights"].values()} == {"prior"}


def test_a_saved_model_scores_exactly_as_before(engine, tmp_path):
    judgements = [Judgement(Profile(interests="deep learning"), 100, 3.0),
                  Judgement(Profile(interests="deep learning"), 101, 0.0),
                  Judgement(Profile(interests="deep learning"), 1, 1.0)]  # fmt: skip
    train(engine, tmp_path, judgements)
    index = current_index(engine, tmp_path)
    loaded = load_model(tmp_path)

    assert loaded.version != "priors" and loaded.trained is not None
    profile = Profile(budget=500, interests="python")
    from models.train import fit_model

    assert np.allclose(scores(loaded, index, profile), scores(fit_model(index, judgements), index, profile))


def test_judgements_are_learned_for_their_goal_only(engine, tmp_path):
    judgements = [Judgement(Profile(goal="upskill", interests="deep learning"), program_id, grade)
                  for program_id, grade in ((100, 3.0), (101, 0.0), (4, 2.0), (6, 0.0))]  # fmt: skip

    metadata = train(engine, tmp_path, judgements)

    assert metadata["weights"]["upskill"]["origin"] == "learned"
    assert {metadata["weights"][goal]["origin"] for goal in ("industry", "research")} == {"prior"}


def test_recommend_reports_the_model_in_use(engine, tmp_path):
    judgements = [Judgement(Profile(interests="deep learning"), 100, 3.0),
                  Judgement(Profile(interests="deep learning"), 101, 0.0)]  # fmt: skip
    metadata = train(engine, tmp_path, judgements)

    answer = recommend(engine, Profile(), k=2, models_dir=tmp_path)

    assert answer["model"]["version"] == metadata["version"] != "priors"
    assert answer["model"]["trained"] == metadata["trained"]


def test_a_model_file_asking_for_foreign_types_is_refused(engine, tmp_path):
    train(engine, tmp_path)
    sio.dump(RankingModel(scorers={"industry": Intruder()}), tmp_path / MODEL_FILE)

    with pytest.raises(UntrustedModelError, match="Intruder"):
        load_model(tmp_path)


def test_a_corrupt_model_file_is_one_clear_error(engine, tmp_path):
    train(engine, tmp_path)
    (tmp_path / MODEL_FILE).write_bytes(b"not a zip file")

    with pytest.raises(CorruptModelError, match="run `mlpath train`"):
        load_model(tmp_path)


def test_a_model_from_another_scikit_learn_is_not_used(engine, tmp_path):
    train(engine, tmp_path)
    metadata = json.loads((tmp_path / METADATA_FILE).read_text())
    metadata["versions"]["scikit-learn"] = "0.0"
    (tmp_path / METADATA_FILE).write_text(json.dumps(metadata))

    assert load_model(tmp_path) is None
    assert load_model(tmp_path / "absent") is None


def test_a_model_trained_on_other_features_is_not_used(engine, tmp_path):
    train(engine, tmp_path)
    metadata = json.loads((tmp_path / METADATA_FILE).read_text())
    metadata["features"] = metadata["features"][:-1]
    (tmp_path / METADATA_FILE).write_text(json.dumps(metadata))

    assert load_model(tmp_path) is None


def test_the_index_is_rebuilt_when_the_catalogue_changes(engine, tmp_path):
    from datetime import datetime

    from sqlalchemy import update

    from pipeline.store.db import writer_session
    from pipeline.store.schema import Program

    first = current_index(engine, tmp_path)
    with writer_session(engine) as session:
        session.execute(update(Program).where(Program.id == 1).values(last_seen=datetime(2030, 1, 1)))

    second = current_index(engine, tmp_path)

    assert second.fingerprint != first.fingerprint and len(second) == len(first)
