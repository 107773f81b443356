"""Group rotations: a joint organisation's duty terms, and what its members take turns at.

The seeds' 活动轮值制: activities are hosted by the members in turn, and the host's secretary is
executive secretary (执行书记) of the joint organisation for the term. A duty rotation makes that
one decision per term (one duty organisation), not one per series; series outside it rotate on
their own. Fairness and "everyone once before anyone twice" count over all of a member's turns.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..scenario import Scenario
from ..scenario.checks import duty_pool
from .model import Duty, Occurrence, Org, Rotation, SeriesInfo, TermSpan
from .periods import term_label


def last_hosted(s: Scenario) -> dict[str, date]:
    """The last day each organisation hosted anything, from the whole history."""
    out: dict[str, date] = {}
    for r in s.history.hosts:
        if r.host not in out or r.date > out[r.host]:
            out[r.host] = r.date
    return out


def by_recency(pool: tuple[str, ...], last: dict[str, date]) -> tuple[str, ...]:
    """Least recently hosting anything first; never before anyone who has; then pool order."""
    order = {o: i for i, o in enumerate(pool)}
    return tuple(sorted(pool, key=lambda o: (o in last, last.get(o, date.min), order[o])))


def term_spans(occs: list[Occurrence]) -> tuple[TermSpan, ...]:
    """The terms the occurrences fall in, in order of first appearance, each with its span."""
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occs:
        groups[occ.term].append(occ)
    return tuple(
        TermSpan(
            label,
            min(o.first_day for o in group),
            max(o.last_day for o in group),
            tuple(o.id for o in sorted(group, key=lambda o: (o.first_day, o.id))),
        )
        for label, group in groups.items()
    )


def duty_of(s: Scenario) -> dict[str, tuple[str, str]]:
    """series id -> (group id, the duty's term kind) for every series in a duty rotation."""
    return {
        sid: (g.id, g.duty.term) for g in s.groups if g.duty is not None for sid in g.duty.series
    }


def duties(
    s: Scenario, occurrences: dict[str, Occurrence], orgs: dict[str, Org]
) -> dict[str, Duty]:
    out = {}
    last = last_hosted(s)
    for g in s.groups:
        if g.duty is None:
            continue
        listed = [x for x in s.series if x.id in g.duty.series]
        pool = tuple(duty_pool(s, g.id, listed))
        # One share per secretary, split among the organisations that person leads here.
        led: dict[str, int] = defaultdict(int)
        for o in pool:
            led[orgs[o].person] += 1
        base = {
            o: float(max(orgs[o].members, 1) if g.duty.fairness == "members" else 1) for o in pool
        }
        share = {o: base[o] / led[orgs[o].person] for o in pool}
        # History: a member held a term if it hosted a duty series in it.
        held: dict[str, str] = {}
        for r in sorted(s.history.hosts, key=lambda r: (r.date, r.host)):
            if r.series in g.duty.series:
                held[term_label(g.duty.term, "", r.date)] = r.host
        count = {o: 0 for o in pool}
        for holder in held.values():
            if holder in count:
                count[holder] += 1
        listed_occs = [o for o in occurrences.values() if o.series in g.duty.series]
        terms = tuple(sorted(term_spans(listed_occs), key=lambda t: t.label))
        out[g.id] = Duty(
            group=g.id,
            name=g.name,
            term_kind=g.duty.term,
            series=tuple(x.id for x in listed),
            pool=pool,
            share=share,
            effort=g.duty.effort,
            history_count=count,
            recency=by_recency(pool, last),
            last_holder=held[max(held)] if held else "",
            terms=terms,
        )
    return out


def rotations(
    s: Scenario,
    series: dict[str, SeriesInfo],
    duties_: dict[str, Duty],
    occurrences: dict[str, Occurrence],
    orgs: dict[str, Org],
) -> dict[str, Rotation]:
    """Per group: its duty and the series only its members host, and who can take a turn."""
    out = {}
    for g in s.groups:
        members = {o.id for o in s.organisations if g.id in o.groups}
        own = tuple(
            sid
            for sid, info in series.items()
            if not info.duty and len(info.pool) > 1 and set(info.pool) <= members
        )
        duty = g.id if g.id in duties_ and len(duties_[g.id].pool) > 1 else ""
        if not own and not duty:
            continue
        # Who could take a turn: free on some day one of the group's turns could fall on.
        could: set[str] = set()
        for sid in own:
            for x in series[sid].occurrences:
                occ = occurrences[x]
                could |= {o for o in occ.pool if orgs[o].available & set(occ.candidates)}
        if duty:
            for term in duties_[g.id].terms:
                for x in term.occurrences:
                    days = set(occurrences[x].candidates)
                    could |= {o for o in duties_[g.id].pool if orgs[o].available & days}
        turns = sum(len(series[sid].occurrences) for sid in own)
        turns += len(duties_[g.id].terms) if duty else 0
        able = tuple(o.id for o in s.organisations if o.id in could)
        holders: dict[str, list[str]] = defaultdict(list)
        for o in able:
            holders[orgs[o].person].append(o)
        out[g.id] = Rotation(
            group=g.id,
            members=able,
            duty=duty,
            series=own,
            turns=turns,
            holders={k: tuple(v) for k, v in holders.items()},
        )
    return out
