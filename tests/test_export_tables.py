"""tables/: localised CSV and plan.xlsx, read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from rotasched.export.raw import read_raw
from rotasched.export.tables import defuse

from .test_export_helpers import (
    EVIL_NAME,
    FORMULA,
    LONG_NAME,
    export_to,
    hostile_plan,
    hostile_problem,
    tiny_plan,
    tiny_problem,
)

CSV_FILES = ("hosting.csv", "executives.csv", "rooms.csv", "visits.csv", "organisations.csv")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tiny_problem()
    return export_to(tmp_path_factory.mktemp("plain") / "out", tiny_plan(p), p)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = hostile_problem()
    return export_to(tmp_path_factory.mktemp("hostile") / "out", hostile_plan(p), p, "zh")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tiny_problem()
    return export_to(tmp_path_factory.mktemp("en") / "out", tiny_plan(p), p, "en")


def rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM, for Excel"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def by_header(path: Path) -> list[dict[str, str]]:
    head, *body = rows(path)
    return [dict(zip(head, r, strict=True)) for r in body]


# ---- CSV ---------------------------------------------------------------------------------


def test_five_csv_tables_with_localised_headers(plain: Path, english: Path) -> None:
    for name in CSV_FILES:
        assert (plain / "tables" / name).exists()
    assert rows(plain / "tables" / "hosting.csv")[0][:4] == ["日期", "星期", "开始", "结束"]
    assert rows(english / "tables" / "hosting.csv")[0][:4] == ["Date", "Weekday", "Start", "End"]
    assert rows(plain / "tables" / "organisations.csv")[0][:2] == ["编号", "单位"]


def test_hosting_table_content(plain: Path) -> None:
    hosting = by_header(plain / "tables" / "hosting.csv")
    assert [r["日期"] for r in hosting] == ["2026-04-15", "2026-04-24", "2026-05-29", "2026-06-26"]
    first = hosting[1]
    assert first["星期"] == "周五"
    assert (first["开始"], first["结束"]) == ("14:30", "16:30")
    assert first["承办单位"] == "武汉星辰科技有限公司"
    assert first["执行书记"] == "王建国（武汉星辰科技有限公司）"
    assert first["地点"] == "园区党建工作站 会议室A"
    assert first["活动类型"] == "主题党日"
    assert hosting[2]["协办单位（以强带弱）"] == "华远光电股份有限公司"


def test_executive_rooms_visits_tables(plain: Path) -> None:
    terms = by_header(plain / "tables" / "executives.csv")
    theme = next(r for r in terms if r["活动"] == "主题党日")
    assert (theme["起始日"], theme["结束日"], theme["执行书记"]) == (
        "2026-04-01", "2026-06-30", "王建国")
    assert theme["联系方式"] == "13800000001"
    rooms = by_header(plain / "tables" / "rooms.csv")
    assert {r["场地"] for r in rooms} == {"会议室A"}
    assert len(rooms) == 4
    visits = by_header(plain / "tables" / "visits.csv")
    assert len(visits) == 1
    assert (visits[0]["接待方"], visits[0]["来访方"]) == ("桃源村", "武汉星辰科技有限公司")
    assert visits[0]["结对形式"] == "一帮一"


def test_organisation_summary(plain: Path) -> None:
    p = tiny_problem()
    plan = tiny_plan(p)
    orgs = {r["编号"]: r for r in by_header(plain / "tables" / "organisations.csv")}
    assert list(orgs) == list(p.orgs)
    xc = orgs["xc"]
    counts = (xc["承办次数"], xc["执行书记期数"], xc["外出互访"], xc["接待互访"])
    assert counts == ("1", "1", "1", "0")
    assert orgs["taoyuan"]["接待互访"] == "1"
    assert orgs["hy"]["协办次数"] == "1"
    travel = sum(p.travel("xc", "station") for o in plan.occurrences) + p.travel("xc", "taoyuan")
    assert xc["单程路程合计（分钟）"] == str(travel)


def test_formula_cells_are_inert_in_csv(hostile: Path) -> None:
    orgs = {r["编号"]: r for r in by_header(hostile / "tables" / "organisations.csv")}
    assert orgs["jd"]["单位"] == "'" + FORMULA
    assert orgs["xc"]["单位"] == LONG_NAME
    assert orgs["hy"]["单位"] == " ".join(EVIL_NAME.replace("\r\n", "\n").split("\n"))
    for name in CSV_FILES:
        for row in rows(hostile / "tables" / name):
            for cell in row:
                assert not cell.startswith(TRIGGERS), (name, cell)
    # every text field is quoted, so a separator inside a name cannot split the row
    raw = (hostile / "tables" / "organisations.csv").read_bytes().decode("utf-8-sig")
    assert '"\'=HYPERLINK(""http://x"",""y"")"' in raw


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1"])
def test_defuse_prefixes_every_trigger(text: str) -> None:
    assert defuse(text) == "'" + text
    assert defuse("主题党日") == "主题党日"
    assert defuse("2026-04-01") == "2026-04-01"


# ---- XLSX --------------------------------------------------------------------------------


def test_workbook_sheets_header_widths_and_real_dates(plain: Path) -> None:
    book = openpyxl.load_workbook(plain / "tables" / "plan.xlsx")
    assert book.sheetnames == ["承办安排", "执行书记", "场地预订", "结对互访", "单位汇总"]
    sheet = book["承办安排"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:3] == ["日期", "星期", "开始"]
    assert sheet["A2"].value == datetime(2026, 4, 15)  # a real date cell
    assert sheet["A2"].is_date and sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].value == time(9, 0)
    assert sheet["L2"].data_type == "n" and sheet["L2"].value == 30
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["A"] >= 10 and 60 <= widths["M"] < 61  # participants: long, capped
    terms = book["执行书记"]
    assert terms["C2"].value.date() == date(2026, 4, 1)


def test_formula_cells_are_strings_in_xlsx(hostile: Path) -> None:
    path = hostile / "tables" / "plan.xlsx"
    book = openpyxl.load_workbook(path)
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and FORMULA in cell.value:
                    assert cell.data_type == "s"
                    found.append(cell.value)
    assert FORMULA in found  # stored as is, as text: no quote needed
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_workbook_has_fixed_metadata_and_zip_times(plain: Path) -> None:
    path = plain / "tables" / "plan.xlsx"
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-04-01T00:00:00Z" in core
    assert "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-04-01T00:00:00Z" in core


def test_raw_tables_keep_untouched_values(hostile: Path) -> None:
    raw = read_raw(hostile / "raw")
    assert list(raw["occurrences"]["host"]) == ["xc", "jd", "ml", "ty"]
    assert not any(v.startswith("'") for frame in raw.values() for col in frame
                   for v in frame[col])
