"""The soft terms, measured from a plan's tables: one function per label of the rulebook.

Each is the definition the solver's expression must equal, on any plan and at any weight
(tests/test_rulebook.py compares them on bundled and random plans).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from ..problem import FAIRNESS_SCALE, Problem, SeriesInfo, slot_cost
from . import Tables, measure
from .util import d


def _hosts(t: Tables) -> dict[str, str]:
    occ = t["occurrences"]
    return dict(zip(occ["id"], occ["host"], strict=True))


def _turns(t: Tables, s: SeriesInfo) -> list[str]:
    """The series' executives, term by term ("" where a term has none)."""
    terms = t["terms"]
    execs = {
        (a, b): c
        for a, b, c in zip(terms["series"], terms["term"], terms["executive_org"], strict=True)
    }
    return [execs.get((s.id, term.label), "") for term in s.terms]


@measure("fairness")
def fairness(t: Tables, p: Problem) -> int:
    host_of, out = _hosts(t), 0
    for s in p.series.values():
        if len(s.pool) < 2:
            continue
        sequences = [[host_of.get(x, "") for x in s.occurrences]]
        if s.term_kind != "occurrence":
            sequences.append(_turns(t, s))
        for seq in sequences:
            devs = [
                abs(
                    FAIRNESS_SCALE * (s.history_count[org] + seq.count(org))
                    - s.fair_target(org, len(seq))
                )
                for org in s.pool
            ]
            out += sum(devs) + len(s.pool) * max(devs)
    return out


@measure("rotation_order")
def rotation_order(t: Tables, p: Problem) -> int:
    out = 0
    for s in p.series.values():
        if len(s.pool) < 2:
            continue
        rank = {o: i for i, o in enumerate(s.recency)}
        turns = _turns(t, s)
        out += sum(slot_cost(k, rank[o], len(s.pool)) for k, o in enumerate(turns) if o in rank)
    return out


@measure("back_to_back")
def back_to_back(t: Tables, p: Problem) -> int:
    out = 0
    for s in p.series.values():
        if len(s.pool) < 2:
            continue
        turns = _turns(t, s)
        out += int(bool(turns) and s.last_host != "" and turns[0] == s.last_host)
        out += sum(a == b != "" for a, b in pairwise(turns))
    return out


@measure("strong_weak")
def strong_weak(t: Tables, p: Problem) -> int:
    host_of, out = _hosts(t), 0
    for s in p.series.values():
        for strong, weak in s.strong_weak:
            prev = 0
            for term in s.terms:
                hosts = [host_of.get(x) for x in term.occurrences]
                out += max(0, hosts.count(weak) - hosts.count(strong) - prev)
                prev = hosts.count(strong)
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
            out += abs(p.index(d(row["date"])) - info.preferred)
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


@measure("visit_spread")
def visit_spread(t: Tables, p: Problem) -> int:
    visits = t["visits"]
    return sum(
        abs(p.index(d(day)) - p.visits[vid].ideal)
        for vid, day in zip(visits["id"], visits["date"], strict=True)
    )
