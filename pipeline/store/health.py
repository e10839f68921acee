"""Source health: each source's last run against its previous successful one.

A source is flagged when its last run failed, or when its items or the coverage of any watched field
fell by half or more since its previous successful run: the site changed its markup, and a broken
spider must be visible, not silent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawlers.registry import SOURCES
from pipeline.store.schema import CrawlRun

NEVER_RUN = "never run"
FALL = 0.5  # a figure at or below half of what it was is a fall


@dataclass(frozen=True)
class SourceHealth:
    name: str
    status: str  # of its last run (ok | failed | running), or "never run"
    last_run: datetime | None
    items: int | None
    coverage: dict[str, float]
    flags: list[str] = field(default_factory=list)  # why it is flagged; empty when it is not

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def health(self) -> str:
        if self.flags:
            return "; ".join(self.flags)
        return NEVER_RUN if self.status == NEVER_RUN else "ok"


def sources_health(session: Session) -> list[SourceHealth]:
    """The health of every source of the registry, in name order."""
    return [_health(session, name) for name in sorted(SOURCES)]


def _health(session: Session, name: str) -> SourceHealth:
    last = session.scalars(select(CrawlRun).where(CrawlRun.source == name).order_by(CrawlRun.id.desc())).first()
    if last is None:
        return SourceHealth(name, NEVER_RUN, None, None, {})
    flags = []
    if last.status == "failed":
        flags.append(f"last run failed: {last.message or 'no message'}")
    elif last.status == "ok":
        previous = session.scalars(
            select(CrawlRun)
            .where(CrawlRun.source == name, CrawlRun.status == "ok", CrawlRun.id < last.id)
            .order_by(CrawlRun.id.desc())
        ).first()
        if previous is not None:
            flags.extend(falls(previous, last))
    return SourceHealth(name, last.status, last.finished or last.started, last.items, last.coverage or {}, flags)


def falls(previous: CrawlRun, last: CrawlRun) -> list[str]:
    """What fell by half or more from the previous successful run to the last one."""
    found = []
    if _fell(previous.items, last.items):
        found.append(f"items fell from {previous.items} to {last.items}")
    before, now = previous.coverage or {}, last.coverage or {}
    for name in sorted(before):
        if name in now and _fell(before[name], now[name]):
            found.append(f"{name} coverage fell from {before[name]:.0%} to {now[name]:.0%}")
    return found


def _fell(before: float | None, now: float | None) -> bool:
    return bool(before) and now is not None and now <= before * FALL
