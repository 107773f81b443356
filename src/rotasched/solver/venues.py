"""Which room of which centre (or the host's own room) each occurrence takes, and its day.

Hard: occurrence_date, room_fits, room_single_use.
Soft: travel (of occurrences; visits add theirs in twinning), regular_day, centre_balance.
"""

from __future__ import annotations

from ..problem import Occurrence
from .base import BoolVar, Model, posts


def declare(m: Model) -> None:
    """A literal per fitting centre room and per host's own room; an interval per room use."""
    p = m.problem
    for occ in p.occurrences.values():
        if not occ.needs_room:
            continue
        rooms = {r: m.cp.new_bool_var(f"room[{occ.id},{r}]") for r in occ.rooms}
        own = {
            o: m.cp.new_bool_var(f"own[{occ.id},{o}]")
            for o in occ.pool
            if occ.fits_own_room(p.orgs[o])
        }
        m.room[occ.id], m.own[occ.id] = rooms, own
        for key, lit in rooms.items():
            m.room_intervals[key].append(
                m.interval(occ.id, occ.start, occ.end - occ.start, lit, f"@{key}")
            )


@posts("occurrence_date")
def occurrence_date(m: Model) -> None:
    """A working day of the period; the rule's own day when the series is not flexible."""
    for occ in m.problem.occurrences.values():
        m.restrict_days(occ.id, occ.candidates)


@posts("room_fits")
def room_fits(m: Model) -> None:
    """Exactly one room that fits, open on the day; an own room only the host's."""
    p = m.problem
    for occ_id, rooms in m.room.items():
        own = m.own[occ_id]
        if not rooms and not own:
            m.static_problems.append((occ_id, "no_room"))
        m.cp.add(sum(rooms.values()) + sum(own.values()) == m.placed[occ_id])
        for key, lit in rooms.items():
            m.day_in(occ_id, p.rooms[key].open_days, lit)
        for org, lit in own.items():
            m.cp.add_implication(lit, m.host[occ_id][org])


@posts("room_single_use")
def room_single_use(m: Model) -> None:
    """No room holds two things at once."""
    for intervals in m.room_intervals.values():
        if len(intervals) > 1:
            m.cp.add_no_overlap(intervals)


@posts("travel")
def travel(m: Model) -> None:
    """Minutes all participants travel to the venue (a centre, or the host)."""
    p = m.problem
    for occ_id, rooms in m.room.items():
        occ = p.occurrences[occ_id]
        for key, lit in rooms.items():
            m.add_term("travel", _minutes(m, occ, p.rooms[key].centre), lit)
        for org, lit in m.own[occ_id].items():
            m.add_term("travel", _minutes(m, occ, org), lit)
    for visit in p.visits.values():
        # The guests' delegations travel to the host (分钟 × 人).
        for host, lit in m.host[visit.id].items():
            cost = visit.delegation * sum(p.travel(g, host) for g in visit.orgs if g != host)
            m.add_term("travel", cost, lit)


def _minutes(m: Model, occ: Occurrence, place: str) -> int:
    """All participants' minutes to a place: the same for every occurrence with the same
    participants (a member that has left changes them), so summed once per such group."""
    key = (occ.participants, place)
    if key not in m.travel_sums:
        m.travel_sums[key] = sum(m.problem.travel(o, place) for o in occ.participants)
    return m.travel_sums[key]


@posts("regular_day")
def regular_day(m: Model) -> None:
    """Days between the occurrence and its series' preferred day."""
    for occ in m.problem.occurrences.values():
        if occ.preferred is None or len(occ.candidates) < 2:
            continue
        span = occ.last_day - occ.first_day + 1
        dev = m.abs_dev(m.day[occ.id] - occ.preferred, span + 14, f"dev_day[{occ.id}]")
        m.add_term("regular_day", 1, dev)


@posts("centre_balance")
def centre_balance(m: Model) -> None:
    """The bookings of the busiest room, so load spreads over rooms."""
    per_room: dict[str, list[BoolVar]] = {}
    for rooms in m.room.values():
        for key, lit in rooms.items():
            per_room.setdefault(key, []).append(lit)
    if len(per_room) < 2:
        return
    busiest = m.cp.new_int_var(0, len(m.room), "busiest_room")
    m.cp.add_max_equality(busiest, [sum(lits) for lits in per_room.values()])
    m.add_term("centre_balance", 1, busiest)
