"""catalogue you can trust: links with their kind, active programs, capture dates, per-listing values,
and the analysts' views

Revision ID: 0002_catalogue
Revises: 0002_scorecard
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_catalogue"
down_revision: str | None = "0002_scorecard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROGRAM_CATALOG = """
CREATE VIEW program_catalog AS
SELECT p.id, p.title, p.provider, p.kind, p.credential, p.delivery, p.pacing, p.level,
       p.language, p.country, p.cost_usd, p.cost_model,
       COALESCE(p.duration_weeks_max, p.duration_weeks_min) AS duration_weeks,
       p.effort_hours_per_week, p.total_hours, p.rating, p.rating_count,
       p.earnings_usd, p.debt_usd, p.outcomes_count, p.url, p.url_kind, p.active,
       (SELECT COUNT(DISTINCT r.source) FROM source_records r WHERE r.program_id = p.id) AS source_count,
       p.captured, p.first_seen, p.last_seen
FROM programs p
"""
OLD_PROGRAM_CATALOG = """
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
# One row per source: how many programs it lists, how many are still active, and how much it tells.
SOURCE_SUMMARY = """
CREATE VIEW source_summary AS
SELECT r.source,
       COUNT(DISTINCT p.id) AS programs,
       COUNT(DISTINCT CASE WHEN p.active THEN p.id END) AS active_programs,
       AVG(CASE WHEN p.cost_usd IS NOT NULL THEN 1.0 ELSE 0.0 END) AS share_with_cost,
       AVG(CASE WHEN p.duration_weeks_max IS NOT NULL OR p.duration_weeks_min IS NOT NULL
                THEN 1.0 ELSE 0.0 END) AS share_with_duration,
       AVG(CASE WHEN p.delivery IS NOT NULL THEN 1.0 ELSE 0.0 END) AS share_with_delivery,
       AVG(CASE WHEN p.level IS NOT NULL THEN 1.0 ELSE 0.0 END) AS share_with_level,
       AVG(CASE WHEN p.url_kind = 'page' THEN 1.0 ELSE 0.0 END) AS share_with_own_page,
       MAX(r.last_seen) AS last_seen
FROM source_records r JOIN programs p ON p.id = r.program_id
GROUP BY r.source
"""
PROVIDER_SUMMARY = """
CREATE VIEW provider_summary AS
SELECT COALESCE(p.institution, p.provider) AS provider, p.kind,
       COUNT(*) AS programs,
       COUNT(CASE WHEN p.active THEN 1 END) AS active_programs,
       MIN(p.cost_usd) AS min_cost_usd, AVG(p.cost_usd) AS mean_cost_usd, MAX(p.cost_usd) AS max_cost_usd,
       AVG(p.rating) AS mean_rating
FROM programs p
GROUP BY COALESCE(p.institution, p.provider), p.kind
"""
PRICE_CHANGES = """
CREATE VIEW price_changes AS
SELECT c.program_id, p.title, p.provider, c.field, c.old_value, c.new_value, c.changed_at,
       r.source, r.run_id
FROM program_changes c
JOIN programs p ON p.id = c.program_id
JOIN crawl_runs r ON r.id = c.crawl_run_id
WHERE c.field IN ('cost_usd', 'cost_model', 'cost_amount', 'cost_currency')
"""
VIEWS = {"program_catalog": PROGRAM_CATALOG, "source_summary": SOURCE_SUMMARY,
         "provider_summary": PROVIDER_SUMMARY, "price_changes": PRICE_CHANGES}


def upgrade() -> None:
    op.execute("DROP VIEW program_catalog")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url_kind", sa.String(length=8), server_default="page", nullable=False))
        batch_op.add_column(sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column("captured", sa.String(length=40), nullable=True))
    with op.batch_alter_table("source_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("values", sa.JSON(), server_default="{}", nullable=False))
    for view in VIEWS.values():
        op.execute(view)


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("source_records", schema=None) as batch_op:
        batch_op.drop_column("values")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.drop_column("captured")
        batch_op.drop_column("active")
        batch_op.drop_column("url_kind")
    op.execute(OLD_PROGRAM_CATALOG)
