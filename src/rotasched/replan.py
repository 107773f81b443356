"""Re-planning: solve a changed scenario again, keeping what is pinned and changing as little
as possible of the published plan.

What is frozen: every published event before the freeze date (by default today plus the
scenario's `meta.notice_days`: people have been told). What is kept: the scenario's `pins:`
and hand edits of the published tables. The published plan is the reference the soft terms
`moved`, `rehosted` and `reroomed` count against, and the search's starting point (hint).
The new plan is checked by the independent checker before it is returned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from .calendar import WorkCalendar, build_calendar
from .check import Violation, check
from .compare import COLUMNS, changes
from .plan import Plan, reference_of
from .problem import Problem, Refusal, prepare
from .scenario import Scenario
from .solver import Solved, SolveOptions, solve


def freeze_date(scenario: Scenario, today: date | None = None) -> date:
    """Nothing before this day moves: today plus the scenario's notice period."""
    return (today or date.today()) + timedelta(days=scenario.meta.notice_days)


@dataclass(frozen=True)
class Replanned:
    plan: Plan
    problem: Problem
    published: Plan
    solved: Solved
    violations: tuple[Violation, ...]  # empty for a good plan: the checker's word
    refused: tuple[Refusal, ...]  # hand edits or frozen events a hard rule forbids keeping

    @property
    def changes(self) -> pd.DataFrame:
        """The published plan -> this one: moved, re-hosted, re-roomed, added, cancelled."""
        if not self.plan.has_schedule:
            return pd.DataFrame(columns=COLUMNS, dtype=str)
        return changes(self.published, self.plan)


def replan(
    scenario: Scenario,
    published: Plan,
    freeze: date,
    options: SolveOptions | None = None,
    edited: Plan | None = None,
    calendar: WorkCalendar | None = None,
) -> Replanned:
    """The re-plan of `scenario` against `published` (the version people have), frozen before
    `freeze`, keeping `edited`'s hand edits where the rules allow."""
    problem = prepare(scenario, calendar or build_calendar(scenario),
                      reference_of(published, freeze, edited))
    options = replace(options or SolveOptions(), reference=published)
    solved = solve(problem, options)
    violations = tuple(check(problem, solved.plan)) if solved.plan.has_schedule else ()
    return Replanned(solved.plan, problem, published, solved, violations, problem.refused)
