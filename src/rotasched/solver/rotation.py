"""Who hosts each occurrence, and whose secretary is 执行书记 for each term.

Hard: one_host, host_available, one_turn_per_term, executive_hosts.
Soft: fairness, rotation_order, back_to_back, strong_weak.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..problem import FAIRNESS_SCALE, SeriesInfo, slot_cost
from .base import BoolVar, Model, posts


def declare(m: Model) -> None:
    """Every occurrence happens on some day of its period; a host and executive literal each."""
    for occ in m.problem.occurrences.values():
        m.new_event(occ.id, (occ.first_day, occ.last_day))
        m.must_place(occ.id)
        m.host[occ.id] = {o: m.cp.new_bool_var(f"host[{occ.id},{o}]") for o in occ.pool}
    for series in m.problem.series.values():
        for term in series.terms:
            key = (series.id, term.label)
            if series.term_kind == "occurrence":
                m.executive[key] = m.host[term.occurrences[0]]  # the host is the executive
            else:
                m.executive[key] = {
                    o: m.cp.new_bool_var(f"exec[{series.id},{term.label},{o}]") for o in series.pool
                }


@posts("one_host")
def one_host(m: Model) -> None:
    """Exactly one host from the pool (when the occurrence is placed)."""
    for occ_id, lits in m.host.items():
        if occ_id in m.problem.occurrences:
            m.cp.add(sum(lits.values()) == m.placed[occ_id])


@posts("host_available")
def host_available(m: Model) -> None:
    """The host is free that day (blackouts, weekday limits)."""
    for occ in m.problem.occurrences.values():
        for org, lit in m.host[occ.id].items():
            m.day_in(occ.id, m.problem.orgs[org].available, lit)


@posts("one_turn_per_term")
def one_turn_per_term(m: Model) -> None:
    """Nobody hosts a series twice in one term (unless the pool is small)."""
    for series in m.problem.series.values():
        for term in series.terms:
            if len(term.occurrences) < 2:
                continue
            for org in series.pool:
                hosts = sum(m.host[x][org] for x in term.occurrences)
                m.cp.add(hosts <= series.max_per_term)


@posts("executive_hosts")
def executive_hosts(m: Model) -> None:
    """The term's 执行书记 is the secretary of an org hosting in that term."""
    for series in m.problem.series.values():
        if series.term_kind == "occurrence":
            continue  # the executive literal is the host literal itself
        for term in series.terms:
            lits = m.executive[(series.id, term.label)]
            # One executive per term (when explaining infeasibility: once the term is placed).
            placed = [m.placed[x] for x in term.occurrences]
            m.cp.add(sum(lits.values()) == 1).only_enforce_if(placed)
            for org, lit in lits.items():
                hosts = sum(m.host[x][org] for x in term.occurrences)
                m.cp.add(hosts >= 1).only_enforce_if(lit)


def _turns(m: Model, series: SeriesInfo) -> list[dict[str, BoolVar]]:
    """The sequence the rotation runs through: the terms' executives."""
    return [m.executive[(series.id, t.label)] for t in series.terms]


@posts("fairness")
def fairness(m: Model) -> None:
    """Each pool member's count (history included) near its share: sum + pool × largest."""
    for series in m.problem.series.values():
        if len(series.pool) < 2:
            continue
        sequences = [("host", [m.host[x] for x in series.occurrences])]
        if series.term_kind != "occurrence":  # else the executive is the host: counted once
            sequences.append(("exec", _turns(m, series)))
        for name, turns in sequences:
            total = len(turns) + sum(series.history_count.values())
            devs = []
            for org in series.pool:
                target = series.fair_target(org, len(turns))
                count = series.history_count[org] + sum(t[org] for t in turns)
                devs.append(
                    m.abs_dev(
                        FAIRNESS_SCALE * count - target,
                        FAIRNESS_SCALE * total + target,
                        f"fair_dev[{series.id},{name},{org}]",
                    )
                )
            worst = m.cp.new_int_var(0, FAIRNESS_SCALE * total * 2, f"fair_max[{series.id},{name}]")
            m.cp.add_max_equality(worst, devs)
            for dev in devs:
                m.add_term("fairness", 1, dev)
            m.add_term("fairness", len(series.pool), worst)


@posts("rotation_order")
def rotation_order(m: Model) -> None:
    """Least recently hosted first, everyone once before anyone twice."""
    for series in m.problem.series.values():
        n = len(series.pool)
        if n < 2:
            continue
        rank = {o: i for i, o in enumerate(series.recency)}
        for k, turn in enumerate(_turns(m, series)):
            for org, lit in turn.items():
                m.add_term("rotation_order", slot_cost(k, rank[org], n), lit)


@posts("back_to_back")
def back_to_back(m: Model) -> None:
    """The same org taking two turns in a row (history's last one included)."""
    for series in m.problem.series.values():
        turns = _turns(m, series)
        if len(series.pool) < 2 or not turns:
            continue
        if series.last_host in turns[0]:
            m.add_term("back_to_back", 1, turns[0][series.last_host])
        for k in range(len(turns) - 1):
            for org in series.pool:
                a, b = turns[k][org], turns[k + 1][org]
                both = m.cp.new_bool_var(f"b2b[{series.id},{k},{org}]")
                m.cp.add_bool_and([a, b]).only_enforce_if(both)  # exactly a AND b
                m.cp.add_bool_or([~a, ~b]).only_enforce_if(~both)
                m.add_term("back_to_back", 1, both)


@posts("strong_weak")
def strong_weak(m: Model) -> None:
    """A weak member hosting in a term without its strong partner in that or the last term."""
    for series in m.problem.series.values():
        for strong, weak in series.strong_weak:
            prev_strong = cp_model.LinearExpr.constant(0)
            for term in series.terms:
                hosts_weak = cp_model.LinearExpr.sum([m.host[x][weak] for x in term.occurrences])
                hosts_strong = cp_model.LinearExpr.sum(
                    [m.host[x][strong] for x in term.occurrences]
                )
                miss = m.cp.new_int_var(
                    0, len(term.occurrences), f"sw[{series.id},{term.label},{weak}]"
                )
                m.cp.add_max_equality(miss, [0, hosts_weak - hosts_strong - prev_strong])
                m.add_term("strong_weak", 1, miss)
                prev_strong = hosts_strong
