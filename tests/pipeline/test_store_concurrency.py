"""An analyst reading while a run writes: no "database is locked", no partial batch, on SQLite (WAL, the
writer in BEGIN IMMEDIATE, readers on their own connections) and on PostgreSQL; and two writers storing
the same programs from two sources at once on PostgreSQL end with one program per key."""

import threading

from sqlalchemy import text

from pipeline.records import Cost, Duration, Program
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import RunOutcome, close_run, open_run
from pipeline.store.upsert import CHUNK_SIZE, store_programs

BATCH = CHUNK_SIZE + 100  # over one chunk: a reader seeing chunks one by one would see a partial batch
BATCHES = 3
READERS = 2


def program(source: str, number: int) -> Program:
    return Program(
        source=source, source_id=f"{source}-{number}", url=f"https://{source}.example/programs/{number}",
        title=f"Applied Machine Learning {number}", provider=f"Example University {number}", institution=None,
        kind="certification", credential="professional_certificate", delivery="online", pacing="self_paced",
        level=None, language="en", country=None, cost=Cost(usd=100.0 + number, model="one_time"),
        duration=Duration(4.0, 6.0), effort_hours_per_week=None, total_hours=None, rating=None,
        rating_count=None, description=None,
    )


def store(engine, source: str, programs: list[Program]) -> None:
    with writer_session(engine) as session:
        run = open_run(session, f"run-{source}", source)
        stored = store_programs(session, run, programs)
        close_run(session, run, RunOutcome(status="ok", items=len(programs), stored=stored.stored))


def count(engine, table: str) -> int:
    with reader_session(engine) as session:
        return session.scalar(text(f"SELECT COUNT(*) FROM {table}"))


def read_while_writing(url: str) -> list[int]:
    """One writer stores BATCHES batches while READERS threads count the catalogue, each with its own
    engine; returns every count a reader saw. Any reader error fails the test."""
    upgrade_to_head(url)
    writer = make_engine(url)
    done, seen, errors = threading.Event(), [], []

    def read() -> None:
        engine = make_engine(url)
        try:
            while not done.is_set():
                seen.append(count(engine, "program_catalog"))
        except Exception as error:  # noqa: BLE001 - reported by the test, with its message
            errors.append(repr(error))
        finally:
            engine.dispose()

    readers = [threading.Thread(target=read) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    try:
        for batch in range(BATCHES):
            store(writer, "coursera", [program("coursera", batch * BATCH + number) for number in range(BATCH)])
    finally:
        done.set()
        for reader in readers:
            reader.join()
        final = count(writer, "program_catalog")
        writer.dispose()
    assert errors == []
    assert final == BATCHES * BATCH
    return seen


def assert_whole_batches(seen: list[int]) -> None:
    assert {count % BATCH for count in seen} == {0}, sorted(set(seen))
    assert all(0 <= count <= BATCHES * BATCH for count in seen)
    assert any(0 < count < BATCHES * BATCH for count in seen)  # the readers read while the writer wrote


def test_readers_see_whole_batches_on_sqlite(tmp_path):
    assert_whole_batches(read_while_writing(f"sqlite:///{tmp_path / 'catalogue.db'}"))


def test_readers_see_whole_batches_on_postgresql(postgres_url):
    assert_whole_batches(read_while_writing(postgres_url))


def test_two_writers_on_postgresql(postgres_url):
    """coursera and classcentral list the same programs (the same dedupe keys; more than a chunk), in
    opposite orders, stored at the same moment: one program per key, both listings of each, no deadlock."""
    upgrade_to_head(postgres_url)
    numbers = list(range(BATCH))
    listings = {"coursera": [program("coursera", n) for n in numbers],
                "classcentral": [program("classcentral", n) for n in reversed(numbers)]}
    start, errors = threading.Barrier(len(listings)), []
    engines = {source: make_engine(postgres_url) for source in listings}

    def write(source: str) -> None:
        start.wait()
        try:
            store(engines[source], source, listings[source])
        except Exception as error:  # noqa: BLE001 - reported by the test, with its message
            errors.append(repr(error))

    writers = [threading.Thread(target=write, args=(source,)) for source in listings]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    engine = engines["coursera"]
    try:
        assert errors == []
        assert count(engine, "programs") == len(numbers)
        assert count(engine, "source_records") == 2 * len(numbers)
        with reader_session(engine) as session:
            per_program = session.execute(text(
                "SELECT COUNT(DISTINCT source), COUNT(*) FROM source_records GROUP BY program_id")).all()
            sources = session.scalars(text("SELECT DISTINCT source_count FROM program_catalog")).all()
        assert set(per_program) == {(2, 2)}
        assert sources == [2]
    finally:
        for each in engines.values():
            each.dispose()
