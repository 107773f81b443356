"""A re-plan's changes as people read them: raw/changes.csv, a table (CSV and a sheet of
plan.xlsx), the site's changes.html and, through `rotasched.show`, the terminal.

`compare.changes` says which events changed and how, in ids; here each row gets the names a
committee knows (organisations, rooms, the activity) and the kinds of change in words. Every
writer reads the same `Change` rows, so the table, the page and the terminal never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..compare import CHANGES, Facts, changes, count_changes, facts
from ..plan import Plan
from ..problem import Problem
from ..words import say
from ._view import View, one_line
from .tables import Table, marked_provisional

# Word keys of the kinds of event and of change (their words are in rotasched.words).
KIND_WORDS = {"occurrence": "kind_occurrence", "term": "kind_term", "visit": "kind_visit"}


@dataclass(frozen=True)
class Side:
    """One event as one of the two plans has it, with names in the reader's language."""

    date: date
    time: str  # "09:00–11:00"; a term: "until <its last day>"
    host: str  # organisation id (a term: its executive organisation)
    host_name: str
    place: str  # as compare.Facts has it: "centre:room", "own:<org>" or ""
    place_name: str


@dataclass(frozen=True)
class Change:
    key: str  # plan.event_key
    kind: str  # occurrence, term, visit
    id: str
    kind_name: str
    name: str
    change: tuple[str, ...]  # kinds of change, compare.CHANGES order
    change_words: str
    old: Side | None  # None: added
    new: Side | None  # None: cancelled

    @property
    def date(self) -> date:
        """The date the row is filed under: the new one, or the old one of a cancelled event."""
        side = self.new or self.old
        assert side is not None
        return side.date


def _side(f: Facts, v: View) -> Side:
    if f.start is not None and f.end is not None:
        when = f"{f.start:%H:%M}–{f.end:%H:%M}"
    else:
        when = v.w("until", day=f.end_date.isoformat())
    return Side(f.date, when, f.host, one_line(v.org_name(f.host)) if f.host else "", f.place,
                one_line(_place_name(f, v)))


def _place_name(f: Facts, v: View) -> str:
    kind, _, rest = f.place.partition(":")
    if kind == "own":
        return v.paren(v.org_name(rest), v.w("venue_own"))
    if f.place:
        return v.room_label(f.place)
    return v.w("venue_none") if f.kind == "occurrence" else ""


def change_list(old: Plan, new: Plan, problem: Problem, lang: str) -> list[Change]:
    """One Change per changed event, in `compare.changes` order (by date, then key)."""
    v = View(new, problem, lang)
    before, after = facts(old), facts(new)
    out = []
    for row in changes(old, new).itertuples(index=False):
        o, n = before.get(row.key), after.get(row.key)
        kinds = tuple(str(row.change).split(";"))
        ref = n or o
        assert ref is not None
        name = v.series_name(ref.name) if ref.kind == "term" else ref.name
        out.append(Change(
            key=ref.key, kind=ref.kind, id=ref.ident, kind_name=v.w(KIND_WORDS[ref.kind]),
            name=one_line(name), change=kinds,
            change_words=v.join([say(lang, f"change.{k}") for k in kinds]),
            old=_side(o, v) if o else None, new=_side(n, v) if n else None,
        ))  # fmt: skip
    return out


def counts_line(old: Plan, new: Plan, problem: Problem, lang: str) -> str:
    """"N events changed: a moved, b with a new host, ..." in the reader's language."""
    v = View(new, problem, lang)
    return v.w("change_counts", **count_changes(old, new))


def counts(old: Plan, new: Plan, problem: Problem, lang: str) -> list[tuple[str, int]]:
    """(kind of change in words, how many events) in compare.CHANGES order."""
    n = count_changes(old, new)
    return [(say(lang, f"change.{k}"), n[k]) for k in CHANGES]


def change_table(rows: list[Change], plan: Plan, problem: Problem, lang: str) -> Table:
    """The changes as a table of tables.py: a CSV of tables/ and a sheet of plan.xlsx."""
    v = View(plan, problem, lang)

    def side(s: Side | None) -> tuple[date | None, str, str, str]:
        return (s.date, s.time, s.host_name, s.place_name) if s else (None, "", "", "")

    body = []
    for c in rows:
        od, ot, oh, op = side(c.old)
        nd, nt, nh, np = side(c.new)
        body.append((c.kind_name, c.name, c.change_words, od, ot, nd, nt, oh, nh, op, np, c.id))
    table = Table("t_changes", "changes.csv", (
        ("kind", "text"), ("activity", "text"), ("change", "text"),
        ("old_date", "date"), ("old_time", "text"), ("new_date", "date"), ("new_time", "text"),
        ("old_host", "text"), ("new_host", "text"), ("old_place", "text"), ("new_place", "text"),
        ("id", "text"),
    ), tuple(body))  # fmt: skip
    return marked_provisional(table, v) if v.provisional else table


def write_raw_changes(old: Plan, new: Plan, folder: Path) -> Path:
    """raw/changes.csv: `compare.changes` with untouched values (ids, ISO dates)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "changes.csv"
    changes(old, new).to_csv(path, index=False, lineterminator="\n")
    return path

