"""Idempotent storage of one crawl's clean programs and rejections, with a history of changes.

Each listing is kept as a source record with its own clean values; a program's values are then merged
from all of its listings by trust (pipeline/store/merge.py), so storing the same crawl again, or the
sources in another order, changes nothing but when each was last seen.
"""

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice

from sqlalchemy import Insert, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pipeline.dedupe import dedupe_key
from pipeline.normalize.outcomes import is_enriched
from pipeline.records import Outcomes, Program, Rejection
from pipeline.store.matching import CatalogueIndex
from pipeline.store.merge import EMPTY, FIELD_GROUPS, merged_values
from pipeline.store.schema import CrawlRun, ProgramChange, RejectedItem, SourceRecord
from pipeline.store.schema import Program as ProgramRow

CHUNK_SIZE = 500
ENRICHED_GROUPS = ("cost", "outcomes")  # the groups pipeline/enrich may fill; their last column is the basis
# PostgreSQL advisory lock held by the catalogue's writer until its transaction ends (any fixed number).
WRITER_LOCK = 0x6D6C70617468

# Changes kept in program_changes: price, duration and whether any source still lists the program.
TRACKED_FIELDS = (
    "cost_usd", "cost_model", "cost_amount", "cost_currency", "duration_weeks_min", "duration_weeks_max", "active",
)


@dataclass(frozen=True)
class StoredPrograms:
    stored: int  # listings stored (several may merge into one program)
    changed: int  # tracked fields of existing programs that this crawl changed


class KeptIndex:
    """The catalogue index, kept from one store to the next by a caller that holds the writer slot all
    along (flows/run.py), as the chunks of one feed share it: nobody else writes meanwhile, so the index
    a store leaves is the catalogue's, and loading it again for every feed was a third of storing.
    The caller drops it (`index = None`) when a store fails: the transaction was rolled back, the index
    was not. (Not a dataclass: Prefect walks a dataclass task parameter through every field.)"""

    def __init__(self) -> None:
        self.index: CatalogueIndex | None = None


def store_programs(session: Session, run: CrawlRun, programs: Iterable[Program],
                   kept: KeptIndex | None = None) -> StoredPrograms:  # fmt: skip
    """Upsert programs and their source records in chunks; return how many were stored or changed.

    A crawl may list one record (source, source_id) several times (a course in each program it belongs
    to): the listings are merged into one before storing, and each counts as stored.
    """
    _one_writer_at_a_time(session)
    index = kept.index if kept is not None and kept.index is not None else CatalogueIndex.load(session)
    if kept is not None:
        kept.index = index
    records, stored = merge_repeated_records(programs)
    changed = 0
    for chunk in _chunks(records, CHUNK_SIZE):
        now = datetime.now(UTC).replace(tzinfo=None)
        before = {index.by_record.get((program.source, program.source_id)) for program in chunk}
        program_ids = _assign_programs(session, index, chunk, now)
        _upsert_source_records(session, run, chunk, program_ids, now)
        affected = (set(program_ids) | before) - {None}
        changed += refresh_programs(session, affected, run, now)
    return StoredPrograms(stored=stored, changed=changed)


def _one_writer_at_a_time(session: Session) -> None:
    """On PostgreSQL, wait for any other writer's transaction to end before reading the catalogue: two
    writers storing the same programs chunk by chunk would otherwise deadlock, and each would match
    listings against a catalogue missing the other's programs. (SQLite: BEGIN IMMEDIATE does this.)"""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(WRITER_LOCK)))


def merge_repeated_records(programs: Iterable[Program]) -> tuple[list[Program], int]:
    """One program per record, in first-listed order, and the number of listings. The listings of one
    crawl are equally recent: the first one's values stand, later ones fill what it left unknown."""
    records: dict[tuple[str, str], Program] = {}
    listings = 0
    for program in programs:
        listings += 1
        record = (program.source, program.source_id)
        first = records.get(record)
        records[record] = program if first is None else _gaps_filled(first, program)
    return list(records.values()), listings


def _gaps_filled(first: Program, later: Program) -> Program:
    gaps = {
        field.name: getattr(later, field.name)
        for field in dataclasses.fields(Program)
        if _unknown(getattr(first, field.name)) and not _unknown(getattr(later, field.name))
    }
    return dataclasses.replace(first, **gaps) if gaps else first


def _unknown(value: object) -> bool:
    if dataclasses.is_dataclass(value):  # Cost, Duration: unknown when every part is
        return all(getattr(value, field.name) is None for field in dataclasses.fields(value))
    return value in (None, (), "", {})


def refresh_programs(session: Session, program_ids: set[int], run: CrawlRun, now: datetime) -> int:
    """Re-merge these programs from their listings; record tracked changes; return how many.

    A program first seen in this run has no history yet: what a second source adds to it is not a change.
    """
    listings = defaultdict(list)
    captured: dict[int, str] = {}
    records = select(SourceRecord.program_id, SourceRecord.source, SourceRecord.source_id, SourceRecord.values,
                     SourceRecord.fetched_at).where(SourceRecord.program_id.in_(program_ids))
    for program_id, source, source_id, values, fetched_at in session.execute(records):
        listings[program_id].append((source, source_id, values))
        if fetched_at:
            captured[program_id] = max(captured.get(program_id, ""), fetched_at[:10])
    changes = []
    rows = select(ProgramRow).where(ProgramRow.id.in_(program_ids)).with_for_update()
    for row in session.scalars(rows):
        if listings[row.id]:
            values = {**_kept_enrichment(row, _from_json(merged_values(listings[row.id]))), "active": True,
                      "captured": captured.get(row.id), "last_seen": now}
        else:
            values = {"active": False}  # its last listing moved to another program
        for field, value in values.items():
            old = getattr(row, field)
            if old == value:
                continue
            if field in TRACKED_FIELDS and row.first_seen < run.started:
                changes.append(ProgramChange(program_id=row.id, crawl_run_id=run.id, field=field,
                                             old_value=_text(old), new_value=_text(value), changed_at=now))
            setattr(row, field, value)
    session.add_all(changes)
    session.flush()
    return len(changes)


def _kept_enrichment(row: ProgramRow, merged: dict) -> dict:
    """The merged values, less the groups that no listing states but an enrichment after storing gave
    the program (pipeline/enrich: College Scorecard tuition and outcomes): those stay as they are."""
    for group in ENRICHED_GROUPS:
        columns = FIELD_GROUPS[group]
        if all(merged.get(column) in EMPTY for column in columns) and is_enriched(getattr(row, columns[-1])):
            for column in columns:
                merged.pop(column, None)
    return merged


def store_rejections(session: Session, run: CrawlRun, rejections: Iterable[Rejection]) -> int:
    count = 0
    for chunk in _chunks(rejections, CHUNK_SIZE):
        rows = [
            {
                "crawl_run_id": run.id,
                "source": rejection.source,
                "source_key": str(rejection.raw.get("source_id") or f"#{count + position}"),
                "raw": rejection.raw,
                "reason": rejection.reason,
            }
            for position, rejection in enumerate(chunk)
        ]
        # Rows as parameters (executemany), as in _insert_programs.
        session.execute(_insert(session, RejectedItem).on_conflict_do_nothing(), rows)
        count += len(chunk)
    return count


def _assign_programs(session: Session, index: CatalogueIndex, chunk: Sequence[Program],
                     now: datetime) -> list[int]:
    """The program id of each listing, inserting the programs not stored yet (in one statement)."""
    refs: list[int] = []
    new: dict[int, Program] = {}  # provisional (negative) id -> the listing that creates the program
    for program in chunk:
        ref = index.program_of(program)
        if ref is None:
            ref = -(len(new) + 1)
            new[ref] = program
        index.add(program, ref)
        refs.append(ref)
    ids_by_key = _insert_programs(session, {dedupe_key(program): program for program in new.values()}, now)
    real_ids = {ref: ids_by_key[dedupe_key(program)] for ref, program in new.items()}
    index.settle(real_ids)
    return [real_ids.get(ref, ref) for ref in refs]


def _insert_programs(session: Session, new: dict[str, Program], now: datetime) -> dict[str, int]:
    if not new:
        return {}
    rows = [{**_program_values(program), "dedupe_key": key, "first_seen": now, "last_seen": now,
             "captured": (program.fetched_at or "")[:10] or None} for key, program in new.items()]
    # Rows as parameters (executemany), not .values(rows): one statement compiled once and cached,
    # instead of a new multi-row VALUES statement compiled for every chunk (half the storing time).
    statement = _insert(session, ProgramRow).on_conflict_do_nothing(index_elements=["dedupe_key"])
    ids = dict(session.execute(statement.returning(ProgramRow.dedupe_key, ProgramRow.id), rows).all())
    if missing := set(new) - set(ids):  # inserted meanwhile by another writer
        found = select(ProgramRow.dedupe_key, ProgramRow.id).where(ProgramRow.dedupe_key.in_(missing))
        ids.update(session.execute(found).all())
    return ids


def _program_values(program: Program) -> dict:
    return {
        "title": program.title,
        "provider": program.provider,
        "institution": program.institution,
        "kind": program.kind,
        "credential": program.credential,
        "delivery": program.delivery,
        "pacing": program.pacing,
        "level": program.level,
        "language": program.language,
        "country": program.country,
        "cost_usd": program.cost.usd,
        "cost_model": program.cost.model,
        "cost_amount": program.cost.amount,
        "cost_currency": program.cost.currency,
        "cost_rate_date": program.cost.rate_date,
        "cost_basis": program.cost.basis,
        "tuition_free_eu": program.tuition_free_eu,
        "cost_usd_in_state": program.cost_usd_in_state,
        "us_state": program.us_state,
        **outcome_values(program.outcomes),
        "duration_weeks_min": program.duration.weeks_min,
        "duration_weeks_max": program.duration.weeks_max,
        "effort_hours_per_week": program.effort_hours_per_week,
        "total_hours": program.total_hours,
        "rating": program.rating,
        "rating_count": program.rating_count,
        "url": program.url,
        "url_kind": program.url_kind,
        "description": program.description,
        "skills": list(program.skills),
        "topics": list(program.topics),
        "relevance": program.relevance,
    }


def outcome_values(outcomes: Outcomes) -> dict:
    return {
        "earnings_usd": outcomes.earnings_usd,
        "earnings_count": outcomes.earnings_count,
        "debt_usd": outcomes.debt_usd,
        "debt_count": outcomes.debt_count,
        "outcomes_count": outcomes.count,
        "outcomes_basis": outcomes.basis,
    }


def _upsert_source_records(
    session: Session, run: CrawlRun, programs: Sequence[Program], program_ids: list[int], now: datetime
) -> None:
    rows = {
        (program.source, program.source_id): {
            "program_id": program_id,
            "crawl_run_id": run.id,
            "source": program.source,
            "source_id": program.source_id,
            "url": program.url,
            "raw": program.raw,
            "values": _to_json(_program_values(program)),
            "fetched_at": program.fetched_at,
            "first_seen": now,
            "last_seen": now,
        }
        for program, program_id in zip(programs, program_ids, strict=True)
    }
    statement = _insert(session, SourceRecord)
    updatable = ("program_id", "crawl_run_id", "url", "raw", "values", "fetched_at", "last_seen")
    statement = statement.on_conflict_do_update(
        index_elements=["source", "source_id"], set_={field: statement.excluded[field] for field in updatable}
    )
    session.execute(statement, list(rows.values()))


def _to_json(values: dict) -> dict:
    return {field: value.isoformat() if isinstance(value, date) else value for field, value in values.items()}


def _from_json(values: dict) -> dict:
    rate_date = values.get("cost_rate_date")
    return {**values, "cost_rate_date": date.fromisoformat(rate_date) if rate_date else None}


def _insert(session: Session, table) -> Insert:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"unsupported database dialect: {dialect} (use SQLite or PostgreSQL)")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _text(value) -> str | None:
    return None if value is None else str(value)
