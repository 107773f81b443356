"""The words of the people-facing exports (calendars, tables, site), read from `rotasched.words`.

Names that come from the scenario (organisations, people, centres, series) are user text and
are never translated; only the fixed vocabulary of the catalogue is.
"""

from __future__ import annotations

from typing import Literal

from ..words import WORDS, say

Lang = Literal["zh", "en"]

# ISO weekday 1..7 -> the last part of its `weekday.` key
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def word(lang: str, key: str, **fmt: object) -> str:
    return say(lang, f"export.{key}", **fmt)


def _choice(lang: str, family: str, key: str) -> str:
    """The display name of a fixed choice; a value that is not one of the choices (a plan
    written by another version, say) is shown as given rather than failing the export."""
    full = f"{family}.{key}"
    return say(lang, full) if full in WORDS else key


def series_type(lang: str, key: str) -> str:
    return _choice(lang, "series_type", key)


def org_kind(lang: str, key: str) -> str:
    return _choice(lang, "org_kind", key)


def form(lang: str, key: str) -> str:
    return _choice(lang, "form", key)


def status(lang: str, key: str) -> str:
    return _choice(lang, "status", key)


def weekday(lang: str, iso_weekday: int) -> str:
    return say(lang, f"weekday.{_WEEKDAY_KEYS[iso_weekday - 1]}")


def join(lang: str, items: list[str] | tuple[str, ...]) -> str:
    return word(lang, "list_sep").join(items)
