"""Teams, outcome columns, the read audit and token revocation as an event.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

- `teams`: a team belongs to one municipality; every token belongs to a team. Existing tokens,
  assessments and decisions are given the team `standaard` (municipality `onbekend`), which only
  `audit_landelijk` sees beyond its own members.
- `beoordelingen.team_id`, `.reikwijdte`, `.toegang` and `besluiten.team_id`: filled for the
  existing rows (the outcome from the stored JSON), so cases can be listed and filtered.
- `leesregistratie`: one row per read of case data (append-only).
- `token_intrekkingen`: revocation is a row of its own (append-only) instead of an UPDATE of
  `tokens.ingetrokken_op`, which is dropped; existing revocations are carried over.

Filling the new columns of existing rows is an UPDATE, which the append-only triggers refuse:
they are dropped and recreated inside this migration's one transaction, so no other connection
ever sees the tables without them. `tokens` and `teams` become append-only as well.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEFAULT_TEAM_ID = "00000000-0000-0000-0000-000000000000"
DEFAULT_TEAM = "standaard"
DEFAULT_GEMEENTE = "onbekend"

_OLD_APPEND_ONLY = ("beoordelingen", "besluiten")
_APPEND_ONLY = ("beoordelingen", "besluiten", "tokens", "teams", "token_intrekkingen", "leesregistratie")


def _drop_triggers(tables: tuple[str, ...]) -> None:
    dialect = op.get_bind().dialect.name
    for table in tables:
        if dialect == "sqlite":
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_geen_{action}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_geen_wijziging ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_geen_truncate ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_onveranderlijk()")


def _create_triggers(tables: tuple[str, ...]) -> None:
    dialect = op.get_bind().dialect.name
    for table in tables:
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


def upgrade() -> None:
    _drop_triggers(_OLD_APPEND_ONLY)
    conn = op.get_bind()

    op.create_table(
        "teams",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("naam", sa.String(100), nullable=False, unique=True),
        sa.Column("gemeente", sa.String(64), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
    )
    teams = sa.table(
        "teams", sa.column("id"), sa.column("naam"), sa.column("gemeente"), sa.column("aangemaakt_op", sa.DateTime)
    )
    conn.execute(
        sa.insert(teams).values(
            id=DEFAULT_TEAM_ID, naam=DEFAULT_TEAM, gemeente=DEFAULT_GEMEENTE, aangemaakt_op=sa.func.current_timestamp()
        )
    )

    # Tokens: a team each; revocation moves to its own table.
    op.add_column("tokens", sa.Column("team_id", sa.String(36), nullable=True))
    op.execute(f"UPDATE tokens SET team_id = '{DEFAULT_TEAM_ID}'")
    op.create_table(
        "token_intrekkingen",
        sa.Column("token_id", sa.String(36), sa.ForeignKey("tokens.id"), primary_key=True),
        sa.Column("ingetrokken_op", sa.DateTime(timezone=True), nullable=False),
    )
    op.execute(
        "INSERT INTO token_intrekkingen (token_id, ingetrokken_op) "
        "SELECT id, ingetrokken_op FROM tokens WHERE ingetrokken_op IS NOT NULL"
    )
    op.drop_column("tokens", "ingetrokken_op")
    op.create_index("ix_tokens_team_id", "tokens", ["team_id"])

    # Assessments and decisions: their team and (assessments) the outcome in columns.
    op.add_column("beoordelingen", sa.Column("team_id", sa.String(36), nullable=True))
    op.add_column("beoordelingen", sa.Column("reikwijdte", sa.String(16), nullable=True))
    op.add_column("beoordelingen", sa.Column("toegang", sa.String(32), nullable=True))
    op.add_column("besluiten", sa.Column("team_id", sa.String(36), nullable=True))
    op.execute(
        "UPDATE beoordelingen SET team_id = (SELECT team_id FROM tokens WHERE tokens.id = beoordelingen.token_id)"
    )
    op.execute(
        "UPDATE besluiten SET team_id = "
        "(SELECT team_id FROM beoordelingen WHERE beoordelingen.id = besluiten.beoordeling_id)"
    )
    # The outcome from each stored JSON text, in the database (no document leaves it).
    if conn.dialect.name == "postgresql":
        outcome = "(document::json -> 'beoordeling' ->> '{}')"
    else:
        outcome = "json_extract(document, '$.beoordeling.{}')"
    op.execute(
        f"UPDATE beoordelingen SET reikwijdte = {outcome.format('reikwijdte')}, toegang = {outcome.format('toegang')}"
    )
    op.create_index("ix_beoordelingen_team_aangemaakt", "beoordelingen", ["team_id", "aangemaakt_op"])
    op.create_index("ix_besluiten_team_aangemaakt", "besluiten", ["team_id", "aangemaakt_op"])

    op.create_table(
        "leesregistratie",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("gelezen_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("token_id", sa.String(36), sa.ForeignKey("tokens.id"), nullable=False),
        sa.Column("token_naam", sa.String(100), nullable=False),
        sa.Column("team_id", sa.String(36), sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("handeling", sa.String(32), nullable=False),
        sa.Column("uitkomst", sa.String(16), nullable=False),
        sa.Column("beoordeling_id", sa.String(36), nullable=True),
        sa.Column("besluit_id", sa.String(36), nullable=True),
        sa.Column("zoekvraag", sa.String(1000), nullable=True),
        sa.Column("aantal", sa.Integer, nullable=True),
    )
    op.create_index("ix_leesregistratie_gelezen_op", "leesregistratie", ["gelezen_op"])
    op.create_index("ix_leesregistratie_team_id", "leesregistratie", ["team_id", "gelezen_op"])

    _create_triggers(_APPEND_ONLY)


def downgrade() -> None:
    _drop_triggers(_APPEND_ONLY)
    op.drop_index("ix_leesregistratie_team_id", table_name="leesregistratie")
    op.drop_index("ix_leesregistratie_gelezen_op", table_name="leesregistratie")
    op.drop_table("leesregistratie")
    op.drop_index("ix_besluiten_team_aangemaakt", table_name="besluiten")
    op.drop_index("ix_beoordelingen_team_aangemaakt", table_name="beoordelingen")
    op.drop_column("besluiten", "team_id")
    op.drop_column("beoordelingen", "toegang")
    op.drop_column("beoordelingen", "reikwijdte")
    op.drop_column("beoordelingen", "team_id")
    op.add_column("tokens", sa.Column("ingetrokken_op", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE tokens SET ingetrokken_op = "
        "(SELECT ingetrokken_op FROM token_intrekkingen WHERE token_intrekkingen.token_id = tokens.id)"
    )
    op.drop_table("token_intrekkingen")
    op.drop_index("ix_tokens_team_id", table_name="tokens")
    op.drop_column("tokens", "team_id")
    op.drop_table("teams")
    _create_triggers(_OLD_APPEND_ONLY)
