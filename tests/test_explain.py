"""Why no plan exists, as a committee reads it: an over-booked room is counted whole, and every
suggestion is one that works.

Each test takes the user's path: plan a small Chinese scenario that has no plan, read the
explanation, do what it says (with the numbers it gives), and plan again: the plan must then
exist and pass the independent checker. Where the explanation names a number of slots, doing
one less must still fail, so the number is the one needed, not just one that is enough.
"""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from ortools.sat.python import cp_model

from rotasched.plan import Plan
from rotasched.problem import Problem
from rotasched.solver import SolveOptions, Stop, build, solve
from rotasched.solver.explain import core_events
from rotasched.solver.explain_count import overbooked_at_once
from rotasched.solver.explain_parts import counted_core, twinning_alone

from .planning import base, pair, plan_checked, problem_of, series, village, write

LANGS = ["zh", "en"]
PROJECTOR = {"equipment": ["投影仪"], "own_room": False}


def _march(lang: str, lectures: int, **centre: Any) -> dict[str, Any]:
    """March 2026, one station with one projector room, `lectures` 联合党课 at 09:00-11:00."""
    data = base()
    data["meta"].update(start="2026-03-01", end="2026-03-31", locale=lang)
    data["centres"][0].update(centre)
    data["series"] = [
        series(f"k{i}", name=f"联合党课{i}", type="联合党课", room=dict(PROJECTOR))
        for i in range(lectures)
    ]
    return data


def _plan(tmp: Path, data: dict[str, Any], name: str) -> tuple[Plan, str]:
    plan = solve(problem_of(write(tmp, data, name)), SolveOptions(work_limit=10)).plan
    return plan, "\n".join(plan.explanation)


def _one(pattern: str, text: str) -> re.Match[str]:
    found = re.findall(pattern, text)
    assert len(found) == 1, (pattern, text)
    match = re.search(pattern, text)
    assert match is not None
    return match


def _shortfall(lang: str, text: str) -> int:
    pattern = r"还差 (\d+) 个时段" if lang == "zh" else r"it needs (\d+) more slot"
    return int(_one(pattern, text).group(1))


def _closures(lang: str, text: str) -> list[tuple[date, date]]:
    pattern = (
        r"停用安排 (\S+) 至 (\S+?)（" if lang == "zh" else r"closure of .+? from (\S+) to (\S+) \("
    )
    return [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in re.findall(pattern, text)]


def _shortened(data: dict[str, Any], path: Path, slots: int) -> dict[str, Any]:
    """The scenario with its closure ended early enough to open `slots` more working days."""
    problem = problem_of(path)
    closure = data["centres"][0]["closures"][0]
    first, last = date.fromisoformat(closure["start"]), date.fromisoformat(closure["end"])
    shut = sorted(d for d in map(problem.day, problem.workdays) if first <= d <= last)
    out = copy.deepcopy(data)
    out["centres"][0]["closures"][0]["end"] = (shut[-slots] - timedelta(days=1)).isoformat()
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_overbooked_room_counts_every_activity_and_its_closure_gives_the_slots(
    lang: str, tmp_path: Path
) -> None:
    """8 lectures need the only projector room; 会议室装修 and 换届选举 leave it 3 open days in
    March, and it opens only long enough for one lecture a day. The core names only some of
    them (CP-SAT's named 5, so the committee used to add 2 days and fail again; counting's
    names 4, one more than the slots): the message must count all 8 and say 5 slots are
    missing."""
    data = _march(
        lang,
        8,
        hours="08:30-12:00",
        closures=[
            {"start": "2026-03-02", "end": "2026-03-13", "reason": "会议室装修"},
            {"start": "2026-03-19", "end": "2026-03-31", "reason": "换届选举"},
        ],
    )
    plan, text = _plan(tmp_path, data, "crowded.yaml")
    assert plan.status == "infeasible"
    if lang == "zh":
        assert "党建工作站 会议室A 在 2026-03 只有 3 个可用开放日，却有 8 项活动需要使用" in text
        assert "最多能安排 3 项，还差 5 个时段" in text
        assert (
            "党建工作站 的停用安排 2026-03-02 至 2026-03-13（会议室装修） 关闭了其中 10 个" in text
        )
        assert "党建工作站 的停用安排 2026-03-19 至 2026-03-31（换届选举） 关闭了其中 9 个" in text
    else:
        assert "党建工作站 会议室A is open on 3 suitable day(s) in 2026-03; 8 activities" in text
        assert "let it take at most 3: it needs 5 more slot(s)" in text
        assert "closure of 党建工作站 from 2026-03-02 to 2026-03-13 (会议室装修) shuts 10" in text
        assert "closure of 党建工作站 from 2026-03-19 to 2026-03-31 (换届选举) shuts 9" in text
    room_line = next(line for line in plan.explanation if "联合党课0" in line)
    assert all(f"联合党课{i} 2026-03" in room_line for i in range(8))
    # Nothing that is already so, nothing that cannot help: every series is flexible, no host
    # has a room of its own, no other room exists, and the room's hours fit one lecture a day.
    for never in ("flexible", "own_room", "open_days", "start"):
        assert never not in text, never

    # Do what it says: open the room on as many more days as it names, here by ending the
    # first closure it names that much earlier.
    short, closures = _shortfall(lang, text), _closures(lang, text)
    assert short == 5
    assert closures[0] == (date(2026, 3, 2), date(2026, 3, 13))
    path = tmp_path / "crowded.yaml"
    plan_checked(tmp_path, _shortened(data, path, short), out="enough")
    # One day fewer is not enough: the number named is the one needed.
    fewer, _ = _plan(tmp_path, _shortened(data, path, short - 1), "fewer.yaml")
    assert fewer.status == "infeasible"


@pytest.mark.parametrize("lang", LANGS)
def test_every_series_flexible_so_flexible_is_not_suggested(lang: str, tmp_path: Path) -> None:
    """Six lectures, the station open on Mondays only (5 in March 2026); every series is
    flexible (the default): the message suggests the weekdays it is shut and a later start
    (its hours fit four lectures a day), never flexible: true, and both of those work."""
    data = _march(lang, 6, open_days=["mon"])
    plan, text = _plan(tmp_path, data, "mondays.yaml")
    assert plan.status == "infeasible"
    assert "flexible" not in text and "own_room" not in text
    assert _shortfall(lang, text) == 1
    if lang == "zh":
        assert "只有 5 个可用开放日，却有 6 项活动需要使用" in text
        weekdays = _one(r"党建工作站 不在 (\S+) 开放（open_days）", text).group(1)
        assert weekdays == "周二、周三、周四、周五"
        moved = _one(r"把 (\S+) 改到 (\d\d:\d\d) 开始（start）", text)
    else:
        assert "is open on 5 suitable day(s) in 2026-03; 6 activities need it" in text
        weekdays = _one(r"党建工作站 does not open on (.+?) \(open_days\)", text).group(1)
        assert weekdays == "Tue, Wed, Thu, Fri"
        moved = _one(r"start (\S+) at (\d\d:\d\d) instead \(start\)", text)

    # Open on the first weekday it names...
    opened = copy.deepcopy(data)
    opened["centres"][0]["open_days"] = ["mon", "tue"]
    plan_checked(tmp_path, opened, out="tuesdays")
    # ...or start the series it names at the time it names.
    names, start = moved.group(1).split("、" if lang == "zh" else ", "), moved.group(2)
    assert names == ["联合党课5"] and start == "11:00"
    later = copy.deepcopy(data)
    for s in later["series"]:
        if s["name"] in names:
            s["start"] = start
    plan_checked(tmp_path, later, out="later")


@pytest.mark.parametrize("lang", LANGS)
def test_fixed_days_suggest_flexible_for_those_series_only(lang: str, tmp_path: Path) -> None:
    """Three lectures fixed on the first Monday (flexible: false) and one flexible lecture share
    the room, open every working day but for one lecture a day: only the three fixed series
    are to be made flexible; no closure, weekday or other time is offered, as none would help."""
    data = _march(lang, 4, hours="08:30-12:00")
    for s in data["series"][:3]:
        s.update(day="first-mon", flexible=False)
    plan, text = _plan(tmp_path, data, "fixed.yaml")
    assert plan.status == "infeasible"
    assert _shortfall(lang, text) == 2
    if lang == "zh":
        assert "会议室A 在 2026-03 有 22 个可用开放日，但需要它的 4 项活动" in text
        line = _one(r"(\S+) 的日期固定（flexible: false）", text)
    else:
        assert "会议室A is open on 22 suitable day(s) in 2026-03, but the 4 activities" in text
        line = _one(r"(.+?) keep a fixed day \(flexible: false\)", text)
    names = line.group(1).split("、" if lang == "zh" else ", ")
    assert names == ["联合党课0", "联合党课1", "联合党课2"]
    for never in ("open_days", "own_room", "start", "停用", "closure"):
        assert never not in text, never

    flexible = copy.deepcopy(data)
    for s in flexible["series"]:
        if s["name"] in names:
            s["flexible"] = True
    plan_checked(tmp_path, flexible, out="flexible")


@pytest.mark.parametrize("lang", LANGS)
def test_hours_of_different_lectures_are_counted_as_slots(lang: str, tmp_path: Path) -> None:
    """Five lectures at 09:00 and one at 14:00, the room open 3 days: a day takes one morning
    and one afternoon lecture, so 4 of 6 fit (not 3 days x 2 hours = 6): 2 slots short."""
    data = _march(
        lang, 6, closures=[{"start": "2026-03-02", "end": "2026-03-26", "reason": "设备检修"}]
    )
    data["series"][5]["start"] = "14:00"
    plan, text = _plan(tmp_path, data, "hours.yaml")
    assert plan.status == "infeasible"
    assert _shortfall(lang, text) == 2
    assert ("最多能安排 4 项" if lang == "zh" else "at most 4:") in text
    path = tmp_path / "hours.yaml"
    plan_checked(tmp_path, _shortened(data, path, 2), out="enough")
    fewer, _ = _plan(tmp_path, _shortened(data, path, 1), "fewer.yaml")
    assert fewer.status == "infeasible"


@pytest.mark.parametrize("lang", LANGS)
def test_own_rooms_and_rooms_out_of_hours_are_suggested_only_when_they_exist(
    lang: str, tmp_path: Path
) -> None:
    """The station's room A is open 2 days in March for 3 lectures. 华远光电 has a 40-seat room
    with a projector, so room.own_room: true is offered; a community centre's hall is big
    enough and has a projector but opens only in the afternoon, so it is offered with its
    hours. Each, done alone, gives a plan."""
    data = _march(
        lang,
        3,
        hours="08:30-12:00",
        closures=[{"start": "2026-03-02", "end": "2026-03-27", "reason": "会议室装修"}],
    )
    data["organisations"][1]["room"] = {"capacity": 40, "equipment": ["投影仪"]}
    data["centres"].append(
        {
            "id": "sq",
            "name": "琴断口社区党群服务中心",
            "hours": "13:30-17:30",
            "rooms": [{"id": "T", "name": "多功能厅", "capacity": 60, "equipment": ["投影仪"]}],
        }
    )
    plan, text = _plan(tmp_path, data, "others.yaml")
    assert plan.status == "infeasible"
    assert _shortfall(lang, text) == 1
    if lang == "zh":
        assert "华远光电股份有限公司 有够大且设备齐全的自有场地" in text
        assert "允许 联合党课0、联合党课1、联合党课2 使用承办单位自有场地" in text
        assert "琴断口社区党群服务中心 多功能厅（13:30-17:30） 也够大" in text
        assert "容不下 09:00-11:00 的活动" in text
    else:
        assert "华远光电股份有限公司 have rooms of their own" in text
        assert "let 联合党课0, 联合党课1, 联合党课2 use the host's own room" in text
        assert "琴断口社区党群服务中心 多功能厅 (13:30-17:30) are big enough" in text
        assert "leave out the activities at 09:00-11:00" in text
    assert "flexible" not in text and "open_days" not in text

    own = copy.deepcopy(data)
    for s in own["series"]:
        s["room"]["own_room"] = True
    plan_checked(tmp_path, own, out="own")
    longer = copy.deepcopy(data)
    longer["centres"][1]["hours"] = "08:30-17:30"
    plan_checked(tmp_path, longer, out="longer")

    # Without the own room and the afternoon hall, and with a plan of two days the room is
    # open on both, nothing that exists would do: only a new room is offered.
    bare = _march(lang, 3, hours="08:30-12:00")
    bare["meta"].update(start="2026-03-02", end="2026-03-03")
    plan, text = _plan(tmp_path, bare, "bare.yaml")
    assert plan.status == "infeasible"
    for never in ("own_room", "多功能厅", "flexible", "open_days", "start", "停用", "closure"):
        assert never not in text, never
    if lang == "zh":
        assert "请增加能容纳 20 人并具备投影仪的场地" in text
    else:
        assert "add a room for 20 people with 投影仪" in text


@pytest.mark.parametrize("lang", LANGS)
def test_overlapping_closures_are_named_together(lang: str, tmp_path: Path) -> None:
    """Two closures cover the same March days (会议室装修 and 换届选举): lifting either alone
    opens nothing, so neither is offered alone; the message names both, and lifting both
    gives a plan."""
    data = _march(
        lang,
        2,
        hours="08:30-12:00",
        closures=[
            {"start": "2026-03-02", "end": "2026-03-31", "reason": "会议室装修"},
            {"start": "2026-03-02", "end": "2026-03-31", "reason": "换届选举"},
        ],
    )
    plan, text = _plan(tmp_path, data, "twice.yaml")
    assert plan.status == "infeasible"
    assert _shortfall(lang, text) == 2
    assert _closures(lang, text) == []  # no closure on its own line
    if lang == "zh":
        assert "须一并调整才能增加时段：党建工作站 2026-03-02 至 2026-03-31（会议室装修）、" in text
        assert "党建工作站 2026-03-02 至 2026-03-31（换届选举）。" in text
    else:
        assert (
            "only changing them together gains slots: 党建工作站 2026-03-02 to 2026-03-31 " in text
        )
        assert "(会议室装修), 党建工作站 2026-03-02 to 2026-03-31 (换届选举)." in text
    lifted = copy.deepcopy(data)
    lifted["centres"][0]["closures"] = []
    plan_checked(tmp_path, lifted, out="lifted")


# ---- Where the core is looked for: where it is cheap first (explain_parts.py), then the whole


def _cannot_all_be_placed(problem: Problem, events: list[str]) -> bool:
    """The events cannot all be placed in the whole problem, every other event free to be
    dropped: a core of the whole, wherever it was found."""
    m, _ = build(problem, explain=True)
    m.cp.add_assumptions([m.placed[e] for e in events])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(m.cp) == cp_model.INFEASIBLE


def test_a_pair_too_tight_is_found_in_the_twinning_alone(tmp_path: Path) -> None:
    """Two visits 35 days apart in April, beside two lectures: counting finds no over-booked
    room, the twinning alone shows it (a presolve, then the core), and the core it gives is
    one of the whole problem."""
    data = _march("zh", 2)
    data["meta"].update(start="2026-04-01", end="2026-04-30")
    data["organisations"].append(village())
    data["twinning"] = [pair("p", "a", "v", visits=2, min_gap_days=35)]
    problem = problem_of(write(tmp_path, data))
    assert counted_core(problem) == []
    twinning = twinning_alone(problem)
    assert twinning is not None
    assert set(twinning.visits) == set(problem.visits) and not twinning.occurrences
    options = SolveOptions(work_limit=10)
    core = core_events(problem, options)
    assert core == ["p.2026-04.1", "p.2026-04.2"]
    assert _cannot_all_be_placed(problem, core)
    plan = solve(problem, options).plan
    assert plan.status == "infeasible"
    assert "结对 结对p：需要 2 次互访且间隔不少于 35 天" in "\n".join(plan.explanation)
    # Ctrl-C (a Stop asked for) ends the explanation's searches too: no core, at once.
    stopped = Stop()
    stopped()
    assert core_events(problem, SolveOptions(work_limit=10, stop=stopped)) is None
    # Nothing but twinning: the twinning alone would be the whole problem.
    data["series"] = []
    assert twinning_alone(problem_of(write(tmp_path, data, "pairs.yaml"))) is None


def test_counting_gives_a_core_of_over_booked_rooms_with_no_activity_to_spare(
    tmp_path: Path,
) -> None:
    """Five lectures at 09:00 and one at 14:00 in a room open 3 days of March: the five run at
    one instant with 3 slots between them, so four of them are a core (the solver named all
    five), no solver needed. It is one of the whole problem, and none of the four is spare:
    any three can be placed."""
    data = _march(
        "zh", 6, closures=[{"start": "2026-03-02", "end": "2026-03-26", "reason": "设备检修"}]
    )
    data["series"][5]["start"] = "14:00"
    problem = problem_of(write(tmp_path, data))
    crowd = [f"k{i}.2026-03" for i in range(5)]
    # Those with the most slots are left out first, then the last names: k4 goes.
    assert overbooked_at_once(problem) == crowd[:4] == counted_core(problem)
    assert core_events(problem, SolveOptions()) == crowd[:4]
    assert _cannot_all_be_placed(problem, crowd[:4])
    for spare in crowd[:4]:
        assert not _cannot_all_be_placed(problem, [e for e in crowd[:4] if e != spare])
    # With a room rule left out, counting proves nothing, so it is not asked.
    assert counted_core(problem, frozenset({"room_single_use"})) == []
    # Enough slots for every group that runs at one instant: counting names nothing.
    data["centres"][0]["closures"] = []
    assert overbooked_at_once(problem_of(write(tmp_path, data, "open.yaml"))) == []


def test_counting_proves_no_plan_before_any_search(tmp_path: Path) -> None:
    """When counting shows the rooms cannot take their activities, `solve` says so without a
    search: infeasible, explained, even on a budget too small for a search to prove it (a
    generated city's took 6.7 s, another's found nothing in 60 s and gave no explanation)."""
    data = _march(
        "zh", 6, closures=[{"start": "2026-03-02", "end": "2026-03-26", "reason": "设备检修"}]
    )
    data["series"][5]["start"] = "14:00"
    problem = problem_of(write(tmp_path, data))
    solved = solve(problem, SolveOptions(work_limit=0.001))
    assert solved.plan.status == "infeasible"
    assert solved.stats.deterministic_time == 0.0  # no search ran
    involved = solved.plan.explanation[-1]
    names = [problem.series[problem.occurrences[f"k{i}.2026-03"].series].name for i in range(5)]
    assert [name in involved for name in names] == [True] * 4 + [False]  # counting's core
    assert solved.plan.explanation == solve(problem, SolveOptions()).plan.explanation


def test_the_whole_problem_reuses_the_plans_model_with_pins_held_only_where_placed(
    tmp_path: Path,
) -> None:
    """c hosts the May lecture on the 20th and receives its pair's visit that day: each pin
    alone is fine, together they break no_visit_on_hosting_day, which neither counting nor
    the twinning alone shows. The plan's own model, turned into the explanation's, gives the
    same core as a model built for it, and names both pinned events; planned twice, the
    explanation is the same."""
    data = base()
    data["meta"]["end"] = "2026-05-31"
    data["organisations"].append(village())
    data["series"] = [series("l", name="联合党课", start="14:00", day="third-wed")]
    data["twinning"] = [pair("p", "c", "v")]
    data["pins"] = [
        {"event": "l.2026-05", "host": "c", "date": "2026-05-20"},
        {"event": "p.2026-05.1", "host": "c", "date": "2026-05-20"},
    ]
    problem = problem_of(write(tmp_path, data))
    twinning = twinning_alone(problem)
    assert twinning is not None and list(twinning.pins) == ["p.2026-05.1"]
    options = SolveOptions(work_limit=10)
    model, _ = build(problem)
    reused = core_events(problem, options, model)
    assert reused == core_events(problem, options) == ["l.2026-05", "p.2026-05.1"]
    assert _cannot_all_be_placed(problem, reused)
    plan = solve(problem, options).plan
    assert plan.status == "infeasible"
    assert sum("有固定安排（场景的 pins）" in line for line in plan.explanation) == 2
    assert solve(problem, options).plan.explanation == plan.explanation
