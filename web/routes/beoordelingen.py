"""Stored assessments: read one (with its decisions), record a decision, find earlier ones.

Reading and listing go through the API's use cases (`api.usecases`), so the reach of each role
and the read audit are the API's: `toegang` sees its own team's assessments, `audit` its
municipality's, `audit_landelijk` all, and every page that shows case data is recorded. A
decision is stored by the same use case as `POST /v1/beoordelingen/{id}/besluit`; deviating
without a motivation is refused at the field. The search form is posted (its filters, such as
a case reference, never appear in a URL); only the assessment's id does.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from api import usecases
from api.models import BesluitAanvraag, Besluiten, OpgeslagenBeoordeling
from api.problems import ApiProblem
from api.store import Zoekvraag
from engine import labels
from engine.schema_messages import dutch_message
from web.dependencies import FormDep, LezerSessie, ToegangSessie
from web.sessions import Sessie, services_of
from web.templating import redirect, render

router = APIRouter(include_in_schema=False)

#: Assessments per page of the list.
PAGINA_GROOTTE = 20


@router.get("/beoordelingen/{id}")
async def beoordeling(id: uuid.UUID, request: Request, sessie: LezerSessie) -> Response:
    request.state.log["beoordeling"] = str(id)
    return await _assessment_page(request, sessie, id)


async def _assessment_page(
    request: Request,
    sessie: Sessie,
    id: uuid.UUID,
    fouten: dict[str, str] | None = None,
    waarden: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    svc = services_of(request)
    document = await run_in_threadpool(usecases.lees_beoordeling, svc, sessie.principal, id)
    record = OpgeslagenBeoordeling.model_validate_json(document)
    besluiten = Besluiten.model_validate_json(
        await run_in_threadpool(usecases.lees_besluiten, svc, sessie.principal, id)
    ).besluiten
    eigenaar = await run_in_threadpool(svc.store.eigenaar, str(id))
    context = {
        "titel": f"Beoordeling {record.casus_kenmerk or ''}".strip(),
        "record": record,
        "b": record.beoordeling,
        "besluiten": besluiten,
        "laatste": besluiten[-1] if besluiten else None,
        "fouten": fouten or {},
        "waarden": waarden or {},
        "vastgelegd": request.query_params.get("besluit") == "vastgelegd",
        "mag_besluiten": sessie.heeft("toegang")
        and eigenaar is not None
        and eigenaar.team_id == sessie.principal.team_id,
    }
    return render(request, "beoordeling.html", context, status=status, sessie=sessie)


@router.post("/beoordelingen/{id}/besluit")
async def besluit(id: uuid.UUID, request: Request, sessie: ToegangSessie, form: FormDep) -> Response:
    request.state.log["beoordeling"] = str(id)
    waarden = {name: str(form.get(name) or "") for name in ("besluit", "motivering", "vorig_besluit_id")}
    try:
        aanvraag = BesluitAanvraag.model_validate(
            {
                "besluit": waarden["besluit"] or None,
                "motivering": waarden["motivering"].strip() or None,
                "vorig_besluit_id": waarden["vorig_besluit_id"] or None,
            }
        )
    except ValidationError as exc:
        fouten: dict[str, str] = {}
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "besluit"
            message = "kies of u het advies volgt of ervan afwijkt" if field == "besluit" else None
            fouten.setdefault(
                field, message or str(error.get("ctx", {}).get("error") or dutch_message(error, show_value=False))
            )
        return await _assessment_page(request, sessie, id, fouten, waarden, status=422)
    try:
        stored = await run_in_threadpool(
            usecases.leg_besluit_vast, services_of(request), sessie.principal, id, aanvraag
        )
    except ApiProblem as problem:
        if problem.status != 409:
            raise
        return await _assessment_page(
            request,
            sessie,
            id,
            {"besluit": "Er is intussen een ander besluit vastgelegd. Lees het hieronder en besluit opnieuw."},
            waarden,
            status=409,
        )
    request.state.log["besluit"] = stored.id
    return redirect(request, f"/beoordelingen/{id}?besluit=vastgelegd#besluiten", sessie)


@router.get("/beoordelingen")
async def lijst(request: Request, sessie: LezerSessie) -> Response:
    return await _list_page(request, sessie, {}, 1)


@router.post("/beoordelingen")
async def zoek(request: Request, sessie: LezerSessie, form: FormDep) -> Response:
    try:
        pagina = max(1, int(str(form.get("pagina") or "1")))
    except ValueError:
        pagina = 1
    return await _list_page(request, sessie, form, pagina)


def _filters(form: FormData | dict[str, Any]) -> tuple[dict[str, str], dict[str, str], Zoekvraag]:
    waarden = {name: str(form.get(name) or "").strip() for name in ("kenmerk", "reikwijdte", "toegang", "vanaf", "tot")}
    fouten: dict[str, str] = {}
    dagen: dict[str, dt.date | None] = {}
    for name in ("vanaf", "tot"):
        try:
            dagen[name] = dt.date.fromisoformat(waarden[name]) if waarden[name] else None
        except ValueError:
            fouten[name] = "vul een datum in als jjjj-mm-dd"
            dagen[name] = None
    for name in ("reikwijdte", "toegang"):
        if waarden[name] and waarden[name] not in labels.UITKOMST_WAARDE[name]:
            fouten[name] = "kies een waarde uit de lijst"
            waarden[name] = ""
    if len(waarden["kenmerk"]) > 100:
        fouten["kenmerk"] = "een kenmerk is hoogstens 100 tekens"
    zoek = Zoekvraag(
        vanaf=dagen["vanaf"],
        tot=dagen["tot"],
        reikwijdte=waarden["reikwijdte"] or None,
        toegang=waarden["toegang"] or None,
        casus_kenmerk=(waarden["kenmerk"] or None) if "kenmerk" not in fouten else None,
    )
    return waarden, fouten, zoek


async def _list_page(request: Request, sessie: Sessie, form: FormData | dict[str, Any], pagina: int) -> Response:
    svc = services_of(request)
    waarden, fouten, zoek = _filters(form)
    rijen: list[dict[str, Any]] = []
    volgende = False
    if not fouten:
        # The read audit records which filters were used (as the API records its query string).
        beschrijving = "web: " + json.dumps({k: v for k, v in waarden.items() if v} | {"pagina": pagina})
        gevonden = await run_in_threadpool(
            usecases.lijst_beoordelingen, svc, sessie.principal, zoek, pagina, PAGINA_GROOTTE, beschrijving
        )
        rijen, volgende = gevonden.rijen, gevonden.volgende
    context = {
        "titel": "Eerdere beoordelingen",
        "actief": "lijst",
        "rijen": rijen,
        "waarden": waarden,
        "fouten": fouten,
        "pagina": pagina,
        "volgende": volgende,
        # An auditor sees several teams; a team member only their own.
        "toon_team": sessie.heeft("audit", "audit_landelijk"),
    }
    return render(request, "lijst.html", context, status=422 if fouten else 200, sessie=sessie)
