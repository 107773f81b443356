"""The State Council's usual holiday arrangement, estimated for a year it has not published yet.

The statutory days come from the `holidays` package (its source-language names, which need no
translation file): 元旦, 春节 (初一–初三, and 除夕 from 2025), 清明, 劳动节 (1 May, and 2 May
from 2025), 端午, 中秋, 国庆 (1–3 October). The package knows the law of each year, so the
same rules estimate an old year under the old law, which is how they are validated.

What the State Council does with those days (its 放假调休 notice) we infer from chinesecalendar's
official arrangements for 2019–2026, reading 2024–2026 first, as they follow the 2024 revision
of 《全国年节及纪念日放假办法》:

Blocks of days off
- 春节: from 除夕, statutory days + 4 days long (two weekends' worth): 除夕–初七 since 2025
  (2025: 28 Jan–4 Feb), 除夕–初六 before (2019, 2021–2023). 2024 (初一–初八, 除夕 worked) and
  2020 (extended for the epidemic) were exceptions.
- 国庆: 1–7 October. When 中秋 falls inside it, or before it with only a weekend between, the
  two join into 8 days from the earlier one (2020: 1–8 Oct; 2023: 29 Sep–6 Oct; 2025: 1–8 Oct).
- 劳动节: 5 days holding the statutory days, starting on 1 May unless a weekend would then
  touch the block, in which case on the Saturday before (2022: 30 Apr–4 May; 2023: 29 Apr–3 May;
  2024–2026: 1–5 May).
- 元旦, 清明, 端午, a separate 中秋 (one statutory day): on a Tuesday the Monday before joins
  it, on a Thursday the Friday after (2024 清明 4–6 Apr, 2026 元旦 1–3 Jan, 2024 中秋 15–17 Sep);
  on a weekend the next Monday is the 补休 (2026 清明 4–6 Apr); on Monday, Wednesday or Friday
  it is that day alone.

调休 working weekend days
- A block needs as many as it holds weekdays beyond its statutory days (a statutory day on a
  weekend is made up inside the block).
- They are the weekend days nearest the block, one on each side when two are needed (every
  2024–2026 block), the nearer one when one is (2025 劳动节 27 Apr before, 2026 劳动节 9 May
  after); a tie goes before the block.
- A working weekend day is never alone between days off (so a Tuesday holiday works the Saturday
  before, not the Sunday: 2024 中秋 14 Sep), never a day of another holiday (2026 国庆 worked
  20 Sep because 26–27 Sep were 中秋), and never makes more than six working days in a row
  (no 2024–2026 arrangement has more: 2026 春节 worked Saturday 14 Feb, so the Sunday before
  the Monday 除夕 stayed off and the break was 9 days).

Before 2024 a whole weekend next to a block was sometimes worked, making seven working days in
a row (2019, 2022, 2023 春节; 2022, 2023 国庆), and 2019's 劳动节 had four days; the estimate
follows the recent rules, so those years differ by a day or two there. tests/test_provisional.py
measures the agreement year by year; 2021, 2025 and 2026 come out exactly as published.

An estimate also says which days an official arrangement could still change: every day within
MARGIN days of an estimated block, and every estimated working weekend day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

# The festival names WorkCalendar.holidays uses: chinesecalendar's, so that an estimated year
# reads like an official one.
NEW_YEAR = "New Year's Day"
SPRING = "Spring Festival"
QINGMING = "Tomb-sweeping Day"
LABOUR = "Labour Day"
DRAGON_BOAT = "Dragon Boat Festival"
MID_AUTUMN = "Mid-autumn Festival"
NATIONAL = "National Day"

# The holidays package's names of the statutory days, in its source language (zh_CN).
_NAMES = ("元旦", "农历除夕", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
# Statutory only since 2008; every year has the others.
_SINCE_2008 = ("清明节", "端午节", "中秋节")
# One-day festivals that never join another block (中秋 may join 国庆).
_ONE_DAY = {"清明节": QINGMING, "端午节": DRAGON_BOAT}

MAX_RUN = 6  # working days in a row an arrangement allows (none of 2024–2026 has more)
REACH = 14  # how far from a block its working weekend days may lie
MARGIN = 7  # days either side of an estimated block that an official arrangement could move

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Block:
    """Consecutive days off for one festival, as the State Council would arrange them."""

    name: str
    first: date
    last: date
    statutory: int  # statutory days it holds, those on a weekend included

    def days(self) -> list[date]:
        return [self.first + DAY * i for i in range((self.last - self.first).days + 1)]

    @property
    def weekdays(self) -> int:
        return sum(d.isoweekday() <= 5 for d in self.days())


@dataclass(frozen=True)
class Estimate:
    year: int
    holidays: dict[date, str]  # days off of the year, with the festival's name
    adjusted: frozenset[date]  # estimated 调休: weekend days of the year that are worked
    blocks: tuple[Block, ...]  # as estimated, before weekends that join them are counted
    uncertain: frozenset[date]  # days (also of a neighbouring year) an official notice could move


@cache  # building the package's holidays takes ~20 ms a year; the mapping is read-only
def statutory_days(year: int) -> Mapping[str, tuple[date, ...]]:
    """The statutory days of `year`, by the holidays package's name (元旦, 农历除夕, 春节, ...)."""
    import holidays as holidays_pkg

    # observed=False: no 补休 of the package's own; its substituted days for past years carry
    # other names ("休息日（由 … 调休）") and are left out with everything not statutory.
    cn = holidays_pkg.country_holidays("CN", years=year, observed=False, language="zh_CN")
    found: dict[str, list[date]] = {}
    for day in sorted(cn):
        for name in cn.get_list(day):
            if name in _NAMES:
                found.setdefault(name, []).append(day)
    # 除夕 is statutory only in some years; a missing 春节 or 国庆 means a `holidays` that
    # renamed them, or a year beyond its tables: better to stop than to estimate without them.
    missing = sorted(set(_NAMES) - {"农历除夕", *_SINCE_2008} - found.keys())
    if missing:
        raise RuntimeError(f"the holidays package gives no {', '.join(missing)} for {year}")
    return MappingProxyType({name: tuple(days) for name, days in found.items()})


def _short(name: str, day: date) -> Block:
    """A one-day festival: bridged to the weekend on a Tuesday or Thursday, made up on the next
    Monday when it falls on a weekend."""
    wd = day.isoweekday()
    first, last = day, day
    if wd == 2:
        first = day - DAY
    elif wd == 4:
        last = day + DAY
    elif wd >= 6:
        last = day + DAY * (8 - wd)
    return Block(name, first, last, 1)


def _labour(days: tuple[date, ...]) -> Block:
    """Five days holding the statutory ones, as late as possible without a weekend touching
    either end (which would make the break longer than five days)."""
    first = days[0]
    for start in (first - DAY * i for i in range(5)):
        end = start + DAY * 4
        if end < days[-1]:
            continue
        if (start - DAY).isoweekday() <= 5 and (end + DAY).isoweekday() <= 5:
            return Block(LABOUR, start, end, len(days))
    return Block(LABOUR, first, first + DAY * 4, len(days))


def _blocks(year: int) -> list[Block]:
    days = statutory_days(year)
    eve = days["春节"][0] - DAY  # 除夕, statutory or not
    spring = len(days["春节"]) + len(days.get("农历除夕", ()))
    blocks = [
        _short(NEW_YEAR, days["元旦"][0]),
        Block(SPRING, eve, eve + DAY * (spring + 3), spring),
        _labour(days["劳动节"]),
    ]
    blocks += [_short(name, days[key][0]) for key, name in _ONE_DAY.items() if key in days]
    national = days["国庆节"]
    first = national[0]
    moon = days.get("中秋节", (None,))[0]
    if moon and _joins(moon, first):
        start = min(moon, first)
        blocks.append(Block(NATIONAL, start, start + DAY * 7, len(national) + 1))
    else:
        if moon:
            blocks.append(_short(MID_AUTUMN, moon))
        blocks.append(Block(NATIONAL, first, first + DAY * 6, len(national)))
    return blocks


def _joins(moon: date, national: date) -> bool:
    """Whether 中秋 joins the National Day week: inside it, or before it with only a weekend
    between (2023: Friday 29 September)."""
    if moon >= national:
        return moon <= national + DAY * 7
    return all((moon + DAY * i).isoweekday() >= 6 for i in range(1, (national - moon).days))


def _working_weekends(blocks: list[Block]) -> set[date]:
    """The 调休 days: for each block in turn, the weekend days the rules above pick."""
    off = {d for b in blocks for d in b.days()}
    # Weekend days that touch a block through other weekend days belong to its break: another
    # block may not take them as working days (2026: 中秋 on Friday 25 Sep kept 26-27 Sep).
    touching: dict[date, Block] = {}
    for b in blocks:
        for edge, step in ((b.first, -DAY), (b.last, DAY)):
            d = edge + step
            while d.isoweekday() >= 6 and d not in off:
                touching[d] = b
                d += step
    adjusted: set[date] = set()

    def working(d: date) -> bool:
        return d in adjusted or (d.isoweekday() <= 5 and d not in off)

    def run(day: date, step: timedelta) -> int:
        n, d = 0, day + step
        while working(d) and n <= MAX_RUN:
            n, d = n + 1, d + step
        return n

    def fits(d: date, block: Block) -> bool:
        return (
            d.isoweekday() >= 6
            and d not in off
            and touching.get(d, block) is block
            and d not in adjusted
            and (working(d - DAY) or working(d + DAY))
            and run(d, -DAY) + 1 + run(d, DAY) <= MAX_RUN
        )

    def nearest(block: Block, start: date, step: timedelta) -> date | None:
        days = (start + step * i for i in range(1, REACH + 1))
        return next((d for d in days if fits(d, block)), None)

    for block in sorted(blocks, key=lambda b: b.first):
        used: set[str] = set()
        for _ in range(block.weekdays - block.statutory):
            options = []
            for side, end, step in (("before", block.first, -DAY), ("after", block.last, DAY)):
                day = nearest(block, end, step)
                if day is not None:
                    # A side not used yet first, then the nearer day; "before" < "after".
                    options.append((side in used, abs((day - end).days), side, day))
            if not options:
                break  # no weekend day fits: the estimate keeps the block without one
            _, _, side, day = min(options)
            adjusted.add(day)
            used.add(side)
    return adjusted


def estimate(year: int) -> Estimate:
    """The usual arrangement of `year`, estimated from its statutory days alone."""
    # The next New Year's Day may already take days of December (2018-12-29..31 for 2019).
    # 元旦 is 1 January by law: no need to ask the package for a year it may not carry yet
    # (a horizon ending 2100-12-31 would otherwise need 2101's tables).
    blocks = [*_blocks(year), _short(NEW_YEAR, date(year + 1, 1, 1))]
    adjusted = _working_weekends(blocks)
    off = {d for b in blocks for d in b.days()}
    named: dict[date, str] = {}
    spans: list[tuple[date, date]] = []
    for block in blocks:
        # A weekend that touches a block and is not worked is part of the break.
        first, last = block.first, block.last
        while (first - DAY).isoweekday() >= 6 and first - DAY not in adjusted | off:
            first -= DAY
        while (last + DAY).isoweekday() >= 6 and last + DAY not in adjusted | off:
            last += DAY
        spans.append((first, last))
        for i in range((last - first).days + 1):
            named.setdefault(first + DAY * i, block.name)
    for moon in statutory_days(year).get("中秋节", ()):
        named[moon] = MID_AUTUMN  # inside the National Day block too, the day keeps its name
    uncertain = set(adjusted)
    for first, last in spans:
        uncertain.update(first + DAY * i for i in range(-MARGIN, (last - first).days + MARGIN + 1))
    return Estimate(
        year=year,
        holidays={d: n for d, n in sorted(named.items()) if d.year == year},
        adjusted=frozenset(d for d in adjusted if d.year == year),
        blocks=tuple(blocks),
        uncertain=frozenset(uncertain),
    )
