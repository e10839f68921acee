"""Storage: migrations up and down, idempotent upserts, merging across sources, change history."""

import dataclasses

import pytest
from alembic.config import Config
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from alembic import command
from pipeline.records import Cost, Duration, Program, Rejection
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.migrate import ALEMBIC_INI, upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.schema import Program as ProgramRow
from pipeline.store.schema import ProgramChange, RejectedItem, SourceRecord
from pipeline.store.upsert import store_programs, store_rejections

CATALOG_COLUMNS = [
    "id", "title", "provider", "kind", "credential", "delivery", "pacing", "level", "language", "country",
    "cost_usd", "cost_model", "duration_weeks", "effort_hours_per_week", "total_hours", "rating",
    "rating_count", "earnings_usd", "debt_usd", "outcomes_count", "url", "source_count", "first_seen", "last_seen",
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


@pytest.fixture
def engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def store(engine, run_id, source, programs=(), rejections=()):
    with writer_session(engine) as session:
        run = open_run(session, run_id, source)
        counts = store_programs(session, run, programs)
        rejected = store_rejections(session, run, rejections)
    return counts, rejected


def count(engine, model) -> int:
    with reader_session(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


def test_migrations_go_up_and_down_and_match_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'migrated.db'}"
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    command.check(config)  # raises when the models and the migrations disagree
    command.downgrade(config, "base")
    engine = make_engine(url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    command.upgrade(config, "head")
    with engine.connect() as connection:
        columns = list(connection.execute(text("SELECT * FROM program_catalog")).keys())
    assert columns == CATALOG_COLUMNS


def test_sqlite_runs_in_wal_mode_with_foreign_keys(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


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


def test_a_changed_price_is_kept_in_the_history(engine):
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    dearer = dataclasses.replace(EDX_COURSE, cost=Cost(usd=349.0, model="free_audit", amount=349.0, currency="USD"))
    counts, _ = store(engine, "run-2", "edx-catalog", [dearer])
    with reader_session(engine) as session:
        changes = {(c.field, c.old_value, c.new_value) for c in session.scalars(select(ProgramChange))}
    assert changes == {("cost_usd", "300.0", "349.0"), ("cost_amount", "300.0", "349.0")}
    assert counts.changed == 2


def test_rejections_are_stored_with_their_reason_and_raw_item(engine):
    raw = {"source": "udemy-catalog", "source_id": "1236468", "title": "Complete Hypnotherapy & Hypnosis"}
    _, rejected = store(engine, "run-1", "udemy-catalog", rejections=[Rejection("udemy-catalog", "off-topic", raw)])
    assert rejected == 1
    with reader_session(engine) as session:
        row = session.scalars(select(RejectedItem)).one()
    assert (row.source, row.reason, row.raw) == ("udemy-catalog", "off-topic", raw)


def test_a_failed_write_leaves_nothing_half_written(engine):
    broken = dataclasses.replace(EDX_COURSE, source_id="second", title=None)  # NOT NULL title
    with pytest.raises(IntegrityError):
        store(engine, "run-1", "edx-catalog", [EDX_COURSE, broken])
    assert count(engine, ProgramRow) == 0
    assert count(engine, SourceRecord) == 0
