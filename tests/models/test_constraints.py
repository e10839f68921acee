import itertools

import numpy as np
import pytest

from models.index import build_index
from models.pace import WEEKS_PER_MONTH
from models.person import view
from models.profile import Profile
from models.relaxation import RELAXATION_ORDER
from tests.models.sample_catalogue import GOOGLE_DATA_ANALYTICS, REAL_SHAPED, as_entry, program, twin_courses

CATALOG = [as_entry(row) for row in REAL_SHAPED + twin_courses()]
INDEX = build_index(CATALOG, "test")


def index_of(rows) -> tuple:
    entries = [as_entry(row) for row in rows]
    return build_index(entries, "test"), [entry.id for entry in entries]


def passing(index, profile) -> set[int]:
    person = view(index, profile)
    return {int(i) for i in index.ids[person.allowed & (person.needed == 0)]}


def weeks_by_hand(entry, hours_per_week: float) -> float | None:
    """The time rule written out independently: total hours, then effort, then full-time for a degree."""
    listed = entry.duration_weeks_max or entry.duration_weeks_min
    if entry.total_hours:
        return entry.total_hours / hours_per_week
    if listed and entry.effort_hours_per_week:
        return listed * entry.effort_hours_per_week / hours_per_week
    if listed and entry.kind == "degree":
        return listed * max(1, 40 / hours_per_week)
    return listed


PROFILES = [
    Profile(budget=budget, months=months, hours_per_week=hours, delivery=delivery, has_degree=degree, self_paced=paced)
    for budget, months, hours, delivery, degree, paced in itertools.product(
        (0, 100, 300, 25_000, None), (1, 6, 60, None), (4, 15), ("online", "on-campus", "any"), (True, False, None),
        (True, False),
    )
]


@pytest.mark.parametrize("profile", PROFILES[::7])
def test_what_passes_as_given_breaks_no_constraint_on_a_known_value(profile):
    person = view(INDEX, profile)
    for row, entry in enumerate(CATALOG):
        if not (person.allowed[row] and person.needed[row] == 0):
            continue
        cost = None if np.isnan(person.learn_cost[row]) else person.learn_cost[row]
        if profile.budget is not None and cost is not None:
            assert cost <= profile.budget + 1e-6, entry.title
        weeks = weeks_by_hand(entry, profile.hours_per_week)
        if profile.months is not None and weeks is not None:
            assert weeks <= profile.months * WEEKS_PER_MONTH + 1e-6, entry.title
        if profile.delivery_wanted and entry.delivery:
            assert entry.delivery == profile.delivery_wanted, entry.title
        if profile.self_paced and entry.pacing:
            assert entry.pacing == "self_paced", entry.title
        if profile.has_degree is False:
            assert entry.credential not in ("master", "doctorate", "graduate_certificate"), entry.title


@pytest.mark.parametrize("profile", PROFILES[::11])
def test_more_budget_never_means_fewer_candidates(profile):
    budgets = [0, 50, 100, 300, 1_000, 25_000, 100_000, None]
    counts = [len(passing(INDEX, profile.model_copy(update={"budget": budget}))) for budget in budgets]

    assert counts == sorted(counts)


def test_unknown_values_keep_the_program_and_are_flagged():
    index, _ = index_of([program(id=1, title="Unpriced, undated, undelivered", kind="certification",
                                 credential="course", language=None)])  # fmt: skip
    profile = Profile(budget=100, months=3, delivery="on-campus", country="GB", language="en")

    person = view(index, profile)

    assert person.allowed[0] and person.needed[0] == 0
    assert {name for name, mask in person.unknown.items() if mask[0]} == {
        "budget", "time", "delivery", "country", "language"}


def test_an_on_campus_search_keeps_programs_whose_delivery_is_unknown():
    rows = [program(id=1, title="MSc Data Science", kind="degree", credential="master", country="GB"),
            program(id=2, title="MSc AI", kind="degree", credential="master", country="GB",
                    delivery="online")]  # fmt: skip
    index, _ = index_of(rows)

    assert passing(index, Profile(delivery="on-campus", country="GB")) == {1}


def test_weeks_at_your_pace_use_total_hours_then_effort_then_full_time_for_a_degree():
    person = view(INDEX, Profile(hours_per_week=8))
    weeks = dict(zip(INDEX.ids.tolist(), person.weeks, strict=True))

    assert weeks[4] == pytest.approx(44 / 8)  # 44 total hours
    assert weeks[2] == pytest.approx(20 * 8 / 8)  # 20 weeks at 8 h/week
    assert weeks[9] == pytest.approx(104 * 40 / 8)  # a degree stating no effort is full-time
    assert person.full_time[INDEX.ids.tolist().index(9)]


def test_a_subscription_costs_more_at_a_slower_pace_and_the_budget_sees_it():
    slow = view(INDEX, Profile(hours_per_week=5))
    row = INDEX.ids.tolist().index(GOOGLE_DATA_ANALYTICS["id"])  # $49/month, 26 weeks at 10 h/week

    assert (slow.months_billed[row], slow.cost[row]) == (12, 49 * 12)
    assert 1 not in passing(INDEX, Profile(budget=300, hours_per_week=5))
    assert 1 in passing(INDEX, Profile(budget=300, hours_per_week=10))


def test_a_zero_budget_still_finds_what_is_free_to_learn():
    found = passing(INDEX, Profile(budget=0))

    assert 3 in found  # free to audit; the certificate costs $99
    assert 1 not in found and 6 not in found


def test_country_binds_only_programs_one_must_attend():
    found = passing(INDEX, Profile(country="US", has_degree=True))

    assert 9 not in found  # on campus in Germany
    assert {2, 6, 8} <= found  # online anywhere, or on campus in the US


@pytest.mark.parametrize(
    ("has_degree", "allowed"),
    [(False, {"bachelor"}), (None, {"bachelor", "master", "doctorate"}), (True, {"bachelor", "master", "doctorate"})],
)
def test_no_masters_or_doctorate_without_a_bachelors(has_degree, allowed):
    person = view(INDEX, Profile(has_degree=has_degree))
    degrees = {entry.credential for row, entry in enumerate(CATALOG) if entry.kind == "degree" and person.allowed[row]}

    assert degrees == allowed


def test_tuition_is_priced_for_the_residence():
    rows = [
        program(id=1, title="MSc Informatics", kind="degree", credential="master", country="DE", delivery="on_campus",
                cost_usd=3000.0, cost_model="tuition", tuition_free_eu=True),
        program(id=2, title="MS Data Science", kind="degree", credential="master", country="US", delivery="on_campus",
                cost_usd=60000.0, cost_usd_in_state=25000.0, us_state="CA", cost_model="tuition"),
    ]  # fmt: skip
    index, _ = index_of(rows)

    assert view(index, Profile(residence="FR")).cost.tolist() == [0.0, 60000.0]
    assert view(index, Profile(residence="US-CA")).cost.tolist() == [3000.0, 25000.0]
    assert view(index, Profile(residence="US-NY")).cost.tolist() == [3000.0, 60000.0]
    assert view(index, Profile()).cost.tolist() == [3000.0, 60000.0]


def test_the_least_important_constraint_needs_the_lowest_step():
    rows = [program(id=70, title="Apprentissage", kind="certification", credential="course", language="fr",
                    delivery="online", cost_usd=0.0),
            program(id=71, title="Evening class", kind="certification", credential="course", language="en",
                    delivery="on_campus", cost_usd=0.0),
            program(id=72, title="Expensive", kind="certification", credential="course", language="en",
                    delivery="on_campus", cost_usd=500.0)]  # fmt: skip
    index, _ = index_of(rows)

    needed = view(index, Profile(language="en", delivery="online", budget=100)).needed

    steps = [RELAXATION_ORDER[step - 1] if step else None for step in needed]
    assert steps == ["language", "delivery", "budget"]
