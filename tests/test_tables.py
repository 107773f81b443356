"""Lists kept as spreadsheets: CSV (UTF-8 with BOM, GB18030) and XLSX references, the Chinese
text in them, and errors located by table file, row (as a spreadsheet shows it) and column."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook

from rotasched.scenario import Issue, ScenarioError, load_scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"

HEADER = ["id", "name", "kind", "groups", "members", "secretary.name", "secretary.contact",
          "room.capacity", "blackout", "weekdays"]
ROWS = [
    ["xc", "武汉星辰科技有限公司", "企业", "park", "18", "王建国", "13800000001", "25", "", ""],
    ["hy", "华远光电股份有限公司", "enterprise", "park", "12", "李秀英", "", "",
     "2026-05-01..2026-05-10", "周一；周三、周五"],
    ["taoyuan", "桃源村", "村", "", "45", "赵德明", "", "60", "2026-06-22", ""],
]
NAMES = ["武汉星辰科技有限公司", "华远光电股份有限公司", "桃源村"]


def csv_text(rows: list[list[str]] = ROWS, header: list[str] = HEADER) -> str:
    return "\n".join(",".join(r) for r in [header, *rows]) + "\n"


def xlsx(path: Path, rows: list[list[Any]], sheet: str = "名单", extra_first: bool = False) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    if extra_first:
        first.title = "说明"
        first.append(["本工作簿的第二张表是单位名单"])
        ws = book.create_sheet(sheet)
    else:
        first.title = sheet
        ws = first
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def assert_orgs_loaded(path: Path) -> None:
    s = load_scenario(path)
    assert [o.name for o in s.organisations] == NAMES
    assert [o.secretary.name for o in s.organisations] == ["王建国", "李秀英", "赵德明"]
    xc, hy, ty = s.organisations
    assert (xc.kind, xc.groups, xc.members) == ("enterprise", ["park"], 18)
    assert xc.secretary.contact == "13800000001"
    assert xc.room is not None and xc.room.capacity == 25
    assert hy.room is None  # empty cells leave the field out
    assert hy.weekdays == [1, 3, 5]
    assert (hy.blackout[0].start, hy.blackout[0].end) == (date(2026, 5, 1), date(2026, 5, 10))
    assert ty.kind == "village" and ty.groups == []
    assert ty.blackout[0].days() == [date(2026, 6, 22)]


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_in_each_encoding_round_trips_chinese(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    encoding: str,
) -> None:
    (tmp_path / "单位名单.csv").write_bytes(csv_text().encode(encoding))
    minimal["organisations"] = "单位名单.csv"
    assert_orgs_loaded(write_scenario(minimal))


def test_gb18030_bytes_are_really_not_utf8() -> None:
    """Guards the test above: the GB18030 file must exercise the fallback decoder."""
    with pytest.raises(UnicodeDecodeError):
        csv_text().encode("gb18030").decode("utf-8")


ENCODING_EN = (
    "the table's text encoding cannot be read: a CSV must be UTF-8 (with or without BOM) or "
    "GB18030; save a UTF-16 or other file again from Excel or WPS as “CSV UTF-8 (comma "
    "delimited)”"
)
ENCODING_ZH = (
    "表格的文字编码无法识别：CSV 只能是 UTF-8（可带 BOM）或 GB18030 编码；UTF-16 等其他编码的"
    "文件请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_csv_in_utf16_is_refused_in_the_scenarios_language_naming_the_accepted_encodings(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
    encoding: str,
) -> None:
    """Excel's "Unicode text" is UTF-16 (with a BOM; without one as -le/-be): GB18030 would
    otherwise decode those bytes without complaint into a header of nonsense."""
    (tmp_path / "单位名单.csv").write_bytes(csv_text().encode(encoding))
    assert "武汉星辰科技有限公司" in (tmp_path / "单位名单.csv").read_text(encoding=encoding)
    minimal["organisations"] = "单位名单.csv"
    path = write_scenario(minimal)
    problem = expect_problem(
        path,
        "table_encoding",
        file="单位名单.csv",
        where="",
        en=ENCODING_EN,
        zh=ENCODING_ZH,
    )
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.locale == "zh"  # meta.locale: said in Chinese without being asked
    assert f"{problem.file}: {ENCODING_ZH}" in str(info.value)


def test_csv_neither_utf8_nor_gb18030_is_refused_alike(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    """0xFF starts no character in either encoding (here a stray byte in a Chinese name)."""
    (tmp_path / "orgs.csv").write_bytes("id,name\nxc,星辰".encode() + b"\xff\xff\n")
    minimal["organisations"] = "orgs.csv"
    (problem,) = problems_of(write_scenario(minimal))
    assert (problem.code, problem.message("en")) == ("table_encoding", ENCODING_EN)


def test_csv_error_is_reported_by_file_row_and_column(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
) -> None:
    rows = [list(r) for r in ROWS]
    rows[2][4] = "四十五"  # 桃源村 members: spreadsheet row 4 (header is row 1)
    (tmp_path / "orgs.csv").write_bytes(csv_text(rows).encode("utf-8-sig"))
    minimal["organisations"] = "orgs.csv"
    problem = expect_problem(
        write_scenario(minimal),
        "int_parsing",
        file="orgs.csv",
        where="row 4 column members",
        en="must be a whole number, got '四十五'",
        zh="必须是整数，实际为 '四十五'",
    )
    assert problem.file == str(tmp_path / "orgs.csv")


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    """A blank line is a row; a quoted cell spanning two lines is still one row."""
    text = (
        "id,name,groups,members,secretary.name,blackout\n"  # row 1
        'xc,"武汉星辰科技\n有限公司",park,18,王建国,\n'  # row 2 (two text lines)
        "\n"  # row 3, empty
        "hy,华远光电,park,12,李秀英,2026-05-10..2026-05-01\n"  # row 4
        "taoyuan,桃源村,,很多,,\n"  # row 5
    )
    (tmp_path / "orgs.csv").write_text(text, encoding="utf-8")
    minimal["organisations"] = "orgs.csv"
    problems = problems_of(write_scenario(minimal))
    assert {(Path(p.file).name, p.path, p.code) for p in problems} == {
        ("orgs.csv", "row 4 column blackout", "end_before_start"),
        ("orgs.csv", "row 5 column members", "int_parsing"),
        ("orgs.csv", "row 5 column secretary", "missing"),
    }


def test_cross_record_errors_in_a_table_point_at_the_row(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][0] = "xc"  # duplicate id on row 3
    rows[2][3] = "东湖园区"  # unknown group on row 4
    (tmp_path / "orgs.csv").write_bytes(csv_text(rows).encode("utf-8-sig"))
    minimal["organisations"] = "orgs.csv"
    minimal["twinning"][0]["helpers"] = ["hy"]  # now unknown, in the YAML itself
    path = write_scenario(minimal)
    problems = problems_of(path)
    assert {(Path(p.file).name, p.path, p.code) for p in problems} == {
        ("orgs.csv", "row 3 column id", "duplicate_id"),
        ("orgs.csv", "row 4 column groups", "unknown_ref"),
        (path.name, "twinning[0].helpers[0]", "unknown_ref"),
    }
    unknown = next(p for p in problems if p.path == "row 4 column groups")
    assert unknown.message("zh") == "引用了不存在的组织/园区“东湖园区”"
    assert unknown.render("en") == (
        f"{tmp_path / 'orgs.csv'}: row 4 column groups: refers to unknown group “东湖园区”"
    )


def test_a_warning_from_a_table_points_at_its_row(
    tmp_path: Path, minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    rows = [list(r) for r in ROWS]
    rows[2][1] = "武汉星辰科技有限公司"  # 桃源村 renamed as xc, on spreadsheet row 4
    (tmp_path / "orgs.csv").write_bytes(csv_text(rows).encode("utf-8-sig"))
    minimal["organisations"] = "orgs.csv"
    (warning,) = load_scenario(write_scenario(minimal)).warnings
    assert warning.render("zh") == (
        f"{tmp_path / 'orgs.csv'}: row 4 column name: "
        "单位“taoyuan”与“xc”同名：“武汉星辰科技有限公司”（是否同一单位录入了两次？）"
    )


def test_unknown_column_is_an_unknown_field_of_the_row(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
) -> None:
    (tmp_path / "orgs.csv").write_text(
        "id,name,secretary.name,电话\nxc,星辰科技,王建国,027-1234\n", encoding="utf-8"
    )
    minimal["organisations"] = "orgs.csv"
    minimal["groups"] = []
    minimal["series"] = []
    minimal["twinning"] = []
    expect_problem(
        write_scenario(minimal),
        "extra_forbidden",
        file="orgs.csv",
        where="row 2 column 电话",
        en="unknown field (check the spelling)",
        zh="未知字段（请检查拼写）",
    )


def test_empty_header_cell(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
) -> None:
    (tmp_path / "orgs.csv").write_text("id,,name\nxc,1,星辰\n", encoding="utf-8")
    minimal["organisations"] = "orgs.csv"
    expect_problem(
        write_scenario(minimal),
        "table_empty_header",
        file="orgs.csv",
        where="",
        en="the header row has an empty column name",
        zh="表头中有空的列名",
    )


def test_nested_tables_and_history_tables(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    (tmp_path / "场地.csv").write_text(
        "id,name,capacity,equipment\nA,会议室A,40,投影仪；音响\n101,活动室,20,\n", encoding="utf-8"
    )
    (tmp_path / "承办记录.csv").write_text(
        "series,date,host\ntheme-day,2026-03-27,hy\ntheme-day,2026-02-27,xc\n", encoding="utf-8"
    )
    minimal["centres"][0]["rooms"] = "场地.csv"
    minimal["history"] = {"hosts": "承办记录.csv"}
    s = load_scenario(write_scenario(minimal))
    assert [r.name for r in s.centres[0].rooms] == ["会议室A", "活动室"]
    assert s.centres[0].rooms[0].equipment == ["投影仪", "音响"]
    assert s.centres[0].rooms[1].id == "101"  # a number in a cell is still an id
    assert [(h.date, h.host) for h in s.history.hosts] == [
        (date(2026, 3, 27), "hy"),
        (date(2026, 2, 27), "xc"),
    ]
    # An error in the nested table points at that table.
    (tmp_path / "承办记录.csv").write_text(
        "series,date,host\ntheme-day,2026-03-27,hy\n党课,2026-02-27,xc\n", encoding="utf-8"
    )
    (problem,) = problems_of(write_scenario(minimal))
    assert (Path(problem.file).name, problem.path, problem.code) == (
        "承办记录.csv",
        "row 3 column series",
        "unknown_ref",
    )


def test_tiny_scenario_reads_its_organisations_from_csv() -> None:
    s = load_scenario(SCENARIOS / "tiny" / "tiny.yaml")
    assert len(s.organisations) == 6
    assert s.organisations[0].name == "武汉星辰科技有限公司"
    assert s.organisations[-1].kind == "village"


# --- XLSX -------------------------------------------------------------------------------------


def _typed_rows() -> list[list[Any]]:
    """The rows as Excel would hold them: numbers as numbers, dates as dates, empty as None."""
    rows: list[list[Any]] = [list(HEADER)]
    for row in ROWS:
        typed: list[Any] = [
            int(c) if c.isdigit() else (c or None) for c in row
        ]
        rows.append(typed)
    rows[3][8] = datetime(2026, 6, 22)  # a date cell
    return rows


@pytest.mark.parametrize(
    "reference",
    [
        {"file": "单位.xlsx", "sheet": "名单"},
        "单位.xlsx",  # the first sheet
    ],
    ids=["named-sheet", "first-sheet"],
)
def test_xlsx_reference_round_trips_chinese(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    reference: Any,
) -> None:
    xlsx(tmp_path / "单位.xlsx", _typed_rows())
    minimal["organisations"] = reference
    assert_orgs_loaded(write_scenario(minimal))


def test_xlsx_named_sheet_that_is_not_the_first(
    tmp_path: Path, minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    xlsx(tmp_path / "单位.xlsx", _typed_rows(), extra_first=True)
    minimal["organisations"] = {"file": "单位.xlsx", "sheet": "名单"}
    assert_orgs_loaded(write_scenario(minimal))


def test_xlsx_error_is_reported_by_file_row_and_column(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
) -> None:
    rows = _typed_rows()
    rows[2][4] = "十二"  # 华远光电 members, row 3
    xlsx(tmp_path / "单位.xlsx", rows)
    minimal["organisations"] = {"file": "单位.xlsx", "sheet": "名单"}
    expect_problem(
        write_scenario(minimal),
        "int_parsing",
        file="单位.xlsx",
        where="row 3 column members",
        en="must be a whole number, got '十二'",
        zh="必须是整数，实际为 '十二'",
    )


def test_xlsx_missing_sheet(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
) -> None:
    xlsx(tmp_path / "单位.xlsx", _typed_rows())
    minimal["organisations"] = {"file": "单位.xlsx", "sheet": "企业名单"}
    expect_problem(
        write_scenario(minimal),
        "table_sheet_missing",
        file="单位.xlsx",
        where="",
        en="the workbook has no sheet “企业名单”",
        zh="工作簿中没有名为“企业名单”的工作表",
    )


def test_corrupt_xlsx(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
) -> None:
    (tmp_path / "单位.xlsx").write_bytes(b"PK\x03\x04 this is not really a workbook")
    minimal["organisations"] = "单位.xlsx"
    expect_problem(
        write_scenario(minimal),
        "table_unreadable",
        file="单位.xlsx",
        where="",
        en="cannot read the table: BadZipFile",
        zh="无法读取表格：BadZipFile",
    )


def test_xlsx_with_a_damaged_sheet(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    """A valid zip whose sheet XML breaks half-way: read-only openpyxl fails while iterating."""
    good = xlsx(tmp_path / "good.xlsx", _typed_rows())
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "单位.xlsx", "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</sheetData>", b"<row r='9'><c r='A9'><v>1</v></c><row>")
            out.writestr(item, data)
    minimal["organisations"] = "单位.xlsx"
    (problem,) = problems_of(write_scenario(minimal))
    assert (Path(problem.file).name, problem.code) == ("单位.xlsx", "table_unreadable")
    assert problem.message("zh").startswith("无法读取表格：")


# --- references that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize(
    "reference", ["不存在.csv", "不存在.xlsx", {"file": "不存在.xlsx", "sheet": "名单"}]
)
def test_missing_table_file(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
    reference: Any,
) -> None:
    minimal["organisations"] = reference
    name = reference if isinstance(reference, str) else reference["file"]
    expect_problem(
        write_scenario(minimal),
        "file_missing",
        file=name,
        where="",
        en="file not found",
        zh="找不到文件",
    )


@pytest.mark.parametrize("reference", ["单位.xls", "单位.ods", {"file": "单位", "sheet": "名单"}])
def test_unsupported_table_kind(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
    reference: Any,
) -> None:
    name = reference if isinstance(reference, str) else reference["file"]
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0 old binary workbook")
    minimal["organisations"] = reference
    expect_problem(
        write_scenario(minimal),
        "table_kind",
        file=name,
        where="",
        en="a table must be a .csv or .xlsx file",
        zh="表格必须是 .csv 或 .xlsx 文件",
    )


def test_unreadable_table_does_not_hide_other_errors(
    tmp_path: Path,
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    minimal["organisations"] = "不存在.csv"
    (tmp_path / "坏.xlsx").write_bytes(b"garbage")
    minimal["centres"][0]["rooms"] = {"file": "坏.xlsx", "sheet": "场地"}
    minimal["meta"]["颜色"] = "红"
    minimal["series"][0]["duration"] = "两小时"
    path = write_scenario(minimal)
    problems = problems_of(path)
    assert {(Path(p.file).name, p.path, p.code) for p in problems} == {
        ("不存在.csv", "", "file_missing"),
        ("坏.xlsx", "", "table_unreadable"),
        (path.name, "meta.颜色", "extra_forbidden"),
        (path.name, "series[0].duration", "bad_duration"),
    }


def test_table_paths_are_relative_to_the_scenario_file(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    folder = tmp_path / "园区" / "2026"
    folder.mkdir(parents=True)
    (folder / "orgs.csv").write_bytes(csv_text().encode("utf-8-sig"))
    minimal["organisations"] = "orgs.csv"
    (folder / "场景.yaml").write_text(yaml.safe_dump(minimal, allow_unicode=True), "utf-8")
    assert_orgs_loaded(folder / "场景.yaml")
    # And the tiny scenario still loads after being copied elsewhere with its table.
    shutil.copytree(SCENARIOS / "tiny", tmp_path / "copy")
    assert len(load_scenario(tmp_path / "copy" / "tiny.yaml").organisations) == 6
