import json
import subprocess
import sys

import numpy as np
import pytest

from models.features import FEATURE_NAMES
from models.persistence import METADATA_FILE, MODEL_FILE, CorruptModelError, UntrustedModelError, load_model
from models.person import view
from models.profile import Profile
from models.rank import feature_matrix
from models.ranker import contributions
from models.recommend import current_index, recommend
from models.train import Judgement, train


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


@pytest.mark.parametrize(("change", "named"), [
    (lambda state: state["scorers"].pop("industry"), "goals"),
    (lambda state: state["scorers"]["research"].update(coef=[1.0, 2.0]), "2 numbers where 13 belong"),
    (lambda state: state["scorers"]["upskill"].update(coef=["__import__('os')"] * 13), "not a list of finite numbers"),
    (lambda state: state["scorers"]["upskill"].update(alpha=10**400), "does not hold a ranking model"),
    (lambda state: state["scorers"]["academia"].update(py__class__="builtins.eval"), "keys"),
    (lambda state: state.update(format=99), "does not hold a ranking model"),
])  # fmt: skip
def test_a_model_file_holding_anything_but_our_numbers_is_refused(engine, tmp_path, change, named):
    train(engine, tmp_path)
    state = json.loads((tmp_path / MODEL_FILE).read_text())
    change(state)
    (tmp_path / MODEL_FILE).write_text(json.dumps(state))

    with pytest.raises(UntrustedModelError, match=named) as refused:
        load_model(tmp_path)
    assert "\n" not in str(refused.value) and "run `mlpath train`" in str(refused.value)


def test_a_corrupt_model_file_is_one_clear_error(engine, tmp_path):
    train(engine, tmp_path)
    (tmp_path / MODEL_FILE).write_bytes(b"\x80not json")

    with pytest.raises(CorruptModelError, match="run `mlpath train`"):
        load_model(tmp_path)


def test_the_saved_state_rebuilds_the_fitted_pipelines_without_importing_skops(engine, tmp_path):
    judgements = [Judgement(Profile(goal="upskill", interests="deep learning"), 100, 3.0),
                  Judgement(Profile(goal="upskill", interests="deep learning"), 101, 0.0)]  # fmt: skip
    trained = train(engine, tmp_path, judgements)
    loads = f"import sys; from models.persistence import load_model; load_model({str(tmp_path)!r}); " \
            "print('skops' in sys.modules)"  # fmt: skip

    loaded = load_model(tmp_path)

    assert {goal: weights["weights"] for goal, weights in loaded.weights().items()} == \
        {goal: weights["weights"] for goal, weights in trained["weights"].items()}
    assert loaded.scorer_for("upskill")[-1].learned_ and loaded.scorer_for("upskill")[-1].n_features_in_ == 13
    imported = subprocess.run([sys.executable, "-c", loads], capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "False"


def test_a_model_from_another_scikit_learn_is_still_used_its_state_is_numbers(engine, tmp_path):
    train(engine, tmp_path)
    metadata = json.loads((tmp_path / METADATA_FILE).read_text())
    metadata["versions"]["scikit-learn"] = "0.0"
    (tmp_path / METADATA_FILE).write_text(json.dumps(metadata))

    assert load_model(tmp_path) is not None
    assert load_model(tmp_path / "absent") is None


def test_a_model_trained_on_other_features_is_not_used(engine, tmp_path):
    train(engine, tmp_path)
    state = json.loads((tmp_path / MODEL_FILE).read_text())
    state["features"] = state["features"][:-1]
    (tmp_path / MODEL_FILE).write_text(json.dumps(state))

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
