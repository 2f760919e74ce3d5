"""The HTML report of a what-if run: banner, charts (inline SVG), transitions, acknowledgements.

Self-contained: the charts are SVG drawn by `leefwereld.charts`, the page has no JavaScript.
"""

from __future__ import annotations

import datetime as dt
import html

import polars as pl

from leefwereld.charts import KLEUREN, gestapelde_balken, rond_drempel
from leefwereld.watals import CONFIGURATIE, KLASSE, WatAlsResultaat, in_woorden

_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222}main{max-width:70rem;margin:auto;padding:1rem 2rem}
.banner{padding:.8rem 1rem;border-radius:.4rem;font-weight:600;margin:1rem 0}
.ok{background:#d5f5e3;border:1px solid #1e8449}.amber{background:#fdebd0;border:1px solid #d68910}
.fout{background:#fadbd8;border:1px solid #c0392b}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}td.n{text-align:right}
.meta{color:#555}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
table{table-layout:fixed;width:100%}td,th{overflow-wrap:anywhere}
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def banner(r: WatAlsResultaat) -> tuple[str, str]:
    """(css class, text): red when the run fails, amber when families lose access (acknowledged),
    green otherwise."""
    verlies = r.gezinnen_minder_toegang
    if r.controle:
        return "fout", f"niet geslaagd: de controle met durable-rules vond {len(r.controle)} verschil(len)"
    if r.verlies_onerkend.height:
        n = int(r.verlies_onerkend["aantal"].sum())
        return "fout", f"niet geslaagd: {n} beoordelingen van beschermde groepen met minder toegang zonder erkenning"
    if verlies:
        return "amber", f"geslaagd — {verlies} gezinnen krijgen minder toegang (erkend of buiten de beschermde groepen)"
    return "ok", "geslaagd — geen gezin krijgt minder toegang"


def _table(frame: pl.DataFrame, columns: list[str], limit: int = 60) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    rows = []
    for row in frame.head(limit).iter_rows(named=True):
        cells = "".join(
            f'<td class="n">{_e(row[c])}</td>' if isinstance(row[c], int) else f"<td>{_e(row[c])}</td>" for c in columns
        )
        rows.append(f"<tr>{cells}</tr>")
    more = (
        f"<p class=meta>… en {frame.height - limit} rijen meer (zie overgangen.csv).</p>"
        if frame.height > limit
        else ""
    )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>{more}"


def _per_configuration_chart(r: WatAlsResultaat) -> str:
    per = r.gewijzigd.group_by(CONFIGURATIE, KLASSE).agg(pl.len().alias("n"))
    configs = r.configuraties
    series = {}
    for klasse in ("minder_toegang", "andere_route", "meer_toegang"):
        counts = dict(per.filter(pl.col(KLASSE) == klasse).select(CONFIGURATIE, "n").iter_rows())
        series[klasse.replace("_", " ")] = [int(counts.get(c, 0)) for c in configs]
    colours = {k.replace("_", " "): v for k, v in KLEUREN.items()}
    return gestapelde_balken("Gewijzigde beoordelingen per configuratie, naar soort", configs, series, colours)


def _transition_chart(r: WatAlsResultaat) -> str:
    alle = in_woorden(r.overgangen.filter(pl.col("groep") == "alle")).with_columns(
        pl.format("{}: {} → {}", "veld", "oud", "nieuw").alias("overgang")
    )
    top = (
        alle.group_by("overgang")
        .agg(pl.col("aantal").sum())
        .sort("aantal", descending=True)
        .head(8)["overgang"]
        .to_list()
    )
    series = {}
    for name in top:
        counts = dict(alle.filter(pl.col("overgang") == name).select(CONFIGURATIE, "aantal").iter_rows())
        series[name] = [int(counts.get(c, 0)) for c in r.configuraties]
    return gestapelde_balken("Meest voorkomende overgangen per configuratie", r.configuraties, series)


def html_rapport(r: WatAlsResultaat, gemaakt: dt.datetime | None = None) -> str:
    gemaakt = gemaakt or dt.datetime.now()
    state, text = banner(r)
    parts = [
        "<h1>Wat-als</h1>",
        f"<p class=meta>Basis: <code>{_e(r.basis_label)}</code> · {r.aantal_casussen} casussen, "
        f"{r.beoordelingen} beoordelingen per regelversie · configuraties: {_e(', '.join(r.configuraties))} · "
        f"peildatum {_e(r.peildatum.isoformat())} · gemaakt {_e(gemaakt.strftime('%Y-%m-%d %H:%M'))}</p>",
        f'<div class="banner {state}">{_e(text)}</div>',
        f"<p>{r.gewijzigd.height} beoordelingen veranderen; controle: {r.gecontroleerd} casussen ook met "
        f"durable-rules beoordeeld{', alle velden gelijk' if not r.controle else ''}.</p>",
    ]
    if r.controle:
        parts.append("<h2>Controle mislukt</h2><ul>" + "".join(f"<li>{_e(d)}</li>" for d in r.controle) + "</ul>")
    if r.gewijzigd.height:
        parts.append(f"<figure>{_per_configuration_chart(r)}</figure>")
        parts.append(f"<figure>{_transition_chart(r)}</figure>")
    for d in r.drempels:
        chart = rond_drempel(f"{d.parameter} ({d.configuratie}), feit {d.feit}", d.waarden, d.oud, d.nieuw)
        parts.append(f"<figure>{chart}</figure>")
    if r.gewijzigde_regels:
        items = "".join(f"<li><code>{_e(k)}</code>: {_e(v)}</li>" for k, v in r.gewijzigde_regels.items())
        parts.append(
            f"<details><summary>Gewijzigde regels ({len(r.gewijzigde_regels)})</summary><ul>{items}</ul></details>"
        )
    parts.append("<h2>Overgangen, alle casussen</h2>")
    parts.append(
        _table(
            in_woorden(r.overgangen.filter(pl.col("groep") == "alle")), [CONFIGURATIE, "veld", "oud", "nieuw", "aantal"]
        )
    )
    groepen = in_woorden(r.overgangen.filter(pl.col("groep") != "alle"))
    if groepen.height:
        parts.append("<h2>Overgangen per beschermde groep</h2>")
        parts.append(_table(groepen, [CONFIGURATIE, "groep", "veld", "oud", "nieuw", "aantal"]))
    parts.append("<h2>Beschermde groepen met minder toegang</h2>")
    if r.verlies_onerkend.height:
        parts.append("<p>Zonder erkenning (de run faalt):</p>")
        parts.append(_table(r.verlies_onerkend, [CONFIGURATIE, "groep", "aantal"]))
    if r.verlies_erkend.height:
        parts.append("<p>Erkend (<code>erkenningen:</code> met <code>groep:</code> en <code>regel:</code>):</p>")
        parts.append(_table(r.verlies_erkend, [CONFIGURATIE, "groep", "regel", "aantal"]))
    if not (r.verlies_onerkend.height or r.verlies_erkend.height):
        parts.append("<p>Geen.</p>")
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Wat-als — {_e(text)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(parts)}</main></body></html>\n"
    )
