"""The raw scenario data a generator builds, typed: what `load_scenario` reads from YAML.

Values are in the forms people type (durations `2h`, day rules `third-fri`, spans
`2026-01-05..2026-01-16`), so the written files read like hand-made ones; docs/scenario.md
says what each field means. Key order is the order written.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NotRequired, TypedDict

OrgKind = Literal["enterprise", "village", "community", "organ", "school", "other"]
Form = Literal["one_to_one", "many_to_one", "one_to_many"]


class Meta(TypedDict):
    id: str
    name: str
    locale: str
    timezone: str
    start: date
    end: date
    description: str


class Span(TypedDict):
    start: date
    end: date
    reason: str


class Closure(TypedDict):
    start: date
    end: date
    reason: str
    rooms: NotRequired[list[str]]


class CalendarPart(TypedDict):
    provisional: NotRequired[bool]
    closures: NotRequired[list[Span]]


class Duty(TypedDict):
    term: str
    series: list[str]


class Group(TypedDict):
    id: str
    name: str
    kind: str
    duty: NotRequired[Duty]


class Secretary(TypedDict):
    id: str
    name: str


class OwnRoom(TypedDict):
    capacity: int
    equipment: NotRequired[list[str]]


class Location(TypedDict):
    district: str
    lat: float
    lon: float


class Org(TypedDict):
    id: str
    name: str
    kind: OrgKind
    groups: NotRequired[list[str]]
    members: int
    secretary: Secretary
    room: NotRequired[OwnRoom]
    location: Location
    blackout: NotRequired[list[str]]  # spans as cells write them
    weekdays: NotRequired[list[str]]
    left: NotRequired[date]


class Room(TypedDict):
    id: str
    name: str
    capacity: int
    equipment: NotRequired[list[str]]


class Centre(TypedDict):
    id: str
    name: str
    location: Location
    open_days: list[str]
    hours: str
    follows_official_calendar: NotRequired[bool]
    rooms: list[Room]
    closures: NotRequired[list[Closure]]


class Members(TypedDict, total=False):
    groups: list[str]
    orgs: list[str]


class RoomNeed(TypedDict, total=False):
    capacity: int
    equipment: list[str]
    own_room: bool


class StrongWeak(TypedDict):
    strong: str
    weak: str


class Series(TypedDict):
    id: str
    name: str
    type: str
    cadence: str
    day: str
    fallback: NotRequired[str]
    flexible: NotRequired[bool]
    start: str
    duration: str
    participants: Members
    hosts: NotRequired[Members]
    attendance: NotRequired[int]
    delegates_per_org: NotRequired[int]
    fairness: NotRequired[str]
    room: NotRequired[RoomNeed]
    strong_weak: NotRequired[list[StrongWeak]]


class Pair(TypedDict):
    id: str
    name: str
    form: Form
    helpers: list[str]
    helped: list[str]
    visits: int
    per: str
    hosts: str
    alternate: bool
    start: str
    duration: str
    delegation: int
    min_gap_days: int


class HostRecord(TypedDict):
    series: str
    date: date
    host: str


class VisitRecord(TypedDict):
    pair: str
    date: date
    host: str


class History(TypedDict, total=False):
    hosts: list[HostRecord]
    visits: list[VisitRecord]


class Visiting(TypedDict):
    peak: float
    avoid: list[Span]
    adjusted_weekends: bool


class Data(TypedDict):
    """A whole scenario. Sections a kind does not use are left out."""

    meta: Meta
    calendar: NotRequired[CalendarPart]
    groups: NotRequired[list[Group]]
    organisations: list[Org]
    centres: NotRequired[list[Centre]]
    series: NotRequired[list[Series]]
    twinning: NotRequired[list[Pair]]
    history: NotRequired[History]
    visiting: NotRequired[Visiting]
