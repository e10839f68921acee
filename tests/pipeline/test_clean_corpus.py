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
REASON_PREFIXES = (
    "off-topic: ", "missing ", "invalid URL: ", "unrecognised credential: ", "not a program we list",
    "implausible tuition",
)


@cache
def cleaned(source: str, paths: tuple[Path, ...]) -> tuple[list[Program], list[Rejection]]:
    results = [clean(raw) for raw in raw_items(source, paths)]
    return [r for r in results if isinstance(r, Program)], [r for r in results if isinstance(r, Rejection)]


def dataset(corpus, source: str) -> tuple[list[Program], list[Rejection]]:
    return cleaned(source, tuple(corpus(file) for file, _parse, _url in FEEDS[source]))


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
    assert all(p.cost.model in {"tuition", "free"} for p in programs if p.cost.usd is not None)
    assert sum(p.cost.usd is not None for p in programs) >= 0.95 * len(programs)  # per-module fees: unknown
    assert sum(bool(p.topics) for p in programs) >= 100  # about ML/AI/DS, the rest adjacent
    assert all(r.reason.startswith(("off-topic: ", "implausible tuition: ")) for r in rejections)


def test_the_catalogue_reaches_300_degrees(corpus):
    degrees = sum(
        p.kind == "degree" for source in FEEDS for p in dataset(corpus, source)[0]
    )
    assert degrees >= 300


def listed(programs, source_id):
    return next(p for p in programs if p.source_id == source_id)


def test_coursera_courses_and_programs(corpus):
    programs, rejections = dataset(corpus, "coursera-courses")
    assert len(programs) + len(rejections) == 6180
    assert 1000 <= len(programs) <= 2500  # the catalogue is all of Coursera: most of it is off-topic
    prophet = listed(programs, "https://www.coursera.org/learn/prophet-timeseries-prediction")
    assert (prophet.title, prophet.provider, prophet.kind, prophet.credential, prophet.level) == (
        "Predict Future Product Prices Using Facebook Prophet", "Coursera Project Network", "certification", "course",
        "beginner",
    )
    assert (prophet.url, prophet.rating, prophet.pacing, prophet.delivery) == (
        "https://www.coursera.org/learn/prophet-timeseries-prediction", 4.4, "self_paced", "online",
    )
    ibm = listed(programs, "https://www.coursera.org/professional-certificates/ibm-machine-learning")
    assert (ibm.credential, ibm.kind, ibm.level, ibm.rating, ibm.rating_count) == (
        "professional_certificate", "certification", "intermediate", 4.6, None,
    )
    exam_prep = next(p for p in programs if p.title.startswith("Exam Prep MLS-C01"))  # "1 month" as its level
    assert (exam_prep.credential, exam_prep.level, exam_prep.duration.weeks) == ("specialization", None, 4.33)
    conversant = listed(programs, "https://www.coursera.org/learn/nlp-sequence-models")
    assert (conversant.title, conversant.level) == ("Sequence Models", None)  # "Conversant": no level of ours


def test_udacity_courses_and_nanodegrees(corpus):
    programs, rejections = dataset(corpus, "udacity")
    assert len(programs) + len(rejections) == 198
    course = listed(programs, "ud120")
    assert (course.title, course.kind, course.credential, course.level, course.duration.weeks, course.url) == (
        "Intro to Machine Learning", "certification", "course", "intermediate", 10.0,
        "https://www.udacity.com/course/intro-to-machine-learning--ud120",
    )
    nanodegree = listed(programs, "nd009")  # a Nanodegree is a professional certificate (credential.py)
    assert (nanodegree.kind, nanodegree.credential, nanodegree.level, nanodegree.duration.weeks) == (
        "certification", "professional_certificate", "advanced", 43.33,  # 10 months
    )
    big_data = listed(programs, "ud758")  # expected_duration 0, level ""
    assert (big_data.duration.weeks, big_data.level) == (None, None)
    assert nanodegree.delivery == course.delivery == "online" and nanodegree.cost.usd is None


def test_futurelearn_courses(corpus):
    programs, rejections = dataset(corpus, "futurelearn")
    assert len(programs) + len(rejections) == 514
    course = listed(programs, "fec9b73a-8ee3-42fd-b2cf-5bb556a02c03")
    assert (course.title, course.institution, course.kind, course.credential, course.level) == (
        "Learn to Code for Data Analysis", "The Open University", "certification", "course", None,
    )
    assert (course.duration.weeks, course.effort_hours_per_week, course.total_hours) == (4.0, 5.0, 20.0)
    assert (course.pacing, course.delivery, course.url) == (
        "scheduled", "online", "https://www.futurelearn.com/courses/learn-to-code",
    )
