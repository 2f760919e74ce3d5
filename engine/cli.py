"""The `reikwijdte` command: validate rules, evaluate a case, run the personas.

Exit codes are part of the contract: 0 success, 1 a check found a difference (a persona
mismatch), 2 the input could not be used (invalid rules, bad case file, unknown municipality).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from engine.casefile import CaseFileError, load_case_file
from engine.compiler import SelectionError
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.personas import run_personas
from engine.render import render_assessment
from engine.rulebase import RuleSetError

app = typer.Typer(help="Reikwijdte: hoe een jeugdhulpvraag onder de Jeugdwet bereikt wordt.", no_args_is_help=True)
_out = Console()

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_dir(name: str, env: str) -> Path:
    """`$env`, else `./name` when it exists, else the checkout's own `name` directory."""
    if os.environ.get(env):
        return Path(os.environ[env])
    local = Path.cwd() / name
    return local if local.is_dir() else REPO_ROOT / name


def _engine(rules: Optional[Path]) -> Engine:
    directory = rules or default_dir("rules", "REIKWIJDTE_REGELS")
    try:
        return Engine(load_rulebase(directory))
    except RuleSetError as exc:
        for issue in exc.issues:
            typer.echo(str(issue), err=True)
        typer.echo(f"De regelset in {directory} is geweigerd: {len(exc.issues)} fout(en).", err=True)
        raise typer.Exit(2) from exc


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        typer.echo(f"--peildatum: '{value}' is geen datum (JJJJ-MM-DD)", err=True)
        raise typer.Exit(2) from exc


@app.command()
def validate(rules_dir: Optional[Path] = typer.Argument(None, help="Map met regelbestanden (standaard: rules/).")) -> None:
    """Controleer alle regelbestanden; exit 2 met één regel per fout (bestand:regel: id: melding)."""
    directory = rules_dir or default_dir("rules", "REIKWIJDTE_REGELS")
    try:
        base = load_rulebase(directory)
    except RuleSetError as exc:
        for issue in exc.issues:
            typer.echo(str(issue))
        raise typer.Exit(2) from exc
    ids = {r.id for r in base.rules}
    typer.echo(
        f"{directory}: geldig — {len(ids)} regels ({len(base.rules)} versies), "
        f"{len(base.parameters)} parameters, {len(base.gemeenten)} gemeenten; versie {base.digest}"
    )


@app.command()
def evaluate(
    case_file: Path = typer.Argument(..., help="Casus- of personabestand (YAML of JSON)."),
    gemeente: Optional[str] = typer.Option(None, "--gemeente", help="Code van de gemeente (rules/gemeenten/<code>.yaml)."),
    peildatum: Optional[str] = typer.Option(None, "--peildatum", help="JJJJ-MM-DD; standaard vandaag."),
    as_json: bool = typer.Option(False, "--json", help="Geef de beoordeling als JSON."),
    rules: Optional[Path] = typer.Option(None, "--regels", help="Map met regelbestanden."),
) -> None:
    """Beoordeel één casus en toon de uitkomst met toelichting en motivering."""
    day = _date(peildatum)
    try:
        case = load_case_file(case_file)
    except CaseFileError as exc:
        for message in exc.messages:
            typer.echo(message, err=True)
        raise typer.Exit(2) from exc
    engine = _engine(rules)
    try:
        beoordeling = engine.evaluate(
            case.casus, gemeente=gemeente or case.gemeente, peildatum=day or case.peildatum
        )
    except SelectionError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(beoordeling.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        title = case.persona.naam if case.persona else f"Beoordeling van {case_file.name}"
        render_assessment(beoordeling, _out, title=title)


@app.command()
def personas(
    directory: Optional[Path] = typer.Argument(None, help="Map met personabestanden (standaard: personas/)."),
    rules: Optional[Path] = typer.Option(None, "--regels", help="Map met regelbestanden."),
) -> None:
    """Beoordeel elke persona met een verwachte uitkomst; exit 1 bij een verschil."""
    directory = directory or default_dir("personas", "REIKWIJDTE_PERSONAS")
    if not directory.is_dir():
        typer.echo(f"{directory}: map bestaat niet", err=True)
        raise typer.Exit(2)
    engine = _engine(rules)
    try:
        results, errors = run_personas(engine, directory)
    except SelectionError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    for message in errors:
        typer.echo(message, err=True)
    table = Table(title=f"Persona's in {directory}")
    for column in ("persona", "gemeente", "verwacht", "uitkomst", ""):
        table.add_column(column)
    for r in results:
        expected = r.case.verwacht.model_dump(exclude_none=True) if r.case.verwacht else {}
        got = r.beoordeling.model_dump(mode="json")
        shown_expected = ", ".join(f"{k}={v}" for k, v in expected.items())
        shown_actual = ", ".join(f"{k}={got.get(k)}" for k in expected)
        mark = "[green]ok[/green]" if r.ok else "[red]VERSCHIL: " + "; ".join(
            f"{f}: verwacht {w}, kreeg {g}" for f, w, g in r.mismatches
        ) + "[/red]"
        table.add_row(r.name, r.beoordeling.regelset.gemeente or "landelijk", shown_expected, shown_actual, mark)
    _out.print(table)
    failed = [r for r in results if not r.ok]
    _out.print(f"{len(results) - len(failed)} van {len(results)} persona's zoals verwacht.")
    if errors:
        raise typer.Exit(2)
    if failed:
        raise typer.Exit(1)


# The leefwereldtoets lives in its own module; registered here so `reikwijdte leefwereldtoets` exists.
from engine.leefwereld_cli import leefwereldtoets  # noqa: E402

app.command("leefwereldtoets")(leefwereldtoets)

# The HTTP API's commands live in api/commands.py; registered here so `reikwijdte serve` and
# `reikwijdte token ...` exist.
from api.commands import serve, token_app  # noqa: E402

app.command("serve")(serve)
app.add_typer(token_app, name="token")
