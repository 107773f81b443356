"""How large or long a value in a scenario may be, and why: the bounds validation enforces.

A value can be well-typed and still absurd: `visits: 1000000000` is a whole number, and a
horizon ending 9999-12-31 is a date. Every later stage multiplies such values (days of the
horizon x organisations, visits x periods, ...), so one of them used to exhaust memory or
overflow a date. Each bound here follows from what the calendar allows, so it never refuses a
scenario that could be planned; model.py, fields.py and checks.py enforce them, each with a
message naming the limit.
"""

from __future__ import annotations

from datetime import date, timedelta

# A horizon is at most 5 years: a committee plans a year, at most a 党委's term of office (3 to
# 5 years); the State Council publishes holidays only a year ahead, so most of a longer horizon
# would be provisional anyway; and the model grows with every day of the horizon (each
# organisation's and room's availability is kept per day). A span (a blackout, a closure) is
# bounded the same way: one longer than any horizon has no meaning a shorter one lacks.
MOST_YEARS = 5
# ... which is at most this many days (five years hold at most two 29 Februaries).
MOST_DAYS = MOST_YEARS * 365 + 2

# chinesecalendar carries the official arrangement from this year on (tests check it): an
# earlier horizon needs its years supplied under calendar.years.
FIRST_OFFICIAL_YEAR = 2004
# The provisional calendar (the holidays package's lunar tables) knows Chinese holidays up to
# this year; for a later year it returns none at all, silently, so such a year must be supplied.
LAST_PROVISIONAL_YEAR = 2100
# Even a supplied year must lie where the planner's date arithmetic works: problem/ cuts the
# horizon into periods with pandas, whose timestamps run from 1677-09-21 to 2262-04-11.
FIRST_YEAR = 1678
LAST_YEAR = 2261

# People: members of one organisation, seats of a room, attendance, a delegation. The largest
# party organisations and halls stay well below this; the solver multiplies these numbers
# (fairness by members, travel minutes x people), so an absurd one would overflow its sums.
MOST_PEOPLE = 100_000

# Every N weeks: a cadence rarer than yearly is no cadence within a horizon.
MOST_WEEKS = 52

# An activity takes place within one day (the planner gives it one day and a time of day), and
# no trip to one can take longer than the day.
MINUTES_PER_DAY = 24 * 60

# A weight a million times another already makes the other term count for nothing; larger ones
# only risk overflowing the solver's 64-bit sums.
MOST_WEIGHT = 1_000_000


def years_later(day: date, years: int) -> date:
    """The same day `years` years on; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def last_allowed_end(start: date) -> date:
    """The last day a horizon or span starting on `start` may end on: MOST_YEARS years on.

    Near the end of the calendar (a blackout in 9998, say) that is its last day, 9999-12-31.
    """
    if start.year + MOST_YEARS > date.max.year:
        return date.max
    return years_later(start, MOST_YEARS) - timedelta(days=1)


def most_weekdays(per: str, start: date, end: date) -> int:
    """Monday-to-Friday days in the longest month, quarter or year of start..end (clipped).

    Working days are these less holidays plus the odd 调休 weekend; the bound on visits uses
    weekdays because the calendar is only built after validation, and no pair visits on
    every working day of a period anyway.
    """
    counts: dict[tuple[int, int], int] = {}
    for i in range((end - start).days + 1):
        day = start + timedelta(days=i)
        key = {
            "month": (day.year, day.month),
            "quarter": (day.year, (day.month - 1) // 3),
            "year": (day.year, 0),
        }[per]
        counts[key] = counts.get(key, 0) + (day.isoweekday() <= 5)
    return max(counts.values(), default=0)
