"""The `reikwijdte leefwereldtoets` command: what a rule change does to the families, before it lands.

Exit codes follow the rest of the CLI: 0 no failing change, 1 a failing change (less access for
a protected group without acknowledgement, or an unexplained difference between municipalities),
2 the check could not run (bad base, invalid rules, unreadable personas).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer
from rich.console import Console

from engine.compiler import SelectionError
from engine.loader import load_rulebase
from engine.paths import default_dir
from engine.rulebase import RuleBase, RuleSetError
from leefwereld.basis import BasisFout, zoek_basis
from leefwereld.report import html_pagina, markdown, print_terminal
from leefwereld.run import Toetsresultaat, alleen_huidig, lees_personas, voer_toets_uit

_err = Console(stderr=True)


def _console() -> Console:
    # CI logs are not terminals; give the table room instead of rich's 80-column default.
    return Console(width=None if sys.stdout.isatty() else 160)


def stop(message: str, issues: list | None = None) -> typer.Exit:
    for issue in issues or []:  # one unwrapped line each: `file:line: id: message` stays whole for tools
        typer.echo(str(issue), err=True)
    _err.print(message, markup=False, highlight=False)
    return typer.Exit(2)


def load_rules(directory: Path, what: str) -> RuleBase:
    try:
        return load_rulebase(directory)
    except RuleSetError as exc:
        raise stop(f"De {what} in {directory} zijn geweigerd: {len(exc.issues)} fout(en).", exc.issues) from exc


def _write(result: Toetsresultaat, md_file: Path | None, html_file: Path | None) -> None:
    for target, text in ((md_file, markdown), (html_file, html_pagina)):
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text(result), encoding="utf-8")
            _err.print(f"Rapport geschreven: {target}", markup=False, highlight=False)


def leefwereldtoets(
    basis: str = typer.Option(
        "HEAD", "--basis", help="Git-revisie (bijv. HEAD, HEAD~1, main) of map met de oude regels."
    ),
    rules: Path | None = typer.Option(None, "--regels", help="Map met de huidige regels (standaard: rules/)."),
    personas_dir: Path | None = typer.Option(
        None, "--personas", help="Map met personabestanden (standaard: personas/)."
    ),
    md_file: Path | None = typer.Option(
        None, "--markdown", help="Schrijf het rapport als Markdown (voor een pull request)."
    ),
    html_file: Path | None = typer.Option(None, "--html", help="Schrijf het rapport als HTML-pagina."),
    peildatum: str | None = typer.Option(None, "--peildatum", help="JJJJ-MM-DD; standaard die van elke persona."),
    allow_invalid_base: bool = typer.Option(
        False,
        "--ongeldige-basis-toestaan",
        help="Een basis met ongeldige regels telt als 'geen basis' (exit 0) in plaats van exit 2.",
    ),
) -> None:
    """Vergelijk de uitkomst van elke persona tussen de basis en de huidige regels (leefwereldtoets)."""
    day = None
    if peildatum is not None:
        try:
            day = dt.date.fromisoformat(peildatum)
        except ValueError as exc:
            raise stop(f"--peildatum: '{peildatum}' is geen datum (JJJJ-MM-DD)") from exc
    rules_dir = rules or default_dir("rules", "REIKWIJDTE_REGELS")
    persona_dir = personas_dir or default_dir("personas", "REIKWIJDTE_PERSONAS")
    if not persona_dir.is_dir():
        raise stop(f"{persona_dir}: map met persona's bestaat niet")
    nieuw = load_rules(rules_dir, "huidige regels")
    personas, errors, warnings = lees_personas(persona_dir)
    if errors:
        raise stop(f"{len(errors)} personabestand(en) onleesbaar; de toets kan niet draaien.", errors)
    try:
        found = zoek_basis(basis, rules_dir)
    except BasisFout as exc:
        raise stop(f"--basis: {exc}") from exc
    try:
        oud = None
        reden = "de basis heeft nog geen regelmap"
        if found.map is not None:
            try:
                # Rules of a revision before the source register still read their sources by title.
                oud = load_rulebase(found.map, bronnen=nieuw.bronnen)
            except RuleSetError as exc:
                if not allow_invalid_base:
                    raise stop(
                        f"De regels van de basis {found.label} zijn ongeldig: {len(exc.issues)} fout(en).", exc.issues
                    ) from exc
                reden = f"de regels van de basis zijn ongeldig ({len(exc.issues)} fout(en))"
        if oud is None:
            result = alleen_huidig(nieuw, personas, found.label, persona_dir, reden)
        else:
            try:
                result = voer_toets_uit(oud, nieuw, personas, found.label, persona_dir, day)
            except SelectionError as exc:
                raise stop(str(exc)) from exc
        result.waarschuwingen = warnings + result.waarschuwingen
    finally:
        found.opruimen()
    print_terminal(result, _console())
    _write(result, md_file, html_file)
    if result.faalt:
        raise typer.Exit(1)
