"""Reports of the leefwereldtoets: a terminal table, Markdown for a pull request, and an HTML page.

Policy makers and family representatives read these, so every heading and label is Dutch and a
value is never shown as a bare code where a word will do. The HTML page is self-contained (inline
CSS, no scripts, no external files) so it can be attached to a proposal or opened from CI
artefacts, and it must read without sideways scrolling on a laptop screen (1366 px).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from engine.casefile import PROTECTED_GROUPS
from engine.labels import VERWIJZING_STATUS_KORT
from engine.rulebase import LoadedErkenning
from leefwereld.charts import KLEUREN, gestapelde_balken
from leefwereld.compare import (
    AFWEGING,
    KOLOMMEN,
    VERWIJZING_VELDEN,
    Klasse,
    PersonaVergelijking,
    VeldWijziging,
    afwegingen,
)
from leefwereld.run import Toetsresultaat

KLASSE_LABEL = {
    Klasse.gelijk: "gelijk",
    Klasse.meer_toegang: "meer toegang",
    Klasse.andere_route: "andere route",
    Klasse.minder_toegang: "minder toegang",
}
KLASSE_TEKEN = {Klasse.gelijk: "", Klasse.meer_toegang: "▲", Klasse.andere_route: "↔", Klasse.minder_toegang: "▼"}
_RICH_STIJL = {
    Klasse.gelijk: "",
    Klasse.meer_toegang: "green",
    Klasse.andere_route: "yellow",
    Klasse.minder_toegang: "bold red",
}
_KOLOM_LABEL = dict(KOLOMMEN)
_VERWIJZING_LABEL = {
    "status": "stand van de verwijzing",
    "toegestaan": "verwijzing toegestaan",
    "toestemming_vooraf": "toestemming vooraf",
    "toetsing_achteraf": "toetsing achteraf",
    "gemeente_moet_betalen": "gemeente betaalt",
    "gemeente_niet_verplicht": "gemeente niet verplicht te betalen",
    "start_niet_blokkeren": "start niet blokkeren",
}


# -- words for values ------------------------------------------------------------------------------


def veld_label(veld: str) -> str:
    if veld == AFWEGING:
        return "professionele afweging"
    if veld.startswith("verwijzing."):
        return _VERWIJZING_LABEL.get(veld.split(".", 1)[1], veld)
    return _KOLOM_LABEL.get(veld, veld).lower()


def toon(value: Any, leeg: str = "—") -> str:
    """A value as a policy maker reads it: ja/nee, words instead of snake_case, '—' for nothing."""
    if value is None:
        return leeg
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(toon(v) for v in value) if value else leeg
    if isinstance(value, str) and value in VERWIJZING_STATUS_KORT:
        return VERWIJZING_STATUS_KORT[value]
    return str(value).replace("_", " ")


def wijziging_tekst(w: VeldWijziging) -> str:
    if w.is_afweging:
        if w.nieuw is None:
            return f"professionele afweging vervalt: {w.oud}"
        if w.oud is None:
            return f"nieuwe professionele afweging: {w.nieuw}"
        return f"professionele afweging: {w.oud} → {w.nieuw}"
    leeg = "open" if w.veld.startswith("verwijzing.") else "—"
    return f"{veld_label(w.veld)}: {toon(w.oud, leeg)} → {toon(w.nieuw, leeg)}"


def _reden(loaded: LoadedErkenning) -> str:
    """An acknowledgement's reason on one line (YAML folded text ends in a newline)."""
    return " ".join(loaded.erkenning.reden.split())


def gemeente_label(gemeente: str | None) -> str:
    return gemeente or "landelijk"


def oordeel(v: PersonaVergelijking) -> str:
    """The verdict on one persona's change, in words."""
    if v.faalt and v.verliest_afweging:
        return "FAALT: een professionele afweging vervalt voor een beschermde groep, zonder erkenning"
    if v.faalt:
        return "FAALT: minder toegang voor een beschermde groep, zonder erkenning"
    if v.vraagt_erkenning:
        return "erkend in de regels"
    if v.klasse is Klasse.minder_toegang and v.bereikt_verwachting:
        return "minder toegang op een veld, maar nu precies wat het gezin mag verwachten"
    if v.klasse is Klasse.minder_toegang and not v.verlies:
        return "minder toegang, maar zoals het gezin mag verwachten"
    if v.klasse is Klasse.minder_toegang:
        return "minder toegang (geen beschermde groep)"
    return KLASSE_LABEL[v.klasse]


def _sorted(items: Iterable[PersonaVergelijking]) -> list[PersonaVergelijking]:
    return sorted(items, key=lambda v: (not v.faalt, -v.klasse.ernst, v.persona.stem, v.gemeente or ""))


def _key(v: PersonaVergelijking) -> tuple:
    changes = tuple((w.veld, repr(w.oud), repr(w.nieuw), w.klasse.value) for w in v.wijzigingen)
    rules = tuple((x.id, x.hoe, x.reden) for x in v.regels)
    ack = (v.erkenning.file, v.erkenning.line) if v.erkenning else None
    return (v.persona.stem, changes, rules, oordeel(v), ack)


def groepeer(items: Iterable[PersonaVergelijking]) -> list[list[PersonaVergelijking]]:
    """One group per persona and identical change, so a national rule change is shown once, not per municipality."""
    groups: dict[tuple, list[PersonaVergelijking]] = {}
    for v in _sorted(items):
        groups.setdefault(_key(v), []).append(v)
    return list(groups.values())


def waar(group: list[PersonaVergelijking], total: int) -> str:
    """Where a group's change happens: 'overal', a short list, or a count."""
    names = [gemeente_label(v.gemeente) for v in group]
    if total > 1 and len(group) == total:
        return f"overal (landelijk en {total - 1} gemeente(n))"
    if len(names) > 4:
        return f"{names[0]} en {len(names) - 1} andere"
    return ", ".join(names)


def samenvatting(r: Toetsresultaat) -> str:
    if r.geen_basis:
        return f"Geen basis om mee te vergelijken: {r.geen_basis_reden} ({r.basis}); de toets is overgeslagen."
    counts = {k: sum(1 for v in r.gewijzigd if v.klasse is k) for k in Klasse}
    parts = [
        f"{r.aantal_personas} persona's in {len(r.configuraties)} configuratie(s)",
        f"{len(r.gewijzigd)} gewijzigd ({counts[Klasse.minder_toegang]} minder toegang, "
        f"{counts[Klasse.andere_route]} andere route, {counts[Klasse.meer_toegang]} meer toegang)",
        f"{len(r.erkend)} erkend",
        f"{len(r.falend)} falend",
    ]
    if r.eenheid:
        parts.append(f"{len(r.onverklaard)} onverklaard verschil tussen gemeenten")
    return "; ".join(parts) + "."


def verdict(r: Toetsresultaat) -> str:
    if r.geen_basis:
        return "Geen basis om mee te vergelijken"
    return "Niet geslaagd" if r.faalt else "Geslaagd"


# -- terminal ---------------------------------------------------------------------------------------


def print_terminal(r: Toetsresultaat, console: Console) -> None:
    """A readable table on the terminal: only what changed, failures first."""
    console.print(Text(f"Leefwereldtoets — basis: {r.basis} · huidige regels: {r.regels}", style="bold"))
    if r.geen_basis:
        console.print(samenvatting(r))
        return
    if r.regelwijzigingen:
        console.print("Gewijzigde regels: " + ", ".join(f"{k} ({v})" for k, v in r.regelwijzigingen.items()))
    for config, params in r.parameterwijzigingen.items():
        shown = ", ".join(f"{k}: {toon(a)} → {toon(b)}" for k, (a, b) in params.items())
        console.print(f"Gewijzigde parameters ({gemeente_label(config)}): {shown}")
    if r.gewijzigd:
        table = Table(title="Wat verandert er voor de persona's", expand=True, show_lines=True)
        for column, ratio in (
            ("persona", 3),
            ("gemeente", 2),
            ("wat verandert", 4),
            ("regels en bronnen", 5),
            ("oordeel", 3),
        ):
            table.add_column(column, ratio=ratio, overflow="fold")
        for group in groepeer(r.gewijzigd):
            v = group[0]
            who = Text(f"{v.persona.naam}\n({v.persona.stem})")
            who.append("\n" + ", ".join(v.persona.groepen), style="bold" if v.persona.beschermd else "dim")
            what = Text()
            for w in v.wijzigingen:
                extra = f" ({w.opmerking})" if w.opmerking else ""
                what.append(f"{KLASSE_TEKEN[w.klasse]} {wijziging_tekst(w)}{extra}\n", style=_RICH_STIJL[w.klasse])
            rules = "\n".join(f"{x.id} {x.hoe}: {x.citaat}" + (f" — {x.reden}" if x.reden else "") for x in v.regels)
            verdict_text = Text(oordeel(v), style="bold red" if v.faalt else _RICH_STIJL[v.klasse])
            if v.erkenning is not None:
                erkend = v.erkenning
                verdict_text.append(
                    f"\nerkenning ({erkend.file}:{erkend.line}, {erkend.erkenning.datum}): {_reden(erkend)}"
                )
            table.add_row(who, waar(group, len(r.configuraties)), what, rules or "—", verdict_text)
        console.print(table)
    else:
        console.print("Geen enkele persona krijgt een andere uitkomst.")
    explained = [e for e in r.eenheid if e.verklaard]
    if explained:
        console.print(
            f"Landelijke eenheid: {len(explained)} verschil(len) tussen gemeente en landelijk, alle verklaard door "
            "gemeentelijke keuzes (parameters); zie het Markdown- of HTML-rapport."
        )
    if r.onverklaard:
        table = Table(title="Landelijke eenheid: ONVERKLAARDE verschillen tussen gemeente en landelijk", expand=True)
        for column in ("persona", "gemeente", "wat verschilt", "regels die verschillen"):
            table.add_column(column, overflow="fold")
        for e in r.onverklaard:
            table.add_row(
                e.persona.stem,
                e.gemeente,
                "\n".join(wijziging_tekst(w) for w in e.wijzigingen),
                Text((", ".join(e.regels) or "(geen regel aan te wijzen)") + " — landelijk bedoeld", style="bold red"),
            )
        console.print(table)
    for ongebruikt in r.ongebruikte_erkenningen:
        wie = ongebruikt.erkenning
        console.print(
            f"[dim]Erkenning niet gebruikt: {ongebruikt.file}:{ongebruikt.line} {wie.persona} / {wie.regel}[/dim]"
        )
    for message in r.waarschuwingen:
        console.print(f"[yellow]Let op:[/yellow] {message}", highlight=False)
    style = "bold red" if r.faalt else "bold green"
    console.print(Text(f"{verdict(r)}: {samenvatting(r)}", style=style))


# -- Markdown ---------------------------------------------------------------------------------------


def _md(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(r: Toetsresultaat) -> str:
    """Markdown for a pull request: verdict first, failures in full, the rest as one table."""
    losing = 0 if r.geen_basis else gezinnen_minder_toegang(r)
    mark = "❌" if r.faalt else ("🟠" if losing else "✅")
    suffix = "" if r.geen_basis else f" — {verlies_tekst(losing)}"
    lines = [f"## {mark} Leefwereldtoets: {verdict(r).lower()}{suffix}", ""]
    lines += [f"Basis: `{r.basis}` · huidige regels: `{r.regels}` (versie `{r.huidig_versie}`)", ""]
    lines += [samenvatting(r), ""]
    if r.geen_basis:
        return "\n".join(lines)
    if r.regelwijzigingen:
        lines += ["**Gewijzigde regels:** " + ", ".join(f"`{k}` ({v})" for k, v in r.regelwijzigingen.items()), ""]
    for config, params in r.parameterwijzigingen.items():
        shown = ", ".join(f"`{k}` {toon(a)} → {toon(b)}" for k, (a, b) in params.items())
        lines += [f"**Gewijzigde parameters ({gemeente_label(config)}):** {shown}", ""]
    if r.falend:
        lines += ["### Falende wijzigingen", ""]
        lines += [
            "Minder toegang voor een persona uit een beschermde groep, of een professionele afweging die voor"
            " zo'n persona vervalt, zonder erkenning in de regels.",
            "",
        ]
        for group in groepeer(r.falend):
            lines += _md_detail(group, len(r.configuraties))
    if r.gewijzigd:
        lines += [
            "### Alle wijzigingen",
            "",
            "| persona | gemeente | wat verandert | regels en bronnen | oordeel |",
            "|---|---|---|---|---|",
        ]
        for group in groepeer(r.gewijzigd):
            v = group[0]
            what = "<br>".join(f"{KLASSE_TEKEN[w.klasse]} {_md(wijziging_tekst(w))}" for w in v.wijzigingen)
            rules = "<br>".join(f"`{x.id}` {x.hoe}: {_md(x.citaat)}" for x in v.regels) or "—"
            lines.append(
                f"| {_md(v.persona.naam)} (`{v.persona.stem}`) | {waar(group, len(r.configuraties))} | {what} | {rules} | {_md(oordeel(v))} |"
            )
        lines.append("")
    else:
        lines += ["Geen enkele persona krijgt een andere uitkomst.", ""]
    if r.erkend:
        lines += [
            "### Erkenningen",
            "",
            "| persona | gemeente | regel | reden | datum | waar |",
            "|---|---|---|---|---|---|",
        ]
        for group in groepeer(r.erkend):
            v, e = group[0], group[0].erkenning
            assert e is not None
            lines.append(
                f"| `{v.persona.stem}` | {waar(group, len(r.configuraties))} | `{e.erkenning.regel}` | {_md(_reden(e))} "
                f"| {e.erkenning.datum} | `{e.file}:{e.line}` |"
            )
        lines.append("")
    if r.eenheid:
        lines += ["### Landelijke eenheid", ""]
        header = ["| persona | gemeente | wat verschilt | verklaring |", "|---|---|---|---|"]
        if r.onverklaard:
            lines += [
                "Onverklaarde verschillen: een landelijk bedoelde regel geeft in een gemeente een andere uitkomst.",
                "",
            ]
            lines += header + [_md_eenheid(e) for e in r.onverklaard] + [""]
        explained = [e for e in r.eenheid if e.verklaard]
        if explained:
            lines += [
                f"<details><summary>{len(explained)} verschil(len) verklaard door gemeentelijke keuzes</summary>",
                "",
            ]
            lines += header + [_md_eenheid(e) for e in explained] + ["", "</details>", ""]
    for message in r.waarschuwingen:
        lines.append(f"> Let op: {_md(message)}")
    return "\n".join(lines).rstrip() + "\n"


def _md_eenheid(e) -> str:
    why = (
        "; ".join(e.verklaring)
        if e.verklaard
        else "**onverklaard**: " + (", ".join(e.regels) or "geen regel") + " landelijk bedoeld"
    )
    what = "<br>".join(_md(wijziging_tekst(w)) for w in e.wijzigingen)
    return f"| `{e.persona.stem}` | {e.gemeente} | {what} | {_md(why)} |"


def _md_detail(group: list[PersonaVergelijking], total: int) -> list[str]:
    v = group[0]
    lines = [
        f"#### {_md(v.persona.naam)} (`{v.persona.stem}`), {waar(group, total)}",
        "",
        f"Groepen: {', '.join(v.persona.groepen)}. Waar ze op mogen rekenen: {_md(v.persona.waar_ze_op_mogen_rekenen)}",
        "",
    ]
    lines += [
        f"- {KLASSE_TEKEN[w.klasse]} {_md(wijziging_tekst(w))} ({KLASSE_LABEL[w.klasse]}"
        + (f"; {w.opmerking})" if w.opmerking else ")")
        for w in v.wijzigingen
    ]
    lines += [
        f"- regel `{x.id}` {x.hoe} — {_md(x.titel)}; bron: {_md(x.citaat)}" + (f"; {_md(x.reden)}" if x.reden else "")
        for x in v.regels
    ]
    return lines + [""]


# -- HTML -------------------------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9;font-size:15px;line-height:1.45}
main{max-width:1320px;margin:0 auto;padding:20px 20px 48px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:32px 0 8px}h3{font-size:1.05rem;margin:0 0 6px}
p{margin:6px 0}.meta{color:#4b5563;font-size:.9rem;overflow-wrap:anywhere}
.verdict{border-radius:8px;padding:12px 16px;margin:14px 0;font-weight:600}
.verdict.ok{background:#e3f6e8;border:1px solid #2e7d32}.verdict.fout{background:#fde2e1;border:1px solid #b42318}
.verdict.leeg{background:#eef2f7;border:1px solid #64748b}.verdict.amber{background:#fdf0d5;border:1px solid #b45309}
figure{margin:10px 0;background:#fff}figure svg{max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 4px;padding:0;list-style:none;font-size:.85rem}
.legend li{padding:2px 10px;border-radius:12px;border:1px solid #cbd5e1}
table{width:100%;border-collapse:collapse;table-layout:fixed;background:#fff}
th,td{border:1px solid #d5dbe3;padding:5px 6px;vertical-align:top;text-align:left;overflow-wrap:break-word;hyphens:auto}
th{background:#eef2f7;font-size:.8rem;font-weight:600}
.matrix td{font-size:.8rem}.matrix th.persona{width:18%}
.matrix td.persona{font-size:.85rem}.persona small{display:block;color:#5b6675;font-size:.72rem}
.beschermd{font-weight:700;color:#7a2e0e}
.k-gelijk{color:#6b7280}.k-meer_toegang{background:#e3f6e8}.k-andere_route{background:#fff4d6}
.k-minder_toegang{background:#fde2e1;font-weight:600}
.faalt td.persona{box-shadow:inset 4px 0 0 #b42318}
.card{background:#fff;border:1px solid #d5dbe3;border-radius:8px;padding:12px 16px;margin:12px 0}
.card.faalt{border:2px solid #b42318}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.78rem;margin:0 4px 2px 0;border:1px solid #cbd5e1;background:#f8fafc}
.badge.beschermd{border-color:#b45309;background:#fff7ed}
.erkenning{background:#f1f5ff;border-left:4px solid #3b5bdb;padding:6px 10px;margin-top:8px}
ul{margin:4px 0 4px 20px;padding:0}li{margin:2px 0}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
code{font-size:.85em;background:#eef2f7;padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
@media (max-width:900px){
 .matrix thead{display:none}.matrix tr{display:block;border:1px solid #d5dbe3;margin-bottom:8px}
 .matrix td{display:block;border:none;border-top:1px solid #eef2f7}
 .matrix td[data-kolom]::before{content:attr(data-kolom) ": ";font-weight:600}
}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


# Long Dutch words do not fit a narrow matrix column; a soft hyphen lets the browser break them well.
_ZACHT = {"ontwikkelingskansen": "ontwikkelings\u00adkansen", "bestaanszekerheid": "bestaans\u00adzekerheid"}


def _zacht(text: str) -> str:
    for word, broken in _ZACHT.items():
        text = text.replace(word, broken)
    return text


def _cel(v: PersonaVergelijking, kolom: str) -> tuple[str, str]:
    """(css class, cell html) for one matrix cell."""
    changes = [w for w in v.wijzigingen if w.kolom == kolom]
    klasse = v.kolomklasse(kolom)
    if changes:
        inner = "<br>".join(
            f"{KLASSE_TEKEN[w.klasse]} "
            + _e(wijziging_tekst(w) if kolom in ("verwijzing", AFWEGING) else f"{toon(w.oud)} → {toon(w.nieuw)}")
            for w in changes
        )
        return f"k-{klasse.value}", inner
    if kolom == AFWEGING:
        return "k-gelijk", _e(", ".join(sorted(afwegingen(v.nieuw))) or "—")
    if kolom == "verwijzing":
        ref = v.nieuw.verwijzing
        if ref is None:
            return "k-gelijk", "—"
        set_true = [_VERWIJZING_LABEL[s] for s in VERWIJZING_VELDEN if s != "status" and getattr(ref, s) is True]
        stand = VERWIJZING_STATUS_KORT[ref.status] if ref.status else "stand nog open"
        return "k-gelijk", _e("; ".join([stand, *([", ".join(set_true)] if set_true else [])]))
    value = getattr(v.nieuw, kolom)
    return "k-gelijk", _e(toon(sorted(value) if isinstance(value, list) else value))


def _matrix(rows: list[PersonaVergelijking]) -> str:
    head = '<th class="persona" scope="col">Persona</th>' + "".join(
        f'<th scope="col">{_e(label)}</th>' for _, label in KOLOMMEN
    )
    body = []
    for v in rows:
        groups = _e(", ".join(g.replace("_", " ") for g in v.persona.groepen))
        tag = ' class="beschermd"' if v.persona.beschermd else ""
        cells = [
            f'<td class="persona"><a href="#{_anchor(v)}">{_e(v.persona.naam)}</a>'
            if v.wijzigingen
            else f'<td class="persona">{_e(v.persona.naam)}'
        ]
        mark = (
            "<small><strong>faalt: niet erkend</strong></small>"
            if v.faalt
            else ("<small>erkend in de regels</small>" if v.erkenning is not None else "")
        )
        cells[0] += f"<small{tag}>{groups}</small>{mark}</td>"
        for kolom, label in KOLOMMEN:
            css, inner = _cel(v, kolom)
            cells.append(f'<td class="{css}" data-kolom="{_e(label)}">{_zacht(inner)}</td>')
        row_class = ' class="faalt"' if v.faalt else ""
        body.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    return f'<table class="matrix"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _anchor(v: PersonaVergelijking) -> str:
    return f"p-{v.persona.stem}-{v.gemeente or 'landelijk'}"


def _card(group: list[PersonaVergelijking], total: int) -> str:
    v = group[0]
    badges = "".join(
        f'<span class="badge{" beschermd" if g in PROTECTED_GROUPS else ""}">{_e(g.replace("_", " "))}</span>'
        for g in v.persona.groepen
    )
    changes = "".join(
        f'<li class="k-{w.klasse.value}">{KLASSE_TEKEN[w.klasse]} {_e(wijziging_tekst(w))} '
        f"<em>({_e(KLASSE_LABEL[w.klasse])}{'; ' + _e(w.opmerking) if w.opmerking else ''})</em></li>"
        for w in v.wijzigingen
    )
    rules = (
        "".join(
            f"<li><code>{_e(x.id)}</code> {_e(x.hoe)}: {_e(x.titel)}<br>bron: {_e(x.citaat)}"
            + (f"<br><small>{_e(x.reden)}</small>" if x.reden else "")
            + "</li>"
            for x in v.regels
        )
        or "<li>geen regel aan te wijzen</li>"
    )
    ack = ""
    if v.erkenning is not None:
        e = v.erkenning
        ack = (
            f'<div class="erkenning"><strong>Erkenning</strong> voor regel <code>{_e(e.erkenning.regel)}</code> '
            f"({_e(e.erkenning.datum)}, <code>{_e(e.file)}:{e.line}</code>): {_e(_reden(e))}</div>"
        )
    base_note = ""
    new_here = [gemeente_label(x.gemeente) for x in group if x.gemeente is not None and x.basis_gemeente is None]
    if new_here:
        base_note = f"<p class=meta>In de basis had {_e(', '.join(new_here))} geen eigen bestand; vergeleken met de landelijke standaard.</p>"
    anchors = "".join(f'<span id="{_e(_anchor(x))}"></span>' for x in group)
    return (
        f'<article class="card{" faalt" if v.faalt else ""}">{anchors}'
        f"<h3>{_e(v.persona.naam)} <span class=meta>({_e(v.persona.stem)}; {_e(waar(group, total))})</span></h3>"
        f"<p>{badges}</p><p><strong>Oordeel:</strong> {_e(oordeel(v))}</p>{base_note}"
        f"<p><strong>Waar ze op mogen rekenen:</strong> {_e(v.persona.waar_ze_op_mogen_rekenen)}</p>"
        f"<p><strong>Wat verandert</strong></p><ul>{changes}</ul>"
        f"<p><strong>Verantwoordelijke regels en bronnen</strong></p><ul>{rules}</ul>{ack}</article>"
    )


def html_pagina(r: Toetsresultaat, gemaakt: dt.datetime | None = None) -> str:
    """The self-contained HTML report: verdict, matrix per configuration, details, acknowledgements."""
    gemaakt = gemaakt or dt.datetime.now()
    losing = gezinnen_minder_toegang(r)
    state = "leeg" if r.geen_basis else ("fout" if r.faalt else ("amber" if losing else "ok"))
    parts = [
        f"<h1>Leefwereldtoets</h1><p class=meta>Basis: <code>{_e(r.basis)}</code> (versie {_e(r.basis_versie or '—')}) · "
        f"huidige regels: <code>{_e(r.regels)}</code> (versie {_e(r.huidig_versie)}) · persona's: <code>{_e(r.personas_map)}</code> · "
        f"gemaakt {_e(gemaakt.strftime('%Y-%m-%d %H:%M'))}</p>",
        f'<div class="verdict {state}">{_e(verdict(r))} — {_e(verlies_tekst(losing))}. {_e(samenvatting(r))}</div>',
    ]
    if not r.geen_basis and r.gewijzigd:
        parts.append(f"<figure>{_overzicht(r)}</figure>")
    if not r.geen_basis:
        parts.append(
            "<p>Elke persona is een gezin uit de persona-bibliotheek. Per uitkomstveld staat de huidige uitkomst; "
            "een gekleurd vak laat zien wat er verandert ten opzichte van de basis (oud → nieuw).</p>"
            '<ul class="legend"><li class="k-minder_toegang">▼ minder toegang</li><li class="k-andere_route">↔ andere route</li>'
            '<li class="k-meer_toegang">▲ meer toegang</li><li>ongewijzigd</li>'
            '<li><span class="beschermd">vet</span>: beschermde groep</li></ul>'
        )
        if r.regelwijzigingen or r.parameterwijzigingen:
            items = [f"<li>regel <code>{_e(k)}</code>: {_e(v)}</li>" for k, v in r.regelwijzigingen.items()]
            for config, params in r.parameterwijzigingen.items():
                items += [
                    f"<li>parameter <code>{_e(k)}</code> ({_e(gemeente_label(config))}): {_e(toon(a))} → {_e(toon(b))}</li>"
                    for k, (a, b) in params.items()
                ]
            parts.append(
                f"<details><summary>Wat is er aan de regels gewijzigd ({len(items)})</summary><ul>{''.join(items)}</ul></details>"
            )
        national = {v.persona.stem: _key(v)[1:] for v in r.vergelijkingen if v.gemeente is None}
        for config in r.configuraties:
            rows = _sorted(v for v in r.vergelijkingen if v.gemeente == config)
            changed = sum(1 for v in rows if v.wijzigingen)
            own = [v for v in rows if v.wijzigingen and _key(v)[1:] != national.get(v.persona.stem)]
            title = f"Matrix: {gemeente_label(config)} — {changed} van {len(rows)} persona's gewijzigd"
            if config is None or own:
                parts.append(f"<h2>{_e(title)}</h2>{_matrix(rows)}")
            else:
                note = " (zelfde wijzigingen als landelijk)" if changed else ""
                parts.append(f"<details><summary>{_e(title + note)}</summary>{_matrix(rows)}</details>")
        parts.append(_per_gemeente(r, national))
        groups = groepeer(r.gewijzigd)
        if groups:
            total = len(r.configuraties)
            parts.append("<h2>Toelichting per gewijzigde persona</h2>" + "".join(_card(g, total) for g in groups))
        parts.append(_erkenningen_html(r))
        parts.append(_eenheid_html(r))
    if r.waarschuwingen:
        parts.append("<h2>Let op</h2><ul>" + "".join(f"<li>{_e(m)}</li>" for m in r.waarschuwingen) + "</ul>")
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Leefwereldtoets — {_e(verdict(r))}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(parts)}</main></body></html>\n"
    )


def gezinnen_minder_toegang(r: Toetsresultaat) -> int:
    """How many families (personas) get less access in at least one configuration."""
    return len({v.persona.stem for v in r.gewijzigd if v.klasse is Klasse.minder_toegang})


def verlies_tekst(aantal: int) -> str:
    if aantal == 0:
        return "geen gezin krijgt minder toegang"
    return f"{aantal} {'gezin krijgt' if aantal == 1 else 'gezinnen krijgen'} minder toegang"


def _overzicht(r: Toetsresultaat) -> str:
    """The summary chart at the top: changed personas per configuration, by kind of change."""
    labels = [gemeente_label(c) for c in r.configuraties]
    series = {}
    for klasse in (Klasse.minder_toegang, Klasse.andere_route, Klasse.meer_toegang):
        series[klasse.value.replace("_", " ")] = [
            sum(1 for v in r.gewijzigd if v.gemeente == c and v.klasse is klasse) for c in r.configuraties
        ]
    colours = {k.replace("_", " "): v for k, v in KLEUREN.items()}
    return gestapelde_balken("Gewijzigde persona's per configuratie, naar soort", labels, series, colours)


def _per_gemeente(r: Toetsresultaat, national: dict[str, Any]) -> str:
    """Per municipality only what differs from the national result: the personas whose change
    there is not the national one."""
    sections = []
    for config in r.configuraties:
        if config is None:
            continue
        rows = _sorted(v for v in r.vergelijkingen if v.gemeente == config)
        own = [v for v in rows if _key(v)[1:] != national.get(v.persona.stem)]
        anchor = f"gemeente-{_e(config)}"
        if own:
            body = f"<p>{len(own)} persona('s) veranderen hier anders dan landelijk.</p>{_matrix(own)}"
        else:
            body = "<p>Niets wijkt af van het landelijke resultaat.</p>"
        sections.append(f'<section id="{anchor}"><h3>{_e(gemeente_label(config))}</h3>{body}</section>')
    if not sections:
        return ""
    return "<h2>Per gemeente: alleen wat afwijkt van landelijk</h2>" + "".join(sections)


def _erkenningen_html(r: Toetsresultaat) -> str:
    if not r.erkenningen:
        return "<h2>Erkenningen</h2><p>De regels bevatten geen erkenningen.</p>"
    used = {id(v.erkenning): v for v in r.erkend}
    rows = []
    for e in r.erkenningen:
        v = used.get(id(e))
        status = f"gebruikt ({_e(gemeente_label(v.gemeente))})" if v else "niet nodig in deze vergelijking"
        rows.append(
            f"<tr><td><code>{_e(e.erkenning.persona)}</code></td><td><code>{_e(e.erkenning.regel)}</code></td>"
            f"<td>{_e(e.erkenning.gemeente or 'elke')}</td><td>{_e(_reden(e))}</td><td>{_e(e.erkenning.datum)}</td>"
            f"<td><code>{_e(e.file)}:{e.line}</code><br>{status}</td></tr>"
        )
    return (
        "<h2>Erkenningen</h2><p>Bewust aanvaard verlies van toegang, met reden, zoals vastgelegd in de regelbestanden.</p>"
        '<table><thead><tr><th style="width:16%">persona</th><th style="width:10%">regel</th><th style="width:9%">gemeente</th>'
        '<th>reden</th><th style="width:9%">datum</th><th style="width:16%">waar</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _eenheid_html(r: Toetsresultaat) -> str:
    if not r.eenheid:
        return "<h2>Landelijke eenheid</h2><p>Elke persona krijgt in elke gemeente dezelfde uitkomst als landelijk.</p>"
    rows = []
    for e in sorted(r.eenheid, key=lambda e: (e.verklaard, e.persona.stem)):
        why = (
            _e("; ".join(e.verklaring))
            if e.verklaard
            else (
                f"<strong>Onverklaard</strong>: {_e(', '.join(e.regels) or 'geen regel aan te wijzen')} — landelijk bedoeld, "
                "maar geen gemeentelijke parameter verklaart het verschil"
            )
        )
        css = "" if e.verklaard else ' class="k-minder_toegang"'
        what = "<br>".join(_e(wijziging_tekst(w)) for w in e.wijzigingen)
        rows.append(
            f"<tr{css}><td>{_e(e.persona.naam)}</td><td>{_e(e.gemeente)}</td><td>{what}</td><td>{why}</td></tr>"
        )
    return (
        "<h2>Landelijke eenheid</h2><p>Persona's die in een gemeente een andere uitkomst krijgen dan landelijk. "
        "Dat mag alleen als een keuze van die gemeente (een parameter) het verklaart.</p>"
        '<table><thead><tr><th style="width:22%">persona</th><th style="width:12%">gemeente</th><th>wat verschilt</th>'
        f"<th>verklaring</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
