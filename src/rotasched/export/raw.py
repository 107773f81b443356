"""raw/: the plan's tables with untouched values, for analysts and for the checker.

Columns are stable English keys; lists are joined with ";". Nothing here is localised or
escaped for spreadsheets: that is what tables.py does for people.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..plan import Plan

OCCURRENCE_COLUMNS = [
    "id",
    "series",
    "series_name",
    "type",
    "term",
    "date",
    "start",
    "end",
    "host",
    "co_host",
    "venue",
    "centre",
    "room",
    "attendance",
    "participants",
]
TERM_COLUMNS = [
    "series",
    "term",
    "start",
    "end",
    "executive_org",
    "executive_secretary",
    "executive_name",
]
VISIT_COLUMNS = [
    "id",
    "pair",
    "pair_name",
    "form",
    "period",
    "date",
    "start",
    "end",
    "host",
    "guests",
    "helpers",
    "helped",
]


def frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """The plan as three tables: occurrences, terms, visits."""
    d = plan.to_dict()

    def table(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
        rows = [
            {k: (";".join(v) if isinstance(v, list) else v) for k, v in r.items()} for r in rows
        ]
        return pd.DataFrame(rows, columns=columns)

    return {
        "occurrences": table(d["occurrences"], OCCURRENCE_COLUMNS),
        "terms": table(d["terms"], TERM_COLUMNS),
        "visits": table(d["visits"], VISIT_COLUMNS),
    }


def write_raw(plan: Plan, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames(plan).items():
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")


def read_raw(folder: Path) -> dict[str, pd.DataFrame]:
    """Read raw/ back as plain strings (empty cells as ""), for the checker."""
    return {
        name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in ("occurrences", "terms", "visits")
    }
