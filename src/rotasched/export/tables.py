"""tables/: the plan as tables for people, in the chosen language.

Five tables: 承办安排 (hosting), 执行书记 (executive terms), 场地预订 (room bookings),
结对互访 (twinning visits), 单位汇总 (per organisation). Each is a CSV (UTF-8 with BOM, so Excel
sees the Chinese) and a sheet of one workbook, plan.xlsx, with real date and time cells.

Names are user text and may start with `=`, `+`, `-`, `@`: a spreadsheet must never run them.
In CSV such a cell gets a leading `'` (OWASP, CWE-1236) and every text field is quoted; in
XLSX every text is written as a string cell (never a formula). The raw/ tables keep the
untouched values. Workbook metadata and zip entry times are fixed, so the same plan gives the
same bytes.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal

import xlsxwriter

from ..plan import Plan
from ..problem import Problem
from . import _i18n
from ._view import View, one_line, room_key

Kind = Literal["text", "date", "time", "int", "float", "percent"]  # percent: a fraction
Cell = str | int | float | date | time | None

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    key: str  # word key of its title
    file: str  # CSV file name
    columns: tuple[tuple[str, Kind], ...]  # (word key of the header, kind)
    rows: tuple[tuple[Cell, ...], ...]
    # Header texts and sheet name given as they are, where they hold names (a what-if
    # comparison's columns per group and centre); else the words of the keys.
    headers: tuple[str, ...] = ()
    title: str = ""

    def header_texts(self, lang: str) -> list[str]:
        return list(self.headers) or [_i18n.word(lang, key) for key, _ in self.columns]

    def sheet_name(self, lang: str) -> str:
        return self.title or _i18n.word(lang, self.key)


def defuse(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading `'` where it could start a formula."""
    if text.startswith(FORMULA_TRIGGERS) or text.lstrip(" \n").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def build_tables(plan: Plan, problem: Problem, lang: str) -> list[Table]:
    v = View(plan, problem, lang)

    def name(org: str) -> str:
        return one_line(v.org_name(org)) if org else ""

    def names(orgs: Sequence[str]) -> str:
        return one_line(v.orgs_names(tuple(orgs)))

    hosting = tuple(
        (o.date, v.weekday(o.date), o.start, o.end, one_line(o.series_name),
         v.type_name(o.type), o.term, name(o.host), name(o.co_host),
         one_line(v.executive_of(o)), one_line(v.venue(o)), o.attendance,
         names(o.participants), o.id)
        for o in v.occurrences
    )
    executives = tuple(
        (one_line(v.series_name(x.series)), x.term, x.start, x.end,
         one_line(v.executive_name(x)), name(x.executive_org),
         problem.persons[x.executive_secretary].contact
         if x.executive_secretary in problem.persons else "",
         one_line(v.join([f"{o.date.isoformat()} {v.org_name(o.host)}"
                          for o in v.occurrences_of_term(x)])))
        for x in v.terms
    )
    rooms = tuple(
        (one_line(v.centre_name(o.centre)), one_line(v.room_name(room_key(o))),
         problem.rooms[room_key(o)].capacity if room_key(o) in problem.rooms else None,
         o.date, v.weekday(o.date), o.start, o.end, one_line(o.series_name), name(o.host),
         o.attendance, o.id)
        for key in v.room_keys for o in v.room_bookings(key)
    )
    visits = []
    for x in v.visits:
        if x.host in x.helped:
            direction = v.w("dir_helpers_visit")
        elif x.host in x.helpers:
            direction = v.w("dir_helped_visit")
        else:
            direction = v.w("dir_other")
        visits.append(
            (x.date, v.weekday(x.date), x.start, x.end, one_line(x.pair_name),
             _i18n.form(v.lang, x.form), x.period, direction, name(x.host), names(x.guests),
             names(x.helpers), names(x.helped), x.id)
        )
    # Counted once for all organisations, not by going through the plan for each.
    hosts = Counter(o.host for o in plan.occurrences)
    co_hosts = Counter(o.co_host for o in plan.occurrences)
    joins = Counter(org for o in plan.occurrences for org in set(o.participants))
    visit_hosts = Counter(x.host for x in plan.visits)
    guests = Counter(org for x in plan.visits for org in set(x.guests))
    orgs = []
    for org_id, org in problem.orgs.items():
        orgs.append(
            (org_id, name(org_id), _i18n.org_kind(v.lang, org.kind),
             one_line(v.person_name(org.person)),
             hosts[org_id], co_hosts[org_id], len(v.org_terms(org_id)),
             visit_hosts[org_id], guests[org_id], joins[org_id],
             v.travel_minutes(org_id))
        )
    tables = [
        Table("t_occurrences", "hosting.csv", (
            ("date", "date"), ("weekday", "text"), ("start", "time"), ("end", "time"),
            ("activity", "text"), ("activity_type", "text"), ("term", "text"),
            ("host", "text"), ("co_host", "text"), ("executive", "text"), ("venue", "text"),
            ("attendance", "int"), ("participants", "text"), ("id", "text"),
        ), hosting),
        Table("t_terms", "executives.csv", (
            ("activity", "text"), ("term", "text"), ("first_day", "date"),
            ("last_day", "date"), ("executive", "text"), ("executive_org", "text"),
            ("contact", "text"), ("occurrences_in_term", "text"),
        ), executives),
        Table("t_rooms", "rooms.csv", (
            ("centre", "text"), ("room", "text"), ("capacity", "int"), ("date", "date"),
            ("weekday", "text"), ("start", "time"), ("end", "time"), ("activity", "text"),
            ("host", "text"), ("attendance", "int"), ("id", "text"),
        ), rooms),
        Table("t_visits", "visits.csv", (
            ("date", "date"), ("weekday", "text"), ("start", "time"), ("end", "time"),
            ("pair", "text"), ("form", "text"), ("period", "text"), ("direction", "text"),
            ("visit_host", "text"), ("visit_guests", "text"), ("helpers", "text"),
            ("helped", "text"), ("id", "text"),
        ), tuple(visits)),
        Table("t_orgs", "organisations.csv", (
            ("id", "text"), ("org", "text"), ("org_kind", "text"), ("secretary", "text"),
            ("hosted", "int"), ("co_hosted", "int"), ("exec_terms", "int"),
            ("visits_hosted", "int"), ("visits_made", "int"), ("joint", "int"),
            ("travel", "int"),
        ), tuple(orgs)),
    ]
    return [marked_provisional(t, v) for t in tables] if v.provisional else tables


def marked_provisional(table: Table, v: View) -> Table:
    """Every row of a plan on a provisional calendar says so, in a column that survives
    filtering, sorting and copying rows out of the sheet."""
    note = v.w("provisional_cell")
    return Table(table.key, table.file, (*table.columns, ("calendar", "text")),
                 tuple((*row, note) for row in table.rows))


# ---- CSV -------------------------------------------------------------------------------


def _csv_cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value
    return defuse(value)


def csv_bytes(table: Table, lang: str) -> bytes:
    """UTF-8 with BOM, CRLF rows (RFC 4180), every text field quoted, formulas defused."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([defuse(text) for text in table.header_texts(lang)])
    for row in table.rows:
        writer.writerow([_csv_cell(c) for c in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


# ---- XLSX ------------------------------------------------------------------------------


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, time):
        return 5
    if isinstance(value, date):
        return 10
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def xlsx_bytes(tables: list[Table], lang: str, created: datetime, title: str) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {
        "in_memory": True,
        "strings_to_formulas": False,  # a name like =HYPERLINK(...) stays text
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "default_date_format": "yyyy-mm-dd",
    })
    book.set_properties({
        "title": title,
        "author": "rotasched",
        "company": "",
        "comments": "",
        "created": created,  # fixed: the file must not carry the time it was written
    })
    header = book.add_format({"bold": True, "bg_color": "#F2E6E6", "border": 1,
                              "text_wrap": True, "valign": "top"})
    fmt = {
        "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "time": book.add_format({"num_format": "hh:mm", "valign": "top"}),
        "int": book.add_format({"valign": "top"}),
        "float": book.add_format({"valign": "top"}),
        "percent": book.add_format({"num_format": "0.00%", "valign": "top"}),
        "text": book.add_format({"valign": "top"}),
    }
    for table in tables:
        sheet = book.add_worksheet(table.sheet_name(lang)[:31])
        widths = []
        for col, label in enumerate(table.header_texts(lang)):
            sheet.write_string(0, col, label, header)
            widths.append(_width(label))
        for r, row in enumerate(table.rows, start=1):
            for col, (value, (_key, kind)) in enumerate(zip(row, table.columns, strict=True)):
                widths[col] = max(widths[col], _width(value))
                if value is None:
                    sheet.write_blank(r, col, None, fmt[kind])
                elif isinstance(value, time):
                    sheet.write_datetime(r, col, value, fmt["time"])
                elif isinstance(value, date):
                    sheet.write_datetime(r, col, value, fmt["date"])
                elif isinstance(value, int | float):
                    sheet.write_number(r, col, value, fmt[kind])
                else:
                    sheet.write_string(r, col, value, fmt[kind])
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(max(width + 2, 6), 60))
        sheet.freeze_panes(1, 0)
        if table.rows:
            sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    book.close()
    return buf.getvalue()


def write_tables(
    plan: Plan, problem: Problem, folder: Path, lang: str, extra: Sequence[Table] = ()
) -> list[Path]:
    """The plan's tables, then `extra` ones (a re-plan's changes), as CSV files and sheets."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = [*build_tables(plan, problem, lang), *extra]
    written = []
    for table in tables:
        path = folder / table.file
        path.write_bytes(csv_bytes(table, lang))
        written.append(path)
    created = datetime.combine(problem.start, time(0))
    path = folder / "plan.xlsx"
    path.write_bytes(xlsx_bytes(tables, lang, created, one_line(problem.name)))
    written.append(path)
    return written
