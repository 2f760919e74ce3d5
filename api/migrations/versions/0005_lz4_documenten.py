"""New assessment documents compressed with lz4 on PostgreSQL, instead of pglz.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

PostgreSQL compresses a long text before it stores it (TOAST). With its default method, pglz,
that took about 0.5 ms of the database server's CPU for every stored assessment (36-90 KB of
JSON), on the same cores as the API: inserting the load test's documents cost 0.65-0.73 ms per
row with pglz and 0.15 ms with lz4, which also stores them a little smaller (`docs/performance.md`,
issue 19). Compression is transparent: every document reads back byte for byte as it was written,
and documents stored before keep their compression and are read as before.

Only where the server offers lz4 (PostgreSQL 14 or later, built with it); elsewhere, and on
SQLite (which does not compress), nothing changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _offers_lz4() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    offered = bind.execute(
        sa.text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
    ).scalar()
    return offered is True


def upgrade() -> None:
    if _offers_lz4():
        op.execute("ALTER TABLE beoordelingen ALTER COLUMN document SET COMPRESSION lz4")


def downgrade() -> None:
    if _offers_lz4():
        op.execute("ALTER TABLE beoordelingen ALTER COLUMN document SET COMPRESSION DEFAULT")
