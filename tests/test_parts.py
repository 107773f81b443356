"""Planning by parts (solver/parts.py, problem/parts.py): the bound it reports is a true lower
bound of the whole problem, its plan passes the checker, and it is reproducible."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rotasched.baseline import baseline
from rotasched.check import check, measured
from rotasched.problem import Problem
from rotasched.problem.parts import centre_floor, restrict, split, units
from rotasched.solver import SolveOptions, large, solve

from .conftest import SCENARIOS
from .planning import problem_of, random_problem
from .test_property import scenarios


@st.composite
def two_groups(draw: st.DrawFn) -> dict[str, Any]:
    """A random scenario whose organisations may form two groups with series of their own,
    so that there are several clusters beside the visits."""
    data = draw(scenarios())
    orgs = [o for o in data["organisations"] if o.get("kind") == "enterprise"]
    if len(orgs) >= 4 and draw(st.booleans()):
        data["groups"].append({"id": "east", "name": "东区", "kind": "park"})
        for o in orgs[len(orgs) // 2 :]:
            o["groups"] = ["east"]
        for s in data["series"]:
            s["participants"] = {"groups": [draw(st.sampled_from(["park", "east"]))]}
    return data


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """The generated district (seed 0): large, so `solve` plans it by parts."""
    from rotasched.generate import preset, write_scenario

    folder = tmp_path_factory.mktemp("district")
    return problem_of(write_scenario(preset("district", seed=0), folder, "district"))


def by_parts(problem: Problem, work: float = 4.0) -> Any:
    hand = baseline(problem)
    if not hand.has_schedule:
        return None
    return solve(problem, SolveOptions(work_limit=work, reference=hand, method="parts"))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(two_groups())
def test_parts_plan_is_checked_and_its_bound_never_above_the_joint_optimum(
    data: dict[str, Any],
) -> None:
    problem = random_problem(data)
    if problem is None:
        return
    solved = by_parts(problem)
    if solved is None:
        event("no by-hand plan to start from")
        return
    plan = solved.plan
    assert plan.solver.get("method") == "parts"  # it did not fall back to the joint model
    assert check(problem, plan) == []
    assert plan.terms_value == measured(problem, plan)
    assert plan.bound <= plan.objective
    joint = solve(problem, SolveOptions(work_limit=30, method="joint")).plan
    assert joint.status in ("optimal", "feasible")
    event(f"joint {joint.status}, parts {plan.status}")
    # The busiest room's floor holds for any plan.
    floor = centre_floor(problem)
    event(f"busiest room floor {min(floor, 2)}+")
    assert floor <= plan.terms_value["centre_balance"]
    assert floor <= joint.terms_value["centre_balance"]
    # The joint model's own bound may be weaker; its proven optimum is the true minimum.
    if joint.status == "optimal":
        assert plan.bound <= joint.objective
        assert plan.objective >= joint.objective


def test_bundled_parts_bound_is_below_the_proven_optimum() -> None:
    """Bundled park and city: the joint model proves its optimum; the parts' bound is at or
    below it, and the plan by parts is checked."""
    for name in ("park/park.yaml", "city/city.yaml"):
        problem = problem_of(SCENARIOS / name)
        joint = solve(problem, SolveOptions(work_limit=60, method="joint")).plan
        assert joint.status == "optimal", name
        plan = by_parts(problem, work=8).plan
        assert plan.solver["method"] == "parts"
        assert check(problem, plan) == []
        assert plan.bound <= joint.objective <= plan.objective, name


def test_the_bundled_scenarios_are_planned_jointly() -> None:
    """`auto` keeps the joint model (proven optimal) for the bundled scenarios: planning by
    parts is for the large ones, where the joint model falls behind."""
    for path in sorted(SCENARIOS.glob("*/*.yaml")):
        assert not large(problem_of(path)), path


def test_same_seed_same_plan_by_parts() -> None:
    problem = problem_of(SCENARIOS / "city/city.yaml")
    first, second = by_parts(problem, work=3).plan, by_parts(problem, work=3).plan
    assert first.solver["method"] == "parts"
    assert first == second


def test_split_and_restrict_keep_each_event_in_one_part() -> None:
    problem = problem_of(SCENARIOS / "district/district.yaml")
    parts = split(problem)
    events = [e for part in parts for e in part.events]
    assert sorted(events) == sorted([*problem.occurrences, *problem.visits])
    for part in parts:
        sub = restrict(problem, part)
        assert set(sub.occurrences) == set(part.occurrences)
        assert set(sub.visits) == set(part.visits)
        assert sub.weights["centre_balance"] == 0  # bounded apart: centre_floor
        # Every member's whole load is inside its part, so its fair share is the same.
        for org in sub.load_orgs():
            assert sub.load_target(org) == problem.load_target(org)
    pieces = units(problem)
    assert sorted(e for p in pieces for e in p.events) == sorted(events)


def test_what_if_and_sweeps_start_a_large_variant_from_the_plan_by_hand(district: Problem) -> None:
    """`whatif` and `sweep` plan a large variant by parts as `plan` does: from the by-hand
    plan (without it, `solve` would fall back to the joint model)."""
    from rotasched.whatif.run import with_start

    large_one = district
    small_one = problem_of(SCENARIOS / "park/park.yaml")
    options = SolveOptions(work_limit=1)
    started = with_start(large_one, options)
    assert started.reference is not None and started.reference.has_schedule
    assert check(large_one, started.reference) == []
    assert with_start(small_one, options) is options  # the joint model needs no start
    assert with_start(large_one, SolveOptions(method="joint")).reference is None


def test_a_stop_ends_planning_by_parts_with_the_best_plan_so_far(district: Problem) -> None:
    """Ctrl-C (`Stop`) after the first plan: no further solve runs, and the plan returned is
    the best so far, whole and checked, with a bound that is still a bound (0: none yet)."""
    from rotasched.solver import Progress, Stop

    problem = district
    stop = Stop()
    seen: list[Progress] = []

    def first_then_stop(point: Progress) -> None:
        seen.append(point)
        stop()

    hand = baseline(problem)
    plan = solve(
        problem,
        SolveOptions(work_limit=30, reference=hand, on_solution=first_then_stop, stop=stop),
    ).plan
    assert len(seen) == 1 and plan.solver["method"] == "parts"
    assert plan.objective == hand.objective and plan.bound == 0
    assert check(problem, plan) == []


def test_the_parts_own_plans_merge_into_a_checked_plan_of_the_whole(district: Problem) -> None:
    """The generated district: its cluster's plan and its visits' plan clash on some days; the
    merge keeps every decision of the cluster's plan, plans the visits again around it, and
    gives a checked plan of the whole between the bound and the by-hand plan."""
    import time

    from rotasched.solver import build
    from rotasched.solver.extract import extract
    from rotasched.solver.hint import hint_values
    from rotasched.solver.parts import Run, bound_of_parts, merge, split_visits

    problem = district
    hand = baseline(problem)
    run = Run(SolveOptions(work_limit=20, reference=hand), time.monotonic(), None)
    parts = split(problem)
    assert [bool(x.visits) for x in parts] == [False, True]  # one cluster, then the visits
    bound, plans = bound_of_parts(problem, parts, run, 5.0)
    m, exprs = build(problem)
    cluster = hint_values(m, plans[parts[0].name])
    visits = hint_values(m, plans["visits"])
    solver = merge(m, run, hint_values(m, hand) | cluster | visits, split_visits(m, parts))
    assert solver is not None
    values = solver.response_proto.solution
    assert all(values[i] == v for i, v in cluster.items())  # the cluster's plan, kept whole
    assert any(values[i] != v for i, v in visits.items())  # the visits gave way
    plan = extract(problem, m, solver, exprs, 0, False, {})
    assert check(problem, plan) == []
    assert plan.objective is not None and hand.objective is not None
    assert bound <= plan.objective < hand.objective


def test_the_plan_does_not_depend_on_how_many_parts_run_at_once(tmp_path: Path) -> None:
    """`workers` parts are solved at once, each by one deterministic CP-SAT worker, and their
    results are read in order: one at a time or two at once, the same plan."""
    from dataclasses import replace

    from rotasched.generate import write_scenario
    from rotasched.generate.spec import CitySpec

    small_city = CitySpec(orgs=120, parks=3, centres=6, pairs=30)
    problem = problem_of(write_scenario(small_city, tmp_path, "city"))
    assert len(split(problem)) == 5  # the progress meeting, three parks (A and B), the visits
    hand = baseline(problem)
    plans = [
        solve(
            problem,
            SolveOptions(work_limit=3, reference=hand, method="parts", workers=workers),
        ).plan
        for workers in (1, 2)
    ]
    assert [x.solver["workers"] for x in plans] == [1, 2]
    assert replace(plans[0], solver={}) == replace(plans[1], solver={})
