import numpy as np
import pytest

from models.features import FEATURE_NAMES, industry_partner
from models.index import build_index
from models.person import UNKNOWN_FIT, cost_fit, goal_fit, time_fit, view
from models.profile import Profile
from models.rank import feature_matrix
from tests.models.sample_catalogue import REAL_SHAPED, as_entry, program, twin_courses

CATALOG = [as_entry(row) for row in REAL_SHAPED + twin_courses()]
INDEX = build_index(CATALOG, "test")


def column(name: str) -> int:
    return FEATURE_NAMES.index(name)


def row_of(program_id: int) -> int:
    return INDEX.ids.tolist().index(program_id)


def features(profile: Profile) -> np.ndarray:
    return feature_matrix(INDEX, view(INDEX, profile), profile)


@pytest.mark.parametrize(
    "profile",
    [
        Profile(),
        Profile(budget=0, months=1, hours_per_week=1, level="advanced", interests="deep learning"),
        Profile(budget=50_000, months=60, hours_per_week=40, level="beginner", interests="statistics data"),
    ],
)
def test_every_feature_is_in_0_1_for_every_program(profile):
    matrix = features(profile)

    assert matrix.shape == (len(CATALOG), len(FEATURE_NAMES))
    assert ((matrix >= 0) & (matrix <= 1)).all()


def test_cost_fit_prefers_cheaper_within_budget_and_knows_nothing_of_unknown_costs():
    rows = [program(id=i, title=f"c{i}", kind="certification", credential="course", cost_usd=cost,
                    cost_model=None if cost is None else "one_time")
            for i, cost in enumerate([0.0, 100.0, 900.0, 1000.0, 1001.0, 1500.0, None])]  # fmt: skip
    index = build_index([as_entry(row) for row in rows], "t")
    profile = Profile(budget=1000)

    fit = cost_fit(view(index, profile), profile).tolist()

    assert fit[0] == 1.0 > fit[1] > fit[2] > fit[5] > fit[6] == UNKNOWN_FIT
    assert fit[3] >= 0.5 > fit[4]  # within budget always beats over budget


def test_time_fit_prefers_quicker_within_the_months():
    rows = [program(id=i, title=f"t{i}", kind="certification", credential="course", total_hours=hours)
            for i, hours in enumerate([20, 200, 300, None])]  # fmt: skip
    index = build_index([as_entry(row) for row in rows], "t")
    profile = Profile(months=6)

    fit = time_fit(view(index, profile), profile).tolist()

    assert fit[0] > fit[1] > fit[2] > fit[3] == UNKNOWN_FIT


def test_quality_is_shrunk_towards_the_catalogue_mean_by_rating_count():
    rows = [program(id=90, title="Few ratings", kind="certification", credential="course", rating=5.0, rating_count=2),
            program(id=91, title="Many ratings", kind="certification", credential="course", rating=4.8,
                    rating_count=100_000),
            program(id=92, title="Unrated", kind="certification", credential="course"),
            program(id=93, title="Middling", kind="certification", credential="course", rating=4.0,
                    rating_count=50)]  # fmt: skip
    quality = build_index([as_entry(row) for row in rows], "t").static_feature("quality")

    assert quality[1] > quality[0] > quality[2]


def test_industry_partners_are_matched_as_names_not_substrings():
    def partner(name):
        return industry_partner(as_entry(program(id=93, title="x", kind="certification", credential="course",
                                                 institution=name)))

    assert partner("Google Cloud") == "Google"
    assert partner("DeepLearning.AI") == "DeepLearning.AI"
    assert partner("Metaphysics Institute") is None


def test_degrees_beat_courses_on_recognition_depth_and_networking_and_lose_on_flexibility():
    matrix = features(Profile())
    bachelor, udemy_course = matrix[row_of(8)], matrix[row_of(4)]

    for name in ("recognition", "depth", "networking"):
        assert bachelor[column(name)] > udemy_course[column(name)], name
    assert bachelor[column("flexibility_fit")] < udemy_course[column("flexibility_fit")]
    assert np.all(matrix[:, column("outcomes")] == 0.5)  # no outcomes in this catalogue


def test_research_without_a_degree_fits_a_bachelors_first():
    research = Profile(goal="research", has_degree=False)
    fit = goal_fit(INDEX, research)

    assert fit[row_of(8)] > fit[row_of(2)]  # bachelor's above a specialization
    industry = goal_fit(INDEX, Profile(goal="industry"))
    assert industry[row_of(1)] > industry[row_of(8)]  # a professional certificate above a bachelor's


def test_outcomes_count_where_the_catalogue_has_them():
    rows = [program(id=1, title="MS A", kind="degree", credential="master", earnings_usd=95_000.0, debt_usd=20_000.0,
                    outcomes_count=120),
            program(id=2, title="MS B", kind="degree", credential="master", earnings_usd=45_000.0, debt_usd=30_000.0,
                    outcomes_count=40),
            program(id=3, title="MS C", kind="degree", credential="master")]  # fmt: skip
    outcomes = build_index([as_entry(row) for row in rows], "t").static_feature("outcomes")

    assert outcomes[0] > outcomes[2] == 0.5 > outcomes[1]


@pytest.mark.parametrize("profile", [Profile(), Profile(goal="research", budget=900, months=12, level="advanced",
                                                        interests="deep learning", has_degree=False)])  # fmt: skip
@pytest.mark.parametrize("weights", ["priors", "every feature alike (title_match too)"])
def test_the_fast_score_is_the_pipelines_score_of_the_feature_matrix(profile, weights):
    from models.rank import interest_matches, score_all
    from models.ranker import prior_model, scorer_pipeline, scores

    person = view(INDEX, profile)
    alike = scorer_pipeline().fit(np.full((2, len(FEATURE_NAMES)), 0.5))
    scorer = prior_model().scorer_for(profile.goal) if weights == "priors" else alike
    matches = interest_matches(INDEX, profile)

    fast = score_all(INDEX, person, profile, scorer, matches)
    through_pipeline = scorer.predict(feature_matrix(INDEX, person, profile)) - scorer[-1].intercept_

    assert np.allclose(fast, through_pipeline)
    assert np.allclose(fast, scores(scorer, features(profile)))
