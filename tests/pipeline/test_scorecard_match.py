"""Matching schools of other sources to College Scorecard institutions, and the enrichment it brings.

The pairs below are real names from the corpus (ds-colleges, mastersportal) checked by hand against the
Scorecard institution file, with the near misses that must not match.
"""

import json
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import select

from crawlers.parsers import scorecard
from pipeline.enrich.institutions import Institution, InstitutionIndex, normal_name
from pipeline.enrich.scorecard import enrich_from_scorecard
from pipeline.records import Cost, Duration, Program
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.schema import Program as ProgramRow
from pipeline.store.upsert import store_programs

# (name as listed, state, city) -> the Scorecard UNITID it is, by hand
SAME_SCHOOL = [
    (("University of Washington", "WA", "Seattle"), "236948"),  # University of Washington-Seattle Campus
    (("University of Washington", None, "Seattle"), "236948"),  # mastersportal: no state
    (("Washington University in St. Louis", None, "Saint Louis"), "179867"),  # ...in St Louis
    (("The Ohio State University", "OH", "Columbus"), "204796"),  # Ohio State University-Main Campus
    (("University of California, Los Angeles (UCLA)", None, "Beverly Hills"), "110662"),  # ...-Los Angeles
    (("University of Illinois at Urbana Champaign", "IL", "Champaign"), "145637"),  # ...Urbana-Champaign
    (("Texas A & M University-College Station", "TX", "College Station"), "228723"),  # Texas A&M...
    (("William and Mary", "VA", "Williamsburg"), "231624"),  # William & Mary
    (("Massachusetts Institute of Technology (MIT)", None, "Cambridge"), "166683"),
    (("Saint Louis University-Main Campus", "MO", "St. Louis"), "179159"),  # Saint Louis University
    (("University of Michigan", None, "Ann Arbor"), "170976"),  # University of Michigan-Ann Arbor
    (("University of St. Thomas", "MN", "St. Paul"), "174914"),  # University of St Thomas (MN)
    (("Indiana University Bloomington", None, "Bloomington"), "151351"),  # Indiana University-Bloomington
    (("Wake forest University", "NC", "Winston-Salem"), "199847"),
    (("Washington State University", "WA", "Pullman"), "236939"),  # not the University of Washington
]
NOT_MATCHED = [
    ("Washington University", None, None),  # without a state, not the University of Washington
    ("Columbia College", None, "Columbia"),  # Columbia College MO and SC, both in a city called Columbia
    ("Northeastern University", "WA", "Seattle"),  # its Seattle campus: the Scorecard lists Boston's, in MA
    ("University of Maryland-University College", "MD", "Adelphi"),  # not University of Maryland-College Park
    ("Miami University of Ohio", "OH", "Oxford"),  # a miss (Miami University-Oxford): the price of strictness
]


@cache
def _index(path: Path) -> InstitutionIndex:
    schools = scorecard.parse_institutions(path.read_bytes(), "u", "2026-03-18T00:00:00+00:00")
    return InstitutionIndex(
        Institution(school.unitid, school.name, school.state, school.city, school.main_campus)
        for school in schools
        if isinstance(school, scorecard.Institution) and school.name
    )


@pytest.fixture
def index(corpus):
    return _index(corpus("datasets/scorecard_merged_2023_24_6429.csv.bz2"))


def test_hand_checked_pairs_match_with_full_precision(index):
    found = {listed: index.match(*listed) for listed, _ in SAME_SCHOOL}
    wrong = {listed: match.institution.name for listed, match in found.items()
             if match is not None and match.institution.key != dict(SAME_SCHOOL)[listed]}
    assert wrong == {}  # precision 1.0 on the pairs
    assert all(match is not None for match in found.values())  # recall 1.0 on them


@pytest.mark.parametrize("listed", NOT_MATCHED, ids=lambda listed: listed[0])
def test_near_misses_do_not_match(index, listed):
    assert index.match(*listed) is None


def test_university_of_washington_is_never_washington_university_in_st_louis(index):
    assert index.match("University of Washington", "WA").institution.key == "236948"
    assert index.match("Washington University in St. Louis", "MO").institution.key == "179867"
    assert index.match("University of Washington", "MO") is None  # no such school in Missouri


@pytest.mark.parametrize(
    ("name", "normal"),
    [("The University of Washington-Seattle Campus", "washington seattle university"),
     ("Texas A & M University", "texas a and m university"),
     ("Arizona State University Campus Immersion", "arizona state university"),
     ("Massachusetts Institute of Technology (MIT)", "massachusetts institute of technology"),
     ("Washington University in St. Louis", "washington university saint louis")],
)  # fmt: skip
def test_normal_names(name, normal):
    assert normal_name(name) == normal


def _program(source, source_id, title, institution, credential, us_state, city, **facts) -> Program:
    return Program(
        source=source, source_id=source_id, url="https://example.edu/", title=title, provider=institution,
        institution=institution, kind="degree", credential=credential, delivery=facts.pop("delivery", None),
        pacing=None, level=None, language=None, country="US", cost=facts.pop("cost", Cost(usd=None, model=None)),
        duration=Duration(None, None),
        effort_hours_per_week=None, total_hours=None, rating=None, rating_count=None, description=None,
        us_state=us_state, raw={"city": city, "extra": facts.pop("extra", {})}, **facts,
    )  # fmt: skip


def test_a_matched_degree_gains_tuition_and_the_outcomes_of_its_field_and_level(tmp_path, corpus):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    uw_extra = {"unitid": "236948", "state": "WA", "cip": "11.07", "main_campus": True, "tuition_in_state": 12643,
                "tuition_out_of_state": 41997, "earnings_usd": 104000, "earnings_count": 52, "debt_usd": 17500,
                "debt_count": 60}  # fmt: skip
    scorecard_program = _program("scorecard", "236948/1107/5", "Master's Degree in Computer Science",
                                 "University of Washington-Seattle Campus", "master", "WA", "Seattle", extra=uw_extra)
    listed = _program("ds-colleges", "uw-ds", "Master of Science in Data Science", "University of Washington",
                      "master", "WA", "Seattle")
    listed_cost = Cost(usd=50000.0, model="tuition", amount=25000.0, currency="USD")
    priced = _program("mastersportal", "uw-cs", "Computer Science and Engineering", "University of Washington",
                      "master", None, "Seattle", cost=listed_cost)
    online = _program("coursera", "uw-online", "Master of Science in Statistics", "University of Washington",
                      "master", "WA", None, delivery="online")
    elsewhere = _program("ds-colleges", "wu-ds", "Master of Science in Data Science", "Washington University",
                         "master", None, "St. Louis")
    with writer_session(engine) as session:
        store_programs(session, open_run(session, "run", "scorecard"), [scorecard_program])
        store_programs(session, open_run(session, "run", "others"), [listed, priced, online, elsewhere])
    with writer_session(engine) as session:
        report = enrich_from_scorecard(session)
    with reader_session(engine) as session:
        rows = {row.title + "|" + row.institution: row for row in session.scalars(select(ProgramRow))}
    engine.dispose()
    assert (report.us_degrees, report.matched, report.with_outcomes, report.with_tuition) == (4, 3, 2, 1)
    assert str(report).startswith("Scorecard match: 3 of 4 US degree programs (75%)")
    data_science = rows["Master of Science in Data Science|University of Washington"]
    # no 30.70 at UW in the catalogue: the data-science family falls back to computer science (11.07)
    assert (data_science.earnings_usd, data_science.debt_usd, data_science.outcomes_count) == (104000, 17500, 52)
    assert "UNITID 236948), CIP 11.07 master" in data_science.outcomes_basis
    assert (data_science.cost_usd, data_science.cost_usd_in_state) == (2 * 41997, 2 * 12643)
    assert data_science.cost_basis.startswith("College Scorecard, University of Washington-Seattle Campus (UNITID")
    listed_price = rows["Computer Science and Engineering|University of Washington"]
    assert (listed_price.cost_usd, listed_price.cost_basis, listed_price.us_state) == (50000.0, None, "WA")
    assert listed_price.earnings_usd == 104000  # outcomes still gained: the listing had none
    online_degree = rows["Master of Science in Statistics|University of Washington"]
    # no campus tuition for an online degree; no statistics (27.05) master's outcomes at UW in this catalogue
    assert (online_degree.cost_usd, online_degree.earnings_usd) == (None, None)
    unmatched = rows["Master of Science in Data Science|Washington University"]
    assert (unmatched.earnings_usd, unmatched.cost_usd) == (None, None)
    assert json.dumps(report.__dict__)  # plain figures, fit for a log line or a summary
