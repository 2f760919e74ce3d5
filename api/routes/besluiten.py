"""Finding decisions: the decisions within the token's reach, newest first, paginated."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Query, Request

from api import usecases
from api.dependencies import ServicesDep, ZaakLezer
from api.models import BesluitenPagina
from api.routes import problems
from api.routes.paging import PaginaDep, PeriodeDep, pagina_links
from api.store import Zoekvraag

router = APIRouter(prefix="/v1/besluiten", tags=["besluiten"])


@router.get(
    "",
    response_model=BesluitenPagina,
    responses=problems(401, 403, 422, 429, 503),
    summary="Zoek de besluiten van uw team, nieuwste eerst",
    description="Een pagina besluiten binnen het bereik van het token (eigen team, eigen gemeente voor `audit`, "
    "alles voor `audit_landelijk`). Elke pagina wordt vastgelegd in de leesregistratie.",
)
def zoek_besluiten(
    request: Request,
    principal: ZaakLezer,
    svc: ServicesDep,
    pagina: PaginaDep,
    periode: PeriodeDep,
    besluit: Literal["volgen", "afwijken"] | None = Query(None, description="Alleen dit soort besluit."),
    casus_kenmerk: str | None = Query(
        None, alias="casusKenmerk", max_length=100, description="Alleen besluiten over dit eigen kenmerk."
    ),
    beoordeling_id: uuid.UUID | None = Query(None, alias="beoordelingId", description="Alleen over deze beoordeling."),
) -> BesluitenPagina:
    zoek = Zoekvraag(
        vanaf=periode.vanaf,
        tot=periode.tot,
        besluit=besluit,
        casus_kenmerk=casus_kenmerk,
        beoordeling_id=str(beoordeling_id) if beoordeling_id else None,
    )
    gevonden = usecases.lijst_besluiten(svc, principal, zoek, pagina.nummer, pagina.grootte, request.url.query)
    return BesluitenPagina.model_validate(
        {"besluiten": gevonden.rijen, "_links": pagina_links(request, pagina, gevonden.volgende)}
    )
