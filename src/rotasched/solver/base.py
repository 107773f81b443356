"""The shared CP-SAT model that the rule modules post into.

One integer day variable per occurrence and per visit (measured here: far lighter than one
Boolean per candidate day), Booleans for hosts, executive secretaries and room options, and
fixed-size intervals on `day * 1440 + start` for the no-overlap rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from ..problem import MINUTES_PER_DAY, Problem

BoolVar = cp_model.IntVar
LinearTerms = list[tuple[int, cp_model.LinearExprT]]


@dataclass
class Model:
    """CP-SAT model plus the variables every rule module needs, by event id."""

    problem: Problem
    explain: bool = False  # build for an infeasibility explanation: placement is assumed
    cp: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    day: dict[str, cp_model.IntVar] = field(default_factory=dict)  # occurrence or visit id
    domain: dict[str, frozenset[int]] = field(default_factory=dict)  # its candidate days
    placed: dict[str, cp_model.IntVar] = field(default_factory=dict)
    host: dict[str, dict[str, BoolVar]] = field(default_factory=dict)  # event -> org -> lit
    executive: dict[tuple[str, str], dict[str, BoolVar]] = field(default_factory=dict)
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
    travel_sums: dict[tuple[str, str], int] = field(default_factory=dict)  # (series, place)

    def new_event(self, event_id: str, candidates: tuple[int, ...]) -> cp_model.IntVar:
        """The day variable and placement literal of an occurrence or visit."""
        cp = self.cp
        if not candidates:
            self.static_problems.append((event_id, "no_day"))
            candidates = (0,)
        day = cp.new_int_var_from_domain(
            cp_model.Domain.from_values(candidates), f"day[{event_id}]"
        )
        placed = cp.new_bool_var(f"placed[{event_id}]")
        if not self.explain:
            cp.add(placed == 1)
        self.day[event_id] = day
        self.domain[event_id] = frozenset(candidates)
        self.placed[event_id] = placed
        return day

    def interval(
        self, event_id: str, start: int, size: int, presence: BoolVar | None = None, tag: str = ""
    ) -> cp_model.IntervalVar:
        begin = self.day[event_id] * MINUTES_PER_DAY + start
        name = f"iv[{event_id}{tag}]"
        if presence is None:
            presence = self.placed[event_id]
        return self.cp.new_optional_fixed_size_interval_var(begin, size, presence, name)

    def day_in(self, event_id: str, days: set[int] | frozenset[int], lit: BoolVar) -> None:
        """lit => the event's day is one of `days` (lit is forced false if none is a candidate)."""
        allowed = sorted(self.domain[event_id] & set(days))
        if not allowed:
            self.cp.add(lit == 0)
        elif len(allowed) < len(self.domain[event_id]):
            self.cp.add_linear_expression_in_domain(
                self.day[event_id], cp_model.Domain.from_values(allowed)
            ).only_enforce_if(lit)

    def add_term(self, name: str, coef: int, expr: cp_model.LinearExprT) -> None:
        if coef:
            self.terms[name].append((coef, expr))
