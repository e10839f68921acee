"""Full-text search of the catalogue: title, provider, skills and description, ranked by relevance.

SQLite: an FTS5 table over `programs` (external content, kept in step by triggers, migration
0002_cli), ranked by bm25. PostgreSQL: to_tsvector/plainto_tsquery ranked by ts_rank, over the same
document as the GIN index of that migration. The dialect is chosen when the search runs.

The person's text is never SQL: it is cut into words, and each word goes to the database as a bound
parameter (on SQLite as a quoted FTS5 string, so `NEAR`, `*`, `-` or `"` are words, not operators).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, MetaData, Table, bindparam, func, inspect, literal_column, select, table
from sqlalchemy.sql import Select

from pipeline.store.schema import Program

FTS_TABLE = "programs_fts"  # with FTS5's shadow tables programs_fts_data, _idx, _docsize, _config
FTS_INDEX_POSTGRESQL = "ix_programs_fulltext"
SEARCH_OBJECTS_PREFIXES = (FTS_TABLE, FTS_INDEX_POSTGRESQL)  # not in the models: Alembic must ignore them

# Weights: a word in the title counts most, then provider and skills, then the description.
BM25_WEIGHTS = (10.0, 4.0, 4.0, 1.0)  # title, provider, skills, description (the FTS5 column order)
POSTGRESQL_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, coalesce(programs.title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(programs.provider, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(CAST(programs.skills AS TEXT), '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(programs.description, '')), 'D')"
)

MAX_WORDS = 32  # a longer text adds nothing to relevance, only work
FACETS = ("kind", "credential", "delivery", "level", "country")
FILTERS = ("kind", "credential", "delivery", "level", "country", "language")


class SearchIndexMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__("the catalogue has no search index yet: run `mlpath db upgrade`")


@dataclass(frozen=True)
class SearchFilters:
    """Exact values in the catalogue's vocabulary (on_campus, not on-campus); None: any."""

    kind: str | None = None
    credential: str | None = None
    delivery: str | None = None
    level: str | None = None
    country: str | None = None
    language: str | None = None
    budget: float | None = None  # USD: programs whose known cost is at most this

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (*FILTERS, "budget")}


@dataclass(frozen=True)
class SearchResult:
    total: int  # programs matching the text and the filters
    programs: list[dict[str, Any]]  # the best `limit`, each a program_catalog row plus its `score`
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> count ("unknown": None)


def words(text: str) -> list[str]:
    """The distinct words of the text, in order, at most MAX_WORDS."""
    found = dict.fromkeys(word.casefold() for word in re.findall(r"\w+", text))
    return list(found)[:MAX_WORDS]


def fts5_query(search_words: Sequence[str]) -> str:
    """Every word as an FTS5 string (implicit AND), so no word is read as an operator."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in search_words)


def search_programs(
    engine: Engine, text: str, filters: SearchFilters = SearchFilters(), limit: int = 20
) -> SearchResult:
    search_words = words(text)
    if not search_words:
        return SearchResult(total=0, programs=[], facets={facet: {} for facet in FACETS})
    if engine.dialect.name == "sqlite" and not inspect(engine).has_table(FTS_TABLE):
        raise SearchIndexMissing()
    catalog = Table("program_catalog", MetaData(), autoload_with=engine)
    matched = _matching(engine, catalog, search_words)
    matched = matched.where(*_filter_clauses(catalog, filters))
    with engine.connect() as connection:
        found = matched.subquery()
        total = connection.scalar(select(func.count()).select_from(found))
        rows = connection.execute(matched.order_by(literal_column("score").desc(), catalog.c.id).limit(limit))
        programs = [dict(row._mapping) for row in rows]
        facets = {facet: _counts(connection, found, facet) for facet in FACETS}
    return SearchResult(total=total, programs=programs, facets=facets)


def _matching(engine: Engine, catalog: Table, search_words: Sequence[str]) -> Select:
    """Programs matching every word, with their relevance as `score` (higher is better)."""
    if engine.dialect.name == "postgresql":
        query = func.plainto_tsquery(literal_column("'english'::regconfig"), bindparam("words", " ".join(search_words)))
        document = literal_column(POSTGRESQL_DOCUMENT)
        return (
            select(catalog, func.ts_rank(document, query).label("score"))
            .join(Program.__table__, Program.__table__.c.id == catalog.c.id)
            .where(document.op("@@")(query))
        )
    fts = table(FTS_TABLE)
    # bm25 is lower for better matches; negated so that every dialect sorts by score descending.
    bm25 = func.bm25(literal_column(FTS_TABLE), *BM25_WEIGHTS)
    return (
        select(catalog, (-bm25).label("score"))
        .join(fts, literal_column(f"{FTS_TABLE}.rowid") == catalog.c.id)
        .where(literal_column(FTS_TABLE).op("MATCH")(bindparam("words", fts5_query(search_words))))
    )


def _filter_clauses(catalog: Table, filters: SearchFilters) -> list:
    clauses = [catalog.c[name] == getattr(filters, name) for name in FILTERS if getattr(filters, name) is not None]
    if filters.budget is not None:
        clauses.append(catalog.c.cost_usd <= filters.budget)
    return clauses


def _counts(connection, found, facet: str) -> dict[str, int]:
    column = found.c[facet]
    rows = connection.execute(select(column, func.count()).group_by(column).order_by(func.count().desc(), column))
    return {("unknown" if value is None else value): count for value, count in rows}
