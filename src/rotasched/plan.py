"""Stage 5: the plan, a plain serialisable value that knows nothing of the solver.

Every event carries an `id` derived from what it *is* (series + period, pair + period + number),
never from what was decided about it, so a re-plan or a re-export can recognise it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .problem import Anchor, Reference

Day = date  # for fields after one named `date`
Status = Literal["optimal", "feasible", "infeasible", "unknown", "invalid"]


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an activity series: when, where, who hosts."""

    id: str  # e.g. "theme-day.2026-04"
    series: str
    series_name: str
    type: str
    term: str  # e.g. "2026Q2"; for per-occurrence terms the occurrence's own period
    date: date
    start: time
    end: time
    host: str
    co_host: str  # strong partner of a weak host (以强带弱), else ""
    venue: Literal["centre", "own", "none"]
    centre: str  # centre id, or "" (own room: the host's premises)
    room: str  # room id within the centre, or ""
    attendance: int
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A rotation term and its executive secretary (执行书记): of a group's duty rotation (the
    joint organisation's one 执行书记; `group` set) or of a series with terms of its own."""

    series: str  # the series, or for a duty term the group
    term: str
    start: date
    end: date
    executive_org: str
    executive_secretary: str  # person key
    executive_name: str
    group: str = ""  # the group of a duty term, else ""


@dataclass(frozen=True)
class Visit:
    """One twinning visit: the guests travel to the host."""

    id: str  # e.g. "pair-7.2026Q2.1"
    pair: str
    pair_name: str
    form: str
    period: str
    date: date
    start: time
    end: time
    host: str
    guests: tuple[str, ...]
    helpers: tuple[str, ...]
    helped: tuple[str, ...]


@dataclass(frozen=True)
class Cancelled:
    """An event of an earlier published version that this plan no longer holds.

    Feeds leave it out; calendars that kept it get it as a cancellation (METHOD:CANCEL).
    """

    key: str  # event key, as `event_key` gives: "occurrence:theme-day.2026-04"
    summary: str  # what it was called, in the plan's language
    date: date
    start: time | None  # None: an all-day span (an executive term) from `date` to `end_date`
    end: time | None
    end_date: Day
    sequence: int  # the revision that cancels it: one above its last published one


@dataclass(frozen=True)
class Plan:
    scenario: str  # its name
    source: str  # the scenario file it was planned from
    locale: str
    status: Status
    seed: int
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    terms_value: dict[str, int] = field(default_factory=dict)  # soft term -> value
    weights: dict[str, int] = field(default_factory=dict)
    provisional_calendar: bool = False
    occurrences: tuple[Occurrence, ...] = ()
    terms: tuple[Term, ...] = ()
    visits: tuple[Visit, ...] = ()
    explanation: tuple[str, ...] = ()  # plain words, when infeasible or not found
    solver: dict[str, Any] = field(default_factory=dict)  # wall time etc.: not part of identity
    # Set when a plan is published (ledger): its version number for its planning body, each
    # event's revision (ICS SEQUENCE; absent = 0) and the events earlier versions held that this
    # one cancels. A plan fresh from the solver has none of them.
    version: int = 0
    revisions: dict[str, int] = field(default_factory=dict)
    cancelled: tuple[Cancelled, ...] = ()

    def events(self) -> tuple[Occurrence | Term | Visit, ...]:
        """Every event of the plan: occurrences, executive terms, visits."""
        return (*self.occurrences, *self.terms, *self.visits)

    @property
    def has_schedule(self) -> bool:
        return self.status in ("optimal", "feasible")

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        occ = tuple(
            Occurrence(
                **{
                    **o,
                    "date": date.fromisoformat(o["date"]),
                    "start": time.fromisoformat(o["start"]),
                    "end": time.fromisoformat(o["end"]),
                    "participants": tuple(o["participants"]),
                }
            )
            for o in data.get("occurrences", [])
        )
        terms = tuple(
            Term(
                **{
                    **t,
                    "start": date.fromisoformat(t["start"]),
                    "end": date.fromisoformat(t["end"]),
                }
            )
            for t in data.get("terms", [])
        )
        visits = tuple(
            Visit(
                **{
                    **v,
                    "date": date.fromisoformat(v["date"]),
                    "start": time.fromisoformat(v["start"]),
                    "end": time.fromisoformat(v["end"]),
                    "guests": tuple(v["guests"]),
                    "helpers": tuple(v["helpers"]),
                    "helped": tuple(v["helped"]),
                }
            )
            for v in data.get("visits", [])
        )
        cancelled = tuple(
            Cancelled(
                **{
                    **c,
                    "date": date.fromisoformat(c["date"]),
                    "end_date": date.fromisoformat(c["end_date"]),
                    "start": time.fromisoformat(c["start"]) if c["start"] else None,
                    "end": time.fromisoformat(c["end"]) if c["end"] else None,
                }
            )
            for c in data.get("cancelled", [])
        )
        lists = ("occurrences", "terms", "visits", "cancelled")
        rest = {k: v for k, v in data.items() if k not in lists}
        rest["explanation"] = tuple(rest.get("explanation", ()))
        return cls(**rest, occurrences=occ, terms=terms, visits=visits, cancelled=cancelled)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The plan as three tables of text (lists joined by ";"), as raw/ holds them."""
        d = self.to_dict()

        def table(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
            rows = [
                {k: (";".join(v) if isinstance(v, list) else str(v)) for k, v in r.items()}
                for r in rows
            ]
            return pd.DataFrame(rows, columns=columns, dtype=str)

        return {name: table(d[name], columns) for name, columns in COLUMNS.items()}

    def write_json(self, path: Path) -> None:
        path.write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def read_json(cls, path: Path) -> Plan:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


def event_key(event: Occurrence | Term | Visit) -> str:
    """What an event *is*, the same in every version of a plan: the key of its UID and of its
    revision. Never the horizon's start or a position: a re-plan of a later window or a
    published table edited by hand still names the same event."""
    if isinstance(event, Occurrence):
        return f"occurrence:{event.id}"
    if isinstance(event, Visit):
        return f"visit:{event.id}"
    return f"term:{event.series}.{event.term}"


def room_of(occ: Occurrence) -> str:
    """Where an occurrence is, as a pin or an anchor says it: "centre:room", "own" or ""."""
    return {"centre": f"{occ.centre}:{occ.room}", "own": "own"}.get(occ.venue, "")


def anchors(plan: Plan) -> dict[str, Anchor]:
    """What a plan decided for each event, by event id."""
    out = {o.id: Anchor("occurrence", o.date, o.host, room_of(o)) for o in plan.occurrences}
    out.update((v.id, Anchor("visit", v.date, v.host, "")) for v in plan.visits)
    return out


def reference_of(
    published: Plan, freeze: date | None = None, edited: Plan | None = None
) -> Reference:
    """A published plan as a re-plan's reference: what to change as little as possible, what
    not to move before `freeze`, and the events `edited` (the same plan edited by hand)
    differs in, to keep."""
    events = anchors(published)
    edits = {} if edited is None else {
        k: a for k, a in anchors(edited).items() if events.get(k) != a
    }
    return Reference(events, freeze, edits)


# The columns of the plan's tables (raw/), stable English keys, in this order.
COLUMNS: dict[str, list[str]] = {
    "occurrences": [
        "id", "series", "series_name", "type", "term", "date", "start", "end", "host",
        "co_host", "venue", "centre", "room", "attendance", "participants",
    ],
    "terms": [
        "series", "term", "start", "end", "executive_org", "executive_secretary",
        "executive_name", "group",
    ],
    "visits": [
        "id", "pair", "pair_name", "form", "period", "date", "start", "end", "host", "guests",
        "helpers", "helped",
    ],
}  # fmt: skip


def read_frames(folder: Path) -> dict[str, pd.DataFrame]:
    """Tables written by `Plan.frames` read back as text (empty cells as ""), untouched."""
    return {
        name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in COLUMNS
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | time):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    return value
