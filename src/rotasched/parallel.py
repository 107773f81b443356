"""Run many independent solves at once: in local processes, or on a Dask cluster.

A sweep's variants share nothing, so each is a job for a worker: a top-level function and a
small picklable argument (the variant's scenario as JSON, the solve options as plain values).
Every job ends in a row, in job order, whatever happens to it: a job that raises, or whose
worker dies, becomes a row saying so (`status` "error", `error` its first line), and the
others go on. With a deterministic work budget the rows do not depend on where they ran.

- `workers` local processes by default (spawned: a forked OR-Tools is not safe);
- `scheduler="tcp://host:port"`: the jobs go to that dask.distributed scheduler's workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any

Row = dict[str, Any]
Done = Iterator[tuple[int, Row]]  # (job index, its row), as jobs end


def _error_row(exc: BaseException) -> Row:
    text = str(exc).strip().splitlines()
    return {"status": "error", "error": f"{type(exc).__name__}: {text[0] if text else ''}"}


def _local(fn: Callable[[Any], Row], jobs: Sequence[Any], workers: int) -> Done:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context) as pool:
        futures: dict[Future[Row], int] = {pool.submit(fn, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as exc:  # the job raised, or its process died (BrokenProcessPool)
                yield futures[future], _error_row(exc)


def _dask(fn: Callable[[Any], Row], jobs: Sequence[Any], scheduler: str) -> Done:
    from distributed import Client
    from distributed import as_completed as dask_completed

    # The default client only while the sweep runs (distributed's as_completed needs one).
    with Client(scheduler) as client:
        # pure=False: two equal jobs (the same variant twice) are still two runs and two rows.
        futures = client.map(fn, list(jobs), pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        for future in dask_completed(futures):
            try:
                yield index[future.key], future.result()
            except Exception as exc:
                yield index[future.key], _error_row(exc)


def run_jobs(
    fn: Callable[[Any], Row],
    jobs: Sequence[Any],
    scheduler: str | None = None,
    workers: int = 2,
    on_row: Callable[[int, Row], None] | None = None,
) -> list[Row]:
    """`fn(job)` for every job, in parallel; the rows in job order. `on_row(i, row)` is told
    as each one ends (a progress bar), in the order they end."""
    rows: list[Row | None] = [None] * len(jobs)
    done = _dask(fn, jobs, scheduler) if scheduler else _local(fn, jobs, workers)
    for i, row in done:
        rows[i] = row
        if on_row is not None:
            on_row(i, row)
    return [row if row is not None else _error_row(RuntimeError("lost")) for row in rows]
