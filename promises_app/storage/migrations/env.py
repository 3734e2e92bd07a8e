"""Alembic environment: always run on a connection handed in by storage.migrate (never from a URL)."""

from __future__ import annotations

from alembic import context

from promises_app.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when alembic's CLI is misused
    raise RuntimeError("Run migrations through promises_app.storage.migrate, not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
