"""A publish in a process of its own, for tests/test_ledger.py: the killed publish, two
publishes at once, a new ledger opened by several at once.
Run as `python -m tests.ledger_child URL PLANDIR SCENARIO MODE SIGNAL`.

It wraps `store.write_events`, the step of `publish` that runs inside its open transaction:
- hang: write the rows, create SIGNAL, then sleep until killed (the transaction stays open);
- slow: say it is ready (SIGNAL.ready.<pid>), wait until SIGNAL exists (the children start
  together), then hold the transaction open a while after writing the rows, so the publishes
  overlap; prints "<version> <entered> <left>" (monotonic clock) when its publish returns;
- open: ready, wait for SIGNAL, then only open the ledger (which creates its schema).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from rotasched import load_scenario
from rotasched.ledger import Ledger, store
from rotasched.plan import Plan

HOLD_SECONDS = 1.5


def main(url: str, plandir: str, scenario: str, mode: str, signal: str) -> None:
    flag = Path(signal)
    write = store.write_events

    def hang(*args: Any) -> None:
        write(*args)
        flag.touch()
        time.sleep(600)

    def slow(*args: Any) -> None:
        write(*args)
        time.sleep(HOLD_SECONDS)

    store.write_events = hang if mode == "hang" else slow  # type: ignore[assignment]
    plan = Plan.read_json(Path(plandir) / "plan.json")
    loaded = load_scenario(scenario)
    if mode in ("slow", "open"):
        Path(f"{signal}.ready.{os.getpid()}").touch()
        while not flag.exists():
            time.sleep(0.005)
    ledger = Ledger(url)
    if mode == "open":
        print("open", flush=True)
        return
    entered = time.monotonic()
    published = ledger.publish(plan, loaded)
    print(published.version, entered, time.monotonic(), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
