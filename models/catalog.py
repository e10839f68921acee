"""The catalogue as the ranker sees it: one CatalogEntry per program, with the sources listing it.

The programs table is read by reflection, so columns that other parts of mlpath add (in-state
tuition, EU tuition-free study, College Scorecard outcomes) are used where the database has them
and are None where it does not.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, MetaData, Table, func, select

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
    url_kind: str | None = None
    cost_usd_in_state: float | None = None
    us_state: str | None = None  # two letters, for in-state tuition
    tuition_free_eu: bool | None = None
    earnings_usd: float | None = None
    debt_usd: float | None = None
    outcomes_count: int | None = None
    captured: datetime | None = None  # the newest source data behind the program
    first_source: tuple[str, str] | None = None  # (source, source_id) of its first source record

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
    max_id: int | None = None

    @property
    def fingerprint(self) -> str:
        """Changes whenever a program is added, removed or seen again."""
        seen = self.last_seen.isoformat() if self.last_seen else "-"
        return f"{self.program_count}:{self.max_id}:{seen}"


OPTIONAL_COLUMNS = ("url_kind", "cost_usd_in_state", "us_state", "tuition_free_eu", "earnings_usd", "debt_usd",
                    "outcomes_count")  # fmt: skip
_BASE_COLUMNS = [
    "id", "title", "provider", "institution", "kind", "credential", "delivery", "pacing", "level", "language",
    "country", "cost_usd", "cost_model", "cost_amount", "cost_currency", "duration_weeks_min",
    "duration_weeks_max", "effort_hours_per_week", "total_hours", "rating", "rating_count", "url", "description",
    "skills", "topics",
]  # fmt: skip


def load_catalog(engine: Engine, ids: Iterable[int] | None = None) -> list[CatalogEntry]:
    """Every program (or those of `ids`), ordered by id; empty when the database has no catalogue yet."""
    if not has_catalogue(engine):
        return []
    programs = Table("programs", MetaData(), autoload_with=engine)
    columns = [programs.c[name] for name in _BASE_COLUMNS + list(OPTIONAL_COLUMNS) if name in programs.c]
    query = select(*columns).order_by(programs.c.id)
    wanted = None if ids is None else sorted({int(i) for i in ids})
    if wanted is not None:
        query = query.where(programs.c.id.in_(wanted))
    with reader_session(engine) as session:
        sources = _sources_by_program(session, wanted)
        rows = session.execute(query).all()
    return [_entry(row._mapping, sources.get(row.id)) for row in rows]


def catalog_snapshot(engine: Engine) -> CatalogSnapshot:
    if not has_catalogue(engine):
        return CatalogSnapshot(program_count=0, last_seen=None)
    with reader_session(engine) as session:
        count, max_id, last_seen, first_seen = session.execute(
            select(func.count(Program.id), func.max(Program.id), func.max(Program.last_seen),
                   func.max(Program.first_seen))
        ).one()  # fmt: skip
    newest = max((seen for seen in (last_seen, first_seen) if seen is not None), default=None)
    return CatalogSnapshot(program_count=count, last_seen=newest, max_id=max_id)


@dataclass
class _Sources:
    names: set[str]
    first: tuple[str, str]
    captured: datetime | None


def _sources_by_program(session, ids: list[int] | None) -> dict[int, _Sources]:
    query = select(SourceRecord.program_id, SourceRecord.source, SourceRecord.source_id, SourceRecord.fetched_at,
                   SourceRecord.last_seen).order_by(SourceRecord.id)  # fmt: skip
    if ids is not None:
        query = query.where(SourceRecord.program_id.in_(ids))
    found: dict[int, _Sources] = {}
    for program_id, source, source_id, fetched_at, last_seen in session.execute(query):
        captured = _parsed(fetched_at) or last_seen
        if program_id not in found:
            found[program_id] = _Sources({source}, (source, source_id), captured)
            continue
        record = found[program_id]
        record.names.add(source)
        if captured is not None and (record.captured is None or captured > record.captured):
            record.captured = captured
    return found


def _parsed(fetched_at: str | None) -> datetime | None:
    if not fetched_at:
        return None
    try:
        parsed = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def _entry(row, sources: _Sources | None) -> CatalogEntry:
    values = dict(row)
    values["skills"] = tuple(str(skill) for skill in (values["skills"] or ()))
    values["topics"] = tuple(str(topic) for topic in (values["topics"] or ()))
    values = defaultdict(lambda: None, values)
    fields = {name: values[name] for name in _BASE_COLUMNS + list(OPTIONAL_COLUMNS)}
    if fields["tuition_free_eu"] is not None:
        fields["tuition_free_eu"] = bool(fields["tuition_free_eu"])
    return CatalogEntry(
        **fields,
        sources=tuple(sorted(sources.names)) if sources else (),
        captured=sources.captured if sources else None,
        first_source=sources.first if sources else None,
    )
