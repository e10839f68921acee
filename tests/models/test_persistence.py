import json

import numpy as np
import pytest
import sklearn
import skops.io as sio

from models.catalog import load_catalog
from models.features import FEATURE_NAMES
from models.pace import pace_for
from models.persistence import METADATA_FILE, MODEL_FILE, UntrustedModelError, load_model
from models.profile import Profile
from models.ranker import PRIOR_WEIGHTS, RankingModel
from models.recommend import recommend
from models.train import Judgement, fit_model, train


class Intruder:
    """A type no model of ours contains."""


def features_and_scores(model, catalog, profile):
    paces = {entry.id: pace_for(entry, profile.hours_per_week) for entry in catalog}
    features = model.featurizer.features(catalog, profile, paces)
    return features, model.scorer_for(profile.goal).score_samples(features)


def test_train_saves_the_model_and_says_what_it_is(engine, tmp_path):
    metadata = train(engine, tmp_path / "models")

    assert (tmp_path / "models" / MODEL_FILE).is_file()
    assert json.loads((tmp_path / "models" / METADATA_FILE).read_text()) == metadata
    assert metadata["versions"]["scikit-learn"] == sklearn.__version__
    assert metadata["versions"]["skops"] and metadata["versions"]["mlpath"]
    assert metadata["catalog"] == {"program_count": 11, "last_seen": "2025-11-01T12:00:00"}
    assert metadata["features"] == list(FEATURE_NAMES)
    origins = {goal: weights["origin"] for goal, weights in metadata["weights"].items()}
    assert origins == dict.fromkeys(PRIOR_WEIGHTS, "prior")
    assert metadata["created"]


def test_a_saved_model_scores_exactly_as_before(engine, tmp_path):
    train(engine, tmp_path)
    catalog = load_catalog(engine)
    fitted, loaded = fit_model(catalog), load_model(tmp_path)

    for profile in (Profile(interests="deep learning", budget=500), Profile(goal="research", months=48)):
        features, scores = features_and_scores(fitted, catalog, profile)
        loaded_features, loaded_scores = features_and_scores(loaded, catalog, profile)
        assert np.array_equal(features, loaded_features)
        assert np.array_equal(scores, loaded_scores)
    profile = Profile(interests="python")
    assert recommend(engine, profile, model=loaded) == recommend(engine, profile)


def test_judgements_are_learned_for_their_goal_only(engine, tmp_path):
    liked = [Judgement(Profile(goal="upskill", interests="deep learning"), program_id, relevance)
             for program_id, relevance in ((2, 3.0), (100, 3.0), (101, 0.0), (1, 0.0), (8, 0.0))]  # fmt: skip

    metadata = train(engine, tmp_path, judgements=liked)

    assert metadata["weights"]["upskill"] | {"weights": None} == {"origin": "learned", "judgements": 5, "weights": None}
    assert metadata["weights"]["industry"]["origin"] == "prior"
    assert load_model(tmp_path).scorer_for("upskill").learned_


def test_recommend_uses_the_saved_model_when_there_is_one(engine, tmp_path):
    judgements = [Judgement(Profile(goal="industry"), 101, 5.0), Judgement(Profile(goal="industry"), 100, 0.0),
                  Judgement(Profile(goal="industry"), 4, 0.0)]  # fmt: skip
    train(engine, tmp_path, judgements=judgements)
    profile = Profile(interests="deep learning")

    with_saved = recommend(engine, profile, k=20, models_dir=tmp_path)
    with_saved_explicitly = recommend(engine, profile, k=20, model=load_model(tmp_path))
    on_the_fly = recommend(engine, profile, k=20, models_dir=tmp_path / "nothing-here")

    assert with_saved == with_saved_explicitly
    assert with_saved["results"] != on_the_fly["results"]


def test_a_model_file_asking_for_foreign_types_is_refused(engine, tmp_path):
    train(engine, tmp_path)
    sio.dump(RankingModel(featurizer=Intruder(), scorers={}), tmp_path / MODEL_FILE)

    with pytest.raises(UntrustedModelError, match="Intruder"):
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
