"""ics/: the plan as iCalendar feeds, built with the `icalendar` library.

- all.ics                        every activity, executive term and twinning visit
- org/<id>.ics                   what one organisation hosts, attends, leads and visits
- room/<centre>_<room>.ics       one shared-centre room's bookings, for its venue manager
- person/<key>.ics               one secretary's duties across every organisation they serve
- cancelled.ics                  only when the plan cancels events of an earlier version: each as
                                 a METHOD:CANCEL VEVENT, for calendars that imported it

Timed events carry TZID=<scenario zone> with a VTIMEZONE covering only the horizon's years
(for Asia/Shanghai one +0800 block); executive terms are all-day spans (VALUE=DATE, DTEND the
day after). Every UID is a uuid5 of the event's key (`plan.event_key`), SEQUENCE is its
revision in the published plan (`plan.revisions`, raised by `compare.revise` when its start,
end or place changed) and DTSTAMP comes from the plan's horizon, not the clock, so an unchanged
plan gives byte-identical files and clients update events in place instead of duplicating them.
No METHOD and no ATTENDEE in the feeds: they are published, and a removed event is simply left
out (Google deletes a STATUS:CANCELLED one from a subscription, Apple strikes it through).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path

from icalendar import Calendar, Event, Timezone, vCalAddress
from icalendar.enums import STATUS, TRANSP

from ..plan import Cancelled, Occurrence, Plan, Term, Visit, event_key
from ..problem import Problem
from ._view import View, clean_text, one_line

# Fixed for ever: changing it changes every UID ever published.
UID_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-5b7a-9c41-2e7d5a0b8f13")
# No version in it: a new release must not change the bytes of an unchanged plan's feeds.
PRODID = "-//rotasched//rotasched plan export//ZH"
REFRESH = timedelta(hours=6)
# The property a calendar object for CalDAV carries its own digest in (see _Builder.single).
DIGEST = "X-ROTASCHED-DIGEST"
_END = b"END:VCALENDAR\r\n"


def event_uid(kind: str, ident: str, space: str = "") -> str:
    """A stable UID: the same event id gives the same UID in every run and every feed.

    `space` is the scenario's meta.id: two planning bodies' events never share a UID.
    """
    key = f"{kind}:{ident}" if not space else f"{space}|{kind}:{ident}"
    return str(uuid.uuid5(UID_NAMESPACE, key))


def key_uid(key: str, space: str = "") -> str:
    """The UID of an event key ("occurrence:<id>", see `plan.event_key`): a key is exactly the
    "kind:ident" that `event_uid` hashes, so UIDs published before keys existed stay the same."""
    kind, ident = key.split(":", 1)
    return event_uid(kind, ident, space)


def occurrence_uid(occ: Occurrence, space: str = "") -> str:
    return key_uid(event_key(occ), space)


def term_uid(term: Term, space: str = "") -> str:
    return key_uid(event_key(term), space)


def visit_uid(visit: Visit, space: str = "") -> str:
    return key_uid(event_key(visit), space)


def organizer(problem: Problem) -> vCalAddress:
    """The planning body as ORGANIZER of a cancellation (libical flags a CANCEL without one).

    It has no mailbox, and a made-up mailto: would invite replies to nobody. ORGANIZER is any
    URI (RFC 5545 CAL-ADDRESS); a urn:uuid (RFC 9562) names the body without being reachable,
    and derived from meta.id like the UIDs it stays the same in every version and release.
    """
    name = one_line(problem.name).replace('"', "'")  # no DQUOTE inside a parameter value
    body = uuid.uuid5(UID_NAMESPACE, f"planning-body:{problem.uid_space or problem.name}")
    return vCalAddress(f"urn:uuid:{body}", params={"CN": name})


@dataclass(frozen=True)
class _Item:
    """An event with what it sorts by."""

    key: tuple[date, time, int, str]
    uid: str
    event: Event

    @cached_property
    def ical(self) -> bytes:
        """The VEVENT as icalendar writes it, serialised once for every feed that holds it."""
        return self.event.to_ical()


class _Builder:
    def __init__(self, view: View) -> None:
        self.v = view
        start = view.problem.start
        # DTSTAMP: the horizon's first midnight, local, in UTC. Derived from the plan.
        self.stamp = datetime.combine(start, time(0), tzinfo=view.tz).astimezone(UTC)
        self.zone_range = (date(start.year, 1, 1), date(view.problem.end.year, 12, 31))
        self.items: dict[str, _Item] = {}  # by event key: built once, for every feed
        # Built once (it takes icalendar ~50 ms), shared by every feed: serialising is read-only.
        self.zone = Timezone.from_tzid(view.problem.timezone, first_date=self.zone_range[0],
                                       last_date=self.zone_range[1])
        # icalendar notes the covered range in a COMMENT on the VTIMEZONE itself, where
        # RFC 5545 allows none (libical's restriction check flags it).
        self.zone.pop("COMMENT", None)
        self.zone_ical = self.zone.to_ical()
        # Every timed event is in the scenario's zone, so this VTIMEZONE is all a feed needs
        # and add_missing_timezones adds nothing: feeds can be put together from bytes (see
        # _fill). Should icalendar ever name the zone differently in an event, they are not.
        probe = Calendar()
        probe.add_component(self.zone)
        probe.add_component(Event.new(start=view.local(start, time(0)), stamp=self.stamp))
        self.one_zone = not probe.get_missing_tzids()

    # ---- text ----------------------------------------------------------------------------

    def _description(self, lines: list[str]) -> str:
        if self.v.provisional:
            lines = [*lines, "", self.v.w("provisional")]
        return clean_text("\n".join(lines))

    # ---- events --------------------------------------------------------------------------

    def occurrence(self, occ: Occurrence) -> _Item:
        v = self.v
        key = event_key(occ)
        if key in self.items:
            return self.items[key]
        uid = key_uid(key, self.v.problem.uid_space)
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
            sequence=self.v.plan.revisions.get(key, 0),
            start=v.local(occ.date, occ.start),
            end=v.local(occ.date, occ.end),
            summary=one_line(v.w("sum_occurrence", series=occ.series_name, host=host)),
            location=one_line(v.venue(occ)),
            description=self._description(lines),
            categories=[one_line(v.type_name(occ.type))],
        )
        item = _Item((occ.date, occ.start, 1, occ.id), uid, event)
        self.items[key] = item
        return item

    def term(self, term: Term) -> _Item:
        v = self.v
        key = event_key(term)
        if key in self.items:
            return self.items[key]
        uid = key_uid(key, self.v.problem.uid_space)
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
            sequence=self.v.plan.revisions.get(key, 0),
            start=term.start,
            end=term.end + timedelta(days=1),  # DTEND of an all-day span is exclusive
            summary=one_line(v.w("sum_term", person=person, series=series, term=term.term)),
            description=self._description(lines),
            transparency=TRANSP.TRANSPARENT,  # a term is a role, not a block of busy time
        )
        item = _Item((term.start, time(0), 0, f"{term.series}.{term.term}"), uid, event)
        self.items[key] = item
        return item

    def visit(self, visit: Visit) -> _Item:
        v = self.v
        key = event_key(visit)
        if key in self.items:
            return self.items[key]
        uid = key_uid(key, self.v.problem.uid_space)
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
            sequence=self.v.plan.revisions.get(key, 0),
            start=v.local(visit.date, visit.start),
            end=v.local(visit.date, visit.end),
            summary=one_line(v.w("sum_visit", guests=guests, host=host)),
            location=one_line(host),
            description=self._description(lines),
            categories=[v.w("visits")],
        )
        item = _Item((visit.date, visit.start, 2, visit.id), uid, event)
        self.items[key] = item
        return item

    def cancelled(self, gone: Cancelled) -> _Item:
        """An event an earlier version held, as RFC 5546 cancels it: same UID, a higher
        SEQUENCE, STATUS:CANCELLED, and the times it had."""
        v = self.v
        uid = key_uid(gone.key, v.problem.uid_space)
        if gone.start is None or gone.end is None:  # an all-day span (an executive term)
            start: date | datetime = gone.date
            end: date | datetime = gone.end_date + timedelta(days=1)
        else:
            start, end = v.local(gone.date, gone.start), v.local(gone.date, gone.end)
        event = Event.new(
            uid=uid,
            stamp=self.stamp,
            sequence=gone.sequence,
            start=start,
            end=end,
            summary=one_line(gone.summary),
            status=STATUS.CANCELLED,
            organizer=organizer(v.problem),
        )
        return _Item((gone.date, gone.start or time(0), 3, gone.key), uid, event)

    # ---- calendars ---------------------------------------------------------------------

    def calendar(self, path: str, title: str, items: Iterable[_Item]) -> bytes:
        v = self.v
        desc = v.w("cal_desc", scenario=v.problem.name, start=v.problem.start.isoformat(),
                   end=v.problem.end.isoformat())
        if v.provisional:
            desc = f"{desc} {v.w('provisional')}"
        cal = Calendar.new(
            prodid=PRODID,
            uid=event_uid("calendar", path, self.v.problem.uid_space),
            name=_title(self.v, title),
            description=one_line(desc),  # X-WR-CALDESC is not escaped by icalendar
            refresh_interval=REFRESH,
            calscale="GREGORIAN",
            language="zh-CN" if v.lang == "zh" else "en",
        )
        cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
        cal.add("X-WR-TIMEZONE", v.problem.timezone)  # the default zone Google/Apple show
        return self._fill(cal, items)

    def cancellation(self, items: Iterable[_Item]) -> bytes:
        """cancelled.ics: an iTIP CANCEL (RFC 5546) for whoever imported the events, not a
        feed to subscribe to (so no REFRESH-INTERVAL)."""
        cal = Calendar.new(
            prodid=PRODID,
            uid=event_uid("calendar", "cancelled.ics", self.v.problem.uid_space),
            name=_title(self.v, self.v.w("cal_cancelled")),
            method="CANCEL",
            calscale="GREGORIAN",
            language="zh-CN" if self.v.lang == "zh" else "en",
        )
        return self._fill(cal, items)

    def single(self, item: _Item) -> bytes:
        """One event alone in a calendar object, as a CalDAV server stores it (one UID per
        resource), with X-ROTASCHED-DIGEST: the SHA-256 of the object without that line.
        A server may re-serialise what it stores (Radicale does), so a publisher compares
        this digest, not the bytes. Adds to the event: use a builder of its own."""
        cal = Calendar.new(prodid=PRODID, calscale="GREGORIAN")
        cal.pop("UID")  # icalendar's random default: the object is named by its event's UID
        if isinstance(item.event.DTSTART, datetime):  # only timed events name the zone
            cal.add_component(self.zone)
        cal.add_component(item.event)
        digest = hashlib.sha256(cal.to_ical()).hexdigest()
        item.event.add(DIGEST, digest)
        return cal.to_ical()

    def _fill(self, cal: Calendar, items: Iterable[_Item]) -> bytes:
        unique = {i.uid: i for i in items}
        ordered = sorted(unique.values(), key=lambda i: (i.key, i.uid))
        if self.one_zone:
            # icalendar writes a calendar as its own lines, then each component's bytes, then
            # END:VCALENDAR. So the header, the zone and each event's bytes, serialised once
            # however many feeds hold the event, are the same file at a fraction of the cost:
            # a city's 3,000 events fill 24,000 VEVENTs in 2,100 feeds.
            head = cal.to_ical()
            if head.endswith(_END):
                body = b"".join(item.ical for item in ordered)
                return head[: -len(_END)] + self.zone_ical + body + _END
        # Always one VTIMEZONE, so a calendar with no event is still a valid (non-empty) one.
        cal.add_component(self.zone)
        for item in ordered:
            cal.add_component(item.event)
        cal.add_missing_timezones(*self.zone_range)
        return cal.to_ical()


def _title(v: View, title: str) -> str:
    return one_line(f"{v.problem.name}{v.w('sep')}{title}")


def _form(view: View, key: str) -> str:
    from . import _i18n

    return _i18n.form(view.lang, key)


def _everything(b: _Builder) -> list[_Item]:
    v = b.v
    return (
        [b.occurrence(o) for o in v.occurrences]
        + [b.term(x) for x in v.terms]
        + [b.visit(x) for x in v.visits]
    )


def calendars(plan: Plan, problem: Problem, lang: str) -> dict[str, bytes]:
    """Every feed as bytes, keyed by its path under ics/; cancelled.ics only when the plan
    cancels something."""
    v = View(plan, problem, lang)
    b = _Builder(v)
    out: dict[str, bytes] = {}
    out["all.ics"] = b.calendar("all.ics", v.w("cal_all"), _everything(b))
    if plan.cancelled:
        out["cancelled.ics"] = b.cancellation([b.cancelled(c) for c in plan.cancelled])
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


def event_objects(plan: Plan, problem: Problem, lang: str) -> dict[str, bytes]:
    """Every event of all.ics as a calendar object of its own (see `_Builder.single`), by UID,
    in all.ics's order: what a CalDAV collection holds."""
    b = _Builder(View(plan, problem, lang))
    items = sorted({i.uid: i for i in _everything(b)}.values(), key=lambda i: (i.key, i.uid))
    return {item.uid: b.single(item) for item in items}


def write_ics(plan: Plan, problem: Problem, folder: Path, lang: str) -> list[Path]:
    """Write every feed under `folder`; returns the files written."""
    written = []
    for rel, data in calendars(plan, problem, lang).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
