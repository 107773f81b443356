"""What-if variants: change records applied to a bundled scenario and validated as a scenario
(every mistake named by file, change and path, in the scenario's language), the comparison of
the park with its two bundled variants (CLI, files, page in Chromium, figures against the
independent checker), and the README's example."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from click.testing import CliRunner

from rotasched import load_scenario
from rotasched.check import measured
from rotasched.cli import main
from rotasched.rules import SOFT
from rotasched.scenario import ScenarioError
from rotasched.scenario.load import read_raw
from rotasched.solver import SolveOptions
from rotasched.whatif import (
    Add,
    Close,
    Comparison,
    Remove,
    Reweight,
    Set,
    Variant,
    apply,
    apply_changes,
    compare_variants,
    load_variant,
    load_variant_scenario,
    render_page,
    write_comparison,
)

from .test_export_helpers import TEST_OUTPUT, files_under, run_node
from .test_export_site import CHROMIUM, Page, chromium_ready

ROOT = Path(__file__).resolve().parents[1]
PARK = ROOT / "scenarios" / "park" / "park.yaml"
TINY = ROOT / "scenarios" / "tiny" / "tiny.yaml"
VARIANTS = [ROOT / "scenarios" / "park" / "variants" / f
            for f in ("station-closed-july.yaml", "visits-twice.yaml")]  # fmt: skip
WORK = 5.0


def write_variant(folder: Path, changes: list[Any], file: str = "情景.yaml", **head: Any) -> Path:
    path = folder / file
    data = {"name": "测试情景", "base": str(PARK), **head, "changes": changes}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problems(path: Path, locale: str | None = None) -> list[str]:
    """The variant's problems as rendered (it must fail), in the base's language or `locale`."""
    with pytest.raises(ScenarioError) as info:
        load_variant_scenario(path, locale)
    return [p.render(info.value.locale) for p in info.value.problems]


# ---- validation: every mistake named, never ignored ----------------------------------------


def test_an_unknown_id_is_named_with_the_change_and_path(tmp_path: Path) -> None:
    path = write_variant(tmp_path, [{"set": {"twinning[id=twin-9].visits": 2}}])
    assert problems(path) == [
        f"{path}: changes[0] set twinning[id=twin-9].visits: 没有 id 为“twin-9”的记录"
    ]
    remove = write_variant(tmp_path, [{"remove": {"from": "organisations", "ids": ["e01", "zz"]}}])
    assert problems(remove) == [f"{remove}: changes[0] remove organisations: 没有 id 为“zz”的记录"]
    close = write_variant(tmp_path, [{"close": {"centre": "centre-3", "start": "2026-07-01"}}])
    assert problems(close) == [f"{close}: changes[0] close centre-3: 没有 id 为“centre-3”的记录"]


def test_a_bad_path_is_named(tmp_path: Path) -> None:
    typo = write_variant(tmp_path, [{"set": {"twinning[*].visitz": 2}}])
    assert problems(typo) == [
        f"{typo}: changes[0] set twinning[*].visitz: “visitz”不是场景的字段（请检查拼写）"
    ]
    assert problems(typo, "en") == [
        f"{typo}: changes[0] set twinning[*].visitz: “visitz” is not a field of the scenario "
        "(check the spelling)"
    ]
    broken = write_variant(tmp_path, [{"set": {"twinning[id=": 2}}])
    assert "不是有效的字段路径：twinning[id=" in problems(broken)[0]
    not_list = write_variant(tmp_path, [{"set": {"meta[*].name": "x"}}])
    assert problems(not_list)[0].endswith("“meta”不是记录列表：不能用 [...] 选择记录，"
                                          "也不能增删记录")
    weight = write_variant(tmp_path, [{"weights": {"travl": 0}}])
    assert problems(weight) == [
        f"{weight}: changes[0] weights travl: “travl”不是场景的字段（请检查拼写）"
    ]


def test_a_bad_value_is_named_where_it_lands(tmp_path: Path) -> None:
    path = write_variant(tmp_path, [{"set": {"twinning[id=twin-2].visits": "很多"}},
                                    {"set": {"organisations[id=e01].members": -1}}])  # fmt: skip
    assert sorted(problems(path)) == [
        f"{path}: changes[0] set twinning[id=twin-2].visits → twinning[1].visits: "
        "必须是整数，实际为 '很多'",
        # The base's record came from its table: the row and column are named.
        f"{path}: changes[1] set organisations[id=e01].members → "
        f"{PARK.parent / 'orgs.csv'} row 2 column members: 不能小于 0，实际为 -1",
    ]
    limit = write_variant(tmp_path, [{"set": {"twinning[*].visits": 1000}}])
    said = problems(limit)
    assert len(said) == 3 and all("每季度的互访次数不能超过 66" in s for s in said)


def test_what_a_removal_leaves_behind_is_named(tmp_path: Path) -> None:
    path = write_variant(tmp_path, [{"remove": {"from": "organisations", "ids": ["e28"]}}])
    assert problems(path) == [
        f"{path}: changes[0] remove organisations → twinning[1].helpers[0]: 引用了不存在的单位“e28”"
    ]


def test_the_file_itself_is_checked(tmp_path: Path) -> None:
    kinds = write_variant(tmp_path, [{"rename": {"a": "b"}}, "twice", {"set": 2}])
    assert problems(kinds) == [
        f"{kinds}: changes[0]: 每项修改须是 set、add、remove、close 或 weights 之一，"
        "实际为 {'rename': {'a': 'b'}}",
        f"{kinds}: changes[1]: 每项修改须是 set、add、remove、close 或 weights 之一，实际为 twice",
        f"{kinds}: changes[2].set: set 后应是“字段路径: 值”的映射，如 twinning[*].visits: 2",
    ]
    missing = write_variant(tmp_path, [], base=str(tmp_path / "nowhere.yaml"), name=None)
    said = problems(missing)
    assert f"{missing}: name: 必须是文本，实际为 None" in said
    assert f"{missing}: base: 找不到基准场景 {tmp_path / 'nowhere.yaml'}" in said
    both = write_variant(tmp_path, [{"add": {"to": "organisations"}}])
    assert problems(both) == [
        f"{both}: changes[0].add: add 须给出 records（记录列表）或 table（表格文件）二者之一"
    ]
    meta = write_variant(tmp_path, [{"set": {"meta.id": "another-body"}}])
    assert problems(meta) == [
        f"{meta}: changes[0] set meta.id: 情景不能修改 meta.id（应与基准场景相同：“hjk-park”），"
        "否则日历 UID 无法与基准比较"
    ]


def test_the_cli_refuses_a_bad_variant_before_planning_anything(tmp_path: Path) -> None:
    bad = write_variant(tmp_path, [{"set": {"twinning[id=twin-9].visits": 2}}])
    other = write_variant(tmp_path, [], file="other.yaml", base=str(TINY))
    result = CliRunner().invoke(main, ["whatif", str(PARK), str(bad), str(other)])
    assert result.exit_code == 2
    assert "场景有 2 处错误" in result.output and "排期" not in result.output
    said = result.output
    assert f"{bad}: changes[0] set twinning[id=twin-9].visits: 没有 id 为“twin-9”的记录" in said
    assert f"{other}: base: 该情景的基准是 {TINY}，不是本次比较的基准 {PARK}" in said


# ---- each kind of change -------------------------------------------------------------------


@pytest.fixture(scope="module")
def park_raw() -> Any:
    return read_raw(PARK)


def test_set_by_id_and_for_every_record(park_raw: Any) -> None:
    one = apply_changes(park_raw, [Set(path="twinning[id=twin-1].visits", value=2)])
    assert [t.visits for t in one.twinning] == [2, 1, 1]
    every = apply_changes(park_raw, [Set(path="twinning[*].visits", value=2),
                                     Set(path="visiting.peak", value=3),
                                     Set(path="centres[id=station].rooms[id=C].capacity",
                                         value=25)])  # fmt: skip
    assert [t.visits for t in every.twinning] == [2, 2, 2]
    assert every.visiting.peak == 3.0  # a record the base leaves out (a default) is made
    assert every.centres[0].rooms[2].capacity == 25
    assert park_raw.data["twinning"][0].get("visits") == 1  # the base is never touched


def test_add_records_inline_and_from_a_table(park_raw: Any, tmp_path: Path) -> None:
    new = {"id": "e31", "name": "武汉新材科技有限公司", "kind": "企业", "groups": ["hjk-park"],
           "members": 8, "secretary": {"name": "周新"}}  # fmt: skip
    inline = apply_changes(park_raw, [Add(to="organisations", records=[new])])
    assert [o.id for o in inline.organisations][-1] == "e31"
    table = tmp_path / "新成员.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", "kind", "groups", "members", "secretary.name"])
        for i in range(31, 41):  # ten enterprises join the park
            out.writerow([f"e{i}", f"新入园企业{i}", "企业", "hjk-park", 5, f"书记{i}"])
    joined = apply_changes(park_raw, [Add(to="organisations", table=table.name)],
                           source=str(tmp_path / "v.yaml"), folder=tmp_path)  # fmt: skip
    assert len(joined.organisations) == len(inline.organisations) + 9
    assert joined.org("e40").secretary.name == "书记40"
    table.write_text("id,name,members\ne41,x,很多\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        apply_changes(park_raw, [Add(to="organisations", table=table.name)],
                      source="v.yaml", folder=tmp_path)  # fmt: skip
    where = f"changes[0] add organisations ← 新成员.csv → {table} row 2 column members"
    assert [p.path for p in info.value.problems if p.code == "int_parsing"] == [where]


def test_remove_takes_the_records_history_with_it(park_raw: Any) -> None:
    gone = apply_changes(park_raw, [Remove(from_="twinning", ids=["twin-3"]),
                                    Remove(from_="series", ids=["volunteer"])])  # fmt: skip
    assert [t.id for t in gone.twinning] == ["twin-1", "twin-2"]
    assert {v.pair for v in gone.history.visits} == {"twin-1", "twin-2"}
    assert "volunteer" not in {h.series for h in gone.history.hosts}


def test_close_and_weights(park_raw: Any) -> None:
    closed = apply_changes(park_raw, [
        Close(centre="station", start=date(2026, 7, 1), end=date(2026, 9, 30), reason="装修"),
        Close(centre="station", rooms=["A", "B"], start=date(2026, 10, 8)),
        Reweight(weights={"travel": 0, "fairness": 20}),
    ])  # fmt: skip
    added = closed.centres[0].closures[-2:]
    assert (added[0].start, added[0].end, added[0].rooms, added[0].reason) == (
        date(2026, 7, 1), date(2026, 9, 30), [], "装修")
    assert (added[1].start, added[1].end, added[1].rooms) == (
        date(2026, 10, 8), date(2026, 10, 8), ["A", "B"])
    assert (closed.weights.travel, closed.weights.fairness) == (0, 20)  # type: ignore[attr-defined]


def test_a_variant_keeps_the_base_id_and_says_its_name(park_raw: Any) -> None:
    variant = load_variant(VARIANTS[1])
    assert variant.base.resolve() == PARK and len(variant.changes) == 1
    scenario = apply(park_raw, variant)
    assert scenario.meta.id == "hjk-park"
    assert scenario.meta.name == ("黄金口都市工业园联合党委 2026 年活动计划"
                                  "（情景：结对每季度互访两次）")
    assert scenario.source == str(VARIANTS[1])
    # A validated scenario is as good a base as its data: the same result.
    assert apply(load_scenario(PARK), variant).model_dump() == scenario.model_dump()


# ---- the comparison ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compared() -> Comparison:
    return compare_variants(PARK, VARIANTS, SolveOptions(work_limit=WORK))


@pytest.fixture(scope="module")
def cli_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("whatif") / "比较"
    args = ["whatif", str(PARK), *map(str, VARIANTS), "-o", str(out), "--work", str(WORK)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_the_cli_prints_the_comparison_and_writes_every_plan(cli_out: tuple[Path, str]) -> None:
    out, said = cli_out
    for words in ("情景比较：黄金口都市工业园联合党委 2026 年活动计划", "基准",
                  "工作站七月闭站装修", "结对每季度互访两次", "[travel]",
                  "承办差距（黄金口都市工业园联合党委）",
                  "场地使用率（黄金口都市工业园党建工作站）", "较基准变动的事件"):  # fmt: skip
        assert words in said
    assert f"已写入 {out}" in said
    assert {p.name for p in out.iterdir()} == {
        "base", "station-closed-july", "visits-twice", "site", "comparison.csv",
        "comparison.xlsx"}  # fmt: skip
    page = Page(out / "site" / "index.html")
    links = [h for h in page.hrefs() if h.startswith("../")]
    assert links[:3] == ["../base/site/index.html", "../station-closed-july/site/index.html",
                         "../visits-twice/site/index.html"]  # fmt: skip
    for href in page.hrefs():
        assert (out / "site" / unquote(href)).resolve().is_file(), href
    rows = list(csv.reader((out / "comparison.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows] == ["情景", "基准", "工作站七月闭站装修", "结对每季度互访两次"]
    twice = dict(zip(rows[0], rows[3], strict=True))
    assert (twice["已排互访"], twice["应排互访"]) == ("24", "24")


def test_the_same_inputs_give_the_same_bytes(
    cli_out: tuple[Path, str], compared: Comparison, tmp_path: Path
) -> None:
    """The API with the CLI's options writes the CLI's files, byte for byte."""
    out, _ = cli_out
    again = write_comparison(compared, tmp_path / "again")
    assert files_under(again) == files_under(out)


def test_soft_terms_are_the_checkers_measures(compared: Comparison) -> None:
    frame = compared.frame
    assert list(frame["variant"]) == ["基准", "工作站七月闭站装修", "结对每季度互访两次"]
    for i, o in enumerate(compared.outcomes):
        assert o.plan.has_schedule and o.violations == ()
        row = frame.iloc[i]
        assert {k: int(row[k]) for k in SOFT} == measured(o.problem, o.plan), o.name
    assert list(frame["visits_required"]) == [12, 12, 24]
    assert frame["changed"].isna().tolist() == [True, False, False]
    assert int(frame.loc[2, "changed:added"]) == 12  # the second visit of every pair, every quarter
    hosting = compared.tables("visits-twice")
    assert set(hosting) == {"occurrences", "terms", "visits"} and len(hosting["visits"]) == 24


def test_a_variant_without_a_plan_is_a_row_saying_why(tmp_path: Path) -> None:
    """Built in code, as a sweep does: the tiny park's station closed the whole quarter."""
    closed = Variant("全季闭站", tmp_path / "全季闭站.yaml", TINY, (
        Close(centre="station", start=date(2026, 4, 1), end=date(2026, 6, 30), reason="装修"),
    ))  # fmt: skip
    done = compare_variants(TINY, [closed], SolveOptions(work_limit=WORK))
    row = done.frame.iloc[1]
    assert row["status"] == "infeasible" and row["folder"] == "全季闭站"
    assert row["explanation"].startswith("不存在可行方案：以下 1 项活动无法同时安排。 ")
    assert "会议室A" in row["explanation"]  # and what stands in the way
    assert row[["objective", "fairness", "changed"]].isna().all()
    out = write_comparison(done, tmp_path / "out")
    text = "".join(Page(out / "site" / "index.html").text)
    assert "无可行方案" in text and "不存在可行方案" in text
    assert (out / "全季闭站" / "site" / "index.html").is_file()


def test_stable_variants_change_only_what_they_must(tmp_path: Path) -> None:
    """--stable: a variant is a re-plan of the base plan; its replan terms count the changes."""
    shut = Variant("A 室停用一周", tmp_path / "a.yaml", TINY, (
        Close(centre="station", rooms=["A"], start=date(2026, 4, 20), end=date(2026, 4, 30)),
    ))  # fmt: skip
    done = compare_variants(TINY, [shut], SolveOptions(work_limit=WORK), stable=True)
    assert done.stable
    o = done.variants[0]
    assert o.plan.has_schedule and o.violations == ()
    row = done.frame.iloc[1]
    assert {k: int(row[k]) for k in SOFT} == measured(o.problem, o.plan)
    assert 0 < int(row["changed"]) <= 3  # the April theme day, and its term, at most
    assert int(row["moved"]) + int(row["rehosted"]) + int(row["reroomed"]) > 0
    page = render_page(done)
    assert "按重排求解" in page


def test_names_stay_text_in_every_output(tmp_path: Path) -> None:
    """A variant name is user text: never a formula in the tables, never markup on the page."""
    evil = '=HYPERLINK("http://x","y")<b>'
    v = Variant(evil, tmp_path / "evil.yaml", TINY, (Reweight(weights={"travel": 0}),))
    done = compare_variants(TINY, [v], SolveOptions(work_limit=WORK))
    out = write_comparison(done, tmp_path / "out")
    rows = list(csv.reader((out / "comparison.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[2][0] == "'" + evil
    html = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "<b>" not in html and "&lt;b&gt;" in html
    from openpyxl import load_workbook

    sheet = load_workbook(out / "comparison.xlsx").worksheets[0]
    assert sheet["A3"].value == evil and sheet["A3"].data_type == "s"


def test_the_page_loads_in_chromium_without_errors_or_requests(cli_out: tuple[Path, str]) -> None:
    chromium_ready()
    out, _ = cli_out
    TEST_OUTPUT.mkdir(exist_ok=True)
    index = out / "site" / "index.html"
    variant = out / "visits-twice" / "site" / "index.html"
    shot = TEST_OUTPUT / "whatif-compare.png"
    shot.unlink(missing_ok=True)
    job = {"pages": [str(index), str(variant)], "screenshots": {str(index): str(shot)},
           "chromium": CHROMIUM}  # fmt: skip
    import json

    report = run_node("site_check.mjs", json.dumps(job))
    for page in report:
        assert page["ok"] is True and page["scripts"] == 0, page["path"]
        assert page["console"] == [] and page["pageErrors"] == [], page
        assert page["requests"] == [Path(page["path"]).as_uri()], page["path"]
    compare = report[0]
    assert compare["lang"] == "zh-CN" and compare["h1"].startswith("情景比较")
    kinds = [c["kind"] for c in compare["charts"]]
    # objective, the non-zero terms, spread, room use, events changed
    assert kinds == ["bars"] * len(kinds) and len(kinds) >= 5
    for chart in compare["charts"]:
        assert chart["texts"] >= 3 and chart["shapes"] >= 3 and chart["width"] > 100
    assert "结对每季度互访两次" in compare["bodyText"]
    assert shot.stat().st_size > 10_000


# ---- README ----------------------------------------------------------------------------------


def test_readme_whatif_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What-if / 情景比较", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    code = code.replace('"scenarios/', f'"{ROOT}/scenarios/')
    code = code.replace("work_limit=30", "work_limit=5")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "out/whatif/site/index.html").is_file()


def test_a_variant_plan_is_not_published(
    cli_out: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A variant keeps the base's meta.id: published, it would become the park's version."""
    out, _ = cli_out
    monkeypatch.setenv("ROTASCHED_DB", str(tmp_path / "台账.sqlite"))
    result = CliRunner().invoke(main, ["publish", str(out / "visits-twice")])
    assert result.exit_code == 2 and "是情景方案（what-if），不发布" in result.output
    assert not (tmp_path / "台账.sqlite").exists()
    base = CliRunner().invoke(main, ["publish", str(out / "base")])
    assert base.exit_code == 0, base.output  # the base itself is a scenario: it may be
