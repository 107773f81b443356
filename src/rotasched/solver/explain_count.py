"""Count over-booked rooms: every activity bound to a contested set of rooms, against its slots.

This is the counting half of explaining over-booked rooms (explain_rooms.py holds the words
and the suggestions, explain.py the entry points); it is kept apart so that each module stays
small, and it uses no wording but a period's label.

A core names only the few events CP-SAT needed to prove there is no plan, so counting the
core under-counts the room: a committee that adds the slots it names still fails. The core
is used only to find which sets of rooms are contested; each is then counted whole from the
prepared problem, period by period. Every remedy is tried on those same counts first (see
`_helps`), so a suggestion is made only if it would give the activities more slots.

Counting also gives explain.core_events its first look, which needs no solver: a group of
activities that outnumber the slots they may use between them (`overbooked_at_once`).

What an activity may take (its usable days and its room-day slots) is a derived fact that
could move to problem/; it is worked out here from the problem's public data for now.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from ..problem import Occurrence, Problem
from ..words import say

Slot = tuple[str, int]  # (room key, day)
# Why a usable slot is shut: ("closure", start, end, reason) - one line for the same closure
# in several centres - or ("weekday", centre, isoweekday, None) for a day open_days leaves out.
Cause = tuple[str, Any, Any, Any]


@dataclass(frozen=True)
class _Demand:
    """An activity bound to a set of rooms: its hours and the (room, day) slots it may take."""

    occ: str
    start: int
    end: int
    slots: frozenset[Slot]


@dataclass(frozen=True)
class _Crowd:
    """A set of rooms over-booked in a period: every activity bound to it there."""

    rooms: frozenset[str]
    first: int
    last: int
    label: str
    demands: tuple[_Demand, ...]
    placed: int  # the most of them the rooms can take

    @property
    def short(self) -> int:
        return len(self.demands) - self.placed


class _Bookings:
    """Room demand read from the prepared problem and the scenario it was prepared from."""

    def __init__(self, p: Problem) -> None:
        self.p = p
        self.series = {s.id: s for s in p.scenario.series}
        self.centres = {c.id: c for c in p.scenario.centres}
        self._host_days: dict[str, frozenset[int]] = {}
        self._as_is: dict[str, _Demand] = {}
        self._options: dict[str, int] = {}

    def usable_days(self, occ: Occurrence, candidates: tuple[int, ...] | None = None) -> set[int]:
        """Candidate days on which some organisation of the pool can host (host_available)."""
        days = set(occ.candidates if candidates is None else candidates)
        if not occ.pool:  # no host at all is not the room's doing
            return days
        if occ.series not in self._host_days:
            free = (self.p.orgs[o].available for o in occ.pool)
            self._host_days[occ.series] = frozenset().union(*free)
        return days & self._host_days[occ.series]

    def bound_to(self, rooms: frozenset[str]) -> list[Occurrence]:
        """Occurrences that can take no room but one of `rooms`: not another, not their own."""
        p = self.p
        return [
            occ
            for occ in p.occurrences.values()
            if occ.needs_room
            and occ.rooms
            and set(occ.rooms) <= rooms
            and not any(occ.fits_own_room(p.orgs[o]) for o in occ.pool)
        ]

    def options(self, occ: Occurrence) -> int:
        """How many (room, day) slots the occurrence may take, counted without listing them."""
        if occ.id not in self._options:
            days = self.usable_days(occ)
            self._options[occ.id] = sum(len(days & self.p.rooms[r].open_days) for r in occ.rooms)
        return self._options[occ.id]

    def demand(
        self,
        occ: Occurrence,
        *,
        rooms: tuple[str, ...] | None = None,
        candidates: tuple[int, ...] | None = None,
        start: int | None = None,
        always_open: bool = False,
    ) -> _Demand:
        """The occurrence as it is, or as it would be with other rooms, days, hours or opening."""
        as_is = rooms is None and candidates is None and start is None and not always_open
        if as_is and occ.id in self._as_is:  # each period around it asks again
            return self._as_is[occ.id]
        begin = occ.start if start is None else start
        days = self.usable_days(occ, candidates)
        slots = frozenset(
            (r, d)
            for r in (occ.rooms if rooms is None else rooms)
            for d in (days if always_open else days & self.p.rooms[r].open_days)
        )
        dem = _Demand(occ.id, begin, begin + occ.end - occ.start, slots)
        if as_is:
            self._as_is[occ.id] = dem
        return dem

    def shut_by(self, slot: Slot) -> frozenset[Cause]:
        """Why a usable (room, day) is shut: the closures over it and its closed weekday."""
        p = self.p
        room, day = p.rooms[slot[0]], p.day(slot[1])
        centre = self.centres[room.centre]
        causes: set[Cause] = {
            ("closure", c.start, c.end, c.reason)
            for c in centre.closures
            if (not c.rooms or room.room in c.rooms) and c.start <= day <= c.end
        }
        # Slots are usable days, so working days: closed on one only for its weekday (a 调休
        # weekend is open when the centre follows the official calendar).
        adjusted = centre.follows_official_calendar and day in p.calendar.adjusted
        if day.isoweekday() not in centre.open_days and not adjusted:
            causes.add(("weekday", room.centre, day.isoweekday(), None))
        return frozenset(causes)


def _greedy_placed(demands: Sequence[_Demand]) -> int:
    """How many a first-fit placement takes: the quick answer when it takes them all (most
    periods are not over-booked) or enough to show that a change helps."""
    taken: dict[Slot, list[tuple[int, int]]] = defaultdict(list)
    placed = 0
    for dem in sorted(demands, key=lambda d: (len(d.slots), d.occ)):
        for slot in sorted(dem.slots):
            if all(dem.end <= a or b <= dem.start for a, b in taken[slot]):
                taken[slot].append((dem.start, dem.end))
                placed += 1
                break
    return placed


def _at_most(demands: Sequence[_Demand]) -> int:
    """A ceiling a first-fit placement often meets, so that no solver is needed: an activity
    with no slot is never placed, and activities that all run at one instant take a slot each."""
    can = [d for d in demands if d.slots]
    if can and max(d.start for d in can) < min(d.end for d in can):
        return min(len(can), len(set().union(*(d.slots for d in can))))
    return len(can)


def _most_placed(demands: Sequence[_Demand], enough: int | None = None) -> int:
    """The most of `demands` the rooms can take: one slot each, never two at once in a room;
    given `enough`, any count of at least that much is answer enough.

    With different hours a room-day can take several activities, and which ones depends on the
    days each may use, so this is a small assignment problem rather than a count; CP-SAT solves
    it exactly (if it ran out of budget, its bound keeps the shortfall a lower bound).
    """
    greedy = _greedy_placed(demands)
    if greedy >= _at_most(demands) or (enough is not None and greedy >= enough):
        return greedy
    cp = cp_model.CpModel()
    every: list[cp_model.IntVar] = []
    users: dict[Slot, list[tuple[_Demand, cp_model.IntVar]]] = defaultdict(list)
    for dem in demands:
        lits = []
        for slot in sorted(dem.slots):
            lit = cp.new_bool_var(f"{dem.occ}@{slot}")
            users[slot].append((dem, lit))
            lits.append(lit)
        cp.add_at_most_one(lits)
        every += lits
    for uses in users.values():
        # Activities that run at one instant exclude each other; every set of overlapping
        # hours shares the start of one of them, so checking each start covers them all.
        for t in sorted({dem.start for dem, _ in uses}):
            at_once = [lit for dem, lit in uses if dem.start <= t < dem.end]
            if len(at_once) > 1:
                cp.add_at_most_one(at_once)
    cp.maximize(sum(every))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # deterministic, and the model is small
    solver.parameters.max_deterministic_time = 5.0
    status = solver.solve(cp)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    return int(solver.best_objective_bound)


def _period_label(p: Problem, occ: Occurrence) -> str:
    if re.fullmatch(r"\d{4}(-\d{2}|Q\d)?", occ.period):  # a month, quarter or year
        return occ.period
    return say(p.locale, "explain.span", a=p.day(occ.first_day), b=p.day(occ.last_day))


def _periods(
    b: _Bookings, rooms: frozenset[str]
) -> Iterator[tuple[int, int, Occurrence, list[Occurrence]]]:
    """(first day, last day, an activity of it, its activities) of each period in which the
    activities bound to `rooms` might not all find a slot, shortest period first."""
    bound = b.bound_to(rooms)
    windows: dict[tuple[int, int], Occurrence] = {}
    for occ in bound:
        windows.setdefault((occ.first_day, occ.last_day), occ)
    for (first, last), occ in sorted(windows.items(), key=lambda w: (w[0][1] - w[0][0], w[0])):
        inside = [
            o
            for o in bound
            if o.candidates and first <= min(o.candidates) and max(o.candidates) <= last
        ]
        # Enough for all at once: each placed activity takes one slot, so one with as many
        # slots as there are activities always finds one free. Most periods end here, before
        # any slot is listed (a year of a large district has thousands).
        if all(b.options(o) >= len(inside) for o in inside):
            continue
        yield first, last, occ, inside


def _crowds(b: _Bookings, core_rooms: list[frozenset[str]]) -> list[_Crowd]:
    """Every period in which a contested set of rooms cannot take all the activities bound
    to it; a longer period or larger set is left out if the ones inside it say it all."""
    found: list[_Crowd] = []
    for rooms in sorted(set(core_rooms), key=lambda s: (len(s), sorted(s))):
        for first, last, occ, inside in _periods(b, rooms):
            demands = tuple(b.demand(o) for o in inside)
            placed = _most_placed(demands)
            if placed == len(demands):
                continue
            crowd = _Crowd(rooms, first, last, _period_label(b.p, occ), demands, placed)
            told = sum(
                c.short for c in found if c.rooms <= rooms and first <= c.first and c.last <= last
            )
            if crowd.short > told:
                found.append(crowd)
    return sorted(found, key=lambda c: (c.first, c.last, sorted(c.rooms)))


def overbooked_at_once(p: Problem) -> list[str]:
    """Occurrences the rooms cannot all take, shown by counting alone: activities bound to one
    set of rooms in one period that run at one instant, each needing a (room, day) slot of its
    own, and more of them than the slots they may use between them (one with no slot at all
    is such a group alone). Of the first such group, smallest set of rooms and shortest period
    first, the members it would not be short without (a core); [] if counting shows none. No
    solver, no search: a first look for explain.core_events, which never proves there is a
    plan.

    Each activity's slots hold every (room, day) the model lets it take (explain_parts.py
    relies on it): its candidate days on which a room is open and someone of its pool is free.
    """
    b = _Bookings(p)
    sets = {frozenset(o.rooms) for o in p.occurrences.values() if o.needs_room and o.rooms}
    for rooms in sorted(sets, key=lambda s: (len(s), sorted(s))):
        for _, _, _, inside in _periods(b, rooms):
            demands = [b.demand(o) for o in inside]
            for t in sorted({d.start for d in demands}):
                now = [d for d in demands if d.start <= t < d.end]
                now.sort(key=lambda d: (len(d.slots), d.occ))
                # Every subset worth a look (Hall's condition): those whose slots lie within one
                # activity's, then all of them against all their slots.
                groups = [[e for e in now if e.slots <= d.slots] for d in now]
                groups.append(now)
                for group in groups:
                    if _outnumbered(group):
                        return sorted(d.occ for d in _least(group))
    return []


def _outnumbered(group: Sequence[_Demand]) -> bool:
    return len(group) > len(frozenset().union(*(d.slots for d in group)))


def _least(group: list[_Demand]) -> list[_Demand]:
    """The group less every member it is still outnumbered without, those with the most slots
    tried first."""
    keep = list(group)
    for d in reversed(group):
        rest = [e for e in keep if e is not d]
        if _outnumbered(rest):
            keep = rest
    return keep


def _helps(crowd: _Crowd, demands: Sequence[_Demand]) -> bool:
    """Would the activities be fewer slots short with this change?"""
    enough = len(demands) - crowd.short + 1
    return _most_placed(demands, enough) >= enough
