"""The tables: teams, tokens, their revocations, assessments, decisions, the read audit, web sign-outs.

Assessments and decisions are append-only: rows are inserted once and never updated or deleted
(the migration installs database triggers that refuse both), so what a family may object to is
exactly what was advised and decided. Each row keeps the JSON document as it was returned to
the client, byte for byte, next to a few columns for lookups and listing (team, outcome).
Every table is append-only (migration 0003): revoking a token adds a row to
`token_intrekkingen` instead of changing the token, so no UPDATE can bring a revoked token back,
and each read of case data adds a row to `leesregistratie`.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

teams = Table(
    "teams",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("naam", String(100), nullable=False, unique=True),
    Column("gemeente", String(64), nullable=False),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("naam", String(100), nullable=False, unique=True),
    Column("rollen", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False),
    Column("team_id", String(36), nullable=True, index=True),
)

token_intrekkingen = Table(
    "token_intrekkingen",
    metadata,
    Column("token_id", String(36), ForeignKey("tokens.id"), primary_key=True),
    Column("ingetrokken_op", DateTime(timezone=True), nullable=False),
)

beoordelingen = Table(
    "beoordelingen",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("token_id", String(36), ForeignKey("tokens.id"), nullable=False),
    Column("aangemaakt_door", String(100), nullable=False),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False),
    Column("casus_kenmerk", String(100), nullable=True),
    Column("gemeente", String(64), nullable=True),
    Column("peildatum", Date, nullable=False),
    Column("regelset_versie", String(64), nullable=False),
    Column("document", Text, nullable=False),
    # The client's `Idempotency-Key` (if sent) and a hash of its request: a repeated request
    # with the same key gets the stored assessment back instead of a second one.
    Column("idempotentie_sleutel", String(255), nullable=True),
    Column("verzoek_hash", String(64), nullable=True),
    Index("uq_beoordelingen_idempotentie", "token_id", "idempotentie_sleutel", unique=True),
    # The team of the submitting token, and the outcome, for listing and filtering.
    Column("team_id", String(36), nullable=True),
    Column("reikwijdte", String(16), nullable=True),
    Column("toegang", String(32), nullable=True),
    Index("ix_beoordelingen_team_aangemaakt", "team_id", "aangemaakt_op"),
)

besluiten = Table(
    "besluiten",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("beoordeling_id", String(36), ForeignKey("beoordelingen.id"), nullable=False, index=True),
    Column("volgnummer", Integer, nullable=False),
    Column("vorig_besluit_id", String(36), ForeignKey("besluiten.id"), nullable=True),
    Column("besluit", String(16), nullable=False),
    Column("token_id", String(36), ForeignKey("tokens.id"), nullable=False),
    Column("aangemaakt_door", String(100), nullable=False),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False),
    Column("document", Text, nullable=False),
    # One decision per position in a case's chain: two concurrent "first" decisions cannot both land.
    UniqueConstraint("beoordeling_id", "volgnummer", name="uq_besluiten_volgorde"),
    Column("team_id", String(36), nullable=True),
    Index("ix_besluiten_team_aangemaakt", "team_id", "aangemaakt_op"),
)

leesregistratie = Table(
    "leesregistratie",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("gelezen_op", DateTime(timezone=True), nullable=False, index=True),
    Column("token_id", String(36), ForeignKey("tokens.id"), nullable=False),
    Column("token_naam", String(100), nullable=False),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    #: What was read: `beoordeling`, `beoordelingen` (a list page), `besluiten`, `besluit`, `audit`.
    Column("handeling", String(32), nullable=False),
    #: `gelezen`, or `geweigerd` when the record lies outside the reader's reach.
    Column("uitkomst", String(16), nullable=False),
    Column("beoordeling_id", String(36), nullable=True),
    Column("besluit_id", String(36), nullable=True),
    #: The filters of a list page (query string), never case data.
    Column("zoekvraag", String(1000), nullable=True),
    #: How many records a list page returned.
    Column("aantal", Integer, nullable=True),
    Index("ix_leesregistratie_team_id", "team_id", "gelezen_op"),
)

websleutels = Table(
    "websleutels",
    metadata,
    #: One row (id 1): the key that signs the web application's session cookies, shared by every
    #: worker and server on this database; written once at the first start (migration 0004).
    Column("id", Integer, primary_key=True),
    Column("sleutel", String(128), nullable=False),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False),
)

web_afmeldingen = Table(
    "web_afmeldingen",
    metadata,
    #: SHA-256 of a web session's id: a signed-out session cookie is refused from then on.
    Column("sessie_hash", String(64), primary_key=True),
    Column("afgemeld_op", DateTime(timezone=True), nullable=False),
)

#: Tables whose rows may never change once written.
APPEND_ONLY = (
    "beoordelingen",
    "besluiten",
    "tokens",
    "teams",
    "token_intrekkingen",
    "leesregistratie",
    "websleutels",
    "web_afmeldingen",
)
