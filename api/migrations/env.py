"""Alembic environment: always run online, on the connection `api.database.migrate` hands over."""

from __future__ import annotations

from alembic import context

from api.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through api.database.migrate (it supplies the connection)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
