"""What an edited plan changed, field by field, in raw/'s values: for a re-plan from it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, time
from typing import Any

from ..plan import Occurrence, Plan, Term, Visit, event_key


@dataclass(frozen=True)
class Edit:
    """One difference between the published plan and the edited one, in raw/'s values."""

    key: str  # plan.event_key of the event
    field: str  # a field of Occurrence, Term or Visit; "added" or "removed" for a whole event
    old: str  # ids, ISO dates, HH:MM, lists joined by ";"; "" for an added or removed event
    new: str


def _plain(value: Any) -> str:
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return str(value)


def _events(plan: Plan) -> dict[str, Occurrence | Term | Visit]:
    return {event_key(e): e for e in plan.events()}


def edits(published: Plan, edited: Plan) -> list[Edit]:
    """What the edited plan changed, field by field, sorted by event key then field order:
    e.g. Edit("occurrence:theme-day.2026-04", "host", "a", "d")."""
    before, after = _events(published), _events(edited)
    out = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            out.append(Edit(key, "added" if old is None else "removed", "", ""))
            continue
        for f in fields(old):
            a, b = _plain(getattr(old, f.name)), _plain(getattr(new, f.name))
            if a != b:
                out.append(Edit(key, f.name, a, b))
    return out
