"""Who hosts each occurrence, and whose secretary is 执行书记 for each term.

Hard: one_host, host_available, one_turn_per_term, executive_hosts.
Soft: fairness, rotation_order, back_to_back, strong_weak.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..problem import FAIRNESS_SCALE, SeriesInfo, slot_cost
from .base import Model


def post(m: Model) -> None:
    for occ in m.problem.occurrences.values():
        m.new_event(occ.id, occ.candidates)
        one_host(m, occ.id)
        host_available(m, occ.id)
    for series in m.problem.series.values():
        one_turn_per_term(m, series)
        executive_hosts(m, series)
        fairness(m, series)
        rotation_order(m, series)
        back_to_back(m, series)
        strong_weak(m, series)


def one_host(m: Model, occ_id: str) -> None:
    """one_host: exactly one host from the pool (when the occurrence is placed)."""
    occ = m.problem.occurrences[occ_id]
    lits = {o: m.cp.new_bool_var(f"host[{occ_id},{o}]") for o in occ.pool}
    m.host[occ_id] = lits
    m.cp.add(sum(lits.values()) == m.placed[occ_id])


def host_available(m: Model, occ_id: str) -> None:
    """host_available: the host is free that day (blackouts, weekday limits)."""
    for org, lit in m.host[occ_id].items():
        m.day_in(occ_id, m.problem.orgs[org].available, lit)


def one_turn_per_term(m: Model, series: SeriesInfo) -> None:
    """one_turn_per_term: nobody hosts a series twice in one term (unless the pool is small)."""
    for term in series.terms:
        if len(term.occurrences) < 2:
            continue
        for org in series.pool:
            m.cp.add(sum(m.host[x][org] for x in term.occurrences) <= series.max_per_term)


def executive_hosts(m: Model, series: SeriesInfo) -> None:
    """executive_hosts: the term's 执行书记 is the secretary of an org hosting in that term."""
    for term in series.terms:
        if series.term_kind == "occurrence":
            m.executive[(series.id, term.label)] = m.host[term.occurrences[0]]
            continue
        lits = {o: m.cp.new_bool_var(f"exec[{series.id},{term.label},{o}]") for o in series.pool}
        m.executive[(series.id, term.label)] = lits
        # One executive per term (when explaining infeasibility: once the term is placed).
        placed = [m.placed[x] for x in term.occurrences]
        m.cp.add(sum(lits.values()) == 1).only_enforce_if(placed)
        for org, lit in lits.items():
            m.cp.add(sum(m.host[x][org] for x in term.occurrences) >= 1).only_enforce_if(lit)


def _turns(m: Model, series: SeriesInfo) -> list[dict[str, cp_model.IntVar]]:
    """The sequence the rotation runs through: terms' executives, or occurrences' hosts."""
    return [m.executive[(series.id, t.label)] for t in series.terms]


def fairness(m: Model, series: SeriesInfo) -> None:
    """fairness: each pool member's count (history included) near its share; min-max + total."""
    weight = m.problem.weights["fairness"]
    if not weight or len(series.pool) < 2:
        return
    cp = m.cp
    for name, turns in (
        ("host", [m.host[x] for x in series.occurrences]),
        ("exec", _turns(m, series)),
    ):
        if name == "exec" and series.term_kind == "occurrence":
            continue  # the executive is the host: counted once
        total = len(turns) + sum(series.history_count.values())
        worst = cp.new_int_var(0, FAIRNESS_SCALE * total, f"fair_max[{series.id},{name}]")
        for org in series.pool:
            target = series.fair_target(org, len(turns))
            count = series.history_count[org] + sum(t[org] for t in turns)
            dev = cp.new_int_var(
                0, FAIRNESS_SCALE * total + target, f"fair_dev[{series.id},{name},{org}]"
            )
            cp.add(dev >= FAIRNESS_SCALE * count - target)
            cp.add(dev >= target - FAIRNESS_SCALE * count)
            cp.add(worst >= dev)
            m.add_term("fairness", 1, dev)
        m.add_term("fairness", len(series.pool), worst)


def rotation_order(m: Model, series: SeriesInfo) -> None:
    """rotation_order: least recently hosted first, everyone once before anyone twice."""
    n = len(series.pool)
    if n < 2:
        return
    rank = {o: i for i, o in enumerate(series.recency)}
    for k, turn in enumerate(_turns(m, series)):
        for org, lit in turn.items():
            m.add_term("rotation_order", slot_cost(k, rank[org], n), lit)


def back_to_back(m: Model, series: SeriesInfo) -> None:
    """back_to_back: the same org hosting two turns in a row (history's last one included)."""
    turns = _turns(m, series)
    if len(series.pool) < 2 or not turns:
        return
    if series.last_host in turns[0]:
        m.add_term("back_to_back", 1, turns[0][series.last_host])
    for k in range(len(turns) - 1):
        for org in series.pool:
            both = m.cp.new_bool_var(f"b2b[{series.id},{k},{org}]")
            m.cp.add(both >= turns[k][org] + turns[k + 1][org] - 1)
            m.add_term("back_to_back", 1, both)


def strong_weak(m: Model, series: SeriesInfo) -> None:
    """strong_weak: a weak member hosts in a term right after (or with) its strong partner."""
    if not series.strong_weak:
        return
    for strong, weak in series.strong_weak:
        prev_strong = cp_model.LinearExpr.constant(0)
        for term in series.terms:
            hosts_weak = cp_model.LinearExpr.sum([m.host[x][weak] for x in term.occurrences])
            hosts_strong = cp_model.LinearExpr.sum([m.host[x][strong] for x in term.occurrences])
            miss = m.cp.new_int_var(
                0, len(term.occurrences), f"sw[{series.id},{term.label},{weak}]"
            )
            m.cp.add(miss >= hosts_weak - hosts_strong - prev_strong)
            m.add_term("strong_weak", 1, miss)
            prev_strong = hosts_strong
