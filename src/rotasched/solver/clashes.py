"""One calendar for everything: nobody is in two places at once.

Hard: org_single_place, person_single_place, no_visit_on_hosting_day.
"""

from __future__ import annotations

from itertools import product

from ortools.sat.python import cp_model

from .base import Model, posts


def declare(m: Model) -> None:
    """Every event an org takes part in: as participant, possible host, or pair member."""
    p = m.problem
    for occ in p.occurrences.values():
        size = occ.end - occ.start
        shared = m.interval(occ.id, occ.start, size)
        for org in occ.participants:
            m.org_events[org][occ.id] = shared
        for org, lit in m.host[occ.id].items():
            if org not in m.org_events or occ.id not in m.org_events[org]:
                m.org_events[org][occ.id] = m.interval(occ.id, occ.start, size, lit, f"#{org}")
        # 以强带弱: the strong partner co-hosts when its weak partner hosts, so it is there too.
        for strong, weak in p.series[occ.series].strong_weak:
            if weak in m.host[occ.id] and strong not in occ.participants:
                m.org_events[strong][f"{occ.id}~co"] = m.interval(
                    occ.id, occ.start, size, m.host[occ.id][weak], f"~{strong}"
                )
    for visit in p.visits.values():
        shared = m.interval(visit.id, visit.start, visit.end - visit.start)
        for org in visit.orgs:
            m.org_events[org][visit.id] = shared


@posts("org_single_place")
def org_single_place(m: Model) -> None:
    """No organisation takes part in two things at overlapping times."""
    for events in m.org_events.values():
        if len(events) > 1:
            m.cp.add_no_overlap(list(events.values()))


@posts("person_single_place")
def person_single_place(m: Model) -> None:
    """A secretary of several orgs is at one event at a time."""
    for person in m.problem.persons.values():
        if len(person.orgs) < 2:
            continue  # org_single_place already covers a one-org secretary
        events: dict[str, cp_model.IntervalVar] = {}
        for org in person.orgs:
            for event_id, interval in m.org_events.get(org, {}).items():
                events.setdefault(event_id, interval)  # an event both orgs attend counts once
        if len(events) > 1:
            m.cp.add_no_overlap(list(events.values()))


@posts("no_visit_on_hosting_day")
def no_visit_on_hosting_day(m: Model) -> None:
    """An org hosting a joint activity receives no visit that day."""
    p = m.problem
    hosting: dict[str, list[str]] = {}
    for occ in p.occurrences.values():
        for org in occ.pool:
            hosting.setdefault(org, []).append(occ.id)
    receiving: dict[str, list[str]] = {}
    for visit in p.visits.values():
        for org in visit.hosts:
            receiving.setdefault(org, []).append(visit.id)
    for org in sorted(set(hosting) & set(receiving)):
        for occ_id, visit_id in product(hosting[org], receiving[org]):
            if not m.domain[occ_id] & m.domain[visit_id]:
                continue
            m.cp.add(m.day[occ_id] != m.day[visit_id]).only_enforce_if(
                [m.host[occ_id][org], m.host[visit_id][org]]
            )
