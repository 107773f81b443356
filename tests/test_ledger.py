"""The ledger of published plans (rotasched.ledger), on SQLite and on a real PostgreSQL
(tests/pg.py): publish, list and load versions; export one anywhere without its scenario
file; a publish killed half-way; two publishes at once; and the next period planned from
the ledger continuing the rotation. Every plan here is solved and checked (tests/planning.py).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner, Result

from rotasched import build_calendar, load_scenario
from rotasched.check import check_dir
from rotasched.cli import main
from rotasched.compare import count_changes
from rotasched.ledger import Ledger, LedgerError, migrate
from rotasched.ledger.schema import metadata
from rotasched.ledger.store import scenario_json
from rotasched.plan import Plan
from rotasched.problem import prepare
from rotasched.scenario import Scenario
from rotasched.scenario.model import HostRecord

from .planning import base, pair, plan_checked, series, village

REPO = Path(__file__).resolve().parent.parent
BODY = "test-park"


def april() -> dict[str, Any]:
    """Four enterprises in April 2026: a monthly duty rotation (the duty member hosts 主题党日,
    its secretary is 执行书记), a volunteer day in turn, and a twinning pair with a village."""
    data = base()
    data["meta"]["id"] = BODY
    data["groups"][0]["duty"] = {"term": "month", "series": ["t1"]}
    data["series"] = [series("t1"), series("t2", name="志愿服务", type="志愿服务", start="14:00")]
    data["organisations"].append(village())
    data["twinning"] = [pair("p1", "a", "v")]
    return data


def month(data: dict[str, Any], start: str, end: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["meta"].update(start=start, end=end)
    return out


def replanned() -> dict[str, Any]:
    """April again: 主题党日 fixed on the 15th (a moved event), the volunteer day dropped."""
    data = april()
    data["series"] = [series("t1", day="day-15", flexible=False)]
    return data


def planned(tmp: Path, data: dict[str, Any], name: str) -> tuple[Plan, Path, Path]:
    """A checked plan, its folder and its scenario file, in tmp/name."""
    folder = tmp / name
    folder.mkdir()
    plan, _, _ = plan_checked(folder, data, work=5)
    return plan, folder / "out", folder / "s.yaml"


def cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(result: Result, *words: str) -> None:
    """Exit 2, one line on stderr saying `words`, never a traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert all(w in lines[0] for w in words), lines[0]


def hosts(plan: Plan) -> dict[str, str]:
    return {o.series: o.host for o in plan.occurrences}


def bare(plan: Plan) -> str:
    """The plan as planned, without what publishing gave it."""
    return replace(plan, version=0, revisions={}, cancelled=()).to_json()


# --- the scenario is stored whole -------------------------------------------------------------


BUNDLED = sorted((REPO / "scenarios").glob("*/*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_scenario_round_trips_through_its_stored_json(path: Path) -> None:
    """What the ledger stores is enough to plan and export again: the same scenario back, its
    tables (orgs.csv, twinning.csv, visits.csv) included."""
    assert len(BUNDLED) >= 4
    scenario = load_scenario(path)
    text = scenario_json(scenario)
    back = Scenario.model_validate_json(text)
    assert all(getattr(back, f) == getattr(scenario, f) for f in Scenario.model_fields)
    assert scenario_json(back) == text  # so its digest is stable too


def test_migrations_build_the_schema_the_code_describes(ledger_url: str) -> None:
    with Ledger(ledger_url) as ledger, ledger.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": migrate.VERSION_TABLE})
        assert compare_metadata(context, metadata) == []
        found = set(sa.inspect(conn).get_table_names())
    assert {"ledger_versions", "ledger_events", "ledger_alembic_version"} <= found


# --- publish, list, load ----------------------------------------------------------------------


def test_publish_versions_and_load_round_trip(ledger_url: str, tmp_path: Path) -> None:
    first, _, first_path = planned(tmp_path, april(), "v1")
    second, _, second_path = planned(tmp_path, replanned(), "v2")
    scenario = load_scenario(first_path)
    with Ledger(ledger_url) as ledger:
        v1 = ledger.publish(first, scenario)
        v2 = ledger.publish(second, load_scenario(second_path))
        versions = ledger.versions(BODY)
        assert ledger.bodies() == [BODY]
        assert (v1.version, v2.version) == (1, 2)
        assert set(v1.revisions.values()) == {0} and v1.cancelled == ()
        # 主题党日 moved to the 15th: its SEQUENCE goes up; the volunteer day is cancelled.
        t1 = next(o for o in first.occurrences if o.series == "t1")
        assert t1.date != date(2026, 4, 15)
        assert v2.revisions["occurrence:t1.2026-04"] == 1
        assert [(c.key, c.sequence) for c in v2.cancelled] == [("occurrence:t2.2026-04", 1)]
        for number, published in ((1, v1), (2, v2)):
            loaded, stored = ledger.load(BODY, number)
            assert loaded == published  # revisions and cancelled included
        latest, stored = ledger.load(BODY)
        assert latest == v2
        assert stored.model_dump() == load_scenario(second_path).model_dump()
        assert ledger.versions("elsewhere") == []
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].digest != versions[1].digest  # the two scenarios differ
    assert versions[0].events == len(first.occurrences) + len(first.terms) + len(first.visits)
    assert (versions[0].cancelled, versions[1].cancelled) == (0, 1)
    assert versions[0].changes == {}
    assert versions[1].changes == count_changes(v1, v2)
    assert versions[1].changes["cancelled"] == 1 and versions[1].changes["moved"] >= 1


def test_a_version_is_exported_anywhere_without_its_scenario_file(
    ledger_url: str, tmp_path: Path
) -> None:
    _, outdir, path = planned(tmp_path, april(), "apr")
    done = cli("publish", outdir, "--db", ledger_url)
    assert done.exit_code == 0, done.output
    assert "test-park 第 1 版" in done.stdout
    republished = Plan.read_json(outdir / "plan.json")  # PLANDIR written again, as published
    assert republished.version == 1 and republished.revisions
    shutil.rmtree(path.parent)  # scenario file and plan folder gone
    other = tmp_path / "elsewhere" / "v1"
    done = cli("export", "--ledger", BODY, "--version", "1", "-o", other, "--db", ledger_url)
    assert done.exit_code == 0, done.output
    with Ledger(ledger_url) as ledger:
        stored_plan, stored = ledger.load(BODY, 1)
    assert Plan.read_json(other / "plan.json") == stored_plan == republished
    assert (other / "ics" / "all.ics").is_file()
    assert check_dir(other, prepare(stored, build_calendar(stored))) == []
    listing = CliRunner().invoke(main, ["history"], env={"ROTASCHED_DB": ledger_url})
    assert listing.exit_code == 0, listing.output
    assert BODY in listing.stdout and "test-park 已发布的版本" in listing.stdout


def test_the_default_ledger_is_rotasched_sqlite_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, outdir, _ = planned(tmp_path, april(), "apr")
    monkeypatch.delenv("ROTASCHED_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    done = cli("publish", outdir)
    assert done.exit_code == 0, done.output
    assert "（台账 rotasched.sqlite）" in done.stdout
    with Ledger(str(tmp_path / "rotasched.sqlite")) as ledger:
        assert [v.number for v in ledger.versions(BODY)] == [1]


def test_publish_prints_the_changes_and_history_lists_them(
    ledger_url: str, tmp_path: Path
) -> None:
    _, first, _ = planned(tmp_path, april(), "v1")
    _, second, _ = planned(tmp_path, replanned(), "v2")
    assert cli("publish", first, "--db", ledger_url).exit_code == 0
    done = cli("publish", second, "--db", ledger_url, "--lang", "en")
    assert done.exit_code == 0, done.output
    assert "published: test-park version 2" in done.stdout
    assert "moved 1, cancelled 1" in done.stdout
    # PLANDIR written again as published: its calendars tell clients what changed.
    assert "SEQUENCE:1" in (second / "ics" / "all.ics").read_text(encoding="utf-8")
    cancelled = (second / "ics" / "cancelled.ics").read_text(encoding="utf-8")
    assert "METHOD:CANCEL" in cancelled and "SEQUENCE:1" in cancelled
    assert not (first / "ics" / "cancelled.ics").exists()
    listing = CliRunner().invoke(  # as wide as a terminal: rich wraps at 80 columns in a pipe
        main, ["history", BODY, "--db", ledger_url, "--lang", "en"], env={"COLUMNS": "160"}
    )
    assert listing.exit_code == 0, listing.output
    with Ledger(ledger_url) as ledger:
        versions = ledger.versions(BODY)
    for v in versions:
        assert v.digest[:12] in listing.stdout
    assert "cancelled 1" in listing.stdout


# --- failure and concurrency ------------------------------------------------------------------


def child(url: str, plandir: Path, scenario: Path, mode: str, flag: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ledger_child", url, str(plandir), str(scenario), mode,
         str(flag)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def start_together(procs: list[subprocess.Popen[str]], go: Path) -> None:
    """Wait until every child is ready (imports done, waiting for `go`), then let them go."""
    deadline = time.monotonic() + 120
    while len(list(go.parent.glob(f"{go.name}.ready.*"))) < len(procs):
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        assert time.monotonic() < deadline
        time.sleep(0.02)
    go.touch()


def test_a_new_ledger_opened_by_several_at_once_is_migrated_once(
    ledger_url: str, tmp_path: Path
) -> None:
    _, plandir, path = planned(tmp_path, april(), "apr")
    go = tmp_path / "go"
    procs = [child(ledger_url, plandir, path, "open", go) for _ in range(3)]
    start_together(procs, go)
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    with Ledger(ledger_url) as ledger:
        assert migrate.current(ledger.engine) == migrate.head()
        assert ledger.bodies() == []


def test_a_publish_killed_half_way_leaves_the_previous_version(
    ledger_url: str, tmp_path: Path
) -> None:
    first, _, first_path = planned(tmp_path, april(), "v1")
    second, second_dir, second_path = planned(tmp_path, replanned(), "v2")
    with Ledger(ledger_url) as ledger:
        v1 = ledger.publish(first, load_scenario(first_path))
        rows_before = ledger.versions(BODY)
    flag = tmp_path / "rows-written"
    proc = child(ledger_url, second_dir, second_path, "hang", flag)
    try:
        deadline = time.monotonic() + 120
        while not flag.exists():  # the child's transaction holds version 2's rows now
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Ledger(ledger_url) as ledger:
        assert ledger.versions(BODY) == rows_before
        assert ledger.load(BODY) == (v1, ledger.load(BODY, 1)[1])
        v2 = ledger.publish(second, load_scenario(second_path))  # the lock was released
        assert v2.version == 2
        assert [v.number for v in ledger.versions(BODY)] == [1, 2]
        assert ledger.load(BODY)[0] == v2


def test_two_publishes_at_once_both_land_in_order(ledger_url: str, tmp_path: Path) -> None:
    first, first_dir, first_path = planned(tmp_path, april(), "v1")
    second, second_dir, second_path = planned(tmp_path, replanned(), "v2")
    Ledger(ledger_url).close()  # the schema exists: the race is the publishes'
    go = tmp_path / "go"
    procs = [child(ledger_url, d, p, "slow", go)
             for d, p in ((first_dir, first_path), (second_dir, second_path))]  # fmt: skip
    start_together(procs, go)
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    numbers, entered, left = zip(
        *((int(v), float(a), float(b)) for v, a, b in (o[0].split() for o in outputs)),
        strict=True,
    )
    assert sorted(numbers) == [1, 2]
    assert max(entered) < min(left)  # the two publishes did overlap
    with Ledger(ledger_url) as ledger:
        versions = ledger.versions(BODY)
        v1, v2 = ledger.load(BODY, 1)[0], ledger.load(BODY, 2)[0]
    assert [v.number for v in versions] == [1, 2]
    # Nothing lost: both plans are there, the later revised against the earlier.
    assert sorted(bare(v) for v in (v1, v2)) == sorted(bare(p) for p in (first, second))
    assert versions[1].changes == count_changes(v1, v2) and versions[1].changes["events"] > 0
    assert versions[0].events + versions[1].events == sum(
        len(p.occurrences) + len(p.terms) + len(p.visits) for p in (first, second)
    )


# --- the next period continues from the ledger ------------------------------------------------


def test_may_planned_from_the_ledger_continues_aprils_rotation(
    ledger_url: str, tmp_path: Path
) -> None:
    apr, apr_dir, _ = planned(tmp_path, april(), "apr")
    assert cli("publish", apr_dir, "--db", ledger_url).exit_code == 0
    may_data = month(april(), "2026-05-01", "2026-05-31")
    alone, _, _ = planned(tmp_path, may_data, "alone")  # without the ledger: April again
    assert hosts(alone) == hosts(apr)

    may_path = tmp_path / "may.yaml"
    shutil.copy(tmp_path / "alone" / "s.yaml", may_path)
    done = cli("plan", may_path, "-o", tmp_path / "may", "--db", ledger_url, "--work", "5")
    assert done.exit_code == 0, done.output  # 0: planned and checked
    assert "计入 test-park 此前已发布的承办 2 次、互访 1 次" in done.stdout
    may = Plan.read_json(tmp_path / "may" / "plan.json")
    # Least recently hosting first: April's hosts (a, b) wait, c and d take May.
    assert set(hosts(may).values()).isdisjoint(hosts(apr).values())
    duty = {t.term: t.executive_org for t in (*apr.terms, *may.terms) if t.group == "park"}
    assert duty["2026-05"] != duty["2026-04"]  # the 执行书记 passes on
    (visit_apr,), (visit_may,) = apr.visits, may.visits
    assert visit_may.host != visit_apr.host  # the pair's hosting alternates

    # Re-planned (a plan made from the ledger is re-planned from it too), nothing changes.
    again = cli("replan", may_path, "--from", tmp_path / "may", "-o", tmp_path / "again",
                "--freeze", "2026-05-01", "--db", ledger_url, "--work", "5")  # fmt: skip
    assert again.exit_code == 0, again.output
    assert "计入 test-park" in again.stdout
    assert hosts(Plan.read_json(tmp_path / "again" / "plan.json")) == hosts(may)

    # Published in turn, May cancels nothing of April, and June continues from both.
    done = cli("publish", tmp_path / "may", "--db", ledger_url, "--scenario", may_path)
    assert done.exit_code == 0, done.output
    with Ledger(ledger_url) as ledger:
        v2 = ledger.load(BODY)[0]
        history = ledger.history(BODY, date(2026, 6, 1))
    assert v2.version == 2 and v2.cancelled == ()
    assert sorted((h.date.month, h.host) for h in history.hosts) == sorted(
        [(4, h) for h in hosts(apr).values()] + [(5, h) for h in hosts(may).values()]
    )
    assert [v.host for v in history.visits] == [visit_apr.host, visit_may.host]


def test_with_history_keeps_the_scenarios_own_records_once(
    ledger_url: str, tmp_path: Path
) -> None:
    apr, _, apr_path = planned(tmp_path, april(), "apr")
    with Ledger(ledger_url) as ledger:
        ledger.publish(apr, load_scenario(apr_path))
        t1 = next(o for o in apr.occurrences if o.series == "t1")
        march = HostRecord(series="t1", date=date(2026, 3, 27), host="d")
        april_again = HostRecord(series="t1", date=t1.date, host=t1.host)
        may_data = month(april(), "2026-05-01", "2026-05-31")
        may_data["series"] = may_data["series"][:1]  # the volunteer day ends in April
        may_data["history"] = {"hosts": [march.model_dump(mode="json"),
                                         april_again.model_dump(mode="json")]}  # fmt: skip
        folder = tmp_path / "may"
        folder.mkdir()
        may_path = folder / "s.yaml"
        may_path.write_text(json.dumps(may_data, ensure_ascii=False), encoding="utf-8")
        merged = ledger.with_history(load_scenario(may_path))
        assert ledger.with_history(merged) == merged  # merging twice adds nothing
    # Its own two records, once each; the volunteer day's record is left out (no such series
    # any more: the scenario would refuse it); April's visit is added.
    assert merged.history.hosts == [march, april_again]
    assert [(v.pair, v.host) for v in merged.history.visits] == [("p1", apr.visits[0].host)]
    counted = prepare(merged, build_calendar(merged)).series["t1"].history_count
    assert counted == {o: (o == "d") + (o == t1.host) for o in "abcd"}


# --- errors: one line in the scenario's language, exit 2 --------------------------------------


def test_ledger_errors_are_one_clear_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    apr, apr_dir, apr_path = planned(tmp_path, april(), "apr")
    one_line_error(cli("history", "--db", db), "台账", "不存在")  # reading creates nothing
    assert not (tmp_path / "ledger.sqlite").exists()
    assert cli("publish", apr_dir, "--db", db).exit_code == 0
    one_line_error(cli("export", "--ledger", "nobody", "-o", tmp_path / "x", "--db", db),
                   "没有 nobody")  # fmt: skip
    one_line_error(
        cli("export", "--ledger", BODY, "--version", "7", "-o", tmp_path / "x", "--db", db),
        "没有第 7 版",
    )
    one_line_error(cli("history", "nobody", "--db", db, "--lang", "en"), "no version of nobody")
    from .pg import _free_port

    closed = f"postgresql://someone:secret@127.0.0.1:{_free_port()}/nothing"
    result = cli("history", "--db", closed)
    one_line_error(result, "无法使用台账数据库", "127.0.0.1")
    assert "secret" not in result.stderr
    no_schedule = tmp_path / "infeasible"
    no_schedule.mkdir()
    replace(apr, status="infeasible", occurrences=(), terms=(), visits=()).write_json(
        no_schedule / "plan.json"
    )
    one_line_error(cli("publish", no_schedule, "--db", db, "--scenario", apr_path),
                   "没有可发布的日程")  # fmt: skip
    one_line_error(cli("publish", tmp_path, "--db", db), "plan.json")  # no plan here
    nameless = april()
    del nameless["meta"]["id"]
    _, nameless_dir, _ = planned(tmp_path, nameless, "nameless")
    one_line_error(cli("publish", nameless_dir, "--db", db), "meta.id")
    with pytest.raises(LedgerError) as info:
        Ledger(db).load("nobody")
    assert info.value.key == "ledger.no_body"
