"""Unique Chinese names from one seeded generator, and how organs and officials are called."""

from __future__ import annotations

import random

from .lists import BRANDS, GIVEN, SURNAME_WEIGHTS, SURNAMES

# A brand names one firm while there are brands to spare; past that, a brand recurs in
# another trade (武汉恒达物流 beside 武汉恒达建材), as in any large city.
BRAND_ONCE = len(BRANDS) * 7 // 8
# Places run out in a large district or city: then 月湖东社区, 月湖西社区, ...
QUARTERS = "东西南北新"

Trade = tuple[str, int, int]  # (name suffix, smallest and largest party membership)


class Names:
    """People and enterprises, each name once per scenario, drawn from `rng`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: set[str] = set()  # membership only, never iterated
        self.firms: set[str] = set()
        self.brands: set[str] = set()

    def person(self) -> str:
        while True:
            surname = self.rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
            name = surname + self.rng.choice(GIVEN)
            if name not in self.people:
                self.people.add(name)
                return name

    def firm(self, trades: list[Trade]) -> tuple[str, int, int]:
        """A unique enterprise name plus its trade's member range."""
        while True:
            brand = self.rng.choice(BRANDS)
            suffix, low, high = self.rng.choice(trades)
            prefix = "湖北" if self.rng.random() < 0.15 else "武汉"
            once = len(self.brands) < BRAND_ONCE
            if (brand not in self.brands) if once else (brand + suffix not in self.firms):
                self.brands.add(brand)
                self.firms.add(brand + suffix)
                return prefix + brand + suffix, low, high


def place(names: list[str] | tuple[str, ...], i: int) -> str:
    """The i-th place name of a list, or a quarter of it once the list runs out."""
    base, lap = names[i % len(names)], i // len(names)
    if lap == 0:
        return base
    return base + (QUARTERS[lap - 1] if lap <= len(QUARTERS) else str(lap))


def near(rng: random.Random, lat: float, lon: float, spread: float) -> tuple[float, float]:
    """A point within `spread` degrees of (lat, lon), to four decimals (about 10 m)."""
    return (
        round(lat + rng.uniform(-spread, spread), 4),
        round(lon + rng.uniform(-spread, spread), 4),
    )


def short_organ(name: str) -> str:
    """How a pair list names an organ: 汉阳区发展和改革局 -> 区发展和改革局."""
    special = {
        "共青团汉阳区委员会": "团区委",
        "国家税务总局武汉市汉阳区税务局": "区税务局",
        "武汉市自然资源和城乡建设局汉阳分局": "市自然资源和城乡建设局汉阳分局",
        "武汉市生态环境局汉阳分局": "市生态环境局汉阳分局",
        "武汉市公安局汉阳区分局": "汉阳公安分局",
    }
    if name in special:
        return special[name]
    return "区" + name[3:] if name.startswith("汉阳区") else name


# (what the organ's name holds, its head's post, its deputies' posts)
POSTS = [
    ("法院", "院长", ["副院长"]),
    ("检察院", "检察长", ["副检察长"]),
    ("党校", "常务副校长", ["副校长"]),
    ("大队", "大队长", ["政治教导员"]),
    ("共青团", "书记", ["副书记"]),
    ("政法委员会", "常务副书记", ["副书记"]),
    ("部", "常务副部长", ["副部长"]),
    ("办公室", "主任", ["副主任"]),
    ("会", "常务副主席", ["副主席"]),
    ("中心", "主任", ["副主任"]),
    ("馆", "馆长", ["副馆长"]),
    ("局", "党组书记、局长", ["副局长", "党组成员、副局长", "一级调研员"]),
]


def title(organ: str, deputy: bool, k: int) -> str:
    """The post of a 处级 official in an organ: the head, or one of the deputies."""
    for key, head, deputies in POSTS:
        if key in organ[-6:] or organ.startswith(key):
            return deputies[k % len(deputies)] if deputy else head
    return "副主任" if deputy else "主任"
