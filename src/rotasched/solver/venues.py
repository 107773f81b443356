"""Which room of which centre (or the host's own room) each occurrence takes, and its day.

Hard: occurrence_date (the day domain), room_fits, room_single_use.
Soft: travel, regular_day, centre_balance.
"""

from __future__ import annotations

from .base import BoolVar, Model


def post(m: Model) -> None:
    for occ in m.problem.occurrences.values():
        occurrence_date(m, occ.id)
        if occ.needs_room:
            room_fits(m, occ.id)
            travel(m, occ.id)
        regular_day(m, occ.id)
    room_single_use(m)
    centre_balance(m)


def occurrence_date(m: Model, occ_id: str) -> None:
    """occurrence_date: a working day of the period; the day domain already says so."""
    # The candidates come from problem.prepare (working days of the period, or the rule's
    # day when the series is not flexible); nothing further to post.
    assert occ_id in m.day


def room_fits(m: Model, occ_id: str) -> None:
    """room_fits: exactly one room that fits, open on the day; own room only the host's."""
    p = m.problem
    occ = p.occurrences[occ_id]
    rooms = {r: m.cp.new_bool_var(f"room[{occ_id},{r}]") for r in occ.rooms}
    own = {
        o: m.cp.new_bool_var(f"own[{occ_id},{o}]") for o in occ.pool if occ.fits_own_room(p.orgs[o])
    }
    m.room[occ_id], m.own[occ_id] = rooms, own
    if not rooms and not own:
        m.static_problems.append((occ_id, "no_room"))
    m.cp.add(sum(rooms.values()) + sum(own.values()) == m.placed[occ_id])
    for key, lit in rooms.items():
        m.day_in(occ_id, p.rooms[key].open_days, lit)
        m.room_intervals[key].append(
            m.interval(occ_id, occ.start, occ.end - occ.start, lit, f"@{key}")
        )
    for org, lit in own.items():
        m.cp.add_implication(lit, m.host[occ_id][org])


def room_single_use(m: Model) -> None:
    """room_single_use: no room holds two things at once."""
    for intervals in m.room_intervals.values():
        if len(intervals) > 1:
            m.cp.add_no_overlap(intervals)


def travel(m: Model, occ_id: str) -> None:
    """travel: minutes all participants travel to the venue (a centre, or the host)."""
    p = m.problem
    occ = p.occurrences[occ_id]

    def minutes(place: str) -> int:
        # The participants of a series are the same every time: sum once per series and place.
        key = (occ.series, place)
        if key not in m.travel_sums:
            m.travel_sums[key] = sum(p.travel(o, place) for o in occ.participants)
        return m.travel_sums[key]

    for key, lit in m.room[occ_id].items():
        m.add_term("travel", minutes(p.rooms[key].centre), lit)
    for org, lit in m.own[occ_id].items():
        m.add_term("travel", minutes(org), lit)


def regular_day(m: Model, occ_id: str) -> None:
    """regular_day: days between the occurrence and its series' preferred day."""
    occ = m.problem.occurrences[occ_id]
    if occ.preferred is None or len(occ.candidates) < 2:
        return
    span = occ.last_day - occ.first_day + 1
    dev = m.cp.new_int_var(0, span + 14, f"dev_day[{occ_id}]")
    m.cp.add(dev >= m.day[occ_id] - occ.preferred)
    m.cp.add(dev >= occ.preferred - m.day[occ_id])
    m.add_term("regular_day", 1, dev)


def centre_balance(m: Model) -> None:
    """centre_balance: the bookings of the busiest room, so load spreads over rooms."""
    if not m.problem.weights["centre_balance"]:
        return
    per_room: dict[str, list[BoolVar]] = {}
    for rooms in m.room.values():
        for key, lit in rooms.items():
            per_room.setdefault(key, []).append(lit)
    if len(per_room) < 2:
        return
    busiest = m.cp.new_int_var(0, len(m.room), "busiest_room")
    for lits in per_room.values():
        m.cp.add(busiest >= sum(lits))
    m.add_term("centre_balance", 1, busiest)
