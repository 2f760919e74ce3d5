"""Assessments and the professional's decisions on them (the HTTP side; the work is in `api.usecases`).

An assessment is evaluated, stored and returned in one request; the stored JSON text is what
every later read returns, byte for byte. Decisions are separate records next to it; the
assessment never changes.

What is stored: the assessment (whose `toelichting` holds every fact an applied rule used and,
for each rule that did not apply, the comparison that failed with the case's value), the team's
own `casus_kenmerk`, municipality, date and rule-set version. The submitted case itself is not
stored: the team's case file is the record of the case, and facts that played no part in the
outcome need not be copied into a second system (data minimisation).
"""

from __future__ import annotations

import re
import uuid
from typing import Literal

from fastapi import APIRouter, Header, Query, Request, Response

from api import usecases
from api.auth import admit
from api.dependencies import ServicesDep, Toegang, ZaakLezer
from api.middleware import BEGIN
from api.models import (
    BeoordelingAanvraag,
    BeoordelingenPagina,
    Besluit,
    BesluitAanvraag,
    Besluiten,
    OpgeslagenBeoordeling,
)
from api.phases import Fasen
from api.routes import problems
from api.routes.paging import PaginaDep, PeriodeDep, pagina_links
from api.routes.shortcut import ShortcutRoute, read_body, shortcut
from api.store import Zoekvraag

router = APIRouter(prefix="/v1/beoordelingen", tags=["beoordelingen"], route_class=ShortcutRoute)

JSON = "application/json"
#: Visible ASCII, as the Idempotency-Key header field draft allows in its string form.
IDEMPOTENCY_KEY_PATTERN = r"^[\x21-\x7e]+$"
#: The longest Idempotency-Key the declared header parameter accepts.
IDEMPOTENCY_KEY_MAX = 255
#: A key that the declared header parameter below accepts as it is.
_PLAIN_KEY = re.compile(IDEMPOTENCY_KEY_PATTERN)
_TOEGANG = frozenset({"toegang"})


async def _beoordeel_direct(request: Request) -> Response | None:
    """`beoordeel` for a request that FastAPI's handler would pass as it is, or None for FastAPI.

    That is: `Content-Type: application/json`, no `Idempotency-Key` or a valid one, and a body that
    is a valid `BeoordelingAanvraag`. The body is validated from its JSON text
    (`model_validate_json`, about two thirds of the time of `json.loads` and validating the objects;
    `tests/api/test_shortcut.py` holds the two to the same result), and the token is checked as the
    `Toegang` dependency checks it. Everything else, and every refusal of the body or the header,
    is FastAPI's (see `api.routes.shortcut`).
    """
    headers = request.headers
    if headers.get("content-type") != JSON:
        return None
    key = headers.get("idempotency-key")
    if key is not None and (len(key) > IDEMPOTENCY_KEY_MAX or _PLAIN_KEY.fullmatch(key) is None):
        return None
    body = await read_body(request)
    if not body:
        return None
    try:
        aanvraag = BeoordelingAanvraag.model_validate_json(body)
    except Exception:  # noqa: BLE001 - whatever it is, FastAPI's handler says it
        return None
    principal = await admit(request, _TOEGANG)
    return await beoordeel(aanvraag, request, principal, request.app.state.services, key)


@router.post(
    "",
    status_code=201,
    response_model=OpgeslagenBeoordeling,
    responses={
        200: {
            "model": OpgeslagenBeoordeling,
            "description": "Herhaald verzoek (zelfde Idempotency-Key): de eerder opgeslagen beoordeling.",
        },
        **problems(400, 401, 403, 413, 422, 503),
    },
    summary="Beoordeel een casus en sla de beoordeling op",
    description="Beoordeelt de casus met de regels van de gemeente en de peildatum, slaat de beoordeling op en geeft haar terug. Elke latere lezing geeft precies dezelfde bytes.",
)
@shortcut(_beoordeel_direct)
async def beoordeel(
    aanvraag: BeoordelingAanvraag,
    request: Request,
    principal: Toegang,
    svc: ServicesDep,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        min_length=1,
        max_length=IDEMPOTENCY_KEY_MAX,
        pattern=IDEMPOTENCY_KEY_PATTERN,
        description="Eigen sleutel van de client (bijv. een UUID). Stuurt u hetzelfde verzoek opnieuw met dezelfde "
        "sleutel (na een time-out of verbroken verbinding), dan krijgt u de eerder opgeslagen beoordeling terug "
        "(200) in plaats van een tweede. Dezelfde sleutel met een ander verzoek: 422.",
    ),
) -> Response:
    """Evaluate the case with the rules of its municipality and date, store the result, return it."""
    fasen = Fasen(getattr(request.state, BEGIN, None))
    stored = await usecases.beoordeel(svc, principal, aanvraag, idempotency_key, fasen)
    request.state.log["beoordeling"] = stored.id
    request.state.log["fasen"] = fasen  # written out with the log line, `antwoord` included
    headers = {"Location": f"{router.prefix}/{stored.id}"}
    if stored.herhaald:
        request.state.log["herhaald"] = "ja"
        headers["Idempotent-Replayed"] = "true"
    return Response(stored.body, status_code=200 if stored.herhaald else 201, media_type=JSON, headers=headers)


@router.get(
    "",
    response_model=BeoordelingenPagina,
    responses=problems(401, 403, 422, 429, 503),
    summary="Zoek de beoordelingen van uw team, nieuwste eerst",
    description="Een pagina beoordelingen binnen het bereik van het token: `toegang` ziet die van het eigen team, "
    "`audit` die van alle teams van de eigen gemeente, `audit_landelijk` alles. Zonder de documenten zelf "
    "(lees die met het id). Elke pagina wordt vastgelegd in de leesregistratie.",
)
def zoek_beoordelingen(
    request: Request,
    principal: ZaakLezer,
    svc: ServicesDep,
    pagina: PaginaDep,
    periode: PeriodeDep,
    reikwijdte: Literal["binnen", "buiten", "onbeslist"] | None = Query(None, description="Alleen deze uitkomst."),
    toegang: Literal["vrij_toegankelijk", "beschikking", "geen", "onbeslist"] | None = Query(
        None, description="Alleen deze toegang."
    ),
    casus_kenmerk: str | None = Query(
        None, alias="casusKenmerk", max_length=100, description="Alleen beoordelingen met dit eigen kenmerk."
    ),
) -> BeoordelingenPagina:
    zoek = Zoekvraag(
        vanaf=periode.vanaf, tot=periode.tot, reikwijdte=reikwijdte, toegang=toegang, casus_kenmerk=casus_kenmerk
    )
    gevonden = usecases.lijst_beoordelingen(svc, principal, zoek, pagina.nummer, pagina.grootte, request.url.query)
    return BeoordelingenPagina.model_validate(
        {"beoordelingen": gevonden.rijen, "_links": pagina_links(request, pagina, gevonden.volgende)}
    )


@router.get(
    "/{id}",
    response_model=OpgeslagenBeoordeling,
    responses=problems(401, 403, 404, 422, 503),
    summary="Lees een opgeslagen beoordeling, precies zoals die is gegeven",
    description="Voor `toegang` van het eigen team, `audit` van de eigen gemeente en `audit_landelijk`. "
    "Buiten dat bereik: 403, of de beoordeling nu bestaat of niet. Elke lezing wordt vastgelegd.",
)
def lees_beoordeling(id: uuid.UUID, request: Request, principal: ZaakLezer, svc: ServicesDep) -> Response:
    request.state.log["beoordeling"] = str(id)
    return Response(usecases.lees_beoordeling(svc, principal, id), media_type=JSON)


@router.post(
    "/{id}/besluit",
    status_code=201,
    response_model=Besluit,
    responses=problems(400, 401, 403, 409, 413, 422, 503),
    summary="Leg het besluit van de professional vast: volgen, of afwijken met motivering",
    description="Voegt een besluit toe, alleen over een beoordeling van het eigen team (anders 403, of de beoordeling "
    "nu bestaat of niet). Een later besluit (bijv. na bezwaar) moet in `vorig_besluit_id` naar het laatste eerdere "
    "besluit verwijzen.",
)
def besluit(
    id: uuid.UUID, aanvraag: BesluitAanvraag, request: Request, principal: Toegang, svc: ServicesDep
) -> Response:
    """Append a decision; a later decision must name the latest earlier one in `vorig_besluit_id`."""
    request.state.log["beoordeling"] = str(id)
    stored = usecases.leg_besluit_vast(svc, principal, id, aanvraag)
    request.state.log["besluit"] = stored.id
    return Response(
        stored.body,
        status_code=201,
        media_type=JSON,
        headers={"Location": f"{router.prefix}/{id}/besluiten/{stored.id}"},
    )


@router.get(
    "/{id}/besluiten",
    response_model=Besluiten,
    responses=problems(401, 403, 404, 422, 503),
    summary="Alle besluiten over een beoordeling, oudste eerst",
)
def lees_besluiten(id: uuid.UUID, request: Request, principal: ZaakLezer, svc: ServicesDep) -> Response:
    request.state.log["beoordeling"] = str(id)
    return Response(usecases.lees_besluiten(svc, principal, id), media_type=JSON)


@router.get(
    "/{id}/besluiten/{besluit_id}",
    response_model=Besluit,
    responses=problems(401, 403, 404, 422, 503),
    summary="Eén besluit, precies zoals het is vastgelegd",
)
def lees_besluit(
    id: uuid.UUID, besluit_id: uuid.UUID, request: Request, principal: ZaakLezer, svc: ServicesDep
) -> Response:
    request.state.log["beoordeling"] = str(id)
    request.state.log["besluit"] = str(besluit_id)
    return Response(usecases.lees_besluit(svc, principal, id, besluit_id), media_type=JSON)
