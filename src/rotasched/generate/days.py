"""Dates of a generated scenario, from the official calendar and never typed in by hand.

Working days and 调休 come from `rotasched.calendar` (chinesecalendar, or its provisional
estimate for a year it does not carry yet); Spring Festival from the statutory days the
provisional calendar reads. Busy spells are named by the weeks they cover ("the two weeks from
the first Monday of January"), so the same story lands on Mondays to Fridays in any year.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from ..calendar import OfficialYear, official_year
from ..provisional import statutory_days
from .records import Visiting

DAY = timedelta(days=1)
WEEK = timedelta(weeks=1)


@cache
def year_of(year: int) -> OfficialYear:
    return official_year(year)


def is_workday(day: date) -> bool:
    return year_of(day.year).is_workday(day)


def workday_from(day: date) -> date:
    """The day itself if it is an official working day, else the next one."""
    while not is_workday(day):
        day += DAY
    return day


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO weekday (1 = Monday) of a month; n = -1: the last."""
    if n < 0:
        first_next = date(year + month // 12, month % 12 + 1, 1)
        day = first_next - DAY
        return day - timedelta(days=(day.isoweekday() - weekday) % 7)
    day = date(year, month, 1)
    day += timedelta(days=(weekday - day.isoweekday()) % 7)
    return day + WEEK * (n - 1)


def month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - DAY


def weeks(year: int, month: int, n: int, count: int) -> tuple[date, date]:
    """`count` working weeks from the n-th Monday of a month: Monday to the last Friday."""
    monday = nth_weekday(year, month, 1, n)
    return monday, monday + WEEK * (count - 1) + 4 * DAY


def to_month_end(year: int, month: int, n: int) -> tuple[date, date]:
    """From the n-th Monday of a month to its last day (a farming season, year-end)."""
    return nth_weekday(year, month, 1, n), month_end(year, month)


def span(first: date, last: date) -> str:
    """A span as a table cell writes it: `2026-01-05..2026-01-16`, or one day."""
    return first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"


def before_spring_festival(year: int) -> tuple[date, date]:
    """The week before Spring Festival: seven days before 除夕, to 除夕 itself."""
    first_day = statutory_days(year)["春节"][0]  # 初一
    eve = first_day - DAY
    return eve - WEEK, eve


def visiting(year: int, start: date, end: date) -> Visiting:
    """How the generated pairs visit: spread out (peak 2), not on 调休 weekends, and not in
    the week before Spring Festival when the horizon holds it."""
    eve = before_spring_festival(year)
    out: Visiting = {"peak": 2.0, "avoid": [], "adjusted_weekends": False}
    if start <= eve[0] and eve[1] <= end:
        out["avoid"] = [{"start": eve[0], "end": eve[1], "reason": "春节前一周"}]
    return out


def horizon(year: int, quarter: int | None) -> tuple[date, date]:
    """The whole year, or one quarter of it."""
    if quarter is None:
        return date(year, 1, 1), date(year, 12, 31)
    first = 3 * quarter - 2
    return date(year, first, 1), month_end(year, first + 2)


def quarter_before(year: int, quarter: int | None) -> tuple[int, int]:
    """(year, first month) of the quarter before the horizon: where history lies."""
    if quarter in (None, 1):
        return year - 1, 10
    assert quarter is not None
    return year, 3 * (quarter - 1) - 2


WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ORDINALS = ("first", "second", "third", "fourth")


def rule_day(year: int, month: int, rule: str) -> date:
    """The working day a series' day rule (`third-fri`, `last-thu`, `day-15`) gives in a
    month: the rule's own day, else the next working day (fallback `next`)."""
    kind, _, arg = rule.partition("-")
    if kind == "day":
        day = date(year, month, int(arg))
    else:
        n = -1 if kind == "last" else ORDINALS.index(kind) + 1
        day = nth_weekday(year, month, WEEKDAY_KEYS.index(arg) + 1, n)
    return workday_from(day)
