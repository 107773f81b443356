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
        rest = {k: v for k, v in data.items() if k not in ("occurrences", "terms", "visits")}
        rest["explanation"] = tuple(rest.get("explanation", ()))
        return cls(**rest, occurrences=occ, terms=terms, visits=visits)

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
