"""Two writers at once on PostgreSQL: overlapping programs from two sources, stored in parallel."""

import dataclasses
import threading

from sqlalchemy import text

from pipeline.store.db import make_engine
from pipeline.store.migrate import upgrade_to_head
from tests.pipeline.test_store import EDX_COURSE, store

PROGRAMS = 40


def listings(source: str) -> list:
    return [
        dataclasses.replace(EDX_COURSE, source=source, source_id=f"{source}/{number}",
                            url=f"https://www.edx.org/course/topic-{number}",
                            title=f"Machine Learning Topic {number}")
        for number in range(PROGRAMS)
    ]


def test_two_sources_stored_at_once_give_each_program_once_with_both_sources(postgres_url):
    upgrade_to_head(postgres_url)
    engine = make_engine(postgres_url)
    errors = []
    start_together = threading.Barrier(2)

    def writer(source: str) -> None:
        start_together.wait()
        try:
            store(engine, "run-1", source, listings(source))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(f"{source}: {error!r}")

    threads = [threading.Thread(target=writer, args=(source,)) for source in ("edx-catalog", "classcentral")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with engine.connect() as connection:
        counts = connection.execute(text(
            "SELECT COUNT(*), MIN(source_count), MAX(source_count) FROM program_catalog")).one()
        records = connection.execute(text("SELECT COUNT(*) FROM source_records")).scalar()
    engine.dispose()
    assert errors == []
    assert tuple(counts) == (PROGRAMS, 2, 2)
    assert records == 2 * PROGRAMS
