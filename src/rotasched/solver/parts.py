"""A city-sized plan, part by part: a true bound from the parts, a plan from the whole.

The joint model of a city is too big to search well in minutes (benchmarks/RESULTS.md), yet
its parts are loosely tied: each cluster of series (problem/parts.py) shares only rooms and a
few secretaries with the others, the visits only the days their organisations meet. So:

1. **start**: the reference plan (the by-hand one, complete and checked) as the value of every
   decision of the whole model, fixed and solved once: the incumbent;
2. **bound**: each part alone (`restrict`: its rules, none between parts) with its share of
   the work, stopped within PART_GAP of its own bound; the sum of their CP-SAT bounds plus the
   busiest room's floor is a lower bound of the whole (why: problem/parts.py);
3. **merge**: the parts' own plans together, the visits planned again where they clash with
   the groups' days: a plan of the whole near the bound (`merge`);
4. **improve**: piece by piece (who hosts everything; each group's rotation; the visits by
   quarter; pieces sharing members two by two: problem/parts.py), the whole model with every
   decision outside the piece fixed at the incumbent: a large neighbourhood search whose every
   step is a CP-SAT solve of the whole model, so what it returns keeps every rule, those
   between parts included. A step is kept only if it is no worse.

Every solve runs one worker with the stronger linearisation (PART, STEP): the parts' and the
steps' LP relaxations are nearly integral, and one worker is deterministic. SolveOptions'
`workers` is how many parts are solved at once.
Every solve has a deterministic work budget and they run in a fixed order, so the same
scenario, seed and budget give the same plan. The plan is read from the whole model.
"""

from __future__ import annotations

import ctypes
import gc
import math
import threading
import time as clock
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from ..plan import Plan
from ..problem import Problem
from ..problem.parts import Part, centre_floor, hosting, joined, restrict, split, units
from .base import Model, fixed_copy, search
from .extract import extract
from .hint import hint_values, set_hint

if TYPE_CHECKING:
    from . import Solved, SolveOptions

BOUND_SHARE = 0.25  # of the work budget: the parts alone; the rest improves the plan
# Each part alone: one worker with the stronger linearisation, stopped at a small gap. The
# parts' LP is nearly integral: the district's cluster was proven optimal in 2.8 s this way
# against 17 s without a proof by two interleaved workers, its visits came within 0.35% in
# 0.2 s (benchmarks/RESULTS.md). One worker is deterministic without interleaving.
PART_GAP = 0.004
PART = {"num_workers": 1, "linearization_level": 2, "relative_gap_limit": PART_GAP}
# Each step too: on the generated city 0.10% above the bound after 37 s with one such worker
# (peak 490 MB), against 0.34% with two interleaved ones (1,120 MB).
STEP = {"num_workers": 1, "linearization_level": 2}
MERGE_SHARE = 0.05  # of the work budget, for each of the merge's two solves at most
ROUNDS = 3  # passes over the pieces at most
UNLIMITED = 1000.0  # the work budget shared out when none is given (a wall-clock cap ends it)
SOLVED = (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _ok(solver: cp_model.CpSolver) -> bool:
    return solver.response_proto.status in SOLVED


def _whole(value: float, up: bool = False) -> float:
    """The objective is a sum of integer weights times integer terms, but CP-SAT reports it as
    a float (2635.9999999999995 for 2636 in a random scenario, which put a plan "below" a
    bound of 2636). A bound may be rounded up to the next whole number: no plan lies between."""
    return float(math.ceil(value - 1e-6) if up else round(value))


def decisions(m: Model, part: Part | None = None) -> list[int]:
    """Indices of the decision variables of a part's events (every event's if None)."""
    events = m.day.keys() if part is None else part.events
    out: list[int] = []
    hosts_only = part is not None and part.hosts_only
    for e in events:
        if not hosts_only:
            out += [m.day[e].index, m.placed[e].index]
            out += [lit.index for lit in m.room.get(e, {}).values()]
        for lits in (m.host.get(e, {}), m.own.get(e, {})):
            out += [lit.index for lit in lits.values()]
    wanted = None if part is None else set(part.series) | set(part.duties)
    for key, lits in (*m.executive.items(), *m.duty.items()):
        if wanted is None or key[0] in wanted:
            out += [lit.index for lit in lits.values()]
    return sorted(set(out))


def fixed_except(m: Model, values: dict[int, int], free: set[int]) -> cp_model.CpModel:
    """A copy of the whole model, every decision outside `free` fixed at its value."""
    return fixed_copy(m.cp, {i: v for i, v in values.items() if i not in free})


@dataclass
class Run:
    """The shared budget and reporting of one solve by parts."""

    options: SolveOptions
    start: float
    deadline: float | None
    work_done: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def solve(
        self,
        model: cp_model.CpModel,
        work: float,
        params: dict | None = None,
        until: float | None = None,
    ) -> cp_model.CpSolver | None:
        """One CP-SAT solve within `work` and what is left of the wall clock (and of `until`,
        a moment on the monotonic clock, if given); None if stopped."""
        from . import configure

        stop = self.options.stop
        left = None if self.deadline is None else self.deadline - clock.monotonic()
        if (stop is not None and stop.requested) or (left is not None and left <= 0):
            return None
        if left is not None and until is not None:
            left = min(left, max(0.5, until - clock.monotonic()))
        elif left is not None and self.options.time_limit is not None:
            # Under a wall-clock cap each solve also gets its share of the time, as of the work.
            share = work / self.options.work_limit
            left = min(left, max(0.5, share * self.options.time_limit))
        solver = cp_model.CpSolver()
        options = replace(self.options, work_limit=max(work, 0.05), time_limit=left)
        if params:  # the part's own settings first, the caller's still last
            options = replace(options, params={**params, **options.params})
        configure(solver, options)
        search(solver, model, stop)
        with self.lock:  # parts are solved several at once
            self.work_done += solver.response_proto.deterministic_time
        return solver


def _give_back() -> None:
    """Hand freed memory back to the system after a solve of the whole model. Each step copies
    it; without this the city's resident memory grew by about 50 MB a step (glibc keeps freed
    blocks of the search threads' arenas) and passed 3 GB within two minutes. Not after each
    part: with the whole model alive a collection takes 0.08 s, 4.8 s of the city's bound."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def bound_of_parts(
    p: Problem, parts: tuple[Part, ...], run: Run, work: float
) -> tuple[float, dict[str, Plan]]:
    """A lower bound of the whole (a part that found nothing in its budget adds 0) and each
    part's best plan. Where several clusters share out fairness, each is solved without its
    largest deviation (A) and with it counted for every member of the whole (B); the bound
    takes every A and the one B - A that adds most (why: problem/parts.py).

    The parts are solved `workers` at a time (each solve one CP-SAT worker, which lets go of
    Python while it searches): each is independent and deterministic, and their results are
    read in order, so the plan does not depend on how many run at once. Under a wall-clock
    cap the parts share BOUND_SHARE of it first come, first served: each stops at PART_GAP,
    most long before their share of the work, and a share of the time by events starved the
    district's one cluster (1.3 s of 20: no plan, so it counted 0)."""
    total = float(p.weights.get("centre_balance", 0) * centre_floor(p))
    events = max(1, sum(len(x.events) for x in parts))
    fair = [x for x in parts if restrict(p, x).load_orgs()]
    members = len(p.load_orgs()) if len(fair) > 1 else None
    limit = run.options.time_limit
    until = None if limit is None else clock.monotonic() + BOUND_SHARE * limit
    jobs: list[tuple[Part, float, int | None]] = []
    for part in parts:
        share = work * len(part.events) / events
        if members is not None and part in fair:  # A, then B
            jobs += [(part, share / 2, 0), (part, share / 2, members)]
        else:
            jobs.append((part, share, None))
    with ThreadPoolExecutor(max(1, run.options.workers)) as pool:
        # The largest first (the city's visits: 2.5 s), so that none runs alone at the end.
        started = {
            i: pool.submit(_part_bound, p, part, share, counted, run, until)
            for i, (part, share, counted) in sorted(
                enumerate(jobs), key=lambda job: -len(job[1][0].events)
            )
        }
        done = [started[i].result() for i in range(len(jobs))]
    plans: dict[str, Plan] = {}
    most = 0.0  # the largest B - A
    a = 0.0
    for (part, _, counted), (bound, plan) in zip(jobs, done, strict=True):
        if plan is not None:
            plans[part.name] = plan  # B's over A's: it weighs the largest deviation
        if counted == 0:
            a = bound
            total += a
        elif counted is not None:
            most = max(most, bound - a)
        else:
            total += bound
    return total + most, plans


def _part_bound(
    p: Problem, part: Part, work: float, members: int | None, run: Run, until: float | None
) -> tuple[float, Plan | None]:
    """One part alone: its CP-SAT bound (0 if it found nothing) and its plan (or None)."""
    from . import build

    sub = restrict(p, part, members)
    m, exprs = build(sub, run.options.off)
    if run.options.reference is not None:
        set_hint(m.cp, hint_values(m, run.options.reference))
    solver = run.solve(m.cp, work, PART, until)
    if solver is None or not _ok(solver):
        return 0.0, None  # its events keep the incumbent
    plan = extract(sub, m, solver, exprs, 0, False, {})
    return (_whole(solver.best_objective_bound, up=True) if exprs else 0.0), plan


def split_visits(m: Model, parts: tuple[Part, ...]) -> set[int]:
    """The decisions of the visits, the part that gives way when the parts' plans clash."""
    return {i for x in parts if x.visits for i in decisions(m, x)}


def merge(
    m: Model, run: Run, values: dict[int, int], visits: set[int]
) -> cp_model.CpSolver | None:
    """The parts' own plans as one plan of the whole, if they fit together: each part's plan
    is within PART_GAP of its optimum, so theirs is near the bound. They clash only where a
    visit falls on a day its organisation meets or hosts; then the visits are planned again
    around the groups' days, from their own plan as the hint (the district: 0.3 s, 0.13%
    above the bound)."""
    work = run.options.work_limit * MERGE_SHARE
    solver = run.solve(fixed_except(m, values, set()), work, STEP)
    if solver is not None and _ok(solver):
        return solver
    if solver is None or not visits:
        return None
    sub = fixed_except(m, values, visits)
    set_hint(sub, values)
    # Stopped at PART_GAP of the step's own bound: the repair is found at once (the
    # district: 0.03 s after presolve), the remaining search crawls (0.07% in 50 s).
    solver = run.solve(sub, work, PART)
    return solver if solver is not None and _ok(solver) else None


def solve_parts(problem: Problem, options: SolveOptions) -> Solved | None:
    """The plan by parts, or None where it cannot start (no complete reference that keeps
    the rules, or an event that cannot be placed at all): the joint solve takes over."""
    from . import Progress, _ortools_version, _stats, build
    from . import Solved as SolvedT

    start = clock.monotonic()
    deadline = None if options.time_limit is None else start + options.time_limit
    if not math.isfinite(options.work_limit):  # shares of an endless budget: a wall cap decides
        options = replace(options, work_limit=UNLIMITED)
    if options.reference is None or not options.reference.has_schedule:
        return None  # nothing to start from (e.g. no plan by hand: perhaps none exists)
    run = Run(options, start, deadline)
    m, exprs = build(problem, options.off)
    built = clock.monotonic()
    if m.static_problems or not exprs:
        return None
    everything = decisions(m)
    incumbent = hint_values(m, options.reference)
    if any(i not in incumbent for i in everything):
        return None  # the reference is not a whole plan
    first = run.solve(fixed_except(m, incumbent, set()), 1.0, STEP)
    _give_back()
    if first is None or not _ok(first):
        return None
    best = _whole(first.objective_value)
    timeline = [Progress(clock.monotonic() - start, best, 0.0)]

    def report(objective: float, bound: float) -> None:
        timeline.append(Progress(clock.monotonic() - start, objective, bound))
        if options.on_solution is not None:
            options.on_solution(timeline[-1])

    report(best, 0.0)
    parts = split(problem)
    bound, plans = bound_of_parts(problem, parts, run, options.work_limit * BOUND_SHARE)
    _give_back()
    bound = min(bound, best)  # a bound above a plan would be a bug: never claim it
    if bound > 0:  # news: the gap
        report(best, bound)
    # First who hosts everything (the whole hosting at once), then small pieces (each group's
    # rotation, the visits by quarter), then pieces two by two where they share members (a
    # district-wide rotation balances turns across its groups).
    pieces = units(problem)
    first_pass = ((hosting(problem),) if problem.occurrences else ()) + pieces
    # A pass with no piece (the city: no two pieces share a member) takes no share.
    passes = [x for x in (first_pass, joined(problem, pieces)) if x] * ROUNDS
    hints: dict[int, int] = {}
    for plan_of_part in plans.values():
        hints.update(hint_values(m, plan_of_part))
    final = first

    def keep(solver: cp_model.CpSolver | None) -> None:
        """The solve's plan becomes the incumbent if it is no worse."""
        nonlocal incumbent, best, final
        value = _whole(solver.objective_value) if solver is not None and _ok(solver) else math.inf
        if solver is None or value > best:
            return
        values = solver.response_proto.solution
        incumbent = {i: int(values[i]) for i in everything}
        if value < best:
            report(value, bound)
        best, final = value, solver

    keep(merge(m, run, incumbent | hints, split_visits(m, parts)))
    _give_back()
    stalled = 0
    for batch in passes:
        before = best
        # Shares fixed in advance (never what earlier solves used: CP-SAT's deterministic
        # time differs in the last digits from run to run): each pass an equal share of the
        # budget, each piece an equal share of its pass, the whole hosting a third of it.
        weights = [max(1, len(batch) // 2) if x.hosts_only else 1 for x in batch]
        rest = 1 - BOUND_SHARE - 2 * MERGE_SHARE  # the bound's and the merge's shares taken
        work = options.work_limit * rest / len(passes) / max(1, sum(weights))
        for piece, weight in zip(batch, weights, strict=True):
            free = set(decisions(m, piece))
            sub = fixed_except(m, incumbent, free)
            set_hint(sub, incumbent | {i: v for i, v in hints.items() if i in free})
            solver = run.solve(sub, work * weight, STEP)
            _give_back()
            if solver is None:
                break  # stopped, or out of time
            keep(solver)
        else:
            hints = {}  # the parts' own plans only start the first pass
            stalled = stalled + 1 if best >= before else 0
            if stalled < 2 and best > bound:
                continue
        break
    info = {
        "workers": options.workers,
        "work_limit": options.work_limit,
        "time_limit": options.time_limit,
        "ortools": _ortools_version(),
        "method": "parts",
    }
    plan = extract(problem, m, final, exprs, options.seed, best <= bound, info)
    gap = round(abs(best - bound) / max(1.0, abs(best)), 6)
    plan = replace(plan, objective=best, bound=bound, gap=gap)
    stats = _stats(m, plan.status, start, built, None, run.work_done, tuple(timeline))
    return SolvedT(plan, stats)
