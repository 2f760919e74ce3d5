"""`reikwijdte serve` and `reikwijdte token ...`: running the API and managing its tokens.

Registered on the main CLI in `cli/main.py`. Tokens live in the service's own database (the
same `DATABASE_URL` / data directory the server uses), stored only as a SHA-256 hash; the token
itself is printed once and cannot be shown again.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from api.roles import ROLES

if TYPE_CHECKING:
    from sqlalchemy import Engine

# The database and server modules are imported inside the commands, so that every other
# `reikwijdte` command starts without loading SQLAlchemy, Alembic and uvicorn.

token_app = typer.Typer(help="Tokens voor de HTTP API: aanmaken, tonen, intrekken.", no_args_is_help=True)
team_app = typer.Typer(help="Teams (elk van één gemeente) voor de HTTP API: aanmaken, tonen.", no_args_is_help=True)

_DATA = typer.Option(
    None, "--data", help="Datamap (standaard $REIKWIJDTE_DATA of ./data); genegeerd als $DATABASE_URL is gezet."
)


def _database(data: Path | None) -> Engine:
    from api.database import make_engine, migrate
    from api.settings import Settings

    settings = Settings.from_env(data_dir=data)
    db = make_engine(settings.database_url)
    migrate(db)
    return db


def log_config() -> dict[str, Any]:
    """uvicorn's logging setup plus the service's own `reikwijdte` logger (also in worker processes)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["reikwijdte"] = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    config["handlers"]["reikwijdte"] = {
        "class": "logging.StreamHandler",
        "formatter": "reikwijdte",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["reikwijdte"] = {"handlers": ["reikwijdte"], "level": "INFO", "propagate": False}
    config["loggers"]["alembic"] = {"handlers": ["reikwijdte"], "level": "WARNING", "propagate": False}
    return config


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Adres om op te luisteren."),
    port: int = typer.Option(8000, "--port", help="Poort."),
    data: Path | None = _DATA,
    rules: Path | None = typer.Option(None, "--regels", help="Map met regelbestanden."),
    workers: int = typer.Option(1, "--workers", min=1, max=32, help="Aantal serverprocessen (standaard 1)."),
) -> None:
    """Start de HTTP API (standaard op 127.0.0.1:8000, SQLite in ./data)."""
    import logging.config

    import uvicorn

    from api.app import freeze_startup_objects
    from api.settings import ENV_DATA, ENV_DATABASE_URL, ENV_RULES, Settings
    from engine.rulebase import RuleSetError
    from web.app import create_site

    logging.config.dictConfig(log_config())
    settings = Settings.from_env(data_dir=data, rules_dir=rules)
    # Built here even when worker processes will serve: invalid rules stop the start with their
    # errors listed, and the database is migrated once, before any worker could race on it.
    try:
        app = create_site(settings)
    except RuleSetError as exc:
        for issue in exc.issues:
            typer.echo(str(issue), err=True)
        typer.echo(f"De regelset in {settings.rules_dir} is geweigerd: {len(exc.issues)} fout(en).", err=True)
        raise typer.Exit(2) from exc
    # The middleware logs one privacy-safe line per request; uvicorn's access log would add the
    # raw path and query string, so it stays off.
    # No `Server: uvicorn` header: which software answers is nobody's business.
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "access_log": False,
        "log_config": log_config(),
        "server_header": False,
    }
    if workers == 1:
        freeze_startup_objects()
        uvicorn.run(app, **options)
        return
    app.state.services.store.close()
    app.state.services.db.dispose()
    os.environ[ENV_DATA] = str(settings.data_dir)
    os.environ[ENV_RULES] = str(settings.rules_dir)
    os.environ[ENV_DATABASE_URL] = settings.database_url
    uvicorn.run("web.app:create_served_site", factory=True, workers=workers, **options)


@token_app.command("aanmaken")
def aanmaken(
    rol: list[str] = typer.Option(..., "--rol", help=f"Rol; herhaal voor meer rollen: {', '.join(ROLES)}."),
    naam: str = typer.Option(
        ..., "--naam", help="Houder, bijv. wijkteam-noord (uniek; staat bij elk record dat dit token maakt)."
    ),
    team: str = typer.Option(..., "--team", help="Team van de houder (reikwijdte team aanmaken)."),
    data: Path | None = _DATA,
) -> None:
    """Maak een token; het wordt één keer getoond en alleen als hash bewaard."""
    from api import tokens

    db = _database(data)
    try:
        token, info = tokens.create(db, naam, rol, team)
    except tokens.TokenError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    finally:
        db.dispose()
    typer.echo(
        f"Token voor '{info.naam}' van team '{info.team}' (rollen: {', '.join(info.rollen)}). "
        "Bewaar het nu; het wordt niet opnieuw getoond:",
        err=True,
    )
    typer.echo(token)


@token_app.command("lijst")
def lijst(data: Path | None = _DATA) -> None:
    """Toon de tokens (naam, team, rollen, datum, ingetrokken), nooit de tokens zelf."""
    from api import tokens

    db = _database(data)
    try:
        for info in tokens.list_tokens(db):
            revoked = f"  ingetrokken {info.ingetrokken_op:%Y-%m-%d %H:%M}" if info.ingetrokken_op else ""
            typer.echo(
                f"{info.naam}\t{info.team}\t{','.join(info.rollen)}\t{info.aangemaakt_op:%Y-%m-%d %H:%M}{revoked}"
            )
    finally:
        db.dispose()


@token_app.command("intrekken")
def intrekken(naam: str = typer.Option(..., "--naam", help="Houder van het token."), data: Path | None = _DATA) -> None:
    """Trek het token van een houder in; het werkt direct niet meer."""
    from api import tokens

    db = _database(data)
    try:
        if not tokens.revoke(db, naam):
            typer.echo(f"Geen actief token met de naam '{naam}'.", err=True)
            raise typer.Exit(2)
    finally:
        db.dispose()
    typer.echo(f"Token van '{naam}' ingetrokken.")


@team_app.command("aanmaken")
def team_aanmaken(
    naam: str = typer.Option(..., "--naam", help="Naam van het team, bijv. toegang-utrecht-noord (uniek)."),
    gemeente: str = typer.Option(..., "--gemeente", help="Code van de gemeente van het team, bijv. utrecht."),
    data: Path | None = _DATA,
) -> None:
    """Maak een team van één gemeente; tokens worden daarna aan het team gekoppeld (--team)."""
    from api import teams

    db = _database(data)
    try:
        team = teams.create(db, naam, gemeente)
    except teams.TeamError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    finally:
        db.dispose()
    typer.echo(f"Team '{team.naam}' (gemeente {team.gemeente}) aangemaakt.")


@team_app.command("lijst")
def team_lijst(data: Path | None = _DATA) -> None:
    """Toon de teams (naam, gemeente, datum)."""
    from api import teams

    db = _database(data)
    try:
        for team in teams.list_teams(db):
            typer.echo(f"{team.naam}\t{team.gemeente}\t{team.aangemaakt_op:%Y-%m-%d %H:%M}")
    finally:
        db.dispose()
