"""A sweep's unit of work: one variant's scenario solved, checked and measured in a worker.

`Job` carries the variant as canonical JSON (`Scenario.canonical_json`), so a worker on
another machine needs no file; `solve_job` is the top-level function `parallel.run_jobs`
ships. One CP-SAT worker per job: the parallelism is across variants, and one worker with a
deterministic budget gives the same plan wherever it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .check import check
from .problem import prepare
from .rules import SOFT
from .scenario import Scenario
from .solver import SolveOptions, solve


@dataclass(frozen=True)
class Job:
    name: str
    scenario: str  # the variant, validated, as canonical JSON
    seed: int = 0
    work: float = 10.0  # deterministic budget: the row does not depend on the machine
    time_limit: float | None = None  # a wall-clock cap: a variant still unsolved says so


def solve_job(job: Job) -> dict[str, Any]:
    """The variant's row: status, objective, bound, gap, every soft term (measured whatever
    its weight), and the checker's violations (0 for every plan returned as good)."""
    scenario = Scenario.model_validate_json(job.scenario)
    problem = prepare(scenario)
    options = SolveOptions(seed=job.seed, workers=1, work_limit=job.work,
                           time_limit=job.time_limit)
    plan = solve(problem, options).plan
    row: dict[str, Any] = {
        "variant": job.name,
        "status": plan.status,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "violations": len(check(problem, plan)) if plan.has_schedule else None,
        "explanation": plan.explanation[0] if plan.explanation else "",
    }
    row.update({f"term.{t}": plan.terms_value.get(t) for t in SOFT})
    return row
