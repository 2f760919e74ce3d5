"""The sandbox pages: edit or upload a draft, see its errors at their lines, run the leefwereldtoets.

`GET /proefomgeving` shows the session's draft (or a file of the rules in service to start
from); `POST /proefomgeving` validates the edited or uploaded text (`web.sandbox`); a valid
draft can be tried out (`POST /proefomgeving/toets`), whose page refreshes itself while the run
goes on; the draft and the report's Markdown can be downloaded. Only `beleid` reaches them, and
a user only ever sees the draft of their own session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from engine.paths import default_dir
from engine.rulebase import MUNICIPAL_DIR
from leefwereld.compare import Klasse
from leefwereld.report import gemeente_label, groepeer, markdown, oordeel, samenvatting, verdict, waar, wijziging_tekst
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
    concept = concepten_of(request).get(sessie.id)
    if concept is None or not concept.geldig:
        return redirect(request, "/proefomgeving", sessie)
    personas = default_dir("personas", "REIKWIJDTE_PERSONAS")
    try:
        await run_in_threadpool(concepten_of(request).start, concept, request.app.state.services.engine.base, personas)
    except Bezet:
        return _page(
            request,
            sessie,
            concept,
            concept.bestand,
            concept.tekst,
            melding="Er lopen nu al andere toetsen. Probeer het over een minuut opnieuw.",
            status=503,
        )
    return redirect(request, "/proefomgeving/toets", sessie)


@router.get("/proefomgeving/toets")
async def toets(request: Request, sessie: BeleidSessie) -> Response:
    concept = concepten_of(request).get(sessie.id)
    if concept is None or concept.run is None:
        return redirect(request, "/proefomgeving", sessie)
    run = concept.run
    context: dict[str, Any] = {
        "titel": "Leefwereldtoets van uw concept",
        "actief": "proef",
        "concept": concept,
        "run": run,
    }
    if run.resultaat is not None:
        context.update(_result_view(request, run.resultaat))
    return render(request, "beleid/toets.html", context, sessie=sessie)


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
