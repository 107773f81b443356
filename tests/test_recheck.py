"""Planned dates to re-check on a provisional calendar: summary.json, the site's index and
`rotasched plan`'s terminal output list every occurrence and visit planned where the official
arrangement of 2027 could still move it; a plan over a published year lists nothing."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from rotasched.cli import main

from .planning import base, pair, plan_checked, problem_of, series, village, write


def scenario(year: int) -> dict[str, Any]:
    """January and February of `year`: a theme day on the first Monday (4 January and
    1 February in 2027, the second a few days before 除夕), a joint meeting on the 20th, and
    one twinning visit a month, which the village's blackouts pin to 21–22 January and 3 February
    (1 February has the theme day)."""
    data = base()
    data["meta"].update(start=f"{year}-01-01", end=f"{year}-02-28")
    data["calendar"] = {"provisional": True}
    data["series"] = [
        series("t", name="主题党日<启航>", day="first-mon", flexible=False),
        series("m", name="联席会议", day="day-20", flexible=False),
    ]
    data["organisations"].append(village())
    data["organisations"][-1]["blackout"] = [
        f"{year}-01-01..{year}-01-20",
        f"{year}-01-23..{year}-02-02",
        f"{year}-02-04..{year}-02-28",
    ]
    data["twinning"] = [pair("p", "a", "v")]
    return data


def summary_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return data


def test_provisional_plan_lists_the_dates_near_spring_festival(tmp_path: Path) -> None:
    plan, problem, _ = plan_checked(tmp_path, scenario(2027))
    dates = {x.id: x.date for x in (*plan.occurrences, *plan.visits)}
    assert dates["t.2027-01"] == date(2027, 1, 4)  # three days after 元旦's weekend
    assert dates["t.2027-02"] == date(2027, 2, 1)  # the Monday before 除夕 (5 February)
    assert dates["m.2027-01"] == date(2027, 1, 20)  # mid-January: nothing near
    assert dates["m.2027-02"] == date(2027, 2, 22)  # the 20th is a Saturday; 初七 was the 12th
    assert dates["p.2027-01.1"] in (date(2027, 1, 21), date(2027, 1, 22))
    assert dates["p.2027-02.1"] == date(2027, 2, 3)
    assert summary_of(tmp_path / "out")["recheck"] == [
        {"date": "2027-01-04", "kind": "occurrence", "what": "t.2027-01"},
        {"date": "2027-02-01", "kind": "occurrence", "what": "t.2027-02"},
        {"date": "2027-02-03", "kind": "visit", "what": "p.2027-02.1"},
    ]
    # Exactly the planned days the calendar marks as still movable.
    listed = {d for d in dates.values() if d in problem.calendar.uncertain}
    assert listed == {date(2027, 1, 4), date(2027, 2, 1), date(2027, 2, 3)}


def test_provisional_plan_lists_them_on_the_site(tmp_path: Path) -> None:
    plan_checked(tmp_path, scenario(2027))
    html = (tmp_path / "out/site/index.html").read_text(encoding="utf-8")
    assert "<h2>正式安排公布后需复核的日期</h2>" in html
    section = html.split("<h2>正式安排公布后需复核的日期</h2>")[1].split("<h2>")[0]
    assert "国务院公布 2027 年放假安排后可能需要调整" in section
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", section)
    assert rows == [
        "2027-01-04</td><td>周一</td><td>联合活动</td><td>主题党日&lt;启航&gt;</td><td>t.2027-01",
        "2027-02-01</td><td>周一</td><td>联合活动</td><td>主题党日&lt;启航&gt;</td><td>t.2027-02",
        "2027-02-03</td><td>周三</td><td>结对互访</td><td>结对p</td><td>p.2027-02.1",
    ]
    assert "<启航>" not in html  # the scenario's text is escaped like every other name


def test_provisional_plan_prints_one_line_per_date(tmp_path: Path) -> None:
    _, lines = plan_command(tmp_path / "zh", scenario(2027))
    start = lines.index("!! 以下 3 个日期临近推算的节假日或调休日，2027 年正式安排公布后请复核：")
    assert lines[start + 1 : start + 4] == [
        "  2027-01-04 周一  联合活动 主题党日<启航>（t.2027-01）",
        "  2027-02-01 周一  联合活动 主题党日<启航>（t.2027-02）",
        "  2027-02-03 周三  结对互访 结对p（p.2027-02.1）",
    ]
    _, lines = plan_command(tmp_path / "en", scenario(2027), "--lang", "en")
    assert "  2027-02-03 Wed  twinning visit 结对p (p.2027-02.1)" in lines
    assert any("re-check them once the arrangement for 2027 is published" in x for x in lines)


def plan_command(tmp: Path, data: dict[str, Any], *options: str) -> tuple[Path, list[str]]:
    """`rotasched plan` as a user runs it (it also checks the plan): its folder and lines."""
    tmp.mkdir(exist_ok=True)
    out = tmp / "out"
    result = CliRunner().invoke(main, ["plan", str(write(tmp, data)), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out, result.stdout.splitlines()


def test_provisional_plan_far_from_any_holiday_says_so(tmp_path: Path) -> None:
    """March 2027 before the weeks around 清明 (5 April): nothing to re-check, and every output
    says that rather than staying silent."""
    data = base()
    data["meta"].update(start="2027-03-01", end="2027-03-26")
    data["calendar"] = {"provisional": True}
    data["series"] = [series("t")]
    out, lines = plan_command(tmp_path, data)
    assert summary_of(out)["recheck"] == []
    none = "没有活动安排在 2027 年正式安排可能变动的日期上。"
    assert none in (out / "site/index.html").read_text(encoding="utf-8")
    assert none in lines


def test_published_year_lists_nothing(tmp_path: Path) -> None:
    """The same plan over January–February 2026, which chinesecalendar knows: `provisional`
    changes nothing, and no output speaks of re-checking."""
    problem = problem_of(write(tmp_path, scenario(2026), "problem.yaml"))
    assert not problem.calendar.provisional and problem.calendar.uncertain == frozenset()
    out, lines = plan_command(tmp_path, scenario(2026))
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert "2026-02-02" in [o["date"] for o in plan["occurrences"]]  # near 春节 all the same
    assert "recheck" not in summary_of(out)
    assert "复核" not in (out / "site/index.html").read_text(encoding="utf-8")
    assert not [line for line in lines if "复核" in line]
