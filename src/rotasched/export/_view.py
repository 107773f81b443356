"""What the people-facing writers (ics, tables, site) share: names, indexes, file names.

Everything is sorted explicitly so that the same plan always gives the same files.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property
from typing import TypeVar
from zoneinfo import ZoneInfo

from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Problem
from . import _i18n as t

_UNSAFE = re.compile(r"[^\w.-]")
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
# What clean_text drops: control characters other than LF and tab (one table, not a loop per
# character: it runs on every name and text the writers show).
_CONTROL = dict.fromkeys(c for c in range(0x20) if chr(c) not in "\n\t")


def slug(key: str) -> str:
    """A file name for an id or person key: kept as is when safe, else cleaned plus a short hash.

    Ids may hold characters a file system or a URL dislikes (`:`, `?`, `#`, `\\`); person keys
    may be names. The hash keeps two cleaned keys from colliding.
    """
    clean = _UNSAFE.sub("_", key).lstrip(".")
    if clean == key and clean:
        return clean
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{clean[:60]}-{digest}" if clean else digest


def clean_text(text: str) -> str:
    """One kind of line break (LF) in user text; no other control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CONTROL)


def one_line(text: str) -> str:
    """A title or name on one line: line breaks become spaces (a summary has no lines)."""
    return " ".join(clean_text(text).replace("\t", " ").split("\n"))


def room_key(occ: Occurrence) -> str:
    return f"{occ.centre}:{occ.room}"


@dataclass
class View:
    plan: Plan
    problem: Problem
    lang: str
    tz: ZoneInfo = field(init=False)

    def __post_init__(self) -> None:
        self.lang = "zh" if self.lang == "zh" else "en"
        self.tz = ZoneInfo(self.problem.timezone)

    # ---- words ---------------------------------------------------------------------------

    def w(self, key: str, **fmt: object) -> str:
        return t.word(self.lang, key, **fmt)

    def label(self, key: str, value: str) -> str:
        return f"{self.w(key)}{self.w('sep')}{value}"

    def join(self, items: list[str] | tuple[str, ...]) -> str:
        return t.join(self.lang, items)

    def paren(self, text: str, inner: str) -> str:
        return self.w("paren", text=text, inner=inner)

    @property
    def provisional(self) -> bool:
        return bool(self.plan.provisional_calendar or self.problem.calendar.provisional)

    # ---- names ---------------------------------------------------------------------------

    def org_name(self, org: str) -> str:
        o = self.problem.orgs.get(org)
        return o.name if o else org

    def orgs_names(self, orgs: tuple[str, ...] | list[str]) -> str:
        return self.join([self.org_name(o) for o in orgs])

    def person_name(self, key: str) -> str:
        p = self.problem.persons.get(key)
        return p.name if p else key

    def secretary_of(self, org: str) -> str:
        o = self.problem.orgs.get(org)
        return o.person if o else ""

    def centre_name(self, centre: str) -> str:
        return self.problem.centres.get(centre, centre)

    def room_name(self, key: str) -> str:
        r = self.problem.rooms.get(key)
        return r.name if r else key.partition(":")[2]

    def room_label(self, key: str) -> str:
        r = self.problem.rooms.get(key)
        centre = r.centre_name if r else self.centre_name(key.partition(":")[0])
        return f"{centre} {self.room_name(key)}"

    def series_name(self, series: str) -> str:
        """A series' name; for a group's duty term (its `series` is the group), the group's."""
        s = self.problem.series.get(series)
        if s is not None:
            return s.name
        duty = self.problem.duties.get(series)
        return duty.name if duty else series

    def rotation_of(self, series: str) -> str:
        """What a series' terms are filed under: its group if it is in a duty rotation."""
        s = self.problem.series.get(series)
        return s.duty if s is not None and s.duty else series

    def terms_of_series(self, series: str) -> list[Term]:
        return _pick(self.terms, self._terms_by_series, (self.rotation_of(series),))

    def type_name(self, key: str) -> str:
        return t.series_type(self.lang, key)

    def weekday(self, day: date) -> str:
        return t.weekday(self.lang, day.isoweekday())

    def venue(self, occ: Occurrence) -> str:
        if occ.venue == "centre" and occ.centre:
            return self.room_label(room_key(occ))
        if occ.venue == "own":
            return self.paren(self.org_name(occ.host), self.w("venue_own"))
        return self.w("venue_none")

    @staticmethod
    def place_of(occ: Occurrence) -> str:
        """Where attendees travel to: the centre, or the host's premises."""
        return occ.centre if occ.venue == "centre" and occ.centre else occ.host

    def local(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.tz)

    # ---- the plan, sorted ----------------------------------------------------------------

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        return sorted(self.plan.occurrences, key=lambda o: (o.date, o.start, o.end, o.id))

    @cached_property
    def terms(self) -> list[Term]:
        return sorted(self.plan.terms, key=lambda x: (x.start, x.end, x.series, x.term))

    @cached_property
    def visits(self) -> list[Visit]:
        return sorted(self.plan.visits, key=lambda v: (v.date, v.start, v.end, v.id))

    @cached_property
    def term_of(self) -> dict[tuple[str, str], Term]:
        return {(x.series, x.term): x for x in self.plan.terms}

    def executive_name(self, term: Term) -> str:
        return term.executive_name or self.person_name(term.executive_secretary)

    def executive_of(self, occ: Occurrence) -> str:
        """'person (organisation)' of the occurrence's term, or ''."""
        term = self.term_of.get((self.rotation_of(occ.series), occ.term))
        if term is None:
            return ""
        return self.paren(self.executive_name(term), self.org_name(term.executive_org))

    def occurrences_of_term(self, term: Term) -> list[Occurrence]:
        return _pick(self.occurrences, self._occurrences_by_term, ((term.series, term.term),))

    @cached_property
    def series_ids(self) -> list[str]:
        """Series in scenario order, then any the plan names that the problem lacks."""
        known = list(self.problem.series)
        extra = sorted({o.series for o in self.plan.occurrences} - set(known))
        return known + extra

    # ---- per organisation / person / room ---------------------------------------------------

    def org_occurrences(self, org: str) -> list[Occurrence]:
        return _pick(self.occurrences, self._occurrences_by_org, (org,))

    def org_duties(self, org: str) -> list[Occurrence]:
        return _pick(self.occurrences, self._duties_by_org, (org,))

    def org_terms(self, org: str) -> list[Term]:
        return _pick(self.terms, self._terms_by_org, (org,))

    def org_visits(self, org: str) -> list[Visit]:
        return _pick(self.visits, self._visits_by_org, (org,))

    def person_orgs(self, key: str) -> tuple[str, ...]:
        p = self.problem.persons.get(key)
        return p.orgs if p else ()

    def person_duties(self, key: str) -> list[Occurrence]:
        return _pick(self.occurrences, self._duties_by_org, self.person_orgs(key))

    def person_terms(self, key: str) -> list[Term]:
        return _pick(self.terms, self._terms_by_person, (key,))

    def person_visits(self, key: str) -> list[Visit]:
        return _pick(self.visits, self._visits_by_org, self.person_orgs(key))

    @cached_property
    def room_keys(self) -> list[str]:
        """Every room of the problem, then any the plan books that the problem lacks."""
        known = list(self.problem.rooms)
        booked = {room_key(o) for o in self.plan.occurrences if o.venue == "centre" and o.centre}
        return known + sorted(booked - set(known))

    def room_bookings(self, key: str) -> list[Occurrence]:
        return _pick(self.occurrences, self._bookings_by_room, (key,))

    # ---- the indexes behind them -------------------------------------------------------------
    # Built once: a city has a thousand organisations and as many secretaries, and filtering
    # every event again for each of them took seconds.

    @cached_property
    def _occurrences_by_org(self) -> dict[str, list[int]]:
        return _index(self.occurrences, lambda o: (o.host, o.co_host, *o.participants))

    @cached_property
    def _duties_by_org(self) -> dict[str, list[int]]:
        return _index(self.occurrences, lambda o: (o.host, o.co_host))

    @cached_property
    def _occurrences_by_term(self) -> dict[tuple[str, str], list[int]]:
        return _index(self.occurrences, lambda o: ((self.rotation_of(o.series), o.term),))

    @cached_property
    def _bookings_by_room(self) -> dict[str, list[int]]:
        return _index(self.occurrences, lambda o: (room_key(o),) if o.venue == "centre" else ())

    @cached_property
    def _terms_by_org(self) -> dict[str, list[int]]:
        return _index(self.terms, lambda x: (x.executive_org,))

    @cached_property
    def _terms_by_person(self) -> dict[str, list[int]]:
        return _index(self.terms, lambda x: (x.executive_secretary,))

    @cached_property
    def _terms_by_series(self) -> dict[str, list[int]]:
        return _index(self.terms, lambda x: (x.series,))

    @cached_property
    def _visits_by_org(self) -> dict[str, list[int]]:
        return _index(self.visits, lambda v: (v.host, *v.guests))

    @cached_property
    def centre_ids(self) -> list[str]:
        seen: dict[str, None] = dict.fromkeys(self.problem.centres)
        for k in self.room_keys:
            seen.setdefault(k.partition(":")[0], None)
        return list(seen)

    def centre_rooms(self, centre: str) -> list[str]:
        return [k for k in self.room_keys if k.partition(":")[0] == centre]

    # ---- counts ------------------------------------------------------------------------

    @cached_property
    def hosted_count(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for o in self.plan.occurrences:
            out[o.host] += 1
        return dict(out)

    def travel_minutes(self, org: str) -> int | None:
        """One-way minutes the organisation travels to joint activities and visits, or None."""
        total = 0
        try:
            for o in self.org_occurrences(org):
                total += self.problem.travel(org, self.place_of(o))
            for v in self.org_visits(org):
                if org in v.guests:
                    total += self.problem.travel(org, v.host)
        except KeyError:  # a place without a location: no estimate
            return None
        return total

    # ---- file names (relative to ics/) -------------------------------------------------

    @cached_property
    def org_files(self) -> dict[str, str]:
        return _unique("org", {o: slug(o) for o in self.problem.orgs})

    @cached_property
    def room_files(self) -> dict[str, str]:
        names = {}
        for key in self.room_keys:
            centre, _, room = key.partition(":")
            names[key] = f"{slug(centre)}_{slug(room)}"
        return _unique("room", names)

    @cached_property
    def person_files(self) -> dict[str, str]:
        return _unique("person", {k: _person_slug(p.key, p.name, p.contact)
                                  for k, p in self.problem.persons.items()})


def _index(items: Sequence[T], keys: Callable[[T], Iterable[K]]) -> dict[K, list[int]]:
    """Where each key's items are in `items`: their positions, each item once per key."""
    out: dict[K, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in set(keys(item)):
            out[key].append(i)
    return out


def _pick(items: Sequence[T], index: dict[K, list[int]], keys: Iterable[K]) -> list[T]:
    """The items under any of `keys`, each once, in the order of `items` (a new list)."""
    found = [index.get(k, []) for k in keys]
    if len(found) == 1:
        return [items[i] for i in found[0]]
    return [items[i] for i in sorted(set().union(*found))]


def _person_slug(key: str, name: str, contact: str) -> str:
    """An explicit secretary id as it is; a key built from name and contact never shows the
    contact (a phone number in a published URL): the name and a hash of the key."""
    if contact and contact in key:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
        return f"{_UNSAFE.sub('_', name).lstrip('.')[:60]}-{digest}"
    return slug(key)


def _unique(folder: str, names: dict[str, str]) -> dict[str, str]:
    """'folder/name.ics' per key; a name already taken (ignoring case) gets a hash."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for key, name in names.items():
        if name.lower() in used:
            name = f"{name}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"
        used.add(name.lower())
        out[key] = f"{folder}/{name}.ics"
    return out
