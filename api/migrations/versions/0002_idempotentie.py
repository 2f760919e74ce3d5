"""Idempotent submissions: an assessment may carry the client's `Idempotency-Key`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Two nullable columns and a unique index per token holder. Adding a column is not an UPDATE of
any row, so the append-only triggers of 0001 are untouched and still refuse every change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("beoordelingen", sa.Column("idempotentie_sleutel", sa.String(255), nullable=True))
    op.add_column("beoordelingen", sa.Column("verzoek_hash", sa.String(64), nullable=True))
    op.create_index("uq_beoordelingen_idempotentie", "beoordelingen", ["token_id", "idempotentie_sleutel"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_beoordelingen_idempotentie", table_name="beoordelingen")
    # Plain DROP COLUMN (SQLite 3.35 and later): a batch copy of the table would lose the
    # append-only triggers.
    op.drop_column("beoordelingen", "verzoek_hash")
    op.drop_column("beoordelingen", "idempotentie_sleutel")
