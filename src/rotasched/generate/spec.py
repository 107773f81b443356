"""What to generate: one frozen spec per kind, checked when made, so that a spec that exists
makes a scenario that validates and plans.

Sizes count what `rotasched validate` counts: `orgs` is every organisation of the scenario
(a park's villages included), `centres` every shared centre, `pairs` every twinning pair.
The defaults are the benchmark presets (`preset(kind)`); the bundled scenarios are specs too
(bundled.py).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar, Literal

from ..words import say

Kind = Literal["park", "district", "city"]
KINDS: tuple[Kind, ...] = ("park", "district", "city")

FIRST_YEAR, LAST_YEAR = 2005, 2100  # history needs the year before; the provisional calendar ends


class SpecError(ValueError):
    """A spec the generator cannot turn into a valid scenario (words.py: `key`)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(say("en", key, **params))
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        return say(lang, self.key, **self.params)


def _within(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise SpecError("generate.range", field=name, low=low, high=high, value=value)


@dataclass(frozen=True)
class _Common:
    """Horizon and randomness, shared by every kind."""

    kind: ClassVar[Kind]
    year: int = 2026
    quarter: int | None = None  # None: the whole year
    seed: int = 0

    def _check_common(self) -> None:
        _within("year", self.year, FIRST_YEAR, LAST_YEAR)
        if self.quarter is not None:
            _within("quarter", self.quarter, 1, 4)
        _within("seed", self.seed, 0, 2**63 - 1)

    @classmethod
    def options(cls) -> tuple[str, ...]:
        """The size fields, as the CLI offers them."""
        common = {f.name for f in fields(_Common)}
        return tuple(f.name for f in fields(cls) if f.name not in common)


@dataclass(frozen=True)
class ParkSpec(_Common):
    """One industrial park (黄金口都市工业园): member enterprises, a 党建工作站, a duty rotation
    over the monthly theme day, quarterly lecture and joint meeting, a monthly volunteer day,
    and villages twinned with its firms."""

    kind: ClassVar[Kind] = "park"
    orgs: int = 30  # the park's members plus its villages
    rooms: int = 3  # rooms of the station
    pairs: int = 15
    villages: int | None = None  # None: three, or a third of the pairs when more

    def __post_init__(self) -> None:
        self._check_common()
        _within("rooms", self.rooms, 1, 6)
        _within("pairs", self.pairs, 0, 1000)
        if self.villages is not None:  # every village is twinned, every pair has one
            _within("villages", self.villages, 1 if self.pairs else 0, self.pairs)
        _within("orgs", self.orgs, self.villages_n + MIN_PARK, self.villages_n + 400)
        _within("pairs", self.pairs, 0, 2 * self.members)

    @property
    def villages_n(self) -> int:
        if self.villages is not None:
            return self.villages
        return min(self.pairs, max(3, -(-self.pairs // 3)))

    @property
    def members(self) -> int:
        return self.orgs - self.villages_n


MIN_PARK = 8  # members of a park: a large firm, a medium one, small ones sharing a secretary


@dataclass(frozen=True)
class DistrictSpec(_Common):
    """A district's area-based joint meeting (区域化党建联席会议): units in streets, each street
    rotating its theme day and joint meeting, shared 党群服务中心, and 共驻共建 pairs of units
    with communities."""

    kind: ClassVar[Kind] = "district"
    orgs: int = 150
    centres: int = 25
    pairs: int = 100
    streets: int = 10

    def __post_init__(self) -> None:
        self._check_common()
        _within("streets", self.streets, 1, 10)
        _within("orgs", self.orgs, MIN_STREET * self.streets, MAX_STREET * self.streets)
        # The district's, one per street, then one per community at most (two in five units).
        _within("centres", self.centres, 1, 1 + self.streets + self.orgs // 4)
        _within("pairs", self.pairs, 0, self.orgs)


MIN_STREET, MAX_STREET = 6, 40  # units of a street: communities, an organ, enterprises


@dataclass(frozen=True)
class CitySpec(_Common):
    """A city's programme: district organs, communities, villages and enterprises, parks with
    duty rotations, 党群服务中心 and park stations, and twinning in every form (百名处级干部
    联系服务百家企业, 社区帮村, 多帮一, 一帮多)."""

    kind: ClassVar[Kind] = "city"
    orgs: int = 1000
    centres: int = 50
    rooms_per_centre: int = 3
    pairs: int = 500
    parks: int = 30
    organs: int | None = None  # None: one in twenty organisations, at most 50
    communities: int | None = None  # None: one in twenty
    villages: int | None = None  # None: one in ten

    def __post_init__(self) -> None:
        self._check_common()
        _within("orgs", self.orgs, 10, 5000)
        _within("rooms_per_centre", self.rooms_per_centre, 1, 4)
        _within("organs", self.organs_n, 1, self.orgs)
        _within("communities", self.communities_n, 0, self.orgs)
        _within("villages", self.villages_n, 0, self.orgs)
        _within("parks", self.parks, 0, self.orgs // MIN_PARK)
        _within("centres", self.centres, 1, self.orgs)
        others = self.organs_n + self.communities_n + self.villages_n
        _within("orgs", self.orgs, others + MIN_PARK * self.parks + 1, 5000)
        _within("pairs", self.pairs, 0, self.rural_pairs + self.enterprises)

    @property
    def organs_n(self) -> int:
        return self.organs if self.organs is not None else min(50, max(2, self.orgs // 20))

    @property
    def communities_n(self) -> int:
        return self.communities if self.communities is not None else self.orgs // 20

    @property
    def villages_n(self) -> int:
        return self.villages if self.villages is not None else self.orgs // 10

    @property
    def enterprises(self) -> int:
        return self.orgs - self.organs_n - self.communities_n - self.villages_n

    @property
    def rural_pairs(self) -> int:
        """Every village in one pair: a community each first, the rest helped by organs."""
        one_to_one = min(self.communities_n, self.villages_n)
        rest = self.villages_n - one_to_one
        return one_to_one + rest // 3 + len(one_to_many_sizes(rest - rest // 3))


def one_to_many_sizes(villages: int) -> list[int]:
    """Villages per one-to-many group: 2, 3, 2, 2, 3, ... (a lone last one joins the group
    before it)."""
    sizes: list[int] = []
    pattern = (2, 3, 2, 2, 3)
    while villages > 0:
        size = min(pattern[len(sizes) % len(pattern)], villages)
        if size == 1 and sizes:
            sizes[-1] += 1
        else:
            sizes.append(size)
        villages -= size
    return sizes


Spec = ParkSpec | DistrictSpec | CitySpec
SPECS: dict[str, type[ParkSpec] | type[DistrictSpec] | type[CitySpec]] = {
    "park": ParkSpec,
    "district": DistrictSpec,
    "city": CitySpec,
}


def preset(kind: str, seed: int = 0) -> Spec:
    """The benchmark sizes: park 30 organisations (one station, 3 rooms, 15 pairs), district
    150 organisations (25 centres, 100 pairs), city 1,000 organisations (50 centres × 3 rooms,
    30 parks, 500 pairs); each a whole year."""
    if kind not in SPECS:
        raise SpecError("generate.kind", kind=kind, kinds=", ".join(KINDS))
    return SPECS[kind](seed=seed)
