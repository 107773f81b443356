"""The provisional estimate against the State Council's real arrangements (chinesecalendar):
each year of 2019–2026 estimated as if it were not published yet."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from rotasched.provisional import MARGIN, estimate, statutory_days

YEARS = range(2019, 2027)


def _days(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year, 12, 31) - first).days + 1)]


def _works(year: int) -> dict[date, bool]:
    """The estimate of `year`: working or not, day by day."""
    guess = estimate(year)
    return {
        d: d in guess.adjusted or (d.isoweekday() <= 5 and d not in guess.holidays)
        for d in _days(year)
    }


def _differences(year: int) -> list[date]:
    return [d for d, work in _works(year).items() if work != chinese_calendar.is_workday(d)]


@pytest.mark.parametrize("year", YEARS)
def test_estimate_agrees_with_the_published_year(year: int) -> None:
    differ = _differences(year)
    share = 1 - len(differ) / len(_days(year))
    print(f"{year}: {share:.2%} of days agree; differ on {[d.isoformat() for d in differ]}")
    assert share >= 0.985, differ


@pytest.mark.parametrize("year", [2021, 2025, 2026])
def test_recent_years_come_out_exactly(year: int) -> None:
    """Under the current law (2025, 2026), and in 2021, every holiday, its name and every 调休
    day are as the State Council published them."""
    guess = estimate(year)
    official = {d: n for d, n in chinese_calendar.holidays.items() if d.year == year}
    assert guess.holidays == official
    assert guess.adjusted == {d for d in chinese_calendar.workdays if d.year == year}


# Official Spring Festival and National Day days off that the estimate works: only the two
# arrangements no rule foresees.
UNCOVERED = {
    2020: {date(2020, 1, 31), date(2020, 2, 1)},  # the epidemic extension, announced 27 Jan 2020
    2024: {date(2024, 2, 16), date(2024, 2, 17)},  # 初一–初八 that year, 除夕 worked
}


@pytest.mark.parametrize("year", YEARS)
def test_spring_festival_and_national_day_blocks_are_covered(year: int) -> None:
    official_off = {
        d
        for d, name in chinese_calendar.holidays.items()
        if d.year == year and name in ("Spring Festival", "National Day")
    }
    assert len(official_off) >= 14  # both weeks are there at all
    works = _works(year)
    assert {d for d in official_off if works[d]} == UNCOVERED.get(year, set())


@pytest.mark.parametrize("year", YEARS)
def test_every_difference_is_a_day_marked_uncertain(year: int) -> None:
    """The promise of `uncertain`: where the real arrangement differed from the estimate, the
    estimate had said the day could still move. And it is not simply every day."""
    guess = estimate(year)
    assert [d for d in _differences(year) if d not in guess.uncertain] == []
    in_year = [d for d in guess.uncertain if d.year == year]
    assert 90 < len(in_year) < 150, len(in_year)
    assert date(year, 3, 15) not in guess.uncertain  # mid-March is never near a holiday


def test_uncertain_days_are_near_a_block_or_a_working_weekend() -> None:
    guess = estimate(2027)
    near = set(guess.adjusted)
    for block in guess.blocks:
        # the break may be longer than the block by an untouched weekend on either side
        first = block.first - timedelta(days=2 + MARGIN)
        last = block.last + timedelta(days=2 + MARGIN)
        near |= {first + timedelta(days=i) for i in range((last - first).days + 1)}
    assert guess.uncertain <= near
    for block in guess.blocks:
        assert set(block.days()) <= guess.uncertain


def test_2027_spring_festival_and_national_day() -> None:
    """2027: 春节 (初一) is Saturday 6 February, 除夕 Friday 5 February."""
    guess = estimate(2027)
    days = statutory_days(2027)
    assert days["农历除夕"] == (date(2027, 2, 5),)
    assert days["春节"][0] == date(2027, 2, 6)
    works = _works(2027)
    spring = [date(2027, 2, 5) + timedelta(days=i) for i in range(8)]  # 除夕 to 初七
    assert [guess.holidays.get(d) for d in spring] == ["Spring Festival"] * 8
    assert not any(works[d] for d in spring)
    assert works[date(2027, 2, 4)] and works[date(2027, 2, 15)]
    national = [date(2027, 10, 1) + timedelta(days=i) for i in range(7)]
    assert [guess.holidays.get(d) for d in national] == ["National Day"] * 7
    assert works[date(2027, 10, 8)]
    # Each week has two weekdays beyond its statutory days, so two weekend days are worked,
    # one on each side (none more than six working days in a row).
    assert sorted(guess.adjusted) == [
        date(2027, 1, 31),
        date(2027, 2, 14),
        date(2027, 5, 8),
        date(2027, 9, 26),
        date(2027, 10, 9),
    ]
    assert all(d.isoweekday() >= 6 for d in guess.adjusted)
    # 劳动节 1–2 May fall on the weekend: 1–5 May with one worked Saturday after.
    assert not any(works[date(2027, 5, d)] for d in range(1, 6))
    assert guess.holidays[date(2027, 9, 15)] == "Mid-autumn Festival"  # a Wednesday, alone
    assert works[date(2027, 9, 14)] and works[date(2027, 9, 16)]


def test_no_more_than_six_working_days_in_a_row_around_holidays() -> None:
    for year in range(2027, 2036):
        works = _works(year)
        run = 0
        for day, work in works.items():
            run = run + 1 if work else 0
            assert run <= 6, (year, day)


def test_the_last_plannable_year_needs_no_tables_of_the_next() -> None:
    """A horizon ending 2100-12-31 (found by the loader's fuzzing): the estimate of 2100 needs
    2101's 元旦, which is 1 January by law, not a year the holidays package carries."""
    from datetime import date

    from rotasched.provisional import estimate

    guess = estimate(2100)
    assert guess.year == 2100
    assert date(2100, 10, 1) in guess.holidays and date(2100, 1, 1) in guess.holidays
