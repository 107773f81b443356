"""Say in plain words why no plan exists, naming the rooms, months, series and pairs involved.

The model is built again with "this event is placed" as an assumption per occurrence and per
visit, solved without objective on one worker, and CP-SAT's sufficient assumptions give a
small set of events that cannot all be placed. That set is then described from the data:
the rooms it contests are counted whole (every activity that must take them, against the slots
they offer), with only the changes that would give them more slots.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ortools.sat.python import cp_model

from ..problem import Occurrence, Problem
from ..words import say

if TYPE_CHECKING:
    from . import SolveOptions

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # isoweekday 1..7, as in words


def _event_name(p: Problem, event_id: str) -> str:
    if event_id in p.occurrences:
        occ = p.occurrences[event_id]
        return f"{p.series[occ.series].name} {occ.period}"
    visit = p.visits[event_id]
    return f"{p.links[visit.link].name} {visit.period}#{visit.index + 1}"


def explain_static(p: Problem, found: list[tuple[str, str]]) -> tuple[str, ...]:
    """Events that cannot be placed even alone: no candidate day, or no room fits."""
    lang = p.locale
    out = []
    for event_id, reason in sorted(set(found)):
        name = _event_name(p, event_id)
        if reason == "no_room":
            occ = p.occurrences[event_id]
            out.append(
                say(
                    lang,
                    "explain.no_room",
                    name=name,
                    need=occ.capacity,
                    eq="、".join(sorted(occ.equipment)) or "-",
                    a=f"{occ.start // 60:02d}:{occ.start % 60:02d}",
                    b=f"{occ.end // 60:02d}:{occ.end % 60:02d}",
                )
            )
        elif event_id in p.visits:
            visit = p.visits[event_id]
            out.append(
                say(
                    lang,
                    "explain.no_day_for_visit",
                    name=name,
                    a=p.day(visit.first_day),
                    b=p.day(visit.last_day),
                )
            )
        else:
            occ = p.occurrences[event_id]
            out.append(
                say(
                    lang,
                    "explain.no_day_for_rule",
                    name=name,
                    a=p.day(occ.first_day),
                    b=p.day(occ.last_day),
                )
            )
    return tuple(out)


def core_events(p: Problem, options: SolveOptions) -> list[str] | None:
    """A set of events that cannot all be placed, or None if none was found in the budget."""
    from . import build

    m, _ = build(p, explain=True)
    ids = sorted(m.placed)
    lits = [m.placed[i] for i in ids]
    m.cp.add_assumptions(lits)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # core extraction is a single-worker feature
    solver.parameters.random_seed = options.seed
    solver.parameters.max_deterministic_time = options.work_limit
    solver.parameters.cp_model_probing_level = 0  # see solver.configure
    status = solver.solve(m.cp)
    if status != cp_model.INFEASIBLE:
        return None
    by_index = {lit.index: event_id for lit, event_id in zip(lits, ids, strict=True)}
    return sorted(by_index[i] for i in solver.sufficient_assumptions_for_infeasibility())


def explain_infeasible(p: Problem, options: SolveOptions) -> tuple[str, ...]:
    lang = p.locale
    core = core_events(p, options)
    if core is None:
        return (
            say(
                lang,
                "explain.no_core",
            ),
        )
    lines = [
        say(
            lang,
            "explain.no_plan",
            n=len(core),
        )
    ]
    lines += _rooms(p, [e for e in core if e in p.occurrences and p.occurrences[e].rooms])
    lines += _pairs(p, [e for e in core if e in p.visits])
    lines += _hosts(p, [e for e in core if e in p.occurrences])
    lines.append(
        say(
            lang,
            "explain.involved",
            names="；".join(_event_name(p, e) for e in core),
        )
    )
    return tuple(lines)


# --- over-booked rooms ----------------------------------------------------------------------
#
# A core names only the few events CP-SAT needed to prove there is no plan, so counting the
# core under-counts the room: a committee that adds the slots it names still fails. The core
# is used only to find which sets of rooms are contested; each is then counted whole from the
# prepared problem, period by period. Every remedy is tried on those same counts first, so a
# suggestion is made only if it would give the activities more slots.
#
# What an activity may take (its usable days and its room-day slots) is a derived fact that
# could move to problem/; it is worked out here from the problem's public data for now.


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


def _crowds(b: _Bookings, core_rooms: list[frozenset[str]]) -> list[_Crowd]:
    """Every period in which a contested set of rooms cannot take all the activities bound
    to it; a longer period or larger set is left out if the ones inside it say it all."""
    found: list[_Crowd] = []
    for rooms in sorted(set(core_rooms), key=lambda s: (len(s), sorted(s))):
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


def _rooms(p: Problem, occ_ids: list[str]) -> list[str]:
    """'党建工作站 会议室A 在 2026-03 只有 5 个可用开放日，却有 8 项活动需要使用…还差 3 个时段。'
    and what would give it those slots."""
    b = _Bookings(p)
    out = []
    for crowd in _crowds(b, [frozenset(p.occurrences[o].rooms) for o in occ_ids]):
        out += _crowd_lines(b, crowd)
    return out


def _listed(lang: str, items: Iterable[str], sep: str = "explain.list_sep") -> str:
    return say(lang, sep).join(items)


def _room_names(p: Problem, keys: Iterable[str]) -> str:
    return _listed(p.locale, (f"{p.rooms[r].centre_name} {p.rooms[r].name}" for r in sorted(keys)))


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours(start: int, end: int) -> str:
    return f"{_clock(start)}-{_clock(end)}"


def _weekday(lang: str, isoweekday: int) -> str:
    return say(lang, f"weekday.{WEEKDAYS[isoweekday - 1]}")


def _crowd_lines(b: _Bookings, crowd: _Crowd) -> list[str]:
    p, lang = b.p, b.p.locale
    occs = [p.occurrences[d.occ] for d in crowd.demands]
    open_days = len(set().union(*(d.slots for d in crowd.demands)))
    line = say(
        lang,
        # Fewer open days than activities is the plain case; otherwise fixed days or hours
        # are what keeps the rooms from taking them all.
        "explain.room_overbooked" if open_days < len(occs) else "explain.room_overbooked_dates",
        rooms=_room_names(p, crowd.rooms),
        period=crowd.label,
        d=open_days,
        n=len(crowd.demands),
        m=crowd.placed,
        short=crowd.short,
        names=_listed(lang, (_event_name(p, o.id) for o in occs), "explain.event_sep"),
    )
    tips = [
        *_reopen(b, crowd, occs),
        *_unfix(b, crowd, occs),
        *_own_rooms(b, crowd, occs),
        *_other_rooms(b, crowd, occs),
        *_move_time(b, crowd, occs),
    ]
    if not tips:  # nothing that exists would do: only a new room or fewer activities
        equipment = sorted(set().union(*(o.equipment for o in occs)))
        tips.append(
            say(
                lang,
                "explain.room_add",
                need=max(o.capacity for o in occs),
                eq=say(lang, "explain.with_equipment", eq=_listed(lang, equipment))
                if equipment
                else "",
            )
        )
    return [line, *tips]


def _helps(crowd: _Crowd, demands: Sequence[_Demand]) -> bool:
    """Would the activities be fewer slots short with this change?"""
    enough = len(demands) - crowd.short + 1
    return _most_placed(demands, enough) >= enough


def _reopen(b: _Bookings, crowd: _Crowd, occs: list[Occurrence]) -> list[str]:
    """Closures and closed weekdays that shut usable days, each only if lifting it alone
    would give more slots (a day two closures cover opens only if both go)."""
    p, lang = b.p, b.p.locale
    opened = {o.id: b.demand(o, always_open=True).slots for o in occs}
    shut = set().union(*opened.values()) - set().union(*(d.slots for d in crowd.demands))
    if not shut:
        return []
    why = {slot: causes for slot in shut if (causes := b.shut_by(slot))}

    def freed(causes: set[Cause]) -> set[Slot]:
        return {slot for slot, c in why.items() if c <= causes}

    def helps(extra: set[Slot]) -> bool:
        trial = [replace(d, slots=d.slots | (opened[d.occ] & extra)) for d in crowd.demands]
        return _helps(crowd, trial)

    out = []
    closures = sorted({c for causes in why.values() for c in causes if c[0] == "closure"})
    for cause in closures:
        slots = freed({cause})
        if slots and helps(slots):
            out.append(_closure_line(p, cause, slots))
    weekdays: dict[str, dict[int, set[Slot]]] = defaultdict(dict)
    for cause in sorted({c for causes in why.values() for c in causes if c[0] == "weekday"}):
        slots = freed({cause})
        if slots and helps(slots):
            weekdays[cause[1]][cause[2]] = slots
    for centre, useful in sorted(weekdays.items()):
        out.append(
            say(
                lang,
                "explain.open_weekdays",
                centre=p.centres[centre],
                weekdays=_listed(lang, (_weekday(lang, w) for w in useful)),
                period=crowd.label,
                k=len(set().union(*useful.values())),
                each=_listed(
                    lang,
                    (
                        say(lang, "explain.weekday_days", day=_weekday(lang, w), k=len(s))
                        for w, s in useful.items()
                    ),
                ),
            )
        )
    if not out:  # no single change opens a usable day: the fewest kinds that do together
        every = {c for causes in why.values() for c in causes}
        for kind in ("closure", "weekday", None):
            together = {c for c in every if kind in (None, c[0])}
            slots = freed(together)
            if slots and helps(slots):
                names = (_cause_name(p, c, why) for c in sorted(together, key=str))
                out.append(
                    say(lang, "explain.lift_together", causes=_listed(lang, names), k=len(slots))
                )
                break
    return out


def _closure_line(p: Problem, cause: Cause, slots: set[Slot]) -> str:
    lang = p.locale
    _, start, end, reason = cause
    return say(
        lang,
        "explain.lift_closure",
        centre=_listed(lang, sorted({p.rooms[key].centre_name for key, _ in slots})),
        a=start,
        b=end,
        reason=say(lang, "explain.reason", reason=reason) if reason else "",
        k=len(slots),
    )


def _cause_name(p: Problem, cause: Cause, why: dict[Slot, frozenset[Cause]]) -> str:
    lang = p.locale
    if cause[0] == "weekday":
        return f"{p.centres[cause[1]]} {_weekday(lang, cause[2])}"
    _, start, end, reason = cause
    centres = sorted({p.rooms[key].centre_name for (key, _), c in why.items() if cause in c})
    reason = say(lang, "explain.reason", reason=reason) if reason else ""
    return f"{_listed(lang, centres)} {say(lang, 'explain.span', a=start, b=end)}{reason}"


def _unfix(b: _Bookings, crowd: _Crowd, occs: list[Occurrence]) -> list[str]:
    """flexible: true, only for series that are not flexible and only if moving them helps."""
    p = b.p
    fixed = {o.id for o in occs if not b.series[o.series].flexible}
    if not fixed:
        return []
    demands = []
    for dem, occ in zip(crowd.demands, occs, strict=True):
        if occ.id in fixed:
            days = tuple(d for d in sorted(p.workdays) if occ.first_day <= d <= occ.last_day)
            if days and (days[0] < crowd.first or days[-1] > crowd.last):
                continue  # free to leave the period: no longer bound to these rooms in it
            dem = b.demand(occ, candidates=days)
        demands.append(dem)
    if not _helps(crowd, demands):
        return []
    names = _listed(p.locale, sorted({p.series[p.occurrences[i].series].name for i in fixed}))
    return [say(p.locale, "explain.make_flexible", names=names)]


def _own_rooms(b: _Bookings, crowd: _Crowd, occs: list[Occurrence]) -> list[str]:
    """room.own_room: true, only where it is false and a host's own room is big enough and
    has the equipment."""
    p = b.p
    hosts: dict[str, list[str]] = {}
    for occ in occs:
        if occ.own_room:
            continue
        fits = [
            o
            for o in occ.pool
            if p.orgs[o].own_capacity >= occ.capacity and occ.equipment <= p.orgs[o].own_equipment
        ]
        if fits:
            hosts[occ.id] = fits
    if not hosts or not _helps(crowd, [d for d in crowd.demands if d.occ not in hosts]):
        return []
    orgs = sorted({o for fits in hosts.values() for o in fits})
    return [
        say(
            p.locale,
            "explain.use_own_room",
            # A few names are enough to show the rooms exist; the pool may be long.
            hosts=_listed(p.locale, (p.orgs[o].name for o in orgs[:3]))
            + ("…" if len(orgs) > 3 else ""),
            names=_listed(
                p.locale, sorted({p.series[p.occurrences[i].series].name for i in hosts})
            ),
        )
    ]


def _other_rooms(b: _Bookings, crowd: _Crowd, occs: list[Occurrence]) -> list[str]:
    """Rooms big enough and equipped for these activities that their hours leave out (a room
    that fitted by hours too would already be one of theirs)."""
    p = b.p
    extra: dict[str, tuple[str, ...]] = {}
    for occ in occs:
        fits = tuple(
            r.key
            for r in p.rooms.values()
            if r.key not in occ.rooms
            and r.capacity >= occ.capacity
            and occ.equipment <= r.equipment
        )
        if fits:
            extra[occ.id] = fits
    if not extra:
        return []
    demands = [
        b.demand(o, rooms=o.rooms + extra[o.id]) if o.id in extra else d
        for d, o in zip(crowd.demands, occs, strict=True)
    ]
    if not _helps(crowd, demands):
        return []
    rooms = sorted({r for fits in extra.values() for r in fits})
    return [
        say(
            p.locale,
            "explain.other_room",
            rooms=_listed(
                p.locale,
                (
                    say(
                        p.locale,
                        "explain.room_hours",
                        room=_room_names(p, [r]),
                        a=_clock(p.rooms[r].opens),
                        b=_clock(p.rooms[r].closes),
                    )
                    for r in rooms
                ),
            ),
            times=_listed(
                p.locale,
                sorted({_hours(p.occurrences[i].start, p.occurrences[i].end) for i in extra}),
            ),
        )
    ]


def _move_time(b: _Bookings, crowd: _Crowd, occs: list[Occurrence]) -> list[str]:
    """A new start for some series, only if two activities share hours and the rooms are open
    long enough for them to run one after the other."""
    p = b.p
    demands = crowd.demands
    # The busiest instant: the activities running then are the ones a room-day can take one of.
    busiest = max(
        sorted({d.start for d in demands}),
        key=lambda t: sum(d.start <= t < d.end for d in demands),
    )
    together = [o for d, o in zip(demands, occs, strict=True) if d.start <= busiest < d.end]
    if len(together) < 2:
        return []
    # Move whole series (a start time belongs to the series), the last first, until as many
    # occurrences move as slots are missing; at least one stays, or the crowd just moves along.
    want = min(crowd.short, len(together) - 1)
    by_series: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in together:
        by_series[occ.series].append(occ)
    moved: dict[str, int] = {}  # series -> its new start
    count = 0
    for sid in sorted(by_series, reverse=True):
        if count >= want or count + len(by_series[sid]) > len(together) - 1:
            continue
        start = _free_start(p, by_series[sid][0], demands)
        if start is not None:
            moved[sid] = start
            count += len(by_series[sid])
    if not moved:
        return []
    trial = [
        _moved(b, o, moved[o.series]) if o.series in moved else d
        for d, o in zip(demands, occs, strict=True)
    ]
    if not _helps(crowd, trial):
        return []
    out = []
    for start in sorted(set(moved.values())):
        series = sorted(sid for sid, t in moved.items() if t == start)
        first = p.occurrences[p.series[series[0]].occurrences[0]]
        out.append(
            say(
                p.locale,
                "explain.move_time",
                n=len(together),
                a=_clock(first.start),
                b=_clock(first.end),
                names=_listed(p.locale, (p.series[sid].name for sid in series)),
                t=_clock(start),
            )
        )
    return out


def _free_start(p: Problem, occ: Occurrence, demands: Sequence[_Demand]) -> int | None:
    """The start nearest its own at which the occurrence fits the hours of one of its rooms
    and runs at the same time as none of `demands`; None if the rooms are not open that long."""
    length = occ.end - occ.start
    tries = {p.rooms[r].opens for r in occ.rooms}
    tries |= {d.end for d in demands} | {d.start - length for d in demands}
    fitting = [
        t
        for t in tries
        if any(p.rooms[r].opens <= t and t + length <= p.rooms[r].closes for r in occ.rooms)
        and all(t + length <= d.start or d.end <= t for d in demands)
    ]
    return min(fitting, key=lambda t: (abs(t - occ.start), t)) if fitting else None


def _moved(b: _Bookings, occ: Occurrence, start: int) -> _Demand:
    """The occurrence at another start, in those of its rooms open at the new hours."""
    p = b.p
    end = start + occ.end - occ.start
    rooms = tuple(r for r in occ.rooms if p.rooms[r].opens <= start and end <= p.rooms[r].closes)
    return b.demand(occ, rooms=rooms, start=start)


def _pairs(p: Problem, visit_ids: list[str]) -> list[str]:
    lang = p.locale
    by_link: dict[str, list[str]] = defaultdict(list)
    for v in visit_ids:
        by_link[p.visits[v].link].append(v)
    out = []
    for link_id, ids in sorted(by_link.items()):
        link = p.links[link_id]
        days = sorted(set().union(*(set(p.visits[v].candidates) for v in ids)))
        out.append(
            say(
                lang,
                "explain.pair_too_tight",
                name=link.name,
                n=len(ids),
                gap=link.gap,
                k=len(days),
                a=p.day(days[0]) if days else "-",
                b=p.day(days[-1]) if days else "-",
            )
        )
    return out


def _hosts(p: Problem, occ_ids: list[str]) -> list[str]:
    lang = p.locale
    by_series: dict[str, list[str]] = defaultdict(list)
    for o in occ_ids:
        by_series[p.occurrences[o].series].append(o)
    out = []
    for sid, ids in sorted(by_series.items()):
        series = p.series[sid]
        free = {d for o in series.pool for d in p.orgs[o].available}
        days = sorted({d for i in ids for d in p.occurrences[i].candidates} & free)
        out.append(
            say(
                lang,
                "explain.series_hosts",
                name=series.name,
                n=len(ids),
                k=len(series.pool),
                d=len(days),
            )
        )
    return out
