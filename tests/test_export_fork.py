"""A large plan's calendars are written by a child process beside the rest of the export
(export.files.alongside, from export.FORK_FROM events): the same bytes as in one process, and
a failure on either side leaves the last good output folder as it was.

alongside forks only from a process with one thread, and a test session keeps threads (Dask's
offload thread outlives its cluster), so the forking cases run in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from rotasched.export.files import alongside

from .test_export_helpers import ROOT

PRELUDE = """
import json, os, sys, threading, time
from pathlib import Path
import rotasched.export as export
from rotasched.export.files import alongside
from tests.test_export_helpers import export_to, files_under, hostile_plan, hostile_problem
assert threading.active_count() == 1
tmp = Path(sys.argv[1])
"""


def fresh(script: str, tmp: Path) -> Any:
    """Run PRELUDE + script in a new interpreter; what it prints last, read as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", PRELUDE + script, str(tmp)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_work_runs_in_a_child_process_beside_the_body(tmp_path: Path) -> None:
    seen = fresh(
        "seen = tmp / 'pid'\n"
        "with alongside(lambda: seen.write_text(str(os.getpid())), True):\n"
        "    pass\n"
        "print(json.dumps([int(seen.read_text()), os.getpid()]))\n",
        tmp_path,
    )
    assert seen[0] != seen[1]


def test_without_fork_the_work_runs_here_after_the_body() -> None:
    order: list[tuple[str, int]] = []
    with alongside(lambda: order.append(("work", os.getpid())), False):
        order.append(("body", os.getpid()))
    assert order == [("body", os.getpid()), ("work", os.getpid())]


def test_forked_export_writes_the_same_bytes(tmp_path: Path) -> None:
    same = fresh(
        "p = hostile_problem(); plan = hostile_plan(p); out = {}\n"
        "for lang in ('zh', 'en'):\n"
        "    export.FORK_FROM = 10**9\n"
        "    alone = files_under(export_to(tmp / f'alone-{lang}', plan, p, lang))\n"
        "    export.FORK_FROM = 0\n"
        "    beside = files_under(export_to(tmp / f'beside-{lang}', plan, p, lang))\n"
        "    out[lang] = [beside == alone, sum(k.startswith('ics/') for k in beside)]\n"
        "print(json.dumps(out))\n",
        tmp_path,
    )
    assert same["zh"][0] and same["en"][0]
    assert same["zh"][1] > 3 and same["en"][1] > 3  # all, per org, per room, per secretary


def test_a_failing_child_keeps_the_last_good_output(tmp_path: Path) -> None:
    result = fresh(
        "p = hostile_problem(); plan = hostile_plan(p)\n"
        "out = export_to(tmp / 'out', plan, p); before = files_under(out)\n"
        "def disk_full(*args, **kwargs):\n"
        "    raise OSError(28, '设备上没有空间')\n"
        "export.FORK_FROM = 0; export.write_ics = disk_full\n"
        "try:\n"
        "    export.export_plan(plan, p, out); error = None\n"
        "except OSError as exc:\n"
        "    error = str(exc)\n"
        "print(json.dumps([error, files_under(out) == before, sorted(os.listdir(tmp))]))\n",
        tmp_path,
    )
    assert result == ["[Errno 28] 设备上没有空间", True, ["out"]]  # no staging folder left


def test_a_failing_body_ends_the_child_first(tmp_path: Path) -> None:
    result = fresh(
        "late = tmp / 'late'\n"
        "def slow():\n"
        "    time.sleep(1.5); late.write_text('after the body failed')\n"
        "try:\n"
        "    with alongside(slow, True):\n"
        "        raise ValueError('the body failed')\n"
        "except ValueError as exc:\n"
        "    error = str(exc)\n"
        "time.sleep(2.5)  # the child, had it lived, would have written by now\n"
        "print(json.dumps([error, late.exists()]))\n",
        tmp_path,
    )
    assert result == ["the body failed", False]
