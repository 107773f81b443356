"""The soft terms, measured from a plan's tables: one function per label of the rulebook.

Each is the definition the solver's expression must equal, on any plan and at any weight
(tests/test_rulebook.py compares them on bundled and random plans).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from ..problem import FAIRNESS_SCALE, Problem, SeriesInfo, slot_cost
from . import Tables, measure
from .util import d as day_of


def _hosts(t: Tables) -> dict[str, str]:
    occ = t["occurrences"]
    return dict(zip(occ["id"], occ["host"], strict=True))


def _turns(t: Tables, s: SeriesInfo) -> list[str]:
    """Who took each turn of a series' own rotation: its hosts, or its terms' executives."""
    if s.term_kind == "occurrence":
        host_of = _hosts(t)
        return [host_of.get(x, "") for x in s.occurrences]
    terms = t["terms"]
    execs = {
        (a, b): c
        for a, b, c in zip(terms["series"], terms["term"], terms["executive_org"], strict=True)
    }
    return [execs.get((s.id, term.label), "") for term in s.terms]


def _duty_turns(t: Tables, group: str, labels: list[str]) -> list[str]:
    terms = t["terms"]
    execs = {
        (g, term): org
        for g, term, org in zip(terms["group"], terms["term"], terms["executive_org"], strict=True)
        if g
    }
    return [execs.get((group, label), "") for label in labels]


def _sequences(t: Tables, p: Problem) -> list[tuple[tuple[str, ...], str, list[str]]]:
    """(recency, last holder, who took each turn) of every rotation, as the solver sees them."""
    out = [
        (d.recency, d.last_holder, _duty_turns(t, d.group, [x.label for x in d.terms]))
        for d in p.duties.values()
    ]
    out += [(s.recency, s.last_host, _turns(t, s)) for s in p.series.values() if not s.duty]
    return [x for x in out if len(x[0]) > 1 and x[2]]


def _loads(t: Tables, p: Problem) -> dict[str, int]:
    """Each org's turns weighted by effort, history included."""
    host_of = _hosts(t)
    load = {o: p.load_history(o) for o in p.load_orgs()}
    for s in p.series.values():
        if not s.duty and len(s.pool) > 1:
            for x in s.occurrences:
                if host_of.get(x) in load and host_of[x] in s.pool:
                    load[host_of[x]] += s.effort
    for d in p.duties.values():
        if len(d.pool) > 1:
            for org in _duty_turns(t, d.group, [x.label for x in d.terms]):
                if org in d.pool:
                    load[org] += d.effort
    return load


@measure("fairness")
def fairness(t: Tables, p: Problem) -> int:
    loads = _loads(t, p)
    if not loads:
        return 0
    devs = [abs(FAIRNESS_SCALE * load - p.load_target(o)) for o, load in loads.items()]
    return sum(devs) + len(devs) * max(devs)


@measure("turn_balance")
def turn_balance(t: Tables, p: Problem) -> int:
    host_of, out = _hosts(t), 0
    for rot in p.rotations.values():
        if len(rot.holders) < 2:
            continue
        turns = dict.fromkeys(rot.members, 0)
        for sid in rot.series:
            for x in p.series[sid].occurrences:
                if host_of.get(x) in turns and host_of[x] in p.series[sid].pool:
                    turns[host_of[x]] += 1
        if rot.duty:
            d = p.duties[rot.duty]
            for org in _duty_turns(t, d.group, [x.label for x in d.terms]):
                if org in turns and org in d.pool:
                    turns[org] += 1
        low, high = rot.round_robin
        for orgs in rot.holders.values():
            n = sum(turns[o] for o in orgs)
            out += max(0, n - high) + max(0, low - n)
    return out


@measure("rotation_order")
def rotation_order(t: Tables, p: Problem) -> int:
    out = 0
    for recency, _, turns in _sequences(t, p):
        rank = {o: i for i, o in enumerate(recency)}
        out += sum(slot_cost(k, rank[o], len(recency)) for k, o in enumerate(turns) if o in rank)
    return out


@measure("back_to_back")
def back_to_back(t: Tables, p: Problem) -> int:
    out = 0
    for _, last, turns in _sequences(t, p):
        out += int(last != "" and turns[0] == last)
        out += sum(a == b != "" for a, b in pairwise(turns))
    return out


@measure("travel")
def travel(t: Tables, p: Problem) -> int:
    """Participants' minutes to each occurrence's venue; each guest's delegation to a visit."""
    out = 0
    for _, row in t["occurrences"].iterrows():
        info = p.occurrences[row["id"]]
        if row["venue"] == "centre":
            place = row["centre"]
        elif row["venue"] == "own":
            place = row["host"]
        else:
            continue
        out += sum(p.travel(o, place) for o in info.participants)
    for _, row in t["visits"].iterrows():
        visit = p.visits[row["id"]]
        if row["host"] in visit.orgs:
            guests = [g for g in visit.orgs if g != row["host"]]
            out += visit.delegation * sum(p.travel(g, row["host"]) for g in guests)
    return out


@measure("regular_day")
def regular_day(t: Tables, p: Problem) -> int:
    out = 0
    for _, row in t["occurrences"].iterrows():
        info = p.occurrences[row["id"]]
        if info.preferred is not None and len(info.candidates) > 1:
            out += abs(p.index(day_of(row["date"])) - info.preferred)
    return out


@measure("centre_balance")
def centre_balance(t: Tables, p: Problem) -> int:
    if len({r for o in p.occurrences.values() for r in o.rooms}) < 2:
        return 0
    bookings: dict[str, int] = defaultdict(int)
    occ = t["occurrences"]
    for venue, centre, room in zip(occ["venue"], occ["centre"], occ["room"], strict=True):
        if venue == "centre":
            bookings[f"{centre}:{room}"] += 1
    return max(bookings.values(), default=0)


@measure("visit_window")
def visit_window(t: Tables, p: Problem) -> int:
    return sum(p.index(day_of(day)) in p.discouraged for day in t["visits"]["date"])


@measure("visit_spread")
def visit_spread(t: Tables, p: Problem) -> int:
    visits = t["visits"]
    return sum(
        abs(p.index(day_of(day)) - p.visits[vid].ideal)
        for vid, day in zip(visits["id"], visits["date"], strict=True)
    )
