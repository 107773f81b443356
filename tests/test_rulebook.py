"""The rulebook keeps solver, checker, scenario format and README in step, and every rule's
test really tests its rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rotasched.check import MEASURES, RULES, check, measured
from rotasched.rules import HARD, RULEBOOK, SOFT, readme_table
from rotasched.scenario.model import Weights
from rotasched.solver import SolveOptions, solve
from rotasched.solver.base import POSTERS

from . import planning, test_rules_hard
from .planning import base, pair, problem_of, series, village, write

ROOT = Path(__file__).resolve().parents[1]


def test_solver_checker_rulebook_and_readme_name_the_same_rules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    in_readme = set(re.findall(r"^\| `(\w+)` \| (?:hard|soft) \|", readme, flags=re.M))
    assert set(POSTERS) == set(RULEBOOK)
    assert set(RULES) == set(HARD) and set(MEASURES) == set(SOFT)
    assert in_readme == set(RULEBOOK)
    assert readme_table() in readme, "README's rule table is stale: python -m rotasched.rules"


def test_scenario_weights_come_from_the_rulebook() -> None:
    assert Weights().model_dump() == {label: t.weight for label, t in SOFT.items()}


def test_a_rule_unknown_to_the_rulebook_cannot_be_switched_off(tmp_path: Path) -> None:
    problem = problem_of(write(tmp_path, base()))
    with pytest.raises(ValueError, match="not hard rules"):
        solve(problem, SolveOptions(off=frozenset({"no_such_rule"})))


@pytest.fixture
def solver_without() -> Iterator[Callable[[str], None]]:
    def switch_off(label: str) -> None:
        planning.SOLVER_OFF.add(label)

    yield switch_off
    planning.SOLVER_OFF.clear()


@pytest.mark.parametrize("label", list(HARD))
def test_rule_off_breaks_its_own_test(
    label: str, tmp_path: Path, solver_without: Callable[[str], None]
) -> None:
    """With the rule left out of the solver, the rule's own test must fail, and the checker
    must name that rule: so the test forces its rule and no other rule hides it."""
    own_test = getattr(test_rules_hard, f"test_{label}")
    on, off = tmp_path / "on", tmp_path / "off"
    on.mkdir(), off.mkdir()
    own_test(on)  # passes with every rule on
    solver_without(label)
    with pytest.raises(planning.RuleBroken) as broken:
        own_test(off)
    assert label in broken.value.labels


def _weighted(tmp: Path, **weights: int) -> tuple[dict[str, int], dict[str, int]]:
    """A small park with a quarter's rotation, rooms and a pair: solver's vs checker's terms."""
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["centres"][0]["rooms"].append({"id": "B", "name": "大厅B", "capacity": 60})
    data["organisations"].append(village())
    data["series"] = [
        series("t", term="quarter", strong_weak=[{"strong": "b", "weak": "c"}]),
        series("l", day="first-mon", start="14:00"),
    ]
    data["twinning"] = [pair("p", "a", "v", visits=2)]
    data["history"] = {"hosts": [{"series": "t", "date": "2026-03-05", "host": "a"}]}
    data["weights"] = weights
    problem = problem_of(write(tmp, data))
    plan = solve(problem, SolveOptions(work_limit=5)).plan
    assert plan.has_schedule and check(problem, plan) == []
    return plan.terms_value, measured(problem, plan)


def test_weight_zero_is_measured_and_reported(tmp_path: Path) -> None:
    """Not optimised is not unmeasured: fairness at weight 0 is reported as the checker sees it."""
    solver_says, checker_says = _weighted(tmp_path, fairness=0)
    assert solver_says == checker_says
    assert solver_says["fairness"] > 0


def test_every_term_at_weight_zero_is_still_measured(tmp_path: Path) -> None:
    solver_says, checker_says = _weighted(tmp_path, **dict.fromkeys(SOFT, 0))
    assert solver_says == checker_says
    assert sum(solver_says.values()) > 0
