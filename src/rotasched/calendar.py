"""Stage 2: the working days of the horizon, on the Chinese official calendar.

Years the `chinesecalendar` package knows (it carries the State Council's arrangements,
including 调休 working weekends) are taken from it. A later year must be supplied by the
scenario, or explicitly accepted as *provisional*: rule-based holidays from the `holidays`
package, which knows no 调休, and every output then says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import chinese_calendar

from .scenario import Issue, Scenario, ScenarioError

Source = Literal["chinesecalendar", "scenario", "provisional"]

HOLIDAY_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}


@dataclass(frozen=True)
class WorkCalendar:
    start: date
    end: date
    timezone: str
    workdays: frozenset[date]
    holidays: dict[date, str]  # official days off with their name (English key)
    adjusted: frozenset[date]  # 调休: weekend days that are working days
    closed: frozenset[date]  # local closures from the scenario
    sources: dict[int, Source]

    @property
    def provisional(self) -> bool:
        return "provisional" in self.sources.values()

    def is_workday(self, day: date) -> bool:
        return day in self.workdays

    def days(self) -> list[date]:
        n = (self.end - self.start).days
        return [self.start + timedelta(days=i) for i in range(n + 1)]

    def working_days(self) -> list[date]:
        return sorted(self.workdays)


def _chinesecalendar_years() -> tuple[int, int]:
    """The first and last year whose official arrangement the package carries."""
    return min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year


def _official_year(year: int) -> tuple[dict[date, str], set[date]]:
    """Holidays (with names) and 调休 working weekends of a year chinesecalendar covers."""
    holidays = {d: name for d, name in chinese_calendar.holidays.items() if d.year == year}
    adjusted = {d for d in chinese_calendar.workdays if d.year == year}
    return holidays, adjusted


def _provisional_year(year: int) -> tuple[dict[date, str], set[date]]:
    import holidays as holidays_pkg

    cn = holidays_pkg.country_holidays("CN", years=year)
    return {d: str(name) for d, name in cn.items() if d.year == year}, set()


def build_calendar(scenario: Scenario) -> WorkCalendar:
    """The working days of the scenario's horizon, or ScenarioError naming a missing year."""
    file = scenario.source
    meta, spec = scenario.meta, scenario.calendar
    first_known, last_known = _chinesecalendar_years()
    holidays: dict[date, str] = {}
    adjusted: set[date] = set()
    sources: dict[int, Source] = {}
    problems: list[Issue] = []
    for year in range(meta.start.year, meta.end.year + 1):
        if year in spec.years:
            supplied = spec.years[year]
            holidays.update(
                {d: span.reason or "holiday" for span in supplied.holidays for d in span.days()}
            )
            adjusted.update(supplied.workdays)
            sources[year] = "scenario"
        elif first_known <= year <= last_known:
            h, a = _official_year(year)
            holidays.update(h)
            adjusted.update(a)
            sources[year] = "chinesecalendar"
        elif spec.provisional:
            h, a = _provisional_year(year)
            holidays.update(h)
            adjusted.update(a)
            sources[year] = "provisional"
        else:
            problems.append(
                Issue(
                    file,
                    "meta.end" if year == meta.end.year else "meta.start",
                    "calendar_year_missing",
                    {"year": year, "first": first_known, "last": last_known},
                )
            )
    if problems:
        raise ScenarioError(problems, meta.locale)
    closed = {d for span in spec.closures for d in span.days()}
    workdays = set()
    for day in (meta.start + timedelta(days=i) for i in range((meta.end - meta.start).days + 1)):
        official = day in adjusted or (day.isoweekday() <= 5 and day not in holidays)
        if official and day not in closed:
            workdays.add(day)
    if not workdays:
        raise ScenarioError(
            [Issue(file, "meta", "no_workdays", {"start": meta.start, "end": meta.end})],
            meta.locale,
        )
    return WorkCalendar(
        start=meta.start,
        end=meta.end,
        timezone=meta.timezone,
        workdays=frozenset(workdays),
        holidays={d: n for d, n in holidays.items() if meta.start <= d <= meta.end},
        adjusted=frozenset(d for d in adjusted if meta.start <= d <= meta.end),
        closed=frozenset(d for d in closed if meta.start <= d <= meta.end),
        sources=sources,
    )
