"""A re-plan, checked: pins kept (hard rule `pinned`), and the changes to the published plan
counted (soft terms `moved`, `rehosted`, `reroomed`), from the tables alone."""

from __future__ import annotations

from collections.abc import Iterator

from ..problem import Problem
from . import Tables, Violation, measure, rule
from .util import d as day_of


def _events(t: Tables, p: Problem) -> dict[str, tuple[int, str, str]]:
    """(day, host, room) of every event by id; room "c:r", "own" or "" (none)."""
    out = {}
    for _, r in t["occurrences"].iterrows():
        room = {"centre": f"{r['centre']}:{r['room']}", "own": "own"}.get(r["venue"], "")
        out[r["id"]] = (p.index(day_of(r["date"])), r["host"], room)
    for _, r in t["visits"].iterrows():
        out[r["id"]] = (p.index(day_of(r["date"])), r["host"], "")
    return out


@rule("pinned")
def pinned(t: Tables, p: Problem) -> Iterator[Violation]:
    events = _events(t, p)
    for event, pin in sorted(p.pins.items()):
        if event not in events:
            yield Violation("pinned", event, f"pinned ({pin.why}) but not in the plan")
            continue
        day, host, room = events[event]
        if pin.day is not None and day != pin.day:
            yield Violation("pinned", event, f"on {p.day(day)}, pinned ({pin.why}) to "
                            f"{p.day(pin.day)}")
        if pin.host is not None and host != pin.host:
            yield Violation("pinned", event, f"hosted by {host}, pinned ({pin.why}) to "
                            f"{pin.host}")
        if pin.room is not None and room != pin.room:
            yield Violation("pinned", event, f"in {room or 'no room'}, pinned ({pin.why}) to "
                            f"{pin.room}")


@measure("moved")
def moved(t: Tables, p: Problem) -> int:
    events = _events(t, p)
    return sum(
        e in events and events[e][0] != p.index(a.date) for e, a in p.reference.items()
    )


@measure("rehosted")
def rehosted(t: Tables, p: Problem) -> int:
    events = _events(t, p)
    return sum(e in events and events[e][1] != a.host for e, a in p.reference.items())


@measure("reroomed")
def reroomed(t: Tables, p: Problem) -> int:
    events = _events(t, p)
    return sum(
        e in events and bool(a.room) and events[e][2] != a.room
        for e, a in p.reference.items()
        if a.kind == "occurrence" and p.occurrences[e].needs_room
    )
