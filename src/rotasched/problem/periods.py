"""Periods of a cadence, term labels, and the preferred day of a day rule.

The calendar arithmetic of the problem, in dates (derive.py turns them into day indexes):
which months, quarters, years or runs of weeks a horizon holds, clipped to the horizon; the
label of each ("2026-04", "2026Q2", "2026", or the first day's ISO date for week periods),
which becomes part of occurrence ids, calendar UIDs and the tables; and on which day within a
period a rule such as "day-1" or "first-fri" falls once moved off holidays.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..scenario.model import Cadence, DayRule


def periods(kind: str, weeks: int, first: date, last: date) -> list[tuple[str, date, date]]:
    """(label, first day, last day) of each period of a cadence, clipped to the horizon."""
    out: list[tuple[str, date, date]] = []
    if kind == "weeks":
        step = timedelta(weeks=weeks)
        a, n = first, 1
        while a <= last:
            b = min(a + step - timedelta(days=1), last)
            out.append((f"{a.isoformat()}", a, b))
            a, n = a + step, n + 1
        return out
    months = {"month": 1, "monthly": 1, "quarter": 3, "quarterly": 3, "year": 12, "yearly": 12}[
        kind
    ]
    year, month = first.year, ((first.month - 1) // months) * months + 1
    while date(year, month, 1) <= last:
        a = date(year, month, 1)
        ny, nm = (year + (month - 1 + months) // 12, (month - 1 + months) % 12 + 1)
        b = date(ny, nm, 1) - timedelta(days=1)
        if months == 1:
            label = f"{year}-{month:02d}"
        elif months == 3:
            label = f"{year}Q{(month - 1) // 3 + 1}"
        else:
            label = f"{year}"
        out.append((label, max(a, first), min(b, last)))
        year, month = ny, nm
    return out


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
        month_start = first.replace(day=1)
        try:
            picked = month_start.replace(day=rule.n)
        except ValueError:  # day 31 in a short month: its last day
            nxt = (month_start + timedelta(days=32)).replace(day=1)
            picked = nxt - timedelta(days=1)
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
    if kind == "occurrence":
        return period_label
    if kind == "month":
        return f"{day.year}-{day.month:02d}"
    if kind == "quarter":
        return f"{day.year}Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}"


def fall_back(day: date, work: list[date], fallback: str) -> date:
    """The day itself if it is a working day, else the next (or previous) one in `work`."""
    if day in work:
        return day
    later = [d for d in work if d > day]
    earlier = [d for d in work if d < day]
    if fallback == "next":
        return later[0] if later else earlier[-1]
    return earlier[-1] if earlier else later[0]
