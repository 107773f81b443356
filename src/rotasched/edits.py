"""A published table edited by hand, read back as a plan (after export: it reads what
export/tables.py wrote).

A committee opens tables/plan.xlsx or tables/hosting.csv (or visits.csv), changes a host, a
date, a room or the executive secretary, and sends the file back. `read_edited` takes it as a
person and their spreadsheet leave it:

- headers in Chinese or English (or raw/'s keys), columns in any order, rows in any order;
- names where the plan has ids (ids are accepted too), without the `'` that kept a name from
  being read as a formula;
- dates and times as text (2026-04-24, 2026/4/24, 2026年4月24日, 9:00) or as real dates and
  times, which Excel and WPS make of them;
- CSV in UTF-8 (with or without BOM) or GB18030; in a workbook the hosting sheet (承办安排 /
  Hosting) and the visits sheet (结对互访 / Twinning visits).

Rows are matched to the published plan by their ID column. Only what a person decides is read:
date, start, end, host, co-host, venue and executive secretary of an occurrence; date, start,
end, host and visitors of a visit. The rest (weekday, activity, participants...) follows from
those and is not read. A cell that still shows what was published keeps the published value,
so an own-room venue that names the old host, or a name two organisations share, stays as it
was. An event the table no longer lists is gone from the edited plan: the checker then says so.

Everything wrong is raised at once as an `EditError`, a ScenarioError that names the file, row
and column of each problem in the plan's language; the CLI prints it like a scenario's errors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

from .export._i18n import word
from .export._view import View, one_line
from .export.tables import build_tables, defuse
from .plan import Occurrence, Plan, Term, Visit, event_key
from .problem import Problem
from .scenario import Issue, ScenarioError
from .scenario.tables import TableError, read_rows
from .words import say

LANGS = ("zh", "en")

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
Place = tuple[Literal["centre", "own", "none"], str, str]  # an occurrence's venue, centre, room


@dataclass(frozen=True)
class Edit:
    """One difference between the published plan and the edited one, in raw/'s values."""

    key: str  # plan.event_key of the event
    field: str  # a field of Occurrence, Term or Visit; "added" or "removed" for a whole event
    old: str  # ids, ISO dates, HH:MM, lists joined by ";"; "" for an added or removed event
    new: str


class EditError(ScenarioError):
    """Every problem of one edited table, raised at once."""

    def __init__(self, file: str, problems: list[Issue], locale: str = "en") -> None:
        self.file = file
        super().__init__(problems, locale)

    def render(self, locale: str | None = None) -> str:
        loc = locale or self.locale
        head = say(loc, "error.edits_head", file=self.file, n=len(self.problems))
        return "\n".join([head, *("  " + p.render(loc) for p in self.problems)])


# ---- cells -------------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A cell as text on one line, without the `'` tables.py put before a formula-like name."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(one_line(str(value)).split())
    if text.startswith("'") and defuse(text[1:]) == text:
        return text[1:]
    return text


_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0?0:00(?::00)?)?"
    r"|(\d{4})(\d{2})(\d{2})"  # 20260424
)
_TIME = re.compile(
    r"(上午|下午)?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?"
)
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of a spreadsheet's date numbers


def as_date(value: Any) -> date | None:
    """A date from a real date cell, a spreadsheet's day number or text; None if not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 367 <= value < 2958466:  # 1901 to 9999: a date cell whose format was lost
            return EXCEL_EPOCH + timedelta(days=int(value))
    match = _DATE.fullmatch(_text(value))
    if match is None:
        return None
    parts = [int(x) for x in match.groups() if x is not None]
    try:
        return date(*parts)
    except ValueError:
        return None


def as_time(value: Any) -> time | None:
    """A time of day from a real time cell, a fraction of a day or text; None if not one."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60) if minutes < 24 * 60 else None
    match = _TIME.fullmatch(_text(value))
    if match is None:
        return None
    noon, hour, minute, ampm = match.groups()
    h, m = int(hour), int(minute)
    afternoon = noon == "下午" or (ampm or "").lower() == "pm"
    if (noon or ampm) and h <= 12:
        h = h % 12 + (12 if afternoon else 0)
    return time(h, m) if h < 24 and m < 60 else None


# ---- names ---------------------------------------------------------------------------------


class _Names:
    """Names (and ids) of the problem's organisations, rooms and executives, as the tables
    write them in either language."""

    def __init__(self, plan: Plan, problem: Problem) -> None:
        self.problem = problem
        self.orgs: dict[str, list[str]] = {}
        for oid, org in problem.orgs.items():
            self.orgs.setdefault(_text(org.name), []).append(oid)
        self.places: dict[str, Place] = {}
        view = View(plan, problem, "zh")
        alone = Counter(_text(r.name) for r in problem.rooms.values())
        for key, r in problem.rooms.items():
            place: Place = ("centre", r.centre, r.room)
            labels = [view.room_label(key), f"{r.centre_name}{r.name}", key]
            labels += [r.name] if alone[_text(r.name)] == 1 else []
            for label in labels:
                self.places.setdefault(_text(label), place)
        for lang in LANGS:
            self.places[_text(word(lang, "venue_none"))] = ("none", "", "")
        self.places["none"] = ("none", "", "")
        self.own = [_text(word(lang, "venue_own")) for lang in LANGS]
        self.executives: dict[str, str] = {}
        for oid, org in problem.orgs.items():
            person = problem.persons.get(org.person)
            name = person.name if person else org.person
            for lang in LANGS:
                label = word(lang, "paren", text=name, inner=org.name)
                self.executives.setdefault(_text(label), oid)

    def org(self, text: str) -> tuple[str | None, str, dict[str, Any]]:
        """(id, "", {}) or (None, error code, params)."""
        ids = self.orgs.get(text, [])
        if len(ids) == 1:
            return ids[0], "", {}
        if ids:
            return None, "edit_ambiguous_org", {"input": text, "ids": ", ".join(ids)}
        if text in self.problem.orgs:
            return text, "", {}
        return None, "edit_unknown_org", {"input": text}

    def executive(self, text: str) -> tuple[str | None, str, dict[str, Any]]:
        if text in self.executives:
            return self.executives[text], "", {}
        org, code, params = self.org(text)
        if org is not None:
            return org, "", {}
        led = [p.orgs for p in self.problem.persons.values() if _text(p.name) == text]
        if len(led) == 1 and len(led[0]) == 1:
            return led[0][0], "", {}
        if led:
            ids = ", ".join(o for orgs in led for o in orgs)
            return None, "edit_ambiguous_org", {"input": text, "ids": ids}
        return None, code, params

    def place(self, text: str) -> Place | None:
        if text == "own" or any(word in text for word in self.own):
            return ("own", "", "")
        return self.places.get(text)

    def room(self, centre: str, room: str) -> Place | None:
        """A raw table's centre and room columns, as ids or names."""
        centres = [c for c, name in self.problem.centres.items() if centre in (c, _text(name))]
        for c in centres:
            for r in self.problem.rooms.values():
                if r.centre == c and room in (r.room, _text(r.name)):
                    return ("centre", r.centre, r.room)
        return None


# ---- rows ----------------------------------------------------------------------------------


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

    def date(self, key: str, published: date) -> date:
        if not self.has(key) or not self.required(key):
            return published
        day = as_date(self.cells[key])
        if day is None:
            self.issue(key, "edit_bad_date", {"input": self.text(key)})
            return published
        return day

    def time(self, key: str, published: time) -> time:
        if not self.has(key) or not self.required(key):
            return published
        at = as_time(self.cells[key])
        if at is None:
            self.issue(key, "edit_bad_time", {"input": self.text(key)})
            return published
        return at

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
        self.names = _Names(published, problem)
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
            date=row.date("date", pub.date),
            start=row.time("start", pub.start),
            end=row.time("end", pub.end),
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
        return replace(
            pub,
            date=row.date("date", pub.date),
            start=row.time("start", pub.start),
            end=row.time("end", pub.end),
            host=host,
            guests=guests,
        )

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


# ---- the API -------------------------------------------------------------------------------


def read_edited(path: Path, problem: Problem, published: Plan, lang: str | None = None) -> Plan:
    """The published plan with the edits of a hand-edited hosting or visits table (CSV, or
    plan.xlsx) applied; EditError, in `lang` (default the plan's language), names every cell
    that cannot be read. The result has no objective: check it with `check.check`."""
    return _Reader(Path(path), problem, published, lang or published.locale).plan()


def _plain(value: Any) -> str:
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return str(value)


def _events(plan: Plan) -> dict[str, Occurrence | Term | Visit]:
    events: list[Occurrence | Term | Visit] = [*plan.occurrences, *plan.terms, *plan.visits]
    return {event_key(e): e for e in events}


def edits(published: Plan, edited: Plan) -> list[Edit]:
    """What the edited plan changed, field by field, sorted by event key then field order:
    e.g. Edit("occurrence:theme-day.2026-04", "host", "a", "d")."""
    before, after = _events(published), _events(edited)
    out = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            out.append(Edit(key, "added" if old is None else "removed", "", ""))
            continue
        for f in fields(old):
            a, b = _plain(getattr(old, f.name)), _plain(getattr(new, f.name))
            if a != b:
                out.append(Edit(key, f.name, a, b))
    return out
