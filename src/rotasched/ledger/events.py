"""A body's published calendar from its versions: what each event is now, and what that
tells the next period (history). Pure functions of plans and rows; no database here.

A planning body publishes one window at a time (April, then May; or the year, then a re-plan
of its autumn). An event's current state is what the *last version that covered it* said,
held or cancelled: a May plan does not cancel April, and re-planning April after May was
published still raises the SEQUENCE of what April had published.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from ..compare import facts
from ..plan import Cancelled, Day, Occurrence, Plan, Term, Visit, event_key
from ..scenario.model import History, HostRecord, Scenario, VisitRecord


@dataclass(frozen=True)
class Row:
    """One event of a version as the events table holds it."""

    key: str
    kind: str
    series: str  # series, duty group or series (a term), pair (a visit)
    date: date
    start: time | None
    end: time | None
    end_date: Day
    host: str
    place: str
    revision: int
    cancelled: bool

    def record(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def rows(plan: Plan) -> list[Row]:
    """Every event of a published plan and every event it cancels."""
    series = {event_key(e): _series(e) for e in plan.events()}
    out = [
        Row(f.key, f.kind, series[f.key], f.date, f.start, f.end, f.end_date, f.host, f.place,
            plan.revisions.get(f.key, 0), False)
        for f in facts(plan).values()
    ]  # fmt: skip
    out += [
        Row(c.key, c.key.split(":", 1)[0], "", c.date, c.start, c.end, c.end_date, "", "",
            c.sequence, True)
        for c in plan.cancelled
    ]  # fmt: skip
    return sorted(out, key=lambda r: r.key)


def _series(event: Occurrence | Term | Visit) -> str:
    return event.pair if isinstance(event, Visit) else event.series


def current(rows_by_version: Iterable[tuple[int, Row]]) -> dict[str, Row]:
    """Each event as the last version that held or cancelled it left it."""
    out: dict[str, tuple[int, Row]] = {}
    for number, row in rows_by_version:
        if row.key not in out or number > out[row.key][0]:
            out[row.key] = (number, row)
    return {key: row for key, (_, row) in out.items()}


def history(state: Mapping[str, Row], before: date) -> History:
    """One HostRecord per published occurrence and one VisitRecord per published visit held
    before `before`; executive terms need none (they follow from the duty series' hosts)."""
    live = sorted((r for r in state.values() if not r.cancelled and r.date < before),
                  key=lambda r: (r.date, r.key))  # fmt: skip
    return History(
        hosts=[HostRecord(series=r.series, date=r.date, host=r.host)
               for r in live if r.kind == "occurrence"],
        visits=[VisitRecord(pair=r.series, date=r.date, host=r.host)
                for r in live if r.kind == "visit"],
    )  # fmt: skip


def merge_history(scenario: Scenario, extra: History) -> Scenario:
    """`scenario` with `extra` added to its own `history:`, which still counts.

    A record already there is not added twice; one the scenario would refuse (a series, pair
    or organisation it no longer has, a host outside its pair) is left out, so the result is
    as valid as a scenario file with those records typed in (scenario.checks.history_refs).
    """
    orgs = {o.id for o in scenario.organisations}
    series = {s.id for s in scenario.series}
    pairs = {p.id: {*p.helpers, *p.helped} for p in scenario.twinning}
    own = scenario.history
    hosts, seen_hosts = [*own.hosts], set(own.hosts)
    for h in extra.hosts:
        if h.series in series and h.host in orgs and h not in seen_hosts:
            hosts.append(h)
            seen_hosts.add(h)
    visits, seen_visits = [*own.visits], set(own.visits)
    for v in extra.visits:
        if v.host in pairs.get(v.pair, ()) and v not in seen_visits:
            visits.append(v)
            seen_visits.add(v)
    # model_copy keeps the private source path and warnings the CLI reports.
    return scenario.model_copy(update={"history": History(hosts=hosts, visits=visits)})


def published(plans: Iterable[Plan], start: date, end: date) -> Plan | None:
    """The body's calendar within [start, end] as its versions (oldest first) left it, as
    one plan carrying the latest version's number: what `compare.revise` compares a new
    plan of that window with. None if nothing was published yet."""
    held: dict[str, tuple[Occurrence | Term | Visit | Cancelled, int]] = {}
    last: Plan | None = None
    for plan in plans:
        last = plan
        for e in plan.events():
            first, final = _span(e)
            if final >= start and first <= end:
                held[event_key(e)] = (e, plan.revisions.get(event_key(e), 0))
        for c in plan.cancelled:
            if c.end_date >= start and c.date <= end:
                held[c.key] = (c, c.sequence)
    if last is None:
        return None
    events = [e for e, _ in held.values()]
    return replace(
        last,
        occurrences=tuple(e for e in events if isinstance(e, Occurrence)),
        terms=tuple(e for e in events if isinstance(e, Term)),
        visits=tuple(e for e in events if isinstance(e, Visit)),
        cancelled=tuple(e for e in events if isinstance(e, Cancelled)),
        revisions={k: n for k, (e, n) in sorted(held.items()) if not isinstance(e, Cancelled)},
    )


def _span(event: Occurrence | Term | Visit) -> tuple[date, date]:
    return (event.start, event.end) if isinstance(event, Term) else (event.date, event.date)
