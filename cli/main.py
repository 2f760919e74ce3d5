"""The `reikwijdte` command, the composition root: it registers the engine's, the leefwereldtoets'
and the API's commands. Nothing below imports it.

Exit codes are part of the contract: 0 success, 1 a check found a difference (a persona
mismatch), 2 the input could not be used (invalid rules, bad case file, unknown municipality).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from cli.api_commands import serve, team_app, token_app
from cli.leefwereld import leefwereldtoets
from cli.render import render_assessment
from cli.watals import caseload, wat_als
from engine.algoritmeregister import entry, to_json, to_markdown
from engine.casefile import CaseFileError, load_case_file
from engine.compiler import SelectionError
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.paths import default_dir
from engine.rulebase import RuleSetError
from engine.schemas import SCHEMA_DIR, SOORTEN, schema_text, write_schemas
from leefwereld.personas import run_personas

app = typer.Typer(help="Reikwijdte: hoe een jeugdhulpvraag onder de Jeugdwet bereikt wordt.", no_args_is_help=True)
_out = Console()


def _engine(rules: Path | None) -> Engine:
    directory = rules or default_dir("rules", "REIKWIJDTE_REGELS")
    try:
        return Engine(load_rulebase(directory))
    except RuleSetError as exc:
        for issue in exc.issues:
            typer.echo(str(issue), err=True)
        typer.echo(f"De regelset in {directory} is geweigerd: {len(exc.issues)} fout(en).", err=True)
        raise typer.Exit(2) from exc


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        typer.echo(f"--peildatum: '{value}' is geen datum (JJJJ-MM-DD)", err=True)
        raise typer.Exit(2) from exc


@app.command()
def validate(rules_dir: Path | None = typer.Argument(None, help="Map met regelbestanden (standaard: rules/).")) -> None:
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
def schema(
    soort: str | None = typer.Argument(
        None, help="regels | gemeente | casus | persona | bronnen; leeg met --map: alle."
    ),
    map_: Path | None = typer.Option(
        None, "--map", help=f"Schrijf de schema's in deze map (in de repository: {SCHEMA_DIR}/)."
    ),
) -> None:
    """Het JSON Schema van regel-, gemeente-, casus-, persona- of bronbestanden, gemaakt uit de modellen."""
    if soort is not None and soort not in SOORTEN:
        typer.echo(f"onbekende soort '{soort}': kies uit {', '.join(SOORTEN)}", err=True)
        raise typer.Exit(2)
    if map_ is None:
        if soort is None:
            typer.echo(f"geef een soort ({', '.join(SOORTEN)}) of --map MAP", err=True)
            raise typer.Exit(2)
        typer.echo(schema_text(soort), nl=False)
        return
    for path in write_schemas(map_, [soort] if soort else None):
        typer.echo(f"geschreven: {path}")


@app.command()
def algoritmeregister(
    gemeente: str | None = typer.Option(
        None, "--gemeente", help="Code van de gemeente; standaard de landelijke regels."
    ),
    peildatum: str | None = typer.Option(None, "--peildatum", help="JJJJ-MM-DD; standaard vandaag."),
    markdown: Path | None = typer.Option(None, "--markdown", help="Schrijf de registratie als Markdown."),
    json_file: Path | None = typer.Option(None, "--json", help="Schrijf de registratie als JSON."),
    repository_url: str | None = typer.Option(
        None, "--repository-url", help="Openbare vindplaats van deze repository (voor de links naar regels en code)."
    ),
    rules: Path | None = typer.Option(None, "--regels", help="Map met regelbestanden."),
) -> None:
    """De registratie voor het Algoritmeregister (publicatiestandaard 1.0.0), als Markdown en JSON."""
    day = _date(peildatum) or dt.date.today()
    engine = _engine(rules)
    try:
        data = entry(engine.base, day, gemeente, repository_url)
    except SelectionError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    if markdown is None and json_file is None:
        typer.echo(to_markdown(data), nl=False)
        return
    for target, text in ((markdown, to_markdown(data)), (json_file, to_json(data))):
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            typer.echo(f"geschreven: {target}")


@app.command()
def evaluate(
    case_file: Path = typer.Argument(..., help="Casus- of personabestand (YAML of JSON)."),
    gemeente: str | None = typer.Option(None, "--gemeente", help="Code van de gemeente (rules/gemeenten/<code>.yaml)."),
    peildatum: str | None = typer.Option(None, "--peildatum", help="JJJJ-MM-DD; standaard vandaag."),
    as_json: bool = typer.Option(False, "--json", help="Geef de beoordeling als JSON."),
    rules: Path | None = typer.Option(None, "--regels", help="Map met regelbestanden."),
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
        beoordeling = engine.evaluate(case.casus, gemeente=gemeente or case.gemeente, peildatum=day or case.peildatum)
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
    directory: Path | None = typer.Argument(None, help="Map met personabestanden (standaard: personas/)."),
    rules: Path | None = typer.Option(None, "--regels", help="Map met regelbestanden."),
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
        got["professionele_afweging"] = sorted({a["regel"] for a in got["professionele_afweging"]})
        shown_expected = ", ".join(f"{k}={v}" for k, v in expected.items())
        shown_actual = ", ".join(f"{k}={got.get(k)}" for k in expected)
        mark = (
            "[green]ok[/green]"
            if r.ok
            else "[red]VERSCHIL: " + "; ".join(f"{f}: verwacht {w}, kreeg {g}" for f, w, g in r.mismatches) + "[/red]"
        )
        table.add_row(r.name, r.beoordeling.regelset.gemeente or "landelijk", shown_expected, shown_actual, mark)
    _out.print(table)
    failed = [r for r in results if not r.ok]
    _out.print(f"{len(results) - len(failed)} van {len(results)} persona's zoals verwacht.")
    if errors:
        raise typer.Exit(2)
    if failed:
        raise typer.Exit(1)


app.command("leefwereldtoets")(leefwereldtoets)
app.command("caseload")(caseload)
app.command("wat-als")(wat_als)
app.command("serve")(serve)
app.add_typer(token_app, name="token")
app.add_typer(team_app, name="team")
