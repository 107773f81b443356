"""Steering the solver from outside: CP-SAT parameters, a reference plan, log and progress
sinks, run statistics kept apart from the plan, and solving off the main thread (Dask)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rotasched.check import check
from rotasched.problem import Problem
from rotasched.solver import Progress, SolveOptions, solve

from .planning import problem_of

TINY = Path(__file__).resolve().parents[1] / "scenarios" / "tiny" / "tiny.yaml"


@pytest.fixture(scope="module")
def tiny() -> Problem:
    return problem_of(TINY)


def test_cp_sat_parameters_reach_the_search(tiny: Problem) -> None:
    full = solve(tiny, SolveOptions(work_limit=5))
    first = solve(tiny, SolveOptions(work_limit=5, params={"stop_after_first_solution": True}))
    # The search stops at its first batch of solutions (two workers: one or two), unproven.
    assert full.plan.status == "optimal" and first.plan.status == "feasible"
    assert len(first.stats.timeline) <= 2
    assert first.plan.objective is not None and full.plan.objective is not None
    assert first.plan.objective > full.plan.objective
    assert check(tiny, first.plan) == []


def test_an_unknown_parameter_is_refused_by_name(tiny: Problem) -> None:
    with pytest.raises(ValueError, match="no_such_knob"):
        solve(tiny, SolveOptions(params={"no_such_knob": 1}))


def test_log_and_progress_sinks(tiny: Problem) -> None:
    lines: list[str] = []
    seen: list[Progress] = []
    solved = solve(tiny, SolveOptions(work_limit=5, log=lines.append, on_solution=seen.append))
    assert any("Starting CP-SAT solver" in line for line in lines)
    objectives = [p.objective for p in seen]
    assert objectives == sorted(objectives, reverse=True) and len(objectives) > 1
    assert objectives[-1] == solved.plan.objective
    assert seen == list(solved.stats.timeline)


def test_a_reference_plan_is_where_the_search_starts(tiny: Problem) -> None:
    best = solve(tiny, SolveOptions(work_limit=5)).plan
    lines: list[str] = []
    again = solve(
        tiny,
        SolveOptions(
            work_limit=5,
            seed=7,
            reference=best,
            params={"stop_after_first_solution": True},
            log=lines.append,
        ),
    )
    # The first solution CP-SAT reports is the hint, completed: the reference plan again.
    assert any(line.startswith("#1 ") and "[hint]" in line for line in lines)
    assert again.plan.objective == best.objective
    assert again.plan.occurrences == best.occurrences and again.plan.visits == best.visits


def test_statistics_stay_out_of_the_plan(tiny: Problem) -> None:
    one = solve(tiny, SolveOptions(work_limit=5))
    two = solve(tiny, SolveOptions(work_limit=5))
    s = one.stats
    assert s.status == "optimal" and s.variables > 0 and s.constraints > 0
    assert 0 <= s.build_time <= s.wall_time
    assert s.presolve_time is not None and s.first_solution_time is not None
    assert s.first_solution_time <= s.wall_time and s.deterministic_time > 0
    # Times differ from run to run; the plan and its JSON do not.
    assert one.plan.to_json() == two.plan.to_json()
    assert "wall" not in one.plan.to_json()


def test_solves_in_a_worker_thread(tiny: Problem) -> None:
    """Dask runs tasks in worker threads, where no signal handler can be installed."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda seed: solve(tiny, SolveOptions(seed=seed)), (0, 1)))
    for solved in results:
        assert solved.plan.status == "optimal" and check(tiny, solved.plan) == []


def test_stop_ends_the_search_and_keeps_the_best_plan() -> None:
    """Stop, called from the search's own callback thread at the first plan, ends a search
    budgeted for hours: the plan found so far comes back, checked clean, not yet proven."""
    from rotasched.solver import Stop

    root = Path(__file__).resolve().parents[1]
    problem = problem_of(root / "scenarios/city/city.yaml")
    stop = Stop()
    solved = solve(problem, SolveOptions(work_limit=100000, stop=stop,
                                         on_solution=lambda _: stop()))
    assert stop.requested and solved.plan.status == "feasible" and solved.plan.gap
    assert check(problem, solved.plan) == []


def test_one_worker_from_params_is_not_interleaved() -> None:
    """Planning by parts asks for one worker through `params`; interleaving is for several
    (it makes their search reproducible) and is decided after the caller's settings."""
    from ortools.sat.python import cp_model

    from rotasched.solver import configure

    def interleaved(options: SolveOptions) -> bool:
        solver = cp_model.CpSolver()
        configure(solver, options)
        return bool(solver.parameters.interleave_search)

    assert interleaved(SolveOptions(workers=2))
    assert not interleaved(SolveOptions(workers=1))
    assert not interleaved(SolveOptions(workers=2, params={"num_workers": 1}))
    assert interleaved(SolveOptions(workers=1, params={"interleave_search": True}))
