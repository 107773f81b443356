"""Lists kept as spreadsheets: a scenario field may name a CSV or XLSX table instead of a list.

    organisations: orgs.csv
    centres: {file: 场地.xlsx, sheet: 中心}

Each row becomes one record. A column named `secretary.name` fills the nested field; an empty
cell leaves the field out; a cell "a;b" is a list where the field wants one. Rows are numbered
as a spreadsheet shows them (the header is row 1), so an error can say "orgs.csv row 7".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

# Fields (as paths, `*` for any list index) that may be given as a table reference.
TABLE_FIELDS: tuple[tuple[str, ...], ...] = (
    ("groups",),
    ("organisations",),
    ("centres",),
    ("centres", "*", "rooms"),
    ("centres", "*", "closures"),
    ("series",),
    ("twinning",),
    ("history", "hosts"),
    ("history", "visits"),
    ("travel",),
    ("pins",),
    ("calendar", "closures"),
)


_TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".et", ".tsv", ".numbers")


@dataclass(frozen=True)
class TableRef:
    file: Path
    sheet: str | None


@dataclass(frozen=True)
class Origin:
    """Where a record came from: a table file and its spreadsheet row number."""

    file: str
    row: int


class TableError(Exception):
    def __init__(self, code: str, params: dict[str, Any]) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def as_table_ref(value: Any, base: Path) -> TableRef | None:
    """A reference is a file name ending in .csv/.xlsx, or {file: ..., sheet: ...}.

    Other spreadsheet files (.xls, .ods, .et, ...) are references too, so that reading them
    says which kinds are supported instead of "must be a list".
    """
    if isinstance(value, str) and value.strip().lower().endswith(_TABLE_SUFFIXES):
        return TableRef(base / value.strip(), None)
    if (
        isinstance(value, dict)
        and "file" in value
        and set(value) <= {"file", "sheet"}
        and isinstance(value["file"], str)
        and (value.get("sheet") is None or isinstance(value.get("sheet"), str))
    ):
        return TableRef(base / value["file"].strip(), value.get("sheet"))
    return None


def read_table(ref: TableRef) -> list[tuple[int, dict[str, Any]]]:
    """(row number, record) for every non-empty row."""
    suffix = ref.file.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise TableError("table_kind", {})
    if not ref.file.is_file():
        raise TableError("file_missing", {})
    header, rows = read_rows(ref.file, ref.sheet)
    if any(not h for h in header):
        raise TableError("table_empty_header", {})
    records = []
    for number, cells in rows:
        flat = {h: _cell(v) for h, v in zip(header, cells, strict=False)}
        flat = {k: v for k, v in flat.items() if v is not None}
        if flat:
            records.append((number, _nest(flat)))
    return records


def read_rows(
    path: Path, sheet: str | None = None
) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The header and (spreadsheet row number, cells) of every row of a .csv or of a workbook's
    sheet (the first if None), cells as the file holds them; TableError if unreadable."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    return _read_xlsx(path, sheet)


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    raw = path.read_bytes()
    # UTF-16 (Excel's "Unicode text") puts a zero byte in every ASCII character, which GB18030
    # would decode without complaint into nonsense; no text in either encoding has one.
    if b"\x00" in raw:
        raise TableError("table_encoding", {})
    # Excel writes UTF-8 with a BOM; WPS and older Excel on Chinese Windows write GB18030.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TableError("table_encoding", {})
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        lines = list(reader)
    except csv.Error as exc:
        raise TableError("table_unreadable", {"reason": str(exc)}) from exc
    if not lines:
        return [], []
    header = [h.strip() for h in lines[0]]
    # csv.reader has no per-row line numbers once quoted newlines are involved; rows are what
    # a spreadsheet shows, so count records, not text lines.
    return header, [(i + 2, row) for i, row in enumerate(lines[1:])]


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError... for bad files
        raise TableError("table_unreadable", {"reason": type(exc).__name__}) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableError("table_sheet_missing", {"sheet": sheet})
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        # Read-only mode parses the sheet's XML only now: a damaged sheet fails here.
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
    except TableError:
        raise
    except Exception as exc:
        raise TableError("table_unreadable", {"reason": type(exc).__name__}) from exc
    finally:
        book.close()
    if not rows:
        return [], []
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    return header, [(i + 2, row) for i, row in enumerate(rows[1:])]


def _cell(value: Any) -> Any:
    """Spreadsheet value -> what YAML would have given; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, date | int | float | bool | time):
        return value
    return str(value)


def _nest(flat: dict[str, Any]) -> dict[str, Any]:
    """{"secretary.name": x} -> {"secretary": {"name": x}}."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        node = out
        parts = key.split(".")
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):  # "room" and "room.capacity" both given
                child = node[part] = {}
            node = child
        node[parts[-1]] = value
    return out
