"""When each twinning visit happens and who hosts it.

Hard: visit_count, visit_date, visit_host, visit_alternation, visit_gap, visit_day_cap.
Soft: visit_window, visit_spread (and the guests' travel, in venues.travel).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from .base import Model, posts


def declare(m: Model) -> None:
    """A day in its period and a host literal per member of the visiting unit."""
    for visit in m.problem.visits.values():
        m.new_event(visit.id, (visit.first_day, visit.last_day))
        m.host[visit.id] = {o: m.cp.new_bool_var(f"vhost[{visit.id},{o}]") for o in visit.orgs}


@posts("visit_count")
def visit_count(m: Model) -> None:
    """Every required visit of every period takes place."""
    for visit_id in m.problem.visits:
        m.must_place(visit_id)


@posts("visit_date")
def visit_date(m: Model) -> None:
    """A working day of its period on which every member is free."""
    for visit in m.problem.visits.values():
        m.restrict_days(visit.id, visit.candidates)


@posts("visit_host")
def visit_host(m: Model) -> None:
    """Exactly one host, from the side(s) allowed to host."""
    for visit in m.problem.visits.values():
        lits = m.host[visit.id]
        allowed = [lit for o, lit in lits.items() if o in visit.hosts]
        m.cp.add(sum(allowed) == m.placed[visit.id])
        for org, lit in lits.items():
            if org not in visit.hosts:
                m.cp.add(lit == 0)


def _helped_hosts(m: Model, visit_id: str) -> cp_model.LinearExpr:
    visit = m.problem.visits[visit_id]
    return cp_model.LinearExpr.sum([m.host[visit_id][o] for o in visit.helped])


@posts("visit_alternation")
def visit_alternation(m: Model) -> None:
    """The hosting side changes from one visit to the next."""
    for link in m.problem.links.values():
        if not link.visits or not link.alternating:
            continue
        first = link.visits[0]
        if link.last_host_helped is not None:
            m.cp.add(
                _helped_hosts(m, first) == (0 if link.last_host_helped else 1)
            ).only_enforce_if(m.placed[first])
        for a, b in zip(link.visits, link.visits[1:], strict=False):
            m.cp.add(_helped_hosts(m, a) + _helped_hosts(m, b) == 1).only_enforce_if(
                [m.placed[a], m.placed[b]]
            )


@posts("visit_gap")
def visit_gap(m: Model) -> None:
    """Consecutive visits of a link at least `gap` days apart, in order."""
    for link in m.problem.links.values():
        gap = max(link.gap, 1)  # two visits of one pair never share a day
        if link.visits and link.last_visit_day is not None:
            first = link.visits[0]
            m.cp.add(m.day[first] - link.last_visit_day >= link.gap).only_enforce_if(
                m.placed[first]
            )
        for a, b in zip(link.visits, link.visits[1:], strict=False):
            m.cp.add(m.day[b] - m.day[a] >= gap).only_enforce_if([m.placed[a], m.placed[b]])


@posts("visit_day_cap")
def visit_day_cap(m: Model) -> None:
    """No day holds more than the programme's cap of visits: a day-long interval per visit."""
    p = m.problem
    if len(p.visits) <= p.visit_cap:
        return
    days = [
        m.cp.new_optional_fixed_size_interval_var(m.day[v], 1, m.placed[v], f"vday[{v}]")
        for v in p.visits
    ]
    m.cp.add_cumulative(days, [1] * len(days), p.visit_cap)


@posts("visit_window")
def visit_window(m: Model) -> None:
    """Visits on days the scenario discourages: a literal that is exactly "on such a day"."""
    p = m.problem
    for visit in p.visits.values():
        inside = m.domain[visit.id] & p.discouraged
        if not inside:
            continue
        on = m.cp.new_bool_var(f"window[{visit.id}]")
        m.day_in(visit.id, inside, on)
        m.day_in(visit.id, m.domain[visit.id] - inside, ~on)
        m.add_term("visit_window", 1, on)


@posts("visit_spread")
def visit_spread(m: Model) -> None:
    """Days between each placed visit and its evenly spread ideal day."""
    for visit in m.problem.visits.values():
        bound = visit.last_day - visit.first_day + 400
        expr = m.day[visit.id] - visit.ideal
        m.add_term("visit_spread", 1, m.placed_dev(visit.id, expr, bound, f"spread[{visit.id}]"))
