"""The intake: a case entered step by step, the advice previewed as it grows, then stored.

Every change of the form (with htmx) or press of "Advies bijwerken" (without) posts the whole
form; the case is evaluated and the page shows the advice and the engine's next questions
(`vervolgvragen`, most decisive first) as fields to answer right there. Such a preview is not
stored and not logged. Only "Beoordeling opslaan" stores the assessment, through the same use
case as `POST /v1/beoordelingen` (`api.usecases.beoordeel`, idempotent on the form's key, so a
double click stores one assessment).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api import usecases
from api.models import BeoordelingAanvraag
from api.problems import ApiProblem
from api.services import Services
from engine.assessment import Beoordeling
from engine.compiler import SelectionError
from web import caseform
from web.caseform import Invoer
from web.dependencies import FormDep, ToegangSessie
from web.sessions import Sessie, services_of
from web.templating import is_htmx, redirect, render

router = APIRouter(include_in_schema=False)

#: How many next questions the page offers at once.
VOLGENDE_VRAGEN = 5
_KEY = re.compile(r"^[0-9a-f-]{36}$")


@router.get("/intake")
async def nieuwe_casus(request: Request, sessie: ToegangSessie) -> Response:
    svc = services_of(request)
    gemeente = sessie.principal.gemeente if sessie.principal.gemeente in svc.engine.base.gemeenten else None
    invoer = caseform.empty(gemeente, dt.date.today())
    return await _page(request, sessie, invoer, str(uuid.uuid4()))


@router.post("/intake")
async def intake(request: Request, sessie: ToegangSessie, form: FormDep) -> Response:
    svc = services_of(request)
    invoer = caseform.read(form, frozenset(svc.engine.base.gemeenten))
    sleutel = str(form.get("sleutel") or "")
    if not _KEY.match(sleutel):
        sleutel = str(uuid.uuid4())
    if form.get("actie") == "opslaan" and invoer.casus is not None:
        aanvraag = BeoordelingAanvraag(casus=invoer.casus, gemeente=invoer.gemeente, peildatum=invoer.peildatum)
        try:
            stored = await usecases.beoordeel(svc, sessie.principal, aanvraag, sleutel)
        except ApiProblem as problem:
            _problem_at_fields(invoer, problem)
        else:
            request.state.log["beoordeling"] = stored.id
            return redirect(request, f"/beoordelingen/{stored.id}", sessie)
    return await _page(request, sessie, invoer, sleutel)


def _problem_at_fields(invoer: Invoer, problem: ApiProblem) -> None:
    for param in problem.invalid_params or [{"name": "peildatum", "reason": problem.detail or ""}]:
        field = param["name"].removeprefix("casus.")
        invoer.fouten.setdefault(field if field in ("gemeente", "peildatum") else "peildatum", param["reason"])
    invoer.casus = None


async def _preview(svc: Services, invoer: Invoer) -> Beoordeling | None:
    """The advice for the form as it is now (never stored), or None while the form has errors."""
    if invoer.casus is None:
        return None
    try:
        return await run_in_threadpool(svc.engine.evaluate, invoer.casus, invoer.gemeente, invoer.peildatum)
    except SelectionError as exc:
        invoer.fouten["peildatum"] = str(exc)
        invoer.casus = None
        return None


async def _page(request: Request, sessie: Sessie, invoer: Invoer, sleutel: str) -> Response:
    svc = services_of(request)
    beoordeling = await _preview(svc, invoer)
    volgende = []
    if beoordeling is not None:
        for vraag in beoordeling.vervolgvragen:
            veld = caseform.VELDEN.get(vraag.feit)
            if veld is not None and veld not in volgende:
                volgende.append(veld)
            if len(volgende) == VOLGENDE_VRAGEN:
                break
    paden = {v.pad for v in volgende}
    open_groepen = {path.split(".", 1)[0] for path in invoer.fouten if "." in path}
    context = {
        "titel": "Nieuwe casus",
        "actief": "intake",
        "invoer": invoer,
        "fouten": caseform.fout_ids(invoer),
        "beoordeling": beoordeling,
        "volgende": volgende,
        "volgende_paden": paden,
        "groepen": caseform.GROEPEN,
        "open_groepen": open_groepen,
        "gemeenten": sorted(svc.engine.base.gemeenten),
        "sleutel": sleutel,
    }
    # htmx swaps only a 2xx answer; a plain form post with errors answers 422.
    status = 422 if invoer.fouten and request.method == "POST" and not is_htmx(request) else 200
    return render(request, "intake.html", context, status=status, sessie=sessie)
