"""The crawl_runs ledger: one row per source per run, opened before the crawl and closed after it."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from pipeline.store.schema import CrawlRun


@dataclass(frozen=True)
class RunOutcome:
    status: str  # ok | failed
    pages: int = 0
    items: int = 0
    stored: int = 0
    rejected: int = 0
    errors: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, float] = field(default_factory=dict)  # field -> share of items stating it
    message: str | None = None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_run(session: Session, run_id: str, source: str) -> CrawlRun:
    run = CrawlRun(run_id=run_id, source=source, started=utc_now(), status="running", dropped={})
    session.add(run)
    session.flush()
    return run


def close_run(session: Session, run: CrawlRun, outcome: RunOutcome) -> None:
    run.finished = utc_now()
    run.status = outcome.status
    run.pages = outcome.pages
    run.items = outcome.items
    run.stored = outcome.stored
    run.rejected = outcome.rejected
    run.errors = outcome.errors
    run.dropped = outcome.dropped
    run.coverage = outcome.coverage
    run.message = outcome.message


def close_interrupted_runs(session: Session, sources: list[str]) -> int:
    """Close the runs of these sources still marked running: their process died before it could
    close them (a run closes its own rows). Returns how many were closed."""
    closed = session.execute(
        update(CrawlRun)
        .where(CrawlRun.status == "running", CrawlRun.source.in_(sources))
        .values(status="failed", finished=utc_now(), errors=1, message="interrupted")
    )
    return closed.rowcount
