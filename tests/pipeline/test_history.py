"""Programs no source lists any more leave the catalogue's active set, never the database."""

import dataclasses

from sqlalchemy import select, text

from pipeline.store.db import reader_session, writer_session
from pipeline.store.history import mark_unlisted
from pipeline.store.runs import RunOutcome, close_run, open_run
from pipeline.store.schema import ProgramChange
from pipeline.store.upsert import store_programs
from tests.pipeline.test_store import EDX_COURSE

OTHER = dataclasses.replace(EDX_COURSE, source_id="other", url="https://example.org/other", title="Deep Learning")


def crawl(engine, run_id, source, programs, status="ok"):
    with writer_session(engine) as session:
        run = open_run(session, run_id, source)
        store_programs(session, run, programs)
        close_run(session, run, RunOutcome(status=status))


def active_titles(engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text("SELECT title FROM program_catalog WHERE active")).scalars())


def unlist(engine, run_id) -> int:
    with writer_session(engine) as session:
        return mark_unlisted(session, run_id)


def test_a_program_its_source_no_longer_lists_becomes_inactive_and_is_kept(engine):
    crawl(engine, "run-1", "edx-catalog", [EDX_COURSE, OTHER])
    crawl(engine, "run-2", "edx-catalog", [EDX_COURSE])
    assert unlist(engine, "run-2") == 1
    assert active_titles(engine) == {EDX_COURSE.title}
    with reader_session(engine) as session:
        change = session.scalars(select(ProgramChange)).one()
    assert (change.field, change.old_value, change.new_value) == ("active", "True", "False")


def test_a_failed_source_marks_nothing_inactive(engine):
    crawl(engine, "run-1", "edx-catalog", [EDX_COURSE, OTHER])
    crawl(engine, "run-2", "edx-catalog", [], status="failed")
    assert unlist(engine, "run-2") == 0
    assert active_titles(engine) == {EDX_COURSE.title, OTHER.title}


def test_a_program_still_listed_by_a_source_not_crawled_this_run_stays_active(engine):
    elsewhere = dataclasses.replace(OTHER, source="classcentral", source_id="course/deep-learning")
    crawl(engine, "run-1", "edx-catalog", [EDX_COURSE, OTHER])
    crawl(engine, "run-1", "classcentral", [elsewhere])
    crawl(engine, "run-2", "edx-catalog", [EDX_COURSE])
    assert unlist(engine, "run-2") == 0


def test_a_program_listed_again_is_active_again(engine):
    crawl(engine, "run-1", "edx-catalog", [EDX_COURSE, OTHER])
    crawl(engine, "run-2", "edx-catalog", [EDX_COURSE])
    unlist(engine, "run-2")
    crawl(engine, "run-3", "edx-catalog", [EDX_COURSE, OTHER])
    assert active_titles(engine) == {EDX_COURSE.title, OTHER.title}
