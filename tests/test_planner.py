"""The planner end to end: bundled scenarios, history, infeasibility, determinism, limits."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from rotasched.check import check_dir, scores
from rotasched.cli import main
from rotasched.export.raw import read_raw
from rotasched.plan import Plan
from rotasched.rules import SOFT
from rotasched.solver import SolveOptions, solve

from .planning import base, pair, plan_checked, problem_of, series, village, write

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(ROOT.glob("scenarios/*/*.yaml"))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each bundled scenario planned once through the CLI (plan writes, checks, prints)."""
    out = {}
    for scenario in BUNDLED:
        outdir = tmp_path_factory.mktemp(scenario.stem) / "plan"
        result = CliRunner().invoke(
            main, ["plan", str(scenario), "-o", str(outdir), "--work", "20"]
        )
        assert result.exit_code == 0, result.output
        out[scenario.stem] = (outdir, result.output)
    return out


@pytest.mark.parametrize("scenario", BUNDLED, ids=lambda p: p.stem)
def test_bundled_plan_then_check(scenario: Path, planned: dict[str, tuple[Path, str]]) -> None:
    outdir, output = planned[scenario.stem]
    assert "gap" in output
    for term in SOFT:
        assert f"[{term}]" in output
    result = CliRunner().invoke(main, ["check", str(scenario), str(outdir)])
    assert result.exit_code == 0, result.output
    problem = problem_of(scenario)
    assert check_dir(outdir, problem) == []
    # The checker measures each soft term from the tables alone; the solver's expressions are
    # exact, so they agree on any plan, optimal or not.
    plan = Plan.read_json(outdir / "plan.json")
    assert scores(read_raw(outdir / "raw"), problem) == plan.terms_value


def test_same_seed_same_files(planned: dict[str, tuple[Path, str]], tmp_path: Path) -> None:
    first, _ = planned["park"]
    again = tmp_path / "again"
    result = CliRunner().invoke(
        main, ["plan", str(ROOT / "scenarios/park/park.yaml"), "-o", str(again), "--work", "20"]
    )
    assert result.exit_code == 0, result.output
    a, b = _files(first), _files(again)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_history_next_hosts_least_recent(tmp_path: Path) -> None:
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["series"] = [series("t")]
    # Last hosted: a in March, c in February, b in January, d last December.
    data["history"] = {
        "hosts": [
            {"series": "t", "date": "2025-12-12", "host": "d"},
            {"series": "t", "date": "2026-01-16", "host": "b"},
            {"series": "t", "date": "2026-02-13", "host": "c"},
            {"series": "t", "date": "2026-03-13", "host": "a"},
        ]
    }
    plan, _, _ = plan_checked(tmp_path, data)
    assert [o.host for o in plan.occurrences] == ["d", "b", "c"]
    assert [t.executive_org for t in plan.terms] == ["d", "b", "c"]


def _overbooked(lang: str) -> dict:
    """Six monthly activities at the same hour, one room open on Mondays only (5 in March)."""
    data = base()
    data["meta"].update(start="2026-03-01", end="2026-03-31", locale=lang)
    data["centres"][0]["open_days"] = ["mon"]
    data["series"] = [
        series(f"s{i}", name=f"联合党课{i}", room={"equipment": ["投影仪"], "own_room": False})
        for i in range(6)
    ]
    return data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_infeasible_explained(lang: str, tmp_path: Path) -> None:
    path = write(tmp_path, _overbooked(lang))
    result = CliRunner().invoke(main, ["plan", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
    text = result.output
    assert "党建工作站 会议室A" in text and "2026-03" in text
    if lang == "zh":
        assert "只有 5 个可用开放日，却有 6 项活动" in text
        assert "不存在可行方案" in text
    else:
        assert "is open on 5 suitable day(s) in 2026-03; 6 activities need it" in text


def test_failed_run_keeps_last_good_output(tmp_path: Path) -> None:
    good = base()
    good["series"] = [series("t")]
    path = write(tmp_path, good)
    outdir = tmp_path / "out"
    assert CliRunner().invoke(main, ["plan", str(path), "-o", str(outdir)]).exit_code == 0
    before = _files(outdir)
    path = write(tmp_path, _overbooked("zh"))
    assert CliRunner().invoke(main, ["plan", str(path), "-o", str(outdir)]).exit_code == 3
    assert _files(outdir) == before


def test_time_limit_one_second_on_largest(tmp_path: Path) -> None:
    largest = max(BUNDLED, key=lambda p: sum(f.stat().st_size for f in p.parent.iterdir()))
    outdir = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["plan", str(largest), "-o", str(outdir), "--time-limit", "1"]
    )
    if result.exit_code == 0:
        assert check_dir(outdir, problem_of(largest)) == []
        assert "gap" in result.output
    else:
        assert result.exit_code == 4, result.output
        assert "尚未找到可行方案" in result.output or "No plan was found" in result.output


def test_interrupt_keeps_best_plan(tmp_path: Path) -> None:
    """Ctrl-C during a long solve writes the best plan so far, checked, with its gap."""
    outdir = tmp_path / "out"
    scenario = ROOT / "scenarios/district/district.yaml"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rotasched",
            "plan",
            str(scenario),
            "-o",
            str(outdir),
            "--work",
            "100000",
            "--progress",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    # The first progress line means the search runs and has a plan: now press Ctrl-C.
    first = proc.stderr.readline()
    assert "objective" in first, first
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert check_dir(outdir, problem_of(scenario)) == []
    assert "gap" in stdout


def test_solve_is_pure(tmp_path: Path) -> None:
    """The API: same prepared problem and options, same plan value."""
    data = base()
    data["series"] = [series("t"), series("u", start="14:00")]
    problem = problem_of(write(tmp_path, data))
    one = solve(problem, SolveOptions(seed=3, work_limit=5)).plan
    two = solve(problem, SolveOptions(seed=3, work_limit=5)).plan
    assert one == two and one.to_json() == two.to_json()


def test_infeasible_pair_gap_explained(tmp_path: Path) -> None:
    data = base()
    data["organisations"].append(village())
    data["twinning"] = [pair("p", "a", "v", visits=2, min_gap_days=35)]
    plan = solve(problem_of(write(tmp_path, data)), SolveOptions(work_limit=5)).plan
    assert plan.status == "infeasible"
    text = "\n".join(plan.explanation)
    assert "结对 结对p：需要 2 次互访且间隔不少于 35 天" in text
    assert "请减少 min_gap_days" in text


def test_no_common_day_explained_before_solving(tmp_path: Path) -> None:
    data = base()
    data["meta"]["locale"] = "en"
    data["organisations"].append(village())
    data["organisations"][-1]["blackout"] = ["2026-04-01..2026-04-30"]
    data["twinning"] = [pair("p", "a", "v")]
    plan = solve(problem_of(write(tmp_path, data)), SolveOptions(work_limit=5)).plan
    assert plan.status == "infeasible"
    assert plan.explanation == (
        "结对p 2026-04#1: between 2026-04-01 and 2026-04-30 there is no working day on which "
        "every member of the pair is available (blackouts, weekday limits).",
    )


def test_provisional_calendar_marked_in_every_output(tmp_path: Path) -> None:
    """2027 is not in chinesecalendar: planned provisionally, and every output says so."""
    from openpyxl import load_workbook

    data = base()
    data["meta"].update(start="2027-04-01", end="2027-04-30")
    data["calendar"] = {"provisional": True}
    data["series"] = [series("t")]
    plan, _, _ = plan_checked(tmp_path, data)
    out = tmp_path / "out"
    assert plan.provisional_calendar
    assert '"provisional_calendar": true' in (out / "summary.json").read_text(encoding="utf-8")
    for csv in sorted((out / "tables").glob("*.csv")):
        rows = csv.read_text(encoding="utf-8-sig").splitlines()
        assert rows[0].endswith('"日历"') and all("临时日历" in r for r in rows[1:]), csv.name
    book = load_workbook(out / "tables/plan.xlsx")
    for sheet in book.worksheets:
        assert sheet.cell(1, sheet.max_column).value == "日历", sheet.title
    for ics in sorted((out / "ics").rglob("*.ics")):
        assert "临时日历" in ics.read_text(encoding="utf-8").replace("\r\n ", ""), ics.name
    assert "临时日历" in (out / "site/index.html").read_text(encoding="utf-8")


def test_calendar_uids_keep_planning_bodies_apart(tmp_path: Path) -> None:
    """Two parks using the same series id never share a calendar UID; a what-if copy keeping
    meta.id keeps every UID (so a subscriber sees updates, not duplicates)."""
    import re

    def uids(meta_id: str, folder: str) -> set[str]:
        data = base()
        data["meta"]["id"] = meta_id
        data["series"] = [series("theme-day")]
        (tmp_path / folder).mkdir()
        plan_checked(tmp_path / folder, data)
        text = (tmp_path / folder / "out/ics/all.ics").read_text(encoding="utf-8")
        return set(re.findall(r"^UID:(.+?)\r?$", text, flags=re.M))

    park_a, park_b, what_if = uids("park-a", "a"), uids("park-b", "b"), uids("park-a", "c")
    assert park_a and not park_a & park_b
    assert park_a == what_if


def test_export_command_rewrites_in_another_language(tmp_path: Path) -> None:
    """`rotasched export PLANDIR --lang en` re-writes the outputs of a plan in English from
    plan.json; exporting again in the plan's own language gives the original bytes back."""
    outdir = tmp_path / "out"
    scenario = ROOT / "scenarios/tiny/tiny.yaml"
    assert CliRunner().invoke(main, ["plan", str(scenario), "-o", str(outdir)]).exit_code == 0
    original = _files(outdir)
    result = CliRunner().invoke(main, ["export", str(outdir), "--lang", "en"])
    assert result.exit_code == 0, result.output
    english = _files(outdir)
    assert english["plan.json"] == original["plan.json"]
    assert "Host" in english["tables/hosting.csv"].decode("utf-8-sig").splitlines()[0]
    assert "承办单位" in original["tables/hosting.csv"].decode("utf-8-sig").splitlines()[0]
    assert CliRunner().invoke(main, ["export", str(outdir)]).exit_code == 0
    assert _files(outdir) == original


# ---- what a committee and an analyst read in the bundled plans (issue: plans a committee
# would sign) -----------------------------------------------------------------------------


def test_park_has_one_executive_secretary_per_quarter(
    planned: dict[str, tuple[Path, str]],
) -> None:
    outdir, _ = planned["park"]
    problem = problem_of(ROOT / "scenarios/park/park.yaml")
    terms = read_raw(outdir / "raw")["terms"]
    duty = terms[terms["group"] == "hjk-park"]
    assert list(duty["term"]) == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert len(terms) == len(duty)  # no series keeps an executive rotation of its own
    occ = read_raw(outdir / "raw")["occurrences"]
    for _, row in duty.iterrows():
        duty_series = occ["series"].isin(problem.duties["hjk-park"].series)
        hosts = occ[duty_series & (occ["term"] == row["term"])]
        assert set(hosts["host"]) == {row["executive_org"]}
        assert row["executive_secretary"] == problem.orgs[row["executive_org"]].person


def test_park_everyone_once_before_anyone_twice(planned: dict[str, tuple[Path, str]]) -> None:
    """A turn: a duty quarter (however many activities it holds) or one volunteer day."""
    outdir, _ = planned["park"]
    problem = problem_of(ROOT / "scenarios/park/park.yaml")
    t = read_raw(outdir / "raw")
    rotation = problem.rotations["hjk-park"]
    turns = dict.fromkeys(rotation.members, 0)
    for org in t["terms"][t["terms"]["group"] == "hjk-park"]["executive_org"]:
        turns[org] += 1
    occ = t["occurrences"]
    for org in occ[occ["series"].isin(rotation.series)]["host"]:
        turns[org] += 1
    assert sum(turns.values()) == rotation.turns == 16
    assert not (max(turns.values()) >= 2 and min(turns.values()) == 0), turns


def test_park_strong_partner_is_free_and_booked(planned: dict[str, tuple[Path, str]]) -> None:
    outdir, _ = planned["park"]
    problem = problem_of(ROOT / "scenarios/park/park.yaml")
    occ = read_raw(outdir / "raw")["occurrences"]
    pairs = dict((w, s) for s, w in problem.series["theme-day"].strong_weak)
    weak_hosted = occ[occ["host"].isin(pairs)]
    assert len(weak_hosted) > 0, "the plan never gives a weak member a turn: nothing shown"
    for _, row in weak_hosted.iterrows():
        if row["series"] != "theme-day":
            continue
        partner = pairs[row["host"]]
        assert row["co_host"] == partner
        assert problem.index(date.fromisoformat(row["date"])) in problem.orgs[partner].available
        # Booked: the event is in the partner's own calendar feed at its time.
        feed = (outdir / "ics" / "org" / f"{partner}.ics").read_text(encoding="utf-8")
        stamp = row["date"].replace("-", "") + "T" + row["start"].replace(":", "") + "00"
        assert f"DTSTART;TZID=Asia/Shanghai:{stamp}" in feed


def test_city_visits_spread_not_bunched(planned: dict[str, tuple[Path, str]]) -> None:
    outdir, _ = planned["city"]
    problem = problem_of(ROOT / "scenarios/city/city.yaml")
    visits = read_raw(outdir / "raw")["visits"]
    per_day = visits["date"].value_counts()
    mean = len(visits) / len(problem.workdays)
    assert per_day.max() <= 2 * mean, (per_day.max(), mean)
    adjusted = {d.isoformat() for d in problem.calendar.adjusted}
    assert not set(visits["date"]) & adjusted
    before_festival = {f"2026-02-{d:02d}" for d in range(9, 17)}
    assert not set(visits["date"]) & before_festival
