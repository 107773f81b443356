"""Stage 4: one CP-SAT model decides hosts, days, rooms and visits together.

`solve(problem, options)` is a pure function of the prepared problem and the options: with
the default deterministic work budget the same inputs give the same plan on any machine with
the same OR-Tools version (a wall-clock limit, if set, is never reproducible). It returns the
plan and, apart from it, the run's statistics (times, objective and bound over time), which
differ from run to run and so never go into the plan's files.
The only package that imports OR-Tools.
"""

from __future__ import annotations

import re
import threading
import time as clock
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ortools.sat.python import cp_model

from ..plan import Plan
from ..problem import Problem
from ..rules import HARD, SOFT
from ..words import say
from . import clashes, objective, rotation, twinning, venues
from . import replan as replan  # registers the re-plan's rule and terms
from .base import POSTERS, Model, search
from .explain import explain_infeasible, explain_static
from .explain_parts import counted_core
from .extract import extract
from .hint import add_hint
from .parts import solve_parts

# From this size on (events plus room options), "auto" plans by parts. The generated district
# (620 events, 8,800 room options) took 120 s to come within 0.3% of its bound jointly and
# comes within 0.1% by parts; the bundled city (624 events, 8 room options) is proven optimal
# jointly in 12 s, and by parts ends 4 above that.
LARGE = 2000


def large(problem: Problem) -> bool:
    options = sum(len(o.rooms) for o in problem.occurrences.values())
    return len(problem.occurrences) + len(problem.visits) + options >= LARGE


def by_parts(problem: Problem, method: str = "auto") -> bool:
    """Will `solve` plan by parts (given a whole plan to start from)? Only then is the
    by-hand plan worth giving: as a hint of the joint model it slowed the proof on the
    generated park from 1.5 to 4.1 work units."""
    return method == "parts" or (method == "auto" and large(problem))

# Variables first, part by part (a rule may use any part's variables), then the rules.
DECLARE = (rotation.declare, venues.declare, twinning.declare, clashes.declare)


@dataclass(frozen=True)
class Progress:
    """One improving solution, as the search finds it."""

    seconds: float
    objective: float
    bound: float

    @property
    def gap(self) -> float:
        return abs(self.objective - self.bound) / max(1.0, abs(self.objective))


class Stop:
    """Ends a running search from another thread, keeping the best plan so far: Ctrl-C in the
    CLI, a cancelled sweep. Signals stay the program's business: CP-SAT's own SIGINT handler
    (catch_sigint_signal) cannot live in a worker thread, and crashed now and then in a
    subprocess test (std::bad_function_call) when the signal met the end of a search."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: list[cp_model.CpSolver] = []  # planning by parts runs several at once
        self.requested = False

    def __call__(self) -> None:
        with self._lock:
            self.requested = True
            for solver in self._running:
                solver.stop_search()

    def attach(self, solver: cp_model.CpSolver) -> None:
        """A search now running (base.search, around every solve); a stop asked for already is
        passed on to it."""
        with self._lock:
            self._running.append(solver)
            if self.requested:
                solver.stop_search()

    def detach(self, solver: cp_model.CpSolver) -> None:
        """The search has ended."""
        with self._lock:
            self._running.remove(solver)


@dataclass(frozen=True)
class SolveOptions:
    seed: int = 0
    workers: int = 2
    # CP-SAT's deterministic time ("work") budget: reproducible, unlike wall-clock seconds.
    work_limit: float = 30.0
    time_limit: float | None = None  # optional wall-clock cap (makes runs non-reproducible)
    # CP-SAT parameters by name, applied last; a list extends a repeated field.
    params: Mapping[str, Any] = field(default_factory=dict)
    reference: Plan | None = None  # a plan to start from (a hint): e.g. the published one
    on_solution: Callable[[Progress], None] | None = None  # each improving solution
    log: Callable[[str], None] | None = None  # CP-SAT's search log, line by line
    off: frozenset[str] = frozenset()  # hard rules left out: for tests and diagnostics only
    stop: Stop | None = None  # to end the search early from another thread
    # "joint": one model of everything; "parts": part by part (parts.py), from the reference;
    # "auto": by parts when the problem is large and the reference is a whole plan.
    method: Literal["auto", "joint", "parts"] = "auto"


@dataclass(frozen=True)
class RunStats:
    """How a solve went. Not reproducible, so kept out of the plan and its files."""

    status: str
    wall_time: float  # the whole call: build, presolve, search, extraction
    build_time: float
    presolve_time: float | None  # from the start of the search call to the search proper
    first_solution_time: float | None  # since the start of the call
    deterministic_time: float
    variables: int
    constraints: int
    timeline: tuple[Progress, ...] = ()  # objective and bound at each improving solution


@dataclass(frozen=True)
class Solved:
    plan: Plan
    stats: RunStats


def build(
    problem: Problem, off: frozenset[str] = frozenset(), explain: bool = False
) -> tuple[Model, dict[str, cp_model.LinearExpr]]:
    """The model: every part's variables, then every rule of the rulebook not switched off."""
    unknown = off - set(HARD)
    if unknown:
        raise ValueError(f"not hard rules of the rulebook: {sorted(unknown)}")
    m = Model(problem=problem, explain=explain, off=off)
    for declare in DECLARE:
        declare(m)
    for label in HARD:
        if label not in off:
            POSTERS[label](m)
    m.soft_from = len(m.cp.proto.constraints)
    if explain:  # placement alone decides feasibility: no soft term
        return m, {}
    for label in SOFT:
        POSTERS[label](m)  # whatever the weight: every term is measured
    return m, objective.post(m)


def configure(solver: cp_model.CpSolver, options: SolveOptions) -> None:
    params = solver.parameters
    params.num_workers = max(1, options.workers)
    params.random_seed = options.seed
    params.max_deterministic_time = options.work_limit
    # The "fixed" subsolver runs in slices of one deterministic second that interleaving
    # cannot cut short: on small models it was 97% of the time after optimality was proved.
    params.ignore_subsolvers.append("fixed")
    # Presolve probing was 42 of 43 s of presolve on a city-sized model (benchmarks/RESULTS.md)
    # and bought no better bound there.
    params.cp_model_probing_level = 0
    # Two bound-raising subsolvers beside the default ones: on the bundled park the proof of
    # optimality took 3.1 work units without them and 1.2 with them (district: 2.3 -> 0.02),
    # on every seed tried (benchmarks/RESULTS.md). The search stays deterministic.
    params.extra_subsolvers.extend(["max_lp", "core"])
    # CP-SAT catches SIGINT itself by default, with a handler kept per thread: a signal the
    # OS hands to another thread (a search worker, or the main thread while the search runs in
    # a worker thread) aborts the process (std::bad_function_call). Stop ends a search instead.
    params.catch_sigint_signal = False
    # The log is read for the presolve time and handed to options.log; never printed.
    params.log_search_progress = True
    params.log_to_stdout = False
    if options.time_limit is not None:
        params.max_time_in_seconds = options.time_limit
    for name, value in options.params.items():
        if not hasattr(params, name):
            raise ValueError(f"{name!r} is not a CP-SAT parameter")
        if isinstance(value, list | tuple):
            getattr(params, name).extend(value)
        else:
            setattr(params, name, value)
    if "interleave_search" not in options.params:
        # With several workers, interleaving makes the search deterministic (measured here);
        # decided last, as `params` may set the number of workers.
        params.interleave_search = params.num_workers > 1


class _Recorder(cp_model.CpSolverSolutionCallback):
    """Objective and bound at each improving solution, passed on to options.on_solution."""

    def __init__(self, start: float, sink: Callable[[Progress], None] | None) -> None:
        super().__init__()
        self.start, self.sink = start, sink
        self.timeline: list[Progress] = []

    def on_solution_callback(self) -> None:
        point = Progress(
            clock.monotonic() - self.start, self.objective_value, self.best_objective_bound
        )
        self.timeline.append(point)
        if self.sink is not None:
            self.sink(point)


_SEARCH_START = re.compile(r"^Starting (?:deterministic )?search at ([0-9.]+)s", re.MULTILINE)


def solve(problem: Problem, options: SolveOptions | None = None) -> Solved:
    """The best plan found within the budget, with its status; never raises for infeasibility."""
    options = options or SolveOptions()
    if by_parts(problem, options.method):
        in_parts = solve_parts(problem, options)
        if in_parts is not None:
            return in_parts
    start = clock.monotonic()
    m, exprs = build(problem, options.off)
    built = clock.monotonic()
    if m.static_problems:
        plan = _empty(problem, options, "infeasible", explain_static(problem, m.static_problems))
        return Solved(plan, _stats(m, "infeasible", start, built))
    if counted_core(problem, options.off):
        # Counting alone proves there is no plan (explain_parts), in milliseconds; the search
        # took 6.7 s to prove one such city and found nothing in 60 s for another, which then
        # had no explanation at all.
        plan = _empty(problem, options, "infeasible", explain_infeasible(problem, options, m))
        return Solved(plan, _stats(m, "infeasible", start, built))
    if options.reference is not None:
        add_hint(m, options.reference)
    solver = cp_model.CpSolver()
    configure(solver, options)
    presolve: list[float] = []

    def log(line: str) -> None:
        found = _SEARCH_START.search(line)
        if found and not presolve:
            presolve.append(float(found.group(1)))
        if options.log is not None:
            options.log(line)

    solver.log_callback = log
    recorder = _Recorder(start, options.on_solution)
    status = search(solver, m.cp, options.stop, recorder)
    # Only what is reproducible goes into the plan (files must be byte-identical per seed).
    info = {
        "workers": options.workers,
        "work_limit": options.work_limit,
        "time_limit": options.time_limit,
        "ortools": _ortools_version(),
    }
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan = extract(problem, m, solver, exprs, options.seed, status == cp_model.OPTIMAL, info)
    elif status == cp_model.INFEASIBLE:
        why = explain_infeasible(problem, options, m)
        plan = _empty(problem, options, "infeasible", why, info)
    elif status == cp_model.MODEL_INVALID:
        plan = _empty(problem, options, "invalid", (m.cp.validate(),), info)
    else:
        plan = _empty(problem, options, "unknown", (_not_yet(problem.locale),), info)
    stats = _stats(
        m,
        plan.status,
        start,
        built,
        presolve[0] if presolve else None,
        solver.response_proto.deterministic_time,
        tuple(recorder.timeline),
    )
    return Solved(plan, stats)


def _stats(
    m: Model,
    status: str,
    start: float,
    built: float,
    presolve: float | None = None,
    dtime: float = 0.0,
    timeline: tuple[Progress, ...] = (),
) -> RunStats:
    proto = m.cp.proto
    return RunStats(
        status=status,
        wall_time=clock.monotonic() - start,
        build_time=built - start,
        presolve_time=presolve,
        first_solution_time=timeline[0].seconds if timeline else None,
        deterministic_time=dtime,
        variables=len(proto.variables),
        constraints=len(proto.constraints),
        timeline=timeline,
    )


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


__all__ = [
    "Progress", "RunStats", "SolveOptions", "Solved", "build", "by_parts", "large", "solve"
]
