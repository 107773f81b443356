"""The by-hand baseline: its plans pass the checker, the optimiser never does worse, and it
never imports the solver."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rotasched.baseline import baseline
from rotasched.check import check, check_dir, measured
from rotasched.export import export_plan
from rotasched.rules import SOFT
from rotasched.solver import SolveOptions, solve

from .conftest import SCENARIOS
from .planning import base, pair, problem_of, random_problem, series, village, write

BUNDLED = ["tiny/tiny.yaml", "park/park.yaml", "district/district.yaml"]


@pytest.fixture(scope="module", params=BUNDLED)
def bundled(request: pytest.FixtureRequest) -> Any:
    problem = problem_of(SCENARIOS / request.param)
    return problem, baseline(problem)


def test_bundled_plan_is_checked_and_measured(bundled: Any) -> None:
    problem, plan = bundled
    assert plan.status == "feasible", plan.explanation
    assert check(problem, plan) == []
    assert plan.terms_value == measured(problem, plan)
    want = sum(problem.weights[name] * plan.terms_value[name] for name in SOFT)
    assert plan.objective == want
    assert len(plan.occurrences) == len(problem.occurrences)
    assert len(plan.visits) == len(problem.visits)


def test_the_optimiser_does_no_worse(bundled: Any) -> None:
    problem, plan = bundled
    solved = solve(problem, SolveOptions(work_limit=30)).plan
    assert solved.has_schedule and solved.objective is not None
    assert solved.objective <= plan.objective


def test_written_tables_pass_the_checker(tmp_path: Path) -> None:
    """The baseline's plan has the solver's shape: it exports, and the tables read back check."""
    problem = problem_of(SCENARIOS / "tiny/tiny.yaml")
    plan = baseline(problem)
    assert check_dir(export_plan(plan, problem, tmp_path / "out"), problem) == []


def test_nothing_to_place_is_said_per_event(tmp_path: Path) -> None:
    """A visit no day can hold (the village is away all month): no schedule, and a line
    naming the visit rather than a plan that breaks a rule."""
    data = base()
    data["organisations"].append({**village(), "blackout": ["2026-04-01..2026-04-30"]})
    data["twinning"] = [pair("p1", "a", "v")]
    data["series"] = [series("x")]
    plan = baseline(problem_of(write(tmp_path, data)))
    assert plan.status == "infeasible" and not plan.has_schedule
    assert plan.occurrences == () and plan.visits == ()
    assert len(plan.explanation) == 1 and "p1" in plan.explanation[0]


def test_duty_rotation_and_co_hosting(tmp_path: Path) -> None:
    """One duty member a term hosts every duty activity and is 执行书记; a weak host's strong
    partner co-hosts; the order runs on in list order."""
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["groups"][0]["duty"] = {"term": "month", "series": ["x", "y"]}
    data["series"] = [
        series("x", day="second-tue", strong_weak=[{"strong": "b", "weak": "c"}]),
        series("y", start="14:30"),
    ]
    problem = problem_of(write(tmp_path, data))
    plan = baseline(problem)
    assert plan.status == "feasible", plan.explanation
    duty = [t.executive_org for t in plan.terms if t.group == "park"]
    assert duty == ["a", "b", "c"]
    for t in plan.terms:
        hosts = {o.host for o in plan.occurrences if o.term == t.term}
        assert hosts == {t.executive_org}
    assert {o.co_host for o in plan.occurrences if o.host == "c" and o.series == "x"} == {"b"}


def test_pins_hold(tmp_path: Path) -> None:
    """What the committee agreed stays: a pinned host, day and visit day."""
    data = base()
    data["organisations"].append(village())
    data["series"] = [series("x", day="first-fri")]
    data["twinning"] = [pair("p1", "a", "v")]
    data["pins"] = [
        {"event": "x.2026-04", "host": "c", "date": "2026-04-20"},
        {"event": "p1.2026-04.1", "date": "2026-04-28"},
    ]
    plan = baseline(problem_of(write(tmp_path, data)))
    assert plan.status == "feasible", plan.explanation
    (occ,), (visit,) = plan.occurrences, plan.visits
    assert (occ.host, str(occ.date), str(visit.date)) == ("c", "2026-04-20", "2026-04-28")


def test_never_imports_the_solver() -> None:
    code = "import sys, rotasched.baseline; assert 'ortools' not in sys.modules, 'ortools'"
    subprocess.run([sys.executable, "-c", code], check=True)


# ---- small scenarios made by hand: whenever the baseline says feasible, the checker agrees ----

DAY_RULES = ["any-workday", "first-fri", "last-workday", "day-15", "second-tue"]


@st.composite
def small(draw: st.DrawFn) -> dict[str, Any]:
    data = base()
    data["meta"]["end"] = draw(st.sampled_from(["2026-04-30", "2026-06-30"]))
    for org in data["organisations"]:
        if draw(st.booleans()):
            org["blackout"] = [
                f"2026-04-{draw(st.integers(1, 15)):02d}..2026-04-{draw(st.integers(16, 30)):02d}"
            ]
        if draw(st.booleans()):
            org["room"] = {"capacity": draw(st.integers(5, 40))}
    if draw(st.booleans()):  # two members led by one secretary
        data["organisations"][3]["secretary"] = dict(data["organisations"][2]["secretary"])
    data["centres"][0]["rooms"] += [
        {"id": f"R{k}", "name": f"{k}号室", "capacity": draw(st.integers(10, 50))}
        for k in range(draw(st.integers(0, 2)))
    ]
    ids = [f"x{k}" for k in range(draw(st.integers(1, 3)))]
    data["series"] = [
        series(
            sid,
            day=draw(st.sampled_from(DAY_RULES)),
            flexible=draw(st.booleans()),
            start=draw(st.sampled_from(["09:00", "10:00", "14:30"])),
            cadence=draw(st.sampled_from(["monthly", "every-2-weeks", "quarterly"])),
            attendance=draw(st.integers(5, 30)),
            room=draw(st.sampled_from([None, {"own_room": True}, {"own_room": False}])),
            strong_weak=[{"strong": "a", "weak": "d"}] if draw(st.booleans()) else [],
        )
        for sid in ids
    ]
    duty = draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))
    if duty:
        data["groups"][0]["duty"] = {"term": draw(st.sampled_from(["month", "quarter"])),
                                     "series": duty}  # fmt: skip
    for s in data["series"]:
        if s["id"] not in duty:
            s["term"] = draw(st.sampled_from(["occurrence", "quarter"]))
    villages = [
        village(f"v{j}", name)
        for j, name in enumerate(["桃源村", "杏花村"][: draw(st.integers(0, 2))])
    ]
    data["organisations"] += villages
    data["twinning"] = [
        pair(
            f"p{j}", "abcd"[j], v["id"],
            visits=draw(st.integers(1, 2)),
            min_gap_days=draw(st.integers(0, 12)),
            alternate=draw(st.booleans()),
            hosts=draw(st.sampled_from(["both", "helpers", "helped"])),
        )
        for j, v in enumerate(villages)
    ]  # fmt: skip
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(small())
def test_feasible_by_hand_means_checked(data: dict[str, Any]) -> None:
    problem = random_problem(data)
    if problem is None:
        return
    plan = baseline(problem)
    event(plan.status)
    assert plan.status in ("feasible", "infeasible"), plan.explanation  # never "invalid"
    if plan.status == "feasible":
        assert check(problem, plan) == []
        assert plan.terms_value == measured(problem, plan)
    else:
        assert plan.explanation and not plan.occurrences and not plan.visits
