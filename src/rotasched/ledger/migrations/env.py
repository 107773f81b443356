"""Alembic's environment for the ledger. Run only from code (`rotasched.ledger.migrate`), on
the connection it passes with a transaction already open and the schema lock held: the whole
upgrade commits with its version row or not at all, and two processes opening a new ledger at
once migrate it once."""

from __future__ import annotations

from alembic import context

from rotasched.ledger.migrate import VERSION_TABLE
from rotasched.ledger.schema import metadata

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,  # SQLite alters a table by copying it
)
with context.begin_transaction():  # the caller's transaction: Alembic opens none of its own
    context.run_migrations()
