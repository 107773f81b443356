"""Alembic migrations of the ledger's schema, applied by `rotasched.ledger.migrate.upgrade`
whenever a ledger is opened: nothing for a user to set up.

A new step: copy versions/0001_ledger.py to the next number, set `revision` and
`down_revision`, and change schema.py to match (tests/test_ledger.py compares the two)."""
