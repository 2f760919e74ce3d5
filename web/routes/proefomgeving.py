"""The sandbox pages: edit or upload a draft, see its errors at their lines, run the leefwereldtoets.

`GET /proefomgeving` shows the session's draft (or a file of the rules in service to start
from); `POST /proefomgeving` validates the edited or uploaded text (`web.sandbox`); a valid
draft can be tried out (`POST /proefomgeving/toets`), whose page refreshes itself while the run
goes on; the draft and the report's Markdown can be downloaded. A valid draft can also be tried
on a synthetic caseload (`POST /proefomgeving/wat-als`: the what-if of `reikwijdte wat-als`), with
its transitions as CSV and its report as HTML to download. Only `beleid` reaches them, and a user
only ever sees the draft of their own session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from markupsafe import Markup
from starlette.datastructures import UploadFile

from engine import labels
from engine.paths import REPO_ROOT, default_dir
from engine.rulebase import MUNICIPAL_DIR
from leefwereld.compare import Klasse
from leefwereld.report import gemeente_label, groepeer, markdown, oordeel, samenvatting, verdict, waar, wijziging_tekst
from leefwereld.watals import CONFIGURATIE, KLASSE, LANDELIJK, RIJ, WatAlsResultaat, in_woorden
from leefwereld.watals_report import banner, html_rapport
from web.dependencies import BeleidSessie, FormDep
from web.routes.beleid import rulebook_of
from web.sandbox import Bezet, Concept, Concepten, draft_problem
from web.templating import redirect, render

router = APIRouter(include_in_schema=False)

#: The sandbox's paths that take a rules file: they get the API validation route's body limit.
RULES_BODY_PATHS = ("/proefomgeving",)


def concepten_of(request: Request) -> Concepten:
    concepten: Concepten = request.app.state.concepten
    return concepten


def _rules_dir(request: Request) -> Path:
    return Path(request.app.state.services.settings.rules_dir)


def rule_files(rules_dir: Path) -> list[str]:
    """The files a draft can replace: the national rule files and every municipal file."""
    names = sorted(p.name for p in rules_dir.glob("*.yaml"))
    names += sorted(f"{MUNICIPAL_DIR}/{p.name}" for p in (rules_dir / MUNICIPAL_DIR).glob("*.yaml"))
    return names


def _page(request: Request, sessie: Any, concept: Concept | None, bestand: str, tekst: str, **extra: Any) -> Response:
    context = {
        "titel": "Proefomgeving",
        "actief": "proef",
        "bestanden": rule_files(_rules_dir(request)),
        "bestand": bestand,
        "tekst": tekst,
        "concept": concept,
        "regels": tekst.split("\n"),
        "fout_regels": concept.fout_regels() if concept else set(),
        "melding": None,
    }
    context.update(extra)
    return render(request, "beleid/proefomgeving.html", context, status=extra.pop("status", 200), sessie=sessie)


@router.get("/proefomgeving")
async def proefomgeving(request: Request, sessie: BeleidSessie, bestand: str | None = Query(None)) -> Response:
    concept = concepten_of(request).get(sessie.id)
    files = rule_files(_rules_dir(request))
    if bestand is not None and bestand not in files:
        raise HTTPException(404)
    if concept is not None and (bestand is None or bestand == concept.bestand):
        return _page(request, sessie, concept, concept.bestand, concept.tekst)
    chosen = bestand or "parameters.yaml"
    tekst = (_rules_dir(request) / chosen).read_text(encoding="utf-8")
    return _page(request, sessie, None, chosen, tekst)


@router.post("/proefomgeving")
async def controleer(request: Request, sessie: BeleidSessie, form: FormDep) -> Response:
    bestand = str(form.get("bestand") or "").strip()
    upload = form.get("upload")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read()
        if not bestand:
            bestand = Path(upload.filename).name
    else:
        raw = str(form.get("tekst") or "").replace("\r\n", "\n").encode("utf-8")
    limit = request.app.state.services.settings.max_rules_body_bytes
    problem = draft_problem(bestand, raw, limit)
    if problem is None:
        try:
            tekst = raw.decode("utf-8")
        except UnicodeDecodeError:
            problem = "Het bestand is geen UTF-8-tekst."
    if problem is not None:
        current = concepten_of(request).get(sessie.id)
        shown = current.tekst if current else ""
        return _page(request, sessie, current, bestand, shown, melding=problem, status=422)
    concept = await run_in_threadpool(concepten_of(request).check, sessie.id, _rules_dir(request), bestand, tekst)
    return _page(request, sessie, concept, bestand, tekst, status=200 if concept.geldig else 422)


@router.post("/proefomgeving/toets")
async def start_toets(request: Request, sessie: BeleidSessie, _form: FormDep) -> Response:
    personas = default_dir("personas", "REIKWIJDTE_PERSONAS")
    current = request.app.state.services.engine.base
    return await _start(request, sessie, lambda c: concepten_of(request).start(c, current, personas), "toets")


@router.get("/proefomgeving/toets")
async def toets(request: Request, sessie: BeleidSessie) -> Response:
    return _run_page(request, sessie, "run", "Leefwereldtoets van uw concept", "beleid/toets.html", _result_view)


@router.post("/proefomgeving/wat-als")
async def start_wat_als(request: Request, sessie: BeleidSessie, _form: FormDep) -> Response:
    current = request.app.state.services.engine.base
    return await _start(request, sessie, lambda c: concepten_of(request).start_wat_als(c, current), "wat-als")


@router.get("/proefomgeving/wat-als")
async def wat_als(request: Request, sessie: BeleidSessie) -> Response:
    return _run_page(
        request, sessie, "watals", "Wat-als op een synthetische caseload", "beleid/watals.html", _watals_view
    )


async def _start(request: Request, sessie: Any, begin: Callable[[Concept], object], pagina: str) -> Response:
    """Start a run of the session's valid draft and go to its page; a clear refusal when too many run."""
    concept = concepten_of(request).get(sessie.id)
    if concept is None or not concept.geldig:
        return redirect(request, "/proefomgeving", sessie)
    try:
        await run_in_threadpool(begin, concept)
    except Bezet:
        return _page(
            request,
            sessie,
            concept,
            concept.bestand,
            concept.tekst,
            melding="Er lopen nu al andere toetsen of berekeningen. Probeer het over een minuut opnieuw.",
            status=503,
        )
    return redirect(request, f"/proefomgeving/{pagina}", sessie)


def _run_page(
    request: Request, sessie: Any, soort: str, titel: str, template: str, view: Callable[[Request, Any], dict[str, Any]]
) -> Response:
    """The page of the session's run (`run`: leefwereldtoets, `watals`: what-if): progress, then the result."""
    concept = concepten_of(request).get(sessie.id)
    run = getattr(concept, soort, None)
    if concept is None or run is None:
        return redirect(request, "/proefomgeving", sessie)
    context: dict[str, Any] = {"titel": titel, "actief": "proef", "concept": concept, "run": run}
    if run.resultaat is not None:
        context.update(view(request, run.resultaat))
    return render(request, template, context, sessie=sessie)


def _watals_result(request: Request, sessie: Any) -> WatAlsResultaat:
    concept = concepten_of(request).get(sessie.id)
    if concept is None or concept.watals is None or concept.watals.resultaat is None:
        raise HTTPException(404)
    return concept.watals.resultaat


@router.get("/proefomgeving/overgangen.csv")
async def download_overgangen(request: Request, sessie: BeleidSessie) -> Response:
    result = _watals_result(request, sessie)
    return _download(result.overgangen.write_csv(), "overgangen.csv", "text/csv; charset=utf-8")


@router.get("/proefomgeving/wat-als.html")
async def download_watals_rapport(request: Request, sessie: BeleidSessie) -> Response:
    result = _watals_result(request, sessie)
    page = await run_in_threadpool(html_rapport, result)
    return _download(page, "wat-als.html", "text/html; charset=utf-8")


#: The what-if's documentation, shown to policy makers as a page (it is English, as every doc).
WATALS_DOC = REPO_ROOT / "docs" / "wat-als.md"


@router.get("/proefomgeving/wat-als/uitleg")
async def watals_uitleg(request: Request, sessie: BeleidSessie) -> Response:
    from markdown_it import MarkdownIt

    inhoud = MarkdownIt("js-default").render(WATALS_DOC.read_text(encoding="utf-8"))
    context = {"titel": "Wat-als: uitleg", "actief": "proef", "inhoud": Markup(inhoud)}
    return render(request, "beleid/uitleg.html", context, sessie=sessie)


@router.get("/proefomgeving/concept")
async def download_concept(request: Request, sessie: BeleidSessie) -> Response:
    concept = concepten_of(request).get(sessie.id)
    if concept is None:
        raise HTTPException(404)
    name = concept.bestand.replace("/", "-")
    return _download(concept.tekst, name, "application/yaml; charset=utf-8")


@router.get("/proefomgeving/leefwereldtoets.md")
async def download_rapport(request: Request, sessie: BeleidSessie) -> Response:
    concept = concepten_of(request).get(sessie.id)
    if concept is None or concept.run is None or concept.run.resultaat is None:
        raise HTTPException(404)
    return _download(markdown(concept.run.resultaat), "leefwereldtoets.md", "text/markdown; charset=utf-8")


def _download(text: str, name: str, media: str) -> Response:
    response = Response(text.encode("utf-8"), media_type=media)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _result_view(request: Request, result: Any) -> dict[str, Any]:
    """What the result page shows: the verdict, the chart's bars, and one card per group of changes."""
    book = rulebook_of(request)
    staven = []
    for config in result.configuraties:
        rows = [v for v in result.gewijzigd if v.gemeente == config]
        counts = {
            k: sum(1 for v in rows if v.klasse is k)
            for k in (Klasse.minder_toegang, Klasse.andere_route, Klasse.meer_toegang)
        }
        staven.append((gemeente_label(config), counts))
    grootste = max([1, *(n for _, c in staven for n in c.values())])
    groepen = []
    for group in groepeer(result.gewijzigd):
        first = group[0]
        groepen.append(
            {
                "persona": first.persona,
                "klasse": first.klasse.value,
                "oordeel": oordeel(first),
                "waar": waar(group, len(result.configuraties)),
                "wijzigingen": [wijziging_tekst(w) for w in first.wijzigingen],
                "regels": [(x, book.regel(x.id)) for x in first.regels],
                "faalt": first.faalt,
            }
        )
    return {
        "resultaat": result,
        "verdict": verdict(result),
        "samenvatting": samenvatting(result),
        "staven": staven,
        "grootste": grootste,
        "groepen": groepen,
    }


#: How many transitions per municipality the page lists; the CSV has them all.
MAX_OVERGANGEN = 12
_ALERT = {"fout": "error", "amber": "warning", "ok": "ok"}


def _watals_view(request: Request, result: WatAlsResultaat) -> dict[str, Any]:
    """The what-if page: the verdict, per municipality the changed assessments by kind (the bars)
    and the transitions in words, and the protected groups that lose access."""
    names = dict(rulebook_of(request).gemeenten())

    def naam(config: str) -> str:
        return "Landelijk" if config == LANDELIJK else names.get(config, config)

    per_klasse = result.gewijzigd.group_by(CONFIGURATIE, KLASSE).agg(pl.col(RIJ).n_unique().alias("n"))
    counts = {(c, k): int(n) for c, k, n in per_klasse.iter_rows()}
    alle = result.overgangen.filter(pl.col("groep") == "alle")
    gemeenten: list[dict[str, Any]] = []
    grootste = 1
    for config in result.configuraties:
        rows = alle.filter(pl.col(CONFIGURATIE) == config)
        klassen = {k: counts.get((config, k), 0) for k in ("minder_toegang", "andere_route", "meer_toegang")}
        grootste = max(grootste, *klassen.values())
        overgangen = list(in_woorden(rows.head(MAX_OVERGANGEN)).iter_rows(named=True))
        gemeenten.append(
            {
                "code": config,
                "naam": naam(config),
                "klassen": klassen,
                "overgangen": overgangen,
                "meer": max(0, rows.height - MAX_OVERGANGEN),
            }
        )

    def groepen(frame: pl.DataFrame) -> list[dict[str, Any]]:
        return [
            {
                "groep": labels.BESCHERMDE_GROEP.get(r["groep"], r["groep"]),
                "waar": naam(r[CONFIGURATIE]),
                "aantal": r["aantal"],
                "regel": r.get("regel"),
            }
            for r in frame.iter_rows(named=True)
        ]

    state, text = banner(result)
    drempels = [
        {
            "parameter": d.parameter,
            "waar": naam(d.configuratie),
            "oud": f"{d.oud:g}",
            "nieuw": f"{d.nieuw:g}",
            "feit": labels.veld(d.feit),
            "tussen": sum(1 for v in d.waarden if min(d.oud, d.nieuw) < v <= max(d.oud, d.nieuw)),
        }
        for d in result.drempels
    ]
    return {
        "resultaat": result,
        "alert": _ALERT[state],
        "verdict": text[0].upper() + text[1:],
        "gemeenten": gemeenten,
        "staven": [(g["naam"], g["klassen"]) for g in gemeenten],
        "grootste": grootste,
        "onerkend": groepen(result.verlies_onerkend),
        "erkend": groepen(result.verlies_erkend),
        "drempels": drempels,
    }
