"""College Scorecard programs through clean() and storage: credentials, residence tuition, outcomes.

Expected figures were counted apart from the code (csv.DictReader over the field-of-study file: the
7,303 rows in the ML fields with a UNITID by P_CREDLEV; those with both P_MD_EARN_WNE and P_DEBTMEDIAN).
"""

from functools import cache
from pathlib import Path

import pytest
from alembic.config import Config
from sqlalchemy import inspect, text

from alembic import command
from crawlers.parsers import scorecard
from crawlers.parsers.csv_feed import Dropped
from pipeline.clean import clean
from pipeline.normalize.outcomes import parse_outcomes, us_state
from pipeline.normalize.tuition import residence_tuition
from pipeline.records import Program, Rejection
from pipeline.relevance import ADJACENT_SCORE, CURATED_SCORE, assess_relevance
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.migrate import ALEMBIC_INI, upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.upsert import store_programs

FETCHED_AT = "2023-08-26T15:54:58+00:00"


@cache
def _cleaned(institution_file: Path, field_of_study_file: Path) -> tuple:
    institutions = scorecard.parse_institutions(institution_file.read_bytes(), "u", FETCHED_AT)
    by_unitid = {school.unitid: school for school in institutions if isinstance(school, scorecard.Institution)}
    items = scorecard.FieldOfStudyParser(by_unitid)(field_of_study_file.read_bytes(), "u", FETCHED_AT)
    return tuple(clean(dict(item)) for item in items if not isinstance(item, Dropped))


@pytest.fixture
def cleaned(corpus):
    return _cleaned(corpus("datasets/scorecard_merged_2023_24_6429.csv.bz2"),
                    corpus("datasets/scorecard_fos_1516_1617_216638.csv.bz2"))


def test_a_field_that_leads_to_ml_keeps_its_degrees_and_the_others_are_judged_by_their_title(cleaned):
    # Statistics is data science at every level; a computing or mathematics degree is a foundation;
    # Computer Programming (11.02) and Information Science (11.04) say nothing (evaluation/GUIDE.md 1),
    # nor does an undergraduate certificate in a computing field: their titles name no ML term.
    def expected_kept(program) -> bool:
        field, credential_level = program.raw["extra"]["cip"], program.raw["credential"]
        if field in ("27.05", "30.70", "30.71"):
            return True
        return field not in ("11.02", "11.04") and not credential_level.startswith("Undergraduate Certificate")
    assert all(isinstance(program, Program) == expected_kept(program) for program in cleaned)
    refused = [program for program in cleaned if isinstance(program, Rejection)]
    assert refused and all(program.reason.startswith("off-topic") for program in refused)
    kept = [program for program in cleaned if isinstance(program, Program)]
    assert {(program.credential, program.kind) for program in kept} == {
        ("professional_certificate", "certification"),  # statistics certificates only
        ("associate", "degree"), ("bachelor", "degree"), ("graduate_certificate", "degree"), ("master", "degree"),
        ("doctorate", "degree"),
    }


def test_relevant_by_field_of_study(cleaned):
    kept = [program for program in cleaned if isinstance(program, Program)]
    statistics = [program for program in kept if program.raw["extra"]["cip"] == "27.05"]
    assert statistics and all("data_science" in program.topics for program in statistics)
    assert all(program.relevance >= ADJACENT_SCORE for program in kept)


def test_a_bachelors_tuition_in_and_out_of_state_and_its_outcomes(cleaned):
    program = next(program for program in cleaned if program.raw["source_id"] == "236948/1107/3")  # UW Seattle, CS
    assert (program.cost.model, program.cost.amount, program.cost.usd) == ("tuition", 41997.0, 4 * 41997.0)
    assert program.cost_usd_in_state == 4 * 12643.0
    assert program.cost.basis == "tuition and fees per year x 4 years, the usual full-time length of a bachelor's"
    assert (program.country, program.us_state) == ("US", "WA")
    # the school's site stands for all its programs: the program's link is a search for it
    assert (program.url_kind, program.raw["url"]) == ("search", "https://www.washington.edu/")
    assert program.url == (
        "https://duckduckgo.com/?q=Bachelor%E2%80%99s+Degree+in+Computer+Science+University+of+Washington-Seattle+Campus"
    )


def test_outcomes_keep_their_counts_and_suppressed_ones_stay_unknown(cleaned):
    yale = next(program for program in cleaned if program.raw["source_id"] == "130794/1101/3")
    # P_MD_EARN_WNE 120300 over P_EARNINGSCOUNT 25; P_DEBTMEDIAN PrivacySuppressed (P_COUNT 17)
    assert (yale.outcomes.earnings_usd, yale.outcomes.earnings_count) == (120300.0, 25)
    assert (yale.outcomes.debt_usd, yale.outcomes.debt_count, yale.outcomes.count) == (None, None, 25)


def test_at_least_300_us_degree_programs_carry_earnings_and_debt_once_stored(cleaned, tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    with writer_session(engine) as session:
        programs = [program for program in cleaned if isinstance(program, Program)]
        store_programs(session, open_run(session, "run-1", "scorecard"), programs)
    with reader_session(engine) as session:
        rows = session.execute(text(
            "SELECT earnings_usd, debt_usd, outcomes_count FROM program_catalog"
            " WHERE kind = 'degree' AND country = 'US' AND earnings_usd IS NOT NULL AND debt_usd IS NOT NULL"
        )).all()  # fmt: skip
    engine.dispose()
    # Every kept US degree with both medians, but for a few (13) that merge with a campus of the same
    # college under the same name in the same (or no known) state: Stevens-Henager College's campuses,
    # California College San Diego, American University of Puerto Rico. Same-named schools in different
    # states (Columbia College MO and SC) stay apart.
    with_both = [program for program in programs if program.kind == "degree"
                 and program.outcomes.earnings_usd is not None and program.outcomes.debt_usd is not None]
    assert len(with_both) - 15 <= len(rows) < len(with_both) and len(rows) >= 300
    assert all(earnings > 0 and debt > 0 for earnings, debt, _ in rows)
    assert sum(count is not None for _, _, count in rows) >= 300


def test_a_certificate_has_no_usual_length_so_no_total():
    yearly = {"tuition_in_state": "5000", "tuition_out_of_state": "9000"}
    tuition = residence_tuition(yearly, "graduate_certificate")
    assert (tuition.cost.usd, tuition.cost.amount, tuition.in_state_usd) == (None, 9000.0, None)
    assert tuition.cost.basis is None


def test_no_tuition_figures_is_no_residence_tuition_and_na_is_unknown():
    assert residence_tuition({}, "bachelor") is None
    assert residence_tuition({"tuition_in_state": "NA", "tuition_out_of_state": None}, "bachelor") is None
    in_state_only = residence_tuition({"tuition_in_state": "4000"}, "associate")
    assert (in_state_only.cost.usd, in_state_only.in_state_usd) == (None, 8000.0)


def test_a_count_without_its_figure_says_nothing():
    suppressed = {"earnings_usd": "PrivacySuppressed", "earnings_count": 30, "debt_usd": 0, "debt_count": 5}
    outcomes = parse_outcomes(suppressed)
    assert (outcomes.earnings_usd, outcomes.debt_usd, outcomes.count) == (None, None, None)


@pytest.mark.parametrize(
    ("country", "state", "code"),
    [("US", "WA", "WA"), ("US", "Washington", "WA"), ("US", "pr", "PR"), ("GB", "WA", None), ("US", "XX", None)],
)
def test_us_state(country, state, code):
    assert us_state(country, state) == code


def test_a_field_of_study_decides_relevance_whatever_the_title_says():
    adjacent = assess_relevance("Associate's Degree in Computer Science", field_of_study="11.07", is_degree=True)
    silent = assess_relevance("Associate's Degree in Computer Programming", field_of_study="11.02", is_degree=True)
    statistics = assess_relevance("Master's Degree in Statistics", field_of_study="27.05")
    elsewhere = assess_relevance("Bachelor's Degree in Nursing", field_of_study="51.38")
    assert (adjacent.relevant, adjacent.topics, adjacent.score) == (True, (), ADJACENT_SCORE)
    assert (statistics.relevant, statistics.topics) == (True, ("data_science",))
    assert statistics.score >= CURATED_SCORE
    assert not elsewhere.relevant and not silent.relevant  # Computer Programming says nothing of ML


def test_migration_0002_adds_the_outcomes_to_the_view_and_its_downgrade_restores_the_old_one(tmp_path):
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{tmp_path / 'migrated.db'}")
    config.attributes["configure_logger"] = False
    command.upgrade(config, "0002_scorecard")
    assert _view_columns(tmp_path)[16:20] == ["rating_count", "earnings_usd", "debt_usd", "outcomes_count"]
    command.downgrade(config, "0001")
    columns = _view_columns(tmp_path)
    assert columns[16:18] == ["rating_count", "url"] and "earnings_usd" not in columns
    engine = make_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    assert "earnings_usd" not in {column["name"] for column in inspect(engine).get_columns("programs")}
    engine.dispose()


def _view_columns(folder: Path) -> list[str]:
    engine = make_engine(f"sqlite:///{folder / 'migrated.db'}")
    with engine.connect() as connection:
        columns = list(connection.execute(text("SELECT * FROM program_catalog")).keys())
    engine.dispose()
    return columns
