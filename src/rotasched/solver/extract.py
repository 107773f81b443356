"""Read a solved model back into a solver-agnostic Plan."""

from __future__ import annotations

from datetime import time
from typing import Any

from ortools.sat.python import cp_model

from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Person, Problem, TermSpan
from .base import Model


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _chosen(solver: cp_model.CpSolver, lits: dict[str, Any]) -> str:
    return next((k for k, lit in sorted(lits.items()) if solver.boolean_value(lit)), "")


def extract(
    problem: Problem,
    m: Model,
    solver: cp_model.CpSolver,
    exprs: dict[str, cp_model.LinearExpr],
    seed: int,
    optimal: bool,
    info: dict[str, Any],
) -> Plan:
    p = problem
    occurrences = []
    for occ in p.occurrences.values():
        day = p.day(solver.value(m.day[occ.id]))
        host = _chosen(solver, m.host[occ.id])
        room = _chosen(solver, m.room.get(occ.id, {}))
        own = _chosen(solver, m.own.get(occ.id, {}))
        venue = "centre" if room else ("own" if own else "none")
        series = p.series[occ.series]
        co_host = next((s for s, w in series.strong_weak if w == host), "")
        occurrences.append(
            Occurrence(
                id=occ.id,
                series=occ.series,
                series_name=series.name,
                type=series.type,
                term=occ.term,
                date=day,
                start=_clock(occ.start),
                end=_clock(occ.end),
                host=host,
                co_host=co_host,
                venue=venue,  # type: ignore[arg-type]
                centre=p.rooms[room].centre if room else "",
                room=p.rooms[room].room if room else "",
                attendance=occ.attendance,
                participants=occ.participants,
            )
        )

    def term(rotation: str, span: TermSpan, lits: dict[str, Any], group: str = "") -> Term:
        org = _chosen(solver, lits)
        # No executive only when its rule is switched off: the checker says so.
        person = p.person_of(org) if org else Person("", "", "", ())
        return Term(
            series=rotation,
            term=span.label,
            start=p.day(span.first_day),
            end=p.day(span.last_day),
            executive_org=org,
            executive_secretary=person.key,
            executive_name=person.name,
            group=group,
        )

    terms = [
        term(s.id, t, m.executive[(s.id, t.label)])
        for s in p.series.values()
        if s.executive
        for t in s.terms
    ]
    terms += [
        term(d.group, t, m.duty[(d.group, t.label)], d.group)
        for d in p.duties.values()
        for t in d.terms
    ]
    visits = []
    for visit in p.visits.values():
        if not solver.boolean_value(m.placed[visit.id]):
            continue  # only when visit_count is switched off: the checker counts it missing
        host = _chosen(solver, m.host[visit.id])
        link = p.links[visit.link]
        visits.append(
            Visit(
                id=visit.id,
                pair=visit.pair,
                pair_name=link.name,
                form=link.form,
                period=visit.period,
                date=p.day(solver.value(m.day[visit.id])),
                start=_clock(visit.start),
                end=_clock(visit.end),
                host=host,
                guests=tuple(o for o in visit.orgs if o != host),
                helpers=visit.helpers,
                helped=visit.helped,
            )
        )
    objective = solver.objective_value if exprs else 0.0
    bound = solver.best_objective_bound if exprs else 0.0
    gap = abs(objective - bound) / max(1.0, abs(objective))
    return Plan(
        scenario=p.name,
        source=p.scenario.source,
        locale=p.locale,
        status="optimal" if optimal else "feasible",
        seed=seed,
        objective=objective,
        bound=bound,
        gap=round(gap, 6),
        terms_value={name: int(solver.value(expr)) for name, expr in exprs.items()},
        weights=dict(p.weights),
        provisional_calendar=p.calendar.provisional,
        occurrences=tuple(sorted(occurrences, key=lambda o: (o.date, o.start, o.id))),
        terms=tuple(sorted(terms, key=lambda t: (t.start, t.series, t.term))),
        visits=tuple(sorted(visits, key=lambda v: (v.date, v.start, v.id))),
        solver=info,
    )
