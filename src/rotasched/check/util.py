"""Small readers of table cells shared by the rule checkers and the measures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pandas as pd


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(row: pd.Series) -> tuple[datetime, datetime]:
    day = d(row["date"])
    return (
        datetime.combine(day, time.fromisoformat(row["start"])),
        datetime.combine(day, time.fromisoformat(row["end"])),
    )


def split(cell: str) -> list[str]:
    return [x for x in cell.split(";") if x]


def overlaps(events: list[tuple[datetime, datetime, str]]) -> Iterator[tuple[str, str]]:
    """Pairs that overlap: each event against the one reaching furthest before it."""
    latest: tuple[datetime, str] | None = None
    for start, end, event in sorted(events):
        if latest is not None and start < latest[0]:
            yield latest[1], event
        if latest is None or end > latest[0]:
            latest = (end, event)
