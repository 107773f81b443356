"""Say why a set of rooms is over-booked, and which changes would give it the slots it lacks.

explain.py calls `_rooms` with the room-bound events of an infeasibility core; the rooms they
contest are counted whole by explain_count.py, and each over-booked period gets one line
naming the rooms, the open days and the activities, then the suggestions: reopen closed days,
make series flexible, use hosts' own rooms, use other rooms, or move a start time. Each is
offered only if it would give the activities more slots; when none would, a new room is the
suggestion. It is apart from explain.py so that each module stays small.

The helpers that name events, rooms, hours and weekdays live here too, since the room lines
use most of them; explain.py imports `_event_name` from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..problem import Occurrence, Problem
from ..words import say
from .explain_count import Cause, Slot, _Bookings, _Crowd, _crowds, _Demand, _helps

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # isoweekday 1..7, as in words


def _event_name(p: Problem, event_id: str) -> str:
    if event_id in p.occurrences:
        occ = p.occurrences[event_id]
        return f"{p.series[occ.series].name} {occ.period}"
    visit = p.visits[event_id]
    return f"{p.links[visit.link].name} {visit.period}#{visit.index + 1}"


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
