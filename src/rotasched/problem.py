"""Stage 3: the prepared problem, frozen. The only place that derives things.

From a validated scenario and its working calendar this works out every occurrence of every
series (period, candidate days, preferred day, term), every twinning visit (link, period,
candidate days), what each room and organisation can do on which day, and travel times.
Days are integers: day 0 is the horizon's first day (history may be negative).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .calendar import WorkCalendar, build_calendar
from .scenario import Scenario
from .scenario.model import Cadence, DayRule, Location, Organisation, Secretary, Series, Twinning

MINUTES_PER_DAY = 24 * 60
FAIRNESS_SCALE = 10  # fairness is counted in tenths of a turn
DayIndex = Callable[[date], int]


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    kind: str
    members: int
    person: str  # the secretary's person key
    groups: tuple[str, ...]
    own_capacity: int  # 0: no room of its own
    own_equipment: frozenset[str]
    available: frozenset[int]  # days it can host or receive (blackouts, weekday limits)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    contact: str
    orgs: tuple[str, ...]


@dataclass(frozen=True)
class Room:
    key: str  # "centre:room" - unique across centres
    centre: str
    centre_name: str
    room: str
    name: str
    capacity: int
    equipment: frozenset[str]
    open_days: frozenset[int]
    opens: int  # minutes of day
    closes: int


@dataclass(frozen=True)
class Occurrence:
    id: str
    series: str
    index: int  # position in the series, chronological
    period: str
    first_day: int
    last_day: int
    term: str
    candidates: tuple[int, ...]  # working days it may take
    preferred: int | None
    start: int  # minutes of day
    end: int
    attendance: int
    needs_room: bool
    capacity: int  # seats needed, 0 if no room needed
    equipment: frozenset[str]
    own_room: bool
    pool: tuple[str, ...]
    participants: tuple[str, ...]
    rooms: tuple[str, ...]  # centre rooms that fit by size, equipment and hours

    def fits_own_room(self, org: Org) -> bool:
        return (
            self.needs_room
            and self.own_room
            and org.own_capacity >= self.capacity
            and self.equipment <= org.own_equipment
        )


@dataclass(frozen=True)
class TermSpan:
    label: str
    first_day: int
    last_day: int
    occurrences: tuple[str, ...]


@dataclass(frozen=True)
class SeriesInfo:
    id: str
    name: str
    type: str
    term_kind: str
    fairness: str
    pool: tuple[str, ...]
    share: dict[str, int]  # fairness weight of each pool member (1, or its member count)
    history_count: dict[str, int]
    recency: tuple[str, ...]  # pool ordered: least recently hosted first
    last_host: str  # last host in history, "" if none
    occurrences: tuple[str, ...]
    terms: tuple[TermSpan, ...]
    strong_weak: tuple[tuple[str, str], ...]
    max_per_term: int  # an org hosts at most this many occurrences of one term

    def fair_target(self, org: str, turns: int) -> int:
        """An org's fair count of `turns` plus history, in tenths: equal or by members."""
        total = turns + sum(self.history_count.values())
        return round(FAIRNESS_SCALE * total * self.share[org] / sum(self.share.values()))


def slot_cost(k: int, rank: int, n: int) -> int:
    """How far turn k is from the turns a member of rank `rank` takes in a round robin of n."""
    if k <= rank:
        return rank - k
    d = (k - rank) % n
    return min(d, n - d)


@dataclass(frozen=True)
class Visit:
    id: str
    pair: str
    link: str
    index: int  # position within its link, chronological
    period: str
    first_day: int
    last_day: int
    candidates: tuple[int, ...]
    ideal: int  # the day that spreads the visits evenly over the period
    start: int
    end: int
    hosts: tuple[str, ...]  # who may host
    helpers: tuple[str, ...]
    helped: tuple[str, ...]
    delegation: int  # people each visiting organisation sends

    @property
    def orgs(self) -> tuple[str, ...]:
        return (*self.helpers, *self.helped)


@dataclass(frozen=True)
class Link:
    """The visiting unit of a pair: 1:1 and many:1 are one link, 1:many is one per helped org."""

    id: str
    pair: str
    name: str
    form: str
    helpers: tuple[str, ...]
    helped: tuple[str, ...]
    alternate: bool
    gap: int
    visits: tuple[str, ...]
    last_visit_day: int | None  # from history, day index (negative: before the horizon)
    last_host_helped: bool | None  # did the helped side host the last visit in history?
    alternating: bool  # hosting must alternate: the pair asks for it and both sides may host


@dataclass(frozen=True)
class Problem:
    name: str
    uid_space: str  # meta.id: keeps calendar UIDs of different planning bodies apart
    locale: str
    timezone: str
    start: date
    end: date
    calendar: WorkCalendar
    workdays: frozenset[int]
    orgs: dict[str, Org]
    persons: dict[str, Person]
    rooms: dict[str, Room]
    centres: dict[str, str]  # centre id -> name
    series: dict[str, SeriesInfo]
    occurrences: dict[str, Occurrence]
    links: dict[str, Link]
    visits: dict[str, Visit]
    places: dict[str, Location]  # centres and organisations
    travel_table: dict[tuple[str, str], int]  # minutes the scenario gives
    weights: dict[str, int]
    scenario: Scenario = field(repr=False, compare=False)

    def day(self, index: int) -> date:
        return self.start + timedelta(days=index)

    def index(self, day: date) -> int:
        return (day - self.start).days

    def person_of(self, org: str) -> Person:
        return self.persons[self.orgs[org].person]

    def travel(self, org: str, place: str) -> int:
        """Minutes from an organisation to a centre or another organisation."""
        if org == place:
            return 0
        given = self.travel_table.get((org, place))
        return given if given is not None else _minutes(self.places[org], self.places[place])


def prepare(scenario: Scenario, calendar: WorkCalendar | None = None) -> Problem:
    """Derive everything the planner and the checker need from a validated scenario."""
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
    for series in scenario.series:
        occs = _occurrences(scenario, series, cal, rooms, idx)
        occurrences.update((o.id, o) for o in occs)
        series_info[series.id] = _series_info(scenario, series, occs, orgs, idx)
    links, visits = _twinning(scenario, cal, orgs, idx)
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
        places={c.id: c.location for c in scenario.centres}
        | {o.id: o.location for o in scenario.organisations},
        travel_table={(t.from_, t.to): t.minutes for t in scenario.travel},
        weights=scenario.weights.model_dump(),
        scenario=scenario,
    )


def _org(o: Organisation, start: date, horizon: int) -> Org:
    blocked = {(d - start).days for span in o.blackout for d in span.days()}
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


# ---- periods ------------------------------------------------------------------------------


def periods(kind: str, weeks: int, first: date, last: date) -> list[tuple[str, date, date]]:
    """(label, first day, last day) of each period of a cadence, clipped to the horizon."""
    out: list[tuple[str, date, date]] = []
    if kind == "weeks":
        step = timedelta(weeks=weeks)
        a, n = first, 1
        while a <= last:
            b = min(a + step - timedelta(days=1), last)
            out.append((f"{a.isoformat()}", a, b))
            a, n = a + step, n + 1
        return out
    months = {"month": 1, "monthly": 1, "quarter": 3, "quarterly": 3, "year": 12, "yearly": 12}[
        kind
    ]
    year, month = first.year, ((first.month - 1) // months) * months + 1
    while date(year, month, 1) <= last:
        a = date(year, month, 1)
        ny, nm = (year + (month - 1 + months) // 12, (month - 1 + months) % 12 + 1)
        b = date(ny, nm, 1) - timedelta(days=1)
        if months == 1:
            label = f"{year}-{month:02d}"
        elif months == 3:
            label = f"{year}Q{(month - 1) // 3 + 1}"
        else:
            label = f"{year}"
        out.append((label, max(a, first), min(b, last)))
        year, month = ny, nm
    return out


def preferred_day(
    rule: DayRule, first: date, last: date, workdays: list[date], fallback: str
) -> date | None:
    """The day a rule names within a period, moved to a working day by the fallback."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    if rule.kind == "any" or not days:
        return None
    if rule.kind == "nth_workday":
        picked: date | None = _nth(workdays, rule.n)
    elif rule.kind == "nth":
        picked = _nth([d for d in days if d.isoweekday() == rule.weekday], rule.n)
    else:
        month_start = first.replace(day=1)
        try:
            picked = month_start.replace(day=rule.n)
        except ValueError:  # day 31 in a short month: its last day
            nxt = (month_start + timedelta(days=32)).replace(day=1)
            picked = nxt - timedelta(days=1)
        if not first <= picked <= last:
            picked = None
    if picked is None or not workdays:
        return None
    return _fallback(picked, workdays, fallback)


def _nth(days: list[date], n: int) -> date | None:
    if not days:
        return None
    if n == -1:
        return days[-1]
    return days[n - 1] if 0 < n <= len(days) else None


def _cadence_periods(c: Cadence, first: date, last: date) -> list[tuple[str, date, date]]:
    if c.kind == "dates":
        return [(d.isoformat(), d, d) for d in sorted(c.dates) if first <= d <= last]
    return periods(c.kind, c.weeks, first, last)


def _term_label(kind: str, period_label: str, day: date) -> str:
    if kind == "occurrence":
        return period_label
    if kind == "month":
        return f"{day.year}-{day.month:02d}"
    if kind == "quarter":
        return f"{day.year}Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}"


def _occurrences(
    s: Scenario, series: Series, cal: WorkCalendar, rooms: dict[str, Room], idx: DayIndex
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
    participants = tuple(s.members_of(series.participants))
    out: list[Occurrence] = []
    for label, a, b in _cadence_periods(series.cadence, s.meta.start, s.meta.end):
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
            pref = _fallback(anchor, work, series.fallback)
        candidates = work if series.flexible or pref is None else [pref]
        out.append(
            Occurrence(
                id=f"{series.id}.{label}",
                series=series.id,
                index=len(out),
                period=label,
                first_day=idx(a),
                last_day=idx(b),
                term=_term_label(series.term, label, anchor),
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


def _fallback(day: date, work: list[date], fallback: str) -> date:
    """The day itself if it is a working day, else the next (or previous) one in `work`."""
    if day in work:
        return day
    later = [d for d in work if d > day]
    earlier = [d for d in work if d < day]
    if fallback == "next":
        return later[0] if later else earlier[-1]
    return earlier[-1] if earlier else later[0]


def _series_info(
    s: Scenario, series: Series, occs: list[Occurrence], orgs: dict[str, Org], idx: DayIndex
) -> SeriesInfo:
    pool = tuple(s.host_pool(series))
    share = {o: (max(orgs[o].members, 1) if series.fairness == "members" else 1) for o in pool}
    records = sorted(
        (r for r in s.history.hosts if r.series == series.id), key=lambda r: (r.date, r.host)
    )
    count = {o: 0 for o in pool}
    last_seen: dict[str, date] = {}
    for r in records:
        if r.host in count:
            count[r.host] += 1
        last_seen[r.host] = r.date
    # Least recently hosted first; never hosted before anyone who has; then scenario order.
    order = {o: i for i, o in enumerate(pool)}
    recency = tuple(
        sorted(pool, key=lambda o: (o in last_seen, last_seen.get(o, date.min), order[o]))
    )
    terms: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occs:
        terms[occ.term].append(occ)
    spans = tuple(
        TermSpan(
            label,
            min(o.first_day for o in group),
            max(o.last_day for o in group),
            tuple(o.id for o in group),
        )
        for label, group in terms.items()
    )
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
    )


def _twinning(
    s: Scenario, cal: WorkCalendar, orgs: dict[str, Org], idx: DayIndex
) -> tuple[dict[str, Link], dict[str, Visit]]:
    links: dict[str, Link] = {}
    visits: dict[str, Visit] = {}
    for pair in s.twinning:
        for link_id, helpers, helped in _links(pair):
            start_min = pair.start.hour * 60 + pair.start.minute
            members = (*helpers, *helped)
            allowed = {"both": members, "helpers": helpers, "helped": helped}[pair.hosts]
            ids: list[str] = []
            for label, a, b in periods(pair.per, 0, s.meta.start, s.meta.end):
                work = [
                    idx(d)
                    for d in sorted(cal.workdays)
                    if a <= d <= b and all(idx(d) in orgs[o].available for o in members)
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
                        hosts=tuple(allowed),
                        helpers=tuple(helpers),
                        helped=tuple(helped),
                        delegation=pair.delegation,
                    )
                    ids.append(vid)
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
    return links, visits


def _links(pair: Twinning) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    if pair.form == "one_to_many":
        return [(f"{pair.id}~{v}", tuple(pair.helpers), (v,)) for v in pair.helped]
    return [(pair.id, tuple(pair.helpers), tuple(pair.helped))]


# ---- travel -----------------------------------------------------------------------------


def _minutes(a: Location, b: Location) -> int:
    """Door-to-door estimate: 25 km/h across town plus 10 minutes; by district if no coordinates."""
    if None not in (a.lat, a.lon, b.lat, b.lon):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        r = 6371.0
        p1, p2 = math.radians(a.lat), math.radians(b.lat)
        dp, dl = p2 - p1, math.radians(b.lon - a.lon)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        km = 2 * r * math.asin(math.sqrt(h))
        return round(10 + km / 25 * 60)
    if a.district and b.district:
        return 15 if a.district == b.district else 45
    return 30
