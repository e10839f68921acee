from datetime import date, datetime

import numpy as np

from models.explain import Standing, reasons
from models.features import FEATURE_NAMES, FeatureContext
from models.interest import matched_terms
from models.pace import pace_for
from models.profile import Profile
from tests.models.sample_catalogue import (
    DEEP_LEARNING_SPECIALIZATION,
    GERMAN_MASTERS,
    UDEMY_SGD_COURSE,
    as_entry,
    program,
)

NO_STANDING = Standing()


def explain(row: dict, profile: Profile, contributions=None, values=None, standing=NO_STANDING) -> list[str]:
    entry = as_entry(row)
    context = FeatureContext(entry, pace_for(entry, profile.hours_per_week), profile,
                             matched_terms(profile.interests, entry.title, entry.skills, entry.description))
    n = len(FEATURE_NAMES)
    return reasons(context, np.zeros(n) if contributions is None else contributions,
                   np.zeros(n) if values is None else values, standing)


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


def test_relaxed_constraints_unknowns_and_mismatches_are_said():
    profile = Profile(language="de", level="advanced", delivery="on-campus", budget=50)
    standing = Standing(relaxed=("language", "delivery", "budget"))

    found = explain(UDEMY_SGD_COURSE, profile, standing=standing)

    assert found == ["taught in English, not German (constraint relaxed)",
                     "online, not on-campus as you asked (constraint relaxed)",
                     "costs $104, above your $50 budget (constraint relaxed)",
                     "beginner level: below your advanced level"]  # fmt: skip


def test_a_degree_with_unstated_effort_is_counted_full_time_and_unknowns_are_named():
    found = explain(GERMAN_MASTERS, Profile(months=36, language="en"), standing=Standing(unknown=("language",)))

    assert "no weekly effort stated: counted as full-time study (about 40 h/week)" in found
    assert "teaching language not stated" in found


def test_an_old_listing_says_it_may_be_out_of_date():
    found = explain(UDEMY_SGD_COURSE, Profile(), standing=Standing(stale_since=date(2020, 5, 1)))

    assert "possibly out of date: last captured 2020-05-01" in found


def test_the_interest_reason_names_the_words_and_where_they_are():
    contributions = np.zeros(len(FEATURE_NAMES))
    contributions[FEATURE_NAMES.index("interest_match")] = 0.3
    values = np.ones(len(FEATURE_NAMES))
    vision = program(id=1, title="Image Classification with CNNs", kind="certification", credential="course",
                     description="Object detection and convolutional networks.", skills=["Python"],
                     captured=datetime(2025, 1, 1))  # fmt: skip

    found = explain(vision, Profile(interests="computer vision"), contributions, values)

    assert found[0] == ("matches your interest in computer vision (title: image classification, cnns; "
                        "description: object detection, convolutional)")


def test_a_word_of_the_interest_alone_is_no_match():
    contributions = np.zeros(len(FEATURE_NAMES))
    contributions[FEATURE_NAMES.index("interest_match")] = 0.3
    science = program(id=1, title="Computer Science", kind="degree", credential="bachelor")

    found = explain(science, Profile(interests="computer vision"), contributions, np.ones(len(FEATURE_NAMES)))

    assert not any(reason.startswith("matches your interest") for reason in found)
