"""The ledger's tables, in SQLAlchemy Core (no ORM): one row per published version of a
planning body's plan, one row per event of each version.

A version holds the whole plan and the whole validated scenario as JSON, so any version can
be exported again anywhere, without the files it was planned from; its events are also rows,
so the body's published calendar can be queried (history, counts) without reading the JSON.

Changing a table means a new migration in migrations/versions/: this module describes the
head, the migrations build it.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# Prefixed: a PostgreSQL database may be shared with other programs' tables.
versions = sa.Table(
    "ledger_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("body", sa.String(200), nullable=False),  # the scenario's meta.id
    sa.Column("number", sa.Integer, nullable=False),  # 1, 2, ... per body
    sa.Column("published_at", sa.String(32), nullable=False),  # UTC, "2026-11-20T08:15:02Z"
    sa.Column("scenario_name", sa.Text, nullable=False),
    sa.Column("scenario_digest", sa.String(64), nullable=False),  # sha256 of scenario_json
    sa.Column("scenario_json", sa.Text, nullable=False),
    sa.Column("plan_json", sa.Text, nullable=False),
    # Counts of changes against what the body had published in this version's horizon
    # (compare.count_changes), as JSON: read by `rotasched history` without the plans.
    sa.Column("changes_json", sa.Text, nullable=False),
    sa.UniqueConstraint("body", "number", name="uq_ledger_versions_body_number"),
)

events = sa.Table(
    "ledger_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "version_id",
        sa.Integer,
        sa.ForeignKey("ledger_versions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("key", sa.Text, nullable=False),  # plan.event_key
    sa.Column("kind", sa.String(16), nullable=False),  # occurrence, term, visit
    sa.Column("series", sa.Text, nullable=False),  # its series, duty group (term) or pair
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("start", sa.Time, nullable=True),  # None: all day (a term)
    sa.Column("end", sa.Time, nullable=True),
    sa.Column("end_date", sa.Date, nullable=False),
    sa.Column("host", sa.Text, nullable=False),  # "" for a cancelled event
    sa.Column("place", sa.Text, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),  # ICS SEQUENCE
    # A row for an event this version cancels: the body's calendar is each event as the
    # last version that held or cancelled it left it.
    sa.Column("cancelled", sa.Boolean, nullable=False),
    sa.UniqueConstraint("version_id", "key", name="uq_ledger_events_version_key"),
)

sa.Index("ix_ledger_events_version", events.c.version_id)
