"""Training and evaluation on graded judgements (synthetic ground-truth files in the ground truth's format)."""

import numpy as np
import pytest
from sqlalchemy import select

import models.evaluate as evaluation
from models.evaluate import BASELINES, evaluate, ndcg, persona_folds
from models.features import FEATURE_NAMES
from models.feedback import dismissed_programs, record
from models.index import build_index
from models.judgements import JudgementsError, load_ground_truth
from models.person import view
from models.profile import Profile
from models.rank import feature_matrix, interest_matches
from models.ranker import PRIOR_WEIGHTS
from models.recommend import current_index, rank_profile, recommend
from models.train import Judgement, fit_model, judged_pairs, train
from models.training_data import feedback_judgements, ground_truth
from pipeline.store.db import reader_session
from pipeline.store.schema import Base, RankerModel
from tests.models.sample_catalogue import as_entry, program

PERSONAS = """
[[persona]]
id = "vision"
story = "Wants neural networks for vision work."
goal = "upskill"
interests = "deep learning, neural networks"
budget = 500
residence = "US"

[[persona]]
id = "manager"
story = "Runs projects."
goal = "upskill"
interests = "project management, agile"
residence = "GB"

[[persona]]
id = "analyst"
story = "Switching to data analysis without a degree."
goal = "career-switch"
interests = "data analytics, sql"
has_degree = false
residence = "DE"

[[persona]]
id = "scientist"
story = "Wants a research degree."
goal = "research"
has_degree = true
interests = "machine learning research"
residence = "FR"
"""

JUDGEMENTS = """persona_id,source,source_id,grade,reader,note
vision,udemy-catalog,udemy-catalog:100,3,A,
vision,udemy-catalog,udemy-catalog:101,0,A,
vision,coursera,coursera:2,3,A,
manager,udemy-catalog,udemy-catalog:101,3,A,
manager,udemy-catalog,udemy-catalog:100,0,A,
analyst,coursera,coursera:1,3,A,
analyst,edx-catalog,edx-catalog:3,1,A,
scientist,ds-colleges,ds-colleges:7,3,A,
scientist,coursera,coursera:1,0,A,
vision,coursera,nowhere:1,2,A,not in the catalogue
"""

SECOND_READER = """persona_id,source,source_id,grade,reader,note
vision,udemy-catalog,udemy-catalog:100,1,B,disagrees with A
analyst,coursera,coursera:1,3,B,
"""

RESOLUTIONS = """set,persona_id,source,source_id,source_b,source_id_b,label,note
judgements,vision,udemy-catalog,udemy-catalog:100,,,2,settled between A and B
"""


@pytest.fixture
def truth_dir(tmp_path):
    folder = tmp_path / "evaluation"
    (folder / "second_pass").mkdir(parents=True)
    (folder / "personas.toml").write_text(PERSONAS)
    (folder / "judgements.csv").write_text(JUDGEMENTS)
    (folder / "second_pass" / "judgements_b.csv").write_text(SECOND_READER)
    (folder / "second_pass" / "resolutions.csv").write_text(RESOLUTIONS)
    return folder


def test_the_loader_reads_personas_and_resolved_grades(truth_dir):
    truth = load_ground_truth(truth_dir)

    assert truth.personas["analyst"] == Profile(goal="career-switch", interests="data analytics, sql",
                                                has_degree=False, residence="DE")  # fmt: skip
    assert truth.grades["vision"][("udemy-catalog", "udemy-catalog:100")] == 2.0
    assert truth.grades["analyst"][("coursera", "coursera:1")] == 3.0


@pytest.mark.parametrize(("file", "text", "message"), [
    ("personas.toml", '[[persona]]\nid = "x"\nstory = "s"\ngoal = "upskill"\ninterests = "ai"\nresidence = "US"\n'
                      'budget = -3\n', "budget must be >= 0"),
    ("judgements.csv", JUDGEMENTS + "ghost,coursera,coursera:1,3,A,\n", "unknown persona_id 'ghost'"),
    ("judgements.csv", JUDGEMENTS + "vision,coursera,coursera:1,7,A,\n", "grade must be one of"),
])  # fmt: skip
def test_a_bad_label_file_is_one_line_naming_it(truth_dir, file, text, message):
    (truth_dir / file).write_text(text)

    with pytest.raises(JudgementsError, match=message) as raised:
        load_ground_truth(truth_dir)
    assert "\n" not in str(raised.value) and file in str(raised.value)


def test_unresolved_disagreement_is_an_error_not_an_average(truth_dir):
    (truth_dir / "second_pass" / "resolutions.csv").write_text(RESOLUTIONS.splitlines()[0] + "\n")

    with pytest.raises(JudgementsError, match="readers disagree"):
        load_ground_truth(truth_dir)


def test_programs_are_found_by_source_record_not_database_id(engine, truth_dir):
    truth = ground_truth(engine, truth_dir)

    assert truth.grades["scientist"] == {7: 3.0, 1: 0.0}
    assert "1 judged listings are not in the catalogue" in truth.skipped


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
    assert {name: len(values) for name, values in result["per_fold"].items()} == dict.fromkeys(result["metrics"], 4)
    assert result["metrics"]["priors"]["ndcg@10"] == pytest.approx(np.mean(result["per_fold"]["priors"]), abs=1e-4)


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
    assert answer["model"]["scores"]["model"]["violation_rate"] == 0.0
    assert set(answer["model"]["scores"]) == {"model", *BASELINES}


def test_a_dismissed_program_leaves_that_users_lists_only(engine):
    Base.metadata.create_all(engine)
    record(engine, 100, "dismiss", "ann")

    assert dismissed_programs(engine, "ann") == {100} and dismissed_programs(engine, "bob") == set()
    shown = {row["program_id"] for row in recommend(engine, Profile(), k=20, dismissed_ids={100})["results"]}
    assert 100 not in shown
    assert np.isin(100, [row["program_id"] for row in recommend(engine, Profile(), k=20)["results"]])


def test_training_on_judgements_moves_the_weights_of_the_goals_judged_only(engine, truth_dir):
    index = current_index(engine, None)
    judgements = ground_truth(engine, truth_dir).judgements

    weights = fit_model(index, judgements).weights()

    assert weights["upskill"]["origin"] == "learned"
    assert not np.allclose(list(weights["upskill"]["weights"].values()), PRIOR_WEIGHTS["upskill"], atol=1e-3)
    assert weights["industry"]["origin"] == "prior"  # nobody judged for an industry goal
    assert np.allclose(list(weights["industry"]["weights"].values()), PRIOR_WEIGHTS["industry"], atol=1e-4)


def test_evaluation_never_trains_on_a_persona_it_then_ranks(engine, truth_dir, monkeypatch):
    truth = ground_truth(engine, truth_dir)
    index = current_index(engine, None)
    events = []
    real_fit, real_rankings = evaluation.fit_model, evaluation._rankings

    def spy_fit(index, judgements=(), alpha=1.0, memo=None):
        events.append(("fit", {judgement.profile for judgement in judgements}))
        return real_fit(index, judgements, alpha, memo)

    def spy_rankings(index, profile, *rest):
        events.append(("rank", profile))
        return real_rankings(index, profile, *rest)

    monkeypatch.setattr(evaluation, "fit_model", spy_fit)
    monkeypatch.setattr(evaluation, "_rankings", spy_rankings)
    evaluation.evaluate(index, truth.personas, truth.grades, folds=2)

    trained_on: set = set()
    ranked = []
    for step, (kind, what) in enumerate(events):
        if kind == "fit":
            trained_on = (set() if step and events[step - 1][0] == "rank" else trained_on) | what
        else:
            assert what not in trained_on, "a held-out persona was in its fold's training"
            ranked.append(what)
    assert sorted(ranked, key=str) == sorted(truth.personas.values(), key=str)  # each held out exactly once


def _vision_catalogue():
    alike = dict(kind="certification", credential="course", provider="Udemy", delivery="online",
                 pacing="self_paced", level="beginner", cost_model="one_time", total_hours=20, rating=4.5,
                 rating_count=1000, sources=["udemy-catalog"])  # fmt: skip
    many_tags = ["Computer Vision", *(f"Topic {n}" for n in range(21))]
    rows = [
        program(id=1, title="Computer Vision Basics", description="Image recognition with CNNs.",
                skills=["Computer Vision"], cost_usd=100.0, **alike),
        program(id=2, title="AI for Good", description="AI projects for public health and climate.",
                skills=many_tags, cost_usd=100.0, **alike),
        program(id=3, title="Advanced Computer Vision", description="Detection and segmentation.",
                skills=["Computer Vision"], cost_usd=5000.0, **alike),
        program(id=4, title="Vision Transformers", description="Computer vision with transformers.",
                skills=["Computer Vision"], cost_usd=None, **alike),
    ]  # fmt: skip
    return build_index([as_entry(row) for row in rows], "vision")


def test_training_pairs_only_programs_the_score_orders_within_one_tier():
    index = _vision_catalogue()
    profile = Profile(goal="upskill", budget=500, interests="computer vision")
    # 1 and 2 both fit; 3 is over budget (relaxed tier), 4's cost is unknown (its own tier).
    judged = [Judgement(profile, 1, 3), Judgement(profile, 2, 1), Judgement(profile, 3, 0), Judgement(profile, 4, 2)]

    differences, gaps, weights = judged_pairs(index, judged)

    features = feature_matrix(index, view(index, profile), profile)
    assert differences.shape == (2, len(FEATURE_NAMES))  # the pair (1, 2), both ways round
    assert np.allclose(differences[0], features[0] - features[1]) and np.allclose(differences[1], -differences[0])
    assert gaps.tolist() == pytest.approx([2 / 3, -2 / 3]) and weights.tolist() == [0.5, 0.5]


def test_a_program_about_the_interest_has_the_title_match_one_listing_it_among_many_tags_lacks():
    index = _vision_catalogue()
    profile = Profile(interests="computer vision")

    interest, title = interest_matches(index, profile)

    assert title[0] > 0.5 and title[1] == 0.0
    assert interest[0] > interest[1]


def test_judges_who_prefer_programs_about_the_subject_teach_the_title_its_weight():
    index = _vision_catalogue()
    profiles = [Profile(goal="career-switch", interests="computer vision", budget=budget) for budget in (300, 400, 600)]
    judged = [Judgement(profile, program, grade) for profile in profiles for program, grade in ((1, 3), (2, 0))]

    model = fit_model(index, judged, alpha=0.1)

    weights = model.weights()["career-switch"]
    assert weights["origin"] == "learned" and weights["weights"]["title_match"] > 0.1
    answer = rank_profile(index, model, profiles[0], k=2)[0]
    assert [int(index.ids[row]) for row in answer.rows] == [1, 2]


def test_pairs_kept_for_the_next_fit_change_no_weight(engine, truth_dir):
    truth = ground_truth(engine, truth_dir)
    index = current_index(engine, None)
    memo: dict = {}
    fit_model(index, truth.judgements, 1.0, memo)
    assert memo, "the first fit keeps each judged profile's pairs"
    from_memo, fresh = fit_model(index, truth.judgements, 10.0, memo), fit_model(index, truth.judgements, 10.0)
    for goal in PRIOR_WEIGHTS:
        np.testing.assert_array_equal(from_memo.scorer_for(goal)[-1].coef_, fresh.scorer_for(goal)[-1].coef_)
