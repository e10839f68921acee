"""clean() over every row of the Nov 2025 Mastersportal feed and the Study in Europe feed, read by their
own parsers: what is kept, what is refused and why, and values checked by hand against the files."""

from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from crawlers.parsers.csv_feed import Dropped
from pipeline.clean import clean
from pipeline.records import Program, Rejection
from tests.pipeline import corpus_items

BDT_PER_USD = 121.8557  # pipeline/data/usd_rates_other.csv
# (corpus file, parser, feed URL), from the one mapping of the corpus datasets
FEEDS = {"mastersportal-2025": corpus_items.FEEDS["mastersportal"][1],
         "studyineurope": corpus_items.FEEDS["studyineurope"][0]}  # fmt: skip


@cache
def cleaned(feed: str, path: Path) -> tuple[int, list[Program], list[Rejection]]:
    _file, parse, feed_url = FEEDS[feed]
    results = parse(path.read_bytes(), feed_url, "2025-11-30T00:00:00+00:00")
    outcomes = [clean(dict(item)) for item in results if not isinstance(item, Dropped)]
    programs = [outcome for outcome in outcomes if isinstance(outcome, Program)]
    return len(outcomes), programs, [outcome for outcome in outcomes if isinstance(outcome, Rejection)]


@pytest.fixture
def feed(corpus, request):
    return cleaned(request.param, corpus(FEEDS[request.param][0]))


def reasons(rejections: list[Rejection]) -> Counter:
    """Rejections by reason, the off-topic and tuition ones by their kind (their detail varies)."""
    return Counter(
        r.reason.split(":")[0] if r.reason.startswith(("off-topic", "implausible tuition")) else r.reason
        for r in rejections
    )


def first(programs: list[Program], **fields) -> Program:
    return next(p for p in programs if all(getattr(p, name) == value for name, value in fields.items()))


@pytest.mark.parametrize("feed", ["mastersportal-2025"], indirect=True)
def test_mastersportal_keeps_the_relevant_masters_and_refuses_the_outliers(feed):
    items, programs, rejections = feed
    assert (items, len(programs)) == (4400, 2416)  # 55% kept (GIS and geomatics masters count)
    assert reasons(rejections) == {"off-topic": 1982, "implausible tuition": 2}
    assert {p.kind for p in programs} == {"degree"}
    assert {p.credential for p in programs} == {"master"}  # Eindhoven's "Mastertrack"s are master's tracks
    assert sum(bool(p.topics) for p in programs) == 1660  # the rest are computer-science degrees (adjacent)
    assert not [p for p in programs if p.rating is not None or p.rating_count is not None]
    refused = sorted(r.reason for r in rejections if r.reason.startswith("implausible"))
    assert refused == [
        "implausible tuition: 1,080,767,869 BDT a year is 8,869,243 USD, above 150,000 USD a year",
        "implausible tuition: 2,681 BDT a year is 22 USD, below 50 USD a year",
    ]


@pytest.mark.parametrize("feed", ["mastersportal-2025"], indirect=True)
def test_mastersportal_tuition_in_taka_is_converted_and_kept(feed):
    _items, programs, _rejections = feed
    assert Counter(p.cost.model for p in programs) == {"tuition": 2283, "free": 59, None: 74}
    in_taka = [p for p in programs if p.cost.currency == "BDT"]
    assert len(in_taka) == 2283 and {p.cost.rate_date for p in in_taka} == {date(2025, 11, 15)}
    # Kennesaw State, Data Science and Analytics: "2,454,417 BDT / year", "2 years"
    kennesaw = first(programs, institution="Kennesaw State University", title="Data Science and Analytics")
    assert (kennesaw.cost.amount, kennesaw.cost.model) == (2454417.0, "tuition")
    assert kennesaw.cost.usd == pytest.approx(2 * 2454417 / BDT_PER_USD, abs=0.01)
    assert (kennesaw.country, kennesaw.duration.weeks) == ("US", 104.0)
    # Vlerick, Business Analytics and AI: "2,952,874 BDT / full", 10 months: the whole program, once
    vlerick = first(programs, title="Business Analytics and AI", institution="Vlerick Business School")
    assert vlerick.cost.usd == pytest.approx(2952874 / BDT_PER_USD, abs=0.01)
    assert (vlerick.country, vlerick.duration.weeks) == ("BE", 43.33)
    # Georgetown, Data Science and Analytics: "9,919,052 BDT / year", "1 year, 4 months"
    georgetown = first(programs, institution="Georgetown University", title="Data Science and Analytics")
    assert georgetown.duration.weeks == 69.33
    assert georgetown.cost.usd == pytest.approx(9919052 / BDT_PER_USD * 1.3333, abs=0.05)
    # Potsdam, Data Science: "Free", 2 years
    potsdam = first(programs, institution="University of Potsdam", title="Data Science")
    assert (potsdam.cost.usd, potsdam.cost.model, potsdam.duration.weeks) == (0.0, "free", 104.0)


@pytest.mark.parametrize("feed", ["mastersportal-2025"], indirect=True)
def test_mastersportal_fees_per_module_and_multiple_locations_are_unknown(feed):
    _items, programs, _rejections = feed
    per_module = [p for p in programs if p.raw["extra"].get("tuition_unknown_reason")]
    assert per_module and all(p.cost.usd is None and p.cost.model is None for p in per_module)
    elsewhere = [p for p in programs if p.raw["extra"].get("location") == "Multiple locations"]
    assert elsewhere and {p.country for p in elsewhere} == {None}
    countries = Counter(p.country for p in programs)
    assert countries["US"] > countries["GB"] > countries["DE"] > 0
    assert all(country is None or (len(country) == 2 and country.isupper()) for country in countries)
    assert not [p for p in programs if p.raw.get("country") and p.country is None]  # all 35 names known
    half_year = first(programs, title="Data Science", institution="Fulda University of Applied Sciences")
    assert half_year.duration.weeks == 78.0  # "1½ year"


@pytest.mark.parametrize("feed", ["studyineurope"], indirect=True)
def test_studyineurope_keeps_the_relevant_programs_and_says_why_the_rest_go(feed):
    items, programs, rejections = feed
    assert (items, len(programs)) == (18087, 748)  # 4.1% kept: the portals list every subject
    assert reasons(rejections) == {
        "off-topic": 13713,  # 117 of them have no URL: they would have had a search link
        "not a program we list: a secondary-school programme": 2418,
        "missing title": 524,  # Lithuania's 523 rows and one Slovenian
        "not a program we list: level 'Other' and no credential in the title": 392,
        "missing credential": 282,  # level NA and no credential in the title
        "unrecognised credential: 'Diploma'": 10,  # Denmark's and Luxembourg's diplomas
    }
    assert Counter(p.credential for p in programs) == {
        "master": 439, "bachelor": 262, "doctorate": 36, "course": 6, "graduate_certificate": 5,
    }  # fmt: skip
    assert sum(bool(p.topics) for p in programs) == 448  # the rest are computer-science degrees
    # Spanish rows whose link is text: kept with a search link (two Girona master's, one bachelor's)
    assert sum(p.url_kind == "search" and not p.raw.get("url") for p in programs) == 3
    short_courses = {p.title for p in programs if p.kind == "certification"}  # level Short-term
    assert len(short_courses) == 6 and "Master Class Data Science and AI for Business" in short_courses
    titles = {p.title for p in programs}
    assert {"Data Science", "Applied Statistics", "Human-centered Artificial Intelligence Master's Programme"} <= titles
    assert not titles & {"Bass Tuba", "Architecture", "Master of German Law (LLM)"}


@pytest.mark.parametrize("feed", ["studyineurope"], indirect=True)
def test_studyineurope_language_country_duration_effort_and_eu_tuition(feed):
    _items, programs, _rejections = feed
    # None: Language NA (Belgium) or "Multilingual" (Luxembourg)
    assert Counter(p.language for p in programs) == {"en": 557, "sr": 63, "fr": 52, "de": 31, "tr": 30, None: 15}
    assert not [p for p in programs if p.raw.get("language") not in (None, "Multilingual") and p.language is None]
    assert {p.country for p in programs} == {
        "DE", "BE", "PL", "RS", "SE", "TR", "ES", "NO", "DK", "AT", "CY", "SI", "HR", "EE", "LU",
    }  # fmt: skip
    # UPC, MASTER'S DEGREE IN ARTIFICIAL INTELLIGENCE: 90 ECTS, English, Free_Tuition_EU No
    upc = first(programs, title="MASTER'S DEGREE IN ARTIFICIAL INTELLIGENCE")
    assert (upc.credential, upc.country, upc.language) == ("master", "ES", "en")
    assert (upc.duration.weeks, upc.effort_hours_per_week, upc.total_hours) == (78.0, 40.0, 3120.0)
    assert (upc.tuition_free_eu, upc.cost.usd) == (False, None)
    assert upc.url == "https://www.upc.edu/en/masters/artificial-intelligence"
    # Stockholm University: 120 ECTS, Free_Tuition_EU Yes, Sweden's one shared link
    stockholm = first(programs, title="Master's Programme in Mathematical Statistics and Machine Learning")
    assert (stockholm.duration.weeks, stockholm.tuition_free_eu) == (104.0, True)
    assert stockholm.raw["extra"]["url_is_listing"] is True
    with_credits = [p for p in programs if p.raw.get("duration")]
    assert with_credits and all(p.effort_hours_per_week == 40.0 and p.duration.weeks for p in with_credits)
    assert Counter(p.tuition_free_eu for p in programs)[True] > 100
    assert {p.cost.model for p in programs} == {None}  # the portals list no fees
