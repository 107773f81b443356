"""Whatever a file holds, the loader answers with a scenario or a ScenarioError, never a crash;
and whatever loads is prepared for the planner, or refused with a ScenarioError, within a small
budget of time and memory.

Fed: arbitrary text and bytes, YAML-looking text, random nested structures, mutations of the
tiny scenario (keys dropped, values replaced by random things, unknown keys, table references
to good, missing and broken files), and the tiny scenario with extreme values (huge, zero and
negative numbers, far dates, long spans, long horizons, huge lists). Each test runs
FUZZ_SHARE times the Hypothesis profile's examples (conftest.py): 4 x 2,500 = 10,000 under
HYPOTHESIS_PROFILE=ci, 4 x 500 by default.
"""

from __future__ import annotations

import copy
import resource
import shutil
import signal
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from rotasched import ScenarioError, build_calendar, load_scenario
from rotasched.problem import prepare
from rotasched.scenario.limits import FIRST_OFFICIAL_YEAR, LAST_PROVISIONAL_YEAR

TINY = Path(__file__).resolve().parent.parent / "scenarios" / "tiny"
TINY_RAW: dict[str, Any] = yaml.safe_load((TINY / "tiny.yaml").read_text(encoding="utf-8"))

FUZZ_SHARE = 2.5
FUZZ = settings(
    max_examples=round(FUZZ_SHARE * settings.default.max_examples),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
    # Not the explain phase: it traces every line, which would blow the time budget it checks.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)
# What one example may cost, to validate and again to prepare. The tiny scenario takes about
# 10 ms and 2 MB; a billion visits used to take 48 s and every byte of memory there was.
SECONDS = 2.0
BYTES = 200 * 2**20

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


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """The first provisional calendar imports the holidays package: a cost paid once per
    process, which is no example's."""
    import holidays

    holidays.country_holidays("CN", years=2030)


@pytest.fixture(scope="module", autouse=True)
def memory_ceiling() -> Iterator[None]:
    """A runaway example fails with MemoryError instead of taking the machine's memory with it:
    while these tests run, the process's address space may grow by 2 GiB at most."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    resource.setrlimit(resource.RLIMIT_AS, (pages * resource.getpagesize() + 2 * 2**30, hard))
    yield
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux gives KiB


class OverBudget(BaseException):
    """Raised by the CPU timer inside the code under test: not an Exception, so that no
    `except Exception` there can turn it into a ScenarioError."""


def _interrupt(signum: int, frame: Any) -> None:
    raise OverBudget


def within_budget(step: str, work: Any, *args: Any) -> Any:
    """work(*args), failing the test if it takes SECONDS or raises the peak memory by BYTES.

    Time is this process's CPU time, so other jobs on a busy machine do not count against it;
    a timer stops the work when it is spent, so a runaway fails at once (and again every
    tenth of a second, should a callback swallow the first). Memory is the growth of the
    process's peak resident size, which costs nothing to read; tracemalloc would measure more
    exactly but slows pure-Python YAML parsing five-fold.
    """
    peak = _peak()
    previous = signal.signal(signal.SIGPROF, _interrupt)
    signal.setitimer(signal.ITIMER_PROF, SECONDS, 0.1)
    stopped = False
    try:
        try:
            result = work(*args)
        finally:  # first of all, so that no later tick lands outside the `except` below
            signal.setitimer(signal.ITIMER_PROF, 0)
    except OverBudget:
        stopped = True  # failed below, outside this block: its frames, all they hold, are freed
    finally:
        signal.signal(signal.SIGPROF, previous)
    assert not stopped, f"{step} took more than {SECONDS} s"
    grown = _peak() - peak
    assert grown < BYTES, f"{step} raised the peak memory by {grown / 2**20:.0f} MB"
    return result


def validate(path: Path) -> Any:
    """What `rotasched validate` does: load the scenario and build its calendar."""
    scenario = load_scenario(path)
    return scenario, build_calendar(scenario)


def load_or_explain(path: Path) -> list[str]:
    """Validate, then prepare what validates: each step answers or raises ScenarioError,
    within the budget. Returns the problem codes ([] when it was prepared)."""
    try:
        scenario, calendar = within_budget("validate", validate, path)
        problem = within_budget("prepare", prepare, scenario, calendar)
    except ScenarioError as exc:
        assert exc.problems
        for problem in exc.problems:  # every problem can be said in both languages
            assert problem.render("zh") and problem.render("en")
        return exc.codes()
    assert problem.start == scenario.meta.start
    return []


def check(path: Path) -> None:
    """load_or_explain inside a Hypothesis test, counting outcomes for the statistics."""
    codes = load_or_explain(path)
    event(f"rejected: {codes[0]}" if codes else "prepared")  # see --hypothesis-show-statistics


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


# --- the tiny scenario with extreme values ------------------------------------------------------

# Each bound (rotasched.scenario.limits), a step either side of it, and far beyond.
EDGES = [0, 1, 4, 5, 7, 8, 22, 23, 31, 32, 52, 53, 1439, 1440, 1441, 1827, 1828, 100_000, 100_001]
HUGE = [-1, -(10**9), 10**9, 2**31, 2**63, 10**30]
FAR = [
    date.min, date(1677, 12, 31), date(1678, 1, 1), date(2003, 12, 31), date(2004, 1, 1),
    date(2100, 12, 31), date(2101, 1, 1), date(2261, 12, 31), date(2262, 1, 1), date.max,
]
WRITTEN = [
    "every-0-weeks", "every-52-weeks", "every-53-weeks", "every-99999999999999999999-weeks",
    "day-31", "last-workday", "23:59", "00:00", "24h", "1440", "1441", "99999999h", "1h1m",
    {"kind": "fixed", "n": 0}, {"kind": "nth", "weekday": 9}, {"kind": "nth", "n": -3},
    {"kind": "nth_workday", "n": 4}, {"kind": "weeks", "weeks": -1}, {"kind": "weeks"},
    {"kind": "weeks", "weeks": 10**9}, {"kind": "dates", "dates": [date.max, date.min]},
]
numbers = st.one_of(st.sampled_from(EDGES), st.sampled_from(HUGE), st.integers())
# Half of them dates a horizon may hold, so that far but valid values reach prepare too.
far_dates = st.one_of(st.sampled_from(FAR), st.dates(date(1678, 1, 1), date(2261, 12, 31)))
# Without a supplied calendar: chinesecalendar's years, then provisional ones.
PLANNABLE = st.dates(date(FIRST_OFFICIAL_YEAR, 1, 1), date(LAST_PROVISIONAL_YEAR, 12, 31))


def _later(day: date, days: int) -> date:
    return day + timedelta(days=days) if days <= (date.max - day).days else date.max


spans = st.one_of(
    st.just({"start": date.min, "end": date.max}),
    st.tuples(far_dates, far_dates).map(lambda ab: f"{ab[0]}..{ab[1]}"),
    st.builds(
        lambda a, n: {"start": a, "end": _later(a, n), "reason": "装修"},
        far_dates,
        st.sampled_from([0, 365, 1825, 1826, 1827, 36_500, 10**6]),
    ),
)
written = st.sampled_from(WRITTEN)
extremes = st.one_of(numbers, far_dates, spans, written)
# Every bounded field of the format that the tiny scenario holds or may hold, with what to
# put there: a random leaf would seldom be one of them.
AIMS = [
    *[
        (at, numbers)
        for at in [
            ("twinning", 0, "visits"), ("twinning", 0, "min_gap_days"),
            ("twinning", 0, "delegation"), ("twinning", 0, "duration"),
            ("series", 0, "attendance"), ("series", 1, "delegates_per_org"),
            ("series", 0, "duration"), ("series", 0, "room", "capacity"),
            ("centres", 0, "rooms", 0, "capacity"), ("weights", "travel"),
        ]
    ],
    *[
        (at, written)
        for at in [
            ("series", 0, "cadence"), ("series", 1, "cadence"), ("series", 0, "day"),
            ("series", 1, "day"), ("series", 0, "duration"), ("twinning", 0, "duration"),
        ]
    ],
    (("centres", 0, "closures", 0), spans),
    (("calendar", "closures"), st.lists(spans, max_size=3)),
    (("calendar", "years"), st.dictionaries(st.sampled_from([*EDGES, *HUGE, 2262]), st.just({}))),
    (("history", "visits", 0, "date"), far_dates),
]


@FUZZ
@given(data=st.data())
def test_extreme_values_in_the_tiny_scenario(workdir: Path, data: st.DataObject) -> None:
    """Right types, absurd sizes: each is refused with a reason or prepared within budget."""
    scenario = copy.deepcopy(TINY_RAW)
    scenario["calendar"] = {"provisional": data.draw(st.booleans(), label="provisional")}
    grown = False  # one list grown per example: grown inside a grown one, they would multiply
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        ops = ["aim", "value", "horizon", "grow", "dates"]
        op = data.draw(st.sampled_from(ops), label="op")
        if op == "aim":  # a bounded field
            at, values = data.draw(st.sampled_from(AIMS), label="at")
            parent = _parent_or_none(scenario, at)
            if parent is not None:
                parent[at[-1]] = copy.deepcopy(data.draw(values, label="value"))
        elif op == "value":  # a value where one was, keeping the structure around it
            leaves = [at for at in _places(scenario)[1:] if _is_leaf(_value(scenario, at))]
            at = data.draw(st.sampled_from(leaves), label="at")
            # A copy: sampled_from and just hand out the same dict each time, and a later
            # mutation inside it would change the strategy (or make a cycle).
            _parent(scenario, at)[at[-1]] = copy.deepcopy(data.draw(extremes, label="value"))
        elif op == "horizon" and isinstance(scenario.get("meta"), dict):
            start = data.draw(st.one_of(far_dates, PLANNABLE), label="start")
            days = data.draw(st.sampled_from([0, 90, 366, 1826, 1827, 3653, 10**6]), label="days")
            scenario["meta"].update(start=start, end=_later(start, days))
        elif op == "grow" and not grown:  # a list grown to many copies of its items
            grown = True
            lists = [at for at in _places(scenario)[1:] if isinstance(_value(scenario, at), list)]
            at = data.draw(st.sampled_from(lists), label="list")
            items = _value(scenario, at) or [copy.deepcopy(data.draw(extremes, label="item"))]
            # Records to a hundred, values to thousands: the YAML parser (pure Python) takes a
            # second for some 10,000 lines, which is the file's size and not the values' cost.
            # Each copy its own object: shared ones would be written as YAML aliases.
            sizes = [10, 100] if any(isinstance(i, dict) for i in items) else [1000, 5000]
            size = data.draw(st.sampled_from(sizes), label="size")
            grown_list = [copy.deepcopy(items[k % len(items)]) for k in range(size)]
            _parent(scenario, at)[at[-1]] = grown_list
        elif op == "dates" and _records(scenario, "series"):  # possibly many and far
            series = data.draw(st.sampled_from(_records(scenario, "series")), label="series")
            meta = scenario.get("meta")
            start, end = (meta.get("start"), meta.get("end")) if isinstance(meta, dict) else (0, 0)
            ordered = all(type(d) is date for d in (start, end)) and start <= end
            near = st.dates(start, end) if ordered else far_dates  # within the horizon
            days = st.lists(st.one_of(near, far_dates), max_size=400, unique=True)
            series["cadence"] = data.draw(days, label="dates")
    check(write(workdir, dump(scenario)))


def _parent_or_none(root: Any, at: tuple[Any, ...]) -> Any:
    """The mapping or list that holds `at` (sections made where missing), or None if an earlier
    mutation took it away."""
    node = root
    for part in at[:-1]:
        if isinstance(node, dict):
            node = node.setdefault(part, {})
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    if isinstance(node, list) and isinstance(at[-1], int):
        return node if at[-1] < len(node) else None
    return node if isinstance(node, dict) else None


def _is_leaf(value: Any) -> bool:
    """A value, or a list of values (weekdays, equipment, dates)."""
    if isinstance(value, list):
        return all(_is_leaf(v) and not isinstance(v, list) for v in value)
    return not isinstance(value, dict)


def _records(scenario: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """The records of a section that are still mappings after earlier mutations."""
    found = scenario.get(section)
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


@pytest.mark.parametrize(
    ("at", "value", "code"),
    [
        (("twinning", 0, "visits"), 10**9, "visits_over_weekdays"),
        (("meta", "end"), date.max, "horizon_too_long"),
        (("series", 0, "cadence"), {"kind": "weeks", "weeks": 0}, "bad_weeks"),
        (("series", 0, "day"), {"kind": "nth", "n": -3, "weekday": 5}, "bad_ordinal"),
        (("centres", 0, "closures", 0), "0001-01-01..9999-12-31", "span_too_long"),
        (("twinning", 0, "min_gap_days"), 10**15, "gap_too_long"),
        (("series", 1, "start"), "23:00", "ends_next_day"),
    ],
    ids=["visits", "horizon", "weeks", "day", "span", "gap", "midnight"],
)
def test_reported_values_are_refused_within_budget(
    workdir: Path, at: tuple[Any, ...], value: Any, code: str
) -> None:
    """The values the issue named, and their kin: without their bound each took minutes, all
    memory, or crashed the planner later."""
    scenario = copy.deepcopy(TINY_RAW)
    scenario["calendar"] = {"provisional": True}  # no year missing hides the bound
    _parent(scenario, at)[at[-1]] = value
    assert load_or_explain(write(workdir, dump(scenario))) == [code]


def test_largest_values_allowed_prepare_within_budget(workdir: Path) -> None:
    """The far edge of every bound at once: five years, visits on every weekday, big numbers."""
    scenario = copy.deepcopy(TINY_RAW)
    scenario["meta"].update(start=date(2026, 1, 1), end=date(2030, 12, 31))
    scenario["calendar"] = {"provisional": True}
    scenario["centres"][0]["closures"] = [{"start": date(2026, 1, 1), "end": date(2030, 12, 31)}]
    scenario["series"][0].update(cadence="every-1-week", duration=1439, start="00:00", room=None)
    scenario["series"][1].update(cadence="monthly", attendance=100_000, room=None)
    scenario["twinning"][0].update(visits=23, per="month", min_gap_days=0, delegation=100_000)
    scenario["weights"] = {"travel": 1_000_000, "fairness": 1_000_000}
    assert load_or_explain(write(workdir, dump(scenario))) == []
    problem = prepare(load_scenario(workdir / "fuzz.yaml"))
    assert len(problem.visits) == 23 * 60  # every month of five years
    # ISO weeks (Monday to Sunday) from the one holding 1 January 2026, clipped to the horizon
    monday = date(2025, 12, 29)
    weeks = [
        [d for i in range(7) if date(2026, 1, 1) <= (d := monday + timedelta(days=7 * k + i))
         <= date(2030, 12, 31)]
        for k in range(262)
    ]
    worked = [w for w in weeks if any(problem.calendar.is_workday(d) for d in w)]
    assert 255 < len(worked) < 262  # a week of holidays (国庆) has no occurrence
    assert len(problem.occurrences) == len(worked) + 60


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
