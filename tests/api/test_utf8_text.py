"""The stored document goes to the database as UTF-8 bytes and comes back as the same text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, String, Table, Text, create_engine, insert, select, text

from api.settings import normalise_url, sqlite_url
from api.utf8_text import utf8_text

#: ASCII, Latin-1 (é, ë), the rest of the first plane (—, ☃) and beyond it (𝄞), escapes and a NUL
#: escaped as JSON writes it: every width a Python text can have.
DOCUMENTS = [
    '{"a":"b"}',
    '{"motivering":"Één ouder heeft financiële zorgen — zie ☃ en 𝄞"}',
    '{"tekst":"regel\\nnieuw \\"citaat\\" \\u0000 \\\\"}',
    "x" * 200_000 + "é",
]

_metadata = MetaData()
_table = Table("utf8_text_test", _metadata, Column("id", String, primary_key=True), Column("document", Text))
_insert = insert(_table).values(document=utf8_text("document"))


def _round_trip(url: str) -> tuple[list[str], set[str]]:
    engine = create_engine(url)
    try:
        _metadata.create_all(engine)
        with engine.begin() as conn:
            # Several rows in one call (the group writer's executemany) and one on its own.
            conn.execute(_insert, [{"id": str(n), "document": d.encode()} for n, d in enumerate(DOCUMENTS[:-1])])
            conn.execute(_insert, {"id": str(len(DOCUMENTS) - 1), "document": DOCUMENTS[-1].encode()})
        with engine.connect() as conn:
            found = [row.document for row in conn.execute(select(_table.c.document).order_by(_table.c.id))]
            kind = "typeof" if engine.dialect.name == "sqlite" else "pg_typeof"
            kinds = {str(k) for (k,) in conn.execute(text(f"SELECT {kind}(document) FROM utf8_text_test"))}
        _metadata.drop_all(engine)
        return found, kinds
    finally:
        engine.dispose()


def test_sqlite_stores_the_bytes_as_the_same_text(tmp_path: Path) -> None:
    found, kinds = _round_trip(sqlite_url(tmp_path))
    assert found == DOCUMENTS
    assert kinds == {"text"}  # not a blob: every read, query and export sees text


def test_postgresql_stores_the_bytes_as_the_same_text(postgres_url: str) -> None:
    found, kinds = _round_trip(normalise_url(postgres_url))
    assert found == DOCUMENTS
    assert kinds == {"text"}


def test_postgresql_refuses_bytes_that_are_not_utf8(postgres_url: str) -> None:
    engine = create_engine(normalise_url(postgres_url))
    try:
        _metadata.create_all(engine)
        with pytest.raises(Exception, match="UTF8"), engine.begin() as conn:
            conn.execute(_insert, {"id": "1", "document": b"\xff\xfe"})
    finally:
        _metadata.drop_all(engine)
        engine.dispose()
