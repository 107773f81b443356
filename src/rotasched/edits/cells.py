"""Cells of an edited table as a person or their spreadsheet left them: text without the formula
guard, dates and times as text, as real dates or as a spreadsheet's numbers."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from ..export._view import one_line
from ..export.tables import defuse


def text(value: Any) -> str:
    """A cell as text on one line, without the `'` tables.py put before a formula-like name."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    out = " ".join(one_line(str(value)).split())
    if out.startswith("'") and defuse(out[1:]) == out:
        return out[1:]
    return out


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
    match = _DATE.fullmatch(text(value))
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
    match = _TIME.fullmatch(text(value))
    if match is None:
        return None
    noon, hour, minute, ampm = match.groups()
    h, m = int(hour), int(minute)
    afternoon = noon == "下午" or (ampm or "").lower() == "pm"
    if (noon or ampm) and h <= 12:
        h = h % 12 + (12 if afternoon else 0)
    return time(h, m) if h < 24 and m < 60 else None
