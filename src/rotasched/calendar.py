"""Stage 2: the working days of the horizon, on the Chinese official calendar.

Years the `chinesecalendar` package knows (it carries the State Council's arrangements,
including 调休 working weekends) are taken from it. A later year must be supplied by the
scenario, or explicitly accepted as *provisional*: the State Council's usual arrangement,
estimated by rule from the statutory days (provisional.py), and every output then says so.
A provisional year also marks the days its official arrangement could still move
(`WorkCalendar.uncertain`), so that the plan's dates on them can be checked again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import chinese_calendar

from .provisional import estimate
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
    # Days of the horizon that the official arrangement of a provisional year could still move:
    # near an estimated holiday block or 调休 day. Empty unless a year is provisional.
    uncertain: frozenset[date] = frozenset()

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


@dataclass(frozen=True)
class OfficialYear:
    """A year's official arrangement, without a scenario (the generator's dates need it)."""

    year: int
    holidays: dict[date, str]  # days off, with the festival's name (English key)
    adjusted: frozenset[date]  # 调休: weekend days that are working days
    provisional: bool  # estimated: chinesecalendar does not carry the year yet

    def is_workday(self, day: date) -> bool:
        return day in self.adjusted or (day.isoweekday() <= 5 and day not in self.holidays)


def official_year(year: int) -> OfficialYear:
    """chinesecalendar's arrangement of `year`, else the provisional estimate (marked so)."""
    first_known, last_known = _chinesecalendar_years()
    if first_known <= year <= last_known:
        holidays, adjusted = _official_year(year)
        return OfficialYear(year, holidays, frozenset(adjusted), provisional=False)
    guess = estimate(year)
    own = {d: n for d, n in guess.holidays.items() if d.year == year}
    return OfficialYear(year, own, frozenset(d for d in guess.adjusted if d.year == year), True)


def build_calendar(scenario: Scenario) -> WorkCalendar:
    """The working days of the scenario's horizon, or ScenarioError naming a missing year."""
    file = scenario.source
    meta, spec = scenario.meta, scenario.calendar
    first_known, last_known = _chinesecalendar_years()
    holidays: dict[date, str] = {}
    adjusted: set[date] = set()
    sources: dict[int, Source] = {}
    uncertain: set[date] = set()
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
            guess = estimate(year)
            holidays.update(guess.holidays)
            adjusted.update(guess.adjusted)
            # It may reach into a neighbouring year: a New Year's Day arrangement can move the
            # last days of December, which the previous year's data does not know yet.
            uncertain.update(guess.uncertain)
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
        uncertain=frozenset(d for d in uncertain if meta.start <= d <= meta.end),
    )
