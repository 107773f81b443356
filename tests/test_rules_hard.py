"""One test per hard rule: a tiny scenario that forces it, and the checker catching a
hand-broken plan for it. Search a rule's label to find its solver part and checker part."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rotasched.check import RULES, Tables, check_tables
from rotasched.rules import HARD

from .planning import base, pair, plan_checked, series, village

# ---- the solver obeys each rule where it matters ---------------------------------------------


def test_one_host(tmp_path: Path) -> None:
    """b has hosted three times and a never, so every soft term would rather nobody hosted:
    only one_host makes b, the one member free in April, host."""
    data = base()
    data["organisations"][0]["blackout"] = ["2026-04-01..2026-04-30"]
    data["series"] = [series("t", hosts={"orgs": ["a", "b"]})]
    data["history"] = {
        "hosts": [{"series": "t", "date": f"2026-0{m}-10", "host": "b"} for m in (1, 2, 3)]
    }
    _, _, t = plan_checked(tmp_path, data)
    assert list(t["occurrences"]["host"]) == ["b"]


def test_host_available(tmp_path: Path) -> None:
    data = base()
    data["organisations"][0]["blackout"] = ["2026-04-01..2026-04-30"]
    data["organisations"][1]["weekdays"] = ["周一"]
    data["series"] = [series("t", hosts={"orgs": ["a", "b"]}, day="first-fri")]
    _, _, t = plan_checked(tmp_path, data)
    row = t["occurrences"].iloc[0]
    assert row["host"] == "b" and date.fromisoformat(row["date"]).isoweekday() == 1


def test_one_turn_per_term(tmp_path: Path) -> None:
    """Only a has a room of its own, which saves everyone's travel: without the rule it would
    host every month of the quarter."""
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["organisations"][0]["room"] = {"capacity": 30}
    data["weights"] = {
        k: 0 for k in ("fairness", "turn_balance", "rotation_order", "back_to_back")
    }
    data["series"] = [series("t", term="quarter", room={"own_room": True})]
    _, _, t = plan_checked(tmp_path, data)
    assert t["occurrences"]["host"].nunique() == 3
    assert list(t["occurrences"]["venue"]).count("own") == 1


def test_executive_hosts(tmp_path: Path) -> None:
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["series"] = [series("t", term="quarter")]
    plan, problem, t = plan_checked(tmp_path, data)
    (term,) = plan.terms
    assert term.executive_org in set(t["occurrences"]["host"])
    assert term.executive_name == problem.person_of(term.executive_org).name


def test_occurrence_date(tmp_path: Path) -> None:
    """The only host can come at weekends only: the one weekend working day of September 2026
    (Sunday 20th, 调休) is the only day the series may take, far from its regular day."""
    data = base()
    data["meta"].update(start="2026-09-01", end="2026-09-30")
    data["organisations"][0]["weekdays"] = ["sat", "sun"]
    data["series"] = [series("t", hosts={"orgs": ["a"]}, day="first-workday", room=None)]
    _, _, t = plan_checked(tmp_path, data)
    assert list(t["occurrences"]["date"]) == ["2026-09-20"]


def test_occurrence_date_falls_back_to_a_working_day(tmp_path: Path) -> None:
    data = base()
    data["meta"]["end"] = "2026-05-31"
    # 1 May 2026 is 劳动节 (1-5 May off): day-1 falls back to the next working day, 6 May.
    data["series"] = [series("t", day="day-1", flexible=False)]
    _, _, t = plan_checked(tmp_path, data)
    assert list(t["occurrences"]["date"]) == ["2026-04-01", "2026-05-06"]


def test_duty_rotation(tmp_path: Path) -> None:
    """The park's quarter has one duty organisation hosting all its theme days. Only a has a
    room of its own, which saves travel; a held the duty last quarter, so it is not a."""
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["organisations"][0]["room"] = {"capacity": 30}
    data["groups"][0]["duty"] = {"term": "quarter", "series": ["t"]}
    data["series"] = [series("t", room={"own_room": True})]
    data["history"] = {"hosts": [{"series": "t", "date": "2026-03-10", "host": "a"}]}
    plan, problem, t = plan_checked(tmp_path, data)
    (term,) = plan.terms
    assert term.group == "park" and term.term == "2026Q2"
    assert set(t["occurrences"]["host"]) == {term.executive_org} != {"a"}
    assert term.executive_name == problem.person_of(term.executive_org).name


def test_co_host(tmp_path: Path) -> None:
    """c, the weak partner, is due to host; b, its strong partner, is away on the regular day
    (the first Friday), so the theme day moves to a day both can be there."""
    data = base()
    data["organisations"][1]["blackout"] = ["2026-04-01..2026-04-05"]
    data["series"] = [
        series("t", day="first-fri", hosts={"orgs": ["b", "c"]},
               strong_weak=[{"strong": "b", "weak": "c"}])
    ]  # fmt: skip
    data["history"] = {
        "hosts": [{"series": "t", "date": f"2026-0{m}-10", "host": "b"} for m in (1, 2, 3)]
    }
    _, _, t = plan_checked(tmp_path, data)
    row = t["occurrences"].iloc[0]
    assert (row["host"], row["co_host"]) == ("c", "b")
    assert row["date"] > "2026-04-05"


def test_room_fits(tmp_path: Path) -> None:
    data = base()
    data["centres"][0]["rooms"].append({"id": "B", "name": "大厅B", "capacity": 100})
    data["centres"][0]["closures"] = [{"start": "2026-04-03", "end": "2026-04-03", "rooms": ["A"]}]
    data["series"] = [
        series("t", day="first-fri", room={"equipment": ["投影仪"], "own_room": False})
    ]
    _, _, t = plan_checked(tmp_path, data)
    row = t["occurrences"].iloc[0]
    assert row["room"] == "A"  # the only room with a projector
    assert row["date"] != "2026-04-03"


def test_room_single_use(tmp_path: Path) -> None:
    """Two series with nobody in common want the same Friday morning in the only room."""
    data = base()
    data["series"] = [
        series("t1", day="first-fri", participants={"orgs": ["a", "b"]}),
        series("t2", day="first-fri", participants={"orgs": ["c", "d"]}),
    ]
    _, _, t = plan_checked(tmp_path, data)
    assert t["occurrences"]["date"].nunique() == 2


def test_visit_count(tmp_path: Path) -> None:
    data = base()
    data["organisations"].append(village())
    data["meta"]["end"] = "2026-05-31"
    data["twinning"] = [pair("p", "a", "v", visits=2)]
    _, _, t = plan_checked(tmp_path, data)
    assert list(t["visits"]["period"]) == ["2026-04", "2026-04", "2026-05", "2026-05"]


def test_visit_date(tmp_path: Path) -> None:
    data = base()
    village_ = village()
    village_["blackout"] = ["2026-04-01..2026-04-27"]
    data["organisations"].append(village_)
    data["twinning"] = [pair("p", "a", "v")]
    _, _, t = plan_checked(tmp_path, data)
    assert t["visits"]["date"].iloc[0] >= "2026-04-28"


def test_visit_host(tmp_path: Path) -> None:
    data = base()
    data["organisations"].append(village())
    data["meta"]["end"] = "2026-06-30"
    data["twinning"] = [pair("p", "a", "v", hosts="helped", alternate=False)]
    _, _, t = plan_checked(tmp_path, data)
    assert set(t["visits"]["host"]) == {"v"}


def test_visit_alternation(tmp_path: Path) -> None:
    """v's people reach a in 10 minutes, a's reach v in 60: travel alone would meet at a."""
    data = base()
    data["organisations"].append(village())
    data["meta"]["end"] = "2026-06-30"
    data["twinning"] = [pair("p", "a", "v")]
    data["travel"] = [
        {"from": "v", "to": "a", "minutes": 10},
        {"from": "a", "to": "v", "minutes": 60},
    ]
    data["history"] = {"visits": [{"pair": "p", "date": "2026-03-10", "host": "v"}]}
    _, _, t = plan_checked(tmp_path, data)
    assert list(t["visits"]["host"]) == ["a", "v", "a"]


def test_visit_gap(tmp_path: Path) -> None:
    """Evenly spread, April's two visits fall 14 days apart; the pair asks for 20."""
    data = base()
    data["organisations"].append(village())
    data["twinning"] = [pair("p", "a", "v", visits=2, min_gap_days=20)]
    _, _, t = plan_checked(tmp_path, data)
    first, second = (date.fromisoformat(d) for d in t["visits"]["date"])
    assert (second - first).days >= 20


def test_visit_day_cap(tmp_path: Path) -> None:
    """Three pairs with nobody in common; the villages can meet on Fridays 3, 10 and 17 April
    only, and the two later visits are both nearest the 17th; one visit a day at most."""
    data = base()
    data["visiting"] = {"peak": 1.0}
    data["twinning"] = []
    for k, helper in enumerate("abc"):
        data["organisations"].append(village(f"v{k}", f"村{k}"))
        data["organisations"][-1]["weekdays"] = ["fri"]
        data["organisations"][-1]["blackout"] = ["2026-04-20..2026-04-30"]
        data["twinning"].append(pair(f"p{k}", helper, f"v{k}"))
    _, problem, t = plan_checked(tmp_path, data)
    assert problem.visit_cap == 1
    assert t["visits"]["date"].is_unique


def test_org_single_place(tmp_path: Path) -> None:
    """a attends b's theme day on Friday 17 April, the Friday nearest its visit's even spread."""
    data = base()
    data["organisations"].append(village())
    data["organisations"][-1]["weekdays"] = ["fri"]
    data["series"] = [
        series("t", day="third-fri", flexible=False, start="09:00", hosts={"orgs": ["b"]})
    ]
    data["twinning"] = [pair("p", "a", "v", start="10:00")]
    _, _, t = plan_checked(tmp_path, data)
    assert t["occurrences"]["date"].iloc[0] == "2026-04-17"
    assert t["visits"]["date"].iloc[0] != "2026-04-17"


def test_person_single_place(tmp_path: Path) -> None:
    """c and d have one secretary; their villages can meet on Fridays 3 and 10 April only, and
    both visits are nearest the 10th."""
    data = base()
    data["organisations"][3]["secretary"] = {"id": "s-c", "name": "张伟"}  # c and d: one person
    for vid, name in (("v", "桃源村"), ("w", "杏花村")):
        data["organisations"].append(village(vid, name))
        data["organisations"][-1]["weekdays"] = ["fri"]
        data["organisations"][-1]["blackout"] = ["2026-04-11..2026-04-30"]
    data["twinning"] = [pair("p", "c", "v"), pair("q", "d", "w")]
    _, _, t = plan_checked(tmp_path, data)
    assert sorted(t["visits"]["date"]) == ["2026-04-03", "2026-04-10"]


def test_no_visit_on_hosting_day(tmp_path: Path) -> None:
    """a hosts on Friday 17 April in the afternoon; its visit would spread onto that morning."""
    data = base()
    data["organisations"].append(village())
    data["organisations"][-1]["weekdays"] = ["fri"]
    data["series"] = [
        series("t", day="third-fri", flexible=False, start="15:00", hosts={"orgs": ["a"]})
    ]
    data["twinning"] = [pair("p", "a", "v", hosts="helpers", alternate=False, start="09:00")]
    _, _, t = plan_checked(tmp_path, data)
    assert t["occurrences"]["date"].iloc[0] == "2026-04-17"
    assert t["visits"]["date"].iloc[0] != "2026-04-17"


def test_pinned(tmp_path: Path) -> None:
    """b hosted the last three times: every soft term would rather another member hosted
    April's theme day. The committee pinned b, on the 20th."""
    data = base()
    data["series"] = [series("t")]
    data["history"] = {
        "hosts": [{"series": "t", "date": f"2026-0{m}-10", "host": "b"} for m in (1, 2, 3)]
    }
    data["pins"] = [{"event": "t.2026-04", "host": "b", "date": "2026-04-20"}]
    _, _, t = plan_checked(tmp_path, data)
    row = t["occurrences"].iloc[0]
    assert (row["host"], row["date"]) == ("b", "2026-04-20")


# ---- the checker catches a hand-broken plan for each rule -----------------------------------


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Tables]:
    """A checked plan with something for every rule: terms, rooms, visits, a shared person."""
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["organisations"][3]["secretary"] = {"id": "s-c", "name": "张伟"}
    data["organisations"][3]["blackout"] = ["2026-04-20..2026-04-24"]
    data["organisations"] += [village("v", "桃源村"), village("w", "杏花村")]
    data["groups"][0]["duty"] = {"term": "quarter", "series": ["d"]}
    data["series"] = [
        series("t", term="quarter", start="14:30"),
        series("l", start="09:00", strong_weak=[{"strong": "a", "weak": "b"}]),
        series("d", start="11:00", duration=30, day="second-tue", room=None),
    ]
    data["twinning"] = [
        pair("p", "a", "v", visits=2, min_gap_days=10),
        pair("q", "d", "w", hosts="helped", alternate=False),
    ]
    data["pins"] = [{"event": "l.2026-05", "host": "c"}]
    _, problem, tables = plan_checked(tmp_path_factory.mktemp("good"), data)
    return problem, tables


def _copy(t: Tables) -> Tables:
    return {k: v.copy() for k, v in t.items()}


def _row(frame: pd.DataFrame, **match: str) -> int:
    hits = frame.index[(frame[list(match)] == pd.Series(match)).all(axis=1)]
    return int(hits[0])


def _next_workday(problem: Any, day: date, avoid: set[str]) -> str:
    d = day + timedelta(days=1)
    while not problem.calendar.is_workday(d) or d.isoformat() in avoid:
        d += timedelta(days=1)
    return d.isoformat()


def _break(rule: str, p: Any, t: Tables) -> Tables:
    t = _copy(t)
    occ, terms, visits = t["occurrences"], t["terms"], t["visits"]
    t_rows = occ.index[occ["series"] == "t"]
    if rule == "one_host":
        occ.loc[t_rows[0], "host"] = "w"  # a village outside the park's pool
    elif rule == "host_available":
        occ.loc[t_rows[0], ["host", "date"]] = ["d", "2026-04-22"]  # d's blackout
    elif rule == "one_turn_per_term":
        occ.loc[t_rows, "host"] = "a"
    elif rule == "executive_hosts":
        hosts = set(occ.loc[t_rows, "host"])
        terms.loc[terms["series"] == "t", "executive_org"] = next(
            o for o in "abcd" if o not in hosts
        )
    elif rule == "duty_rotation":
        d_rows = occ.index[occ["series"] == "d"]
        duty = occ.loc[d_rows[0], "host"]
        occ.loc[d_rows[1], "host"] = next(o for o in "abcd" if o != duty)
    elif rule == "co_host":
        occ.loc[occ.index[occ["series"] == "l"][0], "co_host"] = "c"  # not b's partner
    elif rule == "pinned":
        occ.loc[_row(occ, id="l.2026-05"), "host"] = "d"
    elif rule == "visit_day_cap":
        visits.loc[visits.index[:3], "date"] = visits.loc[visits.index[0], "date"]
    elif rule == "occurrence_date":
        occ.loc[t_rows[0], "date"] = "2026-04-04"  # a Saturday
    elif rule == "room_fits":
        occ.loc[t_rows[0], "room"] = "Z"
    elif rule == "room_single_use":
        l_row = occ.index[occ["series"] == "l"][0]
        occ.loc[l_row, ["date", "start", "end"]] = occ.loc[
            t_rows[0], ["date", "start", "end"]
        ].values
    elif rule == "visit_count":
        t["visits"] = visits.drop(index=visits.index[0])
    elif rule == "visit_date":
        visits.loc[visits.index[visits["pair"] == "q"][0], "date"] = "2026-05-01"  # 劳动节
    elif rule == "visit_host":
        visits.loc[visits.index[visits["pair"] == "q"][0], "host"] = "d"
    elif rule == "visit_alternation":
        visits.loc[visits["pair"] == "p", "host"] = "a"
    elif rule == "visit_gap":
        rows = visits.index[visits["pair"] == "p"]
        first = date.fromisoformat(visits.loc[rows[0], "date"])
        visits.loc[rows[1], "date"] = _next_workday(p, first, set())
    elif rule == "org_single_place":
        row = visits.index[visits["pair"] == "p"][0]
        visits.loc[row, ["date", "start", "end"]] = occ.loc[
            t_rows[0], ["date", "start", "end"]
        ].values
    elif rule == "no_visit_on_hosting_day":
        row = visits.index[visits["pair"] == "p"][0]
        host = occ.loc[t_rows[0], "host"]
        visits.loc[row, ["host", "helpers", "date", "start", "end"]] = [
            host,
            host,
            occ.loc[t_rows[0], "date"],
            "08:00",
            "08:30",
        ]
    return t


@pytest.mark.parametrize("rule", [r for r in HARD if r != "person_single_place"])
def test_checker_catches(rule: str, good: tuple[Any, Tables]) -> None:
    problem, tables = good
    assert check_tables(tables, problem) == []
    found = {v.rule for v in check_tables(_break(rule, problem, tables), problem)}
    assert rule in found, found


def test_checker_catches_person_single_place(good: tuple[Any, Tables]) -> None:
    """c and d share one secretary; d's pair visit at the time of c's own visit elsewhere."""
    problem, tables = good
    t = _copy(tables)
    extra = t["visits"].iloc[[0]].copy()
    extra[["id", "pair", "host", "guests", "helpers", "helped"]] = ["x.1", "x", "c", "", "c", ""]
    q_row = t["visits"].index[t["visits"]["pair"] == "q"][0]
    extra[["date", "start", "end"]] = t["visits"].loc[q_row, ["date", "start", "end"]].values
    t["visits"] = pd.concat([t["visits"], extra], ignore_index=True)
    found = {v.rule for v in check_tables(t, problem)}
    assert "person_single_place" in found and "org_single_place" not in found


def test_every_hard_rule_has_a_checker() -> None:
    assert set(RULES) == set(HARD)
