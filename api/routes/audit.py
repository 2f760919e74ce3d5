"""The read audit: who read which case data, when, from which team (for `audit` roles only)."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Query, Request

from api import usecases
from api.dependencies import Auditor, ServicesDep
from api.models import LezingenPagina
from api.routes import problems
from api.routes.paging import PaginaDep, PeriodeDep, pagina_links
from api.store import Zoekvraag

router = APIRouter(prefix="/v1/audit", tags=["audit"])


@router.get(
    "",
    response_model=LezingenPagina,
    responses=problems(401, 403, 422, 429, 503),
    summary="Leesregistratie: wie las welke casusgegevens, nieuwste eerst",
    description="Elke lezing van een beoordeling, besluit of lijstpagina, ook geweigerde. `audit` ziet de lezingen "
    "door teams van de eigen gemeente, `audit_landelijk` alle. Ook deze lezing wordt vastgelegd.",
)
def leesregistratie(
    request: Request,
    principal: Auditor,
    svc: ServicesDep,
    pagina: PaginaDep,
    periode: PeriodeDep,
    handeling: Literal["beoordeling", "beoordelingen", "besluiten", "besluit", "audit"] | None = Query(
        None, description="Alleen deze soort lezing."
    ),
    token_naam: str | None = Query(
        None, alias="tokenNaam", max_length=100, description="Alleen lezingen door deze houder."
    ),
    beoordeling_id: uuid.UUID | None = Query(
        None, alias="beoordelingId", description="Alleen lezingen van deze beoordeling."
    ),
) -> LezingenPagina:
    zoek = Zoekvraag(
        vanaf=periode.vanaf,
        tot=periode.tot,
        handeling=handeling,
        token_naam=token_naam,
        beoordeling_id=str(beoordeling_id) if beoordeling_id else None,
    )
    gevonden = usecases.lijst_lezingen(svc, principal, zoek, pagina.nummer, pagina.grootte, request.url.query)
    return LezingenPagina.model_validate(
        {"lezingen": gevonden.rijen, "_links": pagina_links(request, pagina, gevonden.volgende)}
    )
