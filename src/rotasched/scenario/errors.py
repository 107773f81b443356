"""Validation problems: where (file, field path or table cell), what, in zh or en.

Every problem a user can make in a scenario ends up as one `Issue`; all of them are
collected and raised together as `ScenarioError`, which the CLI prints and exits 2 on.
Messages are the catalogue's `error.<code>` words (rotasched.words), filled from the params.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..rules import describe
from ..words import WORDS, say, template

Locale = str  # "zh" or "en"

# Params that name one of our own things rather than quote the scenario hold the last part of
# a word key, so that the message shows them in the reader's language: what a reference was
# to ("organisation", ...), which sides a twinning form needs (the form's key) and the period
# a count is per ("month", ...).
_WORD_PARAMS = {"what": "error.what", "sides": "error.sides", "per": "error.per"}


@dataclass(frozen=True)
class Issue:
    """One thing wrong with a scenario, located as precisely as we can."""

    file: str
    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    fallback: str = ""  # pydantic's own English text, for error types we do not know

    def message(self, locale: Locale = "en") -> str:
        key = f"error.{self.code}"
        if key not in WORDS:  # a pydantic error type we have no words for: its own text
            return say(locale, "error.unknown_code", text=self.fallback or self.code)
        params = {
            name: say(locale, f"{_WORD_PARAMS[name]}.{value}") if name in _WORD_PARAMS else value
            for name, value in self.params.items()
        }
        if "rule" in params:  # a rulebook label: named, and said in the reader's language
            label = self.params["rule"]
            words = describe(label, locale)
            params["rule"] = f"`{label}`（{words}）" if locale == "zh" else f"`{label}` ({words})"
        try:
            return say(locale, key, **params)
        except (KeyError, IndexError, ValueError):  # params pydantic did not give: unfilled
            return template(locale, key)

    def render(self, locale: Locale = "en") -> str:
        where = self.file if not self.path else f"{self.file}: {self.path}"
        return f"{where}: {self.message(locale)}"


class ScenarioError(Exception):
    """All problems found in one scenario; raised at once, never one by one."""

    def __init__(self, problems: list[Issue], locale: Locale = "en") -> None:
        self.problems = list(problems)
        self.locale = locale
        super().__init__(self.render())

    def render(self, locale: Locale | None = None) -> str:
        loc = locale or self.locale
        head = say(loc, "error.head", n=len(self.problems))
        return "\n".join([head, *("  " + p.render(loc) for p in self.problems)])

    def codes(self) -> list[str]:
        return [p.code for p in self.problems]
