"""The web application's session key and sign-outs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

- `websleutels`: one row, the key that signs the web application's session cookies. Kept in the
  database so every worker and server that shares it accepts the same cookies; the first start
  writes it (`web.sessions.signing_key`).
- `web_afmeldingen`: one row per signed-out session (the SHA-256 of its id); a cookie of a
  signed-out session is refused even before its idle time has run out.

Both are append-only, like every other table (the triggers of migration 0003).
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TABLES = ("websleutels", "web_afmeldingen")
#: The trigger helpers of migration 0003 (a module name that starts with a digit is imported by name).
_triggers = importlib.import_module("api.migrations.versions.0003_teams_leesregistratie")


def upgrade() -> None:
    op.create_table(
        "websleutels",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sleutel", sa.String(128), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "web_afmeldingen",
        sa.Column("sessie_hash", sa.String(64), primary_key=True),
        sa.Column("afgemeld_op", sa.DateTime(timezone=True), nullable=False),
    )
    _triggers._create_triggers(_TABLES)


def downgrade() -> None:
    _triggers._drop_triggers(_TABLES)
    op.drop_table("web_afmeldingen")
    op.drop_table("websleutels")
