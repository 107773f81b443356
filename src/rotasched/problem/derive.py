"""Deriving the prepared problem from a scenario: `prepare()` and its helpers.

From a validated scenario and its working calendar this works out every occurrence of every
series (period, candidate days, preferred day, term), every twinning visit (link, period,
candidate days), what each room and organisation can do on which day, and which travel
figures the scenario gives. Days are integers: day 0 is the horizon's first day (history may
be negative). The date arithmetic it leans on is in periods.py, the values it builds in
model.py.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from ..calendar import WorkCalendar, build_calendar
from ..scenario import Scenario
from ..scenario.errors import Issue, ScenarioError
from ..scenario.load import path_text
from ..scenario.model import Organisation, Secretary, Series, Twinning
from .duty import by_recency, duties, duty_of, last_hosted, rotations, term_spans
from .fixed import Reference, Refusal, settle
from .model import Link, Occurrence, Org, Person, Problem, Room, SeriesInfo, Visit
from .periods import cadence_periods, fall_back, periods, preferred_day, term_label

DayIndex = Callable[[date], int]


def prepare(
    scenario: Scenario, calendar: WorkCalendar | None = None, reference: Reference | None = None
) -> Problem:
    """Derive everything the planner and the checker need from a validated scenario.

    `reference` (a re-plan): the published plan to change as little as possible, the day
    before which nothing moves, and hand edits to keep (fixed.py).
    """
    cal = calendar or build_calendar(scenario)
    start = scenario.meta.start
    horizon = (scenario.meta.end - start).days + 1

    def idx(d: date) -> int:
        return (d - start).days

    workdays = frozenset(idx(d) for d in cal.workdays)
    orgs = {o.id: _org(o, start, horizon) for o in scenario.organisations}
    persons = _persons(scenario)
    rooms = _rooms(scenario, cal, start, horizon)
    occurrences: dict[str, Occurrence] = {}
    series_info: dict[str, SeriesInfo] = {}
    in_duty = duty_of(scenario)
    duty_members = [
        {o.id for o in scenario.organisations if g.id in o.groups}
        for g in scenario.groups
        if g.duty is not None
    ]
    last = last_hosted(scenario)
    for series in scenario.series:
        group, kind = in_duty.get(series.id, ("", series.term))
        occs = _occurrences(scenario, series, cal, rooms, idx, kind)
        occurrences.update((o.id, o) for o in occs)
        info = _series_info(scenario, series, occs, orgs, last, group)
        if series.term == "occurrence" and any(set(info.pool) <= m for m in duty_members):
            info = replace(info, executive=False)
        series_info[series.id] = info
    duties_ = duties(scenario, occurrences, orgs)
    links, visits = _twinning(scenario, cal, orgs, idx)
    if reference is not None and reference.freeze is not None:
        occurrences, visits = _not_in_the_past(
            occurrences, visits, reference.events.keys(), idx(reference.freeze))
    pins, refused = settle(scenario.pins, reference, occurrences, visits, orgs, rooms, idx)
    _refuse_scenario_pins(scenario, occurrences.keys() | visits.keys(), refused)
    return Problem(
        name=scenario.meta.name,
        uid_space=scenario.meta.id or "",
        locale=scenario.meta.locale,
        timezone=scenario.meta.timezone,
        start=start,
        end=scenario.meta.end,
        calendar=cal,
        workdays=workdays,
        orgs=orgs,
        persons=persons,
        rooms=rooms,
        centres={c.id: c.name for c in scenario.centres},
        series=series_info,
        occurrences=occurrences,
        links=links,
        visits=visits,
        duties=duties_,
        rotations=rotations(scenario, series_info, duties_, occurrences, orgs),
        visit_cap=_visit_cap(scenario, visits, workdays),
        discouraged=frozenset(
            idx(d) for span in scenario.visiting.discourage for d in span.days()
        ),
        places={c.id: c.location for c in scenario.centres}
        | {o.id: o.location for o in scenario.organisations},
        travel_table={(t.from_, t.to): t.minutes for t in scenario.travel},
        weights=scenario.weights.model_dump(),
        scenario=scenario,
        reference={
            event: anchor
            for event, anchor in (reference.events.items() if reference else ())
            if event in occurrences or event in visits
        },
        pins=pins,
        refused=tuple(r for r in refused if r.index < 0),
    )


def _not_in_the_past(
    occurrences: dict[str, Occurrence], visits: dict[str, Visit], published: Iterable[str],
    freeze: int,
) -> tuple[dict[str, Occurrence], dict[str, Visit]]:
    """In a re-plan, an event the published plan did not have (a series added, a pair formed)
    takes a day from the freeze date on: nobody can be told of one before it. An event whose
    whole period is before the freeze keeps its days (it is planned, and the re-plan's
    diff shows it as added)."""
    known = set(published)

    def later(days: tuple[int, ...]) -> tuple[int, ...]:
        after = tuple(d for d in days if d >= freeze)
        return after or days

    occurrences = {k: o if k in known else replace(o, candidates=later(o.candidates))
                   for k, o in occurrences.items()}  # fmt: skip
    visits = {k: v if k in known else replace(v, candidates=later(v.candidates))
              for k, v in visits.items()}  # fmt: skip
    return occurrences, visits


def _refuse_scenario_pins(s: Scenario, known: set[str], refused: list[Refusal]) -> None:
    """A scenario pin of an unknown event or against a rule of its own event is an error."""
    issues = [
        Issue(s.source, path_text(("pins", i, "event")), "pin_unknown_event", {"event": p.event})
        for i, p in enumerate(s.pins)
        if p.event not in known
    ]
    issues += [
        Issue(s.source, path_text(("pins", r.index)), "pin_breaks_rule",
              {"event": r.pin.event, "rule": r.rule})
        for r in refused
        if r.index >= 0 and r.pin.event in known
    ]
    if issues:
        raise ScenarioError(issues, s.meta.locale)


def _org(o: Organisation, start: date, horizon: int) -> Org:
    blocked = {(d - start).days for span in o.blackout for d in span.days()}
    if o.left is not None:  # gone from the day it leaves
        blocked |= set(range(max((o.left - start).days, 0), horizon))
    available = frozenset(
        i
        for i in range(horizon)
        if i not in blocked and (start + timedelta(days=i)).isoweekday() in o.weekdays
    )
    return Org(
        id=o.id,
        name=o.name,
        kind=o.kind,
        members=o.members,
        person=o.secretary.key,
        groups=tuple(o.groups),
        own_capacity=o.room.capacity if o.room else 0,
        own_equipment=frozenset(o.room.equipment) if o.room else frozenset(),
        available=available,
    )


def _persons(s: Scenario) -> dict[str, Person]:
    orgs: dict[str, list[str]] = defaultdict(list)
    first: dict[str, Secretary] = {}
    for o in s.organisations:
        orgs[o.secretary.key].append(o.id)
        first.setdefault(o.secretary.key, o.secretary)
    return {
        key: Person(key, first[key].name, first[key].contact, tuple(ids))
        for key, ids in orgs.items()
    }


def _rooms(s: Scenario, cal: WorkCalendar, start: date, horizon: int) -> dict[str, Room]:
    rooms = {}
    for c in s.centres:
        for r in c.rooms:
            closed = {
                (d - start).days
                for span in c.closures
                if not span.rooms or r.id in span.rooms
                for d in span.days()
            }
            open_days = set()
            for i in range(horizon):
                day = start + timedelta(days=i)
                if c.follows_official_calendar:
                    ok = cal.is_workday(day) and (
                        day.isoweekday() in c.open_days or day in cal.adjusted
                    )
                else:
                    ok = day.isoweekday() in c.open_days
                if ok and i not in closed:
                    open_days.add(i)
            key = f"{c.id}:{r.id}"
            rooms[key] = Room(
                key=key,
                centre=c.id,
                centre_name=c.name,
                room=r.id,
                name=r.name or r.id,
                capacity=r.capacity,
                equipment=frozenset(r.equipment),
                open_days=frozenset(open_days),
                opens=c.hours.open.hour * 60 + c.hours.open.minute,
                closes=c.hours.close.hour * 60 + c.hours.close.minute,
            )
    return rooms


def _occurrences(
    s: Scenario,
    series: Series,
    cal: WorkCalendar,
    rooms: dict[str, Room],
    idx: DayIndex,
    term_kind: str,
) -> list[Occurrence]:
    start_min = series.start.hour * 60 + series.start.minute
    end_min = start_min + series.duration
    attendance = s.attendance(series)
    need = series.room
    capacity = (need.capacity or attendance) if need else 0
    equipment = frozenset(need.equipment) if need else frozenset()
    fitting = tuple(
        key
        for key, r in rooms.items()
        if need
        and r.capacity >= capacity
        and equipment <= r.equipment
        and r.opens <= start_min
        and end_min <= r.closes
    )
    pool = tuple(s.host_pool(series))
    everyone = tuple(s.members_of(series.participants))
    leaving = _leaving(s)
    out: list[Occurrence] = []
    for label, a, b in cadence_periods(series.cadence, s.meta.start, s.meta.end):
        # An organisation that has left before the period begins no longer takes part. (It
        # stays in the pool: it simply is never available to host again.)
        participants = tuple(o for o in everyone if not _gone(leaving, o, a))
        if series.cadence.kind == "dates":  # an explicit date may fall back outside its "period"
            a, b = a - timedelta(days=7), b + timedelta(days=7)
            a, b = max(a, s.meta.start), min(b, s.meta.end)
        work = sorted(d for d in cal.workdays if a <= d <= b)
        if not work:
            continue
        anchor = a if series.cadence.kind != "dates" else series.cadence.dates[0]
        pref = preferred_day(series.day, a, b, work, series.fallback)
        if series.cadence.kind == "dates":
            anchor = date.fromisoformat(label)
            pref = fall_back(anchor, work, series.fallback)
        candidates = work if series.flexible or pref is None else [pref]
        out.append(
            Occurrence(
                id=f"{series.id}.{label}",
                series=series.id,
                index=len(out),
                period=label,
                first_day=idx(a),
                last_day=idx(b),
                term=term_label(term_kind, label, anchor),
                candidates=tuple(idx(d) for d in candidates),
                preferred=idx(pref) if pref is not None else None,
                start=start_min,
                end=end_min,
                attendance=attendance,
                needs_room=need is not None,
                capacity=capacity,
                equipment=equipment,
                own_room=bool(need and need.own_room),
                pool=pool,
                participants=participants,
                rooms=fitting,
            )
        )
    return out


def _series_info(
    s: Scenario,
    series: Series,
    occs: list[Occurrence],
    orgs: dict[str, Org],
    last: dict[str, date],
    duty: str,
) -> SeriesInfo:
    pool = tuple(s.host_pool(series))
    share = {o: (max(orgs[o].members, 1) if series.fairness == "members" else 1) for o in pool}
    records = sorted(
        (r for r in s.history.hosts if r.series == series.id), key=lambda r: (r.date, r.host)
    )
    count = {o: 0 for o in pool}
    for r in records:
        if r.host in count:
            count[r.host] += 1
    # Least recently hosting *anything* first: the order runs on across series and periods.
    recency = by_recency(pool, last)
    # A duty series' terms belong to its group's duty rotation.
    spans = () if duty else term_spans(occs)
    longest = max((len(t.occurrences) for t in spans), default=1)
    return SeriesInfo(
        id=series.id,
        name=series.name,
        type=series.type,
        term_kind=series.term,
        fairness=series.fairness,
        pool=pool,
        share=share,
        history_count=count,
        recency=recency,
        last_host=records[-1].host if records else "",
        occurrences=tuple(o.id for o in occs),
        terms=spans,
        strong_weak=tuple((p.strong, p.weak) for p in series.strong_weak),
        max_per_term=max(1, math.ceil(longest / max(len(pool), 1))),
        effort=series.effort,
        duty=duty,
        executive=not duty,
    )


def _level(
    visits: dict[str, Visit], open_days: set[int], order: dict[str, tuple[int, int]]
) -> dict[str, Visit]:
    """Give each visit its own ideal day, so the programme's visits spread evenly over the
    working days of their period instead of every pair aiming at the same midpoint (which
    put 68 visits on one day before Spring Festival). Within a period the first visits of
    all pairs come first, then the second ones, each in pair order: a pair's own visits stay
    apart and in order."""
    periods: dict[tuple[int, int], list[Visit]] = defaultdict(list)
    for v in visits.values():
        periods[(v.first_day, v.last_day)].append(v)
    out = dict(visits)
    for (first, last), group in periods.items():
        days = [i for i in range(first, last + 1) if i in open_days]
        if not days:
            continue
        group.sort(key=lambda v: order[v.id])
        n = len(group)
        for j, v in enumerate(group):
            out[v.id] = replace(v, ideal=days[min(len(days) - 1, int((j + 0.5) * len(days) / n))])
    return out


def _visit_cap(s: Scenario, visits: dict[str, Visit], workdays: frozenset[int]) -> int:
    """Most visits one working day may hold: `peak` times the programme's mean visits per
    working day, and never fewer than `peak` itself (rounded up): for a small programme a
    handful on one day is no bunching, and a cap of one would make every visit a scheduling
    conflict with every other."""
    if not visits or not workdays:
        return max(1, len(visits))
    mean = len(visits) / len(workdays)
    return max(math.ceil(s.visiting.peak), math.floor(s.visiting.peak * mean))


def _twinning(
    s: Scenario, cal: WorkCalendar, orgs: dict[str, Org], idx: DayIndex
) -> tuple[dict[str, Link], dict[str, Visit]]:
    links: dict[str, Link] = {}
    visits: dict[str, Visit] = {}
    # Days no visit takes: the windows the scenario avoids (festivals), and 调休 weekends
    # unless it allows them (people work them in lieu; a delegation there is a burden).
    closed = {d for span in s.visiting.avoid for d in span.days()}
    if not s.visiting.adjusted_weekends:
        closed |= set(cal.adjusted)
    leaving = _leaving(s)
    order: dict[str, tuple[int, int]] = {}  # visit -> (its number in the period, link number)
    for pair in s.twinning:
        for link_id, helpers, helped in _links(pair):
            start_min = pair.start.hour * 60 + pair.start.minute
            members = (*helpers, *helped)
            allowed = {"both": members, "helpers": helpers, "helped": helped}[pair.hosts]
            ids: list[str] = []
            for label, a, b in periods(pair.per, 0, s.meta.start, s.meta.end):
                # Members that have left before the period no longer visit or receive; a
                # link left with one side empty has no visit that period.
                here = [o for o in members if not _gone(leaving, o, a)]
                side_a = tuple(o for o in helpers if o in here)
                side_b = tuple(o for o in helped if o in here)
                if not side_a or not side_b:
                    continue
                work = [
                    idx(d)
                    for d in sorted(cal.workdays)
                    if a <= d <= b
                    and d not in closed
                    and all(idx(d) in orgs[o].available for o in here)
                ]
                span = (b - a).days + 1
                for k in range(pair.visits):
                    vid = f"{link_id}.{label}.{k + 1}"
                    ideal = idx(a) + round((k + 0.5) * span / pair.visits)
                    visits[vid] = Visit(
                        id=vid,
                        pair=pair.id,
                        link=link_id,
                        index=len(ids),
                        period=label,
                        first_day=idx(a),
                        last_day=idx(b),
                        candidates=tuple(work),
                        ideal=ideal,
                        start=start_min,
                        end=start_min + pair.duration,
                        hosts=tuple(o for o in allowed if o in here),
                        helpers=side_a,
                        helped=side_b,
                        delegation=pair.delegation,
                    )
                    ids.append(vid)
                    order[vid] = (k, len(links))
            history = sorted(
                (v for v in s.history.visits if v.pair == pair.id and v.host in members),
                key=lambda v: v.date,
            )
            last = history[-1] if history else None
            links[link_id] = Link(
                id=link_id,
                pair=pair.id,
                name=pair.name or pair.id,
                form=pair.form,
                helpers=tuple(helpers),
                helped=tuple(helped),
                alternate=pair.alternate,
                gap=pair.min_gap_days,
                visits=tuple(ids),
                last_visit_day=idx(last.date) if last else None,
                last_host_helped=(last.host in helped) if last else None,
                alternating=pair.alternate and pair.hosts == "both",
            )
    open_days = {idx(d) for d in cal.workdays if d not in closed}
    return links, _level(visits, open_days, order)


def _leaving(s: Scenario) -> dict[str, date]:
    return {o.id: o.left for o in s.organisations if o.left is not None}


def _gone(leaving: dict[str, date], org: str, day: date) -> bool:
    """Has the organisation left by that day?"""
    return org in leaving and leaving[org] <= day


def _links(pair: Twinning) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    if pair.form == "one_to_many":
        return [(f"{pair.id}~{v}", tuple(pair.helpers), (v,)) for v in pair.helped]
    return [(pair.id, tuple(pair.helpers), tuple(pair.helped))]
