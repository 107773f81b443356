"""Everything wrong with an edited table, raised at once."""

from __future__ import annotations

from ..scenario import Issue, ScenarioError
from ..words import say


class EditError(ScenarioError):
    """Every problem of one edited table, raised at once."""

    def __init__(self, file: str, problems: list[Issue], locale: str = "en") -> None:
        self.file = file
        super().__init__(problems, locale)

    def render(self, locale: str | None = None) -> str:
        loc = locale or self.locale
        head = say(loc, "error.edits_head", file=self.file, n=len(self.problems))
        return "\n".join([head, *("  " + p.render(loc) for p in self.problems)])
