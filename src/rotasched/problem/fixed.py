"""What a re-plan keeps: the published plan it changes as little as possible (the reference),
and the assignments nobody may move (pins).

A pin comes from one of three places:
- `frozen`: a published event before the freeze date (people have been told; it may be past);
- `pin`: the scenario's `pins:` (what the committee has agreed);
- `edit`: a published table edited by hand (a host swapped in Excel/WPS).

A pin that breaks a rule of its own event (a host outside the pool, a day the host is away, a
room too small) is refused before solving, naming the rule: a scenario pin is a scenario error;
an edit is dropped with a warning and re-planned (the committee asked for it, the rules forbid
it). Pins that only clash with each other are left to the solver, whose explanation names them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from ..scenario.model import Pin as ScenarioPin

if TYPE_CHECKING:  # model.py holds these values and imports this module's
    from .model import Occurrence, Org, Room, Visit

Why = Literal["frozen", "pin", "edit"]


@dataclass(frozen=True)
class Anchor:
    """What a published plan decided for one event (dates, not day numbers: the published
    plan may have another horizon)."""

    kind: Literal["occurrence", "visit"]
    date: date
    host: str
    room: str  # "centre:room", "own" (the host's own room) or "" (no room)


@dataclass(frozen=True)
class Reference:
    """A published plan as the problem sees it, and the day before which nothing moves."""

    events: Mapping[str, Anchor]  # by event id
    freeze: date | None = None
    edits: Mapping[str, Anchor] = field(default_factory=dict)  # by event id


@dataclass(frozen=True)
class Pin:
    event: str
    day: int | None
    host: str | None
    room: str | None  # "centre:room", "own", or None (not pinned)
    why: Why


@dataclass(frozen=True)
class Refusal:
    """A pin that breaks a rule of its own event."""

    pin: Pin
    rule: str  # the rulebook label
    index: int = -1  # its position in the scenario's pins, for a scenario pin


def pin_problem(
    pin: Pin,
    occurrences: Mapping[str, Occurrence],
    visits: Mapping[str, Visit],
    orgs: Mapping[str, Org],
    rooms: Mapping[str, Room],
) -> str | None:
    """The label of the rule a pin breaks on its own, or None. The event must exist."""
    occ, visit = occurrences.get(pin.event), visits.get(pin.event)
    if occ is not None:
        if pin.host is not None and pin.host not in occ.pool:
            return "one_host"
        if pin.day is not None and pin.day not in occ.candidates:
            return "occurrence_date"
        if pin.host is not None:  # on the pinned day, or on one day it could take at all
            days = {pin.day} if pin.day is not None else set(occ.candidates)
            if not days & orgs[pin.host].available:
                return "host_available"
        if pin.room is not None:
            return _room_problem(pin, occ, orgs, rooms)
        return None
    assert visit is not None
    if pin.room not in (None, "", "own"):
        return "room_fits"  # a visit takes place at its host's premises
    if pin.host is not None and pin.host not in visit.hosts:
        return "visit_host"
    if pin.day is not None and pin.day not in visit.candidates:
        return "visit_date"
    return None


def _room_problem(
    pin: Pin, occ: Occurrence, orgs: Mapping[str, Org], rooms: Mapping[str, Room]
) -> str | None:
    if not occ.needs_room:
        return "room_fits" if pin.room else None
    if pin.room == "own":
        hosts = [pin.host] if pin.host is not None else list(occ.pool)
        if not any(occ.fits_own_room(orgs[h]) for h in hosts):
            return "room_fits"
        return None
    if pin.room not in occ.rooms:
        return "room_fits"
    if pin.day is not None and pin.day not in rooms[str(pin.room)].open_days:
        return "room_fits"
    return None


def _pin(event: str, a: Anchor, idx: Callable[[date], int], why: Why) -> Pin:
    return Pin(event, idx(a.date), a.host, a.room or None, why)


def settle(
    pins: Sequence[ScenarioPin],
    reference: Reference | None,
    occurrences: Mapping[str, Occurrence],
    visits: Mapping[str, Visit],
    orgs: Mapping[str, Org],
    rooms: Mapping[str, Room],
    idx: Callable[[date], int],
) -> tuple[dict[str, Pin], list[Refusal]]:
    """Every pin that holds, by event id, and the refused ones.

    Precedence: the scenario's pins over hand edits over frozen events, field by field (a
    pin of the date alone keeps a frozen host).
    """
    out: dict[str, Pin] = {}
    refused: list[Refusal] = []
    known = occurrences.keys() | visits.keys()

    def keep(pin: Pin, index: int = -1) -> None:
        old = out.get(pin.event)
        if old is not None:  # the later source wins where it says something
            pin = Pin(
                pin.event,
                pin.day if pin.day is not None else old.day,
                pin.host if pin.host is not None else old.host,
                pin.room if pin.room is not None else old.room,
                pin.why,
            )
        rule = pin_problem(pin, occurrences, visits, orgs, rooms)
        if rule is None:
            out[pin.event] = pin
        else:
            refused.append(Refusal(pin, rule, index))

    if reference is not None:
        freeze = reference.freeze
        for event, anchor in sorted(reference.events.items()):
            if freeze is not None and anchor.date < freeze and event in known:
                keep(_pin(event, anchor, idx, "frozen"))
        for event, anchor in sorted(reference.edits.items()):
            if event in known:
                keep(_pin(event, anchor, idx, "edit"))
    for i, p in enumerate(pins):
        if p.event not in known:  # said by prepare(), naming the field
            continue
        day = idx(p.date) if p.date is not None else None
        keep(Pin(p.event, day, p.host, p.room, "pin"), i)
    return out, refused
