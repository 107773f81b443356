"""One test per soft term: the solver improves it against a plan solved without it.

Each scenario has a second goal pulling the other way, so that "without" really is worse;
both plans are checked, and the term is measured from the written tables by the checker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rotasched import load_scenario
from rotasched.check import measured
from rotasched.plan import Plan
from rotasched.replan import replan
from rotasched.rules import SOFT
from rotasched.solver import SolveOptions

from .planning import base, pair, plan_checked, score, series, variant, village, write

OFF = dict.fromkeys(SOFT, 0)


def _compare(
    tmp: Path, data: dict[str, Any], term: str, on: dict[str, int], off: dict[str, int]
) -> tuple[int, int]:
    _, p1, with_ = plan_checked(tmp, variant(data, **on), out="with")
    _, p2, without = plan_checked(tmp, variant(data, **off), out="without")
    return score(with_, p1, term), score(without, p2, term)


def _own_room_park(months: int = 3) -> dict[str, Any]:
    """Org a has a big room of its own next door: hosting at a saves everyone travel."""
    data = base()
    data["meta"]["end"] = ["2026-04-30", "2026-05-31", "2026-06-30"][months - 1]
    for org, (lat, lon) in zip(
        data["organisations"],
        [(30.50, 114.40), (30.51, 114.41), (30.49, 114.39), (30.50, 114.42)],
        strict=True,
    ):
        org["location"] = {"lat": lat, "lon": lon}
    data["organisations"][0]["room"] = {"capacity": 50, "equipment": ["投影仪"]}
    data["centres"][0]["location"] = {"lat": 30.80, "lon": 114.90}  # far away
    data["series"] = [series("t", room={"own_room": True})]
    return data


def test_fairness(tmp_path: Path) -> None:
    data = _own_room_park()
    with_, without = _compare(
        tmp_path, data, "fairness", {**OFF, "fairness": 100, "travel": 1}, {**OFF, "travel": 1}
    )
    assert with_ < without


def test_rotation_order(tmp_path: Path) -> None:
    data = _own_room_park()
    data["history"] = {
        "hosts": [
            {"series": "t", "date": f"2026-0{m}-10", "host": h}
            for m, h in ((1, "d"), (2, "c"), (3, "a"))
        ]
    }
    with_, without = _compare(
        tmp_path,
        data,
        "rotation_order",
        {**OFF, "rotation_order": 1000, "travel": 1},
        {**OFF, "travel": 1},
    )
    assert with_ < without
    assert with_ == 0  # b (never hosted) first, then d, then c: least recent first


def test_back_to_back(tmp_path: Path) -> None:
    data = _own_room_park()
    data["history"] = {"hosts": [{"series": "t", "date": "2026-03-10", "host": "a"}]}
    with_, without = _compare(
        tmp_path,
        data,
        "back_to_back",
        {**OFF, "back_to_back": 1000, "travel": 1},
        {**OFF, "travel": 1},
    )
    assert with_ == 0 < without


def test_turn_balance(tmp_path: Path) -> None:
    """Two series over one quarter: 6 turns for 4 members. Only a has a room of its own, so
    travel alone would give it every turn; the round robin gives each member 1 or 2."""
    data = _own_room_park()
    data["series"].append(series("l", day="first-mon", start="14:00", room={"own_room": True}))
    with_, without = _compare(
        tmp_path,
        data,
        "turn_balance",
        {**OFF, "turn_balance": 1000, "travel": 1},
        {**OFF, "travel": 1},
    )
    assert with_ == 0 < without


def test_fairness_counts_every_series_a_member_carries(tmp_path: Path) -> None:
    """a hosted one series often before: fair over everything, it now hosts the other less."""
    data = _own_room_park(months=1)
    data["series"].append(series("l", day="first-mon", start="14:00", room={"own_room": False}))
    data["history"] = {
        "hosts": [{"series": "t", "date": f"2026-0{m}-10", "host": "a"} for m in (1, 2, 3)]
    }
    plan, problem, t = plan_checked(tmp_path, variant(data, **{**OFF, "fairness": 10}))
    hosts = dict(zip(t["occurrences"]["series"], t["occurrences"]["host"], strict=True))
    assert "a" not in hosts.values()
    assert score(t, problem, "fairness") == plan.terms_value["fairness"]


def _two_centres() -> dict[str, Any]:
    """Near centre closed on the regular day; the far one open."""
    data = base()
    for org in data["organisations"]:
        org["location"] = {"lat": 30.50, "lon": 114.40}
    data["centres"] = [
        {
            "id": "near",
            "name": "社区党群服务中心",
            "location": {"lat": 30.50, "lon": 114.40},
            "closures": ["2026-04-03"],
            "rooms": [{"id": "A", "name": "一号会议室", "capacity": 40}],
        },
        {
            "id": "far",
            "name": "街道党群服务中心",
            "location": {"lat": 30.70, "lon": 114.70},
            "rooms": [{"id": "A", "name": "大会议室", "capacity": 40}],
        },
    ]
    data["series"] = [series("t", day="first-fri")]
    return data


def test_travel(tmp_path: Path) -> None:
    with_, without = _compare(
        tmp_path,
        _two_centres(),
        "travel",
        {**OFF, "travel": 10, "regular_day": 1},
        {**OFF, "regular_day": 1},
    )
    assert with_ < without


def test_regular_day(tmp_path: Path) -> None:
    with_, without = _compare(
        tmp_path,
        _two_centres(),
        "regular_day",
        {**OFF, "regular_day": 1000, "travel": 1},
        {**OFF, "travel": 1},
    )
    assert with_ == 0 < without


def test_centre_balance(tmp_path: Path) -> None:
    data = _two_centres()
    data["centres"][0]["closures"] = []
    data["series"] = [series(f"t{i}", start=f"{9 + 2 * i:02d}:00") for i in range(3)]
    with_, without = _compare(
        tmp_path,
        data,
        "centre_balance",
        {**OFF, "centre_balance": 10000, "travel": 1},
        {**OFF, "travel": 1},
    )
    assert with_ < without


def test_visit_spread(tmp_path: Path) -> None:
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["organisations"].append(village())
    data["twinning"] = [pair("p", "a", "v", visits=2, per="quarter", min_gap_days=1)]
    # Nothing else in the objective touches visit days: without the term the search leaves
    # them wherever it first put them; with it they sit near the middles of the two halves.
    with_, without = _compare(tmp_path, data, "visit_spread", {**OFF, "visit_spread": 1}, OFF)
    assert with_ < without
    assert with_ <= 4  # each visit within two days of its ideal day (weekends, holidays)


def test_turn_balance_counts_a_secretary_once(tmp_path: Path) -> None:
    """Three quarters of duty among four members, two of them (c, d) led by one secretary:
    three people take one term each; the secretary of c and d is 执行书记 once, not twice."""
    data = base()
    data["meta"]["end"] = "2026-12-31"
    data["organisations"][3]["secretary"] = {"id": "s-c", "name": "张伟"}
    data["groups"][0]["duty"] = {"term": "quarter", "series": ["t"]}
    data["series"] = [series("t")]
    plan, problem, t = plan_checked(tmp_path, data)
    people = [term.executive_secretary for term in plan.terms]
    assert sorted(people) == ["s-a", "s-b", "s-c"]
    assert score(t, problem, "turn_balance") == plan.terms_value["turn_balance"] == 0


def test_visit_window(tmp_path: Path) -> None:
    """The pair's evenly spread day falls in a week the scenario discourages (busy farming)."""
    data = base()
    data["organisations"].append(village())
    data["twinning"] = [pair("p", "a", "v")]
    data["visiting"] = {
        "discourage": [{"start": "2026-04-13", "end": "2026-04-17", "reason": "农忙"}]
    }
    with_, without = _compare(
        tmp_path,
        data,
        "visit_window",
        {**OFF, "visit_window": 100, "visit_spread": 1},
        {**OFF, "visit_spread": 1},
    )
    assert with_ == 0 < without


# ---- a re-plan against a published plan --------------------------------------------------


def _published(tmp: Path, data: dict[str, Any], pin: dict[str, str]) -> Plan:
    """A plan the committee published: with an assignment the soft terms would not choose."""
    return plan_checked(tmp, {**data, "pins": [pin]}, out="published")[0]


def _replanned(tmp: Path, data: dict[str, Any], published: Plan, term: str,
               weights: dict[str, int]) -> int:
    scenario = load_scenario(write(tmp, variant(data, **weights), f"{len(weights)}.yaml"))
    done = replan(scenario, published, date(2026, 4, 1), SolveOptions(work_limit=5))
    assert done.plan.has_schedule and done.violations == ()
    return measured(done.problem, done.plan)[term]


def _keeps(tmp: Path, data: dict[str, Any], pin: dict[str, str], term: str,
           pull: dict[str, int]) -> None:
    published = _published(tmp, data, pin)
    with_ = _replanned(tmp, data, published, term, {**OFF, **pull, term: SOFT[term].weight})
    without = _replanned(tmp, data, published, term, {**OFF, **pull})
    assert (with_, without) == (0, 1)


def test_moved(tmp_path: Path) -> None:
    """Published on the 8th; the theme day's regular day is the third Wednesday."""
    data = base()
    data["series"] = [series("t", day="third-wed")]
    pin = {"event": "t.2026-04", "date": "2026-04-08"}
    _keeps(tmp_path, data, pin, "moved", {"regular_day": 1})


def test_rehosted(tmp_path: Path) -> None:
    """Published with b as host, though b hosted the last three times."""
    data = base()
    data["series"] = [series("t")]
    data["history"] = {
        "hosts": [{"series": "t", "date": f"2026-0{m}-10", "host": "b"} for m in (1, 2, 3)]
    }
    _keeps(tmp_path, data, {"event": "t.2026-04", "host": "b"}, "rehosted",
           {"rotation_order": 20})


def test_reroomed(tmp_path: Path) -> None:
    """Published in a far centre's hall; the station next door has a room as good."""
    data = _own_room_park(months=1)
    data["organisations"][0].pop("room")
    data["centres"].append({
        "id": "yuan", "name": "党群服务中心", "location": {"lat": 30.50, "lon": 114.41},
        "rooms": [{"id": "B", "name": "大厅B", "capacity": 60, "equipment": ["投影仪"]}],
    })  # fmt: skip
    _keeps(tmp_path, data, {"event": "t.2026-04", "room": "zhan:A"}, "reroomed", {"travel": 1})
