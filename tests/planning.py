"""Helpers for planner tests: small Chinese scenarios, solve, write, and always check."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import event

from rotasched import ScenarioError, build_calendar, load_scenario
from rotasched.check import Tables, check_dir, scores
from rotasched.export import export_plan
from rotasched.export.raw import read_raw
from rotasched.plan import Plan
from rotasched.problem import Problem, prepare
from rotasched.solver import SolveOptions, solve

ORGS = [
    # id, name, members, secretary
    ("a", "武汉星辰科技有限公司", 20, "王建国"),
    ("b", "华远光电股份有限公司", 30, "李秀英"),
    ("c", "捷达物流有限公司", 10, "张伟"),
    ("d", "明朗生物科技有限公司", 12, "刘芳"),
]


def base() -> dict[str, Any]:
    """A park of four enterprises, one station with one room, one month (April 2026)."""
    return {
        "meta": {"name": "测试园区", "locale": "zh", "start": "2026-04-01", "end": "2026-04-30"},
        "groups": [{"id": "park", "name": "测试园区联合党支部", "kind": "park"}],
        "organisations": [
            {
                "id": i,
                "name": n,
                "kind": "enterprise",
                "groups": ["park"],
                "members": m,
                "secretary": {"id": f"s-{i}", "name": s},
            }
            for i, n, m, s in ORGS
        ],
        "centres": [
            {
                "id": "zhan",
                "name": "党建工作站",
                "hours": "08:30-17:30",
                "rooms": [{"id": "A", "name": "会议室A", "capacity": 40, "equipment": ["投影仪"]}],
            }
        ],
        "series": [],
        "twinning": [],
    }


def series(sid: str, **kw: Any) -> dict[str, Any]:
    out = {
        "id": sid,
        "name": f"主题党日{sid}",
        "type": "主题党日",
        "cadence": "monthly",
        "start": "09:00",
        "duration": 120,
        "participants": {"groups": ["park"]},
        "attendance": 20,
        "room": {"own_room": False},
    }
    out.update(kw)
    return out


def village(vid: str = "v", name: str = "桃源村") -> dict[str, Any]:
    return {
        "id": vid,
        "name": name,
        "kind": "village",
        "members": 40,
        "secretary": {"id": f"s-{vid}", "name": "赵德明"},
    }


def pair(pid: str, helper: str, helped: str, **kw: Any) -> dict[str, Any]:
    out = {
        "id": pid,
        "name": f"结对{pid}",
        "form": "one_to_one",
        "helpers": [helper],
        "helped": [helped],
        "visits": 1,
        "per": "month",
        "min_gap_days": 7,
    }
    out.update(kw)
    return out


def write(tmp: Path, data: dict[str, Any], name: str = "s.yaml") -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problem_of(path: Path) -> Problem:
    scenario = load_scenario(path)
    return prepare(scenario, build_calendar(scenario))


def random_problem(data: dict[str, Any]) -> Problem | None:
    """A random scenario (hypothesis) as a problem, or None where validation refuses it, the
    one error a random scenario may end in (any other fails the test); an event says why."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            return problem_of(write(Path(tmp), data))
        except ScenarioError as exc:
            event(f"scenario error {sorted(set(exc.codes()))}")
            return None


class RuleBroken(AssertionError):
    """The checker rejected a plan: carries the labels it named."""

    def __init__(self, labels: set[str], lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.labels = labels


# Set by tests/test_rulebook.py to re-run a rule's own test with that rule left out of the
# solver: the test must then fail, with the checker naming the rule.
SOLVER_OFF: set[str] = set()


def plan_checked(
    tmp: Path, data: dict[str, Any], work: float = 10.0, seed: int = 0, out: str = "out"
) -> tuple[Plan, Problem, Tables]:
    """Solve, write, and run the independent checker: a test never sees an unchecked plan."""
    problem = problem_of(write(tmp, data))
    options = SolveOptions(seed=seed, work_limit=work, off=frozenset(SOLVER_OFF))
    plan = solve(problem, options).plan
    assert plan.has_schedule, plan.explanation
    outdir = export_plan(plan, problem, tmp / out)
    violations = check_dir(outdir, problem)
    if violations:
        raise RuleBroken({v.rule for v in violations}, [v.render() for v in violations])
    return plan, problem, read_raw(outdir / "raw")


def score(tables: Tables, problem: Problem, term: str) -> int:
    return scores(tables, problem)[term]


def variant(data: dict[str, Any], **weights: int) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["weights"] = {**out.get("weights", {}), **weights}
    return out
