"""When each twinning visit happens and who hosts it.

Hard: visit_count (one placed visit per required visit), visit_date (the day domain),
visit_host, visit_alternation, visit_gap. Soft: visit_spread.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..problem import Link
from .base import Model


def post(m: Model) -> None:
    p = m.problem
    for visit in p.visits.values():
        visit_count(m, visit.id)
        visit_date(m, visit.id)
        visit_host(m, visit.id)
        visit_spread(m, visit.id)
    for link in p.links.values():
        visit_alternation(m, link)
        visit_gap(m, link)


def visit_count(m: Model, visit_id: str) -> None:
    """visit_count: every required visit of every period is placed."""
    m.new_event(visit_id, m.problem.visits[visit_id].candidates)


def visit_date(m: Model, visit_id: str) -> None:
    """visit_date: a working day of its period when every member is free; the day domain."""
    # The candidates come from problem.prepare (working days of the period on which all
    # members are available); new_event made them the day's domain, nothing further to post.
    assert visit_id in m.day


def visit_host(m: Model, visit_id: str) -> None:
    """visit_host: exactly one host, from the side(s) allowed to host."""
    visit = m.problem.visits[visit_id]
    lits = {o: m.cp.new_bool_var(f"vhost[{visit_id},{o}]") for o in visit.hosts}
    m.host[visit_id] = lits
    m.cp.add(sum(lits.values()) == m.placed[visit_id])
    for org, lit in lits.items():
        m.day_in(visit_id, m.problem.orgs[org].available, lit)


def _helped_hosts(m: Model, visit_id: str) -> cp_model.LinearExpr:
    visit = m.problem.visits[visit_id]
    return cp_model.LinearExpr.sum(
        [m.host[visit_id][o] for o in visit.helped if o in m.host[visit_id]]
    )


def visit_alternation(m: Model, link: Link) -> None:
    """visit_alternation: the hosting side changes from one visit to the next."""
    if not link.visits or not link.alternating:
        return
    first = link.visits[0]
    if link.last_host_helped is not None:
        m.cp.add(_helped_hosts(m, first) == (0 if link.last_host_helped else 1)).only_enforce_if(
            m.placed[first]
        )
    for a, b in zip(link.visits, link.visits[1:], strict=False):
        m.cp.add(_helped_hosts(m, a) + _helped_hosts(m, b) == 1).only_enforce_if(
            [m.placed[a], m.placed[b]]
        )


def visit_gap(m: Model, link: Link) -> None:
    """visit_gap: consecutive visits of a link at least `gap` days apart, in order."""
    gap = max(link.gap, 1)  # two visits of one pair never share a day
    if link.visits and link.last_visit_day is not None:
        first = link.visits[0]
        m.cp.add(m.day[first] - link.last_visit_day >= link.gap).only_enforce_if(m.placed[first])
    for a, b in zip(link.visits, link.visits[1:], strict=False):
        m.cp.add(m.day[b] - m.day[a] >= gap).only_enforce_if([m.placed[a], m.placed[b]])


def visit_spread(m: Model, visit_id: str) -> None:
    """visit_spread: days between a visit and its evenly spread ideal day."""
    visit = m.problem.visits[visit_id]
    dev = m.cp.new_int_var(0, visit.last_day - visit.first_day + 400, f"spread[{visit_id}]")
    m.cp.add(dev >= m.day[visit_id] - visit.ideal)
    m.cp.add(dev >= visit.ideal - m.day[visit_id])
    m.add_term("visit_spread", 1, dev)
