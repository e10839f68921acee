"""Storage: migrations up and down, idempotent upserts, merging across sources, change history."""

import dataclasses

import pytest
from alembic.config import Config
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from alembic import command
from pipeline.records import Cost, Duration, Program, Rejection
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.matching import same_school
from pipeline.store.migrate import ALEMBIC_INI, upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.schema import Program as ProgramRow
from pipeline.store.schema import ProgramChange, RejectedItem, SourceRecord
from pipeline.store.upsert import store_programs, store_rejections

CATALOG_COLUMNS = [
    "id", "title", "provider", "kind", "credential", "delivery", "pacing", "level", "language", "country",
    "cost_usd", "cost_model", "duration_weeks", "effort_hours_per_week", "total_hours", "rating",
    "rating_count", "earnings_usd", "debt_usd", "outcomes_count", "url", "url_kind", "active", "source_count",
    "captured", "first_seen", "last_seen",
]

# Shaped like the real edX row "Machine Learning with Python: from Linear Models to Deep Learning".
EDX_COURSE = Program(
    source="edx-catalog", source_id="https://www.edx.org/course/machine-learning-with-python",
    url="https://www.edx.org/course/machine-learning-with-python",
    title="Machine Learning with Python: from Linear Models to Deep Learning", provider="edX",
    institution="Massachusetts Institute of Technology", kind="certification", credential="course",
    delivery="online", pacing="scheduled", level="advanced", language="en", country=None,
    cost=Cost(usd=300.0, model="free_audit", amount=300.0, currency="USD"),
    duration=Duration(weeks_min=15, weeks_max=15), effort_hours_per_week=12.5, total_hours=187.5,
    rating=None, rating_count=None, description="An in-depth introduction to machine learning.",
    skills=("machine learning",), topics=("ml",),
)


def store(engine, run_id, source, programs=(), rejections=()):
    with writer_session(engine) as session:
        run = open_run(session, run_id, source)
        counts = store_programs(session, run, programs)
        rejected = store_rejections(session, run, rejections)
    return counts, rejected


def count(engine, model) -> int:
    with reader_session(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


def test_migrations_go_up_and_down_and_match_the_models(database_url):
    url = database_url
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    command.check(config)  # raises when the models and the migrations disagree
    command.downgrade(config, "base")
    engine = make_engine(url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    assert inspect(engine).get_view_names() == []
    command.upgrade(config, "head")
    with engine.connect() as connection:
        columns = list(connection.execute(text("SELECT * FROM program_catalog")).keys())
    engine.dispose()
    assert columns == CATALOG_COLUMNS


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_storing_the_same_crawl_twice_changes_nothing(engine):
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    counts, _ = store(engine, "run-2", "edx-catalog", [EDX_COURSE])
    assert counts.changed == 0
    assert count(engine, ProgramRow) == 1
    assert count(engine, SourceRecord) == 1
    assert count(engine, ProgramChange) == 0


def test_the_same_program_from_two_sources_is_one_program_with_two_sources(engine):
    listed_elsewhere = dataclasses.replace(
        EDX_COURSE, source="classcentral", source_id="course/edx-machine-learning-with-python",
        cost=Cost(usd=None, model=None), rating=4.6, rating_count=31,
    )
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    store(engine, "run-1", "classcentral", [listed_elsewhere])
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT cost_usd, rating, source_count FROM program_catalog")).all()
    assert rows == [(300.0, 4.6, 2)]  # the cost the second listing did not give is kept


def test_a_record_listed_three_times_in_one_crawl_is_one_program_the_first_listing_standing(engine):
    # Coursera lists a course once per program it belongs to; one listing names the university, one not.
    in_a_program = dataclasses.replace(
        EDX_COURSE, institution=None, level="beginner", description=None, rating=4.7, rating_count=12,
    )
    counts, _ = store(engine, "run-1", "edx-catalog", [EDX_COURSE, in_a_program, EDX_COURSE])
    assert counts.stored == 3
    assert (count(engine, ProgramRow), count(engine, SourceRecord)) == (1, 1)
    with reader_session(engine) as session:
        program = session.scalars(select(ProgramRow)).one()
        record = session.scalars(select(SourceRecord)).one()
    assert record.program_id == program.id
    assert (program.institution, program.level, program.description, program.rating, program.rating_count) == (
        "Massachusetts Institute of Technology", "advanced", "An in-depth introduction to machine learning.", 4.7, 12,
    )


def test_listings_of_one_program_in_several_chunks_merge_with_what_was_just_stored(engine, monkeypatch):
    monkeypatch.setattr("pipeline.store.upsert.CHUNK_SIZE", 1)
    rated = dataclasses.replace(EDX_COURSE, source_id="rated", rating=4.7, rating_count=12)
    silent = dataclasses.replace(EDX_COURSE, source_id="silent", description=None)
    store(engine, "run-1", "edx-catalog", [EDX_COURSE, rated, silent])
    with reader_session(engine) as session:
        program = session.scalars(select(ProgramRow)).one()
    assert (program.rating, program.description) == (4.7, "An in-depth introduction to machine learning.")
    assert count(engine, SourceRecord) == 3


def test_a_record_rejected_twice_in_one_crawl_is_stored_once(engine):
    raw = {"source": "udemy-catalog", "source_id": "1236468", "title": "Complete Hypnotherapy & Hypnosis"}
    rejection = Rejection("udemy-catalog", "off-topic", raw)
    _, rejected = store(engine, "run-1", "udemy-catalog", rejections=[rejection, rejection])
    assert rejected == 2
    assert count(engine, RejectedItem) == 1


def test_a_changed_price_is_kept_in_the_history(engine):
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    dearer = dataclasses.replace(EDX_COURSE, cost=Cost(usd=349.0, model="free_audit", amount=349.0, currency="USD"))
    counts, _ = store(engine, "run-2", "edx-catalog", [dearer])
    with reader_session(engine) as session:
        changes = {(c.field, c.old_value, c.new_value) for c in session.scalars(select(ProgramChange))}
    assert changes == {("cost_usd", "300.0", "349.0"), ("cost_amount", "300.0", "349.0")}
    assert counts.changed == 2


def test_tuition_free_for_eu_residents_is_stored_beside_the_cost_but_not_in_the_view(engine):
    # Shaped like the studyineurope row "Computer Sciences", Universitat Innsbruck (Free_Tuition_EU Yes)
    innsbruck = dataclasses.replace(
        EDX_COURSE, source="studyineurope", source_id="studyineurope:f5b2a0bbde7e6a1af010",
        url="https://www.studienwahl.at/studies/engineering-sciences/computer-sciences/computer-sciences/"
        "493-computer-sciences-2-3-innsbruck.en.html",
        title="Computer Sciences", kind="degree", credential="bachelor", cost=Cost(usd=None, model=None),
        tuition_free_eu=True,
    )
    store(engine, "run-1", "studyineurope", [innsbruck])
    with reader_session(engine) as session:
        assert session.scalars(select(ProgramRow.tuition_free_eu)).one() is True
    with engine.connect() as connection:
        assert "tuition_free_eu" not in connection.execute(text("SELECT * FROM program_catalog")).keys()


def test_rejections_are_stored_with_their_reason_and_raw_item(engine):
    raw = {"source": "udemy-catalog", "source_id": "1236468", "title": "Complete Hypnotherapy & Hypnosis"}
    _, rejected = store(engine, "run-1", "udemy-catalog", rejections=[Rejection("udemy-catalog", "off-topic", raw)])
    assert rejected == 1
    with reader_session(engine) as session:
        row = session.scalars(select(RejectedItem)).one()
    assert (row.source, row.reason, row.raw) == ("udemy-catalog", "off-topic", raw)


def test_a_failed_write_leaves_nothing_half_written(engine):
    broken = dataclasses.replace(EDX_COURSE, source_id="second", title=None, url="https://example.org/2")  # NOT NULL
    with pytest.raises(IntegrityError):
        store(engine, "run-1", "edx-catalog", [EDX_COURSE, broken])
    assert count(engine, ProgramRow) == 0
    assert count(engine, SourceRecord) == 0


def test_each_field_comes_from_the_most_trusted_source_whichever_is_stored_last(engine):
    # coursera is the registry's authority on level; classcentral states another one.
    on_coursera = dataclasses.replace(EDX_COURSE, source="coursera", source_id="learn/ml-python", level="intermediate")
    on_classcentral = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="course/ml-python",
                                          level="beginner")
    for run in ("run-1", "run-2", "run-3"):
        store(engine, run, "classcentral", [on_classcentral])
        store(engine, run, "coursera", [on_coursera])
        store(engine, run, "classcentral", [on_classcentral])
        with engine.connect() as connection:
            assert connection.execute(text("SELECT level FROM programs")).scalar_one() == "intermediate"
    assert count(engine, ProgramChange) == 0  # nothing flips back and forth


def test_a_programs_own_page_beats_a_search_link_from_any_source(engine):
    search = dataclasses.replace(EDX_COURSE, source="coursera-catalog", source_id="mit/ml",
                                 url="https://www.coursera.org/search?query=ML", url_kind="search")
    store(engine, "run-1", "coursera-catalog", [search])
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    with engine.connect() as connection:
        row = connection.execute(text("SELECT url, url_kind, source_count FROM program_catalog")).one()
    assert tuple(row) == (EDX_COURSE.url, "page", 2)


def test_the_same_page_listed_under_another_title_is_one_program(engine):
    renamed = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="course/x",
                                  title="MITx 6.86x Machine Learning with Python")
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    store(engine, "run-1", "classcentral", [renamed])
    assert count(engine, ProgramRow) == 1


def test_a_near_identical_title_from_another_source_is_the_same_program(engine):
    near = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="course/y", url="https://example.org/y",
                               title="Machine Learning with Python: from Linear Model to Deep Learning")
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    store(engine, "run-1", "classcentral", [near])
    assert count(engine, ProgramRow) == 1


def test_near_identical_titles_of_one_source_stay_two_programs(engine):
    sequel = dataclasses.replace(EDX_COURSE, source_id="second", url="https://example.org/2",
                                 title="Machine Learning with Python: from Linear Models to Deep Learning II")
    store(engine, "run-1", "edx-catalog", [EDX_COURSE, sequel])
    assert count(engine, ProgramRow) == 2


def test_the_same_title_at_two_schools_is_two_programs(engine):
    elsewhere = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="course/z", url="https://example.org/z",
                                    institution="Harvard University")
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    store(engine, "run-1", "classcentral", [elsewhere])
    assert count(engine, ProgramRow) == 2


def test_a_listing_repeated_in_one_feed_is_stored_once(engine):
    counts, _ = store(engine, "run-1", "edx-catalog", [EDX_COURSE, EDX_COURSE])
    assert counts.stored == 2
    assert (count(engine, ProgramRow), count(engine, SourceRecord)) == (1, 1)


def test_captured_is_the_newest_fetch_behind_the_program(engine):
    older = dataclasses.replace(EDX_COURSE, fetched_at="2021-08-11T00:00:00Z")
    newer = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="c", fetched_at="2023-02-17T04:00:00Z")
    store(engine, "run-1", "edx-catalog", [older])
    store(engine, "run-1", "classcentral", [newer])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT captured FROM program_catalog")).scalar_one() == "2023-02-17"


def test_the_same_title_from_a_school_written_another_way_is_one_program(engine):
    other_spelling = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="course/w",
                                         url="https://example.org/w",
                                         institution="The Massachusetts Institute of Technology")
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    store(engine, "run-1", "classcentral", [other_spelling])
    assert count(engine, ProgramRow) == 1


def test_a_listing_naming_only_its_platform_joins_the_same_title_on_that_platform(engine):
    on_udemy = dataclasses.replace(EDX_COURSE, source="udemy-catalog", source_id="903744", provider="Jose Portilla",
                                   institution=None, url="https://www.udemy.com/courses/search/?q=x", url_kind="search")
    via_classcentral = dataclasses.replace(on_udemy, source="classcentral", source_id="course/udemy-x",
                                           provider="Udemy", url="https://www.classcentral.com/course/udemy-x",
                                           url_kind="page")
    on_coursera = dataclasses.replace(via_classcentral, source="coursera", source_id="learn/x", provider="Coursera",
                                      url="https://www.coursera.org/learn/x")
    store(engine, "run-1", "udemy-catalog", [on_udemy])
    store(engine, "run-1", "classcentral", [via_classcentral])
    store(engine, "run-1", "coursera", [on_coursera])
    with engine.connect() as connection:
        assert sorted(connection.execute(text("SELECT source_count FROM program_catalog")).scalars()) == [1, 2]


@pytest.mark.parametrize(("first", "second", "same"), [
    ("university of london", "university of london international programmes", True),
    ("the university of california san diego", "university of california san diego", True),
    ("university of washington", "washington university in st louis", False),
    ("university of london", "university of londonderry", False),
    ("purdue university main campus", "purdue university", True),
    ("university of barcelona", "autonomous university of barcelona", False),
    ("kiel university of applied sciences", "fulda university of applied sciences", False),
    ("universidad rovira i virgili", "rovira i virgili university", True),
    ("city university london", "city university of london", True),
    ("city university london", "university of london", False),
    ("nhh norwegian school of economics", "norwegian school of economics", True),
    ("university of salzburg", "university of augsburg", False),
    ("harvard university", "stanford university", False),
])
def test_school_names_written_another_way(first, second, same):
    assert same_school(first, second) is same
