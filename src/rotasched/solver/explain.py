"""Say in plain words why no plan exists, naming the rooms, months, series and pairs involved.

The model is built again with "this event is placed" as an assumption per occurrence and per
visit, solved without objective on one worker, and CP-SAT's sufficient assumptions give a
small set of events that cannot all be placed. That set is then described from the data:
the rooms it contests are counted whole (every activity that must take them, against the slots
they offer), with only the changes that would give them more slots.

This module holds the entry points (`explain_static`, `explain_infeasible`, `core_events`)
and the lines about pairs and hosts. Over-booked rooms take most of the work and live apart
so that each module stays small: explain_rooms.py says what is wrong with them and what would
help, explain_count.py counts their activities and slots.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from ..problem import Problem
from ..words import say
from .explain_rooms import _event_name, _rooms

if TYPE_CHECKING:
    from . import SolveOptions


def explain_static(p: Problem, found: list[tuple[str, str]]) -> tuple[str, ...]:
    """Events that cannot be placed even alone: no candidate day, or no room fits."""
    lang = p.locale
    out = []
    for event_id, reason in sorted(set(found)):
        name = _event_name(p, event_id)
        if reason == "no_room":
            occ = p.occurrences[event_id]
            out.append(
                say(
                    lang,
                    "explain.no_room",
                    name=name,
                    need=occ.capacity,
                    eq="、".join(sorted(occ.equipment)) or "-",
                    a=f"{occ.start // 60:02d}:{occ.start % 60:02d}",
                    b=f"{occ.end // 60:02d}:{occ.end % 60:02d}",
                )
            )
        elif event_id in p.visits:
            visit = p.visits[event_id]
            out.append(
                say(
                    lang,
                    "explain.no_day_for_visit",
                    name=name,
                    a=p.day(visit.first_day),
                    b=p.day(visit.last_day),
                )
            )
        else:
            occ = p.occurrences[event_id]
            out.append(
                say(
                    lang,
                    "explain.no_day_for_rule",
                    name=name,
                    a=p.day(occ.first_day),
                    b=p.day(occ.last_day),
                )
            )
    return tuple(out)


def core_events(p: Problem, options: SolveOptions) -> list[str] | None:
    """A set of events that cannot all be placed, or None if none was found in the budget."""
    from . import build

    m, _ = build(p, explain=True)
    ids = sorted(m.placed)
    lits = [m.placed[i] for i in ids]
    m.cp.add_assumptions(lits)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # core extraction is a single-worker feature
    solver.parameters.random_seed = options.seed
    solver.parameters.max_deterministic_time = options.work_limit
    solver.parameters.cp_model_probing_level = 0  # see solver.configure
    status = solver.solve(m.cp)
    if status != cp_model.INFEASIBLE:
        return None
    by_index = {lit.index: event_id for lit, event_id in zip(lits, ids, strict=True)}
    return sorted(by_index[i] for i in solver.sufficient_assumptions_for_infeasibility())


def explain_infeasible(p: Problem, options: SolveOptions) -> tuple[str, ...]:
    lang = p.locale
    core = core_events(p, options)
    if core is None:
        return (
            say(
                lang,
                "explain.no_core",
            ),
        )
    lines = [
        say(
            lang,
            "explain.no_plan",
            n=len(core),
        )
    ]
    lines += _rooms(p, [e for e in core if e in p.occurrences and p.occurrences[e].rooms])
    lines += _pairs(p, [e for e in core if e in p.visits])
    lines += _hosts(p, [e for e in core if e in p.occurrences])
    lines += [
        say(lang, f"explain.pinned.{p.pins[e].why}", name=_event_name(p, e))
        for e in core
        if e in p.pins
    ]
    lines.append(
        say(
            lang,
            "explain.involved",
            names="；".join(_event_name(p, e) for e in core),
        )
    )
    return tuple(lines)


def _pairs(p: Problem, visit_ids: list[str]) -> list[str]:
    lang = p.locale
    by_link: dict[str, list[str]] = defaultdict(list)
    for v in visit_ids:
        by_link[p.visits[v].link].append(v)
    out = []
    for link_id, ids in sorted(by_link.items()):
        link = p.links[link_id]
        days = sorted(set().union(*(set(p.visits[v].candidates) for v in ids)))
        out.append(
            say(
                lang,
                "explain.pair_too_tight",
                name=link.name,
                n=len(ids),
                gap=link.gap,
                k=len(days),
                a=p.day(days[0]) if days else "-",
                b=p.day(days[-1]) if days else "-",
            )
        )
    return out


def _hosts(p: Problem, occ_ids: list[str]) -> list[str]:
    lang = p.locale
    by_series: dict[str, list[str]] = defaultdict(list)
    for o in occ_ids:
        by_series[p.occurrences[o].series].append(o)
    out = []
    for sid, ids in sorted(by_series.items()):
        series = p.series[sid]
        free = {d for o in series.pool for d in p.orgs[o].available}
        days = sorted({d for i in ids for d in p.occurrences[i].candidates} & free)
        out.append(
            say(
                lang,
                "explain.series_hosts",
                name=series.name,
                n=len(ids),
                k=len(series.pool),
                d=len(days),
            )
        )
    return out
