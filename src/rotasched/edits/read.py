"""Reading an edited hosting or visits table onto the published plan (see the package's
docstring for what is read and how)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path
from typing import Any, TypeVar

from ..export._i18n import word
from ..export._view import View
from ..export.tables import build_tables
from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Problem
from ..scenario import Issue
from ..scenario.tables import TableError, read_rows
from ..words import say
from .cells import as_date, as_time
from .cells import text as _text
from .diff import edits
from .errors import EditError
from .names import LANGS, Names

T = TypeVar("T")

# What is read back of each table, by the word key of its header (tables.py); raw/'s English
# keys are accepted as headers as well, under these names where they differ.
READ = {
    "occurrences": ("id", "date", "start", "end", "host", "co_host", "venue", "executive",
                    "centre", "room"),
    "visits": ("id", "date", "start", "end", "visit_host", "visit_guests"),
}  # fmt: skip
RAW_NAMES = {"visits": {"host": "visit_host", "guests": "visit_guests"}}
SHEETS = {"occurrences": "t_occurrences", "visits": "t_visits"}
SEPARATORS = re.compile(r"\s*[、,，;；]\s*")


@dataclass
class _Sheet:
    file: str  # the file's name, as the messages show it
    sheet: str | None  # a workbook's sheet, None for a CSV
    kind: str  # occurrences or visits
    columns: dict[str, int]  # read key -> column index
    header: list[str]
    rows: list[tuple[int, list[Any]]]


class _Row:
    """One row of an edited table: its cells by key, what was published there, and where to
    say what is wrong."""

    def __init__(
        self,
        reader: _Reader,
        sheet: _Sheet,
        number: int,
        cells: list[Any],
        shown: dict[str, set[str]],
    ) -> None:
        self.reader, self.sheet, self.number, self.shown = reader, sheet, number, shown
        self.cells = {
            key: cells[i] if i < len(cells) else None for key, i in sheet.columns.items()
        }

    def has(self, key: str) -> bool:
        return key in self.cells

    def text(self, key: str) -> str:
        return _text(self.cells.get(key))

    def unchanged(self, key: str) -> bool:
        """The cell is absent, or still shows what was published."""
        return key not in self.cells or self.text(key) in self.shown.get(key, set())

    def issue(self, key: str, code: str, params: dict[str, Any] | None = None) -> None:
        s, lang = self.sheet, self.reader.lang
        column = s.header[s.columns[key]]
        if s.sheet is None:
            where = say(lang, "error.edit_where", row=self.number, column=column)
        else:
            where = say(lang, "error.edit_where_sheet", sheet=s.sheet, row=self.number,
                        column=column)
        at = (s.sheet or "", self.number, s.columns[key])
        self.reader.issues.append((at, Issue(s.file, where, code, params or {})))

    def required(self, key: str) -> bool:
        if self.text(key):
            return True
        self.issue(key, "edit_empty")
        return False

    def _parsed(self, key: str, published: T, parse: Callable[[Any], T | None], code: str) -> T:
        """The cell read with `parse`, or the published value if the cell is absent or bad."""
        if not self.has(key) or not self.required(key):
            return published
        value = parse(self.cells[key])
        if value is None:
            self.issue(key, code, {"input": self.text(key)})
            return published
        return value

    def date(self, key: str, published: date) -> date:
        return self._parsed(key, published, as_date, "edit_bad_date")

    def time(self, key: str, published: time) -> time:
        return self._parsed(key, published, as_time, "edit_bad_time")

    def org(self, key: str, published: str) -> str:
        if self.unchanged(key) or not self.required(key):
            return published
        org, code, params = self.reader.names.org(self.text(key))
        if org is None:
            self.issue(key, code, params)
            return published
        return org

    def orgs(self, key: str, published: tuple[str, ...]) -> tuple[str, ...]:
        if self.unchanged(key) or not self.required(key):
            return published
        out = []
        for text in SEPARATORS.split(self.text(key)):
            org, code, params = self.reader.names.org(text)
            if org is None:
                self.issue(key, code, params)
                return published
            out.append(org)
        return tuple(out)


class _Reader:
    def __init__(self, path: Path, problem: Problem, published: Plan, lang: str) -> None:
        self.path, self.problem, self.published, self.lang = path, problem, published, lang
        # Each with where it is (sheet, row, column), to list them in the order of the file.
        self.issues: list[tuple[tuple[str, int, int], Issue]] = []
        self.names = Names(published, problem)
        self.view = View(published, problem, published.locale)
        self.shown = _published_cells(published, problem)

    def fail(self, code: str, params: dict[str, Any] | None = None) -> EditError:
        return EditError(self.path.name, [Issue(self.path.name, "", code, params or {})], self.lang)

    # -- the file --

    def sheets(self) -> list[_Sheet]:
        suffix = self.path.suffix.lower()
        if suffix not in (".csv", ".xlsx", ".xlsm"):
            raise self.fail("table_kind")
        if not self.path.is_file():
            raise self.fail("file_missing")
        try:
            if suffix == ".csv":
                found = [self.sheet(None, *read_rows(self.path))]
            else:
                found = self.workbook_sheets()
        except TableError as exc:
            raise self.fail(exc.code, exc.params) from exc
        sheets = [s for s in found if s is not None]
        if not sheets:
            raise self.fail("edit_no_table")
        return sheets

    def workbook_sheets(self) -> list[_Sheet | None]:
        names = dict.fromkeys(word(lang, SHEETS[k])[:31] for k in SHEETS for lang in LANGS)
        found = []
        for name in names:
            try:
                found.append(self.sheet(name, *read_rows(self.path, name)))
            except TableError as exc:
                if exc.code != "table_sheet_missing":
                    raise
        if not any(found):  # sheets renamed or copied into a new workbook: the first one
            found = [self.sheet(None, *read_rows(self.path, None))]
        return found

    def sheet(
        self, name: str | None, header: list[str], rows: list[tuple[int, list[Any]]]
    ) -> _Sheet | None:
        """The table a sheet holds, told by its header; None if it is neither."""
        labels = [_text(h) for h in header]
        pair = {word(lang, "pair") for lang in LANGS} | {"pair"}
        kind = "visits" if pair & set(labels) else "occurrences"
        known = {word(lang, key): key for lang in LANGS for key in READ[kind]}
        known |= {key: key for key in READ[kind]} | RAW_NAMES.get(kind, {})
        columns: dict[str, int] = {}
        for i, label in enumerate(labels):
            if label in known:
                columns.setdefault(known[label], i)
        if "id" not in columns:
            return None
        return _Sheet(self.path.name, name, kind, columns, [str(h) for h in header], rows)

    # -- the rows --

    def rows(self, sheet: _Sheet) -> dict[str, _Row]:
        pub = self.published
        if sheet.kind == "visits":
            ids = {v.id for v in pub.visits}
        else:
            ids = {o.id for o in pub.occurrences}
        out: dict[str, _Row] = {}
        first: dict[str, int] = {}
        for number, cells in sheet.rows:
            if all(_text(c) == "" for c in cells):
                continue
            ident = _text(cells[sheet.columns["id"]]) if sheet.columns["id"] < len(cells) else ""
            row = _Row(self, sheet, number, cells, self.shown.get((sheet.kind, ident), {}))
            if not ident:
                row.issue("id", "edit_empty")
            elif ident not in ids:
                row.issue("id", "edit_unknown_id", {"id": ident})
            elif ident in first:
                row.issue("id", "edit_duplicate_id", {"id": ident, "other": first[ident]})
            else:
                first[ident] = number
                out[ident] = row
        return out

    def occurrence(self, row: _Row, pub: Occurrence) -> Occurrence:
        host = row.org("host", pub.host)
        co_host = pub.co_host
        if not row.unchanged("co_host"):
            co_host = row.org("co_host", pub.co_host) if row.text("co_host") else ""
        elif host != pub.host:  # as the solver does: the weak host's strong partner
            series = self.problem.series.get(pub.series)
            pairs = series.strong_weak if series else ()
            co_host = next((s for s, w in pairs if w == host), "")
        venue, centre, room = pub.venue, pub.centre, pub.room
        # raw/'s table says "centre" and names the centre and room in columns of their own
        by_columns = row.has("centre") and row.has("room") and row.text("venue") == "centre"
        if by_columns and not (row.unchanged("centre") and row.unchanged("room")):
            place = self.names.room(row.text("centre"), row.text("room"))
            if place is None:
                text = f"{row.text('centre')} {row.text('room')}"
                row.issue("room", "edit_unknown_place", {"input": text})
            else:
                venue, centre, room = place
        elif not row.unchanged("venue") and row.required("venue"):
            place = self.names.place(row.text("venue"))
            if place is None:
                row.issue("venue", "edit_unknown_place", {"input": row.text("venue")})
            else:
                venue, centre, room = place
        return replace(
            pub,
            **_when(row, pub),
            host=host,
            co_host=co_host,
            venue=venue,
            centre=centre,
            room=room,
        )

    def executive(self, row: _Row) -> str | None:
        """The organisation an edited executive cell names, or None where it is not edited."""
        if row.unchanged("executive") or not row.required("executive"):
            return None
        org, code, params = self.names.executive(row.text("executive"))
        if org is None:
            row.issue("executive", code, params)
        return org

    def visit(self, row: _Row, pub: Visit) -> Visit:
        host = row.org("visit_host", pub.host)
        guests = pub.guests
        if not row.unchanged("visit_guests"):
            guests = row.orgs("visit_guests", pub.guests)
        elif host != pub.host:  # as the solver does: everyone of the pair but the host
            guests = tuple(o for o in (*pub.helpers, *pub.helped) if o != host)
        return replace(pub, **_when(row, pub), host=host, guests=guests)

    # -- the plan --

    def plan(self) -> Plan:
        pub = self.published
        occurrences, terms, visits = list(pub.occurrences), list(pub.terms), list(pub.visits)
        for sheet in self.sheets():
            rows = self.rows(sheet)
            if sheet.kind == "visits":
                visits = [self.visit(rows[v.id], v) for v in pub.visits if v.id in rows]
                continue
            occurrences = [
                self.occurrence(rows[o.id], o) for o in pub.occurrences if o.id in rows
            ]
            terms = self.terms(rows)
        if self.issues:
            found = [issue for _, issue in sorted(self.issues, key=lambda x: x[0])]
            raise EditError(self.path.name, found, self.lang)
        edited = replace(
            pub,
            occurrences=tuple(sorted(occurrences, key=lambda o: (o.date, o.start, o.id))),
            terms=tuple(terms),
            visits=tuple(sorted(visits, key=lambda v: (v.date, v.start, v.id))),
        )
        if not edits(pub, edited):
            return pub
        # No longer the solver's plan: its objective and terms no longer describe it.
        return replace(edited, status="feasible", objective=None, bound=None, gap=None,
                       terms_value={}, solver={})  # fmt: skip

    def terms(self, rows: dict[str, _Row]) -> list[Term]:
        """The published terms, with the executive secretaries the hosting rows change."""
        chosen: dict[tuple[str, str], tuple[str, int]] = {}
        for occ in self.published.occurrences:
            row = rows.get(occ.id)
            term = (self.view.rotation_of(occ.series), occ.term)
            if row is None or term not in self.view.term_of:
                continue
            org = self.executive(row)
            if org is None:
                continue
            if term in chosen and chosen[term][0] != org:
                row.issue("executive", "edit_two_executives",
                          {"term": " ".join(term), "other": chosen[term][1]})  # fmt: skip
            chosen.setdefault(term, (org, row.number))
        out = []
        for t in self.published.terms:
            org = chosen.get((t.series, t.term), (t.executive_org, 0))[0]
            if org != t.executive_org:
                person = self.problem.persons[self.problem.orgs[org].person]
                t = replace(t, executive_org=org, executive_secretary=person.key,
                            executive_name=person.name)  # fmt: skip
            out.append(t)
        return out


def _when(row: _Row, pub: Occurrence | Visit) -> dict[str, Any]:
    """An event's day and hours as edited (the published ones where a cell is untouched)."""
    return {"date": row.date("date", pub.date), "start": row.time("start", pub.start),
            "end": row.time("end", pub.end)}


def _published_cells(plan: Plan, problem: Problem) -> dict[tuple[str, str], dict[str, set[str]]]:
    """What the published tables show in each cell that is read back, in both languages and
    as raw/ has it: (table, event id) -> key -> texts."""
    out: dict[tuple[str, str], dict[str, set[str]]] = {}
    wanted = {"t_occurrences": "occurrences", "t_visits": "visits"}
    for lang in LANGS:
        for table in build_tables(plan, problem, lang):
            if table.key not in wanted:
                continue
            keys = [k for k, _ in table.columns]
            for row in table.rows:
                cells = dict(zip(keys, row, strict=True))
                shown = out.setdefault((wanted[table.key], str(cells["id"])), {})
                for key, value in cells.items():
                    shown.setdefault(key, set()).add(_text(value))
    for name, frame in plan.frames().items():
        if name not in READ:
            continue
        for record in frame.to_dict("records"):
            shown = out.setdefault((name, str(record["id"])), {})
            for key, value in record.items():
                shown.setdefault(RAW_NAMES.get(name, {}).get(key, key), set()).add(_text(value))
    return out


def read_edited(path: Path, problem: Problem, published: Plan, lang: str | None = None) -> Plan:
    """The published plan with the edits of a hand-edited hosting or visits table (CSV, or
    plan.xlsx) applied; EditError, in `lang` (default the plan's language), names every cell
    that cannot be read. The result has no objective: check it with `check.check`."""
    return _Reader(Path(path), problem, published, lang or published.locale).plan()
