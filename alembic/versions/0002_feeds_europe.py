"""programs.tuition_free_eu: whether EU residents study a program tuition-free

Revision ID: 0002_feeds_europe
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_feeds_europe"
down_revision: str | None = "0002_pages_health"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tuition_free_eu", sa.Boolean(), nullable=True))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35+ and PostgreSQL can): copying the table, as batch mode does by
    # default on SQLite, fails while the program_catalog view reads it.
    with op.batch_alter_table("programs", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("tuition_free_eu")
