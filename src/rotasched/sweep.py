"""Sweeps: a grid of what-if variants, solved in parallel, compared in one table.

A grid file names a base scenario and axes; each axis maps a label to the changes it makes
(the change records of a variant file). Every combination is a variant:

    name: 互访频次与工作站停用
    base: ../park.yaml
    axes:
      互访频次:
        每季1次: [{set: {"twinning[*].visits": 1}}]
        每季2次: [{set: {"twinning[*].visits": 2}}]
      工作站停用:
        不停用: []
        七月停用: [{close: {centre: station, start: 2026-07-01, end: 2026-07-31}}]

Every variant is built and validated first (every problem of every point at once). Then the
base and the variants are solved in parallel (`parallel.run_jobs`: local processes, or a Dask
scheduler), each a `Job` of canonical JSON that any worker can solve without files; the plans
come back as JSON and are checked, measured and compared here, exactly as `rotasched whatif`
does (whatif/run.py, whatif/report.py). A variant whose job fails is a row saying so.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import Field, ValidationError

from .calendar import build_calendar
from .parallel import Row, run_jobs
from .plan import Plan
from .problem import Problem, prepare
from .scenario import Issue, Scenario, ScenarioError
from .scenario.fields import Frozen, Text
from .scenario.load import from_pydantic, located, read_yaml
from .solver import SolveOptions, solve
from .whatif.changes import Change
from .whatif.run import BASE_FOLDER, Comparison, Outcome, outcome_of, with_start
from .whatif.variant import Variant, apply_all, parse_found, read_base
from .words import say


@dataclass(frozen=True)
class Job:
    name: str
    scenario: str  # the variant, validated, as canonical JSON: no file needed to solve it
    seed: int = 0
    work: float = 10.0  # deterministic budget: the plan does not depend on where it ran
    time_limit: float | None = None  # a wall-clock cap: a variant still unsolved says so


def solve_job(job: Job) -> Row:
    """Solve one variant (in a worker): its plan as JSON. One CP-SAT worker per job: the
    parallelism is across variants, and one worker with a deterministic budget gives the
    same plan wherever it runs."""
    scenario = Scenario.model_validate_json(job.scenario)
    options = SolveOptions(seed=job.seed, workers=1, work_limit=job.work,
                           time_limit=job.time_limit)  # fmt: skip
    problem = prepare(scenario)
    plan = solve(problem, with_start(problem, options)).plan
    return {"variant": job.name, "status": plan.status, "plan": plan.to_json()}


class _Grid(Frozen):
    name: Text
    base: Text
    description: str = ""
    axes: dict[str, dict[str, list[Any]]] = Field(min_length=1)


@dataclass(frozen=True)
class Grid:
    name: str
    file: Path
    base: Path
    axes: dict[str, dict[str, tuple[Change, ...]]]  # axis -> value label -> its changes
    lang: str = "zh"

    def points(self) -> list[dict[str, str]]:
        """Every combination of one label per axis, in file order."""
        names = list(self.axes)
        return [dict(zip(names, combo, strict=True))
                for combo in itertools.product(*(self.axes[a] for a in names))]  # fmt: skip

    def variant(self, point: dict[str, str]) -> Variant:
        changes = tuple(c for axis, label in point.items() for c in self.axes[axis][label])
        name = "，".join(f"{axis}={label}" for axis, label in point.items())
        return Variant(name, self.file, self.base, changes, lang=self.lang)


def load_grid(path: str | Path, locale: str | None = None) -> Grid:
    """A grid file; ScenarioError naming every problem of it."""
    path = Path(path)
    shown = str(path)
    lang = locale or "zh"
    data = read_yaml(path, shown, lang)
    try:
        header = _Grid.model_validate(data)
    except ValidationError as exc:
        found = [from_pydantic(e, located(shown, {})) for e in exc.errors()]
        raise ScenarioError(found, lang) from exc
    base = (path.parent / header.base).resolve()
    problems: list[Issue] = []
    if not base.is_file():
        problems.append(Issue(shown, "base", "variant_base_missing", {"file": str(base)}))
    axes: dict[str, dict[str, tuple[Change, ...]]] = {}
    for axis, values in header.axes.items():
        axes[axis] = {}
        for label, items in values.items():
            changes, wrong = parse_found(items, f"{shown}: axes.{axis}.{label}")
            problems += wrong
            axes[axis][label] = tuple(changes)
    if problems:
        raise ScenarioError(problems, lang)
    return Grid(header.name, path, base, axes, lang)


@dataclass(frozen=True)
class Sweep:
    grid: Grid
    points: tuple[dict[str, str], ...]  # one per variant, in order
    comparison: Comparison

    @property
    def frame(self) -> pd.DataFrame:
        """One row per variant (the base first): the axes' labels, then every figure of the
        comparison (status, objective, gap, every soft term, spread, utilisation, ...)."""
        frame = self.comparison.frame
        for i, axis in enumerate(self.grid.axes):
            labels = ["", *(p[axis] for p in self.points)]
            frame.insert(1 + i, f"axis:{axis}", labels)
        return frame


def run_sweep(
    grid: Grid,
    options: SolveOptions,
    scheduler: str | None = None,
    workers: int = 2,
    on_row: Callable[[int, Row], None] | None = None,
) -> Sweep:
    """Build every variant of the grid, solve them and the base in parallel, then check,
    measure and compare them here."""
    raw, base_scenario = read_base(grid.base, grid.lang)
    lang = grid.lang
    points = grid.points()
    variants = [grid.variant(p) for p in points]
    scenarios = apply_all(raw, variants, lang)
    named = [(say(lang, "whatif.base"), base_scenario), *zip([v.name for v in variants],
                                                              scenarios, strict=True)]
    jobs = [Job(name, s.canonical_json(), options.seed, options.work_limit, options.time_limit)
            for name, s in named]  # fmt: skip
    rows = run_jobs(solve_job, jobs, scheduler, workers, on_row)
    base = _outcome(named[0][0], BASE_FOLDER, str(grid.base), base_scenario, rows[0], None, lang)
    outcomes = tuple(
        _outcome(v.name, f"v{i + 1:02d}", str(grid.file), s, row, base.plan, lang, v)
        for i, (v, s, row) in enumerate(zip(variants, scenarios, rows[1:], strict=True))
    )
    comparison = Comparison(base, outcomes, lang, options.seed, options.work_limit)
    return Sweep(grid, tuple(points), comparison)


def _outcome(
    name: str, folder: str, source: str, scenario: Scenario, row: Row, base: Plan | None,
    lang: str, variant: Variant | None = None,
) -> Outcome:
    """A solved job, checked and measured like a what-if scenario; a failed job as a plan
    without a schedule whose explanation says what went wrong."""
    problem: Problem = prepare(scenario, build_calendar(scenario))
    if row.get("plan"):
        plan = Plan.from_dict(json.loads(row["plan"]))
    else:
        plan = Plan(scenario=problem.name, source=source, locale=lang, status="unknown",
                    seed=0, explanation=(say(lang, "sweep.failed", error=row.get("error", "")),))
    return outcome_of(name, folder, source, problem, plan, base, variant)


def write_sweep(sweep: Sweep, outdir: Path) -> Path:
    """OUTDIR/sweep.parquet and sweep.csv (one row per variant, the axes first), and the
    comparison in OUTDIR/comparison (its table, workbook, page with charts and every plan),
    replaced in one step."""
    from .export.files import staged, write_text
    from .export.tables import defuse
    from .whatif import write_comparison

    frame = sweep.frame
    with staged(Path(outdir)) as tmp:
        frame.to_parquet(tmp / "sweep.parquet", index=False)
        text = frame.map(lambda v: defuse(v) if isinstance(v, str) else v)
        write_text(tmp / "sweep.csv", "\ufeff" + text.to_csv(index=False, lineterminator="\r\n"))
        write_comparison(sweep.comparison, tmp / "comparison")
    return Path(outdir)
