#!/usr/bin/env python3
"""The optimiser against the by-hand baseline, per instance: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench.py                       # bundled park, district and city
    .venv/bin/python benchmarks/bench.py --instances scenarios/park/park.yaml --time-limit 30
    .venv/bin/python benchmarks/bench.py --preset park --preset district --preset city
    .venv/bin/python benchmarks/bench.py --out benchmarks/RESULTS.md   # also append the tables

Each instance runs in a fresh child process, one after the other (never two solves at once),
so its peak memory is its own. The child loads and prepares the scenario, plans it by hand
(`rotasched.baseline`: time, checked, every soft term measured), then solves it with the time
limit (`--time-limit`, default 120 s; `--work` adds CP-SAT's deterministic cap) and reports the
time to the first plan and to the best one (the `on_solution` timeline), the objective, bound
and gap, the export time and the checker's violations (in memory and from the written tables),
and its peak RSS. An instance that finds no plan in its budget, or whose child fails, says so
in its column. Wall-clock figures depend on the machine's load, which is printed with them.

Instances: `--instances` takes a comma-separated list of scenario paths and generator preset
names; `--scenario PATH` and `--preset NAME` add one each. A preset (`rotasched.generate`:
park, district, city, the sizes of the benchmark table) is written into a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = [
    "scenarios/park/park.yaml",
    "scenarios/district/district.yaml",
    "scenarios/city/city.yaml",
]
CHECKPOINTS = (10, 30, 60)  # seconds: the best objective found by then
GAPS = (0.01, 0.005)  # the first moment the printed gap (against the bound known then) is within


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# ---- one instance, in the child --------------------------------------------------------------


def scenario_path(spec: dict[str, Any], folder: Path) -> Path:
    if spec["kind"] == "scenario":
        return Path(spec["path"])
    from rotasched.generate import preset, write_scenario

    # A preset's spec for the seed, written out as YAML + CSV.
    return write_scenario(preset(spec["name"], seed=spec["seed"]), folder, spec["name"])


def run_one(spec: dict[str, Any], folder: Path) -> dict[str, Any]:
    from rotasched import build_calendar, load_scenario
    from rotasched.baseline import baseline
    from rotasched.check import check, check_dir
    from rotasched.export import export_plan
    from rotasched.problem import prepare
    from rotasched.solver import Progress, SolveOptions, solve

    out: dict[str, Any] = {"load_start": os.getloadavg()[0]}
    t0 = time.perf_counter()
    path = scenario_path(spec, folder)
    out["t_generate"] = time.perf_counter() - t0 if spec["kind"] == "preset" else None
    t0 = time.perf_counter()
    scenario = load_scenario(path)
    problem = prepare(scenario, build_calendar(scenario))
    out["t_load"] = time.perf_counter() - t0
    p = problem
    out["size"] = {
        "orgs": len(p.orgs), "persons": len(p.persons), "centres": len(p.centres),
        "rooms": len(p.rooms), "series": len(p.series), "occurrences": len(p.occurrences),
        "pairs": len({link.pair for link in p.links.values()}), "visits": len(p.visits),
    }  # fmt: skip
    out["weights"] = dict(p.weights)

    t0 = time.perf_counter()
    hand = baseline(problem)
    out["hand"] = {
        "time": time.perf_counter() - t0,  # planning and its own check
        "status": hand.status,
        "objective": hand.objective,
        "terms": hand.terms_value,
        "violations": len(check(problem, hand)) if hand.has_schedule else None,
        "unplaced": len(hand.explanation) if not hand.has_schedule else 0,
        "why": list(hand.explanation[:3]),
    }
    note(f"  by hand: {hand.status}, objective {hand.objective} in {out['hand']['time']:.2f} s")

    def progress(point: Progress) -> None:
        note(f"    {point.seconds:7.1f} s  objective {point.objective:,.0f}  gap {point.gap:.2%}")

    # As `rotasched plan` does: planning by parts starts from the by-hand plan.
    from rotasched.solver import by_parts

    options = SolveOptions(
        reference=hand if hand.has_schedule and by_parts(problem) else None,
        seed=spec["seed"],
        work_limit=spec["work"] if spec["work"] is not None else float("inf"),
        time_limit=spec["time_limit"],
        on_solution=progress,
    )
    solved = solve(problem, options)
    plan, stats = solved.plan, solved.stats
    line = stats.timeline
    out["solve"] = {
        "status": plan.status,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "terms": plan.terms_value,
        "why": list(plan.explanation[:3]),
        "build": stats.build_time,
        "presolve": stats.presolve_time,
        "first": stats.first_solution_time,
        "best": line[-1].seconds if line else None,
        "wall": stats.wall_time,
        "work": stats.deterministic_time,
        "variables": stats.variables,
        "constraints": stats.constraints,
        "solutions": len(line),
        "by": {t: min((x.objective for x in line if x.seconds <= t), default=None)
               for t in CHECKPOINTS},
        "within": {g: min((x.seconds for x in line if x.bound > 0 and x.gap <= g), default=None)
                   for g in GAPS},
    }  # fmt: skip
    if plan.has_schedule:
        out["solve"]["violations"] = len(check(problem, plan))
        t0 = time.perf_counter()
        outdir = export_plan(plan, problem, folder / "plan")
        out["solve"]["export"] = time.perf_counter() - t0
        out["solve"]["violations_written"] = len(check_dir(outdir, problem))
    out["peak_mb"] = peak_mb()
    out["load_end"] = os.getloadavg()[0]
    return out


def child(spec: dict[str, Any]) -> int:
    with tempfile.TemporaryDirectory(prefix="rotasched-bench-") as tmp:
        try:
            result = run_one(spec, Path(tmp))
        except Exception as exc:  # the row says what failed; the traceback goes to stderr
            traceback.print_exc()
            result = {"error": f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:300]}
    print(json.dumps(result, ensure_ascii=False, default=str))
    return 0


# ---- the table -------------------------------------------------------------------------------


def _n(x: Any, kind: str = "") -> str:
    if x is None:
        return "-"
    if kind == "s":
        return f"{x:.2f}"
    if kind == "%":
        return f"{x:.2%}"
    return f"{x:,.0f}" if isinstance(x, int | float) else str(x)


def _plan_cell(s: dict[str, Any], key: str, kind: str = "") -> str:
    if s.get("objective") is None:
        return "no plan" if key == "objective" else "-"
    return _n(s.get(key), kind)


def _gain(r: dict[str, Any]) -> str:
    hand, opt = r["hand"].get("objective"), r["solve"].get("objective")
    if hand is None or opt is None:
        return "-"
    return f"{(opt - hand) / max(abs(hand), 1):+.1%}"


ROWS: list[tuple[str, Any]] = [
    ("organisations / secretaries", lambda r: f"{r['size']['orgs']:,} / {r['size']['persons']:,}"),
    ("centres / rooms", lambda r: f"{r['size']['centres']} / {r['size']['rooms']}"),
    ("series / occurrences", lambda r: f"{r['size']['series']} / {r['size']['occurrences']:,}"),
    ("pairs / visits", lambda r: f"{r['size']['pairs']} / {r['size']['visits']:,}"),
    ("load average at start", lambda r: f"{r['load_start']:.2f}"),
    ("generate (s)", lambda r: _n(r["t_generate"], "s")),
    ("load + prepare (s)", lambda r: _n(r["t_load"], "s")),
    ("**by hand**: time (s)", lambda r: _n(r["hand"]["time"], "s")),
    ("by hand: status", lambda r: r["hand"]["status"]
     + (f" ({r['hand']['unplaced']} unplaced)" if r["hand"]["unplaced"] else "")),
    ("by hand: objective", lambda r: _n(r["hand"]["objective"])),
    ("by hand: checker violations", lambda r: _n(r["hand"]["violations"])),
    ("**optimiser**: CP-SAT variables / constraints",
     lambda r: f"{r['solve']['variables']:,} / {r['solve']['constraints']:,}"),
    ("model build (s)", lambda r: _n(r["solve"]["build"], "s")),
    ("presolve done at (s)", lambda r: _n(r["solve"]["presolve"], "s")),
    ("first plan at (s)", lambda r: _n(r["solve"]["first"], "s")),
    ("best plan found at (s)", lambda r: _n(r["solve"]["best"], "s")),
    ("solve returned at (s)", lambda r: _n(r["solve"]["wall"], "s")),
    ("deterministic work", lambda r: f"{r['solve']['work']:.1f}"),
    ("solutions found", lambda r: _n(r["solve"]["solutions"])),
    *[(f"best objective by {t} s", lambda r, t=t: _n(r["solve"]["by"][str(t)]))
      for t in CHECKPOINTS],
    *[(f"gap within {g:.1%} at (s)", lambda r, g=g: _n(r["solve"].get("within", {}).get(str(g)), "s"))
      for g in GAPS],
    ("status", lambda r: r["solve"]["status"]),
    ("objective", lambda r: _plan_cell(r["solve"], "objective")),
    ("bound", lambda r: _plan_cell(r["solve"], "bound")),
    ("gap", lambda r: _plan_cell(r["solve"], "gap", "%")),
    ("objective against by hand", _gain),
    ("export_plan (s)", lambda r: _n(r["solve"].get("export"), "s")),
    ("checker violations (memory / tables)", lambda r: f"{_n(r['solve'].get('violations'))} / "
     f"{_n(r['solve'].get('violations_written'))}"),
    ("peak RSS (MB)", lambda r: _n(r["peak_mb"])),
]  # fmt: skip


def table(head: list[str], body: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


NOTE = (
    "Times of the optimiser are seconds from the start of `solve()` (model build included); "
    'its final plan is the one checked. "by hand" is `rotasched.baseline` (its time includes '
    'its own check). "objective against by hand": the optimiser\'s objective relative to '
    "the baseline's, both measured by the checker's soft terms and the scenario's weights."
)


def report(results: list[dict[str, Any]]) -> str:
    body = []
    for label, cell in ROWS:
        row = [label]
        for r in results:
            if "error" in r:
                row.append("failed" if label == ROWS[0][0] else "-")
            else:
                row.append(cell(r))
        body.append(row)
    failed = [f"- {r['label']}: {r['error']}" for r in results if "error" in r]
    nothing = [
        f"- {r['label']}: no plan in the budget ({r['solve']['status']}): "
        + " ".join(r["solve"]["why"])[:200]
        for r in results
        if "error" not in r and r["solve"]["objective"] is None
    ]
    out = [table(["figure", *[r["label"] for r in results]], body), "", NOTE, *failed, *nothing]
    return "\n".join(out) + "\n\n" + terms_table(results)


def terms_table(results: list[dict[str, Any]]) -> str:
    """Each soft term, by hand and optimised, with its weight: where the gain comes from."""
    done = [r for r in results if "error" not in r]
    names: list[str] = []
    for r in done:
        for side in ("hand", "solve"):
            names += [k for k, v in (r[side]["terms"] or {}).items() if v and k not in names]
    head = ["soft term", "weight"]
    for r in done:
        head += [f"{r['label']} by hand", f"{r['label']} optimised"]
    body = []
    for name in names:
        weights = dict.fromkeys(_n(r["weights"].get(name)) for r in done)
        row = [f"`{name}`", " / ".join(weights)]
        for r in done:
            row += [_n(r["hand"]["terms"].get(name)), _n((r["solve"]["terms"] or {}).get(name))]
        body.append(row)
    return table(head, body)


# ---- the parent: one child per instance ------------------------------------------------------


def instances(args: argparse.Namespace) -> list[dict[str, Any]]:
    items = [x for x in (args.instances or "").split(",") if x]
    items += args.scenario + [f"preset:{x}" for x in args.preset]
    out = []
    for item in items or BUNDLED:
        name = item.removeprefix("preset:")
        if item.startswith("preset:") or not (
            item.endswith((".yaml", ".yml")) or Path(item).exists()
        ):
            out.append(
                {"kind": "preset", "name": name, "label": f"{name} (preset, seed {args.seed})"}
            )
        else:
            path = Path(item).resolve()
            out.append({"kind": "scenario", "path": str(path), "label": path.stem})
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--instances", help="comma-separated scenario paths and preset names "
                    "(default: the bundled park, district and city)")  # fmt: skip
    ap.add_argument("--scenario", action="append", default=[], metavar="PATH")
    ap.add_argument("--preset", action="append", default=[], metavar="NAME",
                    help="a rotasched.generate preset (park, district, city)")  # fmt: skip
    ap.add_argument("--seed", type=int, default=0, help="generator and solver seed")
    ap.add_argument("--time-limit", type=float, default=120.0, help="wall seconds per solve")
    ap.add_argument("--work", type=float, default=None,
                    help="CP-SAT deterministic work cap as well (default: none)")  # fmt: skip
    ap.add_argument("--out", type=Path, help="append the tables to this Markdown file")
    ap.add_argument("--json", type=Path, help="write every figure as JSON here")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # internal: one instance, JSON out
    args = ap.parse_args(argv)
    return args


def _source() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    return done.stdout.strip() or "?"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child(json.loads(args.child))
    from importlib.metadata import version

    results = []
    head = (
        f"`bench.py --time-limit {args.time_limit:g}"
        + (f" --work {args.work:g}" if args.work is not None else "")
        + f" --seed {args.seed}`, {date.today()}, source `{_source()}`, OR-Tools "
        f"{version('ortools')}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min) at start"
    )
    note(head)
    for spec in instances(args):
        spec.update(seed=args.seed, work=args.work, time_limit=args.time_limit)
        note(f"== {spec['label']}")
        cmd = [sys.executable, __file__, "--child", json.dumps(spec)]
        budget = 3 * args.time_limit + 900  # build, presolve overrun, export: generous
        try:
            done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=budget)
            lines = done.stdout.strip().splitlines()
            result = json.loads(lines[-1]) if lines else {"error": f"exit {done.returncode}"}
        except subprocess.TimeoutExpired:
            result = {"error": f"no answer within {budget:g} s"}
        except json.JSONDecodeError:
            result = {"error": f"unreadable output, exit {done.returncode}"}
        result["label"] = spec["label"]
        results.append(result)
    head += f"; {' / '.join(f'{x:.2f}' for x in os.getloadavg())} at the end"
    text = head + ".\n\n" + report(results) + "\n"
    print()
    print(text)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write("\n" + text)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
