"""Published tables edited by hand and read back (rotasched.edits), then checked: plan.xlsx
edited with openpyxl, hosting.csv edited as text, on a real plan of a Chinese park."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from rotasched.check import check
from rotasched.cli import main
from rotasched.edits import Edit, EditError, edits, read_edited
from rotasched.edits.cells import as_date, as_time
from rotasched.export import export_plan
from rotasched.export.tables import defuse
from rotasched.plan import event_key

from .planning import base, pair, plan_checked, series, village
from .test_export_helpers import FORMULA

HOST, DATE, START, VENUE, EXECUTIVE, ID = "承办单位", "日期", "开始", "地点", "执行书记", "编号"


def scenario(**org_d: Any) -> dict[str, Any]:
    """Four enterprises and a village, April to June 2026, a monthly theme day with one
    executive secretary per quarter, a 1:1 pair; d's name is a formula; room B seats five."""
    data = base()
    data["meta"]["end"] = "2026-06-30"
    data["organisations"].append(village())
    data["organisations"][3].update(name=FORMULA, **org_d)
    data["centres"][0]["rooms"].append({"id": "B", "name": "会议室B", "capacity": 5})
    data["series"] = [series("t1", term="quarter")]
    data["twinning"] = [pair("p1", "a", "v")]
    return data


class Published:
    def __init__(self, tmp: Path, **org_d: Any) -> None:
        self.plan, self.problem, _ = plan_checked(tmp, scenario(**org_d), work=5)
        self.scenario = tmp / "s.yaml"
        self.out = tmp / "out"
        (self.term,) = self.plan.terms
        hosts = {o.host for o in self.plan.occurrences}
        self.free = next(o for o in "abcd" if o not in hosts)  # hosts nothing this quarter
        # an occurrence whose host is not the executive: its host may change alone
        self.plain = next(o for o in self.plan.occurrences if o.host != self.term.executive_org)

    def name(self, org: str) -> str:
        return self.problem.orgs[org].name


@pytest.fixture(scope="module")
def pub(tmp_path_factory: pytest.TempPathFactory) -> Published:
    return Published(tmp_path_factory.mktemp("published"))


# ---- helpers -------------------------------------------------------------------------------


def edit_xlsx(
    src: Path, dst: Path, occ_id: str, cells: dict[str, Any], sheet: str = "承办安排"
) -> None:
    book = openpyxl.load_workbook(src)
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    (row,) = [r for r in ws.iter_rows(min_row=2) if r[header.index(ID)].value == occ_id]
    for column, value in cells.items():
        cell = row[header.index(column)]
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # a name like =HYPERLINK(...) stays text, as Excel keeps it
    book.save(dst)


def csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def edit_csv(
    src: Path, dst: Path, occ_id: str, cells: dict[str, str], enc: str = "utf-8-sig"
) -> int:
    """Edit one row of a CSV as text; returns its row number as a spreadsheet shows it."""
    rows = csv_rows(src)
    header = rows[0]
    number = next(i for i, r in enumerate(rows) if r[header.index(ID)] == occ_id)
    for column, value in cells.items():
        rows[number][header.index(column)] = value
    write_csv(dst, rows, enc)
    return number + 1


def run_check(pub: Published, target: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, ["check", str(pub.scenario), str(target), *extra])


# ---- reading back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    ["tables/plan.xlsx", "tables/hosting.csv", "tables/visits.csv", "raw/occurrences.csv",
     "raw/visits.csv"],
)  # fmt: skip
def test_published_tables_read_back_unchanged(pub: Published, table: str) -> None:
    assert read_edited(pub.out / table, pub.problem, pub.plan) == pub.plan


def test_english_workbook_reads_back_unchanged(pub: Published, tmp_path: Path) -> None:
    out = export_plan(pub.plan, pub.problem, tmp_path / "en", "en")
    assert read_edited(out / "tables" / "plan.xlsx", pub.problem, pub.plan) == pub.plan


def test_xlsx_host_swap_reads_back_and_passes_check(pub: Published, tmp_path: Path) -> None:
    occ = pub.plain
    edited_file = pub.out / "tables" / "edited.xlsx"
    # WPS or Excel may leave a date as text, a date number whose format was lost, a time as text.
    serial = (occ.date - date(1899, 12, 30)).days
    cells = {HOST: pub.name(pub.free), DATE: serial, START: occ.start.strftime("%-H:%M")}
    edit_xlsx(pub.out / "tables" / "plan.xlsx", edited_file, occ.id, cells)
    try:
        edited = read_edited(edited_file, pub.problem, pub.plan)
        assert edits(pub.plan, edited) == [Edit(event_key(occ), "host", occ.host, pub.free)]
        assert check(pub.problem, edited) == []
        assert edited.objective is None and edited.status == "feasible"
        result = run_check(pub, edited_file)  # finds plan.json one folder up
        assert result.exit_code == 0, result.output
        assert "读取到 1 处修改" in result.output and "通过" in result.output
        assert f"{event_key(occ)} host: {occ.host} → {pub.free}" in result.output
    finally:
        edited_file.unlink()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_host_swap_as_text(pub: Published, tmp_path: Path, encoding: str) -> None:
    """Edited as text: the new host's name as the tables write names, the date as a Chinese
    date; saved as UTF-8 with BOM or, as WPS does, GB18030."""
    occ = pub.plain
    edited_file = tmp_path / "hosting.csv"
    day = f"{occ.date.year}年{occ.date.month}月{occ.date.day}日"
    cells = {HOST: defuse(pub.name(pub.free)), DATE: day}
    edit_csv(pub.out / "tables" / "hosting.csv", edited_file, occ.id, cells, encoding)
    edited = read_edited(edited_file, pub.problem, pub.plan)
    assert edits(pub.plan, edited) == [Edit(event_key(occ), "host", occ.host, pub.free)]
    assert check(pub.problem, edited) == []
    result = run_check(pub, edited_file, "--plan", str(pub.out))
    assert result.exit_code == 0, result.output


def test_the_formula_prefix_is_stripped(pub: Published, tmp_path: Path) -> None:
    edited_file = tmp_path / "hosting.csv"
    edit_csv(pub.out / "tables" / "hosting.csv", edited_file, pub.plain.id, {HOST: "'" + FORMULA})
    (occ,) = [o for o in read_edited(edited_file, pub.problem, pub.plan).occurrences
              if o.id == pub.plain.id]  # fmt: skip
    assert occ.host == "d"


def test_executive_follows_an_edited_executive_cell(pub: Published, tmp_path: Path) -> None:
    """The executive's own occurrence changes host and the executive cell names the new one:
    the term's executive secretary is the new host's, and every rule holds."""
    occ = next(o for o in pub.plan.occurrences if o.host == pub.term.executive_org)
    edited_file = tmp_path / "plan.xlsx"
    cells = {HOST: pub.name(pub.free), EXECUTIVE: pub.name(pub.free)}
    edit_xlsx(pub.out / "tables" / "plan.xlsx", edited_file, occ.id, cells)
    edited = read_edited(edited_file, pub.problem, pub.plan)
    (term,) = edited.terms
    person = pub.problem.person_of(pub.free)
    assert (term.executive_org, term.executive_secretary, term.executive_name) == (
        pub.free, person.key, person.name
    )
    assert {e.field for e in edits(pub.plan, edited)} == {
        "host", "executive_org", "executive_secretary", "executive_name"
    }  # fmt: skip
    assert check(pub.problem, edited) == []


def test_ids_raw_values_and_a_removed_row(pub: Published, tmp_path: Path) -> None:
    occ = pub.plain
    edited_file = tmp_path / "occurrences.csv"
    rows = csv_rows(pub.out / "raw" / "occurrences.csv")
    header = rows[0]
    (row,) = [r for r in rows if r[0] == occ.id]
    row[header.index("host")] = pub.free  # an id, not a name
    row[header.index("room")] = "B"
    gone = next(o for o in pub.plan.occurrences if o.id != occ.id)
    write_csv(edited_file, [r for r in rows if r[0] != gone.id], "utf-8")
    edited = read_edited(edited_file, pub.problem, pub.plan)
    assert set(edits(pub.plan, edited)) == {
        Edit(event_key(gone), "removed", "", ""),
        Edit(event_key(occ), "host", occ.host, pub.free),
        Edit(event_key(occ), "room", occ.room, "B"),
    }
    rules = {v.rule for v in check(pub.problem, edited)}
    assert {"one_host", "room_fits"} <= rules


def test_visit_host_edited_in_the_workbook(pub: Published, tmp_path: Path) -> None:
    visit = pub.plan.visits[0]
    other = next(o for o in (*visit.helpers, *visit.helped) if o != visit.host)
    edited_file = tmp_path / "plan.xlsx"
    edit_xlsx(pub.out / "tables" / "plan.xlsx", edited_file, visit.id,
              {"接待方": pub.name(other), DATE: "2026-04-16"}, sheet="结对互访")  # fmt: skip
    edited = read_edited(edited_file, pub.problem, pub.plan)
    (changed,) = [v for v in edited.visits if v.id == visit.id]
    assert changed.host == other and changed.guests == (visit.host,)
    assert changed.date == date(2026, 4, 16)
    assert [e.field for e in edits(pub.plan, edited)] == (
        ["date", "host", "guests"] if visit.date != date(2026, 4, 16) else ["host", "guests"]
    )


# ---- edits that break a rule -----------------------------------------------------------------


def test_a_room_too_small_is_reported_by_check(pub: Published, tmp_path: Path) -> None:
    edited_file = tmp_path / "hosting.csv"
    edit_csv(pub.out / "tables" / "hosting.csv", edited_file, pub.plain.id,
             {VENUE: "党建工作站 会议室B"})  # fmt: skip
    result = run_check(pub, edited_file, "--plan", str(pub.out / "plan.json"))
    assert result.exit_code == 1, result.output
    assert f"[room_fits] {pub.plain.id}" in result.output
    assert "共 1 处违反规则" in result.output


def test_a_host_on_a_day_it_is_away_is_reported_by_check(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    away = Published(tmp_path_factory.mktemp("away"), blackout=["2026-04-01..2026-04-30"])
    april = next(o for o in away.plan.occurrences if o.date.month == 4)
    assert april.host != "d"
    edited_file = away.out / "tables" / "plan-edited.xlsx"
    edit_xlsx(away.out / "tables" / "plan.xlsx", edited_file, april.id, {HOST: FORMULA})
    result = run_check(away, edited_file)
    assert result.exit_code == 1, result.output
    assert f"[host_available] {april.id}: d is not available on {april.date}" in result.output


# ---- what cannot be read --------------------------------------------------------------------


def test_a_bad_name_says_file_row_and_column(pub: Published, tmp_path: Path) -> None:
    edited_file = tmp_path / "hosting.csv"
    number = edit_csv(pub.out / "tables" / "hosting.csv", edited_file, pub.plain.id,
                      {HOST: "星辰科技", DATE: "2026-04-31"})  # fmt: skip
    with pytest.raises(EditError) as caught:
        read_edited(edited_file, pub.problem, pub.plan)
    text = caught.value.render()
    assert text.splitlines() == [
        "修改后的表格 hosting.csv 有 2 处错误：",
        f"  hosting.csv: 第 {number} 行“日期”列: 无法识别的日期 '2026-04-31'（请写成 2026-04-24）",
        f"  hosting.csv: 第 {number} 行“承办单位”列: 没有名为“星辰科技”的单位",
    ]
    result = run_check(pub, edited_file, "--plan", str(pub.out))
    assert result.exit_code == 2 and "没有名为“星辰科技”的单位" in result.output
    english = read_edited_error(edited_file, pub, "en")
    assert f"hosting.csv: row {number} column “承办单位”: no organisation is called “星辰科技”" in (
        english
    )


def read_edited_error(path: Path, pub: Published, lang: str) -> str:
    with pytest.raises(EditError) as caught:
        read_edited(path, pub.problem, pub.plan, lang)
    return caught.value.render()


def test_unknown_and_duplicate_ids_and_an_unknown_place(pub: Published, tmp_path: Path) -> None:
    rows = csv_rows(pub.out / "tables" / "hosting.csv")
    header = rows[0]
    rows.append(list(rows[1]))  # the first occurrence twice
    rows[2][header.index(ID)] = "t1.2099-01"
    rows[3][header.index(VENUE)] = "礼堂"
    edited_file = tmp_path / "hosting.csv"
    write_csv(edited_file, rows)
    text = read_edited_error(edited_file, pub, "zh")
    assert "第 3 行“编号”列: 编号“t1.2099-01”不是已发布方案中的活动" in text
    assert "第 4 行“地点”列: 无法识别的地点“礼堂”" in text
    assert f"第 5 行“编号”列: 编号“{rows[1][header.index(ID)]}”出现了两次（另见第 2 行）" in text


def test_a_file_that_is_no_plan_table(pub: Published, tmp_path: Path) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("备注\n随便写写\n", encoding="utf-8")
    assert "找不到承办安排或结对互访表" in read_edited_error(other, pub, "zh")
    odd = tmp_path / "plan.ods"
    odd.write_bytes(b"")
    assert "表格必须是 .csv 或 .xlsx 文件" in read_edited_error(odd, pub, "zh")


# ---- cells ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-04-24", date(2026, 4, 24)),
        ("2026/4/24", date(2026, 4, 24)),
        ("2026年4月24日", date(2026, 4, 24)),
        ("2026.04.24", date(2026, 4, 24)),
        ("20260424", date(2026, 4, 24)),
        ("2026-04-24 00:00:00", date(2026, 4, 24)),
        (datetime(2026, 4, 24), date(2026, 4, 24)),
        (46136, date(2026, 4, 24)),
        ("2026-02-30", None),
        ("明天", None),
    ],
)
def test_dates(value: object, day: date | None) -> None:
    assert as_date(value) == day


@pytest.mark.parametrize(
    ("value", "at"),
    [
        ("09:00", time(9)),
        ("9:00", time(9)),
        ("14：30", time(14, 30)),
        ("09:00:00", time(9)),
        ("2:30 PM", time(14, 30)),
        ("下午2:30", time(14, 30)),
        (0.375, time(9)),
        (time(9, 0), time(9)),
        (datetime(1899, 12, 30, 9, 0), time(9)),
        ("25:00", None),
        ("上午", None),
    ],
)
def test_times(value: object, at: time | None) -> None:
    assert as_time(value) == at

