"""A re-plan: what is pinned stays, and the published plan changes as little as possible.

The problem's `pins` (frozen, agreed, edited) are posted as equalities; `moved`, `rehosted`
and `reroomed` count the published events (the problem's `reference`) that differ from it,
as exact 0/1 expressions so the checker measures the same numbers.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from .base import Model, posts


@posts("pinned")
def pinned(m: Model) -> None:
    for event, pin in sorted(m.problem.pins.items()):
        if event not in m.day:
            continue
        # Explaining infeasibility, placement is what is assumed: a pin holds where its event
        # is placed, so pinned events that cannot all be kept show up in the explanation.
        if pin.day is not None:
            m.bind_if_placed(event, m.cp.add(m.day[event] == pin.day))
        if pin.host is not None:  # in the pool: prepare() refused others
            m.bind_if_placed(event, m.cp.add(m.host[event][pin.host] == 1))
        if pin.room == "own":
            m.bind_if_placed(event, m.cp.add(sum(m.own.get(event, {}).values()) == 1))
        elif pin.room:
            m.bind_if_placed(event, m.cp.add(m.room[event][pin.room] == 1))


def _unless(lits: dict[str, cp_model.IntVar], key: str) -> cp_model.LinearExprT:
    """1 unless the option `key` is taken (1 if it is not even an option)."""
    return 1 - lits[key] if key in lits else 1


@posts("moved")
def moved(m: Model) -> None:
    p = m.problem
    for event, anchor in sorted(p.reference.items()):
        if event not in m.day:
            continue
        was = p.index(anchor.date)
        if was not in m.domain[event]:
            m.add_term("moved", 1, 1)
            continue
        b = m.cp.new_bool_var(f"moved[{event}]")
        m.cp.add(m.day[event] == was).only_enforce_if(~b)
        m.cp.add(m.day[event] != was).only_enforce_if(b)
        m.add_term("moved", 1, b)


@posts("rehosted")
def rehosted(m: Model) -> None:
    for event, anchor in sorted(m.problem.reference.items()):
        if event in m.host:
            m.add_term("rehosted", 1, _unless(m.host[event], anchor.host))


@posts("reroomed")
def reroomed(m: Model) -> None:
    for event, anchor in sorted(m.problem.reference.items()):
        if anchor.kind != "occurrence" or not anchor.room or event not in m.room:
            continue
        if anchor.room == "own":  # still in a host's own room (whoever hosts): not re-roomed
            m.add_term("reroomed", 1, 1 - sum(m.own[event].values()))
        else:
            m.add_term("reroomed", 1, _unless(m.room[event], anchor.room))
