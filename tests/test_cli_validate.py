"""`rotasched validate`: summaries of good scenarios, exit code 2 and a readable list of every
problem (never a traceback) for bad ones; and every bundled scenario validates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from rotasched import build_calendar, load_scenario
from rotasched.cli import main

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
TINY = SCENARIOS / "tiny" / "tiny.yaml"


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command in a real process, as a user runs it: exit code and stderr as they are."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-c", "from rotasched.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def invoke(*args: str | Path) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args])


# --- good scenarios -----------------------------------------------------------------------------


def test_tiny_summary_in_chinese() -> None:
    result = invoke("validate", TINY)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "场景：小园区 2026 年第二季度" in out
    assert "计划期：2026-04-01 .. 2026-06-30" in out
    assert "调休上班日：2026-05-09" in out
    assert "日历来源：2026 官方安排（chinesecalendar）" in out
    assert "单位：6" in out
    assert "临时" not in out
    assert result.stderr == ""


def test_tiny_summary_in_english_and_json() -> None:
    result = invoke("validate", "--lang", "en", TINY)
    assert result.exit_code == 0, result.output
    assert "organisations: 6" in result.stdout
    assert "adjusted working weekends (调休): 2026-05-09" in result.stdout
    assert "PROVISIONAL" not in result.stdout
    result = invoke("validate", "--json", TINY)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["name"] == "小园区 2026 年第二季度"
    assert summary["organisations"] == 6
    assert summary["rooms"] == 2
    assert summary["calendar_sources"] == {"2026": "chinesecalendar"}
    assert summary["provisional"] is False
    assert summary["adjusted_workdays"] == ["2026-05-09"]


def test_provisional_calendar_is_flagged_in_the_summary(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["meta"].update(start="2027-01-01", end="2027-03-31")
    minimal["calendar"] = {"provisional": True}
    path = write_scenario(minimal)
    zh = invoke("validate", path)
    assert zh.exit_code == 0, zh.output
    assert "!! 临时日历（未含官方调休）" in zh.stdout
    assert "2027 临时（按惯例推算，含推算的调休）" in zh.stdout
    en = invoke("validate", "--lang", "en", path)
    assert en.exit_code == 0, en.output
    assert "!! PROVISIONAL calendar" in en.stdout
    assert "2027 PROVISIONAL (estimated, 调休 included)" in en.stdout
    data = json.loads(invoke("validate", "--json", path).stdout)
    assert data["provisional"] is True
    assert data["calendar_sources"] == {"2027": "provisional"}


def test_two_organisations_of_one_name_are_a_warning_in_the_scenarios_language(
    tmp_path: Path, minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """validate and plan both say it on stderr, and still do their work (exit 0)."""
    minimal["organisations"][1]["name"] = "武汉星辰科技有限公司"
    path = write_scenario(minimal)
    warning = (
        f"{path}: organisations[1].name: "
        "单位“hy”与“xc”同名：“武汉星辰科技有限公司”（是否同一单位录入了两次？）"
    )
    proc = run_cli("validate", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [f"警告：{warning}"]
    assert "场景：光谷园区 2026 年第二季度" in proc.stdout
    proc = run_cli("validate", "--lang", "en", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"warning: {path}: organisations[1].name: organisation “hy” has the same name as "
        "“xc”: “武汉星辰科技有限公司” (the same organisation entered twice?)"
    ]
    proc = run_cli("plan", path, "-o", tmp_path / "方案", "--work", "5", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert f"警告：{warning}" in proc.stderr.splitlines()
    assert "已校验" in proc.stdout


# --- bad scenarios --------------------------------------------------------------------------


def test_invalid_scenario_exits_2_listing_every_problem_without_traceback(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["organisations"][0]["颜色"] = "红"
    minimal["organisations"][1]["members"] = "很多"
    minimal["series"][0]["duration"] = "两小时"
    path = write_scenario(minimal)
    proc = run_cli("validate", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        "场景有 3 处错误：",
        f"  {path}: organisations[0].颜色: 未知字段（请检查拼写）",
        f"  {path}: organisations[1].members: 必须是整数，实际为 '很多'",
        f"  {path}: series[0].duration: "
        "必须是分钟数（如 90）或形如 2h、1h30m 的时长，实际为 '两小时'",
    ]
    proc = run_cli("validate", "--lang", "en", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("the scenario has 3 problem(s):\n")
    assert f"  {path}: organisations[1].members: must be a whole number, got '很多'" in proc.stderr


def test_cross_record_problems_exit_2(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["twinning"][0]["helpers"] = ["不存在"]
    minimal["series"][0]["room"] = {"capacity": 500}
    path = write_scenario(minimal)
    result = invoke("validate", "--lang", "en", path)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{path}: twinning[0].helpers[0]: refers to unknown organisation “不存在”" in (
        result.stderr
    )
    assert f"{path}: series[0].room: needs a room for 500 people" in result.stderr


def test_table_problem_exits_2(
    tmp_path: Path, minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    (tmp_path / "orgs.csv").write_bytes(
        "id,name,members,secretary.name\nxc,星辰,很多,王建国\n".encode("gb18030")
    )
    minimal["organisations"] = "orgs.csv"
    minimal["series"] = []
    minimal["twinning"] = []
    proc = run_cli("validate", write_scenario(minimal))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    table = tmp_path / "orgs.csv"
    assert f"{table}: row 2 column members: 必须是整数，实际为 '很多'" in proc.stderr


@pytest.mark.parametrize(
    ("content", "code_text"),
    [
        (b"meta: [\n", "不是有效的 YAML"),
        (b"- a\n- b\n", "场景文件的顶层必须是若干键值段落"),
        (b"meta: !!timestamp\n", "不是有效的 YAML"),
        ("meta: {name: 园区}\n".encode("gb18030"), "无法读取文件"),
        (b"\x00\xff\xfe", "无法读取文件"),
    ],
    ids=["syntax", "not-a-mapping", "bad-tag", "gb18030-yaml", "binary"],
)
def test_unreadable_files_exit_2_without_traceback(
    tmp_path: Path, content: bytes, code_text: str
) -> None:
    path = tmp_path / "坏.yaml"
    path.write_bytes(content)
    proc = run_cli("validate", "--lang", "zh", path)  # no meta.locale to go by
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert code_text in proc.stderr
    assert str(path) in proc.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    proc = run_cli("validate", "--lang", "en", tmp_path / "无.yaml")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{tmp_path / '无.yaml'}: file not found" in proc.stderr


def test_year_without_calendar_exits_2_with_both_ways_out(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["meta"].update(start="2027-01-01", end="2027-03-31")
    path = write_scenario(minimal)
    proc = run_cli("validate", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{path}: meta.end: chinesecalendar 尚未收录 2027 年" in proc.stderr
    assert "calendar.years.2027" in proc.stderr and "calendar.provisional: true" in proc.stderr
    proc = run_cli("validate", "--lang", "en", path)
    assert proc.returncode == 2
    assert "the official holiday arrangement for 2027 is not known" in proc.stderr


@pytest.mark.parametrize("provisional", [False, True])
def test_horizon_to_9999_is_one_line_and_plan_refuses_it_too(
    tmp_path: Path, provisional: bool
) -> None:
    """The tiny scenario to 9999-12-31: it printed 7,974 lines (one per year), or validated
    when provisional and then `plan` died on "year 10000 is out of range"."""
    raw = yaml.safe_load(TINY.read_text(encoding="utf-8"))
    raw["meta"]["end"] = date(9999, 12, 31)
    raw["calendar"] = {"provisional": provisional}
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    shutil.copy(TINY.parent / "orgs.csv", tmp_path / "orgs.csv")
    expected = [
        "场景有 1 处错误：",
        f"  {path}: meta.end: 计划期 2026-04-01 至 9999-12-31 超过 5 年："
        "一次最多排 5 年，即最晚到 2031-03-31",
    ]
    for command in (["validate", path], ["plan", path, "-o", tmp_path / "out"]):
        proc = run_cli(*command)
        assert proc.returncode == 2
        assert proc.stderr.splitlines() == expected
    assert not (tmp_path / "out").exists()


def test_one_bad_file_among_good_ones(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """Every file is checked; the good ones are summarised; the exit code still says 2."""
    good = write_scenario(minimal, name="好.yaml")
    minimal["meta"]["end"] = "2026-01-01"
    bad = write_scenario(minimal, name="坏.yaml")
    proc = run_cli("validate", bad, TINY, good)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}: meta: 结束日期（2026-01-01）早于开始日期（2026-04-01）" in proc.stderr
    assert "场景：小园区 2026 年第二季度" in proc.stdout
    assert "场景：光谷园区 2026 年第二季度" in proc.stdout


def test_validate_needs_a_file() -> None:
    result = invoke("validate")
    assert result.exit_code == 2  # click's usage error
    assert "SCENARIOS" in result.stderr


# --- the bundled scenarios ------------------------------------------------------------------

BUNDLED = sorted(SCENARIOS.glob("*/*.yaml"))


def test_the_tiny_scenario_is_bundled() -> None:
    assert TINY in BUNDLED


@pytest.mark.parametrize(
    "path", BUNDLED, ids=[p.relative_to(SCENARIOS).as_posix() for p in BUNDLED]
)
def test_bundled_scenario_validates(path: Path) -> None:
    scenario = load_scenario(path)
    calendar = build_calendar(scenario)
    assert calendar.workdays
    result = invoke("validate", "--json", path)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["name"] == scenario.meta.name
