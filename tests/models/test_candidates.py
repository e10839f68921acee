import itertools

import pytest

from models.candidates import RELAXATION_ORDER, generate_candidates
from models.pace import WEEKS_PER_MONTH, pace_for
from models.profile import Profile
from tests.models.sample_catalogue import (
    GOOGLE_DATA_ANALYTICS,
    REAL_SHAPED,
    as_entry,
    program,
    twin_courses,
)

CATALOG = [as_entry(row) for row in REAL_SHAPED + twin_courses()]


def ids(candidates) -> set[int]:
    return {entry.id for entry in candidates.entries}


def weeks_by_hand(entry, hours_per_week: float) -> float | None:
    """The time rule written out independently of models.pace."""
    listed = entry.duration_weeks_max or entry.duration_weeks_min
    if entry.total_hours:
        return entry.total_hours / hours_per_week
    if listed and entry.effort_hours_per_week:
        return listed * entry.effort_hours_per_week / hours_per_week
    return listed


PROFILES = [
    Profile(budget=budget, months=months, hours_per_week=hours, delivery=delivery, has_degree=degree, self_paced=paced)
    for budget, months, hours, delivery, degree, paced in itertools.product(
        (0, 100, 300, 25_000, None), (1, 6, 60, None), (4, 15), ("online", "on-campus", "any"), (True, False, None),
        (True, False),
    )
]


def budget_limit(profile, relaxed) -> tuple[float, bool] | None:
    """(limit, unknown cost allowed), or None when there is no budget left to respect."""
    if profile.budget is None or "budget" in relaxed:
        return None
    return profile.budget * (1.5 if "budget_plus_50" in relaxed else 1), "budget_unknown" in relaxed


def time_limit(profile, relaxed) -> tuple[float, bool] | None:
    if profile.months is None or "time" in relaxed:
        return None
    return profile.months * WEEKS_PER_MONTH * (1.5 if "time_plus_50" in relaxed else 1), "time_unknown" in relaxed


def broken_constraints(entry, profile, relaxed) -> list[str]:
    """Every constraint not relaxed that this program breaks, checked from the raw fields."""
    broken = []
    budget = budget_limit(profile, relaxed)
    cost = pace_for(entry, profile.hours_per_week).cost_usd
    if budget and (cost is None and not budget[1] or cost is not None and cost > budget[0] + 1e-6):
        broken.append("budget")
    time = time_limit(profile, relaxed)
    weeks = weeks_by_hand(entry, profile.hours_per_week)
    if time and (weeks is None and not time[1] or weeks is not None and weeks > time[0] + 1e-6):
        broken.append("time")
    if profile.delivery != "any" and "delivery" not in relaxed and entry.delivery != profile.delivery.replace("-", "_"):
        broken.append("delivery")
    if profile.self_paced and "self_paced" not in relaxed and entry.pacing != "self_paced":
        broken.append("self_paced")
    if entry.credential == "doctorate" and profile.has_degree is not True:
        broken.append("prerequisites")
    if entry.credential in ("master", "graduate_certificate") and profile.has_degree is False:
        broken.append("prerequisites")
    return broken


def test_no_candidate_breaks_a_constraint_that_was_not_relaxed():
    checked = 0
    for profile in PROFILES:
        candidates = generate_candidates(CATALOG, profile)

        assert candidates.entries, profile  # certifications have no prerequisites: relaxing always finds some
        assert list(candidates.relaxed) == sorted(candidates.relaxed, key=RELAXATION_ORDER.index)
        for entry in candidates.entries:
            assert broken_constraints(entry, profile, candidates.relaxed) == [], (profile, entry.title)
            checked += 1
    assert checked > len(PROFILES)


def test_relaxation_happens_exactly_when_nothing_meets_every_constraint():
    outcomes = set()
    for profile in PROFILES:
        strictly_possible = any(broken_constraints(entry, profile, ()) == [] for entry in CATALOG)

        relaxed = generate_candidates(CATALOG, profile).relaxed

        assert bool(relaxed) != strictly_possible, profile
        outcomes.add(bool(relaxed))
    assert outcomes == {True, False}  # the grid exercises both


def test_unknown_cost_never_passes_a_hard_budget():
    candidates = generate_candidates(CATALOG, Profile(budget=10_000_000, has_degree=True, goal="research"))

    assert 7 not in ids(candidates)  # the PhD states no cost
    assert candidates.relaxed == ()


def test_no_time_information_does_not_pass_a_time_limit():
    timeless = as_entry(program(id=50, title="Timeless", kind="certification", credential="course", cost_usd=10.0))

    with_months = generate_candidates(CATALOG + [timeless], Profile(months=120))
    without_months = generate_candidates(CATALOG + [timeless], Profile())

    assert 50 not in ids(with_months) and 50 in ids(without_months)


def test_weeks_at_your_pace_use_total_hours_then_effort_then_the_listed_duration():
    by_id = {entry.id: entry for entry in CATALOG}

    assert pace_for(by_id[4], 8).weeks == pytest.approx(44 / 8)  # 44 total hours
    assert pace_for(by_id[2], 4).weeks == pytest.approx(20 * 8 / 4)  # 20 weeks at 8 h/week
    assert pace_for(by_id[9], 4).weeks == 104  # listed, effort unknown


def test_a_subscription_costs_more_at_a_slower_pace_and_the_budget_sees_it():
    google = as_entry(GOOGLE_DATA_ANALYTICS)  # $49/month, 26 weeks at 10 h/week, $294 listed

    slow = pace_for(google, 5)  # 52 weeks: 12 months billed

    assert (slow.months_billed, slow.cost_usd) == (12, 49 * 12)
    assert 1 not in ids(generate_candidates(CATALOG, Profile(budget=300, hours_per_week=5)))
    assert 1 in ids(generate_candidates(CATALOG, Profile(budget=300, hours_per_week=10)))


def test_country_binds_only_programs_one_must_attend():
    candidates = generate_candidates(CATALOG, Profile(country="US", has_degree=True))

    assert 9 not in ids(candidates)  # on campus in Germany
    assert {2, 6, 8} <= ids(candidates)  # online anywhere, or on campus in the US


def test_language_excludes_other_languages_but_not_unstated_ones():
    german = as_entry(program(id=60, title="Maschinelles Lernen", kind="certification", credential="course",
                              language="de", delivery="online", cost_usd=0.0, cost_model="free"))

    candidates = generate_candidates(CATALOG + [german], Profile(language="de", has_degree=True))

    assert ids(candidates) == {60, 9}  # 9 states no language
    assert candidates.relaxed == ()


@pytest.mark.parametrize(
    ("has_degree", "allowed"),
    [(False, {"bachelor"}), (None, {"bachelor", "master"}), (True, {"bachelor", "master", "doctorate"})],
)
def test_prerequisites(has_degree, allowed):
    candidates = generate_candidates(CATALOG, Profile(has_degree=has_degree))

    assert {entry.credential for entry in candidates.entries if entry.kind == "degree"} == allowed


def test_the_least_important_constraint_is_relaxed_first():
    french_online = as_entry(program(id=70, title="Apprentissage automatique", kind="certification",
                                     credential="course", language="fr", delivery="online", cost_usd=0.0))
    english_campus = as_entry(program(id=71, title="Machine learning evening class", kind="certification",
                                      credential="course", language="en", delivery="on_campus", cost_usd=0.0))

    candidates = generate_candidates([french_online, english_campus], Profile(language="fr", delivery="on-campus"))

    assert candidates.relaxed == ("language",)  # not delivery, which would also have worked
    assert ids(candidates) == {71}


def test_only_the_needed_steps_are_reported_in_order():
    candidates = generate_candidates(
        CATALOG, Profile(language="fr", delivery="on-campus", budget=5, months=1, hours_per_week=5)
    )

    assert candidates.relaxed == ("language", "delivery", "budget")
    assert all(entry.delivery == "online" for entry in candidates.entries)


def test_a_satisfied_constraint_is_never_reported_as_relaxed():
    courses = [as_entry(row) for row in twin_courses()]  # $20 each, English, online

    candidates = generate_candidates(courses, Profile(budget=15, language="en", months=6))

    assert candidates.relaxed == ("budget_plus_50",)


def test_unknown_cost_is_allowed_before_going_over_budget():
    unknown = as_entry(program(id=80, title="Unpriced", kind="certification", credential="course", total_hours=10))
    pricier = as_entry(program(id=81, title="Pricier", kind="certification", credential="course", total_hours=10,
                               cost_usd=140.0, cost_model="one_time"))

    candidates = generate_candidates([unknown, pricier], Profile(budget=100))

    assert candidates.relaxed == ("budget_unknown",)
    assert ids(candidates) == {80}


def test_prerequisites_are_never_relaxed():
    doctorates = [entry for entry in CATALOG if entry.credential == "doctorate"]

    candidates = generate_candidates(doctorates, Profile(has_degree=False, budget=0, months=1, language="fr"))

    assert candidates.entries == []
    assert candidates.relaxed == ("language", "time_unknown", "time_plus_50", "time", "budget_unknown",
                                  "budget_plus_50", "budget")
