"""The scenario as a committee writes it: organisations, centres, series, pairs, history.

This is the *validated input*, nothing derived. Derivations (occurrences, candidate days,
host pools, travel) belong to `rotasched.problem`.
"""

from __future__ import annotations

import json
import re
from datetime import date, time
from typing import TYPE_CHECKING, Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    NonNegativeInt,
    PositiveInt,
    PrivateAttr,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..rules import default_weights
from .errors import Issue
from .fields import (
    Clock,
    Frozen,
    Hours,
    HoursField,
    Id,
    ListCell,
    Minutes,
    Span,
    SpanField,
    Text,
    Weekday,
    ends_same_day,
    parse_weekday,
)
from .limits import (
    FIRST_YEAR,
    LAST_YEAR,
    MINUTES_PER_DAY,
    MOST_DAYS,
    MOST_PEOPLE,
    MOST_WEEKS,
    MOST_WEIGHT,
    MOST_YEARS,
    last_allowed_end,
)

IdList = Annotated[list[Id], ListCell]
# Each weekday once, in order: a list of 10,000 "mon" would be walked for every day of the horizon.
WeekdayList = Annotated[list[Weekday], ListCell, AfterValidator(lambda days: sorted(set(days)))]
SpanList = Annotated[list[SpanField], ListCell]
TextList = Annotated[list[Text], ListCell]
# Bounds (limits.py says why): how many people, seats or minutes a number may stand for.
People = Annotated[int, Field(ge=0, le=MOST_PEOPLE)]
SomePeople = Annotated[int, Field(gt=0, le=MOST_PEOPLE)]
Weight = Annotated[int, Field(ge=0, le=MOST_WEIGHT)]

ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]
WORK_WEEK = [1, 2, 3, 4, 5]

# Activity types: the canonical key is English; the Chinese names committees use are accepted.
SERIES_TYPES = {
    "theme_day": "主题党日",
    "joint_lecture": "联合党课",
    "joint_meeting": "联席会议",
    "volunteer": "志愿服务",
    "training": "培训",
    "other": "其他",
}
ORG_KINDS = {
    "enterprise": "企业",
    "village": "村",
    "community": "社区",
    "organ": "机关",
    "school": "学校",
    "other": "其他",
}
GROUP_KINDS = {
    "park": "园区",
    "joint_branch": "联合党支部",
    "street": "街道",
    "district": "区",
    "other": "其他",
}


def _alias(table: dict[str, str]) -> BeforeValidator:
    """Accept the Chinese name of a choice as well as its key."""
    reverse = {zh: key for key, zh in table.items()}

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return reverse.get(value.strip(), value.strip())
        return value

    return BeforeValidator(convert)


SeriesType = Annotated[
    Literal["theme_day", "joint_lecture", "joint_meeting", "volunteer", "training", "other"],
    _alias(SERIES_TYPES),
]
OrgKind = Annotated[
    Literal["enterprise", "village", "community", "organ", "school", "other"], _alias(ORG_KINDS)
]
GroupKind = Annotated[
    Literal["park", "joint_branch", "street", "district", "other"], _alias(GROUP_KINDS)
]


class Meta(Frozen):
    # A stable identifier of the planning body (e.g. hjk-park): part of every calendar UID,
    # so two bodies' events never share one. Keep it when copying a scenario for a what-if.
    id: Id | None = None
    name: Text
    locale: Literal["zh", "en"] = "zh"
    timezone: str = "Asia/Shanghai"
    start: date
    end: date
    description: str = ""
    # A re-plan freezes what happens before today plus this many days: people have been told.
    notice_days: int = Field(default=14, ge=0, le=366)

    @field_validator("start")
    @classmethod
    def _plannable_start(cls, value: date) -> date:
        return _plannable(value)

    @field_validator("end")
    @classmethod
    def _not_too_long(cls, value: date, info: ValidationInfo) -> date:
        # Said once, on the end: a horizon to 9999-12-31 used to give one error per year.
        start = info.data.get("start")
        if start is not None and value > (last := last_allowed_end(start)):
            raise PydanticCustomError(
                "horizon_too_long",
                "longer than the longest horizon",
                {"start": start, "end": value, "years": MOST_YEARS, "last": last},
            )
        return _plannable(value)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except Exception as exc:  # zoneinfo raises several types for bad keys
            raise PydanticCustomError("bad_timezone", "unknown zone", {"input": value}) from exc
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Meta:
        if self.end < self.start:
            raise PydanticCustomError(
                "end_before_start", "ends before it starts", {"start": self.start, "end": self.end}
            )
        return self


def _plannable(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PydanticCustomError(
            "year_out_of_range",
            "outside the years that can be planned",
            {"input": day, "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return day


class YearDays(Frozen):
    """An official arrangement the scenario supplies for a year chinesecalendar lacks."""

    holidays: SpanList = Field(default_factory=list)
    workdays: Annotated[list[date], ListCell] = Field(default_factory=list)  # 调休 weekends


class CalendarSpec(Frozen):
    provisional: bool = False
    years: dict[int, YearDays] = Field(default_factory=dict)
    closures: SpanList = Field(default_factory=list)

    @field_validator("years")
    @classmethod
    def _plannable_years(cls, value: dict[int, YearDays]) -> dict[int, YearDays]:
        for year in value:
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise PydanticCustomError(
                    "year_out_of_range",
                    "outside the years that can be planned",
                    {"input": year, "first": FIRST_YEAR, "last": LAST_YEAR},
                )
        return value


class Location(Frozen):
    district: str = ""
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class Secretary(Frozen):
    id: Id | None = None  # the same id on two organisations means one person
    name: Text
    contact: str = ""

    @property
    def key(self) -> str:
        """Who this is: the id, else name and contact (two 张伟 with different phones differ)."""
        if self.id:
            return self.id
        return f"{self.name}-{self.contact}" if self.contact else self.name


class OwnRoom(Frozen):
    capacity: SomePeople
    equipment: TextList = Field(default_factory=list)


class Duty(Frozen):
    """A joint organisation's duty rotation (轮值制): each term one member is on duty (轮值单位),
    hosts every occurrence of the listed series in that term, and its secretary is the
    group's executive secretary (执行书记) for the term."""

    term: Literal["month", "quarter", "year"] = "quarter"
    series: IdList = Field(min_length=1)
    effort: PositiveInt = 1  # a duty term's weight in a member's load, against one hosting
    fairness: Literal["equal", "members"] = "equal"


class Group(Frozen):
    id: Id
    name: Text
    kind: GroupKind = "other"
    duty: Duty | None = None


class Organisation(Frozen):
    id: Id
    name: Text
    kind: OrgKind = "other"
    groups: IdList = Field(default_factory=list)
    members: People = 0
    secretary: Secretary
    room: OwnRoom | None = None
    location: Location = Field(default_factory=Location)
    blackout: SpanList = Field(default_factory=list)
    weekdays: WeekdayList = Field(default_factory=lambda: list(ALL_WEEKDAYS))
    # The day it leaves (退出): from then on it hosts, attends and visits nothing.
    left: date | None = None


class Room(Frozen):
    id: Id
    name: str = ""
    capacity: SomePeople
    equipment: TextList = Field(default_factory=list)


class Closure(Span):
    rooms: IdList = Field(default_factory=list)  # empty: the whole centre


def _closure(value: Any) -> Any:
    from .fields import parse_span

    return parse_span(value)


class Centre(Frozen):
    id: Id
    name: Text
    location: Location = Field(default_factory=Location)
    open_days: WeekdayList = Field(default_factory=lambda: list(WORK_WEEK))
    # Defaults are not validated: give the parsed objects, not the text a user would write.
    hours: HoursField = Field(default_factory=lambda: Hours(open=time(8, 30), close=time(17, 30)))
    # Closed on official holidays and open on 调休 working weekends, like the offices around it.
    follows_official_calendar: bool = True
    rooms: list[Room] = Field(min_length=1)
    closures: Annotated[list[Annotated[Closure, BeforeValidator(_closure)]], ListCell] = Field(
        default_factory=list
    )


class Members(Frozen):
    """Who takes part: whole groups and/or single organisations."""

    groups: IdList = Field(default_factory=list)
    orgs: IdList = Field(default_factory=list)


class Cadence(Frozen):
    kind: Literal["monthly", "quarterly", "yearly", "weeks", "dates"]
    weeks: int = Field(default=0, validate_default=True)
    dates: tuple[date, ...] = ()

    @field_validator("weeks")
    @classmethod
    def _weeks_in_range(cls, value: int, info: ValidationInfo) -> int:
        # The mapping form {kind: weeks, weeks: 0} would otherwise never leave its first period.
        if info.data.get("kind") == "weeks":
            _check_weeks(value)
        return value


def _check_weeks(n: int) -> None:
    if not 1 <= n <= MOST_WEEKS:
        raise PydanticCustomError(
            "bad_weeks", "weeks out of range", {"input": n, "most": MOST_WEEKS}
        )


def parse_cadence(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    if isinstance(value, list):
        return {"kind": "dates", "dates": value}
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("monthly", "quarterly", "yearly"):
            return {"kind": text}
        match = re.fullmatch(r"every-(\d+)-weeks?", text, re.ASCII)
        if match:
            _check_weeks(int(match.group(1)))
            return {"kind": "weeks", "weeks": int(match.group(1))}
    raise PydanticCustomError("bad_cadence", "bad cadence {input!r}", {"input": value})


class DayRule(Frozen):
    """Which day of the period an occurrence prefers.

    kind any: any working day; nth: the n-th (or last, n=-1) given weekday of the month;
    nth_workday: the n-th (or last) working day; fixed: day n of the month.
    """

    kind: Literal["any", "nth", "nth_workday", "fixed"]
    # Checked as the string form is (defaults included: {kind: nth} names no n-th day).
    n: int = Field(default=0, validate_default=True)
    weekday: int = Field(default=0, validate_default=True)

    @field_validator("n")
    @classmethod
    def _n_in_range(cls, value: int, info: ValidationInfo) -> int:
        kind = info.data.get("kind")
        if kind == "fixed" and not 1 <= value <= 31:
            raise PydanticCustomError("bad_day_of_month", "not a day of a month", {"input": value})
        if kind in ("nth", "nth_workday") and value not in _ORDINALS.values():
            raise PydanticCustomError("bad_ordinal", "not first..fourth or last", {"input": value})
        return value

    @field_validator("weekday", mode="before")
    @classmethod
    def _weekday_in_range(cls, value: Any, info: ValidationInfo) -> Any:
        return parse_weekday(value) if info.data.get("kind") == "nth" else value


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def parse_day_rule(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("any-workday", "any"):
            return {"kind": "any"}
        match = re.fullmatch(r"day-(\d{1,2})", text)
        if match and 1 <= int(match.group(1)) <= 31:
            return {"kind": "fixed", "n": int(match.group(1))}
        match = re.fullmatch(r"(first|second|third|fourth|last)-(\w+)", text)
        if match:
            n = _ORDINALS[match.group(1)]
            if match.group(2) == "workday":
                return {"kind": "nth_workday", "n": n}
            try:
                return {"kind": "nth", "n": n, "weekday": parse_weekday(match.group(2))}
            except Exception:
                pass
    raise PydanticCustomError("bad_day_rule", "bad day rule {input!r}", {"input": value})


class RoomNeed(Frozen):
    capacity: SomePeople | None = None  # default: expected attendance
    equipment: TextList = Field(default_factory=list)
    own_room: bool = True  # the host's own room may serve if big enough


class StrongWeak(Frozen):
    strong: Id
    weak: Id


class Series(Frozen):
    id: Id
    name: Text
    type: SeriesType = "other"
    cadence: Annotated[Cadence, BeforeValidator(parse_cadence)]
    day: Annotated[DayRule, BeforeValidator(parse_day_rule)] = Field(
        default_factory=lambda: DayRule(kind="any")
    )
    # If the preferred day is not a working day: take the next or previous working day.
    fallback: Literal["next", "previous"] = "next"
    # May the planner move an occurrence to another working day of its period (at a cost)?
    flexible: bool = True
    start: Clock
    duration: Minutes
    participants: Members
    hosts: Members | None = None  # default: the participants
    attendance: SomePeople | None = None  # default: from member counts
    delegates_per_org: SomePeople | None = None  # e.g. 1 for a meeting of secretaries
    term: Literal["occurrence", "month", "quarter", "year"] = "occurrence"
    fairness: Literal["equal", "members"] = "equal"
    effort: PositiveInt = 1  # one hosting's weight in a member's load (a training: 3, say)
    room: RoomNeed | None = None  # None: needs no room (e.g. 志愿服务 outdoors)
    strong_weak: list[StrongWeak] = Field(default_factory=list)

    @field_validator("duration")
    @classmethod
    def _same_day(cls, value: int, info: ValidationInfo) -> int:
        start = info.data.get("start")
        return value if start is None else ends_same_day(start, value)


class Twinning(Frozen):
    id: Id
    name: str = ""
    form: Literal["one_to_one", "many_to_one", "one_to_many"]
    helpers: IdList = Field(min_length=1)
    helped: IdList = Field(min_length=1)
    visits: PositiveInt = 1  # at most the weekdays of a period: checks.py
    per: Literal["month", "quarter", "year"] = "quarter"
    hosts: Literal["both", "helpers", "helped"] = "both"
    alternate: bool = True  # hard: the hosting side changes from one visit to the next
    start: Clock = time(9, 30)
    duration: Minutes = Field(default=180, validate_default=True)
    delegation: SomePeople = 5
    min_gap_days: NonNegativeInt = 14

    @field_validator("duration")
    @classmethod
    def _same_day(cls, value: int, info: ValidationInfo) -> int:
        start = info.data.get("start")
        return value if start is None else ends_same_day(start, value)

    @field_validator("min_gap_days")
    @classmethod
    def _gap_within_a_horizon(cls, value: int) -> int:
        # Not bounded by this scenario's horizon: with one visit in a short horizon the gap
        # still counts from the last visit of the history, so 14 days in a week is meaningful.
        if value > MOST_DAYS:
            raise PydanticCustomError(
                "gap_too_long", "longer than any horizon", {"input": value, "limit": MOST_DAYS}
            )
        return value


class Visiting(Frozen):
    """When the twinning programme's visits may fall, as the seeds ask: regular, not bunched
    on festival days (突破以往"节日帮扶")."""

    # No working day holds more than `peak` times the programme's mean visits per working day.
    peak: float = Field(default=2.0, ge=1.0, le=100.0)
    avoid: SpanList = Field(default_factory=list)  # e.g. the week before Spring Festival
    discourage: SpanList = Field(default_factory=list)  # allowed at a cost (visit_window)
    adjusted_weekends: bool = False  # may visits fall on 调休 weekends (working Saturdays)?


class HostRecord(Frozen):
    series: Id
    date: date
    host: Id


class VisitRecord(Frozen):
    pair: Id
    date: date
    host: Id


class History(Frozen):
    hosts: list[HostRecord] = Field(default_factory=list)
    visits: list[VisitRecord] = Field(default_factory=list)


Day = date  # for a field named `date`, whose name would hide the type


class Pin(Frozen):
    """An assignment the committee has agreed: kept by every plan (rule `pinned`)."""

    event: str  # an event id as the plan's tables show it: "theme-day.2026-05", "p1.2026Q2.1"
    host: Id | None = None
    date: Day | None = None
    room: str | None = None  # "centre:room", or "own" (the host's own room)

    @model_validator(mode="after")
    def _something(self) -> Pin:
        if self.host is None and self.date is None and self.room is None:
            raise PydanticCustomError("pin_empty", "pins nothing", {"event": self.event})
        return self


class Travel(Frozen):
    """Minutes from an organisation to a centre or another organisation."""

    model_config = Frozen.model_config | {"populate_by_name": True}

    from_: Id = Field(alias="from")
    to: Id
    minutes: int = Field(ge=0, le=MINUTES_PER_DAY)


# One weight per soft term of the rulebook, defaulting to its declared weight: a new term
# gets its scenario field by being declared, not by editing this file. mypy cannot follow a
# model made at run time, so it sees the base class.
if TYPE_CHECKING:
    Weights = Frozen
else:
    Weights = create_model(
        "Weights",
        __base__=Frozen,
        __doc__="Weights of the soft goals; 0 = not optimised (still measured and reported).",
        **{label: (Weight, weight) for label, weight in default_weights().items()},
    )


class Scenario(Frozen):
    meta: Meta
    calendar: CalendarSpec = Field(default_factory=CalendarSpec)
    groups: list[Group] = Field(default_factory=list)
    organisations: list[Organisation] = Field(min_length=1)
    centres: list[Centre] = Field(default_factory=list)
    series: list[Series] = Field(default_factory=list)
    twinning: list[Twinning] = Field(default_factory=list)
    history: History = Field(default_factory=History)
    travel: list[Travel] = Field(default_factory=list)
    visiting: Visiting = Field(default_factory=Visiting)
    weights: Weights = Field(default_factory=Weights)
    pins: list[Pin] = Field(default_factory=list)
    # The file it was read from, for error messages of later stages.
    _source: str = PrivateAttr("scenario")
    # What looks wrong but may be meant (two organisations of one name): said, never refused.
    _warnings: tuple[Issue, ...] = PrivateAttr(())

    @property
    def source(self) -> str:
        return self._source

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return self._warnings

    def canonical_json(self) -> str:
        """The validated scenario as canonical JSON: what the ledger stores (and digests) and
        what a sweep ships to its workers. `Scenario.model_validate_json` gives it back, no
        source file needed (tests/test_ledger.py checks every bundled scenario)."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def org(self, org_id: str) -> Organisation:
        return next(o for o in self.organisations if o.id == org_id)

    def members_of(self, who: Members) -> list[str]:
        """Organisation ids named directly or through a group, in scenario order."""
        groups, orgs = set(who.groups), set(who.orgs)
        return [o.id for o in self.organisations if o.id in orgs or groups & set(o.groups)]

    def host_pool(self, series: Series) -> list[str]:
        return self.members_of(series.hosts or series.participants)

    def attendance(self, series: Series) -> int:
        """Expected people at one occurrence: given, delegates x orgs, or the member counts."""
        if series.attendance is not None:
            return series.attendance
        orgs = self.members_of(series.participants)
        if series.delegates_per_org is not None:
            return series.delegates_per_org * len(orgs)
        return sum(self.org(o).members for o in orgs)


__all__ = [
    "Cadence",
    "CalendarSpec",
    "Centre",
    "Closure",
    "DayRule",
    "Group",
    "History",
    "Organisation",
    "Pin",
    "Room",
    "Scenario",
    "Series",
    "Span",
    "Twinning",
]
