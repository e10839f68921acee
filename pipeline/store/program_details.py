"""Everything stored about some programs: their program_catalog row, the listing's own figures, and
the sources that list them with the date each last saw them.

The view's columns are read as the view has them (other columns, such as outcomes, arrive with later
migrations), so callers look values up by name and treat a missing one as unknown.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, MetaData, Table, select

from pipeline.store.schema import Program, SourceRecord

LISTING_COLUMNS = (
    Program.institution, Program.cost_amount, Program.cost_currency, Program.cost_rate_date, Program.cost_basis,
    Program.duration_weeks_min, Program.duration_weeks_max, Program.description, Program.skills,
)  # fmt: skip


def program_details(engine: Engine, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """By id, for the ids that exist: the view's row, the listing's figures, `sources` and `captured`."""
    wanted = sorted(set(ids))
    catalog = Table("program_catalog", MetaData(), autoload_with=engine)
    with engine.connect() as connection:
        rows = connection.execute(select(catalog).where(catalog.c.id.in_(wanted))).mappings().all()
        listings = connection.execute(select(Program.id, *LISTING_COLUMNS).where(Program.id.in_(wanted))).mappings()
        listing_by_id = {listing["id"]: dict(listing) for listing in listings}
        sources = _sources(connection, wanted)
    details = {}
    for row in rows:
        found = {**listing_by_id.get(row["id"], {}), **row}
        found["sources"] = sources.get(row["id"], [])
        found["captured"] = row.get("captured") or _newest_fetch(found["sources"])
        details[row["id"]] = found
    return details


def _sources(connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    query = (
        select(SourceRecord.program_id, SourceRecord.source, SourceRecord.url, SourceRecord.last_seen,
               SourceRecord.fetched_at)
        .where(SourceRecord.program_id.in_(ids))
        .order_by(SourceRecord.program_id, SourceRecord.source, SourceRecord.last_seen.desc())
    )  # fmt: skip
    by_program: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for record in connection.execute(query).mappings():
        by_program[record["program_id"]].append(
            {key: record[key] for key in ("source", "url", "last_seen", "fetched_at")}
        )
    return by_program


def _newest_fetch(sources: list[dict[str, Any]]) -> str | None:
    """The date of the newest page or file behind the program (fetched_at is ISO 8601 text)."""
    fetched = [record["fetched_at"] for record in sources if record["fetched_at"]]
    return max(fetched)[:10] if fetched else None
