"""A re-plan's changes as people read them: raw/ and tables/changes.csv, the sheet of plan.xlsx,
site/changes.html and the terminal table, on a real plan of a Chinese park.

The new version is the solved plan with one occurrence moved, one rehosted, one put in another
room, one visit cancelled and one added (the previous version lacked it).
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from rich.console import Console

from rotasched.check import check_dir
from rotasched.compare import changes
from rotasched.export import export_plan
from rotasched.plan import event_key
from rotasched.problem import Problem
from rotasched.show import changes_table

from .planning import base, pair, plan_checked, series, village
from .test_export_helpers import FORMULA, files_under
from .test_export_site import Page

MARKUP = "[red]捷达物流有限公司"  # rich markup in a name: shown as it is, never read


def scenario() -> dict:
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["organisations"].append(village())
    data["organisations"][2]["name"] = MARKUP
    data["organisations"][3]["name"] = FORMULA  # d: a name a spreadsheet could run
    data["centres"][0]["rooms"].append({"id": "B", "name": "会议室B", "capacity": 40})
    data["series"] = [series("t1", term="quarter")]
    data["twinning"] = [pair("p1", "a", "v")]
    return data


class Versions:
    def __init__(self, tmp: Path) -> None:
        plan, problem, _ = plan_checked(tmp, scenario(), work=5)
        self.problem: Problem = problem
        occ = list(plan.occurrences)
        self.moved, self.rehosted, self.reroomed = occ
        hosting = {o.host for o in occ}
        self.new_host = next(o for o in "abcd" if o not in hosting)
        other_room = "B" if self.reroomed.room == "A" else "A"
        new_occ = (
            replace(self.moved, date=self.moved.date + timedelta(days=1)),
            replace(self.rehosted, host=self.new_host),
            replace(self.reroomed, room=other_room),
        )
        self.cancelled, self.added = plan.visits[-1], plan.visits[0]
        self.old = replace(plan, visits=plan.visits[1:])
        self.new = replace(plan, occurrences=new_occ, visits=plan.visits[:-1])


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    return Versions(tmp_path_factory.mktemp("plan"))


@pytest.fixture(scope="module")
def out(versions: Versions, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("replan") / "out"
    return export_plan(versions.new, versions.problem, folder, previous=versions.old)


def _csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_raw_changes_are_the_untouched_diff(versions: Versions, out: Path) -> None:
    raw = pd.read_csv(out / "raw" / "changes.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(raw, changes(versions.old, versions.new))
    kinds = dict(zip(raw["key"], raw["change"], strict=True))
    assert kinds == {
        event_key(versions.moved): "moved",
        event_key(versions.rehosted): "rehosted",
        event_key(versions.reroomed): "reroomed",
        event_key(versions.cancelled): "cancelled",
        event_key(versions.added): "added",
    }
    row = raw[raw["key"] == event_key(versions.rehosted)].iloc[0]
    assert (row["old_host"], row["new_host"]) == (versions.rehosted.host, versions.new_host)
    # The checker reads raw/ as before, the extra file aside: it finds the cancelled visit.
    found = check_dir(out, versions.problem)
    assert [(v.rule, v.what) for v in found] == [("visit_count", f"p1 {versions.cancelled.period}")]


def test_changes_table_speaks_chinese_and_is_formula_safe(versions: Versions, out: Path) -> None:
    rows = {r["编号"]: r for r in _csv(out / "tables" / "changes.csv")}
    assert list(next(iter(rows.values())))[:4] == ["类别", "活动", "调整", "原日期"]
    moved = rows[versions.moved.id]
    assert moved["调整"] == "改期" and moved["类别"] == "联合活动"
    assert moved["原日期"] == versions.moved.date.isoformat()
    assert moved["新日期"] == (versions.moved.date + timedelta(days=1)).isoformat()
    rehosted = rows[versions.rehosted.id]
    assert rehosted["调整"] == "更换承办方"
    assert rehosted["新承办方"] == "'" + FORMULA  # defused: a spreadsheet shows it as text
    reroomed = rows[versions.reroomed.id]
    assert reroomed["调整"] == "更换场地"
    assert {reroomed["原地点"], reroomed["新地点"]} == {"党建工作站 会议室A", "党建工作站 会议室B"}
    cancelled = rows[versions.cancelled.id]
    assert cancelled["调整"] == "取消" and cancelled["类别"] == "结对互访"
    assert cancelled["新日期"] == "" and cancelled["原承办方"] in ("桃源村", "武汉星辰科技有限公司")
    assert cancelled["原地点"].endswith("（承办单位自有场地）")
    assert rows[versions.added.id]["调整"] == "新增" and rows[versions.added.id]["原日期"] == ""


def test_changes_sheet_in_the_workbook(versions: Versions, out: Path) -> None:
    book = openpyxl.load_workbook(out / "tables" / "plan.xlsx")
    assert book.sheetnames[-1] == "调整一览"
    sheet = book["调整一览"]
    header = [c.value for c in sheet[1]]
    body = [dict(zip(header, (c for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    by_id = {r["编号"].value: r for r in body}
    moved = by_id[versions.moved.id]
    assert moved["原日期"].value.date() == versions.moved.date  # a real date cell
    assert moved["原日期"].number_format == "yyyy-mm-dd"
    cell = by_id[versions.rehosted.id]["新承办方"]
    assert cell.value == FORMULA and cell.data_type == "s"  # text, never a formula


def test_changes_page_counts_and_rows(versions: Versions, out: Path) -> None:
    site = out / "site"
    assert "changes.html" in Page(site / "index.html").hrefs()
    index = "".join(Page(site / "index.html").text)
    assert "共调整 5 项：改期 1，更换承办方 1，更换场地 1，新增 1，取消 1" in index
    page = Page(site / "changes.html")
    text = "".join(page.text)
    for word, n in (("改期", 1), ("更换承办方", 1), ("更换场地", 1), ("新增", 1), ("取消", 1)):
        assert f"{word}{n}" in text
    tags = [t for t, _ in page.tags]
    assert tags.count("tr") == 5 + 1 + 5  # the counts, the header, one row per changed event
    assert "del" in tags and "ins" in tags  # old struck out, new marked
    html = (site / "changes.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "<script" not in html
    assert MARKUP in text and FORMULA in text  # names shown as given (escaped in the HTML)
    assert '<a href="org-d.html">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</a>' in html


def test_english_changes(versions: Versions, tmp_path: Path) -> None:
    out = export_plan(versions.new, versions.problem, tmp_path / "en", "en", versions.old)
    rows = {r["ID"]: r for r in _csv(out / "tables" / "changes.csv")}
    assert rows[versions.rehosted.id]["Change"] == "new host"
    assert rows[versions.cancelled.id]["Kind"] == "twinning visit"
    index = "".join(Page(out / "site" / "index.html").text)
    assert "5 event(s) changed: 1 moved, 1 with a new host" in index


def test_same_plans_same_bytes_and_no_diff_without_previous(
    versions: Versions, out: Path, tmp_path: Path
) -> None:
    again = export_plan(versions.new, versions.problem, tmp_path / "again", previous=versions.old)
    assert files_under(again) == files_under(out)
    alone = export_plan(versions.new, versions.problem, tmp_path / "alone")
    files = files_under(alone)
    assert not {"raw/changes.csv", "tables/changes.csv", "site/changes.html"} & set(files)
    assert "changes.html" not in Page(alone / "site" / "index.html").hrefs()
    book = openpyxl.load_workbook(alone / "tables" / "plan.xlsx")
    assert "调整一览" not in book.sheetnames


def test_unchanged_plan_has_an_empty_changes_page(versions: Versions, tmp_path: Path) -> None:
    out = export_plan(versions.new, versions.problem, tmp_path / "same", previous=versions.new)
    assert (out / "raw" / "changes.csv").read_text().strip() == ",".join(
        changes(versions.new, versions.new).columns
    )
    assert "与上一版方案相比没有调整。" in "".join(Page(out / "site" / "changes.html").text)


def test_terminal_table(versions: Versions) -> None:
    console = Console(record=True, width=240, color_system=None)
    console.print(changes_table(versions.old, versions.new, versions.problem, "zh"))
    text = console.export_text()
    assert "调整一览" in text and "共调整 5 项" in text
    assert MARKUP in text  # not read as markup
    moved_from = versions.moved.date.isoformat()
    moved_to = (versions.moved.date + timedelta(days=1)).isoformat()
    assert f"{moved_from} 09:00–11:00 → {moved_to} 09:00–11:00" in text
    assert f"→ {FORMULA}" in text
    lines = [line for line in text.splitlines() if versions.cancelled.id in line]
    assert len(lines) == 1 and "取消" in lines[0]


def test_a_term_change_is_named_by_its_series(versions: Versions) -> None:
    (term,) = versions.new.terms
    other = next(o for o in "abcd" if o != term.executive_org)
    new = replace(versions.new, terms=(replace(term, executive_org=other),))
    console = Console(record=True, width=240, color_system=None)
    console.print(changes_table(versions.new, new, versions.problem, "en"))
    text = console.export_text()
    assert "executive term" in text and "主题党日t1" in text and "until 2026-06-30" in text

