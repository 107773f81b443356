"""How fast the bundled park is proven optimal: prints figures, asserts nothing.

    .venv/bin/python benchmarks/park.py [--scenario scenarios/park/park.yaml] [--repeat 1]

For the scenario it prints
- the whole `rotasched plan` command's wall time (a fresh process: load, prepare, solve, export,
  check), with its status and gap,
- the gap a wall-clock limit of 1, 2 and 5 seconds leaves (`--time-limit`, 2 workers),
- the time to the first plan and to the proof, from the solver's own statistics.
Wall-clock figures vary with the machine's load: run it on a quiet machine, compare runs made
the same day. `benchmarks/RESULTS.md` keeps what was measured here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def whole_command(scenario: Path, work: float) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "rotasched", "plan", str(scenario), "-o", f"{tmp}/out",
             "--work", str(work), "--no-progress"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        wall = time.perf_counter() - t0
    first = (done.stdout.splitlines() or [done.stderr.strip()])[0]
    return wall, first


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", type=Path, default=ROOT / "scenarios/park/park.yaml")
    ap.add_argument("--work", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    from rotasched import build_calendar, load_scenario
    from rotasched.problem import prepare
    from rotasched.solver import SolveOptions, solve

    scenario = load_scenario(args.scenario)
    problem = prepare(scenario, build_calendar(scenario))
    print(f"scenario: {args.scenario.relative_to(ROOT)}")
    for _ in range(args.repeat):
        wall, line = whole_command(args.scenario, args.work)
        print(f"  whole plan command (--work {args.work:g}): {wall:6.2f} s   {line}")
        for limit in (1.0, 2.0, 5.0):
            plan = solve(problem, SolveOptions(work_limit=args.work, time_limit=limit)).plan
            gap = "no plan" if plan.gap is None else f"gap {plan.gap:.2%}"
            print(f"  --time-limit {limit:g} s: {plan.status:9s} {gap}")
        solved = solve(problem, SolveOptions(work_limit=args.work))
        s = solved.stats
        first = f"{s.first_solution_time:.2f}" if s.first_solution_time is not None else "-"
        presolve = f"{s.presolve_time:.2f}" if s.presolve_time is not None else "-"
        print(
            f"  solve: {solved.plan.status} objective {solved.plan.objective:,.0f} "
            f"bound {solved.plan.bound:,.0f} in {s.wall_time:.2f} s (build {s.build_time:.2f} s, "
            f"presolve {presolve} s, first plan {first} s, {s.deterministic_time:.1f} work units, "
            f"{s.variables:,} variables, {s.constraints:,} constraints)"
        )


if __name__ == "__main__":
    main()
