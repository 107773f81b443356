"""Small value types a committee writes by hand: date spans, weekdays, durations, hours.

Each accepts the forms people actually type (in YAML or in a spreadsheet cell) and rejects
everything else with a coded error that errors.py can say in zh or en.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from .limits import MINUTES_PER_DAY, MOST_YEARS, last_allowed_end

# Ids end up in file names, URLs and calendar UIDs: no "/", no spaces, no control characters.
Id = Annotated[str, StringConstraints(min_length=1, pattern=r"^[^/\s\x00-\x1f]+$")]
Text = Annotated[str, StringConstraints(min_length=1)]

_CELL_SPLIT = re.compile(r"\s*[;；、,，]\s*")


def split_cell(value: Any) -> Any:
    """A spreadsheet cell "a;b；c" means the list [a, b, c]; an empty cell means [].

    A single date, number or time (an XLSX date cell, `blackout: 2026-05-01` in YAML) is a
    list of one.
    """
    if isinstance(value, str):
        value = value.strip()
        return [part for part in _CELL_SPLIT.split(value) if part] if value else []
    if value is None:
        return []
    if isinstance(value, date | time | int | float):
        return [value]
    return value


ListCell = BeforeValidator(split_cell)


class Frozen(BaseModel):
    # A phone number, a numeric id (1001) or a room number (101) typed into YAML or a
    # spreadsheet cell arrives as a number; where the field is text, take it as text.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, coerce_numbers_to_str=True
    )


def _to_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class Span(Frozen):
    """An inclusive range of days, with an optional reason (例如：换届选举、装修)."""

    start: date
    end: date
    reason: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise PydanticCustomError(
                "end_before_start", "ends before it starts", {"start": self.start, "end": self.end}
            )
        # Every stage walks a span day by day: 0001-01-01..9999-12-31 would be 3.6 million.
        if self.end > last_allowed_end(self.start):
            raise PydanticCustomError(
                "span_too_long",
                "longer than the longest horizon",
                {"start": self.start, "end": self.end, "years": MOST_YEARS},
            )
        return self

    def days(self) -> list[date]:
        from datetime import timedelta

        n = (self.end - self.start).days
        return [self.start + timedelta(days=i) for i in range(n + 1)]


def parse_span(value: Any) -> Any:
    """2026-03-01 | "2026-03-01..2026-03-05" | {start, end, reason} -> span mapping."""
    if isinstance(value, dict):
        return value
    one = _to_date(value)
    if one is not None:
        return {"start": one, "end": one}
    if isinstance(value, str) and ".." in value:
        left, right = value.split("..", 1)
        a, b = _to_date(left), _to_date(right)
        if a is not None and b is not None:
            return {"start": a, "end": b}
    raise PydanticCustomError("bad_span", "bad date span {input!r}", {"input": value})


SpanField = Annotated[Span, BeforeValidator(parse_span)]

_WEEKDAYS = {
    "mon": 1,
    "tue": 2,
    "wed": 3,
    "thu": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
    "周一": 1,
    "周二": 2,
    "周三": 3,
    "周四": 4,
    "周五": 5,
    "周六": 6,
    "周日": 7,
    "周天": 7,
    "星期一": 1,
    "星期二": 2,
    "星期三": 3,
    "星期四": 4,
    "星期五": 5,
    "星期六": 6,
    "星期日": 7,
}


def parse_weekday(value: Any) -> int:
    """ISO weekday 1 (Monday) .. 7 (Sunday), from a number or a name in en or zh."""
    if isinstance(value, bool):
        raise PydanticCustomError("bad_weekday", "bad weekday {input!r}", {"input": value})
    if isinstance(value, int) and 1 <= value <= 7:
        return value
    if isinstance(value, str):
        key = value.strip().lower()
        if key.isascii() and key.isdigit() and 1 <= int(key) <= 7:
            return int(key)
        if key[:3] in _WEEKDAYS and key[:3].isascii():
            return _WEEKDAYS[key[:3]]
        if key in _WEEKDAYS:
            return _WEEKDAYS[key]
    raise PydanticCustomError("bad_weekday", "bad weekday {input!r}", {"input": value})


Weekday = Annotated[int, BeforeValidator(parse_weekday)]

_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*(?:m|min))?$", re.ASCII)


def parse_duration(value: Any) -> int:
    """Minutes, from 90, "90", "2h", "1h30m" or "45min"; at most one day."""
    minutes = _minutes(value)
    # An activity is placed on one day at a time of day: it cannot last longer than the day.
    if minutes > MINUTES_PER_DAY:
        raise PydanticCustomError(
            "duration_too_long", "longer than a day", {"input": value, "limit": MINUTES_PER_DAY}
        )
    return minutes


def _minutes(value: Any) -> int:
    if isinstance(value, bool):
        raise PydanticCustomError("bad_duration", "bad duration {input!r}", {"input": value})
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text.isascii() and text.isdigit() and int(text) > 0:
            return int(text)
        match = _DURATION.match(text)
        if match and any(match.groups()):
            minutes = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
            if minutes > 0:
                return minutes
    raise PydanticCustomError("bad_duration", "bad duration {input!r}", {"input": value})


def ends_same_day(start: time, minutes: int) -> int:
    """`minutes` if an activity starting at `start` ends before midnight, else an error.

    The planner places an activity on one day and writes its end as a time of that day: one
    ending at 24:00 or later has no such end.
    """
    end = start.hour * 60 + start.minute + minutes
    if end >= MINUTES_PER_DAY:
        raise PydanticCustomError(
            "ends_next_day",
            "ends on the next day",
            {"start": start.strftime("%H:%M"), "minutes": minutes},
        )
    return minutes


Minutes = Annotated[int, BeforeValidator(parse_duration)]


def parse_clock(value: Any) -> Any:
    """YAML reads 09:00 as the integer 540 (sexagesimal); turn it back into a time."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    return value


Clock = Annotated[time, BeforeValidator(parse_clock)]


class Hours(Frozen):
    open: time
    close: time


def parse_hours(value: Any) -> Any:
    """ "08:30-17:30" -> {open, close}; the close must come after the open."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        match = re.match(r"^\s*(\d{1,2}:\d{2})\s*[-–~～至]\s*(\d{1,2}:\d{2})\s*$", value, re.ASCII)
        if match:
            try:
                a = time.fromisoformat(match.group(1).zfill(5))
                b = time.fromisoformat(match.group(2).zfill(5))
            except ValueError:  # 25:00 fits the pattern but is no time of day
                pass
            else:
                if a < b:
                    return {"open": a, "close": b}
    raise PydanticCustomError("bad_hours", "bad opening hours {input!r}", {"input": value})


HoursField = Annotated[Hours, BeforeValidator(parse_hours)]
