"""Where the ledger lives and how to talk to it: SQLite by default, PostgreSQL by URL, one
SQLAlchemy code path for both. The only differences are here: how a writer takes its lock.

- SQLite: `BEGIN IMMEDIATE` takes the database's write lock when the transaction starts, so a
  second writer waits (up to BUSY_SECONDS) and then reads the first one's version;
- PostgreSQL: a transaction-scoped advisory lock per planning body, released by commit,
  rollback or the death of the connection.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url

ENV = "ROTASCHED_DB"
DEFAULT_PATH = "rotasched.sqlite"  # in the current folder, beside the scenarios it serves
BUSY_SECONDS = 60  # how long a SQLite writer waits for another publish to finish


def given_url() -> str | None:
    """The ledger named by the environment, if any."""
    return os.environ.get(ENV) or None


def resolve(db: str | None) -> URL:
    """`db` (a URL, or a path to a SQLite file), else $ROTASCHED_DB, else ./rotasched.sqlite.

    `postgresql://...` means psycopg 3, the driver installed with rotasched.
    """
    text = db or given_url() or DEFAULT_PATH
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text)))
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(url: URL) -> str:
    """The URL as it may be printed: never its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def exists(url: URL) -> bool:
    """False only for a SQLite file that is not there (reading it must not create it)."""
    if url.get_backend_name() != "sqlite" or not url.database:
        return True
    return Path(url.database).is_file()


def engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        eng = sa.create_engine(url, connect_args={"timeout": BUSY_SECONDS})
        sa.event.listen(eng, "connect", _sqlite_connect)
        sa.event.listen(eng, "begin", _sqlite_begin)
        return eng
    # A database that does not answer is said at once, not after libpq's default of never.
    return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 module starts transactions on its own terms (and never IMMEDIATE):
    # switch that off and say BEGIN ourselves (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _sqlite_begin(conn: Connection) -> None:
    writer = conn.get_execution_options().get("writer", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def writer(conn: Connection) -> Connection:
    """`conn` set to take SQLite's write lock when its next transaction begins."""
    return conn.execution_options(writer=True)


def lock(conn: Connection, name: str) -> None:
    """Hold `name`'s lock until the transaction ends (PostgreSQL; SQLite holds the whole
    database already, since BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        digest = hashlib.sha256(name.encode("utf-8")).digest()
        key = int.from_bytes(digest[:8], "big", signed=True)
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
