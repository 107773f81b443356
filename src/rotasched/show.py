"""What the command line shows beyond plain lines: a re-plan's changes as a rich table.

The rows are the ones tables/changes.csv and site/changes.html show (export/changes.py); names
are user text, so every cell is a rich `Text` and never read as console markup.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .export._i18n import word
from .export.changes import Side, change_list, counts_line
from .plan import Plan
from .problem import Problem


def _was(old: str | None, new: str | None) -> Text:
    """The old value struck out and the new one, or the value once where it did not change."""
    if old == new:
        return Text(new or "")
    out = Text()
    if old is not None:
        out.append(old, style="strike dim")
    if old is not None and new is not None:
        out.append(" → ")
    if new is not None:
        out.append(new, style="bold")
    return out


def changes_table(old: Plan, new: Plan, problem: Problem, lang: str) -> Table:
    """One row per event that changed from `old` to `new`, counts by kind in the caption."""

    def when(s: Side | None) -> str | None:
        return f"{s.date.isoformat()} {s.time}" if s else None

    table = Table(
        title=Text(word(lang, "t_changes")),
        caption=Text(counts_line(old, new, problem, lang)),
        caption_justify="left",
    )
    for key in ("date", "kind", "activity", "change", "when", "host", "place", "id"):
        table.add_column(Text(word(lang, key)), no_wrap=key in ("date", "id"))
    for c in change_list(old, new, problem, lang):
        table.add_row(
            Text(c.date.isoformat()),
            Text(c.kind_name),
            Text(c.name),
            Text(c.change_words),
            _was(when(c.old), when(c.new)),
            _was(c.old.host_name if c.old else None, c.new.host_name if c.new else None),
            _was(c.old.place_name if c.old else None, c.new.place_name if c.new else None),
            Text(c.id),
        )
    return table
