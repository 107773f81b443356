"""Periods of a cadence, term labels, and the preferred day of a day rule.

The calendar arithmetic of the problem, in dates (derive.py turns them into day indexes):
which months, quarters, years or runs of weeks a horizon holds, clipped to the horizon; the
label of each ("2026-04", "2026Q2", "2026", or for week periods the ISO date of the Monday that
starts it), which becomes part of occurrence ids, calendar UIDs and the tables; and on which
day within a period a rule such as "day-1" or "first-fri" falls once moved off holidays.

A period and its label never depend on where the horizon starts: a plan of April to June and
one of January to June name April's events alike, so their calendar UIDs match.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from ..scenario.model import Cadence, DayRule

# Cadences say "monthly", terms and twinning say "month": both name the same calendar periods.
FREQ = {"month": "M", "monthly": "M", "quarter": "Q", "quarterly": "Q", "year": "Y", "yearly": "Y"}
# Period labels are part of occurrence ids, calendar UIDs and the tables, so they are spelled
# out here rather than left to pandas' default str() of a Period.
LABEL = {"M": "%Y-%m", "Q": "%YQ%q", "Y": "%Y"}
# Runs of weeks are counted from a fixed Monday, not from the horizon's first day (which made
# a re-plan from another start rename every event). 1 January of year 1 is a Monday, so
# every-1-week periods are ISO weeks.
WEEKS_EPOCH = date(1, 1, 1)


def periods(kind: str, weeks: int, first: date, last: date) -> list[tuple[str, date, date]]:
    """(label, first day, last day) of each period of a cadence, clipped to the horizon.

    Calendar periods are the months, quarters or years that overlap first..last; week periods
    run `weeks` weeks at a time from WEEKS_EPOCH and are labelled by their (unclipped) Monday.
    """
    if kind == "weeks":
        step = timedelta(weeks=weeks)
        out: list[tuple[str, date, date]] = []
        a = first - timedelta(days=(first - WEEKS_EPOCH).days % step.days)
        while a <= last:
            out.append((a.isoformat(), max(a, first), min(a + step - timedelta(days=1), last)))
            a += step
        return out
    return list(_calendar_periods(FREQ[kind], first, last))


# Every series and every twinning pair cuts the same horizon into the same periods, and pandas
# takes about a quarter of a millisecond each time: the city target has 500 pairs.
@lru_cache(maxsize=64)
def _calendar_periods(freq: str, first: date, last: date) -> tuple[tuple[str, date, date], ...]:
    span = pd.period_range(pd.Period(first, freq), pd.Period(last, freq), freq=freq)
    return tuple(
        (label, max(a, first), min(b, last))
        for label, a, b in zip(
            span.strftime(LABEL[freq]), span.start_time.date, span.end_time.date, strict=True
        )
    )


def preferred_day(
    rule: DayRule, first: date, last: date, workdays: list[date], fallback: str
) -> date | None:
    """The day a rule names within a period, moved to a working day by the fallback."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    if rule.kind == "any" or not days:
        return None
    if rule.kind == "nth_workday":
        picked: date | None = _nth(workdays, rule.n)
    elif rule.kind == "nth":
        picked = _nth([d for d in days if d.isoweekday() == rule.weekday], rule.n)
    else:
        # Day n of the month the period starts in; a month without day n (the 31st in
        # April, say) takes its last day instead.
        month_length = pd.Period(first, "M").days_in_month
        picked = first.replace(day=rule.n if 1 <= rule.n <= month_length else month_length)
        if not first <= picked <= last:
            picked = None
    if picked is None or not workdays:
        return None
    return fall_back(picked, workdays, fallback)


def _nth(days: list[date], n: int) -> date | None:
    if not days:
        return None
    if n == -1:
        return days[-1]
    return days[n - 1] if 0 < n <= len(days) else None


def cadence_periods(c: Cadence, first: date, last: date) -> list[tuple[str, date, date]]:
    if c.kind == "dates":
        return [(d.isoformat(), d, d) for d in sorted(c.dates) if first <= d <= last]
    return periods(c.kind, c.weeks, first, last)


def term_label(kind: str, period_label: str, day: date) -> str:
    """The term a day belongs to: its own period, or the month, quarter or year around it."""
    if kind == "occurrence":
        return period_label
    freq = FREQ[kind]
    return pd.Period(day, freq).strftime(LABEL[freq])


def fall_back(day: date, work: list[date], fallback: str) -> date:
    """The day itself if it is a working day, else the next (or previous) one in `work`."""
    if day in work:
        return day
    later = [d for d in work if d > day]
    earlier = [d for d in work if d < day]
    if fallback == "next":
        return later[0] if later else earlier[-1]
    return earlier[-1] if earlier else later[0]
