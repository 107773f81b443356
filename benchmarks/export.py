#!/usr/bin/env python3
"""How long `export_plan` takes on a generated instance: prints figures, asserts nothing.

    .venv/bin/python benchmarks/export.py                      # the city preset, seed 0
    .venv/bin/python benchmarks/export.py --preset district --repeat 3
    .venv/bin/python benchmarks/export.py --scenario scenarios/district/district.yaml
    .venv/bin/python benchmarks/export.py --dir /dev/shm          # leave the disk out

The instance is a `rotasched.generate` preset written into a temporary folder (or a scenario
given by `--scenario`), planned by hand (`rotasched.baseline`: complete and checked, in seconds,
where the optimiser takes minutes), then exported `--repeat` times into a fresh folder each
time. For each run it prints the wall-clock and CPU seconds of `export_plan`; then the files
and megabytes written, per top folder.
Wall-clock figures depend on the machine's load, which is printed with them, and on the disk:
the export creates some 3,000 files, which on a busy disk can take seconds of its own (`--dir`
puts the temporary folder elsewhere, e.g. on a tmpfs).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import Counter
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="city", help="park, district or city (default: city)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scenario", type=Path, help="a scenario's YAML instead of a preset")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--dir", type=Path, help="where the temporary folder goes")
    args = ap.parse_args()

    from rotasched import build_calendar, load_scenario
    from rotasched.baseline import baseline
    from rotasched.export import export_plan
    from rotasched.generate import preset, write_scenario
    from rotasched.problem import prepare

    with tempfile.TemporaryDirectory(prefix="rotasched-export-", dir=args.dir) as tmp:
        t0 = time.perf_counter()
        if args.scenario:
            path, label = args.scenario, str(args.scenario)
        else:
            path = write_scenario(preset(args.preset, seed=args.seed), tmp, args.preset)
            label = f"{args.preset} (preset, seed {args.seed})"
        scenario = load_scenario(path)
        problem = prepare(scenario, build_calendar(scenario))
        plan = baseline(problem)
        print(f"{label}: {len(problem.orgs):,} organisations, {len(plan.occurrences):,} "
              f"occurrences, {len(plan.terms):,} terms, {len(plan.visits):,} visits; "
              f"loaded and planned by hand in {time.perf_counter() - t0:.1f} s ({plan.status})")
        if not plan.has_schedule:
            print("no schedule: nothing but the site to export")
        out = Path(tmp) / "out"
        for i in range(args.repeat):
            load = os.getloadavg()[0]
            wall, cpu = time.perf_counter(), time.process_time()
            export_plan(plan, problem, out / str(i))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"  export_plan: {wall:6.2f} s wall, {cpu:6.2f} s CPU (load average {load:.2f})")
        files, size = Counter[str](), Counter[str]()
        for f in (out / "0").rglob("*"):
            if f.is_file():
                top = f.relative_to(out / "0").parts[0]
                top = top if (out / "0" / top).is_dir() else "."
                files[top] += 1
                size[top] += f.stat().st_size
        for top in sorted(files):
            print(f"  {top + '/':8s} {files[top]:6,} files {size[top] / 1e6:8.1f} MB")
        print(f"  {'total':8s} {files.total():6,} files {size.total() / 1e6:8.1f} MB")


if __name__ == "__main__":
    main()
