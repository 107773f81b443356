"""Stage 'compare': what changed between two plans of one planning body.

- `changes(old, new)`: one row per event that moved, changed host, changed room, was added
  or was cancelled - the diff a committee reads after a re-plan and the "events changed"
  column of a what-if comparison;
- `revise(new, old)`: `new` as the next published version of `old`, each event's revision
  (ICS SEQUENCE) raised exactly when a calendar client must be told (RFC 5546: its start, end,
  place or status changed), and events that `old` held and `new` drops carried as cancelled.

Events are matched by `plan.event_key`, never by position, so a re-plan of another window
or a table edited by hand still lines up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

import pandas as pd

from ..plan import Cancelled, Day, Occurrence, Plan, Term, Visit, event_key, room_of

# The kinds of change, in the order a diff lists them.
CHANGES = ("moved", "rehosted", "reroomed", "added", "cancelled")


@dataclass(frozen=True)
class Facts:
    """What a calendar and a committee see of one event."""

    key: str
    kind: str  # occurrence, term, visit
    ident: str  # the event's id (for a term: "series.term")
    name: str
    date: date
    start: time | None  # None: all day
    end: time | None
    end_date: Day
    host: str
    place: str  # "centre:room", "own:<org>" (the host's premises) or "" (no room)


def _facts(event: Occurrence | Term | Visit) -> Facts:
    key = event_key(event)
    kind, ident = key.split(":", 1)
    if isinstance(event, Occurrence):
        # The host's own room is named by its host: another host's is another place.
        room = room_of(event)
        place = f"own:{event.host}" if room == "own" else room
        return Facts(key, kind, ident, event.series_name, event.date, event.start, event.end,
                     event.date, event.host, place)
    if isinstance(event, Visit):
        # A visit takes place at its host's premises: a new host is a new place too.
        return Facts(key, kind, ident, event.pair_name, event.date, event.start, event.end,
                     event.date, event.host, f"own:{event.host}")
    return Facts(key, kind, ident, event.series, event.start, None, None, event.end,
                 event.executive_org, "")


def facts(plan: Plan) -> dict[str, Facts]:
    """Every event of the plan by key."""
    return {f.key: f for f in map(_facts, plan.events())}


def kinds_of_change(old: Facts, new: Facts) -> tuple[str, ...]:
    out = []
    if (old.date, old.start, old.end, old.end_date) != (new.date, new.start, new.end, new.end_date):
        out.append("moved")
    if old.host != new.host:
        out.append("rehosted")
    # The host's own room under a new host is part of re-hosting, not a room change.
    both_own = old.place.startswith("own:") and new.place.startswith("own:")
    if old.kind == "occurrence" and old.place != new.place and not both_own:
        out.append("reroomed")
    return tuple(out)


def _sequence_changed(old: Facts, new: Facts) -> bool:
    """RFC 5546: a client must re-read an event whose start, end or place changed."""
    when = (old.date, old.start, old.end, old.end_date) != (new.date, new.start, new.end,
                                                            new.end_date)
    return when or old.place != new.place


COLUMNS = ["key", "kind", "id", "name", "change", "old_date", "new_date", "old_host",
           "new_host", "old_place", "new_place"]  # fmt: skip


def changes(old: Plan, new: Plan) -> pd.DataFrame:
    """One row per changed event, sorted by date then key; `change` lists its kinds ("a;b")."""
    before, after = facts(old), facts(new)
    rows = []
    for key in sorted(before.keys() | after.keys()):
        o, n = before.get(key), after.get(key)
        if o is not None and n is not None:
            kinds = kinds_of_change(o, n)
        else:
            kinds = ("added",) if o is None else ("cancelled",)
        if not kinds:
            continue
        ref = n or o
        assert ref is not None
        rows.append({
            "key": key, "kind": ref.kind, "id": ref.ident, "name": ref.name,
            "change": ";".join(kinds),
            "old_date": o.date.isoformat() if o else "",
            "new_date": n.date.isoformat() if n else "",
            "old_host": o.host if o else "", "new_host": n.host if n else "",
            "old_place": o.place if o else "", "new_place": n.place if n else "",
            "_sort": ref.date.isoformat(),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "_sort"], dtype=str)
    frame = frame.sort_values(["_sort", "key"], kind="stable").drop(columns="_sort")
    return frame.reset_index(drop=True)


def count_changes(old: Plan, new: Plan) -> dict[str, int]:
    """How many events changed, by kind of change (an event may count under several)."""
    frame = changes(old, new)
    counts = dict.fromkeys(CHANGES, 0)
    for cell in frame["change"]:
        for kind in cell.split(";"):
            counts[kind] += 1
    counts["events"] = len(frame)
    return counts


def revise(new: Plan, old: Plan | None) -> Plan:
    """`new` as the version after `old`: revisions raised where a client must update, and
    the events `old` held that `new` drops (and those it had cancelled) as cancelled."""
    if old is None:
        return replace(new, version=1, revisions={k: 0 for k in facts(new)}, cancelled=())
    before, after = facts(old), facts(new)
    gone = {c.key: c for c in old.cancelled}
    revisions: dict[str, int] = {}
    for key, f in after.items():
        if key in before:
            last = old.revisions.get(key, 0)
            revisions[key] = last + 1 if _sequence_changed(before[key], f) else last
        elif key in gone:  # cancelled once, back again: clients must see it revived
            revisions[key] = gone[key].sequence + 1
        else:
            revisions[key] = 0
    cancelled = {k: c for k, c in gone.items() if k not in after}
    for key, f in before.items():
        if key not in after:
            cancelled[key] = Cancelled(key=key, summary=f.name, date=f.date, start=f.start,
                                       end=f.end, end_date=f.end_date,
                                       sequence=old.revisions.get(key, 0) + 1)
    return replace(new, version=old.version + 1, revisions=dict(sorted(revisions.items())),
                   cancelled=tuple(cancelled[k] for k in sorted(cancelled)))
