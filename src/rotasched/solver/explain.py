"""Say in plain words why no plan exists, naming the rooms, months, series and pairs involved.

The model is built again with "this event is placed" as an assumption per occurrence and per
visit, solved without objective on one worker, and CP-SAT's sufficient assumptions give a
small set of events that cannot all be placed. That set is then described from the data.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from ..problem import Problem

if TYPE_CHECKING:
    from . import SolveOptions


def _t(lang: str, en: str, zh: str, **kw: object) -> str:
    return (zh if lang == "zh" else en).format(**kw)


def _event_name(p: Problem, event_id: str) -> str:
    if event_id in p.occurrences:
        occ = p.occurrences[event_id]
        return f"{p.series[occ.series].name} {occ.period}"
    visit = p.visits[event_id]
    return f"{p.links[visit.link].name} {visit.period}#{visit.index + 1}"


def explain_static(p: Problem, found: list[tuple[str, str]]) -> tuple[str, ...]:
    """Events that cannot be placed even alone: no candidate day, or no room fits."""
    lang = p.locale
    out = []
    for event_id, reason in sorted(set(found)):
        name = _event_name(p, event_id)
        if reason == "no_room":
            occ = p.occurrences[event_id]
            out.append(
                _t(
                    lang,
                    "{name}: no room fits {need} people with {eq} during {a}-{b}; add a room, "
                    "or allow the host's own room (room.own_room: true).",
                    "{name}：没有能容纳 {need} 人、具备{eq}、且在 {a}-{b} 开放的场地；"
                    "请增加场地，或允许使用承办单位自有场地（room.own_room: true）。",
                    name=name,
                    need=occ.capacity,
                    eq="、".join(sorted(occ.equipment)) or "-",
                    a=f"{occ.start // 60:02d}:{occ.start % 60:02d}",
                    b=f"{occ.end // 60:02d}:{occ.end % 60:02d}",
                )
            )
        elif event_id in p.visits:
            visit = p.visits[event_id]
            out.append(
                _t(
                    lang,
                    "{name}: between {a} and {b} there is no working day on which every member of "
                    "the pair is available (blackouts, weekday limits).",
                    "{name}：{a} 至 {b} 之间没有结对各方都有空的工作日（停办日期、星期限制）。",
                    name=name,
                    a=p.day(visit.first_day),
                    b=p.day(visit.last_day),
                )
            )
        else:
            occ = p.occurrences[event_id]
            out.append(
                _t(
                    lang,
                    "{name}: no working day between {a} and {b} fits its day rule; "
                    "allow flexible: true or change the day rule.",
                    "{name}：{a} 至 {b} 之间没有符合日期规则的工作日；请设置 flexible: true 或修改日期规则。",
                    name=name,
                    a=p.day(occ.first_day),
                    b=p.day(occ.last_day),
                )
            )
    return tuple(out)


def core_events(p: Problem, options: SolveOptions) -> list[str] | None:
    """A set of events that cannot all be placed, or None if none was found in the budget."""
    from . import build

    m, _ = build(p, explain=True)
    ids = sorted(m.placed)
    lits = [m.placed[i] for i in ids]
    m.cp.add_assumptions(lits)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # core extraction is a single-worker feature
    solver.parameters.random_seed = options.seed
    solver.parameters.max_deterministic_time = options.work_limit
    solver.parameters.cp_model_probing_level = 0  # see solver.configure
    status = solver.solve(m.cp)
    if status != cp_model.INFEASIBLE:
        return None
    by_index = {lit.index: event_id for lit, event_id in zip(lits, ids, strict=True)}
    return sorted(by_index[i] for i in solver.sufficient_assumptions_for_infeasibility())


def explain_infeasible(p: Problem, options: SolveOptions) -> tuple[str, ...]:
    lang = p.locale
    core = core_events(p, options)
    if core is None:
        return (
            _t(
                lang,
                "No plan exists, but the clashing activities could not be narrowed down "
                "within the budget; try a larger --work.",
                "不存在可行方案，但在计算预算内未能找出相互冲突的活动；请加大 --work 后重试。",
            ),
        )
    lines = [
        _t(
            lang,
            "No plan exists: these {n} activities cannot all be placed together.",
            "不存在可行方案：以下 {n} 项活动无法同时安排。",
            n=len(core),
        )
    ]
    lines += _rooms(p, [e for e in core if e in p.occurrences and p.occurrences[e].rooms])
    lines += _pairs(p, [e for e in core if e in p.visits])
    lines += _hosts(p, [e for e in core if e in p.occurrences])
    lines.append(
        _t(
            lang,
            "Involved: {names}.",
            "涉及：{names}。",
            names="；".join(_event_name(p, e) for e in core),
        )
    )
    return tuple(lines)


def _rooms(p: Problem, occ_ids: list[str]) -> list[str]:
    """'党建工作站 会议室A is open on 8 days in 2027-03; 11 activities need it.'"""
    lang = p.locale
    groups: dict[tuple[tuple[str, ...], str], list[str]] = defaultdict(list)
    for occ_id in occ_ids:
        occ = p.occurrences[occ_id]
        month = p.day(occ.candidates[0]).strftime("%Y-%m") if occ.candidates else occ.period
        groups[(occ.rooms, month)].append(occ_id)
    out = []
    for (rooms, month), ids in sorted(groups.items()):
        candidates = set().union(*(set(p.occurrences[i].candidates) for i in ids))
        open_days = {d for r in rooms for d in p.rooms[r].open_days if d in candidates}
        names = "、".join(f"{p.rooms[r].centre_name} {p.rooms[r].name}" for r in rooms)
        out.append(
            _t(
                lang,
                "{rooms} is open on {k} suitable day(s) in {month}; {n} activities need it at the same "
                "hours. Add a room, let the host's own room serve (room.own_room: true), or let the "
                "series move (flexible: true).",
                "{rooms} 在 {month} 只有 {k} 个可用开放日，却有 {n} 项活动需要在同一时段使用。"
                "请增加场地、允许使用承办单位自有场地（room.own_room: true），或允许活动调整日期（flexible: true）。",
                rooms=names,
                k=len(open_days),
                month=month,
                n=len(ids),
            )
        )
    return out


def _pairs(p: Problem, visit_ids: list[str]) -> list[str]:
    lang = p.locale
    by_link: dict[str, list[str]] = defaultdict(list)
    for v in visit_ids:
        by_link[p.visits[v].link].append(v)
    out = []
    for link_id, ids in sorted(by_link.items()):
        link = p.links[link_id]
        days = sorted(set().union(*(set(p.visits[v].candidates) for v in ids)))
        out.append(
            _t(
                lang,
                "Pair {name}: {n} visit(s) at least {gap} days apart, but the sides are both free on "
                "only {k} working day(s) from {a} to {b}. Lower min_gap_days or the visits per period.",
                "结对 {name}：需要 {n} 次互访且间隔不少于 {gap} 天，但 {a} 至 {b} 双方都有空的工作日只有 {k} 天。"
                "请减少 min_gap_days 或每周期互访次数。",
                name=link.name,
                n=len(ids),
                gap=link.gap,
                k=len(days),
                a=p.day(days[0]) if days else "-",
                b=p.day(days[-1]) if days else "-",
            )
        )
    return out


def _hosts(p: Problem, occ_ids: list[str]) -> list[str]:
    lang = p.locale
    by_series: dict[str, list[str]] = defaultdict(list)
    for o in occ_ids:
        by_series[p.occurrences[o].series].append(o)
    out = []
    for sid, ids in sorted(by_series.items()):
        series = p.series[sid]
        free = {d for o in series.pool for d in p.orgs[o].available}
        days = sorted({d for i in ids for d in p.occurrences[i].candidates} & free)
        out.append(
            _t(
                lang,
                "Series {name}: {n} occurrence(s) with a pool of {k} host(s) available on {d} of the "
                "candidate days.",
                "活动 {name}：{n} 次活动，承办范围 {k} 个单位，候选日期中有 {d} 天有单位可承办。",
                name=series.name,
                n=len(ids),
                k=len(series.pool),
                d=len(days),
            )
        )
    return out
