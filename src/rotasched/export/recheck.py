"""The planned dates to check again once a provisional year's official arrangement is published.

A plan on a provisional calendar rests on an estimate of the State Council's arrangement; the
calendar marks the days the real one could still turn into holidays or working days
(`WorkCalendar.uncertain`). Every occurrence and visit planned on such a day is listed here, for
summary.json, the site's index and `rotasched plan`'s terminal output.

A term (执行书记) is not listed: its span is its calendar period (a month, a quarter), which no
holiday arrangement moves; the occurrences inside it are listed on their own.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import Literal, NamedTuple

from ..calendar import WorkCalendar
from ..plan import Plan
from ..words import say
from . import _i18n
from ._view import one_line

Kind = Literal["occurrence", "visit"]


class Recheck(NamedTuple):
    date: date
    kind: Kind
    what: str  # the event's id
    name: str  # its series or pair name, as the scenario spells it


def rechecks(plan: Plan, calendar: WorkCalendar) -> list[Recheck]:
    """The plan's events on days an official arrangement could still move, by date."""
    if not calendar.provisional:
        return []
    found = [
        Recheck(o.date, "occurrence", o.id, o.series_name)
        for o in plan.occurrences
        if o.date in calendar.uncertain
    ]
    found += [
        Recheck(v.date, "visit", v.id, v.pair_name)
        for v in plan.visits
        if v.date in calendar.uncertain
    ]
    return sorted(found)


def provisional_years(calendar: WorkCalendar) -> list[int]:
    return sorted(y for y, source in calendar.sources.items() if source == "provisional")


def as_json(items: list[Recheck]) -> list[dict[str, str]]:
    return [{"date": r.date.isoformat(), "what": r.what, "kind": r.kind} for r in items]


def terminal_lines(plan: Plan, calendar: WorkCalendar, lang: str) -> list[str]:
    """What `rotasched plan` prints on a provisional calendar: a heading, then one line per
    date with what is planned on it; or the one line saying nothing is."""
    if not calendar.provisional:
        return []
    years = _i18n.join(lang, [str(y) for y in provisional_years(calendar)])
    items = rechecks(plan, calendar)
    if not items:
        return [_i18n.word(lang, "recheck_none", years=years)]
    days = [(day, list(group)) for day, group in groupby(items, key=lambda r: r.date)]
    out = [say(lang, "cli.recheck", n=len(days), years=years)]
    for day, group in days:
        what = _i18n.join(lang, [describe(r, lang) for r in group])
        out.append(f"  {day.isoformat()} {_i18n.weekday(lang, day.isoweekday())}  {what}")
    return out


def recheck_rows(plan: Plan, calendar: WorkCalendar, lang: str) -> list[list[str]]:
    """The site's table: date, weekday, kind, name, id."""
    return [
        [
            r.date.isoformat(),
            _i18n.weekday(lang, r.date.isoweekday()),
            kind_word(lang, r.kind),
            one_line(r.name),
            r.what,
        ]
        for r in rechecks(plan, calendar)
    ]


def describe(item: Recheck, lang: str) -> str:
    """Its kind, name and id, as in 联合活动 主题党日（theme.2027-02）."""
    text = f"{kind_word(lang, item.kind)} {one_line(item.name)}"
    return _i18n.word(lang, "paren", text=text, inner=item.what)


def kind_word(lang: str, kind: Kind) -> str:
    return _i18n.word(lang, KIND_WORDS[kind])


# Spelled out whole, so that the words test sees each one used.
KIND_WORDS: dict[Kind, str] = {"occurrence": "kind_occurrence", "visit": "kind_visit"}
