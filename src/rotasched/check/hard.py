"""The hard rules, checked from a plan's tables: one function per label of the rulebook."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise

import pandas as pd

from ..problem import Problem
from . import Tables, Violation, rule
from .util import d as _d
from .util import overlaps as _overlaps
from .util import span as _span
from .util import split as _split

# ---- rotation -----------------------------------------------------------------------------


@rule("one_host")
def one_host(t: Tables, p: Problem) -> Iterator[Violation]:
    occ = t["occurrences"]
    counts = occ["id"].value_counts()
    for occ_id in p.occurrences:
        if counts.get(occ_id, 0) != 1:
            yield Violation(
                "one_host", occ_id, f"listed {counts.get(occ_id, 0)} times, expected once"
            )
    for _, row in occ.iterrows():
        info = p.occurrences.get(row["id"])
        if info is None:
            yield Violation("one_host", row["id"], "not an occurrence of this scenario")
        elif row["host"] not in info.pool:
            yield Violation("one_host", row["id"], f"host {row['host']!r} is not in the pool")


@rule("host_available")
def host_available(t: Tables, p: Problem) -> Iterator[Violation]:
    for _, row in t["occurrences"].iterrows():
        org = p.orgs.get(row["host"])
        if org is not None and p.index(_d(row["date"])) not in org.available:
            yield Violation(
                "host_available", row["id"], f"{row['host']} is not available on {row['date']}"
            )


@rule("one_turn_per_term")
def one_turn_per_term(t: Tables, p: Problem) -> Iterator[Violation]:
    occ = t["occurrences"]
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for series, term, host in zip(occ["series"], occ["term"], occ["host"], strict=True):
        counts[(series, term, host)] += 1
    for (series, term, host), n in sorted(counts.items()):
        info = p.series.get(series)
        # A duty series is hosted by its term's duty organisation throughout: duty_rotation.
        if info is not None and not info.duty and n > info.max_per_term:
            yield Violation("one_turn_per_term", f"{series} {term}", f"{host} hosts {n} times")


@rule("executive_hosts")
def executive_hosts(t: Tables, p: Problem) -> Iterator[Violation]:
    occ, terms = t["occurrences"], t["terms"]
    listed = {(r["series"], r["term"]): r for _, r in terms.iterrows()}
    for series in p.series.values():
        if not series.executive:
            continue
        for term in series.terms:
            row = listed.get((series.id, term.label))
            if row is None:
                yield Violation(
                    "executive_hosts", f"{series.id} {term.label}", "no executive secretary"
                )
                continue
            org = row["executive_org"]
            hosts = set(occ[(occ["series"] == series.id) & (occ["term"] == term.label)]["host"])
            if org not in p.orgs:
                yield Violation(
                    "executive_hosts", f"{series.id} {term.label}", f"no such organisation {org!r}"
                )
            elif org not in hosts:
                yield Violation(
                    "executive_hosts",
                    f"{series.id} {term.label}",
                    f"{org} does not host in this term",
                )
            elif row["executive_secretary"] != p.orgs[org].person:
                yield Violation(
                    "executive_hosts",
                    f"{series.id} {term.label}",
                    f"{row['executive_secretary']} is not the secretary of {org}",
                )


@rule("duty_rotation")
def duty_rotation(t: Tables, p: Problem) -> Iterator[Violation]:
    occ, terms = t["occurrences"], t["terms"]
    host_of = dict(zip(occ["id"], occ["host"], strict=True))
    listed = {(r["group"], r["term"]): r for _, r in terms.iterrows() if r["group"]}
    for duty in p.duties.values():
        for term in duty.terms:
            what = f"{duty.group} {term.label}"
            row = listed.get((duty.group, term.label))
            if row is None or row["executive_org"] not in duty.pool:
                yield Violation("duty_rotation", what, "no duty organisation from the group")
                continue
            org = row["executive_org"]
            if row["executive_secretary"] != p.orgs[org].person:
                yield Violation(
                    "duty_rotation", what, f"{row['executive_secretary']} is not {org}'s secretary"
                )
            others = sorted(x for x in term.occurrences if host_of.get(x, org) != org)
            if others:
                yield Violation(
                    "duty_rotation", what, f"{', '.join(others)} not hosted by the duty {org}"
                )


@rule("co_host")
def co_host(t: Tables, p: Problem) -> Iterator[Violation]:
    for _, row in t["occurrences"].iterrows():
        info = p.series.get(row["series"])
        if info is None:
            continue
        partner = next((s for s, w in info.strong_weak if w == row["host"]), "")
        if row["co_host"] != partner:
            want = partner or "none"
            yield Violation("co_host", row["id"], f"co-host {row['co_host']!r}, expected {want}")
        elif partner and p.index(_d(row["date"])) not in p.orgs[partner].available:
            yield Violation("co_host", row["id"], f"{partner} is not available on {row['date']}")


# ---- venues -------------------------------------------------------------------------------


@rule("occurrence_date")
def occurrence_date(t: Tables, p: Problem) -> Iterator[Violation]:
    for _, row in t["occurrences"].iterrows():
        info = p.occurrences.get(row["id"])
        if info is None:
            continue
        day = _d(row["date"])
        i = p.index(day)
        if not p.calendar.is_workday(day):
            yield Violation("occurrence_date", row["id"], f"{day} is not a working day")
        elif not info.first_day <= i <= info.last_day and i not in info.candidates:
            yield Violation("occurrence_date", row["id"], f"{day} is outside its period")
        elif i not in info.candidates:
            yield Violation("occurrence_date", row["id"], f"{day} is not the series' day")
        start = f"{info.start // 60:02d}:{info.start % 60:02d}"
        if row["start"] != start:
            yield Violation("occurrence_date", row["id"], f"starts at {row['start']}, not {start}")


@rule("room_fits")
def room_fits(t: Tables, p: Problem) -> Iterator[Violation]:
    for _, row in t["occurrences"].iterrows():
        info = p.occurrences.get(row["id"])
        if info is None:
            continue
        i = p.index(_d(row["date"]))
        if not info.needs_room:
            if row["venue"] != "none":
                yield Violation("room_fits", row["id"], "books a room it does not need")
            continue
        if row["venue"] == "own":
            org = p.orgs[row["host"]]
            if not info.fits_own_room(org):
                yield Violation(
                    "room_fits", row["id"], f"{org.id}'s own room does not fit or is not allowed"
                )
            continue
        room = p.rooms.get(f"{row['centre']}:{row['room']}")
        if row["venue"] != "centre" or room is None:
            yield Violation("room_fits", row["id"], "needs a room but has none")
            continue
        if room.capacity < info.capacity:
            yield Violation(
                "room_fits", row["id"], f"{room.key} holds {room.capacity} < {info.capacity}"
            )
        if not info.equipment <= room.equipment:
            yield Violation(
                "room_fits",
                row["id"],
                f"{room.key} lacks {sorted(info.equipment - room.equipment)}",
            )
        if i not in room.open_days:
            yield Violation("room_fits", row["id"], f"{room.key} is not open on {row['date']}")
        if not (room.opens <= info.start and info.end <= room.closes):
            yield Violation("room_fits", row["id"], f"{room.key} is not open at those hours")


@rule("room_single_use")
def room_single_use(t: Tables, p: Problem) -> Iterator[Violation]:
    booked = t["occurrences"][t["occurrences"]["venue"] == "centre"]
    for (centre, room), group in booked.groupby(["centre", "room"]):
        events = [(*_span(r), r["id"]) for _, r in group.iterrows()]
        for a, b in _overlaps(events):
            yield Violation("room_single_use", f"{centre}:{room}", f"{a} and {b} overlap")


# ---- twinning -----------------------------------------------------------------------------


def _visits_by_link(t: Tables, p: Problem) -> dict[str, list[pd.Series]]:
    out: dict[str, list[pd.Series]] = defaultdict(list)
    for _, row in t["visits"].iterrows():
        info = p.visits.get(row["id"])
        if info is not None:
            out[info.link].append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r["date"], r["id"]))
    return out


@rule("visit_count")
def visit_count(t: Tables, p: Problem) -> Iterator[Violation]:
    want: dict[tuple[str, str], int] = defaultdict(int)
    for v in p.visits.values():
        want[(v.link, v.period)] += 1
    got: dict[tuple[str, str], int] = defaultdict(int)
    for _, row in t["visits"].iterrows():
        info = p.visits.get(row["id"])
        if info is None:
            yield Violation("visit_count", row["id"], "not a visit of this scenario")
        else:
            got[(info.link, info.period)] += 1
    for key, n in sorted(want.items()):
        if got[key] != n:
            yield Violation("visit_count", f"{key[0]} {key[1]}", f"{got[key]} visits, {n} required")


@rule("visit_date")
def visit_date(t: Tables, p: Problem) -> Iterator[Violation]:
    for _, row in t["visits"].iterrows():
        info = p.visits.get(row["id"])
        if info is None:
            continue
        day = _d(row["date"])
        i = p.index(day)
        if not p.calendar.is_workday(day):
            yield Violation("visit_date", row["id"], f"{day} is not a working day")
        if not info.first_day <= i <= info.last_day:
            yield Violation("visit_date", row["id"], f"{day} is outside {info.period}")
        busy = [o for o in info.orgs if i not in p.orgs[o].available]
        if busy:
            yield Violation("visit_date", row["id"], f"{', '.join(busy)} not available on {day}")


@rule("visit_host")
def visit_host(t: Tables, p: Problem) -> Iterator[Violation]:
    for _, row in t["visits"].iterrows():
        info = p.visits.get(row["id"])
        if info is not None and row["host"] not in info.hosts:
            yield Violation("visit_host", row["id"], f"{row['host']!r} may not host")


@rule("visit_alternation")
def visit_alternation(t: Tables, p: Problem) -> Iterator[Violation]:
    for link_id, rows in _visits_by_link(t, p).items():
        link = p.links[link_id]
        if not link.alternating:
            continue
        sides = [row["host"] in link.helped for row in rows]
        if link.last_host_helped is not None:
            sides.insert(0, link.last_host_helped)
        for k in range(1, len(sides)):
            if sides[k] == sides[k - 1]:
                yield Violation("visit_alternation", link_id, "the same side hosts twice in a row")


@rule("visit_gap")
def visit_gap(t: Tables, p: Problem) -> Iterator[Violation]:
    for link_id, rows in _visits_by_link(t, p).items():
        link = p.links[link_id]
        days = [p.index(_d(r["date"])) for r in rows]
        if link.last_visit_day is not None and days and days[0] - link.last_visit_day < link.gap:
            yield Violation(
                "visit_gap", link_id, "first visit too close to the last one in history"
            )
        for a, b in pairwise(days):
            if b - a < max(link.gap, 1):
                yield Violation(
                    "visit_gap", link_id, f"{p.day(a)} and {p.day(b)} are {b - a} days apart"
                )


@rule("visit_day_cap")
def visit_day_cap(t: Tables, p: Problem) -> Iterator[Violation]:
    for day, n in sorted(t["visits"]["date"].value_counts().items()):
        if n > p.visit_cap:
            yield Violation("visit_day_cap", str(day), f"{n} visits, at most {p.visit_cap}")


# ---- clashes ------------------------------------------------------------------------------


def _org_events(t: Tables) -> dict[str, dict[str, tuple[datetime, datetime]]]:
    events: dict[str, dict[str, tuple[datetime, datetime]]] = defaultdict(dict)
    for _, row in t["occurrences"].iterrows():
        span = _span(row)
        for org in {*_split(row["participants"]), row["host"], row["co_host"]} - {""}:
            events[org][row["id"]] = span
    for _, row in t["visits"].iterrows():
        span = _span(row)
        for org in {*_split(row["helpers"]), *_split(row["helped"])}:
            events[org][row["id"]] = span
    return events


@rule("org_single_place")
def org_single_place(t: Tables, p: Problem) -> Iterator[Violation]:
    for org, events in sorted(_org_events(t).items()):
        for a, b in _overlaps([(*span, e) for e, span in events.items()]):
            yield Violation("org_single_place", org, f"{a} and {b} overlap")


@rule("person_single_place")
def person_single_place(t: Tables, p: Problem) -> Iterator[Violation]:
    by_org = _org_events(t)
    for person in p.persons.values():
        events: dict[str, tuple[datetime, datetime]] = {}
        for org in person.orgs:
            events.update(by_org.get(org, {}))
        for a, b in _overlaps([(*span, e) for e, span in events.items()]):
            yield Violation("person_single_place", person.key, f"{a} and {b} overlap")


@rule("no_visit_on_hosting_day")
def no_visit_on_hosting_day(t: Tables, p: Problem) -> Iterator[Violation]:
    hosting = {(r["host"], r["date"]): r["id"] for _, r in t["occurrences"].iterrows()}
    for _, row in t["visits"].iterrows():
        occ = hosting.get((row["host"], row["date"]))
        if occ is not None:
            yield Violation(
                "no_visit_on_hosting_day", row["id"], f"{row['host']} hosts {occ} the same day"
            )
