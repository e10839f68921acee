import pytest

from models.profile import Profile
from models.recommend import recommend
from models.verdict import choose_path


@pytest.mark.parametrize(
    ("profile", "certification_possible", "degree_possible", "path"),
    [
        (Profile(goal="research"), True, True, "degree"),
        (Profile(goal="academia"), True, False, "both"),
        (Profile(goal="industry", has_degree=True), True, True, "certification"),
        (Profile(goal="industry", has_degree=False), True, True, "both"),
        (Profile(goal="industry", has_degree=False), True, False, "certification"),
        (Profile(goal="career-switch"), True, True, "both"),
        (Profile(goal="career-switch", has_degree=True), True, True, "certification"),
        (Profile(goal="upskill", has_degree=False), True, True, "certification"),
        (Profile(goal="upskill"), False, True, "degree"),
    ],
)
def test_the_path_follows_goal_degree_and_what_is_possible(profile, certification_possible, degree_possible, path):
    assert choose_path(profile, certification_possible, degree_possible) == path


def test_research_with_means_gets_a_degree_with_seed_reasons(engine):
    verdict = recommend(engine, Profile(goal="research", has_degree=True, interests="machine learning"), k=3)["verdict"]

    assert verdict["path"] == "degree"
    assert "comprehensive depth, recognition and networking" in verdict["reasons"][0]


def test_industry_on_a_small_budget_gets_a_certification_with_the_numbers(engine):
    profile = Profile(goal="industry", budget=500, months=6, hours_per_week=8)

    verdict = recommend(engine, profile, k=3)["verdict"]

    assert verdict["path"] == "certification"
    text = " ".join(verdict["reasons"])
    assert "$500 budget" in text and "8 h/week" in text and "6 months" in text
    assert "cost-effective" in text and "a degree does not fit now" in text


def test_research_without_the_means_gets_a_certificate_now_and_a_degree_later(engine):
    profile = Profile(goal="research", budget=1000, months=12, hours_per_week=10, has_degree=True)

    verdict = recommend(engine, profile, k=3)["verdict"]

    assert verdict["path"] == "both"
    text = " ".join(verdict["reasons"])
    assert "a certificate now" in text and "a degree later" in text
    assert "the quickest degree takes about 234 weeks at your 10 h/week, beyond your 12 months" in text


def test_a_career_switcher_without_a_degree_who_can_afford_one_gets_both(engine):
    profile = Profile(goal="career-switch", budget=70_000, months=60, hours_per_week=40, has_degree=False)

    verdict = recommend(engine, profile, k=3)["verdict"]

    assert verdict["path"] == "both"
    assert "Bachelor of Science in Data Science" in " ".join(verdict["reasons"])  # the only degree open to them


@pytest.mark.parametrize(
    "profile",
    [
        Profile(goal="research", has_degree=True, interests="machine learning"),
        Profile(goal="academia", has_degree=False, budget=200_000, months=60, hours_per_week=40),
        Profile(goal="career-switch", budget=70_000, months=60, hours_per_week=40, has_degree=False),
        Profile(goal="industry", budget=500, months=6),
        Profile(goal="industry", budget=1, months=1, delivery="on-campus"),
    ],
)
def test_the_verdict_never_contradicts_the_list(engine, profile):
    answer = recommend(engine, profile, k=6)
    path, kinds = answer["verdict"]["path"], [row["kind"] for row in answer["results"]]

    if path == "degree":
        assert kinds[0] == "degree"
    elif path == "both":
        assert {"degree", "certification"} <= set(kinds)
    else:
        assert kinds[0] == "certification"


def test_academia_without_a_degree_leads_with_a_bachelors(engine):
    profile = Profile(goal="academia", has_degree=False, budget=200_000, months=60, hours_per_week=40)
    answer = recommend(engine, profile, k=10)

    assert answer["verdict"]["path"] == "degree"
    assert answer["results"][0]["credential"] == "bachelor"
    assert "a bachelor's comes first" in " ".join(answer["verdict"]["reasons"])


def test_when_nothing_fits_the_verdict_says_so_and_names_what_was_relaxed(engine):
    answer = recommend(engine, Profile(budget=1, months=0.1, delivery="on-campus"), k=3)

    assert answer["candidates"] == 0 and answer["relaxed"]
    text = " ".join(answer["verdict"]["reasons"])
    assert text.startswith("nothing in the catalogue fits every constraint")
    assert "the closest are shown, with" in text
    assert answer["results"][0]["title"] in text
