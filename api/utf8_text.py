"""A text column written from its UTF-8 bytes, so Python neither decodes nor encodes the text.

The stored assessment is about 90 KB of JSON that the service has as UTF-8 bytes already (the
answer's body). Handed to the driver as `str`, it was decoded from those bytes on the event loop
and encoded back to UTF-8 by the driver, both while holding the interpreter lock that every
request of the server waits for. Handed over as bytes, the database itself makes the text: in
SQLite `CAST(? AS TEXT)` (the bytes become the text's UTF-8 as they are, inside `sqlite3_step`,
which runs without the lock), in PostgreSQL `convert_from(?, 'UTF8')` (which also checks that
they are valid UTF-8). The column stays `TEXT` and reads back as `str`, the same characters.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BindParameter, LargeBinary, Text, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class Utf8Text(FunctionElement[str]):
    """The text whose UTF-8 bytes are the bound value (see the module docstring)."""

    type = Text()
    inherit_cache = True
    name = "utf8_text"


def utf8_text(name: str) -> Utf8Text:
    """A parameter `name` that takes UTF-8 bytes and is stored as text."""
    parameter: BindParameter[bytes] = bindparam(name, type_=LargeBinary)
    return Utf8Text(parameter)


@compiles(Utf8Text, "sqlite")
def _sqlite(element: Utf8Text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


@compiles(Utf8Text, "postgresql")
def _postgresql(element: Utf8Text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"convert_from({compiler.process(element.clauses, **kw)}, 'UTF8')"
