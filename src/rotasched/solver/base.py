"""The shared CP-SAT model that the rule modules post into.

One integer day variable per occurrence and per visit (measured here: far lighter than one
Boolean per candidate day), Booleans for hosts, executive secretaries and room options, and
fixed-size intervals on `day * 1440 + start` for the no-overlap rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from ..problem import MINUTES_PER_DAY, Problem
from ..rules import RULEBOOK

if TYPE_CHECKING:
    from . import Stop

BoolVar = cp_model.IntVar
LinearTerms = list[tuple[int, cp_model.LinearExprT]]


@dataclass
class Model:
    """CP-SAT model plus the variables every rule module needs, by event id."""

    problem: Problem
    explain: bool = False  # build for an infeasibility explanation: placement is assumed
    off: frozenset[str] = frozenset()  # hard rules not posted (tests, diagnostics)
    cp: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    day: dict[str, cp_model.IntVar] = field(default_factory=dict)  # occurrence or visit id
    domain: dict[str, frozenset[int]] = field(default_factory=dict)  # its candidate days
    placed: dict[str, cp_model.IntVar] = field(default_factory=dict)
    certain: set[str] = field(default_factory=set)  # events whose placement is posted
    host: dict[str, dict[str, BoolVar]] = field(default_factory=dict)  # event -> org -> lit
    executive: dict[tuple[str, str], dict[str, BoolVar]] = field(default_factory=dict)
    duty: dict[tuple[str, str], dict[str, BoolVar]] = field(default_factory=dict)  # group, term
    room: dict[str, dict[str, BoolVar]] = field(default_factory=dict)  # occ -> room key -> lit
    own: dict[str, dict[str, BoolVar]] = field(default_factory=dict)  # occ -> org -> lit
    # Intervals each organisation takes part in, by event id (so a person in two orgs that
    # both attend one event is counted once).
    org_events: dict[str, dict[str, cp_model.IntervalVar]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    room_intervals: dict[str, list[cp_model.IntervalVar]] = field(
        default_factory=lambda: defaultdict(list)
    )
    terms: dict[str, LinearTerms] = field(default_factory=lambda: defaultdict(list))
    static_problems: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason)
    # What makes a plan's model differ from an explanation's, so that an explanation can reuse
    # it (explain.py), by constraint index: "this event happens", what binds only where its
    # event is placed when explaining (with the event), and where the soft terms' begin.
    musts: list[int] = field(default_factory=list)
    if_placed: list[tuple[int, str]] = field(default_factory=list)
    soft_from: int = 0
    # (participants, place) -> minutes
    travel_sums: dict[tuple[tuple[str, ...], str], int] = field(default_factory=dict)

    def new_event(self, event_id: str, span: tuple[int, int]) -> cp_model.IntVar:
        """The day variable (any day of `span`) and placement literal of an event."""
        day = self.cp.new_int_var(span[0], span[1], f"day[{event_id}]")
        self.day[event_id] = day
        self.domain[event_id] = frozenset(range(span[0], span[1] + 1))
        self.placed[event_id] = self.cp.new_bool_var(f"placed[{event_id}]")
        return day

    def restrict_days(self, event_id: str, candidates: tuple[int, ...]) -> None:
        """The event's day is one of `candidates` (the date rules post this)."""
        if not candidates:
            self.static_problems.append((event_id, "no_day"))
            return
        self.cp.add_linear_expression_in_domain(
            self.day[event_id], cp_model.Domain.from_values(candidates)
        )
        self.domain[event_id] = frozenset(candidates)

    def must_place(self, event_id: str) -> None:
        """The event happens (assumed instead when explaining infeasibility)."""
        if not self.explain:
            self.musts.append(self.cp.add(self.placed[event_id] == 1).index)
            self.certain.add(event_id)

    def bind_if_placed(self, event_id: str, ct: cp_model.Constraint) -> None:
        """`ct` binds where the event is placed when explaining; planning, it binds always
        (the event happens anyway)."""
        if self.explain:
            ct.only_enforce_if(self.placed[event_id])
        else:
            self.if_placed.append((ct.index, event_id))

    def interval(
        self, event_id: str, start: int, size: int, presence: BoolVar | None = None, tag: str = ""
    ) -> cp_model.IntervalVar:
        begin = self.day[event_id] * MINUTES_PER_DAY + start
        name = f"iv[{event_id}{tag}]"
        if presence is None:
            presence = self.placed[event_id]
        return self.cp.new_optional_fixed_size_interval_var(begin, size, presence, name)

    def day_in(
        self, event_id: str, days: set[int] | frozenset[int], lit: cp_model.LiteralT
    ) -> None:
        """lit => the event's day is one of `days` (lit is forced false if none is a candidate)."""
        allowed = sorted(self.domain[event_id] & set(days))
        if not allowed:
            self.cp.add_bool_and([~lit])
        elif len(allowed) < len(self.domain[event_id]):
            self.cp.add_linear_expression_in_domain(
                self.day[event_id], cp_model.Domain.from_values(allowed)
            ).only_enforce_if(lit)

    def add_term(self, name: str, coef: int, expr: cp_model.LinearExprT) -> None:
        if coef:
            self.terms[name].append((coef, expr))

    def abs_dev(self, expr: cp_model.LinearExprT, bound: int, name: str) -> cp_model.IntVar:
        """|expr| exactly (not just a lower bound), so a term measures right at any weight."""
        dev = self.cp.new_int_var(0, bound, name)
        self.cp.add_abs_equality(dev, expr)
        return dev

    def placed_dev(
        self, event_id: str, expr: cp_model.LinearExprT, bound: int, name: str
    ) -> cp_model.IntVar:
        """|expr| if the event is placed, else 0: a dropped event costs nothing."""
        dev = self.abs_dev(expr, bound, name)
        if event_id not in self.certain:
            counted = self.cp.new_int_var(0, bound, f"{name}?")
            placed = self.placed[event_id]
            self.cp.add(counted == dev).only_enforce_if(placed)
            self.cp.add(counted == 0).only_enforce_if(~placed)
            return counted
        return dev


def fixed_copy(cp: cp_model.CpModel, values: dict[int, int]) -> cp_model.CpModel:
    """A copy of the model with each variable in `values` (by index) fixed at its value: a
    neighbourhood of a search by parts, or every event placed for a presolve check."""
    copy = cp.clone()
    variables = copy.proto.variables
    for index, value in values.items():
        domain = variables[index].domain
        domain.clear()
        domain.extend([value, value])
    return copy


def search(
    solver: cp_model.CpSolver,
    cp: cp_model.CpModel,
    stop: Stop | None,
    callback: cp_model.CpSolverSolutionCallback | None = None,
) -> cp_model.CpSolverStatus:
    """`solver.solve(cp)`, which a stop (Ctrl-C, from another thread) ends with the best found
    so far: the plan's search, each solve by parts, each of an explanation's."""
    if stop is None:
        return solver.solve(cp, callback)
    stop.attach(solver)
    try:
        return solver.solve(cp, callback)
    finally:
        stop.detach(solver)


Poster = Callable[[Model], None]
POSTERS: dict[str, Poster] = {}


def posts(label: str) -> Callable[[Poster], Poster]:
    """Register the function that posts rule or term `label` of the rulebook."""
    if label not in RULEBOOK:
        raise ValueError(f"{label!r} is not in the rulebook (rules.py)")

    def register(fn: Poster) -> Poster:
        if label in POSTERS:
            raise ValueError(f"{label!r} is posted twice")
        POSTERS[label] = fn
        return fn

    return register
