"""Sweeps: a grid of variants solved in parallel. Local processes and a real Dask LocalCluster
(worker processes on 127.0.0.1) give the same table; variants without a plan, and a job that
fails in its worker, are rows saying so, and the sweep goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from rotasched.cli import main
from rotasched.parallel import run_jobs
from rotasched.scenario import ScenarioError
from rotasched.solver import SolveOptions
from rotasched.sweep import Job, load_grid, run_sweep, solve_job

ROOT = Path(__file__).resolve().parents[1]
GRID = ROOT / "scenarios/tiny/sweeps/visits-rooms.yaml"


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="dask.distributed not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local.scheduler_address


def test_a_sweep_on_a_dask_cluster_equals_the_sweep_in_local_processes(
    cluster: str, tmp_path: Path
) -> None:
    grid = load_grid(GRID)
    options = SolveOptions(seed=0, work_limit=5)
    local = run_sweep(grid, options, workers=2)
    remote = run_sweep(grid, options, scheduler=cluster)
    frame = local.frame
    assert len(frame) == 7  # the base and 2 × 3 variants
    pd.testing.assert_frame_equal(frame, remote.frame)
    by_point = {(r["axis:互访频次"], r["axis:会议室A"]): r for _, r in frame.iterrows()}
    # Room A closed all quarter: the theme days need its projector. Said, not lost.
    for visits in ("每季1次", "每季2次"):
        row = by_point[(visits, "整季停用")]
        assert row["status"] == "infeasible" and "主题党日" in row["explanation"]
        assert by_point[(visits, "照常")]["violations"] == 0
    # The variants differ where they should: twice the visits, more travel.
    assert by_point[("每季2次", "照常")]["travel"] > by_point[("每季1次", "照常")]["travel"]
    assert by_point[("每季1次", "照常")]["objective"] == frame.iloc[0]["objective"]  # = base


def test_a_job_that_fails_in_its_worker_is_a_row(cluster: str) -> None:
    good = load_grid(GRID)
    scenario = run_sweep.__globals__["read_base"](good.base)[1]
    jobs = [Job("好", scenario.canonical_json(), work=3), Job("坏", '{"meta": {}}', work=3)]
    for rows in (run_jobs(solve_job, jobs, workers=2), run_jobs(solve_job, jobs,
                                                                scheduler=cluster)):
        assert rows[0]["status"] == "optimal"
        assert rows[1]["status"] == "error" and "ValidationError" in rows[1]["error"]


def test_the_sweep_command_writes_one_table_and_the_comparison(tmp_path: Path) -> None:
    out = tmp_path / "扫描"
    result = CliRunner().invoke(main, ["sweep", str(GRID), "-o", str(out), "--work", "5"])
    assert result.exit_code == 0, result.output
    assert "无可行方案" in result.output  # the two variants with room A closed all quarter
    table = pd.read_parquet(out / "sweep.parquet")
    text = pd.read_csv(out / "sweep.csv", encoding="utf-8-sig")
    assert list(table["variant"]) == list(text["variant"]) and len(table) == 7
    assert (out / "comparison/site/index.html").is_file()
    assert (out / "comparison/v01/plan.json").is_file()


def test_a_grid_naming_nothing_is_refused_with_where(tmp_path: Path) -> None:
    bad = tmp_path / "扫描.yaml"
    bad.write_text(GRID.read_text(encoding="utf-8").replace("twinning[*].visits",
                                                           "twinning[*].visit")
                   .replace("../tiny.yaml", str(ROOT / "scenarios/tiny/tiny.yaml")),
                   encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        run_sweep(load_grid(bad), SolveOptions(work_limit=1))
    assert "visit" in err.value.render("zh")
    result = CliRunner().invoke(main, ["sweep", str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output
