"""The prepared problem's data model: frozen values, days as integers.

Everything here is a plain frozen dataclass, so the solver and the checker read the same
derived facts and neither can change them. Days are integers: day 0 is the horizon's first
day (history may be negative); `Problem.day` and `Problem.index` convert. How the values are
worked out from a scenario is `derive.py`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..calendar import WorkCalendar
from ..scenario import Scenario
from ..scenario.model import Location
from . import targets
from .fixed import Anchor, Pin, Refusal
from .travel import travel_minutes

MINUTES_PER_DAY = 24 * 60


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
    effort: int = 1  # one hosting's weight in a member's load
    duty: str = ""  # the group whose duty organisation hosts it, "" if it rotates on its own
    # Do its terms have a 执行书记? Not for a duty series (the group's duty term has), nor for
    # a series hosted turn by turn in a group that has a duty rotation (a volunteer day's host
    # is its host, not the joint organisation's executive secretary).
    executive: bool = True

    def fair_target(self, org: str, turns: int) -> int:
        """An org's fair count of `turns` plus history, in tenths: equal or by members."""
        return targets.fair_target(self.share, self.history_count, org, turns)


@dataclass(frozen=True)
class Duty:
    """A group's duty rotation: one duty organisation per term hosts the duty series' occurrences
    of the term, and its secretary is the group's 执行书记."""

    group: str
    name: str  # the group's name
    term_kind: str
    series: tuple[str, ...]
    pool: tuple[str, ...]
    # Fairness weight of each member: 1 or its members, divided among the organisations one
    # secretary leads, so that a person is 执行书记 as often as one member, not once per org.
    share: dict[str, float]
    effort: int
    history_count: dict[str, int]  # terms each member held before the horizon
    recency: tuple[str, ...]  # pool ordered: least recently hosting anything first
    last_holder: str
    terms: tuple[TermSpan, ...]

    def fair_target(self, org: str, turns: int) -> int:
        return targets.fair_target(self.share, self.history_count, org, turns)


@dataclass(frozen=True)
class Rotation:
    """What a group's members take turns at: its duty and the series only its members host.
    A turn is one duty term or one hosting of such a series."""

    group: str
    members: tuple[str, ...]  # those that can take a turn (available on a day it could be)
    duty: str  # the group id if it has a duty rotation, else ""
    series: tuple[str, ...]
    turns: int  # how many turns the horizon holds: duty terms plus hostings
    # Who takes turns: a secretary and the member organisations they lead, counted as one, so
    # that a person leading two members does not come round twice as often.
    holders: dict[str, tuple[str, ...]]

    @property
    def round_robin(self) -> tuple[int, int]:
        """The fewest and most turns a holder takes when everyone goes once before anyone
        goes twice: ⌊turns / holders⌋ and ⌈turns / holders⌉."""
        n = max(len(self.holders), 1)
        return self.turns // n, -(-self.turns // n)


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
    duties: dict[str, Duty]  # by group id
    rotations: dict[str, Rotation]  # by group id
    visit_cap: int  # most visits of the programme on one day
    discouraged: frozenset[int]  # days a visit may take at a cost
    places: dict[str, Location]  # centres and organisations
    travel_table: dict[tuple[str, str], int]  # minutes the scenario gives
    weights: dict[str, int]
    scenario: Scenario = field(repr=False, compare=False)
    # A re-plan (fixed.py): the published plan's events by id, what nobody may move, and the
    # hand edits and frozen events refused (a rule forbids them).
    reference: dict[str, Anchor] = field(default_factory=dict)
    pins: dict[str, Pin] = field(default_factory=dict)
    refused: tuple[Refusal, ...] = ()
    # How many members the largest fairness deviation counts for: all of them (None), or,
    # in a part solved alone for a bound, what the bound gives it (problem/parts.py).
    fair_max_members: int | None = None

    def day(self, index: int) -> date:
        return self.start + timedelta(days=index)

    def index(self, day: date) -> int:
        return (day - self.start).days

    def load_target(self, org: str) -> int:
        """An org's fair load, in tenths: its share of every rotation it is in, by effort."""
        out = 0
        for s in self.series.values():
            if not s.duty and org in s.pool and len(s.pool) > 1:
                out += s.effort * s.fair_target(org, len(s.occurrences))
        for d in self.duties.values():
            if org in d.pool and len(d.pool) > 1:
                out += d.effort * d.fair_target(org, len(d.terms))
        return out

    def load_history(self, org: str) -> int:
        """The load an org carried before the horizon, in turns weighted by effort."""
        out = 0
        for s in self.series.values():
            if not s.duty and org in s.pool and len(s.pool) > 1:
                out += s.effort * s.history_count[org]
        for d in self.duties.values():
            if org in d.pool and len(d.pool) > 1:
                out += d.effort * d.history_count[org]
        return out

    def load_orgs(self) -> list[str]:
        """Organisations that carry a share of some rotation (pool of two or more)."""
        pools = [s.pool for s in self.series.values() if not s.duty and len(s.pool) > 1]
        pools += [d.pool for d in self.duties.values() if len(d.pool) > 1]
        return sorted({o for pool in pools for o in pool})

    def person_of(self, org: str) -> Person:
        return self.persons[self.orgs[org].person]

    def travel(self, org: str, place: str) -> int:
        """Minutes from an organisation to a centre or another organisation."""
        return travel_minutes(self.places, self.travel_table, org, place)
