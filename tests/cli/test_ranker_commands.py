import json

import pytest
from typer.testing import CliRunner

from pipeline.store.schema import Base
from tests.models.sample_catalogue import REAL_SHAPED, build_database, twin_courses
from tests.models.test_learning import JUDGEMENTS, PERSONAS


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def home(tmp_path):
    engine = build_database(tmp_path / "mlpath.db", REAL_SHAPED + twin_courses())
    Base.metadata.create_all(engine)
    engine.dispose()
    return tmp_path


def invoke(runner, home, *args):
    from cli.main import app

    env = {"MLPATH_HOME": str(home), "MLPATH_DATABASE_URL": f"sqlite:///{home / 'mlpath.db'}", "MLPATH_USER": "ann"}
    return runner.invoke(app, list(args), env=env)


def test_a_dismissed_program_leaves_the_users_later_lists(runner, home):
    before = json.loads(invoke(runner, home, "recommend", "-k", "20", "--output", "json").stdout)
    assert 100 in [row["program_id"] for row in before["results"]]

    dismissed = invoke(runner, home, "feedback", "100", "--dismiss")
    after = json.loads(invoke(runner, home, "recommend", "-k", "20", "--output", "json").stdout)
    other = json.loads(invoke(runner, home, "recommend", "-k", "20", "--output", "json", "--user", "bob").stdout)

    assert dismissed.exit_code == 0, dismissed.stderr
    assert 100 not in [row["program_id"] for row in after["results"]]
    assert 100 in [row["program_id"] for row in other["results"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["feedback", "100"], "error: give exactly one of --like, --dismiss, --enrolled, got 0"),
        (["feedback", "100", "--like", "--dismiss"], "error: give exactly one of --like, --dismiss, --enrolled, got 2"),
        (["feedback", "x1", "--like"], "error: ID must be a program id (a whole number), got x1"),
        (["feedback", "424242", "--like"], "error: no program with id 424242 in the catalogue"),
        (["eval", "--output", "xml"], "error: --output must be one of table|json, got xml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(runner, home, args, message):
    result = invoke(runner, home, *args)

    assert result.exit_code == 2
    assert result.stderr == message + "\n"


def test_train_prints_the_model_and_recommend_shows_it(runner, home):
    result = invoke(runner, home, "train")

    assert result.exit_code == 0, result.stderr
    trained = json.loads(result.stdout)
    answer = json.loads(invoke(runner, home, "recommend", "--output", "json", "-k", "1").stdout)
    assert answer["model"]["version"] == trained["version"]


def test_a_corrupt_model_file_is_one_line_and_exit_1(runner, home):
    assert invoke(runner, home, "train").exit_code == 0
    (home / "models" / "ranker-model.json").write_bytes(b"garbage")

    result = invoke(runner, home, "recommend", "-k", "1")

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "run `mlpath train`" in result.stderr


def test_eval_without_ground_truth_says_what_is_missing(runner, home, monkeypatch, tmp_path):
    monkeypatch.setattr("models.judgements.EVALUATION_DIR", tmp_path / "nowhere")
    monkeypatch.setattr("models.training_data.EVALUATION_DIR", tmp_path / "nowhere")

    result = invoke(runner, home, "eval")

    assert result.exit_code == 1
    assert result.stderr.startswith("error: no ground truth to evaluate on")


def test_eval_prints_the_contract_json(runner, home, monkeypatch):
    folder = home / "evaluation"
    folder.mkdir()
    (folder / "personas.toml").write_text(PERSONAS)
    (folder / "judgements.csv").write_text(JUDGEMENTS)
    monkeypatch.setattr("models.training_data.EVALUATION_DIR", folder)

    result = invoke(runner, home, "eval", "--output", "json", "--folds", "2")

    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)["metrics"]
    assert set(metrics) == {"model", "random", "popularity", "text_tfidf", "priors"}
    assert set(metrics["model"]) == {"ndcg@10", "ndcg@10_sd", "violation_rate"}
