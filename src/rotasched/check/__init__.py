"""Stage 6: the independent checker. Never imports the solver.

It takes a plan's tables (in memory from a Plan, or as written in raw/), the facts of the
prepared problem (rooms, calendars, pools, pairs), and verifies every hard rule of the
rulebook with plain pandas and Python (`hard.py`), under the labels the solver uses. It also
measures every soft term (`soft.py`) whatever its weight, so plans from different runs,
weights or scenarios compare on equal terms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..plan import Plan, read_frames
from ..problem import Problem
from ..rules import HARD, SOFT


@dataclass(frozen=True)
class Violation:
    rule: str
    what: str  # the event(s) or object(s), by id
    detail: str

    def render(self) -> str:
        return f"[{self.rule}] {self.what}: {self.detail}"


Tables = dict[str, pd.DataFrame]
Rule = Callable[[Tables, Problem], Iterator[Violation]]
Measure = Callable[[Tables, Problem], int]
RULES: dict[str, Rule] = {}
MEASURES: dict[str, Measure] = {}


def rule(label: str) -> Callable[[Rule], Rule]:
    """Register the checker of hard rule `label`."""
    if label not in HARD:
        raise ValueError(f"{label!r} is not a hard rule of the rulebook")

    def register(fn: Rule) -> Rule:
        RULES[label] = fn
        return fn

    return register


def measure(label: str) -> Callable[[Measure], Measure]:
    """Register the measure of soft term `label`."""
    if label not in SOFT:
        raise ValueError(f"{label!r} is not a soft term of the rulebook")

    def register(fn: Measure) -> Measure:
        MEASURES[label] = fn
        return fn

    return register


def check_tables(tables: Tables, problem: Problem) -> list[Violation]:
    """Every violation of every hard rule, in rulebook order."""
    return [v for label in HARD for v in RULES[label](tables, problem)]


def check(problem: Problem, plan: Plan) -> list[Violation]:
    """Every violation of every hard rule by a plan in memory."""
    return check_tables(plan.frames(), problem)


def check_dir(outdir: Path, problem: Problem) -> list[Violation]:
    """Every violation by the plan whose tables are in OUTDIR/raw (perhaps edited by hand)."""
    return check_tables(read_frames(Path(outdir) / "raw"), problem)


def scores(tables: Tables, problem: Problem) -> dict[str, int]:
    """Each soft term's value for the plan in the tables, defined as in the objective."""
    return {label: MEASURES[label](tables, problem) for label in SOFT}


def measured(problem: Problem, plan: Plan) -> dict[str, int]:
    """Each soft term's value for a plan in memory."""
    return scores(plan.frames(), problem)


from . import hard, replan, soft  # noqa: E402,F401  (registers the rules and measures)

__all__ = [
    "MEASURES",
    "RULES",
    "Tables",
    "Violation",
    "check",
    "check_dir",
    "check_tables",
    "measured",
    "scores",
]
