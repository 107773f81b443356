"""Rules that span several records: unique ids, references, sizes that cannot fit, bounds
that depend on the horizon; and warnings, for what looks wrong but may be meant.

Each rule is a generator of (location, code, params); the loader turns locations into
"file: path" or "table row N column C" and codes into zh/en text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, time, timedelta
from typing import Any

from .limits import FIRST_OFFICIAL_YEAR, LAST_PROVISIONAL_YEAR, most_weekdays
from .model import Members, Organisation, Scenario, Series

Loc = tuple[str | int, ...]
Found = tuple[Loc, str, dict[str, Any]]


def cross_check(s: Scenario) -> list[Found]:
    rules = (
        unique_ids,
        one_name_per_secretary,
        group_refs,
        series_refs,
        group_duties,
        series_host_pools,
        series_rooms,
        twinning_refs,
        history_refs,
        pin_refs,
        travel_refs,
        centre_closure_rooms,
        supplied_years,
        horizon_years,
        series_dates,
        twinning_counts,
    )
    return [found for rule in rules for found in rule(s)]


def warnings(s: Scenario) -> list[Found]:
    """What a valid scenario may mean but more likely got wrong: said, never refused."""
    return list(same_org_names(s))


def _unique(items: Iterable[Any], where: Loc) -> Iterator[Found]:
    first: dict[str, Loc] = {}
    for i, item in enumerate(items):
        loc = (*where, i, "id")
        if item.id in first:
            yield loc, "duplicate_id", {"id": item.id, "first": _show(first[item.id])}
        else:
            first[item.id] = loc


def _show(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def unique_ids(s: Scenario) -> Iterator[Found]:
    yield from _unique(s.groups, ("groups",))
    yield from _unique(s.organisations, ("organisations",))
    yield from _unique(s.centres, ("centres",))
    yield from _unique(s.series, ("series",))
    yield from _unique(s.twinning, ("twinning",))
    for c, centre in enumerate(s.centres):
        yield from _unique(centre.rooms, ("centres", c, "rooms"))


def one_name_per_secretary(s: Scenario) -> Iterator[Found]:
    seen: dict[str, str] = {}
    for i, org in enumerate(s.organisations):
        sec = org.secretary
        if sec.id is None:
            continue
        if sec.id in seen and seen[sec.id] != sec.name:
            yield (
                ("organisations", i, "secretary", "name"),
                "person_conflict",
                {"id": sec.id, "a": seen[sec.id], "b": sec.name},
            )
        seen.setdefault(sec.id, sec.name)


def _ref(loc: Loc, known: set[str], value: str, what: str) -> Iterator[Found]:
    if value not in known:
        yield loc, "unknown_ref", {"what": what, "id": value}


def group_refs(s: Scenario) -> Iterator[Found]:
    groups = {g.id for g in s.groups}
    for i, org in enumerate(s.organisations):
        for j, g in enumerate(org.groups):
            yield from _ref(("organisations", i, "groups", j), groups, g, "group")


def _members_refs(s: Scenario, who: Members, loc: Loc) -> Iterator[Found]:
    groups = {g.id for g in s.groups}
    orgs = {o.id for o in s.organisations}
    for j, g in enumerate(who.groups):
        yield from _ref((*loc, "groups", j), groups, g, "group")
    for j, o in enumerate(who.orgs):
        yield from _ref((*loc, "orgs", j), orgs, o, "organisation")


def series_refs(s: Scenario) -> Iterator[Found]:
    for i, series in enumerate(s.series):
        yield from _members_refs(s, series.participants, ("series", i, "participants"))
        if series.hosts is not None:
            yield from _members_refs(s, series.hosts, ("series", i, "hosts"))
        if not s.members_of(series.participants):
            yield ("series", i, "participants"), "no_participants", {}
        pool = set(s.host_pool(series))
        for j, pair in enumerate(series.strong_weak):
            for side in ("strong", "weak"):
                org_id = getattr(pair, side)
                if org_id not in pool:
                    yield (
                        ("series", i, "strong_weak", j, side),
                        "host_not_in_pool",
                        {"id": org_id, "series": series.id},
                    )


def group_duties(s: Scenario) -> Iterator[Found]:
    """A duty rotation names existing series, each in one duty only, each without a term of
    its own (the duty's term is the term), with members that could take every duty."""
    series = {x.id: x for x in s.series}
    taken: dict[str, str] = {}
    for i, group in enumerate(s.groups):
        if group.duty is None:
            continue
        loc: Loc = ("groups", i, "duty", "series")
        for j, sid in enumerate(group.duty.series):
            if sid not in series:
                yield from _ref((*loc, j), set(series), sid, "series")
                continue
            if sid in taken:
                yield (*loc, j), "duty_twice", {"series": sid, "group": taken[sid]}
            taken[sid] = group.id
            if series[sid].term != "occurrence":
                yield (*loc, j), "duty_own_term", {"series": sid, "term": series[sid].term}
        known = [series[x] for x in group.duty.series if x in series]
        if known and not duty_pool(s, group.id, known):
            yield loc, "duty_no_pool", {"group": group.id}


def duty_pool(s: Scenario, group: str, duty_series: list[Series]) -> list[str]:
    """Members of the group that may host every one of the duty's series, in scenario order."""
    pools = [set(s.host_pool(x)) for x in duty_series]
    return [o.id for o in s.organisations if group in o.groups and all(o.id in p for p in pools)]


def _available_somewhere(org: Organisation, start: date, end: date) -> bool:
    if not org.weekdays:
        return False
    blocked = {d for span in org.blackout for d in span.days()}
    # Count days rather than step past `end`: a horizon may end on date.max (9999-12-31).
    for i in range((end - start).days + 1):
        day = start + timedelta(days=i)
        if day.isoweekday() in org.weekdays and day not in blocked:
            return True
    return False


def series_host_pools(s: Scenario) -> Iterator[Found]:
    by_id = {o.id: o for o in s.organisations}
    available: dict[str, bool] = {}  # once per organisation, not once per series it may host

    def free(org_id: str) -> bool:
        if org_id not in available:
            available[org_id] = _available_somewhere(by_id[org_id], s.meta.start, s.meta.end)
        return available[org_id]

    for i, series in enumerate(s.series):
        loc: Loc = ("series", i, "hosts" if series.hosts is not None else "participants")
        pool = s.host_pool(series)
        if not pool:
            if series.hosts is not None:
                yield loc, "pool_no_members", {}
            continue
        if not any(free(o) for o in pool):
            yield loc, "pool_empty", {}


def _need(s: Scenario, series: Series) -> int:
    assert series.room is not None
    return series.room.capacity or s.attendance(series)


def series_rooms(s: Scenario) -> Iterator[Found]:
    by_id = {o.id: o for o in s.organisations}
    for i, series in enumerate(s.series):
        if series.room is None:
            continue
        need = _need(s, series)
        begin = series.start.hour * 60 + series.start.minute
        end = begin + series.duration
        # (capacity, equipment, open at the series' hours); own rooms keep their own hours.
        rooms: list[tuple[int, set[str], bool]] = [
            (
                r.capacity,
                set(r.equipment),
                _minutes(c.hours.open) <= begin and end <= _minutes(c.hours.close),
            )
            for c in s.centres
            for r in c.rooms
        ]
        if series.room.own_room:
            rooms += [
                (o.room.capacity, set(o.room.equipment), True)
                for o in (by_id[x] for x in s.host_pool(series) if x in by_id)
                if o.room is not None
            ]
        wanted = set(series.room.equipment)
        fitting = [(cap, open_) for cap, eq, open_ in rooms if wanted <= eq and cap >= need]
        if any(open_ for _, open_ in fitting):
            continue
        if fitting:
            yield (
                ("series", i, "start"),
                "room_hours",
                {
                    "start": f"{begin // 60:02d}:{begin % 60:02d}",
                    "end": f"{end // 60 % 24:02d}:{end % 60:02d}",
                },
            )
            continue
        loc: Loc = ("series", i, "room", "capacity" if series.room.capacity else "equipment")
        if not rooms or max(cap for cap, _, _ in rooms) < need:
            largest = max((cap for cap, _, _ in rooms), default=0)
            yield ("series", i, "room"), "room_too_small", {"need": need, "largest": largest}
        else:
            yield (
                loc,
                "equipment_nowhere",
                {
                    "equipment": "、".join(sorted(wanted)),
                    "need": need,
                },
            )


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


# form -> does it fit (helping, helped) counts; its words are error.sides.<form>
_FORMS = {
    "one_to_one": lambda a, b: a == 1 and b == 1,
    "many_to_one": lambda a, b: a >= 2 and b == 1,
    "one_to_many": lambda a, b: a == 1 and b >= 2,
}


def twinning_refs(s: Scenario) -> Iterator[Found]:
    orgs = {o.id for o in s.organisations}
    for i, pair in enumerate(s.twinning):
        for side in ("helpers", "helped"):
            for j, org_id in enumerate(getattr(pair, side)):
                yield from _ref(("twinning", i, side, j), orgs, org_id, "organisation")
        if not _FORMS[pair.form](len(set(pair.helpers)), len(set(pair.helped))):
            yield (
                ("twinning", i, "form"),
                "form_sides",
                {
                    "form": pair.form,
                    "sides": pair.form,
                    "helpers": len(set(pair.helpers)),
                    "helped": len(set(pair.helped)),
                },
            )
        for org_id in sorted(set(pair.helpers) & set(pair.helped)):
            yield ("twinning", i, "helped"), "org_both_sides", {"id": org_id}


def history_refs(s: Scenario) -> Iterator[Found]:
    orgs = {o.id for o in s.organisations}
    series = {x.id: x for x in s.series}
    pairs = {p.id: p for p in s.twinning}
    for i, rec in enumerate(s.history.hosts):
        loc: Loc = ("history", "hosts", i)
        yield from _ref((*loc, "series"), set(series), rec.series, "series")
        yield from _ref((*loc, "host"), orgs, rec.host, "organisation")
    for i, visit in enumerate(s.history.visits):
        loc = ("history", "visits", i)
        yield from _ref((*loc, "pair"), set(pairs), visit.pair, "pair")
        pair = pairs.get(visit.pair)
        if pair is not None and visit.host not in {*pair.helpers, *pair.helped}:
            yield (*loc, "host"), "pair_host_not_in_pair", {"id": visit.host, "pair": pair.id}


def pin_refs(s: Scenario) -> Iterator[Found]:
    orgs = {o.id for o in s.organisations}
    rooms = {"own"} | {f"{c.id}:{r.id}" for c in s.centres for r in c.rooms}
    for i, pin in enumerate(s.pins):
        if pin.host is not None:
            yield from _ref(("pins", i, "host"), orgs, pin.host, "organisation")
        if pin.room is not None:
            yield from _ref(("pins", i, "room"), rooms, pin.room, "room")


def travel_refs(s: Scenario) -> Iterator[Found]:
    orgs = {o.id for o in s.organisations}
    places = orgs | {c.id for c in s.centres}
    for i, leg in enumerate(s.travel):
        yield from _ref(("travel", i, "from"), orgs, leg.from_, "organisation")
        yield from _ref(("travel", i, "to"), places, leg.to, "centre")


def centre_closure_rooms(s: Scenario) -> Iterator[Found]:
    for c, centre in enumerate(s.centres):
        rooms = {r.id for r in centre.rooms}
        for k, closure in enumerate(centre.closures):
            for j, room in enumerate(closure.rooms):
                yield from _ref(("centres", c, "closures", k, "rooms", j), rooms, room, "room")


def supplied_years(s: Scenario) -> Iterator[Found]:
    for year, days in s.calendar.years.items():
        loc: Loc = ("calendar", "years", year)
        holidays = set()
        for k, span in enumerate(days.holidays):
            for day in span.days():
                holidays.add(day)
                if day.year != year:
                    yield (*loc, "holidays", k), "calendar_day_year", {"day": day, "year": year}
                    break
        for k, day in enumerate(days.workdays):
            if day.year != year:
                yield (*loc, "workdays", k), "calendar_day_year", {"day": day, "year": year}
            elif day in holidays:
                yield (*loc, "workdays", k), "calendar_day_both", {"day": day}


def horizon_years(s: Scenario) -> Iterator[Found]:
    """Years neither calendar knows must be supplied: before chinesecalendar's first year, and
    after the last the provisional calendar computes (it would silently give no holidays)."""
    years = range(s.meta.start.year, s.meta.end.year + 1)
    early = [y for y in years if y < FIRST_OFFICIAL_YEAR and y not in s.calendar.years]
    late = [y for y in years if y > LAST_PROVISIONAL_YEAR and y not in s.calendar.years]
    if early:
        yield (
            ("meta", "start"),
            "horizon_before_calendar",
            {"start": s.meta.start, "first": FIRST_OFFICIAL_YEAR, "year": early[0]},
        )
    if late:
        yield (
            ("meta", "end"),
            "horizon_after_calendar",
            {"end": s.meta.end, "last": LAST_PROVISIONAL_YEAR, "year": late[0]},
        )


def series_dates(s: Scenario) -> Iterator[Found]:
    """Explicit dates lie in the horizon (else they were silently dropped) and differ (two
    occurrences of one date would share an id)."""
    for i, series in enumerate(s.series):
        first: dict[date, int] = {}
        for j, day in enumerate(series.cadence.dates):
            loc: Loc = ("series", i, "cadence", j)
            if not s.meta.start <= day <= s.meta.end:
                yield (
                    loc,
                    "date_outside_horizon",
                    {"day": day, "start": s.meta.start, "end": s.meta.end},
                )
            elif day in first:
                earlier = _show(("series", i, "cadence", first[day]))
                yield loc, "duplicate_date", {"day": day, "first": earlier}
            else:
                first[day] = j


def twinning_counts(s: Scenario) -> Iterator[Found]:
    """A pair cannot visit more often in a period than the period has weekdays."""
    weekdays: dict[str, int] = {}
    for i, pair in enumerate(s.twinning):
        if pair.per not in weekdays:
            weekdays[pair.per] = most_weekdays(pair.per, s.meta.start, s.meta.end)
        limit = weekdays[pair.per]
        if pair.visits > limit:
            yield (
                ("twinning", i, "visits"),
                "visits_over_weekdays",
                {"visits": pair.visits, "per": pair.per, "limit": limit},
            )


def same_org_names(s: Scenario) -> Iterator[Found]:
    """Two organisations of one name: often one entered twice under two ids."""
    first: dict[str, str] = {}
    for i, org in enumerate(s.organisations):
        if org.name in first and first[org.name] != org.id:
            yield (
                ("organisations", i, "name"),
                "same_org_name",
                {"id": org.id, "other": first[org.name], "name": org.name},
            )
        first.setdefault(org.name, org.id)
