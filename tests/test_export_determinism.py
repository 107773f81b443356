"""The same plan gives the same bytes: ICS, CSV, XLSX and HTML, in this process and in fresh
processes with another hash seed and another local time zone."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rotasched.plan import Plan

from .test_export_helpers import (
    ROOT,
    export_to,
    files_under,
    hostile_plan,
    hostile_problem,
    tiny_plan,
    tiny_problem,
)

MINE = ("ics/", "tables/", "site/", "raw/")


def _mine(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if k.startswith(MINE)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_twice_gives_identical_bytes(tmp_path: Path, lang: str) -> None:
    p = hostile_problem()
    plan = hostile_plan(p)
    a = _mine(files_under(export_to(tmp_path / "a", plan, p, lang)))
    b = _mine(files_under(export_to(tmp_path / "elsewhere" / "b", plan, p, lang)))
    assert {k.split("/")[0] for k in a} == {"ics", "tables", "site", "raw"}
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_plan_read_back_from_json_exports_the_same(tmp_path: Path) -> None:
    p = tiny_problem()
    plan = tiny_plan(p)
    plan.write_json(tmp_path / "plan.json")
    again = Plan.read_json(tmp_path / "plan.json")
    a = _mine(files_under(export_to(tmp_path / "a", plan, p)))
    b = _mine(files_under(export_to(tmp_path / "b", again, p)))
    assert a == b


def test_solver_details_do_not_change_the_files(tmp_path: Path) -> None:
    p = tiny_problem()
    plan = tiny_plan(p)
    a = _mine(files_under(export_to(tmp_path / "a", plan, p)))
    b = _mine(files_under(export_to(tmp_path / "b", dataclasses.replace(
        plan, solver={"wall_time": 99.0, "workers": 2}), p)))
    assert a == b


SCRIPT = """
import sys
sys.path.insert(0, sys.argv[2])
from tests.test_export_helpers import export_to, hostile_plan, hostile_problem
from pathlib import Path
p = hostile_problem()
export_to(Path(sys.argv[1]), hostile_plan(p), p, "zh")
"""


def test_fresh_processes_with_other_hash_seed_and_zone_agree(tmp_path: Path) -> None:
    outs = []
    for seed, zone in (("1", "UTC"), ("4242", "America/Los_Angeles")):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(out), str(ROOT)], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outs.append(_mine(files_under(out)))
    assert outs[0].keys() == outs[1].keys()
    assert [k for k in outs[0] if outs[0][k] != outs[1][k]] == []
