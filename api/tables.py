"""The three tables: tokens, assessments (beoordelingen) and decisions (besluiten).

Assessments and decisions are append-only: rows are inserted once and never updated or deleted
(the migration installs database triggers that refuse both), so what a family may object to is
exactly what was advised and decided. Each row keeps the JSON document as it was returned to
the client, byte for byte, next to a few columns for lookups. Tokens are the one mutable table:
revoking a token sets `ingetrokken_op`; its row stays so `aangemaakt_door` keeps pointing at it.
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

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("naam", String(100), nullable=False, unique=True),
    Column("rollen", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False),
    Column("ingetrokken_op", DateTime(timezone=True), nullable=True),
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
)

#: Tables whose rows may never change once written.
APPEND_ONLY = ("beoordelingen", "besluiten")
