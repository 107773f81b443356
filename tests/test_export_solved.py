"""The export of a plan the real planner made (tiny scenario), read by icalendar and ical.js."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from rotasched.export.ics import occurrence_uid, term_uid, visit_uid
from rotasched.plan import Plan
from rotasched.solver import SolveOptions, solve

from .test_export_helpers import (
    export_to,
    files_under,
    local_utc,
    node_ready,
    run_node,
    tiny_problem,
)


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    p = tiny_problem()
    plan = solve(p, SolveOptions(work_limit=5)).plan
    assert plan.has_schedule, plan.explanation
    return plan, export_to(tmp_path_factory.mktemp("solved") / "out", plan, p)


def test_solved_plan_exports_every_event(solved: tuple[Plan, Path]) -> None:
    plan, out = solved
    uids = {str(e["UID"]) for e in
            Calendar.from_ical((out / "ics" / "all.ics").read_bytes()).walk("VEVENT")}
    space = tiny_problem().uid_space
    expected = ({occurrence_uid(o, space) for o in plan.occurrences}
                | {term_uid(t, space) for t in plan.terms}
                | {visit_uid(v, space) for v in plan.visits})
    assert uids == expected and len(uids) >= 4
    assert {"ics", "tables", "site", "raw"} <= {k.split("/")[0] for k in files_under(out)}


def test_solved_plan_feeds_read_by_icaljs(solved: tuple[Plan, Path]) -> None:
    node_ready()
    plan, out = solved
    report = run_node("icaljs_check.mjs", *map(str, sorted((out / "ics").rglob("*.ics"))))
    starts = {occurrence_uid(o, tiny_problem().uid_space): local_utc(o.date, o.start)
              for o in plan.occurrences}
    assert isinstance(report, list)
    for feed in report:
        assert feed["errors"] == [] and feed["warnings"] == [], feed["path"]
        for event in feed["events"]:
            if event["uid"] in starts:
                assert event["tzid"] == "Asia/Shanghai"
                assert event["start_utc"] == starts[event["uid"]]
