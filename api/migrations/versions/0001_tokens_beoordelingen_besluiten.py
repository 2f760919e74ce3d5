"""Tokens, assessments and decisions; assessments and decisions append-only.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_APPEND_ONLY = ("beoordelingen", "besluiten")


def upgrade() -> None:
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("naam", sa.String(100), nullable=False, unique=True),
        sa.Column("rollen", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingetrokken_op", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "beoordelingen",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("token_id", sa.String(36), sa.ForeignKey("tokens.id"), nullable=False),
        sa.Column("aangemaakt_door", sa.String(100), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("casus_kenmerk", sa.String(100), nullable=True),
        sa.Column("gemeente", sa.String(64), nullable=True),
        sa.Column("peildatum", sa.Date, nullable=False),
        sa.Column("regelset_versie", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
    )
    op.create_table(
        "besluiten",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("beoordeling_id", sa.String(36), sa.ForeignKey("beoordelingen.id"), nullable=False),
        sa.Column("volgnummer", sa.Integer, nullable=False),
        sa.Column("vorig_besluit_id", sa.String(36), sa.ForeignKey("besluiten.id"), nullable=True),
        sa.Column("besluit", sa.String(16), nullable=False),
        sa.Column("token_id", sa.String(36), sa.ForeignKey("tokens.id"), nullable=False),
        sa.Column("aangemaakt_door", sa.String(100), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.UniqueConstraint("beoordeling_id", "volgnummer", name="uq_besluiten_volgorde"),
    )
    op.create_index("ix_besluiten_beoordeling_id", "besluiten", ["beoordeling_id"])

    dialect = op.get_bind().dialect.name
    for table in _APPEND_ONLY:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_geen_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} zijn onveranderlijk (append-only)'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                f"""
                CREATE FUNCTION {table}_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{table} zijn onveranderlijk (append-only)';
                END $$
                """
            )
            op.execute(
                f"CREATE TRIGGER {table}_geen_wijziging BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_onveranderlijk()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_geen_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_onveranderlijk()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in _APPEND_ONLY:
        if dialect == "sqlite":
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_geen_{action}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_geen_wijziging ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_geen_truncate ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_onveranderlijk()")
    op.drop_index("ix_besluiten_beoordeling_id", table_name="besluiten")
    op.drop_table("besluiten")
    op.drop_table("beoordelingen")
    op.drop_table("tokens")
