"""raw/: the plan's tables with untouched values, for analysts and for the checker.

Columns are stable English keys (plan.COLUMNS); lists are joined with ";". Nothing here is
localised or escaped for spreadsheets: that is what tables.py does for people.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..plan import Plan, read_frames


def frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """The plan as three tables: occurrences, terms, visits."""
    return plan.frames()


def write_raw(plan: Plan, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in plan.frames().items():
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")


def read_raw(folder: Path) -> dict[str, pd.DataFrame]:
    """Read raw/ back as plain strings (empty cells as ""), for the checker."""
    return read_frames(folder)
