"""Re-planning: an organisation withdraws mid-horizon, pins and hand edits are kept, and the
published plan changes as little as possible (issue 9)."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rotasched import load_scenario
from rotasched.check import measured
from rotasched.cli import main
from rotasched.compare import count_changes
from rotasched.plan import Plan
from rotasched.replan import Replanned, replan
from rotasched.rules import SOFT
from rotasched.scenario import ScenarioError
from rotasched.solver import SolveOptions

from .planning import base, pair, plan_checked, problem_of, series, village, write

FREEZE = date(2026, 5, 11)
CHANGE_TERMS = ("moved", "rehosted", "reroomed")


def _quarter() -> dict[str, Any]:
    """Four enterprises and a village, Q2 2026: a theme day and a lecture a month, one room,
    a pair visiting once a month."""
    data = base()
    data["meta"]["id"] = "test-park"
    data["meta"]["end"] = "2026-06-30"
    data["organisations"].append(village())
    data["series"] = [series("t"), series("l", name="联合党课", start="14:00", day="third-wed")]
    data["twinning"] = [pair("p", "c", "v")]
    return data


def _replan(
    tmp: Path, data: dict[str, Any], published: Plan, freeze: date = FREEZE, **kw: Any
) -> Replanned:
    scenario = load_scenario(write(tmp, data, "changed.yaml"))
    done = replan(scenario, published, freeze, SolveOptions(work_limit=10), **kw)
    assert done.plan.has_schedule, done.plan.explanation
    assert done.violations == (), done.violations  # the checker's word, before anyone uses it
    return done


def _changed(published: Plan, plan: Plan) -> int:
    """Events changed (moved, re-hosted, re-roomed: counted once each) or added/cancelled."""
    return count_changes(published, plan)["events"]


def test_withdrawal_changes_the_fewest_events_and_nothing_before_the_freeze(
    tmp_path: Path,
) -> None:
    data = _quarter()
    published, _, _ = plan_checked(tmp_path, data, out="v1")
    c_hosts = [o.id for o in published.occurrences if o.host == "c" and o.date >= FREEZE]
    assert c_hosts or any(v.date >= FREEZE for v in published.visits)

    changed = copy.deepcopy(data)
    changed["organisations"][2]["left"] = "2026-05-15"  # 捷达物流 withdraws
    done = _replan(tmp_path, changed, published)
    new = done.plan

    # Nothing before the freeze date moved, changed host or room.
    before = {o.id: o for o in published.occurrences if o.date < FREEZE}
    assert before and all(
        (o.date, o.host, o.venue, o.room) == (before[o.id].date, before[o.id].host,
                                             before[o.id].venue, before[o.id].room)
        for o in new.occurrences if o.id in before
    )
    assert {v.id: v for v in published.visits if v.date < FREEZE}.items() <= {
        v.id: v for v in new.visits}.items()
    # c hosts and visits nothing from the day it left.
    assert all(o.host != "c" or o.date < date(2026, 5, 15) for o in new.occurrences)
    assert all("c" not in (*v.helpers, v.host) or v.date < date(2026, 5, 15)
               for v in new.visits)

    # The fewest changes: the same re-plan caring for nothing but change does no better.
    only_change = dict.fromkeys(SOFT, 0) | dict.fromkeys(CHANGE_TERMS, 1)
    least = _replan(tmp_path, {**changed, "weights": only_change}, published).plan
    changes_here = sum(new.terms_value[t] for t in CHANGE_TERMS)
    assert changes_here == sum(least.terms_value[t] for t in CHANGE_TERMS)

    # A plan from scratch for the changed scenario changes more, and the test says by how much.
    scratch, _, _ = plan_checked(tmp_path, changed, out="scratch")
    ours, theirs = _changed(published, new), _changed(published, scratch)
    print(f"events changed: re-plan {ours}, from scratch {theirs}")
    assert ours < theirs


def test_a_scenario_pin_is_kept(tmp_path: Path) -> None:
    data = _quarter()
    published, _, _ = plan_checked(tmp_path, data, out="v1")
    occ = next(o for o in published.occurrences if o.series == "l" and o.date > FREEZE)
    other = next(x for x in "abcd" if x != occ.host)
    data["pins"] = [{"event": occ.id, "host": other}]
    new = _replan(tmp_path, data, published).plan
    assert next(o for o in new.occurrences if o.id == occ.id).host == other


def test_a_pin_that_breaks_a_hard_rule_is_refused_with_the_rule_named(tmp_path: Path) -> None:
    data = _quarter()
    data["organisations"][1]["blackout"] = ["2026-05-01..2026-05-31"]
    data["pins"] = [
        {"event": "t.2026-05", "host": "b"},
        {"event": "t.2026-06", "date": "2026-06-06"},
    ]
    path = write(tmp_path, data)
    with pytest.raises(ScenarioError) as err:
        problem_of(path)
    assert err.value.codes() == ["pin_breaks_rule", "pin_breaks_rule"]
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "pins[0]" in result.output and "`host_available`" in result.output
    assert "pins[1]" in result.output and "`occurrence_date`" in result.output  # a Saturday
    assert "Traceback" not in result.output


def test_a_pin_of_an_unknown_event_names_the_field(tmp_path: Path) -> None:
    data = _quarter()
    data["pins"] = [{"event": "t.2027-01", "host": "a"}]
    with pytest.raises(ScenarioError) as err:
        problem_of(write(tmp_path, data))
    assert "pins[0].event" in err.value.render("zh") and "t.2027-01" in err.value.render("zh")


def test_a_hand_edit_is_kept_and_one_a_rule_forbids_is_refused(tmp_path: Path) -> None:
    data = _quarter()
    published, _, _ = plan_checked(tmp_path, data, out="v1")
    later = [o for o in published.occurrences if o.date > FREEZE]
    swap, bad = later[0], later[1]
    new_host = next(x for x in "abcd" if x != swap.host)
    edited = replace(published, occurrences=tuple(
        replace(o, host=new_host) if o.id == swap.id
        else replace(o, host="v") if o.id == bad.id  # the village is outside the pool
        else o
        for o in published.occurrences
    ))
    done = _replan(tmp_path, data, published, edited=edited)
    hosts = {o.id: o.host for o in done.plan.occurrences}
    assert hosts[swap.id] == new_host
    assert hosts[bad.id] != "v"
    refused = [(r.pin.event, r.rule, r.pin.why) for r in done.refused]
    assert refused == [(bad.id, "one_host", "edit")]


def test_unchanged_scenario_replans_to_the_published_plan(tmp_path: Path) -> None:
    data = _quarter()
    published, _, _ = plan_checked(tmp_path, data, out="v1")
    done = _replan(tmp_path, data, published, freeze=date(2026, 4, 1))
    assert _changed(published, done.plan) == 0
    assert done.changes.empty
    assert all(done.plan.terms_value[t] == 0 for t in CHANGE_TERMS)
    assert measured(done.problem, done.plan) == done.plan.terms_value


def _planned(tmp: Path, data: dict[str, Any], name: str) -> tuple[Path, Path, Path]:
    """The scenario written, planned through the CLI into v1; and where v2 goes."""
    path = write(tmp, data, name)
    v1, v2 = tmp / "v1", tmp / "v2"
    made = CliRunner().invoke(main, ["plan", str(path), "-o", str(v1), "--work", "5"])
    assert made.exit_code == 0, made.output
    return path, v1, v2


def test_replan_command_writes_the_new_plan_and_says_what_changed(tmp_path: Path) -> None:
    data = _quarter()
    _, v1, v2 = _planned(tmp_path, data, "一季度.yaml")
    runner = CliRunner()
    data["organisations"][2]["left"] = "2026-05-15"
    changed = write(tmp_path, data, "退出后.yaml")
    result = runner.invoke(main, ["replan", str(changed), "--from", str(v1), "-o", str(v2),
                                  "--freeze", "2026-05-11", "--work", "5"])
    assert result.exit_code == 0, result.output
    assert "冻结日期：2026-05-11" in result.output
    published, new = Plan.read_json(v1 / "plan.json"), Plan.read_json(v2 / "plan.json")
    n = count_changes(published, new)["events"]
    assert n > 0 and f"共调整 {n} 项" in result.output
    check = runner.invoke(main, ["check", str(changed), str(v2)])
    assert check.exit_code == 0, check.output


def test_replan_keeps_a_host_swapped_by_hand_in_the_published_table(tmp_path: Path) -> None:
    from .planning import ORGS
    from .test_edits import HOST, edit_csv

    path, v1, v2 = _planned(tmp_path, _quarter(), "二季度.yaml")
    runner = CliRunner()
    published = Plan.read_json(v1 / "plan.json")
    occ = next(o for o in published.occurrences if o.series == "l" and o.date > FREEZE)
    new_host, new_name = next((i, n) for i, n, _, _ in ORGS if i != occ.host)
    edited = tmp_path / "手工修改.csv"
    edit_csv(v1 / "tables" / "hosting.csv", edited, occ.id, {HOST: new_name})

    result = runner.invoke(main, ["replan", str(path), "--from", str(v1), "-o", str(v2),
                                  "--edited", str(edited), "--freeze", "2026-05-11",
                                  "--work", "5"])
    assert result.exit_code == 0, result.output
    new = Plan.read_json(v2 / "plan.json")
    assert next(o.host for o in new.occurrences if o.id == occ.id) == new_host
    assert new.terms_value["rehosted"] >= 1  # the edit is a change from what was published
    assert new_name in result.output, result.output  # the change table names it
    assert (v2 / "site" / "changes.html").is_file() and (v2 / "tables" / "changes.csv").is_file()


def test_export_from_another_folder_finds_the_scenario(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plan.json keeps the scenario path as given; `export` run elsewhere finds it from the
    plan folder's parents, and says what to do when it cannot."""
    project = tmp_path / "园区"
    (project / "scenarios").mkdir(parents=True)
    write(project / "scenarios", _quarter(), "二季度.yaml")
    monkeypatch.chdir(project)
    runner = CliRunner()
    made = runner.invoke(main, ["plan", "scenarios/二季度.yaml", "-o", "out/q2", "--work", "3"])
    assert made.exit_code == 0, made.output
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    again = runner.invoke(main, ["export", str(project / "out/q2")])
    assert again.exit_code == 0, again.output
    (project / "scenarios/二季度.yaml").rename(project / "二季度.yaml")
    lost = runner.invoke(main, ["export", str(project / "out/q2")])
    assert lost.exit_code == 2 and "--scenario" in lost.output and "Traceback" not in lost.output


def test_pins_that_cannot_all_hold_are_named_in_the_explanation(tmp_path: Path) -> None:
    """c hosts the May lecture on the 20th and receives its pair's visit that day: each pin
    alone is fine, together they break no_visit_on_hosting_day. The solver says which."""
    data = _quarter()
    data["pins"] = [
        {"event": "l.2026-05", "host": "c", "date": "2026-05-20"},
        {"event": "p.2026-05.1", "host": "c", "date": "2026-05-20"},
    ]
    path = write(tmp_path, data)
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "out"),
                                       "--work", "5"])
    assert result.exit_code == 3, result.output
    assert result.output.count("有固定安排（场景的 pins）") == 2, result.output
    assert "联合党课 2026-05" in result.output and "结对p 2026-05" in result.output


def test_an_activity_added_in_a_replan_takes_no_day_before_the_freeze(tmp_path: Path) -> None:
    data = _quarter()
    published, _, _ = plan_checked(tmp_path, data, out="v1")
    data["series"].append(series("vol", name="志愿服务", start="15:00", room=None,
                                 day="first-mon"))
    done = _replan(tmp_path, data, published)
    added = {o.id: o.date for o in done.plan.occurrences if o.series == "vol"}
    # May's first Monday (the 4th) is before the freeze: the new activity goes later in May.
    assert added["vol.2026-05"] >= FREEZE and added["vol.2026-06"] == date(2026, 6, 1)
    assert set(done.changes["change"]) == {"added"}
