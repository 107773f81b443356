"""A short account of a validated scenario, for `rotasched validate` and the demo."""

from __future__ import annotations

from typing import Any

from .calendar import WorkCalendar
from .scenario import Scenario


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


_LABELS = {
    "en": {
        "name": "scenario",
        "horizon": "horizon",
        "working_days": "working days",
        "adjusted_workdays": "adjusted working weekends (调休)",
        "calendar_sources": "calendar",
        "provisional": "PROVISIONAL calendar",
        "groups": "groups",
        "organisations": "organisations",
        "centres": "shared centres",
        "rooms": "rooms",
        "series": "activity series",
        "twinning": "twinning pairs",
        "history": "history records",
    },
    "zh": {
        "name": "场景",
        "horizon": "计划期",
        "working_days": "工作日",
        "adjusted_workdays": "调休上班日",
        "calendar_sources": "日历来源",
        "provisional": "临时日历（未含官方调休）",
        "groups": "组织/园区",
        "organisations": "单位",
        "centres": "共享活动中心",
        "rooms": "场地",
        "series": "活动系列",
        "twinning": "结对",
        "history": "历史记录",
    },
}
_SOURCES = {
    "en": {
        "chinesecalendar": "official (chinesecalendar)",
        "scenario": "supplied by the scenario",
        "provisional": "PROVISIONAL (rules, no 调休)",
    },
    "zh": {
        "chinesecalendar": "官方安排（chinesecalendar）",
        "scenario": "场景文件提供",
        "provisional": "临时（按规则推算，无调休）",
    },
}


def render(summary: dict[str, Any], locale: str) -> str:
    lab, src = _LABELS[locale], _SOURCES[locale]
    sep = "：" if locale == "zh" else ": "
    lines = [f"{lab['name']}{sep}{summary['name']}"]
    lines.append(f"{lab['horizon']}{sep}{summary['horizon'][0]} .. {summary['horizon'][1]}")
    lines.append(f"{lab['working_days']}{sep}{summary['working_days']}")
    if summary["adjusted_workdays"]:
        lines.append(f"{lab['adjusted_workdays']}{sep}{', '.join(summary['adjusted_workdays'])}")
    years = ", ".join(f"{y} {src[v]}" for y, v in summary["calendar_sources"].items())
    lines.append(f"{lab['calendar_sources']}{sep}{years}")
    if summary["provisional"]:
        lines.append(f"!! {lab['provisional']}")
    for key in ("groups", "organisations", "centres", "rooms", "series", "twinning", "history"):
        lines.append(f"{lab[key]}{sep}{summary[key]}")
    return "\n".join(lines)
