"""Stage 3: the prepared problem, frozen. The only place that derives things.

From a validated scenario and its working calendar, `prepare()` works out every occurrence of
every series (period, candidate days, preferred day, term), every twinning visit (link,
period, candidate days), what each room and organisation can do on which day, and travel
times. The solver and the checker both read this one frozen `Problem`, so they can never
disagree about what the scenario means.

The package is split by job:
    model.py    the frozen values (Org, Person, Room, Occurrence, ..., Problem)
    periods.py  periods of a cadence, term labels, a day rule's preferred day
    targets.py  what the soft terms measure against (fair share, round-robin slot)
    travel.py   minutes between places: the scenario's figure or an estimate
    fixed.py    a re-plan's reference plan, freeze day and pins (what nobody may move)
    duty.py     group rotations: duty terms, and what a group's members take turns at
    derive.py   prepare(): scenario and calendar in, Problem out
Importers use `rotasched.problem` and need not know the split.
"""

from .derive import prepare
from .fixed import Anchor, Pin, Reference, Refusal
from .model import (
    MINUTES_PER_DAY,
    Duty,
    Link,
    Occurrence,
    Org,
    Person,
    Problem,
    Room,
    Rotation,
    SeriesInfo,
    TermSpan,
    Visit,
)
from .periods import periods, preferred_day
from .targets import FAIRNESS_SCALE, fair_target, slot_cost

__all__ = [
    "FAIRNESS_SCALE",
    "MINUTES_PER_DAY",
    "Anchor",
    "Duty",
    "Link",
    "Occurrence",
    "Org",
    "Person",
    "Pin",
    "Problem",
    "Reference",
    "Refusal",
    "Room",
    "Rotation",
    "SeriesInfo",
    "TermSpan",
    "Visit",
    "fair_target",
    "periods",
    "preferred_day",
    "prepare",
    "slot_cost",
]
