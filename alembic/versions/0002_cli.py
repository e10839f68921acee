"""full-text search of the catalogue

SQLite: an FTS5 table over programs (external content: it stores only the index) kept in step by
triggers on insert, update and delete. PostgreSQL: a GIN index over the weighted document that
pipeline/store/search.py queries. Neither is in the models: alembic/env.py leaves them out of
autogenerate.

Revision ID: 0002_cli
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_cli"
down_revision: str | None = "0002_ranker"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "title, provider, skills, description"

SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE programs_fts USING fts5(
        {COLUMNS}, content='programs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER programs_fts_after_insert AFTER INSERT ON programs BEGIN
        INSERT INTO programs_fts(rowid, {COLUMNS})
        VALUES (new.id, new.title, new.provider, new.skills, new.description);
    END""",
    f"""CREATE TRIGGER programs_fts_after_delete AFTER DELETE ON programs BEGIN
        INSERT INTO programs_fts(programs_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title, old.provider, old.skills, old.description);
    END""",
    f"""CREATE TRIGGER programs_fts_after_update AFTER UPDATE ON programs BEGIN
        INSERT INTO programs_fts(programs_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title, old.provider, old.skills, old.description);
        INSERT INTO programs_fts(rowid, {COLUMNS})
        VALUES (new.id, new.title, new.provider, new.skills, new.description);
    END""",
    "INSERT INTO programs_fts(programs_fts) VALUES ('rebuild')",  # index the programs already stored
]
SQLITE_DOWN = [
    "DROP TRIGGER programs_fts_after_update",
    "DROP TRIGGER programs_fts_after_delete",
    "DROP TRIGGER programs_fts_after_insert",
    "DROP TABLE programs_fts",
]

# The same document as pipeline/store/search.py POSTGRESQL_DOCUMENT, so that the planner uses the index.
POSTGRESQL_UP = [
    """CREATE INDEX ix_programs_fulltext ON programs USING GIN ((
        setweight(to_tsvector('english'::regconfig, coalesce(programs.title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(programs.provider, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(CAST(programs.skills AS TEXT), '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(programs.description, '')), 'D')))""",
]
POSTGRESQL_DOWN = ["DROP INDEX ix_programs_fulltext"]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRESQL_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRESQL_DOWN})
