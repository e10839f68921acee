import numpy as np
import pytest

from models.features import (
    FEATURE_NAMES,
    FEATURES,
    ProgramFeaturizer,
    cost_fit,
    industry_partner,
    time_fit,
)
from models.pace import Pace, pace_for
from models.profile import Profile
from tests.models.sample_catalogue import REAL_SHAPED, as_entry, program, twin_courses

CATALOG = [as_entry(row) for row in REAL_SHAPED + twin_courses()]
DEEP, PROJECT = CATALOG[-2], CATALOG[-1]


@pytest.fixture(scope="module")
def featurizer():
    return ProgramFeaturizer().fit(CATALOG)


def column(name: str) -> int:
    return FEATURE_NAMES.index(name)


@pytest.mark.parametrize(
    "profile",
    [
        Profile(),
        Profile(budget=0, months=1, hours_per_week=1, level="advanced", interests="deep learning"),
        Profile(budget=50_000, months=60, hours_per_week=40, level="beginner", interests="statistics data"),
    ],
)
def test_every_feature_is_in_0_1_for_every_program(featurizer, profile):
    paces = {entry.id: pace_for(entry, profile.hours_per_week) for entry in CATALOG}

    matrix = featurizer.features(CATALOG, profile, paces)

    assert matrix.shape == (len(CATALOG), len(FEATURES))
    assert ((matrix >= 0) & (matrix <= 1)).all()


def test_interest_match_follows_the_interests(featurizer):
    deep_first = featurizer.interest_match([DEEP, PROJECT], "deep learning and neural networks")
    project_first = featurizer.interest_match([DEEP, PROJECT], "project management")

    assert deep_first[0] > deep_first[1] and project_first[1] > project_first[0]
    assert featurizer.interest_match([DEEP, PROJECT], "  ").tolist() == [0.0, 0.0]


def test_matched_terms_are_what_the_person_wrote(featurizer):
    terms = featurizer.matched_terms(DEEP, "deep learning with pytorch")

    assert "deep learning" in terms and "pytorch" in terms
    assert "learning pytorch" not in terms  # a bigram made by dropping "with": not what they wrote


def test_cost_fit_prefers_cheaper_within_budget_and_knows_nothing_of_unknown_costs():
    profile = Profile(budget=1000)

    def fit(cost):
        return cost_fit(DEEP, Pace(weeks=1, weeks_basis="total_hours", cost_usd=cost), profile)

    assert fit(0) == 1.0 > fit(100) > fit(900) > fit(1500) > fit(None) == 0.0
    assert fit(1000) >= 0.5 > fit(1001)  # within budget always beats over budget


def test_time_fit_prefers_quicker_within_the_months():
    profile = Profile(months=6)

    def fit(weeks):
        return time_fit(DEEP, Pace(weeks=weeks, weeks_basis="total_hours", cost_usd=0), profile)

    assert fit(2) > fit(20) > fit(30) > fit(None) == 0.0


def test_quality_is_shrunk_towards_the_catalogue_mean_by_rating_count(featurizer):
    few = as_entry(program(id=90, title="Few ratings", kind="certification", credential="course", rating=5.0,
                           rating_count=2))
    many = as_entry(program(id=91, title="Many ratings", kind="certification", credential="course", rating=4.8,
                            rating_count=100_000))
    unrated = as_entry(program(id=92, title="Unrated", kind="certification", credential="course"))

    assert featurizer.quality(many) > featurizer.quality(few) > featurizer.quality(unrated)
    assert featurizer.quality(unrated) == pytest.approx((featurizer.rating_mean_ - 3) / 2)


def test_industry_partners_are_matched_as_names_not_substrings():
    def partner(name):
        return industry_partner(as_entry(program(id=93, title="x", kind="certification", credential="course",
                                                 institution=name)))

    assert partner("Google Cloud") == "Google"
    assert partner("DeepLearning.AI") == "DeepLearning.AI"
    assert partner("Metaphysics Institute") is None


def test_degrees_beat_courses_on_recognition_depth_and_networking_and_lose_on_flexibility(featurizer):
    profile = Profile()
    paces = {entry.id: pace_for(entry, 10) for entry in CATALOG}
    by_id = {entry.id: row for entry, row in zip(CATALOG, featurizer.features(CATALOG, profile, paces), strict=True)}
    bachelor, udemy_course = by_id[8], by_id[4]

    for name in ("recognition", "depth", "networking"):
        assert bachelor[column(name)] > udemy_course[column(name)], name
    assert bachelor[column("flexibility_fit")] < udemy_course[column("flexibility_fit")]
    assert np.all(featurizer.features(CATALOG, profile, paces)[:, column("outcomes")] == 0.5)  # no outcomes data yet
