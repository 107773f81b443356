"""A short account of a validated scenario, for `rotasched validate` and the demo."""

from __future__ import annotations

from typing import Any

from .calendar import WorkCalendar
from .scenario import Scenario
from .words import say


def summarise(s: Scenario, cal: WorkCalendar) -> dict[str, Any]:
    return {
        "name": s.meta.name,
        "locale": s.meta.locale,
        "horizon": [s.meta.start.isoformat(), s.meta.end.isoformat()],
        "working_days": len(cal.workdays),
        "adjusted_workdays": sorted(d.isoformat() for d in cal.adjusted),
        "calendar_sources": {str(y): src for y, src in sorted(cal.sources.items())},
        "provisional": cal.provisional,
        "groups": len(s.groups),
        "organisations": len(s.organisations),
        "centres": len(s.centres),
        "rooms": sum(len(c.rooms) for c in s.centres),
        "series": len(s.series),
        "twinning": len(s.twinning),
        "history": len(s.history.hosts) + len(s.history.visits),
    }


def render(summary: dict[str, Any], locale: str) -> str:
    sep = say(locale, "summary.sep")

    def line(key: str, value: object) -> str:
        return f"{say(locale, key)}{sep}{value}"

    lines = [line("summary.name", summary["name"])]
    lines.append(line("summary.horizon", f"{summary['horizon'][0]} .. {summary['horizon'][1]}"))
    lines.append(line("summary.working_days", summary["working_days"]))
    if summary["adjusted_workdays"]:
        lines.append(line("summary.adjusted_workdays", ", ".join(summary["adjusted_workdays"])))
    years = ", ".join(
        f"{y} {say(locale, f'summary.source.{v}')}" for y, v in summary["calendar_sources"].items()
    )
    lines.append(line("summary.calendar_sources", years))
    if summary["provisional"]:
        lines.append(f"!! {say(locale, 'summary.provisional')}")
    for field in ("groups", "organisations", "centres", "rooms", "series", "twinning", "history"):
        lines.append(line(f"summary.{field}", summary[field]))
    return "\n".join(lines)
