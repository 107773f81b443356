"""Start the search from a reference plan (the published one, say): a hint, not a constraint.

Where the reference no longer fits (a day outside the new domain, a host no longer in the
pool) CP-SAT repairs the hint; events the reference does not know are left to the search.
"""

from __future__ import annotations

from ..plan import Plan
from .base import BoolVar, Model


def _choose(m: Model, lits: dict[str, BoolVar], chosen: str) -> None:
    for key, lit in lits.items():
        m.cp.add_hint(lit, key == chosen)


def add_hint(m: Model, plan: Plan) -> None:
    p = m.problem
    for occ in plan.occurrences:
        if occ.id not in m.day:
            continue
        m.cp.add_hint(m.day[occ.id], p.index(occ.date))
        m.cp.add_hint(m.placed[occ.id], True)
        _choose(m, m.host[occ.id], occ.host)
        if occ.id in m.room:
            _choose(m, m.room[occ.id], f"{occ.centre}:{occ.room}" if occ.venue == "centre" else "")
            _choose(m, m.own[occ.id], occ.host if occ.venue == "own" else "")
    for term in plan.terms:
        series = p.series.get(term.series)
        lits = m.executive.get((term.series, term.term))
        # Per-occurrence terms share the host's literals, hinted above: never hint twice.
        if series is not None and series.term_kind != "occurrence" and lits is not None:
            _choose(m, lits, term.executive_org)
    for visit in plan.visits:
        if visit.id in m.day:
            m.cp.add_hint(m.day[visit.id], p.index(visit.date))
            m.cp.add_hint(m.placed[visit.id], True)
            _choose(m, m.host[visit.id], visit.host)
