"""Engines and sessions. SQLite gets WAL, foreign keys, a busy timeout and an IMMEDIATE writer."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (so BEGIN IMMEDIATE works).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A writer that reads first must hold the write lock from the start: a deferred
        # read-then-write transaction fails with "database is locked" under a concurrent writer.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info.get("writer") else "BEGIN")


@contextmanager
def writer_session(engine: Engine) -> Iterator[Session]:
    """One write transaction, committed on success, rolled back on any error."""
    with engine.connect() as connection:
        connection.info["writer"] = True
        try:
            with Session(bind=connection) as session, session.begin():
                yield session
        finally:
            connection.info.pop("writer", None)


@contextmanager
def reader_session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def has_catalogue(engine: Engine) -> bool:
    """Whether the database has been migrated: a fresh one has no tables until `mlpath db upgrade`."""
    inspector = inspect(engine)
    return inspector.has_table("programs") and inspector.has_table("source_records")
