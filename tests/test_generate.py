"""The scenario generator (rotasched.generate, `rotasched generate`): every kind validates and
plans, the presets validate, the same seed writes the same bytes, and the bundled scenarios
are exactly what it writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from rotasched import build_calendar, load_scenario
from rotasched.check import check
from rotasched.cli import main
from rotasched.generate import (
    CitySpec,
    DistrictSpec,
    ParkSpec,
    Spec,
    SpecError,
    generate,
    preset,
    write_bundled,
    write_scenario,
)
from rotasched.generate.days import before_spring_festival, is_workday
from rotasched.problem import prepare
from rotasched.scenario import Scenario
from rotasched.solver import SolveOptions, solve

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

SMALL: list[Spec] = [
    ParkSpec(orgs=14, rooms=2, pairs=5, seed=3),
    DistrictSpec(orgs=36, centres=6, pairs=10, streets=3, quarter=2, seed=5),
    CitySpec(orgs=80, centres=4, rooms_per_centre=2, pairs=24, parks=2, quarter=1, seed=7),
]


def _files(folder: Path) -> dict[str, bytes]:
    """The generated files of a scenario folder (hand-written what-if variants and sweep grids
    live in its sub-folders)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("spec", SMALL, ids=lambda s: s.kind)
def test_each_kind_validates_and_plans(spec: Spec, tmp_path: Path) -> None:
    scenario = load_scenario(write_scenario(spec, tmp_path, spec.kind))
    assert scenario.warnings == ()  # no two organisations of one name
    assert {p.form for p in scenario.twinning} == {"one_to_one", "many_to_one", "one_to_many"}
    problem = prepare(scenario, build_calendar(scenario))
    plan = solve(problem, SolveOptions(work_limit=5)).plan
    assert plan.status in ("optimal", "feasible"), plan.explanation
    assert check(problem, plan) == []
    assert plan.occurrences and plan.visits


@pytest.mark.parametrize("kind", ["park", "district", "city"])
def test_presets_validate(kind: str, tmp_path: Path) -> None:
    spec = preset(kind, seed=1)
    scenario = load_scenario(write_scenario(spec, tmp_path, kind))
    assert (scenario.meta.start, scenario.meta.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert len(scenario.organisations) == spec.orgs and len(scenario.twinning) == spec.pairs
    if isinstance(spec, CitySpec):
        assert len(scenario.centres) == 50 and {len(c.rooms) for c in scenario.centres} == {3}
        assert sum(g.kind == "park" for g in scenario.groups) == 30
    if isinstance(spec, DistrictSpec):
        assert len(scenario.centres) == 25
    if isinstance(spec, ParkSpec):
        assert [len(c.rooms) for c in scenario.centres] == [3]
    assert scenario.warnings == ()
    prepare(scenario, build_calendar(scenario))  # about a second for the city


@pytest.mark.parametrize("spec", SMALL, ids=lambda s: s.kind)
def test_same_seed_same_bytes_another_seed_other_bytes(spec: Spec, tmp_path: Path) -> None:
    from dataclasses import replace

    write_scenario(spec, tmp_path / "a", "s")
    write_scenario(spec, tmp_path / "b", "s")
    write_scenario(replace(spec, seed=spec.seed + 1), tmp_path / "c", "s")
    a, b, c = (_files(tmp_path / d) for d in "abc")
    assert a == b
    assert sorted(a) == sorted(c) and a["orgs.csv"] != c["orgs.csv"]


def test_generate_is_the_raw_data_the_files_hold(tmp_path: Path) -> None:
    spec = SMALL[2]
    inline = Scenario.model_validate(generate(spec))
    written = load_scenario(write_scenario(spec, tmp_path, "c"))
    assert all(getattr(inline, f) == getattr(written, f) for f in Scenario.model_fields)


def test_the_bundled_scenarios_are_their_regeneration(tmp_path: Path) -> None:
    write_bundled(tmp_path)
    for kind in ("park", "district", "city"):
        assert _files(tmp_path / kind) == _files(SCENARIOS / kind), kind


def test_dates_come_from_the_official_calendar() -> None:
    """History lies on working days of the year before (调休 included), the city's visits keep
    off the week up to 除夕, and a year chinesecalendar does not carry is planned provisionally."""
    for year in (2021, 2025, 2026):
        data = generate(CitySpec(orgs=60, centres=2, pairs=20, parks=1, year=year, seed=2))
        records = [*data["history"]["hosts"], *data["history"]["visits"]]
        assert records and all(is_workday(r["date"]) for r in records)
        first, eve = before_spring_festival(year)
        assert data["visiting"]["avoid"] == [{"start": first, "end": eve, "reason": "春节前一周"}]
    assert before_spring_festival(2026) == (date(2026, 2, 9), date(2026, 2, 16))
    assert "provisional" not in generate(ParkSpec(orgs=12, pairs=2))["calendar"]
    later = generate(ParkSpec(orgs=12, pairs=2, year=2027))
    assert later["calendar"].get("provisional") is True


def test_a_spec_that_cannot_be_made_is_refused_when_made() -> None:
    with pytest.raises(SpecError) as caught:
        ParkSpec(orgs=5, pairs=0)
    assert str(caught.value) == "orgs must be from 8 to 400, got 5"
    assert caught.value.render("zh") == "orgs 应在 8 到 400 之间，实为 5"
    with pytest.raises(SpecError):
        CitySpec(rooms_per_centre=9)
    with pytest.raises(SpecError):
        preset("province")


def test_cli_writes_a_folder_validate_accepts(tmp_path: Path) -> None:
    out = tmp_path / "生成"
    made = CliRunner().invoke(main, ["generate", "district", "--seed", "3", "--orgs", "40",
                                     "--centres", "6", "--pairs", "8", "--streets", "4",
                                     "--quarter", "3", "-o", str(out)])  # fmt: skip
    assert made.exit_code == 0, made.output
    assert f"已生成 {out / 'district.yaml'}" in made.output
    checked = CliRunner().invoke(main, ["validate", str(out / "district.yaml")])
    assert checked.exit_code == 0, checked.output
    assert "2026-07-01 .. 2026-09-30" in checked.output
    assert (out / "orgs.csv").is_file()
    # The same command writes the same bytes; its header says how to write it again.
    again = CliRunner().invoke(main, ["generate", "district", "--seed", "3", "--orgs", "40",
                                      "--centres", "6", "--pairs", "8", "--streets", "4",
                                      "--quarter", "3", "-o", str(tmp_path / "again")])
    assert again.exit_code == 0 and _files(out) == _files(tmp_path / "again")
    header = (out / "district.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert header == ("#   rotasched generate district --year 2026 --quarter 3 --orgs 40 "
                      "--centres 6 --pairs 8 --streets 4 --seed 3")  # fmt: skip


def test_cli_refuses_what_a_kind_does_not_take(tmp_path: Path) -> None:
    wrong = CliRunner().invoke(main, ["generate", "park", "--parks", "3", "-o", str(tmp_path)])
    assert wrong.exit_code == 2
    assert "park 场景没有 --parks 选项" in wrong.output
    small = CliRunner().invoke(main, ["generate", "city", "--orgs", "5", "--lang", "en",
                                      "-o", str(tmp_path)])  # fmt: skip
    assert small.exit_code == 2 and "orgs must be from 10 to 5000, got 5" in small.output
    assert not any(tmp_path.iterdir())
