"""One module per schema step, applied in order (Alembic skips this file)."""
