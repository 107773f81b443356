#!/usr/bin/env python3
"""Time to the explanation when a generated city has no plan: prints figures, asserts nothing.

    .venv/bin/python benchmarks/explain.py                          # city, seed 0, every kind
    .venv/bin/python benchmarks/explain.py --kind twinning --kind rooms
    .venv/bin/python benchmarks/explain.py --preset district --time-limit 30

The preset (`rotasched.generate`) is written into a temporary folder and made infeasible by a
what-if variant file beside it (`rotasched.whatif`), one per kind, each found in the data:

    twinning  the first pair wants three visits a month, at least 15 days apart (the issue's)
    rooms     the series that fits the fewest rooms is held monthly, and all of those rooms
              are closed in the horizon's fifth month
    crowded   as rooms, and five monthly series need those rooms too (own rooms not allowed);
              one of them opens on the month's last two working days
    clash     a pair's visit is pinned onto the fixed day and hours of an activity one of its
              members attends (neither counting nor the twinning alone shows it: the whole
              model does)

Each kind is planned twice, one after the other (never two solves at once): `rotasched plan
VARIANT -o OUT --time-limit T` in a child process, as a user runs it (its wall time, exit code
and the explanation it prints), then the same steps in another child that times each: load and
prepare, the by-hand plan the search starts from, the model build, the main solve until it
says INFEASIBLE (the end of its CP-SAT log; none when counting proves it first), and the
explanation; then where the explanation's core was found, replayed with the time of each try
(counting over-booked rooms, the twinning alone, the whole model). The two explanations must be the same text (same scenario and
seed); the report says whether they are. Both children run the rotasched that Python finds
(PYTHONPATH first): point it at another checkout's src to measure that code, where the replay
is left out if it has no explain_parts. Wall-clock figures depend on the machine's load,
printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

KINDS = ("twinning", "rooms", "crowded", "clash")


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---- the variants ----------------------------------------------------------------------------


def write_variants(base: Path, kinds: list[str]) -> dict[str, Path]:
    """One variant file per kind, in base's folder/variants; changes found in the data."""
    from rotasched import build_calendar, load_scenario
    from rotasched.problem import prepare

    scenario = load_scenario(base)
    p = prepare(scenario, build_calendar(scenario))
    first = p.start.replace(day=1)
    for _ in range(4):  # the horizon's fifth month
        first = (first + timedelta(days=31)).replace(day=1)
    last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    folder = base.parent / "variants"
    folder.mkdir(exist_ok=True)
    out = {}
    for kind in kinds:
        name, changes = CHANGES[kind](scenario, p, first, last)
        data = {"name": name, "base": f"../{base.name}", "changes": changes}
        out[kind] = folder / f"{kind}.yaml"
        out[kind].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return out


def _twinning(scenario: Any, p: Any, first: date, last: date) -> tuple[str, list[Any]]:
    pair = scenario.twinning[0].id
    where = f"twinning[id={pair}]"
    return f"{pair} 每月互访 3 次", [
        {"set": {f"{where}.visits": 3, f"{where}.per": "month", f"{where}.min_gap_days": 15}}
    ]


def _scarce(p: Any) -> tuple[str, Any]:
    """The series whose activities fit the fewest rooms, and one of its activities."""
    occ = min(
        (o for o in p.occurrences.values() if o.needs_room and o.rooms),
        key=lambda o: (len(o.rooms), o.series, o.id),
    )
    return occ.series, occ


def _closures(p: Any, keys: list[str], first: date, last: date, open_from: date | None) -> list:
    out = []
    for key in sorted(keys):
        room = p.rooms[key]
        end = last if open_from is None or key != min(keys) else open_from - timedelta(days=1)
        close = {"centre": room.centre, "rooms": [room.room], "start": first, "end": end}
        out.append({"close": close | {"reason": "设备检修"}})
    return out


def _rooms(scenario: Any, p: Any, first: date, last: date) -> tuple[str, list[Any]]:
    sid, occ = _scarce(p)
    changes: list[Any] = [{"set": {f"series[id={sid}].cadence": "monthly"}}]
    return f"{sid} 每月一次，{first:%Y-%m} 可用场地全部关闭", changes + _closures(
        p, list(occ.rooms), first, last, None
    )


def _crowded(scenario: Any, p: Any, first: date, last: date) -> tuple[str, list[Any]]:
    sid, occ = _scarce(p)
    need = {"capacity": occ.capacity, "equipment": sorted(occ.equipment), "own_room": False}
    others = sorted(
        {o.series for o in p.occurrences.values() if o.needs_room and o.series != sid}
        & {s.id for s in scenario.series if s.cadence.kind == "monthly"}
    )[:5]
    workdays = sorted(d for d in map(p.day, p.workdays) if first <= d <= last)
    changes: list[Any] = [
        {"set": {f"series[id={sid}].cadence": "monthly"}},
        {"set": {f"series[id={s}].room": need for s in others}},
    ]
    name = f"{sid} 与 {len(others)} 个系列同用 {len(occ.rooms)} 间场地，{first:%Y-%m} 只开 2 天"
    return name, changes + _closures(p, list(occ.rooms), first, last, workdays[-2])


def _clash(scenario: Any, p: Any, first: date, last: date) -> tuple[str, list[Any]]:
    for vid, v in sorted(p.visits.items()):
        for oid, o in sorted(p.occurrences.items()):
            if (
                o.preferred in v.candidates
                and v.start < o.end
                and o.start < v.end
                and set(v.orgs) & set(o.participants)
                and len(o.candidates) > 1
            ):
                day = p.day(o.preferred)
                return f"{vid} 定在 {day}，与 {oid} 同时", [
                    {"set": {f"series[id={o.series}].flexible": False}},
                    {"add": {"to": "pins", "records": [{"event": vid, "date": day}]}},
                ]
    raise SystemExit("no visit and activity that could clash")


CHANGES = {"twinning": _twinning, "rooms": _rooms, "crowded": _crowded, "clash": _clash}


# ---- one kind, in a child --------------------------------------------------------------------


def run_kind(spec: dict[str, Any]) -> dict[str, Any]:
    from rotasched import build_calendar
    from rotasched.baseline import baseline
    from rotasched.problem import prepare
    from rotasched.solver import SolveOptions, solve
    from rotasched.whatif import load_variant_scenario

    out: dict[str, Any] = {"load_start": os.getloadavg()[0]}
    t0 = time.perf_counter()
    scenario = load_variant_scenario(Path(spec["variant"]))
    problem = prepare(scenario, build_calendar(scenario))
    t1 = time.perf_counter()
    hand = baseline(problem)
    t2 = time.perf_counter()
    logged: list[float] = []
    options = SolveOptions(
        seed=spec["seed"],
        time_limit=spec["time_limit"],
        reference=hand if hand.has_schedule else None,
        log=lambda _: logged.append(time.perf_counter()),
    )
    solved = solve(problem, options)
    t3 = time.perf_counter()
    # No CP-SAT log: counting proved it before any search (solver.solve), after the build.
    main_end = logged[-1] if logged else t2 + solved.stats.build_time
    out.update(
        status=solved.plan.status,
        explanation=list(solved.plan.explanation),
        load=t1 - t0,
        baseline=t2 - t1,
        build=solved.stats.build_time,
        # presolve and search until INFEASIBLE; None: no search
        main=main_end - t2 - solved.stats.build_time if logged else None,
        explain=t3 - main_end,
        to_explanation=t3 - t0,
    )
    if solved.plan.status == "infeasible":
        out["tries"] = replay(problem, options)
    return out


def replay(problem: Any, options: Any) -> list[dict[str, Any]] | None:
    """Where the core was found, with each try's time: explain.core_events step by step."""
    try:
        from rotasched.solver import build
        from rotasched.solver import explain as ex
        from rotasched.solver.explain_parts import counted_core, twinning_alone
    except ImportError:  # a checkout from before them
        return None
    t0 = time.perf_counter()
    core: list[str] | None = counted_core(problem, options.off)
    tries = [{"try": "counting rooms", "found": core or None, "s": time.perf_counter() - t0}]
    if core:
        return tries
    t0 = time.perf_counter()
    twinning = twinning_alone(problem)
    if twinning is not None:
        m = ex._built(twinning, options)
        core = ex._core(m.cp, m.placed, options, proven=False)
        tries.append({"try": "twinning alone", "events": len(m.placed), "found": core,
                      "s": time.perf_counter() - t0})  # fmt: skip
        if core is not None:
            return tries
    m, _ = build(problem, options.off)  # the plan's model, as solve() has it at hand
    t0 = time.perf_counter()
    core = ex._core(ex._as_explanation(m), m.placed, options, proven=True)
    tries.append({"try": "whole (the plan's model)", "events": len(m.placed), "found": core,
                  "s": time.perf_counter() - t0})  # fmt: skip
    return tries


def run_cli(spec: dict[str, Any], outdir: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "rotasched", "plan", spec["variant"], "-o", str(outdir)]
    cmd += ["--seed", str(spec["seed"]), "--time-limit", f"{spec['time_limit']:g}"]
    cmd += ["--no-progress"]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return {
        "wall": time.perf_counter() - t0,
        "exit": done.returncode,
        "said": done.stderr.strip().splitlines(),
    }


# ---- the parent ------------------------------------------------------------------------------


def _s(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def report(kind: str, name: str, cli: dict[str, Any], r: dict[str, Any]) -> str:
    lines = [f"### {kind}: {name}", ""]
    if "error" in r:
        return "\n".join([*lines, f"child failed: {r['error']}", ""])
    rows = [
        ("`rotasched plan` wall time, exit code", f"{_s(cli['wall'])} s, exit {cli['exit']}"),
        ("load average at start", f"{r['load_start']:.2f}"),
        ("load + prepare", f"{_s(r['load'])} s"),
        ("by-hand plan (the search's hint)", f"{_s(r['baseline'])} s"),
        ("model build", f"{_s(r['build'])} s"),
        ("main solve until it says INFEASIBLE",
         f"{_s(r['main'])} s ({r['status']})" if r["main"] is not None
         else f"none: counting proved it ({r['status']})"),
        ("**explanation**", f"**{_s(r['explain'])} s**"),
        ("load to explanation, in process", f"{_s(r['to_explanation'])} s"),
    ]
    for t in r.get("tries") or []:
        what = "no core" if t["found"] is None else ", ".join(t["found"])
        size = f", {t['events']:,} events" if "events" in t else ""
        rows.append((f"replay: {t['try']}{size}", f"{_s(t['s'])} s → {what}"))
    same = r["explanation"] == cli["said"]
    rows.append(("CLI and in-process explanations the same text", "yes" if same else "**no**"))
    lines += ["| figure | value |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows), ""]
    lines += ["```", *r["explanation"], "```", ""]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="city", help="a rotasched.generate preset")
    ap.add_argument("--seed", type=int, default=0, help="generator and solver seed")
    ap.add_argument("--kind", action="append", choices=KINDS, help="default: every kind")
    ap.add_argument("--time-limit", type=float, default=60.0, help="wall seconds per plan")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # internal: one kind, JSON out
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(run_kind(json.loads(args.child)), ensure_ascii=False, default=str))
        return 0
    from importlib.metadata import version

    import rotasched
    from rotasched.generate import preset, write_scenario

    kinds = args.kind or list(KINDS)
    note(f"rotasched from {Path(rotasched.__file__).parent}")
    head = (
        f"`explain.py --preset {args.preset} --seed {args.seed} --time-limit "
        f"{args.time_limit:g}`, {date.today()}, OR-Tools {version('ortools')}, Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min) at start"
    )
    sections = []
    with tempfile.TemporaryDirectory(prefix="rotasched-explain-") as tmp:
        base = write_scenario(preset(args.preset, seed=args.seed), Path(tmp), args.preset)
        variants = write_variants(base, kinds)
        for kind in kinds:
            name = yaml.safe_load(variants[kind].read_text("utf-8"))["name"]
            note(f"== {kind}: {name}")
            spec = {"variant": str(variants[kind]), "seed": args.seed,
                    "time_limit": args.time_limit}  # fmt: skip
            cli = run_cli(spec, Path(tmp) / f"out-{kind}")
            note(f"  rotasched plan: {cli['wall']:.2f} s, exit {cli['exit']}")
            done = subprocess.run(
                [sys.executable, __file__, "--child", json.dumps(spec)],
                stdout=subprocess.PIPE,
                text=True,
                check=False,
            )
            lines = done.stdout.strip().splitlines()
            result = json.loads(lines[-1]) if lines else {"error": f"exit {done.returncode}"}
            note(f"  explanation: {_s(result.get('explain'))} s")
            sections.append(report(kind, name, cli, result))
    head += f"; {' / '.join(f'{x:.2f}' for x in os.getloadavg())} at the end"
    print(head + ".\n\n" + "\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
