"""Solve many small random scenarios; every plan must pass the independent checker, and every
failure must come with an explanation."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rotasched.check import check, check_dir, scores
from rotasched.export import export_plan
from rotasched.export.raw import read_raw
from rotasched.rules import SOFT
from rotasched.solver import SolveOptions, solve

from .planning import random_problem

NAMES = ["星辰科技", "华远光电", "捷达物流", "明朗生物", "天颐餐饮", "汉江机械"]
VILLAGES = ["桃源村", "杏花村", "柳湾村"]
DAY_RULES = ["any-workday", "first-fri", "last-workday", "day-15", "second-tue"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(2, 5))
    orgs = []
    for i in range(n):
        org: dict[str, Any] = {
            "id": f"o{i}",
            "name": f"武汉{NAMES[i]}有限公司",
            "kind": "enterprise",
            "groups": ["park"],
            "members": draw(st.integers(1, 40)),
            # Sometimes two organisations share one secretary.
            "secretary": {"id": f"s{draw(st.integers(0, n - 1)) if i else 0}", "name": "书记"},
        }
        if draw(st.booleans()):
            org["blackout"] = [
                f"2026-04-{draw(st.integers(1, 20)):02d}..2026-04-{draw(st.integers(21, 30)):02d}"
            ]
        if draw(st.booleans()):
            org["weekdays"] = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=2, unique=True))
        if draw(st.booleans()):
            org["room"] = {"capacity": draw(st.integers(5, 60))}
        orgs.append(org)
    villages = []
    for j in range(draw(st.integers(0, 3))):
        villages.append(
            {
                "id": f"v{j}",
                "name": VILLAGES[j],
                "kind": "village",
                "members": 30,
                "secretary": {"id": f"sv{j}", "name": "村书记"},
            }
        )
    rooms = [
        {
            "id": f"R{k}",
            "name": f"{k + 1}号会议室",
            "capacity": draw(st.integers(20, 80)),
            "equipment": ["投影仪"] if draw(st.booleans()) else [],
        }
        for k in range(draw(st.integers(1, 3)))
    ]
    series = []
    for k in range(draw(st.integers(0, 3))):
        item: dict[str, Any] = {
            "id": f"x{k}",
            "name": f"主题党日{k}",
            "type": "主题党日",
            "cadence": draw(st.sampled_from(["monthly", "every-2-weeks", "quarterly"])),
            "day": draw(st.sampled_from(DAY_RULES)),
            "flexible": draw(st.booleans()),
            "start": draw(st.sampled_from(["09:00", "10:00", "14:30"])),
            "duration": draw(st.sampled_from([60, 90, 120])),
            "participants": {"groups": ["park"]},
            "attendance": draw(st.integers(5, 20)),
            "term": draw(st.sampled_from(["occurrence", "quarter"])),
        }
        if draw(st.booleans()):
            item["room"] = {"own_room": draw(st.booleans())}
        series.append(item)
    twinning = []
    for j, v in enumerate(villages):
        form = draw(st.sampled_from(["one_to_one", "many_to_one"] if n >= 2 else ["one_to_one"]))
        helpers = [f"o{j % n}"] if form == "one_to_one" else [f"o{j % n}", f"o{(j + 1) % n}"]
        twinning.append(
            {
                "id": f"p{j}",
                "name": f"结对{j}",
                "form": form,
                "helpers": helpers,
                "helped": [v["id"]],
                "visits": draw(st.integers(1, 2)),
                "per": "month",
                "min_gap_days": draw(st.integers(0, 10)),
                "alternate": draw(st.booleans()),
            }
        )
    if len(villages) >= 2 and draw(st.booleans()):
        twinning.append(
            {
                "id": "pm",
                "name": "一帮多",
                "form": "one_to_many",
                "helpers": ["o0"],
                "helped": [v["id"] for v in villages[:2]],
                "visits": 1,
                "per": "quarter",
            }
        )
    # Any weights, zeros included: a term is measured whether or not it is optimised.
    weights = {t: draw(st.sampled_from([0, 1, 5])) for t in SOFT}
    return {
        "weights": weights,
        "meta": {"name": "随机场景", "locale": "zh", "start": "2026-04-01", "end": "2026-05-31"},
        "groups": [{"id": "park", "name": "园区", "kind": "park"}],
        "organisations": orgs + villages,
        "centres": [{"id": "c", "name": "党群服务中心", "rooms": rooms}],
        "series": series,
        "twinning": twinning,
    }


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(scenarios())
def test_random_scenarios_solve_then_check(data: dict[str, Any]) -> None:
    problem = random_problem(data)
    if problem is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        plan = solve(problem, SolveOptions(work_limit=5)).plan
        event(plan.status)
        if plan.has_schedule:
            outdir = export_plan(plan, problem, Path(tmp) / "out")
            violations = check_dir(outdir, problem)
            assert violations == [], [v.render() for v in violations]
            assert check(problem, plan) == []  # in memory, the same verdict
            # The solver's term expressions equal the checker's measures, at any weight.
            assert plan.terms_value == scores(read_raw(outdir / "raw"), problem)
        else:
            assert plan.explanation, plan.status
