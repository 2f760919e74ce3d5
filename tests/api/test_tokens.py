"""Token management: `reikwijdte token ...`, hashes at rest, and the short-lived token cache."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from api import tokens
from api.database import make_engine
from api.settings import sqlite_url
from api.tables import tokens as tokens_table
from cli.main import app as cli

runner = CliRunner()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path / "data"


def _create(data: Path, *args: str):
    return runner.invoke(cli, ["token", "aanmaken", *args, "--data", str(data)])


def test_token_is_shown_once_and_only_its_hash_is_stored(data: Path) -> None:
    result = _create(data, "--team", "standaard", "--rol", "toegang", "--rol", "audit", "--naam", "wijkteam-noord")
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    assert token.startswith(tokens.PREFIX) and len(token) >= len(tokens.PREFIX) + 43  # 256 bits, base64

    db = make_engine(sqlite_url(data))
    with db.connect() as conn:
        row = conn.execute(select(tokens_table)).mappings().one()
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert row["rollen"] == "audit,toegang"
    principal = tokens.authenticate(db, token)
    assert principal is not None and principal.naam == "wijkteam-noord"
    assert principal.rollen == frozenset({"toegang", "audit"})
    db.dispose()
    # Nowhere on disk in the clear (database file, WAL and all).
    for path in data.iterdir():
        assert token.encode() not in path.read_bytes()

    listed = runner.invoke(cli, ["token", "lijst", "--data", str(data)])
    assert "wijkteam-noord" in listed.stdout and token not in listed.stdout


def test_bad_role_and_duplicate_name_are_refused(data: Path) -> None:
    assert _create(data, "--team", "standaard", "--rol", "beheerder", "--naam", "x").exit_code == 2
    assert _create(data, "--team", "standaard", "--rol", "beleid", "--naam", "beleid-team").exit_code == 0
    duplicate = _create(data, "--team", "standaard", "--rol", "audit", "--naam", "beleid-team")
    assert duplicate.exit_code == 2


def test_revoked_token_no_longer_authenticates(data: Path) -> None:
    token = _create(data, "--team", "standaard", "--rol", "audit", "--naam", "auditor").stdout.strip().splitlines()[-1]
    assert runner.invoke(cli, ["token", "intrekken", "--naam", "auditor", "--data", str(data)]).exit_code == 0
    db = make_engine(sqlite_url(data))
    assert tokens.authenticate(db, token) is None
    db.dispose()
    assert runner.invoke(cli, ["token", "intrekken", "--naam", "auditor", "--data", str(data)]).exit_code == 2


def test_tokens_are_unpredictable_and_malformed_ones_rejected(tmp_path: Path) -> None:
    assert len({tokens.generate() for _ in range(1000)}) == 1000
    db = make_engine(sqlite_url(tmp_path))
    from api.database import migrate

    migrate(db)
    token, _ = tokens.create(db, "team", ["toegang"], "standaard")
    assert tokens.authenticate(db, token[:-1]) is None
    assert tokens.authenticate(db, token + "x") is None
    assert tokens.authenticate(db, token.removeprefix(tokens.PREFIX)) is None
    assert tokens.authenticate(db, tokens.PREFIX + "x" * 5000) is None
    db.dispose()


def test_token_cache_trusts_a_hit_only_for_its_ttl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from api.database import migrate

    db = make_engine(sqlite_url(tmp_path))
    migrate(db)
    token, _ = tokens.create(db, "team", ["toegang"], "standaard")
    clock = [1000.0]
    monkeypatch.setattr(tokens.time, "monotonic", lambda: clock[0])
    cache = tokens.TokenCache(db, ttl=5)
    assert cache.cached(token) is None
    assert cache.authenticate(token) is not None
    tokens.revoke(db, "team")
    assert cache.cached(token) is not None  # within the TTL: from memory
    clock[0] += 6
    assert cache.cached(token) is None  # expired: looked up again ...
    assert cache.authenticate(token) is None  # ... and found revoked
    assert cache.cached("rkw_unknown") is None
    db.dispose()


def test_teams_are_made_and_listed_and_tokens_join_one(data: Path) -> None:
    made = runner.invoke(
        cli, ["team", "aanmaken", "--naam", "toegang-noord", "--gemeente", "utrecht", "--data", str(data)]
    )
    assert made.exit_code == 0, made.output
    assert (
        runner.invoke(
            cli, ["team", "aanmaken", "--naam", "toegang-noord", "--gemeente", "utrecht", "--data", str(data)]
        ).exit_code
        == 2
    )
    assert (
        runner.invoke(
            cli, ["team", "aanmaken", "--naam", "x", "--gemeente", "geen code!", "--data", str(data)]
        ).exit_code
        == 2
    )
    listed = runner.invoke(cli, ["team", "lijst", "--data", str(data)]).stdout
    assert "toegang-noord\tutrecht" in listed and "standaard\tonbekend" in listed
    assert _create(data, "--team", "bestaat-niet", "--rol", "toegang", "--naam", "a").exit_code == 2
    token = _create(data, "--team", "toegang-noord", "--rol", "toegang", "--naam", "a").stdout.strip().splitlines()[-1]
    db = make_engine(sqlite_url(data))
    principal = tokens.authenticate(db, token)
    db.dispose()
    assert principal is not None and principal.gemeente == "utrecht"
    assert "a\ttoegang-noord\ttoegang" in runner.invoke(cli, ["token", "lijst", "--data", str(data)]).stdout
