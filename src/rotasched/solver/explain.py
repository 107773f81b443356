"""Say in plain words why no plan exists, naming the rooms, months, series and pairs involved.

First a small set of events that cannot all be placed (a core). Where it is cheap it is found
first (explain_parts.py): activities that counting alone shows their rooms cannot take, then
the twinning alone, in milliseconds or a fraction of a second at city size. Otherwise the
whole problem's model is taken with "this event is placed" as an assumption per occurrence
and per visit (the plan's own model, reused rather than built again), solved without
objective on one worker, and CP-SAT's sufficient assumptions are the core. That set is then
described from the data: the rooms it contests are counted whole (every activity that must
take them, against the slots they offer), with only the changes that would give them more
slots.

This module holds the entry points (`explain_static`, `explain_infeasible`, `core_events`)
and the lines about pairs and hosts. Over-booked rooms take most of the work and live apart
so that each module stays small: explain_rooms.py says what is wrong with them and what would
help, explain_count.py counts their activities and slots.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model, cp_model_helper

from ..problem import Problem
from ..words import say
from .base import Model, fixed_copy, search
from .explain_parts import counted_core, twinning_alone
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


def core_events(p: Problem, options: SolveOptions, model: Model | None = None) -> list[str] | None:
    """A set of events that cannot all be placed, or None if none was found in the budget.

    Looked for where it is cheap first (explain_parts.py: counting over-booked rooms, then the
    twinning alone; a core found there is a core of the whole), then in the whole problem:
    in `model`, the plan's own model of it, if given (saves building it again: a second at
    city size), else in one built for the explanation.
    """
    counted = counted_core(p, options.off)
    if counted:
        return counted
    twinning = twinning_alone(p)
    if twinning is not None:
        m = _built(twinning, options)
        core = _core(m.cp, m.placed, options, proven=False)
        if core is not None:
            return core
    if model is None:
        model = _built(p, options)
        return _core(model.cp, model.placed, options, proven=True)
    return _core(_as_explanation(model), model.placed, options, proven=True)


def _built(p: Problem, options: SolveOptions) -> Model:
    """The explanation's model of `p`: every hard rule, placement free, no soft term."""
    from . import build

    return build(p, options.off, explain=True)[0]


def _as_explanation(m: Model) -> cp_model.CpModel:
    """A copy of the plan's model `m` that is the explanation's: the hard rules, but no
    "this event happens" (its placement is assumed instead) and a pin only where its event is
    placed, with no soft term, objective or hint."""
    cp = m.cp.clone()
    proto = cp.proto
    proto.clear_objective()
    proto.clear_solution_hint()
    nothing = cp_model_helper.ConstraintProto()  # an empty constraint binds nothing
    for i in [*m.musts, *range(m.soft_from, len(proto.constraints))]:
        proto.constraints[i].copy_from(nothing)
    for i, event in m.if_placed:
        proto.constraints[i].enforcement_literal.append(m.placed[event].index)
    return cp


def _core(
    cp: cp_model.CpModel, placed: dict[str, cp_model.IntVar], options: SolveOptions, proven: bool
) -> list[str] | None:
    """A core of the model's events (`placed`: each one's placement), or None: not proven to
    have no plan (by a presolve with every event placed, unless `proven`), or no core found in
    the budget."""
    if options.stop is not None and options.stop.requested:
        return None  # stopped (Ctrl-C): CP-SAT may still finish a search stopped as it starts
    ids = sorted(placed)
    lits = [placed[i] for i in ids]
    if not proven and not _presolve_finds_no_plan(cp, lits, options):
        return None
    cp.add_assumptions(lits)
    solver = _solver(options)
    status = search(solver, cp, options.stop)
    if status != cp_model.INFEASIBLE:
        return None
    by_index = {lit.index: event_id for lit, event_id in zip(lits, ids, strict=True)}
    core = sorted(by_index[i] for i in solver.sufficient_assumptions_for_infeasibility())
    return core or None  # none: no plan even with no event placed, which names nothing


def _presolve_finds_no_plan(
    cp: cp_model.CpModel, lits: list[cp_model.IntVar], options: SolveOptions
) -> bool:
    """Does presolve alone, every event placed, show there is no plan? It never searches, so it
    is quick either way (the city's twinning: 0.2 s)."""
    every = fixed_copy(cp, {lit.index: 1 for lit in lits})
    solver = _solver(options)
    solver.parameters.stop_after_presolve = True
    solver.parameters.symmetry_level = 0  # no search follows: the symmetries would go unused
    return search(solver, every, options.stop) == cp_model.INFEASIBLE


def _solver(options: SolveOptions) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = 1  # core extraction is a single-worker feature
    params.random_seed = options.seed
    params.max_deterministic_time = options.work_limit
    if options.time_limit is not None:  # the caller's wall-clock cap holds here too
        params.max_time_in_seconds = options.time_limit
    params.cp_model_probing_level = 0  # see solver.configure
    # One presolve pass, not three: the same cores on the city's infeasible variants, and the
    # whole model's explanation solve about twice as fast (measured for benchmarks/RESULTS.md).
    params.max_presolve_iterations = 1
    return solver


def explain_infeasible(
    p: Problem, options: SolveOptions, model: Model | None = None
) -> tuple[str, ...]:
    """Why `p` has no plan; `model`: the plan's model that found none, if at hand."""
    lang = p.locale
    core = core_events(p, options, model)
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
