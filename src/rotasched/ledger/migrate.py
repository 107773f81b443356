"""Bring a ledger's schema to the head of migrations/ when it is opened: Alembic driven from
code, `script_location` from the package's own path (nothing for the user to configure)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from .connect import lock, writer

VERSION_TABLE = "ledger_alembic_version"
SCRIPTS = Path(__file__).resolve().parent / "migrations"


def config() -> Config:
    cfg = Config()
    # A "%" in the install path would read as configparser interpolation.
    cfg.set_main_option("script_location", str(SCRIPTS).replace("%", "%%"))
    return cfg


def head() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return ctx.get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply the missing migrations in one transaction, under the schema lock."""
    if current(engine) == head():  # the common case: one read, no Alembic environment
        return
    cfg = config()
    with engine.connect() as conn, writer(conn).begin():
        lock(conn, "rotasched-ledger-schema")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")  # a no-op if another process just did it
