import numpy as np

from models.explain import reasons
from models.features import FEATURE_NAMES, FeatureContext
from models.pace import pace_for
from models.profile import Profile
from tests.models.sample_catalogue import DEEP_LEARNING_SPECIALIZATION, GERMAN_MASTERS, UDEMY_SGD_COURSE, as_entry


def explain(row: dict, profile: Profile, contributions=None, values=None) -> list[str]:
    entry = as_entry(row)
    context = FeatureContext(entry, pace_for(entry, profile.hours_per_week), profile)
    n = len(FEATURE_NAMES)
    return reasons(context, np.zeros(n) if contributions is None else contributions,
                   np.zeros(n) if values is None else values)


def test_the_largest_contributions_become_the_reasons_in_order():
    contributions = np.zeros(len(FEATURE_NAMES))
    contributions[FEATURE_NAMES.index("quality")] = 0.2
    contributions[FEATURE_NAMES.index("industry_relevance")] = 0.1
    values = np.ones(len(FEATURE_NAMES))

    found = explain(DEEP_LEARNING_SPECIALIZATION, Profile(), contributions, values)

    assert found == ["rated 4.9 from 140,000 ratings", "specialization from DeepLearning.AI: industry-relevant"]


def test_a_weak_feature_is_not_sold_as_a_strength_however_heavy_its_weight():
    contributions = np.zeros(len(FEATURE_NAMES))
    contributions[FEATURE_NAMES.index("quality")] = 0.2
    values = np.zeros(len(FEATURE_NAMES))

    assert explain(DEEP_LEARNING_SPECIALIZATION, Profile(), contributions, values) == []


def test_broken_constraints_and_mismatches_are_said():
    profile = Profile(language="de", level="advanced", delivery="on-campus", budget=50)

    found = explain(UDEMY_SGD_COURSE, profile)

    assert found == ["costs $104, above your $50 budget", "online, not on-campus as you asked",
                     "taught in English, not German", "beginner level: below your advanced level"]


def test_a_degree_with_unstated_effort_warns_about_full_time_study():
    found = explain(GERMAN_MASTERS, Profile(months=36, language="en"))

    assert "weekly effort not stated: the listed 104 weeks may assume full-time study" in found
    assert "teaching language not stated" in found
