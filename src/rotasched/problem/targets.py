"""What the soft terms measure against: the fair count of turns and the round-robin slot.

The solver minimises these terms and the checker measures a written plan by them, so both
import them from here: one definition, or the two would drift and the checker's scores would
no longer equal the solver's. Plain functions of plain values, so this module imports nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

FAIRNESS_SCALE = 10  # fairness is counted in tenths of a turn


def fair_target(
    share: Mapping[str, float], history: Mapping[str, int], org: str, turns: int
) -> int:
    """An org's fair count of `turns` plus history, in tenths: equal or by members.

    `share` is each pool member's weight (1, or its member count), `history` the turns each
    has already hosted before the horizon.
    """
    total = turns + sum(history.values())
    return round(FAIRNESS_SCALE * total * share[org] / sum(share.values()))


def slot_cost(k: int, rank: int, n: int) -> int:
    """How far turn k is from the turns a member of rank `rank` takes in a round robin of n."""
    if k <= rank:
        return rank - k
    d = (k - rank) % n
    return min(d, n - d)
