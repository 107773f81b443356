"""Variants solved in parallel: local processes and a real Dask LocalCluster (worker
processes on 127.0.0.1) give the same rows; a variant that fails is a row, not a lost sweep."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from rotasched.parallel import run_jobs
from rotasched.sweep import Job, solve_job

from .planning import base, pair, series, village, write
from .planning import problem_of as _problem_of


def _jobs(tmp: Path) -> list[Job]:
    """Six variants of a small park: visit frequency × which room closes in May."""
    jobs = []
    for visits in (1, 2, 3):
        for closed in ("", "A"):
            data = base()
            data["meta"]["end"] = "2026-06-30"
            data["organisations"].append(village())
            data["centres"][0]["rooms"].append({"id": "B", "name": "大厅B", "capacity": 60})
            if closed:
                data["centres"][0]["closures"] = [
                    {"start": "2026-05-01", "end": "2026-05-31", "rooms": [closed]}]
            data["series"] = [series("t", term="quarter"), series("l", start="14:00")]
            data["twinning"] = [pair("p", "a", "v", visits=visits, per="quarter")]
            path = write(tmp, data, f"v{visits}{closed}.yaml")
            scenario = _problem_of(path).scenario
            jobs.append(Job(f"每季{visits}次{'·停用' + closed if closed else ''}",
                            scenario.canonical_json(), work=5))
    return jobs


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="dask.distributed not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local.scheduler_address


def test_local_processes_and_a_dask_cluster_give_the_same_rows(
    tmp_path: Path, cluster: str
) -> None:
    jobs = _jobs(tmp_path)
    broken = Job("坏的变体", '{"meta": {}}')  # fails validation in the worker
    jobs.insert(3, broken)
    seen: list[int] = []
    local = run_jobs(solve_job, jobs, workers=2, on_row=lambda i, _: seen.append(i))
    remote = run_jobs(solve_job, jobs, scheduler=cluster)
    assert sorted(seen) == list(range(len(jobs)))
    assert pd.DataFrame(local).equals(pd.DataFrame(remote))
    assert local[3]["status"] == "error" and "ValidationError" in local[3]["error"]
    good = [r for i, r in enumerate(local) if i != 3]
    assert all(r["status"] in ("optimal", "feasible") and r["violations"] == 0 for r in good)
    # The variants differ where they should: more visits, more travel.
    travel = {r["variant"]: r["term.travel"] for r in good}
    assert travel["每季1次"] < travel["每季2次"] < travel["每季3次"]
