"""Stage 'ledger': the published plans of each planning body, version after version.

A version is a plan as published (its number, each event's revision, the events it cancels;
compare.revise) together with the validated scenario it was planned from, stored whole, so any
version can be exported again anywhere. The events of every version are rows too: the body's
calendar as published, and the history the next period continues from.

    ledger = Ledger("postgresql+psycopg://user@host/db")   # or a SQLite path; default below
    published = ledger.publish(plan, scenario)               # the next version, one transaction
    plan, scenario = ledger.load("hjk-park")                 # the latest (or version=N)
    scenario = ledger.with_history(load_scenario(path))      # plan the next period from it

Where: `Ledger(url)`, else $ROTASCHED_DB, else the SQLite file ./rotasched.sqlite.
"""

from .connect import DEFAULT_PATH, ENV
from .events import merge_history
from .store import Ledger, LedgerError, Version

__all__ = ["DEFAULT_PATH", "ENV", "Ledger", "LedgerError", "Version", "merge_history"]
