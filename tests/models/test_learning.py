"""Training and evaluation on graded judgements (synthetic ground-truth files in the ground truth's format)."""

import numpy as np
import pytest
from sqlalchemy import select

from models.evaluate import BASELINES, evaluate, ndcg, persona_folds
from models.feedback import dismissed_programs, record
from models.judgements import JudgementsError, load_ground_truth
from models.profile import Profile
from models.recommend import current_index, recommend
from models.train import train
from models.training_data import feedback_judgements, ground_truth
from pipeline.store.db import reader_session
from pipeline.store.schema import Base, RankerModel

PERSONAS = """
[[persona]]
id = "vision"
name = "Vision learner"
goal = "upskill"
interests = "deep learning, neural networks"
budget = 500

[[persona]]
id = "manager"
goal = "upskill"
interests = "project management, agile"

[[persona]]
id = "analyst"
goal = "career-switch"
interests = "data analytics, sql"
has-degree = false

[[persona]]
id = "scientist"
goal = "research"
has_degree = true
interests = "machine learning research"
"""

JUDGEMENTS = """persona_id,source,source_id,grade,reader,note
vision,udemy-catalog,udemy-catalog:100,3,r1,
vision,udemy-catalog,udemy-catalog:100,2,r2,two readers: averaged
vision,udemy-catalog,udemy-catalog:101,0,r1,
vision,coursera,coursera:2,3,r1,
manager,udemy-catalog,udemy-catalog:101,3,r1,
manager,udemy-catalog,udemy-catalog:100,0,r1,
analyst,coursera,coursera:1,3,r1,
analyst,edx-catalog,edx-catalog:3,1,r1,
scientist,ds-colleges,ds-colleges:7,3,r1,
scientist,coursera,coursera:1,0,r1,
ghost,coursera,coursera:1,3,r1,unknown persona
vision,coursera,coursera:1,7,r1,grade out of range
vision,coursera,nowhere:1,2,r1,not in the catalogue
"""


@pytest.fixture
def truth_dir(tmp_path):
    folder = tmp_path / "evaluation"
    folder.mkdir()
    (folder / "personas.toml").write_text(PERSONAS)
    (folder / "judgements.csv").write_text(JUDGEMENTS)
    return folder


def test_the_loader_reads_personas_and_averages_readers(truth_dir):
    truth = load_ground_truth(truth_dir / "personas.toml", truth_dir / "judgements.csv")

    assert truth.personas["analyst"] == Profile(goal="career-switch", interests="data analytics, sql", has_degree=False)
    assert truth.grades["vision"][("udemy-catalog", "udemy-catalog:100")] == 2.5
    assert len(truth.skipped) == 2 and "unknown persona 'ghost'" in truth.skipped[0]
    assert "not one of 0, 1, 2, 3" in truth.skipped[1]


def test_a_malformed_personas_file_is_one_line(truth_dir):
    (truth_dir / "personas.toml").write_text('[[persona]]\nid = "x"\nbudget = -3\n')

    with pytest.raises(JudgementsError, match="persona x"):
        load_ground_truth(truth_dir / "personas.toml", truth_dir / "judgements.csv")


def test_programs_are_found_by_source_record_not_database_id(engine, truth_dir):
    truth = ground_truth(engine, truth_dir)

    assert truth.grades["scientist"] == {7: 3.0, 1: 0.0}
    assert "1 judged programs are not in the catalogue" in truth.skipped


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise():
    grades = {1: 3.0, 2: 1.0, 3: 0.0}

    assert ndcg([1, 2, 3], grades) == pytest.approx(1.0)
    assert ndcg([3, 2, 1], grades) < ndcg([2, 1, 3], grades) < 1.0
    assert ndcg([1, 2], {1: 0.0}) is None


def test_folds_never_split_a_persona():
    personas = [f"p{i}" for i in range(12)]
    folds = persona_folds(personas, 5)

    assert len(folds) == 5 and sorted(sum(folds, [])) == sorted(personas)


def test_evaluation_reports_the_model_and_every_baseline_and_the_model_breaks_nothing(engine, truth_dir):
    truth = ground_truth(engine, truth_dir)
    index = current_index(engine, None)

    result = evaluate(index, truth.personas, truth.grades, folds=4)

    assert set(result["metrics"]) == {"model", *BASELINES}
    assert result["folds"] == 4 and result["personas"] == 4
    for metric in result["metrics"].values():
        assert 0.0 <= metric["ndcg@10"] <= 1.0 and metric["ndcg@10_sd"] >= 0.0
    assert result["metrics"]["model"]["violation_rate"] == 0.0


def test_train_learns_from_ground_truth_and_feedback_and_records_the_model(engine, truth_dir, tmp_path):
    Base.metadata.create_all(engine)  # the feedback and models tables
    record(engine, 101, "dismiss", "ann", Profile(goal="upskill", interests="deep learning").model_dump(mode="json"))

    metadata = train(engine, tmp_path / "models", evaluation_dir=truth_dir)

    assert metadata["weights"]["upskill"]["origin"] == "learned"
    assert set(metadata["scores"]) == {"model", *BASELINES}
    assert len(feedback_judgements(engine)) == 1
    with reader_session(engine) as session:
        in_use = session.execute(select(RankerModel).where(RankerModel.in_use)).scalar_one()
    assert (in_use.version, in_use.judgements, in_use.feedback) == (metadata["version"], 9, 1)
    answer = recommend(engine, Profile(), k=1, models_dir=tmp_path / "models")
    assert answer["model"]["version"] == metadata["version"]


def test_a_dismissed_program_leaves_that_users_lists_only(engine):
    Base.metadata.create_all(engine)
    record(engine, 100, "dismiss", "ann")

    assert dismissed_programs(engine, "ann") == {100} and dismissed_programs(engine, "bob") == set()
    shown = {row["program_id"] for row in recommend(engine, Profile(), k=20, dismissed_ids={100})["results"]}
    assert 100 not in shown
    assert np.isin(100, [row["program_id"] for row in recommend(engine, Profile(), k=20)["results"]])
