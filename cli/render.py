"""A readable Dutch assessment on a terminal, for access-team staff.

Fields, values and outcomes are named by `engine.labels`, the words the web pages use too.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from engine import labels
from engine.assessment import Beoordeling
from engine.motivation import domein_in_words
from engine.partial import aangenomen

_COLOUR = {"binnen": "green", "buiten": "yellow", "onbeslist": "magenta"}


def render_assessment(b: Beoordeling, console: Console, title: str = "Beoordeling") -> None:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Reikwijdte", Text(labels.uitkomst("reikwijdte", b.reikwijdte), style=_COLOUR[b.reikwijdte]))
    if b.buiten_domein:
        head.add_row("Gaat voor", domein_in_words(b.buiten_domein))
    if b.buiten_gronden_basis:
        # Every ground, in words, with its footing: a proposal must never read as law.
        head.add_row(
            "Gronden buiten",
            Text(
                "\n".join(f"{g.uitleg} ({labels.BASIS[g.basis]}; {g.regel}; {g.bron})" for g in b.buiten_gronden_basis)
            ),
        )
    head.add_row("Toegang", labels.uitkomst("toegang", b.toegang))
    if b.onmiddellijk_handelen:
        head.add_row("Veiligheid", Text("direct handelen", style="bold red"))
    if b.gedwongen_kader:
        head.add_row("Kader", "gedwongen kader (maatregel of strafrechtelijke beslissing)")
    if b.grondslagen:
        head.add_row("Grondslagen", ", ".join(labels.uitkomst("grondslagen", g) for g in b.grondslagen))
    if b.signalen:
        head.add_row("Aandachtspunten", ", ".join(labels.uitkomst("signalen", s) for s in b.signalen))
    if b.verwijzing:
        ref = b.verwijzing
        head.add_row("Verwijzing", labels.VERWIJZING_STATUS_KORT[ref.status] if ref.status else "nog open")
        shown = {k: v for k, v in ref.model_dump(exclude={"status"}).items() if v is not None}
        if shown:
            words = (f"{labels.veld('verwijzing.' + k).lower()}: {labels.waarde(k, v)}" for k, v in shown.items())
            head.add_row("", ", ".join(words))
    bon = b.regelset
    head.add_row("Regelset", f"{bon.versie} · {bon.peildatum} · {bon.gemeente or 'landelijk'}")
    head.add_row(
        "Herkomst",
        f"parameters {bon.parameters_versie} · regelmachine {bon.motor_versie} · regeltaal {bon.regeltaal_versie}"
        f" · commit {bon.commit[:12] if bon.commit else '— (niet uit een vastgelegde git-versie)'}",
    )
    for w in b.toelichting.landelijke_waarden:
        head.add_row("Landelijke waarde", w.uitleg)

    applied = Table(title="Toegepaste regels", expand=True, show_lines=False)
    applied.add_column("id", no_wrap=True)
    applied.add_column("titel")
    applied.add_column("bron")
    for r in b.toelichting.toegepast:
        applied.add_row(r.id, r.titel, r.bron.citaat)

    parts: list = [head, applied]
    if b.professionele_afweging:
        weigh = Table(title="Professionele afweging", expand=True)
        weigh.add_column("regel", no_wrap=True)
        weigh.add_column("onderwerp")
        weigh.add_column("te wegen")
        for a in b.professionele_afweging:
            weigh.add_row(a.regel, a.onderwerp, ", ".join(a.te_wegen))
        parts.append(weigh)
    if b.aannames:
        # A list, not a table: the reasons and sources are sentences that need the full width.
        assumed = Text("Aannames: het advies gaat hiervan uit tot het bekend is", style="bold")
        for assumption in b.aannames:
            style = "bold red" if assumption.veiligheid else "bold"
            assumed.append("\n• ")
            assumed.append(labels.veld(assumption.feit), style=style)
            assumed.append(f": aangenomen {aangenomen(assumption.feit, assumption.waarde)}")
            if assumption.samen_met:
                assumed.append(f" (telt samen met {', '.join(labels.veld(p) for p in assumption.samen_met)})")
            assumed.append(f"\n  Waarom: {' '.join(assumption.reden.split())} (bron: {assumption.bron.citaat})")
            assumed.append(f"\n  Vraag: {assumption.vraag}")
        parts.append(assumed)
    if b.vervolgvragen:
        ask = Table(title=f"Eerst te vragen ({min(5, len(b.vervolgvragen))} van {len(b.vervolgvragen)})", expand=True)
        ask.add_column("#", no_wrap=True)
        ask.add_column("vraag")
        ask.add_column("kan beslissen")
        for number, q in enumerate(b.vervolgvragen[:5], start=1):
            settles = ", ".join(labels.veld(f) for f in q.kan_beslissen) + (" (nu aangenomen)" if q.aanname else "")
            ask.add_row(str(number), q.vraag, settles)
        parts.append(ask)
    if b.ontbrekende_gegevens:
        missing = ", ".join(labels.veld(p) for p in b.ontbrekende_gegevens)
        parts.append(Text("Ontbrekende gegevens: " + missing, style="magenta"))
    if b.conflicten:
        conflicts = "; ".join(
            f"{labels.veld(c.veld)}: "
            + ", ".join(f"{rid} zegt {labels.waarde(c.veld, v)}" for rid, v in c.waarden.items())
            for c in b.conflicten
        )
        parts.append(Text("Conflicten: " + conflicts, style="red"))
    parts.append(Panel(b.motivering, title="Motivering"))
    console.print(Panel(Group(*parts), title=title))
