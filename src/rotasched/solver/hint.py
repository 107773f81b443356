"""Start the search from a reference plan (the published one, say): a hint, not a constraint.

Where the reference no longer fits (a day outside the new domain, a host no longer in the
pool) CP-SAT repairs the hint; events the reference does not know are left to the search.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..plan import Plan
from .base import BoolVar, Model


def hint_values(m: Model, plan: Plan) -> dict[int, int]:
    """The plan as values of the model's decision variables, by variable index."""
    p = m.problem
    out: dict[int, int] = {}

    def choose(lits: dict[str, BoolVar], chosen: str) -> None:
        for key, lit in lits.items():
            out[lit.index] = int(key == chosen)

    for occ in plan.occurrences:
        if occ.id not in m.day:
            continue
        out[m.day[occ.id].index] = p.index(occ.date)
        out[m.placed[occ.id].index] = 1
        choose(m.host[occ.id], occ.host)
        if occ.id in m.room:
            choose(m.room[occ.id], f"{occ.centre}:{occ.room}" if occ.venue == "centre" else "")
            choose(m.own[occ.id], occ.host if occ.venue == "own" else "")
    for term in plan.terms:
        series = p.series.get(term.series)
        lits = m.executive.get((term.series, term.term))
        # Per-occurrence terms share the host's literals, hinted above: never hint twice.
        if series is not None and series.term_kind != "occurrence" and lits is not None:
            choose(lits, term.executive_org)
        duty = m.duty.get((term.series, term.term))
        if duty is not None and term.group:
            choose(duty, term.executive_org)
    for visit in plan.visits:
        if visit.id in m.day:
            out[m.day[visit.id].index] = p.index(visit.date)
            out[m.placed[visit.id].index] = 1
            choose(m.host[visit.id], visit.host)
    return out


def set_hint(cp: cp_model.CpModel, values: dict[int, int]) -> None:
    """The model's hint is `values` (by variable index), whatever it was before."""
    cp.clear_hints()
    hint = cp.proto.solution_hint
    for index, value in sorted(values.items()):
        hint.vars.append(index)
        hint.values.append(value)


def add_hint(m: Model, plan: Plan) -> None:
    set_hint(m.cp, hint_values(m, plan))
