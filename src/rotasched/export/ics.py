"""ics/: the plan as iCalendar feeds, built with the `icalendar` library.

- all.ics                        every activity, executive term and twinning visit
- org/<id>.ics                   what one organisation hosts, attends, leads and visits
- room/<centre>_<room>.ics       one shared-centre room's bookings, for its venue manager
- person/<key>.ics               one secretary's duties across every organisation they serve

Timed events carry TZID=<scenario zone> with a VTIMEZONE covering only the horizon's years
(for Asia/Shanghai one +0800 block); executive terms are all-day spans (VALUE=DATE, DTEND the
day after). Every UID is a uuid5 of the event's id, and DTSTAMP comes from the plan's horizon,
not the clock, so an unchanged plan gives byte-identical files and clients update events in
place instead of duplicating them. No METHOD and no ATTENDEE: these are published feeds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone
from icalendar.enums import TRANSP

from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Problem
from ._view import View, clean_text, one_line

# Fixed for ever: changing it changes every UID ever published.
UID_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-5b7a-9c41-2e7d5a0b8f13")
# No version in it: a new release must not change the bytes of an unchanged plan's feeds.
PRODID = "-//rotasched//rotasched plan export//ZH"
REFRESH = timedelta(hours=6)


def event_uid(kind: str, ident: str, space: str = "") -> str:
    """A stable UID: the same event id gives the same UID in every run and every feed.

    `space` is the scenario's meta.id: two planning bodies' events never share a UID.
    """
    key = f"{kind}:{ident}" if not space else f"{space}|{kind}:{ident}"
    return str(uuid.uuid5(UID_NAMESPACE, key))


def occurrence_uid(occ: Occurrence, space: str = "") -> str:
    return event_uid("occurrence", occ.id, space)


def term_uid(term: Term, space: str = "") -> str:
    return event_uid("term", f"{term.series}.{term.term}", space)


def visit_uid(visit: Visit, space: str = "") -> str:
    return event_uid("visit", visit.id, space)


@dataclass(frozen=True)
class _Item:
    """An event with what it sorts by."""

    key: tuple[date, time, int, str]
    uid: str
    event: Event


class _Builder:
    def __init__(self, view: View) -> None:
        self.v = view
        start = view.problem.start
        # DTSTAMP: the horizon's first midnight, local, in UTC. Derived from the plan.
        self.stamp = datetime.combine(start, time(0), tzinfo=view.tz).astimezone(UTC)
        self.zone_range = (date(start.year, 1, 1), date(view.problem.end.year, 12, 31))
        self.items: dict[str, _Item] = {}
        # Built once (it takes icalendar ~50 ms), shared by every feed: serialising is read-only.
        self.zone = Timezone.from_tzid(view.problem.timezone, first_date=self.zone_range[0],
                                       last_date=self.zone_range[1])
        # icalendar notes the covered range in a COMMENT on the VTIMEZONE itself, where
        # RFC 5545 allows none (libical's restriction check flags it).
        self.zone.pop("COMMENT", None)

    # ---- text ----------------------------------------------------------------------------

    def _description(self, lines: list[str]) -> str:
        if self.v.provisional:
            lines = [*lines, "", self.v.w("provisional")]
        return clean_text("\n".join(lines))

    # ---- events --------------------------------------------------------------------------

    def occurrence(self, occ: Occurrence) -> _Item:
        v = self.v
        uid = occurrence_uid(occ, self.v.problem.uid_space)
        if uid in self.items:
            return self.items[uid]
        host = v.org_name(occ.host)
        lines = [
            v.label("activity", f"{occ.series_name} ({occ.id})"),
            v.label("activity_type", v.type_name(occ.type)),
            v.label("term", occ.term),
            v.label("host", host),
        ]
        if occ.co_host:
            lines.append(v.label("co_host", v.org_name(occ.co_host)))
        executive = v.executive_of(occ)
        if executive:
            lines.append(v.label("executive", executive))
        lines.append(v.label("venue", v.venue(occ)))
        lines.append(v.label("participants", f"({len(occ.participants)}) "
                             + v.orgs_names(occ.participants)))
        lines.append(v.label("attendance", str(occ.attendance)))
        event = Event.new(
            uid=uid,
            stamp=self.stamp,
            start=v.local(occ.date, occ.start),
            end=v.local(occ.date, occ.end),
            summary=one_line(v.w("sum_occurrence", series=occ.series_name, host=host)),
            location=one_line(v.venue(occ)),
            description=self._description(lines),
            categories=[one_line(v.type_name(occ.type))],
        )
        item = _Item((occ.date, occ.start, 1, occ.id), uid, event)
        self.items[uid] = item
        return item

    def term(self, term: Term) -> _Item:
        v = self.v
        uid = term_uid(term, self.v.problem.uid_space)
        if uid in self.items:
            return self.items[uid]
        series = v.series_name(term.series)
        person = term.executive_name or v.person_name(term.executive_secretary)
        lines = [
            v.label("activity", series),
            v.label("term", f"{term.term} ({term.start.isoformat()} – {term.end.isoformat()})"),
            v.label("executive", person),
            v.label("executive_org", v.org_name(term.executive_org)),
        ]
        hosting = [
            f"{o.date.isoformat()} {v.org_name(o.host)}" for o in v.occurrences_of_term(term)
        ]
        if hosting:
            lines.append(v.label("occurrences_in_term", ""))
            lines.extend(f"  {h}" for h in hosting)
        event = Event.new(
            uid=uid,
            stamp=self.stamp,
            start=term.start,
            end=term.end + timedelta(days=1),  # DTEND of an all-day span is exclusive
            summary=one_line(v.w("sum_term", person=person, series=series, term=term.term)),
            description=self._description(lines),
            transparency=TRANSP.TRANSPARENT,  # a term is a role, not a block of busy time
        )
        item = _Item((term.start, time(0), 0, f"{term.series}.{term.term}"), uid, event)
        self.items[uid] = item
        return item

    def visit(self, visit: Visit) -> _Item:
        v = self.v
        uid = visit_uid(visit, self.v.problem.uid_space)
        if uid in self.items:
            return self.items[uid]
        host, guests = v.org_name(visit.host), v.orgs_names(visit.guests)
        if visit.host in visit.helped:
            direction = v.w("dir_helpers_visit")
        elif visit.host in visit.helpers:
            direction = v.w("dir_helped_visit")
        else:
            direction = v.w("dir_other")
        lines = [
            v.label("pair", f"{visit.pair_name} ({visit.id})"),
            v.label("form", _form(v, visit.form)),
            v.label("period", visit.period),
            v.label("direction", direction),
            v.label("visit_host", host),
            v.label("visit_guests", guests),
            v.label("helpers", v.orgs_names(visit.helpers)),
            v.label("helped", v.orgs_names(visit.helped)),
        ]
        event = Event.new(
            uid=uid,
            stamp=self.stamp,
            start=v.local(visit.date, visit.start),
            end=v.local(visit.date, visit.end),
            summary=one_line(v.w("sum_visit", guests=guests, host=host)),
            location=one_line(host),
            description=self._description(lines),
            categories=[v.w("visits")],
        )
        item = _Item((visit.date, visit.start, 2, visit.id), uid, event)
        self.items[uid] = item
        return item

    # ---- calendars ---------------------------------------------------------------------

    def calendar(self, path: str, title: str, items: Iterable[_Item]) -> bytes:
        v = self.v
        desc = v.w("cal_desc", scenario=v.problem.name, start=v.problem.start.isoformat(),
                   end=v.problem.end.isoformat())
        if v.provisional:
            desc = f"{desc} {v.w('provisional')}"
        sep = v.w("sep")
        cal = Calendar.new(
            prodid=PRODID,
            uid=event_uid("calendar", path, self.v.problem.uid_space),
            name=one_line(f"{v.problem.name}{sep}{title}"),
            description=one_line(desc),  # X-WR-CALDESC is not escaped by icalendar
            refresh_interval=REFRESH,
            calscale="GREGORIAN",
            language="zh-CN" if v.lang == "zh" else "en",
        )
        cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
        cal.add("X-WR-TIMEZONE", v.problem.timezone)  # the default zone Google/Apple show
        # Always one VTIMEZONE, so a calendar with no event is still a valid (non-empty) one.
        cal.add_component(self.zone)
        unique = {i.uid: i for i in items}
        for item in sorted(unique.values(), key=lambda i: (i.key, i.uid)):
            cal.add_component(item.event)
        cal.add_missing_timezones(*self.zone_range)
        return cal.to_ical()


def _form(view: View, key: str) -> str:
    from . import _i18n

    return _i18n.form(view.lang, key)


def calendars(plan: Plan, problem: Problem, lang: str) -> dict[str, bytes]:
    """Every feed as bytes, keyed by its path under ics/."""
    v = View(plan, problem, lang)
    b = _Builder(v)
    out: dict[str, bytes] = {}
    everything = (
        [b.occurrence(o) for o in v.occurrences]
        + [b.term(x) for x in v.terms]
        + [b.visit(x) for x in v.visits]
    )
    out["all.ics"] = b.calendar("all.ics", v.w("cal_all"), everything)
    for org, path in v.org_files.items():
        items = (
            [b.occurrence(o) for o in v.org_occurrences(org)]
            + [b.term(x) for x in v.org_terms(org)]
            + [b.visit(x) for x in v.org_visits(org)]
        )
        out[path] = b.calendar(path, f"{v.org_name(org)} {v.w('cal_org')}", items)
    for key, path in v.room_files.items():
        items = [b.occurrence(o) for o in v.room_bookings(key)]
        out[path] = b.calendar(path, f"{v.room_label(key)} {v.w('cal_room')}", items)
    for key, path in v.person_files.items():
        items = (
            [b.occurrence(o) for o in v.person_duties(key)]
            + [b.term(x) for x in v.person_terms(key)]
            + [b.visit(x) for x in v.person_visits(key)]
        )
        out[path] = b.calendar(path, f"{v.person_name(key)} {v.w('cal_person')}", items)
    return out


def write_ics(plan: Plan, problem: Problem, folder: Path, lang: str) -> list[Path]:
    """Write every feed under `folder`; returns the files written."""
    written = []
    for rel, data in calendars(plan, problem, lang).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
