"""The ledger: published versions of a planning body's plan and their events.

Revision ID: 0001
Revises:
Create Date: 2026-11-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Spelled out, not imported from schema.py: a migration is what the schema was then.
    op.create_table(
        "ledger_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("body", sa.String(200), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("published_at", sa.String(32), nullable=False),
        sa.Column("scenario_name", sa.Text, nullable=False),
        sa.Column("scenario_digest", sa.String(64), nullable=False),
        sa.Column("scenario_json", sa.Text, nullable=False),
        sa.Column("plan_json", sa.Text, nullable=False),
        sa.Column("changes_json", sa.Text, nullable=False),
        sa.UniqueConstraint("body", "number", name="uq_ledger_versions_body_number"),
    )
    op.create_table(
        "ledger_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey("ledger_versions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("series", sa.Text, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("start", sa.Time, nullable=True),
        sa.Column("end", sa.Time, nullable=True),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("host", sa.Text, nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False),
        sa.UniqueConstraint("version_id", "key", name="uq_ledger_events_version_key"),
    )
    op.create_index("ix_ledger_events_version", "ledger_events", ["version_id"])


def downgrade() -> None:
    op.drop_index("ix_ledger_events_version", table_name="ledger_events")
    op.drop_table("ledger_events")
    op.drop_table("ledger_versions")
