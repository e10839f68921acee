"""The catalogue as the ranker sees it: one CatalogEntry per program, with the sources listing it."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from pipeline.store.db import has_catalogue, reader_session
from pipeline.store.schema import Program, SourceRecord


class EmptyCatalogError(RuntimeError):
    """The database holds no programs yet."""

    def __init__(self) -> None:
        super().__init__("no programs in the catalogue: run `mlpath run` first")


@dataclass(frozen=True)
class CatalogEntry:
    id: int
    title: str
    provider: str | None
    institution: str | None
    kind: str  # certification | degree
    credential: str
    delivery: str | None
    pacing: str | None
    level: str | None
    language: str | None
    country: str | None
    cost_usd: float | None  # None: unknown, never zero unless free
    cost_model: str | None
    cost_amount: float | None
    cost_currency: str | None
    duration_weeks_min: float | None
    duration_weeks_max: float | None
    effort_hours_per_week: float | None
    total_hours: float | None
    rating: float | None
    rating_count: int | None
    url: str
    description: str | None = None
    skills: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def duration_weeks(self) -> float | None:
        """The longer end, as the program_catalog view shows it: a plan is never too optimistic."""
        return self.duration_weeks_max if self.duration_weeks_max is not None else self.duration_weeks_min

    @property
    def text(self) -> str:
        """What the interest match reads: title, description and skills."""
        return " ".join(part for part in (self.title, self.description or "", " ".join(self.skills)) if part)


@dataclass(frozen=True)
class CatalogSnapshot:
    program_count: int
    last_seen: datetime | None


_ENTRY_COLUMNS = [
    Program.id, Program.title, Program.provider, Program.institution, Program.kind, Program.credential,
    Program.delivery, Program.pacing, Program.level, Program.language, Program.country, Program.cost_usd,
    Program.cost_model, Program.cost_amount, Program.cost_currency, Program.duration_weeks_min,
    Program.duration_weeks_max, Program.effort_hours_per_week, Program.total_hours, Program.rating,
    Program.rating_count, Program.url, Program.description, Program.skills, Program.topics,
]


def load_catalog(engine: Engine) -> list[CatalogEntry]:
    """Every program, ordered by id; an empty list when the database has no catalogue yet."""
    if not has_catalogue(engine):
        return []
    with reader_session(engine) as session:
        sources = _sources_by_program(session)
        rows = session.execute(select(*_ENTRY_COLUMNS).order_by(Program.id)).all()
    return [_entry(row._mapping, sources.get(row.id, ())) for row in rows]


def catalog_snapshot(engine: Engine) -> CatalogSnapshot:
    if not has_catalogue(engine):
        return CatalogSnapshot(program_count=0, last_seen=None)
    with reader_session(engine) as session:
        count, last_seen = session.execute(select(func.count(Program.id), func.max(Program.last_seen))).one()
    return CatalogSnapshot(program_count=count, last_seen=last_seen)


def _sources_by_program(session) -> dict[int, tuple[str, ...]]:
    pairs = session.execute(select(SourceRecord.program_id, SourceRecord.source).distinct()).all()
    sources: dict[int, set[str]] = defaultdict(set)
    for program_id, source in pairs:
        sources[program_id].add(source)
    return {program_id: tuple(sorted(names)) for program_id, names in sources.items()}


def _entry(row, sources: tuple[str, ...]) -> CatalogEntry:
    values = dict(row)
    values["skills"] = tuple(str(skill) for skill in (values["skills"] or ()))
    values["topics"] = tuple(str(topic) for topic in (values["topics"] or ()))
    return CatalogEntry(**values, sources=sources)
