"""Where an infeasibility core is looked for before the whole problem.

A core is sought with one assumption per event on one worker. At city size the whole model
takes a second to build (the plan's own is reused instead) and as long again to presolve,
while the reason is usually small: activities that outnumber the slots of their rooms, or a
pair whose visits do not fit. So explain.core_events looks first where that is cheap:

- `counted_core`: activities that counting alone shows their rooms cannot take
  (explain_count.overbooked_at_once). No model, no solver: milliseconds at city size, and a
  core from which no activity can be left out, where the solver's names whatever its search
  happened to need (5 lectures for 3 slots where 4 say it). Counting gives every activity
  each (room, day) the model lets it take, so the activities cannot all be placed in the
  whole problem either: it is a core of the whole.
- `twinning_alone`: every link and none of the series, where a presolve (then a solve for the
  core) takes a fraction of a second at city size. It keeps each link whole with every hard
  rule among the visits; what ties them to the activities left out (an organisation busy at
  one, a host receiving no visit on a day it hosts) is left out with them. It only has fewer
  rules, so a set of visits that cannot all be placed in it cannot be in the whole problem
  either: a core of the twinning alone is a core of the whole.
"""

from __future__ import annotations

from ..problem import Problem
from ..problem.parts import Part, restrict
from .explain_count import overbooked_at_once

# The rules counting over-booked rooms relies on: with one of them left out (SolveOptions.off),
# an activity may take slots counting does not give it, and counting proves nothing.
COUNTED = frozenset(
    {"occurrence_date", "one_host", "host_available", "room_fits", "room_single_use"}
)


def counted_core(p: Problem, off: frozenset[str] = frozenset()) -> list[str]:
    """Activities that counting shows their rooms cannot all take, none of them spare; [] if
    counting shows none (which never means there is a plan)."""
    if COUNTED & off:
        return []
    return overbooked_at_once(p)


def twinning_alone(p: Problem) -> Problem | None:
    """The problem with its twinning only, for an explanation (no soft term's data either);
    None if it has no twinning or nothing else (it would be the whole problem)."""
    if not p.visits or not p.occurrences:
        return None
    # The same cut as planning by parts makes (its soft-term settings do not matter here: an
    # explanation's model has no soft term).
    return restrict(p, Part("visits", (), (), (), tuple(p.visits)))
