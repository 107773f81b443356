"""The by-hand baseline: what a committee does with a spreadsheet, to show what the optimiser gains.

Greedy, one event at a time, never undoing a decision once the next event is on the sheet:
- hosts take turns in the pool's list order, the order carrying on after history's last host
  and across the year; a member that cannot host on the day is skipped (its turn waits for
  the next round). A group's duty rotation picks one member per term, the first in turn that
  can host all the term's duty activities, and its secretary is 执行书记; a series with terms
  of its own names the term's first host;
- the day is the series' preferred day if it has one (else the next free day after it, then
  an earlier one), otherwise the first working day of the period the host is free;
- the room is the host's own room where the series allows it and it fits, else the first free
  fitting room of the centre nearest the host (a host books where it is, not the city's first
  centre in the list); a weak host's strong partner co-hosts;
- twinning visits come last, each on the first free day of its period both sides can make
  (gap, day cap and hosting days respected), the hosting side alternating.
Nothing is optimised, so every soft term is what `check.measured` says of the result. It never
imports the solver, and its plan is checked before it is called feasible.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import time

from .check import check, measured
from .plan import Occurrence, Plan, Term, Visit
from .problem import Occurrence as OccInfo
from .problem import Problem
from .rules import SOFT
from .words import say


@dataclass(frozen=True)
class Booking:
    """One event on the sheet: who is busy when, and what it takes."""

    event: str
    day: int
    start: int
    end: int
    people: frozenset[str]  # person keys
    room: str = ""  # centre room key, "" if none
    hosts: str = ""  # the org hosting a joint activity that day
    receives: str = ""  # the org receiving a twinning visit that day
    turn: tuple[str, str, str] | None = None  # (series, term, host): one_turn_per_term
    visit: bool = False


Slots = dict[tuple[str, int], list[tuple[int, int, str]]]


def _clash(slots: Slots, key: tuple[str, int], b: Booking) -> bool:
    return any(s < b.end and b.start < e for s, e, ev in slots.get(key, ()) if ev != b.event)


@dataclass
class Diary:
    """Everything booked so far, so the next event can avoid it."""

    problem: Problem
    people: Slots = field(default_factory=lambda: defaultdict(list))
    rooms: Slots = field(default_factory=lambda: defaultdict(list))
    hosting: Counter[tuple[str, int]] = field(default_factory=Counter)
    receiving: Counter[tuple[str, int]] = field(default_factory=Counter)
    turns: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    visits: Counter[int] = field(default_factory=Counter)

    def fits(self, b: Booking, max_turns: int = 0) -> bool:
        if any(_clash(self.people, (x, b.day), b) for x in b.people):
            return False
        if b.room and _clash(self.rooms, (b.room, b.day), b):
            return False
        if b.hosts and self.receiving[(b.hosts, b.day)]:
            return False
        if b.receives and self.hosting[(b.receives, b.day)]:
            return False
        if b.turn is not None and self.turns[b.turn] >= max_turns:
            return False
        return not (b.visit and self.visits[b.day] >= self.problem.visit_cap)

    def book(self, b: Booking, sign: int = 1) -> None:
        """Put the event on the sheet (sign -1: take it off again)."""
        slot = (b.start, b.end, b.event)
        lists = [self.people[(x, b.day)] for x in b.people]
        if b.room:
            lists.append(self.rooms[(b.room, b.day)])
        for slots in lists:
            if sign > 0:
                slots.append(slot)
            else:
                slots.remove(slot)
        self.hosting[(b.hosts, b.day)] += sign * bool(b.hosts)
        self.receiving[(b.receives, b.day)] += sign * bool(b.receives)
        if b.turn is not None:
            self.turns[b.turn] += sign
        self.visits[b.day] += sign * b.visit


class Round:
    """Turns in list order, carrying on after `last`: the spreadsheet's next-in-line pointer."""

    def __init__(self, pool: tuple[str, ...], last: str) -> None:
        self.pool = pool
        self.next = pool.index(last) + 1 if last in pool else 0

    def order(self) -> list[str]:
        k = self.next % max(len(self.pool), 1)
        return [*self.pool[k:], *self.pool[:k]]

    def took(self, org: str) -> None:
        self.next = self.pool.index(org) + 1


@dataclass(frozen=True)
class Placed:
    info: OccInfo
    day: int
    host: str
    co_host: str
    room: str  # centre room key, "own" or ""
    booking: Booking


class Planner:
    """The sheet being filled in: duties first, then the other series, then the visits."""

    def __init__(self, problem: Problem) -> None:
        self.p = problem
        self.diary = Diary(problem)
        self.placed: dict[str, Placed] = {}
        self.terms: list[Term] = []
        self.visits: list[Visit] = []
        self.missing: list[str] = []
        self.near: dict[tuple[str, tuple[str, ...]], list[str]] = {}

    # ---- joint activities -------------------------------------------------------------------

    def duties(self) -> None:
        p = self.p
        for duty in p.duties.values():
            turn = Round(duty.pool, duty.last_holder)
            for term in duty.terms:
                for org in turn.order():
                    done = self.all_by(term.occurrences, org)
                    if done is not None:
                        turn.took(org)
                        self.keep(done)
                        self.terms.append(self.term(duty.group, term.label, org, duty.group))
                        break
                else:
                    self.missing += [
                        say(p.locale, "baseline.duty", event=x, group=duty.name, term=term.label)
                        for x in term.occurrences
                    ]

    def all_by(self, occurrences: tuple[str, ...], org: str) -> list[Placed] | None:
        """Every occurrence hosted by `org`, or None (and nothing left booked)."""
        done: list[Placed] = []
        for occ_id in occurrences:
            placed = self.place(self.p.occurrences[occ_id], [org])
            if placed is None:
                for x in done:
                    self.diary.book(x.booking, -1)
                return None
            self.diary.book(placed.booking)
            done.append(placed)
        return done

    def keep(self, done: list[Placed]) -> None:
        self.placed.update((x.info.id, x) for x in done)

    def series(self) -> None:
        p = self.p
        for s in p.series.values():
            if s.duty:
                continue
            turn = Round(s.pool, s.last_host)
            for occ_id in s.occurrences:
                placed = self.place(p.occurrences[occ_id], turn.order())
                if placed is None:
                    self.missing.append(say(p.locale, "baseline.occurrence", event=occ_id))
                    continue
                turn.took(placed.host)
                self.diary.book(placed.booking)
                self.keep([placed])
            if not s.executive:
                continue
            for span in s.terms:
                hosts = [self.placed[x].host for x in span.occurrences if x in self.placed]
                if hosts:
                    self.terms.append(self.term(s.id, span.label, hosts[0]))

    def place(self, occ: OccInfo, hosts: list[str]) -> Placed | None:
        """The first host (in turn) and day that work, with a room: day first where the series
        has a day of its own (skip whoever cannot make it), host first where it has none."""
        pin = self.p.pins.get(occ.id)
        hosts = [h for h in hosts if h in occ.pool and (pin is None or pin.host in (None, h))]
        days = list(occ.candidates)
        if occ.preferred is not None and occ.preferred in days:
            later = [d for d in days if d > occ.preferred]
            earlier = [d for d in days if d < occ.preferred]
            days = [occ.preferred, *later, *reversed(earlier)]
        if pin is not None and pin.day is not None:
            days = [d for d in days if d == pin.day]
        if occ.preferred is not None:
            tries = ((d, h) for d in days for h in hosts)
        else:
            tries = ((d, h) for h in hosts for d in days)
        for day, host in tries:
            placed = self.fit(occ, day, host)
            if placed is not None:
                return placed
        return None

    def fit(self, occ: OccInfo, day: int, host: str) -> Placed | None:
        p = self.p
        if day not in p.orgs[host].available:
            return None
        series = p.series[occ.series]
        co = next((s for s, w in series.strong_weak if w == host), "")
        if co and day not in p.orgs[co].available:
            return None
        people = frozenset(p.orgs[o].person for o in {*occ.participants, host, co} - {""})
        turn = None if series.duty else (occ.series, occ.term, host)
        for room in self.rooms(occ, host, day):
            b = Booking(
                occ.id, day, occ.start, occ.end, people,
                room=room if room != "own" else "", hosts=host, turn=turn,
            )  # fmt: skip
            if self.diary.fits(b, series.max_per_term):
                return Placed(occ, day, host, co, room, b)
        return None

    def rooms(self, occ: OccInfo, host: str, day: int) -> list[str]:
        """Where it can be: no room, the host's own room, or centre rooms nearest first."""
        if not occ.needs_room:
            return [""]
        pin = self.p.pins.get(occ.id)
        out = ["own"] if occ.fits_own_room(self.p.orgs[host]) else []
        key = (host, occ.rooms)
        if key not in self.near:
            order = {r: i for i, r in enumerate(occ.rooms)}
            self.near[key] = sorted(
                occ.rooms, key=lambda r: (self.p.travel(host, self.p.rooms[r].centre), order[r])
            )
        out += [r for r in self.near[key] if day in self.p.rooms[r].open_days]
        if pin is not None and pin.room is not None:
            out = [r for r in out if r == pin.room]
        return out

    def term(self, rotation: str, label: str, org: str, group: str = "") -> Term:
        p = self.p
        span = next(
            t
            for t in (p.duties[group].terms if group else p.series[rotation].terms)
            if t.label == label
        )
        person = p.person_of(org)
        return Term(
            series=rotation, term=label, start=p.day(span.first_day), end=p.day(span.last_day),
            executive_org=org, executive_secretary=person.key, executive_name=person.name,
            group=group,
        )  # fmt: skip

    # ---- twinning ---------------------------------------------------------------------------

    def twinning(self) -> None:
        p = self.p
        for link in p.links.values():
            last_day, helped_hosted = link.last_visit_day, link.last_host_helped
            gap = link.gap  # from history's last visit; between two of ours at least a day
            for k, vid in enumerate(link.visits):
                v = p.visits[vid]
                pin = p.pins.get(vid)
                side = v.hosts
                if link.alternating:  # the helped side receives first (the helpers go to them)
                    side = v.helpers if helped_hosted else v.helped
                hosts = [o for o in side if o in v.hosts]
                hosts = hosts[k % len(hosts) :] + hosts[: k % len(hosts)] if hosts else []
                if pin is not None and pin.host is not None:
                    hosts = [h for h in hosts if h == pin.host]
                people = frozenset(p.orgs[o].person for o in v.orgs)
                days = [
                    d
                    for d in v.candidates
                    if (last_day is None or d - last_day >= gap)
                    and (pin is None or pin.day in (None, d))
                ]
                tries = (
                    Booking(vid, d, v.start, v.end, people, receives=h, visit=True)
                    for d in days
                    for h in hosts
                )
                booked = next((b for b in tries if self.diary.fits(b)), None)
                if booked is None:
                    self.missing.append(say(p.locale, "baseline.visit", event=vid))
                    continue
                self.diary.book(booked)
                self.visits.append(self.visit(vid, booked))
                last_day, helped_hosted = booked.day, booked.receives in link.helped
                gap = max(link.gap, 1)

    def visit(self, vid: str, b: Booking) -> Visit:
        p = self.p
        v, link = p.visits[vid], p.links[p.visits[vid].link]
        return Visit(
            id=vid, pair=v.pair, pair_name=link.name, form=link.form, period=v.period,
            date=p.day(b.day), start=_clock(v.start), end=_clock(v.end), host=b.receives,
            guests=tuple(o for o in v.orgs if o != b.receives), helpers=v.helpers,
            helped=v.helped,
        )  # fmt: skip

    # ---- the plan ---------------------------------------------------------------------------

    def occurrences(self) -> list[Occurrence]:
        p, out = self.p, []
        for x in self.placed.values():
            s, room = p.series[x.info.series], p.rooms.get(x.room)
            venue = "centre" if room else ("own" if x.room == "own" else "none")
            out.append(
                Occurrence(
                    id=x.info.id, series=s.id, series_name=s.name, type=s.type, term=x.info.term,
                    date=p.day(x.day), start=_clock(x.info.start), end=_clock(x.info.end),
                    host=x.host, co_host=x.co_host, venue=venue,  # type: ignore[arg-type]
                    centre=room.centre if room else "", room=room.room if room else "",
                    attendance=x.info.attendance, participants=x.info.participants,
                )
            )  # fmt: skip
        return out


def baseline(problem: Problem) -> Plan:
    """The committee's plan by hand, checked: "feasible" with every soft term measured, or a
    plan without a schedule that says which events found no place (or what rule it broke)."""
    planner = Planner(problem)
    planner.duties()
    planner.series()
    planner.twinning()
    p = problem
    empty = Plan(
        scenario=p.name,
        source=p.scenario.source,
        locale=p.locale,
        status="infeasible",
        seed=0,
        weights=dict(p.weights),
        provisional_calendar=p.calendar.provisional,
        solver={"planner": "baseline"},
    )
    if planner.missing:
        return replace(empty, explanation=tuple(planner.missing))
    plan = replace(
        empty,
        status="feasible",
        occurrences=tuple(sorted(planner.occurrences(), key=lambda o: (o.date, o.start, o.id))),
        terms=tuple(sorted(planner.terms, key=lambda t: (t.start, t.series, t.term))),
        visits=tuple(sorted(planner.visits, key=lambda v: (v.date, v.start, v.id))),
    )
    broken = check(p, plan)
    if broken:  # a fault of this module, never passed on as a plan
        lines = [say(p.locale, "baseline.broke", violation=v.render()) for v in broken]
        return replace(empty, status="invalid", explanation=tuple(lines))
    terms = measured(p, plan)
    objective = sum(p.weights.get(name, 0) * terms[name] for name in SOFT)
    return replace(plan, objective=float(objective), terms_value=terms)


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)
