"""Who hosts each occurrence, and whose secretary is 执行书记 for each term.

Hard: one_host, host_available, one_turn_per_term, executive_hosts, duty_rotation, co_host.
Soft: fairness, turn_balance, rotation_order, back_to_back.

A rotation's turns are its terms' executives (a series with terms of its own), its duty
terms (a group's duty rotation), or its hostings (a series that rotates on its own).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..problem import FAIRNESS_SCALE, Rotation, SeriesInfo, slot_cost
from .base import BoolVar, Model, posts


def declare(m: Model) -> None:
    """Every occurrence happens on some day of its period; a host and executive literal each."""
    for occ in m.problem.occurrences.values():
        m.new_event(occ.id, (occ.first_day, occ.last_day))
        m.must_place(occ.id)
        m.host[occ.id] = {o: m.cp.new_bool_var(f"host[{occ.id},{o}]") for o in occ.pool}
    for duty in m.problem.duties.values():
        for term in duty.terms:
            m.duty[(duty.group, term.label)] = {
                o: m.cp.new_bool_var(f"duty[{duty.group},{term.label},{o}]") for o in duty.pool
            }
    for series in m.problem.series.values():
        if not series.executive:
            continue
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
        if series.term_kind == "occurrence" or not series.executive:
            continue  # the executive literal is the host literal itself, or there is none
        for term in series.terms:
            lits = m.executive[(series.id, term.label)]
            # One executive per term (when explaining infeasibility: once the term is placed).
            placed = [m.placed[x] for x in term.occurrences]
            m.cp.add(sum(lits.values()) == 1).only_enforce_if(placed)
            for org, lit in lits.items():
                hosts = sum(m.host[x][org] for x in term.occurrences)
                m.cp.add(hosts >= 1).only_enforce_if(lit)


@posts("duty_rotation")
def duty_rotation(m: Model) -> None:
    """One duty organisation per term, hosting every duty activity of the term."""
    p = m.problem
    for duty in p.duties.values():
        for term in duty.terms:
            lits = m.duty[(duty.group, term.label)]
            placed = [m.placed[x] for x in term.occurrences]
            m.cp.add(sum(lits.values()) == 1).only_enforce_if(placed)
            for x in term.occurrences:
                for org, host in m.host[x].items():
                    if org in lits:
                        m.cp.add(host == lits[org]).only_enforce_if(m.placed[x])
                    else:
                        m.cp.add(host == 0)


@posts("co_host")
def co_host(m: Model) -> None:
    """The strong partner of a weak host is free that day (the clash rules book it)."""
    p = m.problem
    for series in p.series.values():
        for strong, weak in series.strong_weak:
            for x in series.occurrences:
                if weak in m.host[x]:
                    m.day_in(x, p.orgs[strong].available, m.host[x][weak])


def _turns(m: Model, series: SeriesInfo) -> list[dict[str, BoolVar]]:
    """The sequence a series' own rotation runs through: its hosts, or its terms' executives."""
    if series.term_kind == "occurrence":
        return [m.host[x] for x in series.occurrences]
    return [m.executive[(series.id, t.label)] for t in series.terms]


def _sequences(m: Model) -> list[tuple[str, tuple[str, ...], str, list[dict[str, BoolVar]]]]:
    """(id, recency, last holder, turns) of every rotation: duties, and series on their own."""
    out = [
        (d.group, d.recency, d.last_holder, [m.duty[(d.group, t.label)] for t in d.terms])
        for d in m.problem.duties.values()
    ]
    out += [
        (s.id, s.recency, s.last_host, _turns(m, s))
        for s in m.problem.series.values()
        if not s.duty
    ]
    return [x for x in out if len(x[1]) > 1 and x[3]]


def _hosted(m: Model, org: str, series: SeriesInfo) -> cp_model.LinearExpr:
    return cp_model.LinearExpr.sum([m.host[x][org] for x in series.occurrences])


def _duty_terms(m: Model, org: str, group: str) -> cp_model.LinearExpr:
    duty = m.problem.duties[group]
    return cp_model.LinearExpr.sum(
        [m.duty[(group, t.label)][org] for t in duty.terms if org in m.duty[(group, t.label)]]
    )


@posts("fairness")
def fairness(m: Model) -> None:
    """Each member's load over everything it carries (history and effort included) near its
    fair share of it: the sum of deviations plus the members times the largest one."""
    p = m.problem
    orgs = p.load_orgs()
    if not orgs:
        return
    devs = []
    for org in orgs:
        load = cp_model.LinearExpr.constant(p.load_history(org))
        for s in p.series.values():
            if not s.duty and org in s.pool and len(s.pool) > 1:
                load += s.effort * _hosted(m, org, s)
        for d in p.duties.values():
            if org in d.pool and len(d.pool) > 1:
                load += d.effort * _duty_terms(m, org, d.group)
        target = p.load_target(org)
        bound = FAIRNESS_SCALE * _most_load(m, org) + target
        devs.append(m.abs_dev(FAIRNESS_SCALE * load - target, bound, f"fair_dev[{org}]"))
    worst = m.cp.new_int_var(
        0,
        max(1, max(_most_load(m, o) for o in orgs)) * 2 * FAIRNESS_SCALE
        + max(p.load_target(o) for o in orgs),
        "fair_max",
    )
    m.cp.add_max_equality(worst, devs)
    for dev in devs:
        m.add_term("fairness", 1, dev)
    members = len(orgs) if p.fair_max_members is None else p.fair_max_members
    m.add_term("fairness", members, worst)


def _most_load(m: Model, org: str) -> int:
    """The largest load an org could carry: every turn it could take, plus history."""
    p = m.problem
    most = p.load_history(org)
    most += sum(s.effort * len(s.occurrences) for s in p.series.values() if org in s.pool)
    most += sum(d.effort * len(d.terms) for d in p.duties.values() if org in d.pool)
    return most


@posts("turn_balance")
def turn_balance(m: Model) -> None:
    """Per group: each member's turns as close to the round robin's as the turns allow."""
    p = m.problem
    for rot in p.rotations.values():
        if len(rot.holders) < 2:  # nobody to take turns with
            continue
        low, high = rot.round_robin
        for holder, orgs in rot.holders.items():
            turns = cp_model.LinearExpr.sum([_rotation_turns(m, rot, o) for o in orgs])
            most = rot.turns
            over = m.cp.new_int_var(0, most, f"turns_over[{rot.group},{holder}]")
            under = m.cp.new_int_var(0, low, f"turns_under[{rot.group},{holder}]")
            m.cp.add_max_equality(over, [0, turns - high])
            m.cp.add_max_equality(under, [0, low - turns])
            m.add_term("turn_balance", 1, over)
            m.add_term("turn_balance", 1, under)


def _rotation_turns(m: Model, rot: Rotation, org: str) -> cp_model.LinearExpr:
    p = m.problem
    turns = cp_model.LinearExpr.constant(0)
    for sid in rot.series:
        if org in p.series[sid].pool:
            turns += _hosted(m, org, p.series[sid])
    if rot.duty and org in p.duties[rot.duty].pool:
        turns += _duty_terms(m, org, rot.duty)
    return turns


@posts("rotation_order")
def rotation_order(m: Model) -> None:
    """Least recently hosting anything first, everyone once before anyone twice."""
    for _, recency, _, turns in _sequences(m):
        n = len(recency)
        rank = {o: i for i, o in enumerate(recency)}
        for k, turn in enumerate(turns):
            for org, lit in turn.items():
                m.add_term("rotation_order", slot_cost(k, rank[org], n), lit)


@posts("back_to_back")
def back_to_back(m: Model) -> None:
    """The same org taking two turns in a row (history's last one included)."""
    for rid, _, last, turns in _sequences(m):
        if last in turns[0]:
            m.add_term("back_to_back", 1, turns[0][last])
        for k in range(len(turns) - 1):
            for org, a in turns[k].items():
                b = turns[k + 1][org]
                both = m.cp.new_bool_var(f"b2b[{rid},{k},{org}]")
                m.cp.add_bool_and([a, b]).only_enforce_if(both)  # exactly a AND b
                m.cp.add_bool_or([~a, ~b]).only_enforce_if(~both)
                m.add_term("back_to_back", 1, both)
