import json

import pytest
from sqlalchemy import create_engine

from models.catalog import EmptyCatalogError
from models.pace import WEEKS_PER_MONTH
from models.profile import Profile
from models.recommend import RESULT_KEYS, recommend
from pipeline.store.schema import Base

CONTRACT_KEYS = {"profile", "candidates", "relaxed", "verdict", "model", "results"}
PROFILE_KEYS = {"goal", "budget", "hours_per_week", "months", "delivery", "self_paced", "level", "has_degree",
                "interests", "country", "language", "residence"}  # fmt: skip


def ranks(result: dict) -> dict[int, int]:
    return {row["program_id"]: row["rank"] for row in result["results"]}


def test_the_answer_has_exactly_the_contract_keys_and_is_json(engine):
    result = recommend(engine, Profile(budget=1000, months=6, interests="deep learning"), k=4)

    assert set(result) == CONTRACT_KEYS
    assert set(result["profile"]) == PROFILE_KEYS
    assert set(result["verdict"]) == {"path", "reasons"}
    assert result["verdict"]["path"] in ("certification", "degree", "both")
    assert [list(row) for row in result["results"]] == [list(RESULT_KEYS)] * 4
    assert [row["rank"] for row in result["results"]] == [1, 2, 3, 4]
    assert isinstance(result["candidates"], int) and result["relaxed"] == []
    assert json.loads(json.dumps(result)) == result
    scores = [row["score"] for row in result["results"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    "profile",
    [
        Profile(budget=300, months=6, hours_per_week=8),
        Profile(budget=300, months=6, hours_per_week=5),  # a $294 subscription needs 12 months at 5 h/week
        Profile(goal="research", budget=25_000, months=48, has_degree=True, delivery="online"),
        Profile(goal="academia", has_degree=False, self_paced=True),
        Profile(budget=50, delivery="online"),
    ],
)
def test_results_never_break_the_constraints(engine, profile):
    result = recommend(engine, profile, k=20)

    def was_relaxed(row):
        return any(reason.endswith("(constraint relaxed)") for reason in row["reasons"])

    strict = [row for row in result["results"] if not was_relaxed(row)]
    assert strict and len(strict) <= result["candidates"]
    for row in strict:
        free_to_learn = any(reason.startswith("free to learn (audit)") for reason in row["reasons"])
        if profile.budget is not None and row["cost_usd"] is not None and not free_to_learn:
            assert row["cost_usd"] <= profile.budget, row["title"]
        if profile.months is not None and row["weeks_at_your_pace"] is not None:
            assert row["weeks_at_your_pace"] <= profile.months * WEEKS_PER_MONTH, row["title"]
        if profile.delivery != "any" and row["delivery"] is not None:
            assert row["delivery"] == profile.delivery, row["title"]
        if profile.self_paced and row["pacing"] is not None:
            assert row["pacing"] == "self_paced", row["title"]
    for row in result["results"]:
        if profile.has_degree is False:
            assert row["credential"] not in ("master", "doctorate", "graduate_certificate"), row["title"]
    assert result["relaxed"] or len(strict) == len(result["results"])


def test_interests_change_the_order(engine):
    deep = ranks(recommend(engine, Profile(interests="deep learning, neural networks"), k=20))
    project = ranks(recommend(engine, Profile(interests="project management and agile"), k=20))

    assert deep[100] < deep[101]  # Deep Learning with PyTorch above Project Management Essentials
    assert project[101] < project[100]


def test_one_title_from_two_institutions_is_two_programs(engine):
    result = recommend(engine, Profile(), k=20)

    titles = [row["title"].casefold() for row in result["results"]]
    assert titles.count("python for data science") == 2


def test_reasons_speak_in_the_persons_numbers(engine):
    result = recommend(engine, Profile(budget=1000, months=6, hours_per_week=8, interests="deep learning"), k=3)

    top = result["results"][0]
    assert top["title"] == "Deep Learning Specialization"
    assert any("within your $1,000 budget" in reason for reason in top["reasons"])
    assert "about 20 weeks at your 8 h/week, within your 6 months" in top["reasons"]
    assert any(reason.startswith("matches your interest in deep learning") for reason in top["reasons"])


def test_relaxed_constraints_are_reported_and_shown_as_weaknesses(engine):
    result = recommend(engine, Profile(budget=10, months=3), k=5)

    assert "budget" in result["relaxed"]  # nothing costs <= $15 and fits 3 months
    for row in result["results"]:
        if row["cost_usd"] is not None and row["cost_usd"] > 10 and "free to learn" not in " ".join(row["reasons"]):
            assert "above your $10 budget (constraint relaxed)" in " ".join(row["reasons"]), row["title"]


def test_unknown_cost_is_null_and_said(engine):
    result = recommend(engine, Profile(goal="research", has_degree=True), k=20)

    phd = next(row for row in result["results"] if row["program_id"] == 7)
    assert phd["cost_usd"] is None
    assert "cost unknown: check the price before enrolling" in phd["reasons"]


def test_an_unknown_cost_is_kept_below_the_known_fits_and_said(engine):
    result = recommend(engine, Profile(goal="research", has_degree=True, budget=100_000), k=20)

    ids = [row["program_id"] for row in result["results"]]
    phd = result["results"][ids.index(7)]
    assert "cost not known: check the price against your budget before enrolling" in phd["reasons"]
    results = result["results"]
    known_degrees = [row["rank"] for row in results if row["kind"] == "degree" and row["cost_usd"] is not None]
    assert known_degrees and max(known_degrees) < phd["rank"]


def test_sources_come_from_the_source_records(engine):
    result = recommend(engine, Profile(interests="data analytics tableau"), k=20)

    google = next(row for row in result["results"] if row["program_id"] == 1)
    assert google["sources"] == ["coursera", "coursera-catalog"]


def test_k_limits_the_results_and_must_be_positive(engine):
    assert len(recommend(engine, Profile(), k=2)["results"]) == 2
    with pytest.raises(ValueError, match="k must be >= 1"):
        recommend(engine, Profile(), k=0)


def test_an_empty_or_fresh_database_says_so(tmp_path):
    empty = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    Base.metadata.create_all(empty)
    fresh = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")

    for engine in (empty, fresh):
        with pytest.raises(EmptyCatalogError, match="run `mlpath run` first"):
            recommend(engine, Profile())


def test_language_versions_of_one_program_show_once_in_the_persons_language(tmp_path):
    from tests.models.sample_catalogue import build_database, program

    alike = dict(kind="certification", credential="professional_certificate", provider="Google", language=None,
                 delivery="online", pacing="self_paced", cost_usd=49.0, cost_model="one_time", total_hours=100,
                 description="Data analytics with spreadsheets, SQL and Tableau.")  # fmt: skip
    engine = build_database(tmp_path / "versions.db", [
        program(id=1, title="Google Data Analytics", **alike),
        program(id=2, title="Google Data Analytics (PT)", **alike),
        program(id=3, title="Google Data Analytics (DE)", **alike),
        program(id=4, title="Google Data Analytics Capstone", **alike),
    ])  # fmt: skip

    english = [row["program_id"] for row in recommend(engine, Profile(interests="data analytics"), k=5)["results"]]
    german = [row["program_id"] for row in
              recommend(engine, Profile(interests="data analytics", language="de"), k=5)["results"]]  # fmt: skip

    assert sorted(english) == [1, 4]
    assert sorted(german) == [3, 4]


def test_an_old_listing_is_marked_and_ranks_below_a_fresh_equal(tmp_path):
    from sqlalchemy import update

    from pipeline.store.db import writer_session
    from pipeline.store.schema import SourceRecord
    from tests.models.sample_catalogue import build_database, program

    alike = dict(kind="certification", credential="course", provider="Udemy", delivery="online", cost_usd=20.0,
                 cost_model="one_time", total_hours=10, description="Statistics for data science.")  # fmt: skip
    engine = build_database(tmp_path / "fresh.db", [program(id=1, title="Statistics A", **alike),
                                                    program(id=2, title="Statistics B", **alike)])  # fmt: skip
    with writer_session(engine) as session:
        for program_id, fetched in ((1, "2019-03-01T10:00:00Z"), (2, "2025-06-01T10:00:00Z")):
            session.execute(update(SourceRecord).where(SourceRecord.program_id == program_id)
                            .values(fetched_at=fetched))  # fmt: skip

    results = recommend(engine, Profile(interests="statistics"), k=2)["results"]

    assert [row["program_id"] for row in results] == [2, 1]
    assert [row["captured"] for row in results] == ["2025-06-01", "2019-03-01"]
    assert "possibly out of date: last captured 2019-03-01" in results[1]["reasons"]
    assert not any(reason.startswith("possibly out of date") for reason in results[0]["reasons"])
