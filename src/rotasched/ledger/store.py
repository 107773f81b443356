"""The ledger itself: publish a plan as the next version of its planning body, list, load,
and read the history the next period continues from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from ..compare import count_changes, revise
from ..plan import Plan
from ..scenario import Scenario
from ..scenario.model import History
from . import connect, events, migrate
from .schema import events as events_t
from .schema import versions as versions_t


class LedgerError(Exception):
    """What went wrong, as a key of the word catalogue (words.py) and its values: the CLI
    says it in the scenario's language."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Version:
    """One published version, without its plan."""

    body: str
    number: int
    published_at: str  # UTC
    scenario: str
    digest: str
    events: int  # events it holds
    cancelled: int  # events it cancels
    changes: dict[str, int]  # compare.count_changes against what it replaced


def scenario_json(scenario: Scenario) -> str:
    """What is stored and what the digest is of (Scenario.canonical_json)."""
    return scenario.canonical_json()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Ledger:
    """Published plans in SQLite (a file) or PostgreSQL, schema migrated on open.

    `url`: a SQLAlchemy URL or a SQLite file path; None: $ROTASCHED_DB, else ./rotasched.sqlite.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = connect.resolve(url)
        self.where = connect.shown(self.url)
        self.engine = connect.engine(self.url)
        with self._said():
            migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _said(self) -> Iterator[None]:
        """A database error as one LedgerError naming the database, never its password."""
        try:
            yield
        except IntegrityError as exc:
            # Only a second writer that slipped past the lock can hit unique(body, number).
            raise LedgerError("ledger.conflict", db=self.where) from exc
        except OperationalError as exc:
            if "locked" in str(exc.orig):
                raise LedgerError("ledger.busy", db=self.where) from exc
            raise LedgerError("ledger.unreachable", db=self.where, reason=_first(exc)) from exc
        except DBAPIError as exc:
            raise LedgerError("ledger.unreachable", db=self.where, reason=_first(exc)) from exc

    # ---- writing ---------------------------------------------------------------------------

    def publish(self, plan: Plan, scenario: Scenario) -> Plan:
        """Store `plan` as the next version of `scenario.meta.id` and return it as stored:
        its version number, revisions and cancelled events (compare.revise against what the
        body had published in the scenario's horizon).

        One transaction under the body's lock: a failure or a killed process leaves the
        previous version as it was, and two publishes at once land one after the other."""
        body = scenario.meta.id
        if not body:
            raise LedgerError("ledger.no_id", scenario=scenario.meta.name)
        if not plan.has_schedule:
            raise LedgerError("ledger.no_schedule", status=plan.status)
        text = scenario_json(scenario)
        with self._said(), self.engine.connect() as conn, connect.writer(conn).begin():
            connect.lock(conn, f"rotasched-ledger-body:{body}")
            before = events.published(self._plans(conn, body), scenario.meta.start,
                                      scenario.meta.end)  # fmt: skip
            stored = revise(plan, before)
            counts = count_changes(before, stored) if before else {}
            number = conn.execute(
                versions_t.insert().values(
                    body=body,
                    number=stored.version,
                    published_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    scenario_name=scenario.meta.name,
                    scenario_digest=digest(text),
                    scenario_json=text,
                    plan_json=stored.to_json(),
                    changes_json=json.dumps(counts, sort_keys=True),
                )
            ).inserted_primary_key
            assert number is not None
            write_events(conn, number[0], stored)
        return stored

    # ---- reading ---------------------------------------------------------------------------

    def holding(self, plan: Plan, scenario: Scenario) -> Plan | None:
        """The latest version, if it already holds exactly this plan of this scenario (same
        scenario digest, no event changed): publishing again would add an empty version."""
        body = scenario.meta.id
        if not body:
            return None
        v = versions_t.c
        query = (
            sa.select(v.plan_json, v.scenario_digest).where(v.body == body)
            .order_by(v.number.desc()).limit(1)
        )  # fmt: skip
        with self._said(), self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row[1] != digest(scenario_json(scenario)):
            return None
        latest = Plan.from_dict(json.loads(row[0]))
        return latest if count_changes(latest, plan)["events"] == 0 else None

    def bodies(self) -> list[str]:
        query = sa.select(versions_t.c.body).distinct().order_by(versions_t.c.body)
        with self._said(), self.engine.connect() as conn:
            return list(conn.scalars(query))

    def versions(self, body: str) -> list[Version]:
        """Every version of `body`, oldest first ([] if it published none)."""
        v, e = versions_t.c, events_t.c
        held = sa.func.sum(sa.case((e.cancelled, 0), else_=1))
        gone = sa.func.sum(sa.case((e.cancelled, 1), else_=0))
        query = (
            sa.select(v.body, v.number, v.published_at, v.scenario_name, v.scenario_digest,
                      v.changes_json, sa.func.coalesce(held, 0), sa.func.coalesce(gone, 0))
            .select_from(versions_t.outerjoin(events_t, e.version_id == v.id))
            .where(v.body == body)
            .group_by(v.id)
            .order_by(v.number)
        )  # fmt: skip
        with self._said(), self.engine.connect() as conn:
            found = conn.execute(query).all()
        return [
            Version(r[0], r[1], r[2], r[3], r[4], int(r[6]), int(r[7]), json.loads(r[5]))
            for r in found
        ]

    def load(self, body: str, version: int | None = None) -> tuple[Plan, Scenario]:
        """A stored version (default: the latest) and the scenario it was planned from."""
        v = versions_t.c
        query = sa.select(v.number, v.plan_json, v.scenario_json).where(v.body == body)
        query = query.where(v.number == version) if version is not None else query
        with self._said(), self.engine.connect() as conn:
            row = conn.execute(query.order_by(v.number.desc()).limit(1)).first()
        if row is None:
            if version is not None and self.versions(body):
                raise LedgerError("ledger.no_version", body=body, version=version)
            raise LedgerError("ledger.no_body", body=body, db=self.where)
        return Plan.from_dict(json.loads(row[1])), Scenario.model_validate_json(row[2])

    def history(self, body: str, before: date) -> History:
        """What `body` has published before `before`, each event as its last version says:
        the records that make a plan of the next period continue the rotation order, hosting
        counts, duty terms and visit alternation."""
        v, e = versions_t.c, events_t.c
        query = (
            sa.select(v.number, *(e[name] for name in events.Row.__dataclass_fields__))
            .join(versions_t, e.version_id == v.id)
            .where(v.body == body)
        )
        with self._said(), self.engine.connect() as conn:
            found = conn.execute(query).all()
        state = events.current((r[0], events.Row(*r[1:])) for r in found)
        return events.history(state, before)

    def with_history(self, scenario: Scenario) -> Scenario:
        """`scenario` with what its body published before its start added to its own
        `history:` (unchanged if it has no meta.id or its body published nothing)."""
        if not scenario.meta.id:
            return scenario
        return events.merge_history(scenario, self.history(scenario.meta.id, scenario.meta.start))

    def _plans(self, conn: Connection, body: str) -> Iterator[Plan]:
        v = versions_t.c
        query = sa.select(v.plan_json).where(v.body == body).order_by(v.number)
        for text in conn.scalars(query):
            yield Plan.from_dict(json.loads(text))


def write_events(conn: Connection, version_id: int, plan: Plan) -> None:
    """The version's event rows (a step of `publish`, inside its transaction)."""
    rows = [{"version_id": version_id, **r.record()} for r in events.rows(plan)]
    if rows:
        conn.execute(events_t.insert(), rows)


def _first(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
