"""Shared fixtures: a minimal valid scenario to mutate, and helpers to load it and read errors.

Hypothesis profiles: "dev" (the default, 200 examples, new ones every run: it explores) and "ci"
(1000 examples, derandomized: the same ones every run, so CI says the same of the same code),
chosen by the environment variable HYPOTHESIS_PROFILE (.ci/run sets it to "ci"). The loader's
fuzz tests run 2.5 times the profile's number each (test_fuzz_loader.FUZZ_SHARE): 10,000 in all
under "ci".
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from rotasched.scenario import Issue, ScenarioError, load_scenario

settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=1000, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "scenarios"

# A small park in Wuhan, one shared station, one theme day, one 一帮一 pair; valid as it is.
MINIMAL: dict[str, Any] = {
    "meta": {
        "name": "光谷园区 2026 年第二季度",
        "locale": "zh",
        "start": "2026-04-01",
        "end": "2026-06-30",
    },
    "groups": [{"id": "park", "name": "光谷小微企业园联合党支部", "kind": "园区"}],
    "organisations": [
        {
            "id": "xc",
            "name": "武汉星辰科技有限公司",
            "kind": "企业",
            "groups": ["park"],
            "members": 18,
            "secretary": {"name": "王建国"},
        },
        {
            "id": "hy",
            "name": "华远光电股份有限公司",
            "kind": "企业",
            "groups": ["park"],
            "members": 12,
            "secretary": {"name": "李秀英"},
        },
        {
            "id": "taoyuan",
            "name": "桃源村",
            "kind": "村",
            "members": 45,
            "secretary": {"name": "赵德明"},
        },
    ],
    "centres": [
        {
            "id": "station",
            "name": "园区党建工作站",
            "rooms": [{"id": "A", "name": "会议室A", "capacity": 40, "equipment": ["投影仪"]}],
        }
    ],
    "series": [
        {
            "id": "theme-day",
            "name": "主题党日",
            "type": "主题党日",
            "cadence": "monthly",
            "day": "last-fri",
            "start": "14:30",
            "duration": "2h",
            "participants": {"groups": ["park"]},
            "room": {},
        }
    ],
    "twinning": [
        {
            "id": "pair-1",
            "name": "星辰科技—桃源村",
            "form": "one_to_one",
            "helpers": ["xc"],
            "helped": ["taoyuan"],
        }
    ],
}


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def minimal() -> dict[str, Any]:
    """A fresh deep copy of MINIMAL for a test to mutate."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def write_scenario(tmp_path: Path) -> Callable[..., Path]:
    """write_scenario(data, name="场景.yaml") -> path of the YAML written into tmp_path."""

    def write(data: Any, name: str = "场景.yaml") -> Path:
        path = tmp_path / name
        path.write_text(dump(data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def problems_of() -> Callable[..., list[Issue]]:
    """problems_of(path) -> the problems load_scenario reports (it must fail)."""

    def problems(path: Path, locale: str | None = None) -> list[Issue]:
        with pytest.raises(ScenarioError) as info:
            load_scenario(path, locale=locale)
        return info.value.problems

    return problems


def _only(problems: list[Issue], code: str) -> Issue:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, [p.render() for p in problems]
    return found[0]


@pytest.fixture
def only() -> Callable[[list[Issue], str], Issue]:
    """only(problems, code) -> the one problem with that code (fails if not exactly one)."""
    return _only


@pytest.fixture
def expect_problem(
    problems_of: Callable[..., list[Issue]],
) -> Callable[..., Issue]:
    """expect_problem(path, code, where=..., file=..., en=..., zh=...) -> the problem.

    Checks that loading fails with exactly one problem of that code, located at `where`
    in a file whose name is `file` (default: the scenario itself), saying `en` and `zh`.
    """

    def expect(
        path: Path,
        code: str,
        *,
        where: str,
        en: str,
        zh: str,
        file: str | None = None,
    ) -> Issue:
        problem = _only(problems_of(path), code)
        assert Path(problem.file).name == (file or path.name)
        assert problem.path == where
        assert problem.message("en") == en
        assert problem.message("zh") == zh
        place = f"{problem.file}: {where}" if where else problem.file
        assert problem.render("en") == f"{place}: {en}"
        assert problem.render("zh") == f"{place}: {zh}"
        return problem

    return expect


@pytest.fixture(scope="session")
def postgres() -> Iterator[Any]:
    """A real PostgreSQL server for the session (tests/pg.py); skips if it is not installed."""
    from .pg import Server

    server = Server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty ledger, once in a SQLite file and once in a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    return str(request.getfixturevalue("postgres").new_database())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Under CI a real client that is "not installed" is a failure, never a quiet skip:
    .ci/run installs them (make system-deps), so a skip there means a broken set-up."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and "not installed" in str(report.longrepr):
        report.outcome = "failed"
