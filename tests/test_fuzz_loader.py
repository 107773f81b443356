"""Whatever a file holds, the loader answers with a scenario or a ScenarioError, never a crash.

Fed: arbitrary text and bytes, YAML-looking text, random nested structures, and mutations of
the tiny scenario (keys dropped, values replaced by random things, unknown keys, table references
to good, missing and broken files). The number of examples comes from the Hypothesis profile
(conftest.py: 200 by default, 1000 under HYPOTHESIS_PROFILE=ci).
"""

from __future__ import annotations

import copy
import shutil
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rotasched import ScenarioError, build_calendar, load_scenario

TINY = Path(__file__).resolve().parent.parent / "scenarios" / "tiny"
TINY_RAW: dict[str, Any] = yaml.safe_load((TINY / "tiny.yaml").read_text(encoding="utf-8"))

FUZZ = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)

# Words the format knows, so that random structures often reach deep validation.
KEYS = sorted(
    {
        "meta", "calendar", "groups", "organisations", "centres", "series", "twinning",
        "history", "travel", "weights", "name", "id", "start", "end", "locale", "timezone",
        "provisional", "years", "holidays", "workdays", "closures", "secretary", "members",
        "orgs", "rooms", "capacity", "equipment", "blackout", "weekdays", "room",
        "cadence", "day", "duration", "participants", "hosts", "attendance", "helpers",
        "helped", "form", "visits", "per", "from", "to", "minutes", "file", "sheet", "kind",
        "strong_weak", "strong", "weak", "own_room", "open_days", "hours", "location", "lat",
    }
)
WORDS = [
    "orgs.csv", "missing.csv", "broken.xlsx", "tables.xlsx", "2026-04-01", "2026-04-01..2026-03-01",
    "2026-02-30", "mon;tue", "周一、周五", "14:30", "25:61", "2h", "1h30m", "0", "-1", "monthly",
    "every-2-weeks", "every-0-weeks", "last-fri", "day-31", "day-0", "主题党日", "园区", "park",
    "xc", "taoyuan", "station", "A", "pair-1", "theme-day", "one_to_one", "many_to_one", "both",
    "08:30-17:30", "17:30-08:30", "Asia/Shanghai", "Asia/Beijing", "", " ", "a/b", "~", "null",
    "true", "zh", "en", "quarter", "次", "星辰 科技", "\x00", "\u2028",
]

dates = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)),
    st.sampled_from([date.min, date.max, date(2027, 1, 1), date(2026, 12, 31)]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-3, max_value=2000),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(WORDS),
    dates,
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31)),
    st.times().map(lambda t: t.strftime("%H:%M")),  # YAML has no time type
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=8), st.integers(-2, 2030))
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=5),
    ),
    max_leaves=25,
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the tiny scenario's table, a broken workbook and a good one."""
    from openpyxl import Workbook

    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(TINY / "orgs.csv", folder / "orgs.csv")
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "名单"
    sheet.append(["id", "name", "secretary.name", "members", "blackout"])
    sheet.append(["xc", "星辰科技", "王建国", 18, date(2026, 5, 1)])
    sheet.append([1001, "华远光电", None, "很多", "2026-05-10..2026-05-01"])
    book.save(folder / "tables.xlsx")
    return folder


def load_or_explain(path: Path) -> list[str]:
    """Must succeed or raise ScenarioError; a calendar, if the horizon is short, likewise.

    Returns the problem codes ([] when it loaded).
    """
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        assert exc.problems
        for problem in exc.problems:  # every problem can be said in both languages
            assert problem.render("zh") and problem.render("en")
        return exc.codes()
    if (scenario.meta.end - scenario.meta.start).days <= 3 * 366:
        try:
            build_calendar(scenario)
        except ScenarioError as exc:
            assert exc.problems
    return []


def check(path: Path) -> None:
    """load_or_explain inside a Hypothesis test, counting outcomes for the statistics."""
    codes = load_or_explain(path)
    event(f"rejected: {codes[0]}" if codes else "loaded")  # see --hypothesis-show-statistics


def write(folder: Path, text: str) -> Path:
    path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- text -------------------------------------------------------------------------------------

yamlish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "meta:", "organisations:", "  - ", "    ", ": ", "- ", "{", "}", "[", "]", ",",
                "&a ", "*a", "!!python/object:os.system ", "!!binary ", "!!set ", "!!timestamp ",
                "? ", "|", ">", "'", '"', "#", "\n", "\t", "---\n", "...\n", "%YAML 1.1\n",
                "<<: *a", "name: 园区\n", "start: 2026-04-01\n", "end: 2026-13-45\n",
                "organisations: orgs.csv\n", "id: xc\n", "secretary: {name: 王建国}\n",
            ]
        ),
        st.sampled_from(WORDS),
        st.text(max_size=6),
    ),
    max_size=30,
).map("".join)


@FUZZ
@given(content=st.one_of(st.text(), yamlish, st.binary(max_size=200)))
def test_any_text_or_bytes(workdir: Path, content: str | bytes) -> None:
    path = workdir / "fuzz.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    check(path)


# --- structures -------------------------------------------------------------------------------

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml only makes the test faster


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


@FUZZ
@given(data=st.one_of(values, st.dictionaries(st.sampled_from(KEYS), values, max_size=6)))
def test_any_structure(workdir: Path, data: Any) -> None:
    """Random nesting, half the time as a mapping of the format's own section names."""
    check(write(workdir, dump(data)))


# --- mutations of the tiny scenario -------------------------------------------------------------


def _places(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a nested structure (the root is ())."""
    found = [at]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _places(child, (*at, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            found += _places(child, (*at, i))
    return found


def _parent(root: Any, at: tuple[Any, ...]) -> Any:
    node = root
    for part in at[:-1]:
        node = node[part]
    return node


table_refs = st.sampled_from(
    [
        "orgs.csv",
        "missing.csv",
        "broken.xlsx",
        "tables.xlsx",
        "old.xls",
        {"file": "tables.xlsx", "sheet": "名单"},
        {"file": "tables.xlsx", "sheet": "没有"},
        {"file": "orgs.csv", "sheet": None},
        {"file": 3},
    ]
)


@FUZZ
@given(data=st.data())
def test_mutated_tiny_scenario(workdir: Path, data: st.DataObject) -> None:
    scenario = copy.deepcopy(TINY_RAW)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        places = _places(scenario)[1:]
        at = data.draw(st.sampled_from(places), label="at")
        parent = _parent(scenario, at)
        op = data.draw(st.sampled_from(["drop", "replace", "table", "unknown", "swap"]))
        if op == "drop":
            del parent[at[-1]]
        elif op == "replace":
            parent[at[-1]] = data.draw(values, label="value")
        elif op == "table":
            # A copy: sampled_from hands out the same dict each time, and later mutations
            # must not change the strategy itself.
            parent[at[-1]] = copy.deepcopy(data.draw(table_refs, label="table"))
        elif op == "unknown" and isinstance(parent[at[-1]], dict):
            parent[at[-1]][data.draw(keys, label="key")] = data.draw(scalars, label="value")
        elif op == "swap":  # the same value somewhere else: types are right, meanings wrong
            other = data.draw(st.sampled_from(places), label="other")
            parent[at[-1]] = copy.deepcopy(_value(scenario, other))
    check(write(workdir, dump(scenario)))


def _value(root: Any, at: tuple[Any, ...]) -> Any:
    node = root
    for part in at:
        node = node[part]
    return node


def test_unmutated_tiny_scenario_loads(workdir: Path) -> None:
    """Guards the mutation test: its starting point is valid, so mutations test something."""
    path = write(workdir, dump(TINY_RAW))
    scenario = load_scenario(path)
    assert len(scenario.organisations) == 6
    build_calendar(scenario)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: &a [*a]\nmeta: *a\n", "model_type"),  # a recursive alias
        ("meta: !!binary aGVsbG8=\n", "model_type"),
        ("organisations: !!set {a, b}\n", "model_type"),  # items a and b are no records
        ("meta: !!timestamp\n", "yaml_syntax"),  # PyYAML raises AttributeError inside
        ("meta: {start: 2026-02-30}\n", "yaml_syntax"),  # PyYAML raises ValueError inside
        ("? [a, b]\n: 1\n", "yaml_syntax"),  # an unhashable key
        (
            "meta: {name: x, start: 2026-04-01 10:00:00+08:00, end: 2026-05-01}\n"
            "organisations: [{id: a, name: b, secretary: {name: c}}]\n",
            "date_from_datetime_inexact",
        ),
        (
            "meta: {name: 园区, start: 0001-01-01, end: 9999-12-31}\n"
            "organisations: [{id: a, name: b, secretary: {name: c}, weekdays: []}]\n"
            "series: [{id: s, name: s, cadence: monthly, start: 540, duration: 60,"
            " participants: {orgs: [a]}}]\n",
            "year_out_of_range",
        ),
        (
            "meta: {name: 园区, start: 2026-01-01, end: 2030-12-31}\n"  # five years: the longest
            "calendar: {provisional: true}\n"
            "organisations: [{id: a, name: b, secretary: {name: c}, weekdays: []}]\n"
            "series: [{id: s, name: s, cadence: monthly, start: 540, duration: 60,"
            " participants: {orgs: [a]}}]\n",
            "pool_empty",
        ),
        ("centres: [{id: c, name: c, rooms: [{id: r, capacity: 1}], hours: '8:00-24:00'}]\n",
         "bad_hours"),
        ("calendar: {years: {二〇二七: {}}}\n", "int_parsing"),
        ("organisations: {file: orgs.csv, sheet: [x]}\n", "list_type"),  # no table reference
    ],
)
def test_known_awkward_inputs(workdir: Path, text: str, code: str) -> None:
    assert code in load_or_explain(write(workdir, text))


def test_times_are_accepted_where_yaml_reads_them_as_minutes(workdir: Path) -> None:
    scenario = copy.deepcopy(TINY_RAW)
    scenario["series"][0]["start"] = 870  # what PyYAML makes of an unquoted 14:30
    loaded = load_scenario(write(workdir, dump(scenario)))
    assert loaded.series[0].start == time(14, 30)
