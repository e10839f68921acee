"""clean() over every row of each real dataset: no exception, canonical values, sane aggregates."""

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.records import Program, Rejection
from tests.pipeline.corpus_items import FEEDS, raw_items

KINDS = {"certification", "degree"}
CREDENTIALS = {
    "course", "specialization", "professional_certificate", "graduate_certificate", "bootcamp",
    "associate", "bachelor", "master", "doctorate",
}  # fmt: skip
DEGREE_CREDENTIALS = {"associate", "bachelor", "master", "doctorate", "graduate_certificate"}
DELIVERIES = {"online", "on_campus", "hybrid", None}
PACINGS = {"self_paced", "scheduled", None}
LEVELS = {"beginner", "intermediate", "advanced", None}
COST_MODELS = {"free", "free_audit", "one_time", "subscription", "tuition", None}
TOPICS = {"ml", "ai", "data_science"}
REASON_PREFIXES = ("off-topic: ", "missing ", "invalid URL: ", "unrecognised credential: ")


@cache
def cleaned(source: str, path: Path) -> tuple[list[Program], list[Rejection]]:
    results = [clean(raw) for raw in raw_items(source, path)]
    return [r for r in results if isinstance(r, Program)], [r for r in results if isinstance(r, Rejection)]


def dataset(corpus, source: str) -> tuple[list[Program], list[Rejection]]:
    return cleaned(source, corpus(FEEDS[source][0]))


@pytest.mark.parametrize("source", sorted(FEEDS))
def test_every_program_speaks_the_vocabulary(corpus, source):
    programs, rejections = dataset(corpus, source)
    assert programs
    for program in programs:
        assert program.kind in KINDS
        assert program.credential in CREDENTIALS
        assert (program.kind == "degree") <= (program.credential in DEGREE_CREDENTIALS)
        assert program.delivery in DELIVERIES
        assert program.pacing in PACINGS
        assert program.level in LEVELS
        assert program.language is None or (len(program.language) == 2 and program.language.islower())
        assert program.country is None or (len(program.country) == 2 and program.country.isupper())
        assert set(program.topics) <= TOPICS
        assert 0 < program.relevance <= 1
        assert program.title and program.url.startswith("http") and program.source == source


@pytest.mark.parametrize("source", sorted(FEEDS))
def test_cost_is_zero_only_when_free_and_never_negative(corpus, source):
    programs, _ = dataset(corpus, source)
    for program in programs:
        cost = program.cost
        assert cost.model in COST_MODELS
        assert (cost.usd == 0) == (cost.model == "free"), program.title
        assert cost.usd is None or cost.usd >= 0
        assert cost.usd is None or cost.usd == 0 or cost.rate_date is not None
        weeks = program.duration
        assert weeks.weeks_min is None or weeks.weeks_max is None or 0 < weeks.weeks_min <= weeks.weeks_max


@pytest.mark.parametrize("source", sorted(FEEDS))
def test_every_rejection_says_why(corpus, source):
    _, rejections = dataset(corpus, source)
    for rejection in rejections:
        assert rejection.source == source
        assert rejection.reason.startswith(REASON_PREFIXES), rejection.reason


def test_udemy_keeps_the_relevant_few_and_rejects_the_rest_as_off_topic(corpus):
    programs, rejections = dataset(corpus, "udemy-catalog")
    assert len(programs) + len(rejections) == 16429
    assert 300 <= len(programs) <= 1000
    assert sum(r.reason.startswith("off-topic: ") for r in rejections) == len(rejections)
    assert {p.credential for p in programs} == {"course"}
    assert all(p.cost.currency == "SGD" and p.cost.model in {"one_time", "free"} for p in programs)
    assert sum(p.total_hours is not None for p in programs) >= 0.9 * len(programs)  # total video
    titles = {p.title for p in programs}
    assert "Artificial Intelligence A-Z™: Learn How To Build An AI" in titles
    assert "NLP Practitioner & NLP Life Coach Certification (Accredited)" not in titles


def test_edx_courses_are_free_to_audit_with_a_paid_certificate(corpus):
    programs, _ = dataset(corpus, "edx-catalog")
    assert len(programs) >= 100
    assert all(p.cost.model == "free_audit" and p.cost.usd > 0 for p in programs)
    assert all(p.effort_hours_per_week and p.total_hours for p in programs)
    assert {p.pacing for p in programs} == {"self_paced", "scheduled"}


def test_coursera_catalogue(corpus):
    programs, rejections = dataset(corpus, "coursera-catalog")
    assert len(programs) >= 250
    credentials = Counter(p.credential for p in programs)
    assert credentials["specialization"] >= 50 and credentials["professional_certificate"] >= 20
    assert sum(p.kind == "degree" for p in programs) >= 20
    estimated = [p for p in programs if p.cost.basis]
    assert estimated and all(p.cost.model == "subscription" for p in estimated)
    assert all(p.cost.usd is None for p in programs if p.credential == "course")


def test_data_science_colleges_are_mostly_accepted_as_degrees(corpus):
    programs, rejections = dataset(corpus, "ds-colleges")
    assert len(programs) == 632
    assert sum(p.kind == "degree" for p in programs) >= 0.85 * 632
    assert all("data_science" in p.topics for p in programs)
    assert all(p.cost.usd is None for p in programs)  # the list gives no price


def test_mastersportal_masters_pay_yearly_tuition(corpus):
    programs, rejections = dataset(corpus, "mastersportal")
    assert len(programs) >= 200
    assert all(p.kind == "degree" for p in programs)
    assert all(p.cost.model in {"tuition", "free"} and p.cost.usd is not None for p in programs)
    assert sum(bool(p.topics) for p in programs) >= 100  # about ML/AI/DS, the rest adjacent
    assert all(r.reason.startswith("off-topic: ") for r in rejections)


def test_the_catalogue_reaches_300_degrees(corpus):
    degrees = sum(
        p.kind == "degree" for source in FEEDS for p in dataset(corpus, source)[0]
    )
    assert degrees >= 300
