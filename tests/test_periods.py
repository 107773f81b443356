"""Period arithmetic on the real Chinese calendar.

The periods a cadence cuts a horizon into, and their labels, become occurrence ids, calendar
UIDs and table rows, so they are pinned here exactly; so is the day a day rule settles on once
moved off holidays. Working days come from `chinesecalendar`, the source the planner uses, and
each holiday the tests rely on is first confirmed there, so a changed official arrangement
shows up as that, not as a puzzling wrong date.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

from rotasched.problem import periods, preferred_day
from rotasched.problem.periods import fall_back, term_label
from rotasched.scenario.model import DayRule


def working_days(first: date, last: date) -> list[date]:
    days = (first + timedelta(days=i) for i in range((last - first).days + 1))
    return [d for d in days if chinese_calendar.is_workday(d)]


def assert_working(*days: date, working: bool) -> None:
    """What the official calendar says about these days, checked before relying on it."""
    assert [chinese_calendar.is_workday(d) for d in days] == [working] * len(days), days


def test_months_run_across_a_year_end() -> None:
    expected = [
        ("2025-11", date(2025, 11, 15), date(2025, 11, 30)),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        ("2026-01", date(2026, 1, 1), date(2026, 1, 31)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 10)),
    ]
    assert periods("monthly", 0, date(2025, 11, 15), date(2026, 2, 10)) == expected
    # A term or a twinning pair says "month" for the same periods.
    assert periods("month", 0, date(2025, 11, 15), date(2026, 2, 10)) == expected


def test_quarters_are_clipped_to_a_horizon_that_starts_mid_quarter() -> None:
    assert periods("quarterly", 0, date(2026, 2, 15), date(2026, 8, 10)) == [
        ("2026Q1", date(2026, 2, 15), date(2026, 3, 31)),
        ("2026Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026Q3", date(2026, 7, 1), date(2026, 8, 10)),
    ]


def test_a_yearly_cadence_over_a_mid_year_horizon_splits_at_new_year() -> None:
    assert periods("yearly", 0, date(2025, 7, 1), date(2026, 6, 30)) == [
        ("2025", date(2025, 7, 1), date(2025, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 6, 30)),
    ]


def test_week_periods_run_from_a_fixed_monday_and_are_labelled_by_it() -> None:
    # 1 April 2026 is a Wednesday: fortnights still run Monday to Sunday, counted from a fixed
    # Monday (not from the horizon's start), the first and last clipped to the horizon.
    assert periods("weeks", 2, date(2026, 4, 1), date(2026, 5, 5)) == [
        ("2026-03-30", date(2026, 4, 1), date(2026, 4, 12)),
        ("2026-04-13", date(2026, 4, 13), date(2026, 4, 26)),
        ("2026-04-27", date(2026, 4, 27), date(2026, 5, 5)),
    ]
    # Another horizon start names the same fortnights.
    earlier = periods("weeks", 2, date(2026, 1, 1), date(2026, 5, 5))
    assert [p[0] for p in earlier[-3:]] == ["2026-03-30", "2026-04-13", "2026-04-27"]
    assert earlier[0][0] == "2025-12-22" and earlier[0][1] == date(2026, 1, 1)
    # Every single week is an ISO week.
    for label, a, _b in periods("weeks", 1, date(2026, 4, 1), date(2026, 6, 30)):
        assert date.fromisoformat(label).isoweekday() == 1
        assert date.fromisoformat(label).isocalendar()[:2] == a.isocalendar()[:2]


def test_term_labels_name_the_month_quarter_or_year_around_a_day() -> None:
    assert term_label("month", "2025-12-29", date(2025, 12, 31)) == "2025-12"
    assert term_label("quarter", "2025-12-29", date(2025, 12, 31)) == "2025Q4"
    assert term_label("quarter", "2026-05", date(2026, 5, 9)) == "2026Q2"
    assert term_label("year", "2026-05", date(2026, 5, 9)) == "2026"
    # A term of one occurrence is named after the occurrence's own period.
    assert term_label("occurrence", "2026-05", date(2026, 5, 9)) == "2026-05"


def test_a_non_working_day_falls_back_to_the_next_or_previous_working_day() -> None:
    assert_working(*(date(2026, 5, d) for d in (1, 2, 3, 4, 5, 10)), working=False)  # 劳动节
    assert_working(date(2026, 4, 30), date(2026, 5, 6), date(2026, 5, 9), working=True)
    assert date(2026, 5, 9).isoweekday() == 6  # a 调休 Saturday
    work = working_days(date(2026, 4, 20), date(2026, 5, 20))
    assert fall_back(date(2026, 5, 1), work, "next") == date(2026, 5, 6)
    assert fall_back(date(2026, 5, 1), work, "previous") == date(2026, 4, 30)
    # The Sunday after the 调休 Saturday: "previous" lands on that Saturday, not on Friday.
    assert fall_back(date(2026, 5, 10), work, "previous") == date(2026, 5, 9)
    assert fall_back(date(2026, 5, 10), work, "next") == date(2026, 5, 11)
    assert fall_back(date(2026, 5, 9), work, "next") == date(2026, 5, 9)


def test_day_1_of_may_2026_moves_past_labour_day_within_the_month() -> None:
    assert_working(*(date(2026, 5, d) for d in (1, 2, 3, 4, 5)), working=False)
    assert_working(date(2026, 5, 6), working=True)
    may = working_days(date(2026, 5, 1), date(2026, 5, 31))
    day_1 = DayRule(kind="fixed", n=1)
    assert preferred_day(day_1, date(2026, 5, 1), date(2026, 5, 31), may, "next") == date(
        2026, 5, 6
    )
    # April 30 lies outside the period, so "previous" has nothing earlier and takes the next.
    assert preferred_day(day_1, date(2026, 5, 1), date(2026, 5, 31), may, "previous") == date(
        2026, 5, 6
    )


def test_weekday_and_working_day_rules_around_labour_day() -> None:
    assert_working(date(2026, 5, 2), working=False)
    assert_working(date(2026, 5, 9), date(2026, 5, 29), working=True)
    assert_working(date(2026, 5, 30), date(2026, 5, 31), working=False)
    first, last = date(2026, 5, 1), date(2026, 5, 31)
    may = working_days(first, last)

    def pick(rule: DayRule) -> date | None:
        return preferred_day(rule, first, last, may, "next")

    assert pick(DayRule(kind="nth", n=1, weekday=6)) == date(2026, 5, 6)  # Sat 2 May is off
    assert pick(DayRule(kind="nth", n=2, weekday=6)) == date(2026, 5, 9)  # 调休: a working day
    assert pick(DayRule(kind="nth_workday", n=1)) == date(2026, 5, 6)
    assert pick(DayRule(kind="nth_workday", n=-1)) == date(2026, 5, 29)
    assert pick(DayRule(kind="any")) is None


def test_day_31_in_a_short_month_takes_its_last_day() -> None:
    day_31 = DayRule(kind="fixed", n=31)

    def pick(first: date, last: date, fallback: str) -> date | None:
        return preferred_day(day_31, first, last, working_days(first, last), fallback)

    assert_working(date(2026, 4, 30), date(2026, 2, 28), working=True)
    assert pick(date(2026, 4, 1), date(2026, 4, 30), "next") == date(2026, 4, 30)
    # 28 February 2026 is a Saturday, but a 调休 working day, so the rule keeps it.
    assert pick(date(2026, 2, 1), date(2026, 2, 28), "previous") == date(2026, 2, 28)
    # 30 November 2025 is a Sunday and 1 December is in the next period: even "next" takes
    # the last working day of November.
    assert_working(date(2025, 11, 29), date(2025, 11, 30), working=False)
    assert_working(date(2025, 11, 28), working=True)
    assert pick(date(2025, 11, 1), date(2025, 11, 30), "next") == date(2025, 11, 28)
    # In a quarter the rule names a day of the month the period starts in.
    assert pick(date(2026, 4, 1), date(2026, 6, 30), "next") == date(2026, 4, 30)
