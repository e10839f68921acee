"""scorecard: outcomes (earnings, debt and their graduate counts), US in-state tuition and state

Revision ID: 0002_scorecard
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_scorecard"
down_revision: str | None = "0002_feeds_europe"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def new_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("cost_usd_in_state", sa.Float(), nullable=True),
        sa.Column("us_state", sa.String(length=2), nullable=True),
        sa.Column("earnings_usd", sa.Float(), nullable=True),
        sa.Column("earnings_count", sa.Integer(), nullable=True),
        sa.Column("debt_usd", sa.Float(), nullable=True),
        sa.Column("debt_count", sa.Integer(), nullable=True),
        sa.Column("outcomes_count", sa.Integer(), nullable=True),
        sa.Column("outcomes_basis", sa.Text(), nullable=True),
    )


PROGRAM_CATALOG = """
CREATE VIEW program_catalog AS
SELECT p.id, p.title, p.provider, p.kind, p.credential, p.delivery, p.pacing, p.level,
       p.language, p.country, p.cost_usd, p.cost_model,
       COALESCE(p.duration_weeks_max, p.duration_weeks_min) AS duration_weeks,
       p.effort_hours_per_week, p.total_hours, p.rating, p.rating_count,
       p.earnings_usd, p.debt_usd, p.outcomes_count, p.url,
       (SELECT COUNT(DISTINCT r.source) FROM source_records r WHERE r.program_id = p.id) AS source_count,
       p.first_seen, p.last_seen
FROM programs p
"""

# The view of 0001, restored on downgrade.
PROGRAM_CATALOG_0001 = """
CREATE VIEW program_catalog AS
SELECT p.id, p.title, p.provider, p.kind, p.credential, p.delivery, p.pacing, p.level,
       p.language, p.country, p.cost_usd, p.cost_model,
       COALESCE(p.duration_weeks_max, p.duration_weeks_min) AS duration_weeks,
       p.effort_hours_per_week, p.total_hours, p.rating, p.rating_count, p.url,
       (SELECT COUNT(DISTINCT r.source) FROM source_records r WHERE r.program_id = p.id) AS source_count,
       p.first_seen, p.last_seen
FROM programs p
"""


def upgrade() -> None:
    # The view reads programs: SQLite cannot rebuild a table a view depends on, so it goes first.
    op.execute("DROP VIEW program_catalog")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        for column in new_columns():
            batch_op.add_column(column)
    op.execute(PROGRAM_CATALOG)


def downgrade() -> None:
    op.execute("DROP VIEW program_catalog")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        for column in reversed(new_columns()):
            batch_op.drop_column(column.name)
    op.execute(PROGRAM_CATALOG_0001)
