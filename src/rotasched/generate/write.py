"""Write a generated scenario: one YAML file, commented, plus CSV tables beside it.

The organisations always go to a table (orgs.csv: what a committee keeps in a spreadsheet);
twinning pairs and history records too once they are many. Files are byte-identical for the
same data: UTF-8 without BOM, `\\n` line ends, columns in a fixed order (those with a value).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .records import Data

# (section, field or "") -> (file name, column order, records written inline up to)
TABLES: dict[tuple[str, str], tuple[str, list[str], int]] = {
    ("organisations", ""): ("orgs.csv", [
        "id", "name", "kind", "groups", "members", "secretary.id", "secretary.name",
        "room.capacity", "room.equipment", "location.district", "location.lat", "location.lon",
        "blackout", "weekdays", "left",
    ], 0),
    ("twinning", ""): ("twinning.csv", [
        "id", "name", "form", "helpers", "helped", "visits", "per", "hosts", "alternate",
        "start", "duration", "delegation", "min_gap_days",
    ], 10),
    ("history", "hosts"): ("hosts.csv", ["series", "date", "host"], 30),
    ("history", "visits"): ("visits.csv", ["pair", "date", "host"], 30),
}  # fmt: skip


# The comment above `calendar: {provisional: true}` of a year not published yet.
PROVISIONAL = "该年节假日尚未公布，按临时日历排期（节假日和调休按国务院历年惯例推算）"

# The order sections are written in, whatever order a generator set them.
SECTIONS = ("meta", "calendar", "groups", "organisations", "centres", "series", "twinning",
            "history", "visiting")  # fmt: skip


def ordered(data: Data) -> Data:
    return {k: data[k] for k in SECTIONS if k in data}  # type: ignore[return-value,literal-required]


@dataclass(frozen=True)
class Draft:
    """A generated scenario: its data, the comment on top and a comment per section."""

    data: Data
    header: str  # lines, without '#'
    notes: Mapping[str, str] = field(default_factory=dict)  # section key -> comment


def write(draft: Draft, folder: Path, name: str, files: Mapping[str, str] | None = None) -> Path:
    """Write `folder/name.yaml` and its tables; `files` renames a table (orgs.csv -> ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = dict(ordered(draft.data))
    for (section, part), (default, columns, inline) in TABLES.items():
        holder = data if not part else data.get(section)
        key = section if not part else part
        if not isinstance(holder, dict) or key not in holder or len(holder[key]) <= inline:
            continue
        file = (files or {}).get(default, default)
        _write_csv(folder / file, columns, holder[key])
        if part:
            data[section] = holder = dict(holder)
        holder[key] = file
    out = [_comment(draft.header)]
    for key, value in data.items():
        out.append(_comment(draft.notes.get(key, "")) + _dump(key, value))
    path = folder / f"{name}.yaml"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _comment(text: str) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in text.strip("\n").splitlines())


# --- tables -------------------------------------------------------------------------------


def _cells(record: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """A record as table cells: nested fields as `secretary.name`, lists as `a;b`."""
    cells: dict[str, str] = {}
    for key, value in record.items():
        if isinstance(value, Mapping):
            cells.update(_cells(value, f"{prefix}{key}."))
        else:
            cells[prefix + key] = _cell(value)
    return cells


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4f}"  # coordinates, as surveyed: fixed width
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, columns: list[str], records: list[Any]) -> None:
    rows = [_cells(r) for r in records]
    unknown = sorted({c for row in rows for c in row} - set(columns))
    assert not unknown, f"no column for {unknown}"
    used = [c for c in columns if any(row.get(c, "") != "" for row in rows)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(used)
    for row in rows:
        writer.writerow([row.get(c, "") for c in used])
    path.write_text(buf.getvalue(), encoding="utf-8")


# --- YAML ---------------------------------------------------------------------------------


class _FlowMap(dict[str, Any]):
    """A mapping written inline: {id: A, capacity: 60}."""


class _FlowList(list[Any]):
    """A list written inline: [mon, tue]."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _width(value: Any) -> int:
    """Roughly how many characters a record takes written inline."""
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 4 + _width(v) for k, v in value.items())
    if isinstance(value, list):
        return 2 + sum(_width(v) + 2 for v in value)
    return len(str(value))


def _styled(value: Any, depth: int) -> Any:
    """Short records of plain values (or of short plain lists) go inline below the top level."""
    if isinstance(value, list):
        items = [_styled(v, depth + 1) for v in value]
        return _FlowList(items) if all(_scalar(v) for v in value) else items
    if isinstance(value, dict):
        fields = {k: _styled(v, depth + 1) for k, v in value.items()}
        simple = all(
            _scalar(v) or (isinstance(v, list) and all(map(_scalar, v))) for v in value.values()
        )
        return _FlowMap(fields) if depth >= 2 and simple and _width(value) <= 90 else fields
    return value


def _dump(key: str, value: Any) -> str:
    """One top-level section, block style except for short records and lists."""
    return yaml.dump(
        {key: _styled(value, 1)},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
