"""catalogue schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 19:06:20.050768
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROGRAM_CATALOG = """
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
    op.create_table('crawl_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('started', sa.DateTime(), nullable=False),
    sa.Column('finished', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('stored', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('dropped', sa.JSON(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crawl_runs'))
    )
    with op.batch_alter_table('crawl_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crawl_runs_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crawl_runs_source'), ['source'], unique=False)

    op.create_table('programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dedupe_key', sa.String(length=255), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('provider', sa.Text(), nullable=True),
    sa.Column('institution', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('credential', sa.String(length=32), nullable=False),
    sa.Column('delivery', sa.String(length=16), nullable=True),
    sa.Column('pacing', sa.String(length=16), nullable=True),
    sa.Column('level', sa.String(length=16), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('cost_usd', sa.Float(), nullable=True),
    sa.Column('cost_model', sa.String(length=16), nullable=True),
    sa.Column('cost_amount', sa.Float(), nullable=True),
    sa.Column('cost_currency', sa.String(length=3), nullable=True),
    sa.Column('cost_rate_date', sa.Date(), nullable=True),
    sa.Column('cost_basis', sa.Text(), nullable=True),
    sa.Column('duration_weeks_min', sa.Float(), nullable=True),
    sa.Column('duration_weeks_max', sa.Float(), nullable=True),
    sa.Column('effort_hours_per_week', sa.Float(), nullable=True),
    sa.Column('total_hours', sa.Float(), nullable=True),
    sa.Column('rating', sa.Float(), nullable=True),
    sa.Column('rating_count', sa.Integer(), nullable=True),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('relevance', sa.Float(), nullable=True),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_seen', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programs')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_programs_dedupe_key'))
    )
    with op.batch_alter_table('programs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programs_kind'), ['kind'], unique=False)

    op.create_table('program_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('crawl_run_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['crawl_run_id'], ['crawl_runs.id'], name=op.f('fk_program_changes_crawl_run_id_crawl_runs')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_program_changes_program_id_programs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program_changes'))
    )
    with op.batch_alter_table('program_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_changes_program_id'), ['program_id'], unique=False)

    op.create_table('rejected_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('crawl_run_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('source_key', sa.String(length=512), nullable=False),
    sa.Column('raw', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['crawl_run_id'], ['crawl_runs.id'], name=op.f('fk_rejected_items_crawl_run_id_crawl_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejected_items')),
    sa.UniqueConstraint('crawl_run_id', 'source_key', name=op.f('uq_rejected_items_crawl_run_id'))
    )
    with op.batch_alter_table('rejected_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rejected_items_crawl_run_id'), ['crawl_run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rejected_items_source'), ['source'], unique=False)

    op.create_table('source_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('crawl_run_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('source_id', sa.String(length=512), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('raw', sa.JSON(), nullable=False),
    sa.Column('fetched_at', sa.String(length=40), nullable=True),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_seen', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['crawl_run_id'], ['crawl_runs.id'], name=op.f('fk_source_records_crawl_run_id_crawl_runs')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_source_records_program_id_programs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_records')),
    sa.UniqueConstraint('source', 'source_id', name=op.f('uq_source_records_source'))
    )
    with op.batch_alter_table('source_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_records_crawl_run_id'), ['crawl_run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_records_program_id'), ['program_id'], unique=False)

    op.execute(PROGRAM_CATALOG)


def downgrade() -> None:
    op.execute("DROP VIEW program_catalog")
    with op.batch_alter_table('source_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_records_program_id'))
        batch_op.drop_index(batch_op.f('ix_source_records_crawl_run_id'))

    op.drop_table('source_records')
    with op.batch_alter_table('rejected_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rejected_items_source'))
        batch_op.drop_index(batch_op.f('ix_rejected_items_crawl_run_id'))

    op.drop_table('rejected_items')
    with op.batch_alter_table('program_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_changes_program_id'))

    op.drop_table('program_changes')
    with op.batch_alter_table('programs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programs_kind'))

    op.drop_table('programs')
    with op.batch_alter_table('crawl_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crawl_runs_source'))
        batch_op.drop_index(batch_op.f('ix_crawl_runs_run_id'))

    op.drop_table('crawl_runs')
