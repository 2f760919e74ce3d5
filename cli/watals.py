"""The `reikwijdte caseload` and `reikwijdte wat-als` commands: a whole caseload under two rule versions.

Exit codes as the leefwereldtoets: 0 no failing change, 1 a protected group loses access without
an acknowledgement, or the cross-check with durable-rules found a difference, 2 the run could not
start (bad caseload, bad base, invalid rules).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import polars as pl
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from cli.leefwereld import load_rules, stop
from engine.batch.caseload import CaseloadError, read_caseload
from engine.batch.synthetic import PROPORTIONS, synthetic_caseload
from engine.bronnen import citeer
from engine.compiler import SelectionError
from engine.paths import default_dir
from leefwereld.basis import BasisFout, zoek_basis
from leefwereld.watals import LANDELIJK, WatAlsResultaat, in_woorden, voer_uit
from leefwereld.watals_report import html_rapport

_err = Console(stderr=True)


def caseload(
    aantal: int = typer.Option(..., "--aantal", min=1, help="Aantal casussen."),
    uit: Path = typer.Option(..., "--uit", help="Parquet-bestand om te schrijven."),
    zaad: int = typer.Option(2015, "--zaad", help="Zaad van de toevalsgenerator (zelfde zaad: zelfde caseload)."),
    gemeente: list[str] | None = typer.Option(
        None, "--gemeente", help="Gemeenten om over te verdelen (herhaalbaar; 'geen': zonder gemeente)."
    ),
    rules: Path | None = typer.Option(None, "--regels", help="Map met regels (voor de gemeenten; standaard rules/)."),
) -> None:
    """Schrijf een synthetische caseload (Parquet): geen echte gezinnen; de verhoudingen staan in docs/wat-als.md."""
    base = load_rules(rules or default_dir("rules", "REIKWIJDTE_REGELS"), "regels")
    if gemeente:
        codes: list[str | None] = [None if g == "geen" else g for g in gemeente]
    else:
        codes = sorted(base.gemeenten)  # type: ignore[assignment]
    frame = synthetic_caseload(aantal, zaad, codes)
    uit.parent.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(uit)
    _err.print(f"Synthetische caseload geschreven: {uit} ({aantal} casussen, zaad {zaad}).", highlight=False)
    for p in PROPORTIONS:
        herkomst = f"{p.herkomst}; {citeer(p.passage, base.bronnen)}" if p.passage else p.herkomst
        _err.print(f"  {p.what}: {p.value} ({herkomst})", markup=False, highlight=False)


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 160)


def wat_als(
    caseload_file: Path = typer.Option(..., "--caseload", help="Caseload: Parquet, CSV of JSON Lines."),
    basis: str = typer.Option("HEAD", "--basis", help="Git-revisie (bijv. HEAD, main) of map met de oude regels."),
    rules: Path | None = typer.Option(None, "--regels", help="Map met de huidige regels (standaard: rules/)."),
    gemeente: list[str] | None = typer.Option(
        None, "--gemeente", help="Alleen deze configuraties (herhaalbaar; 'landelijk' voor de landelijke)."
    ),
    uit: Path | None = typer.Option(None, "--uit", help="Map voor gewijzigde_casussen.parquet en overgangen.csv."),
    html_file: Path | None = typer.Option(None, "--html", help="Schrijf het rapport als HTML-pagina."),
    controle: int = typer.Option(
        200, "--controle", min=0, help="Zoveel willekeurige casussen per configuratie ook met durable-rules."
    ),
    skip_invalid: bool = typer.Option(
        False, "--sla-ongeldige-over", help="Sla ongeldige rijen over (gemeld) in plaats van te stoppen."
    ),
    peildatum: str | None = typer.Option(None, "--peildatum", help="JJJJ-MM-DD voor casussen zonder eigen peildatum."),
    zaad: int = typer.Option(2015, "--zaad", help="Zaad voor de keuze van de controlecasussen."),
) -> None:
    """Wat doet een regelwijziging met een hele caseload? Vergelijk de basis met de huidige regels."""
    try:
        day = dt.date.fromisoformat(peildatum) if peildatum else dt.date.today()
    except ValueError as exc:
        raise stop(f"--peildatum: '{peildatum}' is geen datum (JJJJ-MM-DD)") from exc
    rules_dir = rules or default_dir("rules", "REIKWIJDTE_REGELS")
    nieuw = load_rules(rules_dir, "huidige regels")
    unknown = [g for g in gemeente or [] if g != LANDELIJK and g not in nieuw.gemeenten]
    if unknown:
        raise stop(
            f"--gemeente: onbekende gemeente {', '.join(unknown)} (bekend: {', '.join(sorted(nieuw.gemeenten))})"
        )
    try:
        loaded = read_caseload(caseload_file)
    except CaseloadError as exc:
        raise stop(str(exc)) from exc
    frame = loaded.frame
    named = set(frame["gemeente"].drop_nulls().unique().to_list())
    strangers = sorted(named - set(nieuw.gemeenten))
    if strangers:
        raise stop(f"{caseload_file}: onbekende gemeente in de caseload: {', '.join(strangers)}")
    if loaded.problems:
        shown = [str(p) for p in loaded.problems]
        if not skip_invalid:
            raise stop(
                f"{caseload_file}: {loaded.bad_rows} ongeldige rij(en); de vergelijking is niet gestart "
                "(--sla-ongeldige-over slaat ze over).",
                shown,
            )
        for line in shown:
            typer.echo(line, err=True)
        _err.print(f"{loaded.bad_rows} ongeldige rij(en) overgeslagen.", highlight=False)
        frame = loaded.valid()
    try:
        found = zoek_basis(basis, rules_dir)
    except BasisFout as exc:
        raise stop(f"--basis: {exc}") from exc
    try:
        if found.map is None:
            raise stop(f"--basis {found.label}: de basis heeft nog geen regelmap")
        oud = load_rules(found.map, f"regels van de basis {found.label}")
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=_err,
            transient=True,
        ) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(step: str, done: int, total: int) -> None:
                if step not in tasks:
                    tasks[step] = bar.add_task(step, total=total)
                bar.update(tasks[step], completed=done, total=total)

            try:
                result = voer_uit(oud, nieuw, found.label, frame, gemeente, day, controle, zaad, progress)
            except SelectionError as exc:
                raise stop(str(exc)) from exc
    finally:
        found.opruimen()
    _print(result, _console())
    _write(result, uit, html_file)
    if result.faalt:
        raise typer.Exit(1)


def _print(result: WatAlsResultaat, console: Console) -> None:
    console.print(
        f"Wat-als: {result.aantal_casussen} casussen, {result.beoordelingen} beoordelingen per regelversie "
        f"({', '.join(result.configuraties)}), basis {result.basis_label}, peildatum {result.peildatum.isoformat()}.",
        highlight=False,
        markup=False,
    )
    if result.controle:
        for d in result.controle:
            console.print(f"CONTROLE MISLUKT: {d}", style="bold red", markup=False, highlight=False)
    else:
        console.print(
            f"Controle: {result.gecontroleerd} casussen ook met durable-rules beoordeeld (basis en huidig); alle velden gelijk."
        )
    console.print(
        f"{result.gewijzigd.height} gewijzigde beoordelingen; {result.gezinnen_minder_toegang} gezin(nen) met minder toegang."
    )
    alle = in_woorden(result.overgangen.filter(pl.col("groep") == "alle"))
    table = Table(title="Overgangen (alle casussen)")
    for column in ("configuratie", "veld", "oud", "nieuw", "aantal"):
        table.add_column(column, justify="right" if column == "aantal" else "left")
    for row in alle.head(40).iter_rows(named=True):
        table.add_row(row["configuratie"], row["veld"], row["oud"], row["nieuw"], str(row["aantal"]))
    console.print(table)
    for row in result.verlies_erkend.iter_rows(named=True):
        console.print(
            f"Erkend: {row['aantal']} casussen van groep {row['groep']} in {row['configuratie']} (regel {row['regel']}).",
            markup=False,
        )
    for row in result.verlies_onerkend.iter_rows(named=True):
        console.print(
            f"ZONDER ERKENNING: {row['aantal']} casussen van beschermde groep {row['groep']} in {row['configuratie']} "
            "krijgen minder toegang.",
            style="bold red",
            markup=False,
        )


def _write(result: WatAlsResultaat, uit: Path | None, html_file: Path | None) -> None:
    if uit is not None:
        uit.mkdir(parents=True, exist_ok=True)
        result.gewijzigd.write_parquet(uit / "gewijzigde_casussen.parquet")
        result.overgangen.write_csv(uit / "overgangen.csv")
        _err.print(f"Geschreven: {uit / 'gewijzigde_casussen.parquet'}, {uit / 'overgangen.csv'}", highlight=False)
    if html_file is not None:
        html_file.parent.mkdir(parents=True, exist_ok=True)
        html_file.write_text(html_rapport(result), encoding="utf-8")
        _err.print(f"Rapport geschreven: {html_file}", highlight=False)
