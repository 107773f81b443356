"""The working calendar: official days and 调休 from chinesecalendar, years a scenario supplies,
provisional years, local closures, and the explained error for a year nobody knows yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest

from rotasched import ScenarioError, WorkCalendar, build_calendar, load_scenario
from rotasched.scenario.limits import (
    FIRST_OFFICIAL_YEAR,
    FIRST_YEAR,
    LAST_PROVISIONAL_YEAR,
    LAST_YEAR,
)


@pytest.fixture
def calendar_of(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> Callable[..., WorkCalendar]:
    """calendar_of(start, end, calendar=None) -> the calendar of `minimal` on that horizon."""

    def build(start: str, end: str, calendar: dict[str, Any] | None = None) -> WorkCalendar:
        minimal["meta"].update(start=start, end=end)
        if calendar is not None:
            minimal["calendar"] = calendar
        return build_calendar(load_scenario(write_scenario(minimal)))

    return build


def test_national_day_2025_with_its_adjusted_sunday(
    calendar_of: Callable[..., WorkCalendar],
) -> None:
    cal = calendar_of("2025-09-01", "2025-10-31")
    assert date(2025, 9, 28).isoweekday() == 7
    assert cal.is_workday(date(2025, 9, 28))  # Sunday, 调休
    assert not cal.is_workday(date(2025, 10, 2))  # Thursday, 国庆
    assert date(2025, 9, 28) in cal.adjusted
    assert cal.holidays[date(2025, 10, 2)] == "National Day"
    assert not cal.is_workday(date(2025, 9, 27))  # an ordinary Saturday
    assert cal.is_workday(date(2025, 9, 30))  # an ordinary Tuesday
    assert cal.sources == {2025: "chinesecalendar"}
    assert not cal.provisional


def test_whole_year_agrees_with_chinesecalendar(calendar_of: Callable[..., WorkCalendar]) -> None:
    cal = calendar_of("2025-01-01", "2026-12-31")
    expected = set(chinese_calendar.get_workdays(date(2025, 1, 1), date(2026, 12, 31)))
    assert set(cal.workdays) == expected
    assert cal.working_days() == sorted(expected)
    assert cal.sources == {2025: "chinesecalendar", 2026: "chinesecalendar"}
    assert len(cal.days()) == 365 + 365


def test_2027_without_supplied_days_is_explained(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["meta"].update(start="2026-10-01", end="2027-03-31")
    scenario = load_scenario(write_scenario(minimal))  # the scenario itself is fine
    with pytest.raises(ScenarioError) as info:
        build_calendar(scenario)
    (problem,) = info.value.problems
    assert problem.code == "calendar_year_missing"
    assert problem.file == scenario.source
    assert problem.path == "meta.end"
    assert problem.params == {"year": 2027, "first": 2004, "last": 2026}
    en, zh = problem.message("en"), problem.message("zh")
    assert "2027" in en and "2027" in zh
    # Both ways out, in both languages.
    for text in (en, zh):
        assert "calendar.years.2027" in text
        assert "calendar.provisional: true" in text
    assert en.startswith("the official holiday arrangement for 2027 is not known")
    assert "covers 2004 to 2026" in en
    assert zh.startswith(
        "chinesecalendar 尚未收录 2027 年的法定节假日安排（目前收录 2004 至 2026 年）"
    )
    assert "临时" in zh
    assert info.value.locale == "zh"
    assert str(info.value).startswith("场景有 1 处错误：")


def test_every_unknown_year_is_named(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["meta"].update(start="2027-06-01", end="2028-06-30")
    with pytest.raises(ScenarioError) as info:
        build_calendar(load_scenario(write_scenario(minimal)))
    assert [(p.code, p.path, p.params["year"]) for p in info.value.problems] == [
        ("calendar_year_missing", "meta.start", 2027),
        ("calendar_year_missing", "meta.end", 2028),
    ]


def test_provisional_2027_validates_and_is_marked(
    calendar_of: Callable[..., WorkCalendar],
) -> None:
    cal = calendar_of("2026-12-01", "2027-12-31", {"provisional": True})
    assert cal.provisional
    assert cal.sources == {2026: "chinesecalendar", 2027: "provisional"}
    assert not cal.is_workday(date(2027, 1, 1))  # 元旦, a Friday
    assert not cal.is_workday(date(2027, 10, 1))  # 国庆, a Friday
    assert not cal.is_workday(date(2027, 2, 8))  # 春节 (初三), a Monday
    # The whole Spring Festival and National Day weeks, not only the statutory days.
    assert not cal.is_workday(date(2027, 2, 10)) and not cal.is_workday(date(2027, 10, 7))
    assert cal.holidays[date(2027, 2, 12)] == "Spring Festival"  # 初七, a Friday
    # Estimated 调休: the weekend days worked for them.
    assert date(2027, 2, 14).isoweekday() == 7 and cal.is_workday(date(2027, 2, 14))
    assert {date(2027, 2, 14), date(2027, 10, 9)} <= cal.adjusted
    assert cal.is_workday(date(2027, 3, 1))  # an ordinary Monday
    # The known year keeps its official arrangement.
    assert cal.is_workday(date(2026, 12, 31))


def test_provisional_year_marks_the_days_that_could_move(
    calendar_of: Callable[..., WorkCalendar],
) -> None:
    cal = calendar_of("2026-12-01", "2027-12-31", {"provisional": True})
    assert date(2027, 2, 1) in cal.uncertain  # the week before 除夕
    assert date(2027, 2, 19) in cal.uncertain  # the week after 初七
    assert cal.adjusted & {d for d in cal.days() if d.year == 2027} <= cal.uncertain
    assert date(2027, 3, 15) not in cal.uncertain  # an ordinary Monday, far from any holiday
    assert date(2027, 2, 25) not in cal.uncertain
    # 2027's New Year arrangement could still move the last days of 2026 (2019's did so for
    # 29–31 December 2018), which chinesecalendar's 2026 cannot know; earlier ones cannot move.
    assert date(2026, 12, 28) in cal.uncertain
    assert date(2026, 12, 20) not in cal.uncertain
    assert all(cal.start <= d <= cal.end for d in cal.uncertain)


def test_provisional_flag_changes_nothing_for_known_years(
    calendar_of: Callable[..., WorkCalendar],
) -> None:
    cal = calendar_of("2026-01-01", "2026-12-31", {"provisional": True})
    assert not cal.provisional
    assert cal.sources == {2026: "chinesecalendar"}
    assert cal.uncertain == frozenset()


SUPPLIED_2027 = {
    "years": {
        2027: {
            "holidays": [
                "2027-01-01",
                {"start": "2027-02-05", "end": "2027-02-11", "reason": "春节"},
            ],
            "workdays": ["2027-02-20"],  # a Saturday, 调休
        }
    }
}


def test_supplied_2027_is_used(calendar_of: Callable[..., WorkCalendar]) -> None:
    cal = calendar_of("2026-12-01", "2027-03-31", SUPPLIED_2027)
    assert cal.sources == {2026: "chinesecalendar", 2027: "scenario"}
    assert not cal.provisional
    assert date(2027, 2, 20).isoweekday() == 6
    assert cal.is_workday(date(2027, 2, 20))  # the supplied weekend workday counts
    assert date(2027, 2, 20) in cal.adjusted
    assert not cal.is_workday(date(2027, 2, 27))  # an ordinary Saturday
    assert not cal.is_workday(date(2027, 2, 8))  # supplied holiday, a Monday
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 2, 12))  # the Friday after the holiday
    assert cal.holidays[date(2027, 2, 8)] == "春节"
    # Weekdays of February minus the five supplied holiday weekdays, plus the Saturday.
    february = [d for d in cal.workdays if d.month == 2 and d.year == 2027]
    assert len(february) == 20 - 5 + 1


def test_supplied_year_beats_provisional(calendar_of: Callable[..., WorkCalendar]) -> None:
    spec = {**SUPPLIED_2027, "provisional": True}
    cal = calendar_of("2027-01-01", "2027-03-31", spec)
    assert cal.sources == {2027: "scenario"}
    assert not cal.provisional
    assert cal.is_workday(date(2027, 2, 20))
    assert cal.uncertain == frozenset()  # the committee's own list is not a guess


def test_a_supplied_year_overrides_chinesecalendar(
    calendar_of: Callable[..., WorkCalendar],
) -> None:
    """A committee may correct a known year: its own list is then the only one."""
    spec = {"years": {2026: {"holidays": ["2026-04-07"], "workdays": []}}}
    cal = calendar_of("2026-04-01", "2026-06-30", spec)
    assert cal.sources == {2026: "scenario"}
    assert not cal.is_workday(date(2026, 4, 7))
    assert cal.is_workday(date(2026, 5, 1))  # 劳动节 is not in the supplied list


def test_local_closures_remove_working_days(calendar_of: Callable[..., WorkCalendar]) -> None:
    base = calendar_of("2026-04-01", "2026-06-30")
    spec = {"closures": ["2026-04-13..2026-04-17", {"start": "2026-05-09", "end": "2026-05-10"}]}
    closed = calendar_of("2026-04-01", "2026-06-30", spec)
    week = {date(2026, 4, 13) + timedelta(days=i) for i in range(5)}
    assert week <= set(base.workdays)
    assert not week & set(closed.workdays)
    # 2026-05-09 is a 调休 Saturday: a closure removes it too; the Sunday was no workday.
    assert base.is_workday(date(2026, 5, 9)) and not closed.is_workday(date(2026, 5, 9))
    assert set(base.workdays) - set(closed.workdays) == week | {date(2026, 5, 9)}
    assert closed.closed == frozenset(week | {date(2026, 5, 9), date(2026, 5, 10)})


def test_closure_outside_the_horizon_is_ignored(calendar_of: Callable[..., WorkCalendar]) -> None:
    cal = calendar_of("2026-04-01", "2026-04-30", {"closures": ["2026-03-01..2026-03-31"]})
    assert cal.closed == frozenset()
    official = chinese_calendar.get_workdays(date(2026, 4, 1), date(2026, 4, 30))
    assert set(cal.workdays) == set(official)


def test_horizon_without_any_working_day(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["meta"].update(start="2026-10-01", end="2026-10-07", locale="en")
    with pytest.raises(ScenarioError) as info:
        build_calendar(load_scenario(write_scenario(minimal)))
    (problem,) = info.value.problems
    assert (problem.code, problem.path) == ("no_workdays", "meta")
    assert problem.message("en") == "the horizon 2026-10-01..2026-10-07 has no working day"
    assert problem.message("zh") == "计划期 2026-10-01..2026-10-07 内没有工作日"
    assert str(info.value).startswith("the scenario has 1 problem(s):")


def test_calendar_keeps_only_days_of_the_horizon(calendar_of: Callable[..., WorkCalendar]) -> None:
    cal = calendar_of("2026-05-01", "2026-05-31")
    assert all(date(2026, 5, 1) <= d <= date(2026, 5, 31) for d in cal.holidays)
    assert all(date(2026, 5, 1) <= d <= date(2026, 5, 31) for d in cal.adjusted)
    assert cal.adjusted == frozenset({date(2026, 5, 9)})
    assert cal.timezone == "Asia/Shanghai"
    assert (cal.start, cal.end) == (date(2026, 5, 1), date(2026, 5, 31))


def test_horizon_ending_on_the_last_plannable_day(
    calendar_of: Callable[..., WorkCalendar],
) -> None:
    """The last day validation lets a horizon end on (2261-12-31, a supplied year) works."""
    cal = calendar_of("2261-12-01", "2261-12-31", {"years": {2261: {"holidays": ["2261-12-31"]}}})
    assert not cal.is_workday(date(2261, 12, 31))
    assert cal.is_workday(date(2261, 12, 30))


def test_year_before_chinesecalendar_is_not_silently_empty(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """2003 is older than the package's data: that year must be supplied."""
    minimal["meta"].update(start="2003-04-01", end="2003-06-30")
    minimal["calendar"] = {"provisional": True}  # rule-based holidays are not enough
    minimal.pop("history", None)
    with pytest.raises(ScenarioError) as info:
        build_calendar(load_scenario(write_scenario(minimal)))
    assert [p.code for p in info.value.problems] == ["horizon_before_calendar"]
    assert info.value.problems[0].params["year"] == 2003
    minimal["calendar"] = {"years": {2003: {"holidays": ["2003-05-01..2003-05-07"]}}}
    cal = build_calendar(load_scenario(write_scenario(minimal)))
    assert cal.sources == {2003: "scenario"}
    assert not cal.is_workday(date(2003, 5, 6)) and cal.is_workday(date(2003, 5, 8))


def test_the_year_bounds_are_what_the_calendars_know() -> None:
    """scenario/limits.py states them as numbers; they must agree with the packages."""
    import holidays
    import pandas as pd

    assert min(chinese_calendar.holidays).year == FIRST_OFFICIAL_YEAR
    last = holidays.country_holidays("CN", years=LAST_PROVISIONAL_YEAR)
    assert "Spring Festival" in " ".join(str(name) for name in last.values())
    assert len(holidays.country_holidays("CN", years=LAST_PROVISIONAL_YEAR + 1)) == 0
    assert pd.Timestamp.min < pd.Timestamp(FIRST_YEAR, 1, 1)
    assert pd.Timestamp(LAST_YEAR, 12, 31, 23, 59) < pd.Timestamp.max
    assert pd.Timestamp.min.year == FIRST_YEAR - 1 and pd.Timestamp.max.year == LAST_YEAR + 1
