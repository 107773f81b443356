"""Stage 4: one CP-SAT model decides hosts, days, rooms and visits together.

`solve(problem, options)` is a pure function of the prepared problem and the options: with
the default deterministic work budget the same inputs give the same plan on any machine with
the same OR-Tools version (a wall-clock limit, if set, is never reproducible).
The only package that imports OR-Tools.
"""

from __future__ import annotations

import time as clock
from dataclasses import dataclass

from ortools.sat.python import cp_model

from ..plan import Plan
from ..problem import Problem
from ..words import say
from . import clashes, objective, rotation, twinning, venues
from .base import Model
from .explain import explain_infeasible, explain_static
from .extract import extract


@dataclass(frozen=True)
class SolveOptions:
    seed: int = 0
    workers: int = 2
    # CP-SAT's deterministic time ("work") budget: reproducible, unlike wall-clock seconds.
    work_limit: float = 30.0
    time_limit: float | None = None  # optional wall-clock cap (makes runs non-reproducible)
    progress: bool = False  # print objective/bound/gap as solutions come in (rich)


def build(problem: Problem, explain: bool = False) -> tuple[Model, dict[str, cp_model.LinearExpr]]:
    m = Model(problem=problem, explain=explain)
    rotation.post(m)
    venues.post(m)
    twinning.post(m)
    clashes.post(m)
    exprs = objective.post(m) if not explain else {}
    return m, exprs


def configure(solver: cp_model.CpSolver, options: SolveOptions) -> None:
    params = solver.parameters
    params.num_workers = max(1, options.workers)
    params.random_seed = options.seed
    params.max_deterministic_time = options.work_limit
    # With several workers, interleaving makes the search deterministic (measured here).
    params.interleave_search = params.num_workers > 1
    # The "fixed" subsolver runs in slices of one deterministic second that interleaving
    # cannot cut short: on small models it was 97% of the time after optimality was proved.
    params.ignore_subsolvers.append("fixed")
    # Presolve probing was 42 of 43 s of presolve on a city-sized model (benchmarks/RESULTS.md)
    # and bought no better bound there.
    params.cp_model_probing_level = 0
    params.catch_sigint_signal = True  # Ctrl-C stops the search and keeps the best plan
    if options.time_limit is not None:
        params.max_time_in_seconds = options.time_limit


class _Progress(cp_model.CpSolverSolutionCallback):
    """Live objective, bound and gap on a terminal."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console

        self.console = Console(stderr=True)
        self.start = clock.monotonic()

    def on_solution_callback(self) -> None:
        obj, bound = self.objective_value, self.best_objective_bound
        gap = abs(obj - bound) / max(1.0, abs(obj))
        self.console.print(
            f"[dim]{clock.monotonic() - self.start:7.1f}s[/]  objective [bold]{obj:,.0f}[/]"
            f"  bound {bound:,.0f}  gap {gap:.1%}"
        )


def solve(problem: Problem, options: SolveOptions | None = None) -> Plan:
    """The best plan found within the budget, with its status; never raises for infeasibility."""
    options = options or SolveOptions()
    m, exprs = build(problem)
    if m.static_problems:
        return _empty(problem, options, "infeasible", explain_static(problem, m.static_problems))
    solver = cp_model.CpSolver()
    configure(solver, options)
    callback = _Progress() if options.progress else None
    status = solver.solve(m.cp, callback) if callback else solver.solve(m.cp)
    # Only what is reproducible goes into the plan (files must be byte-identical per seed).
    info = {
        "workers": options.workers,
        "work_limit": options.work_limit,
        "time_limit": options.time_limit,
        "ortools": _ortools_version(),
    }
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return extract(problem, m, solver, exprs, options.seed, status == cp_model.OPTIMAL, info)
    if status == cp_model.INFEASIBLE:
        return _empty(problem, options, "infeasible", explain_infeasible(problem, options), info)
    if status == cp_model.MODEL_INVALID:
        return _empty(problem, options, "invalid", (m.cp.validate(),), info)
    return _empty(problem, options, "unknown", (_not_yet(problem.locale),), info)


def _not_yet(lang: str) -> str:
    return say(lang, "solver.not_found_yet")


def _empty(
    problem: Problem,
    options: SolveOptions,
    status: str,
    why: tuple[str, ...],
    info: dict | None = None,
) -> Plan:
    return Plan(
        scenario=problem.name,
        source=problem.scenario.source,
        locale=problem.locale,
        status=status,  # type: ignore[arg-type]
        seed=options.seed,
        weights=dict(problem.weights),
        provisional_calendar=problem.calendar.provisional,
        explanation=why,
        solver=info or {},
    )


def _ortools_version() -> str:
    from importlib.metadata import version

    return version("ortools")


__all__ = ["SolveOptions", "build", "solve"]
