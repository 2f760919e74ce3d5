"""Assessments and the professional's decisions on them.

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

import datetime as dt
import hashlib
import uuid

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import IntegrityError

from api.auth import require
from api.models import (
    BeoordelingAanvraag,
    Besluit,
    BesluitAanvraag,
    Besluiten,
    OpgeslagenBeoordeling,
)
from api.problems import ApiProblem, invalid_param
from api.routes import problems
from api.services import Services, services
from api.store import ChainConflict, Earlier, NotFound, UnknownPrevious
from api.tokens import Principal
from engine.compiler import SelectionError

router = APIRouter(prefix="/v1/beoordelingen", tags=["beoordelingen"])

JSON = "application/json"
PROBLEM_UNKNOWN_GEMEENTE = "urn:reikwijdte:probleem:onbekende-gemeente"
PROBLEM_NO_RULES = "urn:reikwijdte:probleem:geen-regels-op-peildatum"
PROBLEM_CHAIN = "urn:reikwijdte:probleem:besluit-volgt-niet-op-laatste"
PROBLEM_KEY_REUSED = "urn:reikwijdte:probleem:idempotentie-sleutel-hergebruikt"
#: Visible ASCII, as the Idempotency-Key header field draft allows in its string form.
IDEMPOTENCY_KEY_PATTERN = r"^[\x21-\x7e]+$"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_gemeente(svc: Services, gemeente: str | None, field: str) -> None:
    """422 naming the field when the municipality has no rules file."""
    if gemeente is not None and gemeente not in svc.engine.base.gemeenten:
        known = ", ".join(sorted(svc.engine.base.gemeenten)) or "geen"
        message = f"onbekende gemeente (bekend: {known})"
        raise ApiProblem(
            422,
            message,
            type=PROBLEM_UNKNOWN_GEMEENTE,
            invalid_params=[invalid_param(field, message, "onbekende_gemeente")],
        )


def no_rules_problem(exc: SelectionError, field: str) -> ApiProblem:
    return ApiProblem(
        422, str(exc), type=PROBLEM_NO_RULES, invalid_params=[invalid_param(field, str(exc), "geen_regels")]
    )


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
)
async def beoordeel(
    aanvraag: BeoordelingAanvraag,
    request: Request,
    principal: Principal = Depends(require("toegang")),
    svc: Services = Depends(services),
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=IDEMPOTENCY_KEY_PATTERN,
        description="Eigen sleutel van de client (bijv. een UUID). Stuurt u hetzelfde verzoek opnieuw met dezelfde "
        "sleutel (na een time-out of verbroken verbinding), dan krijgt u de eerder opgeslagen beoordeling terug "
        "(200) in plaats van een tweede. Dezelfde sleutel met een ander verzoek: 422.",
    ),
) -> Response:
    """Evaluate the case with the rules of its municipality and date, store the result, return it."""
    request_hash = (
        hashlib.sha256(aanvraag.model_dump_json().encode()).hexdigest() if idempotency_key is not None else None
    )
    if idempotency_key is not None:
        earlier = await run_in_threadpool(svc.store.beoordeling_for_key, principal.token_id, idempotency_key)
        if earlier is not None:
            return _replay(request, earlier, request_hash)
    casus = aanvraag.casus
    gemeente: str | None
    if aanvraag.gemeente is not None:
        gemeente, gemeente_field = aanvraag.gemeente, "gemeente"
    else:
        gemeente, gemeente_field = casus.gemeente, "casus.gemeente"
    day = aanvraag.peildatum or casus.peildatum or dt.date.today()
    day_field = "peildatum" if aanvraag.peildatum else "casus.peildatum" if casus.peildatum else "peildatum"
    check_gemeente(svc, gemeente, gemeente_field)
    try:
        # In a worker thread: the engine is thread-safe and the event loop stays free meanwhile.
        beoordeling = await run_in_threadpool(svc.engine.evaluate, casus, gemeente, day)
    except SelectionError as exc:
        raise no_rules_problem(exc, day_field) from exc
    record = OpgeslagenBeoordeling(
        id=uuid.uuid4(),
        casus_kenmerk=casus.kenmerk,
        gemeente=gemeente,
        peildatum=day,
        regelset_versie=beoordeling.regelset.versie,
        aangemaakt_door=principal.naam,
        aangemaakt_op=_now(),
        beoordeling=beoordeling,
    )
    document = record.model_dump_json()
    try:
        await svc.store.add_beoordeling(
            {
                "id": str(record.id),
                "token_id": principal.token_id,
                "aangemaakt_door": record.aangemaakt_door,
                "aangemaakt_op": record.aangemaakt_op,
                "casus_kenmerk": record.casus_kenmerk,
                "gemeente": record.gemeente,
                "peildatum": record.peildatum,
                "regelset_versie": record.regelset_versie,
                "document": document,
                "idempotentie_sleutel": idempotency_key,
                "verzoek_hash": request_hash,
            }
        )
    except IntegrityError:
        # The same key arrived twice at once and the other request stored first: answer as a replay.
        if idempotency_key is None:
            raise
        earlier = await run_in_threadpool(svc.store.beoordeling_for_key, principal.token_id, idempotency_key)
        if earlier is None:
            raise
        return _replay(request, earlier, request_hash)
    request.state.log["beoordeling"] = str(record.id)
    return Response(document, status_code=201, media_type=JSON, headers={"Location": f"{router.prefix}/{record.id}"})


def _replay(request: Request, earlier: Earlier, request_hash: str | None) -> Response:
    """The stored answer to a repeated request, or 422 when the key was used for another request."""
    if earlier.verzoek_hash != request_hash:
        message = "deze sleutel is al gebruikt voor een ander verzoek; kies een nieuwe sleutel"
        raise ApiProblem(
            422,
            "Dezelfde Idempotency-Key hoort bij een ander verzoek.",
            type=PROBLEM_KEY_REUSED,
            invalid_params=[invalid_param("Idempotency-Key", message, "sleutel_hergebruikt")],
        )
    request.state.log["beoordeling"] = earlier.id
    request.state.log["herhaald"] = "ja"
    return Response(
        earlier.document,
        status_code=200,
        media_type=JSON,
        headers={"Location": f"{router.prefix}/{earlier.id}", "Idempotent-Replayed": "true"},
    )


@router.get(
    "/{id}",
    response_model=OpgeslagenBeoordeling,
    responses=problems(401, 403, 404, 422, 503),
    summary="Lees een opgeslagen beoordeling, precies zoals die is gegeven",
)
def lees_beoordeling(
    id: uuid.UUID,
    request: Request,
    _principal: Principal = Depends(require("audit")),
    svc: Services = Depends(services),
) -> Response:
    request.state.log["beoordeling"] = str(id)
    document = svc.store.beoordeling_document(str(id))
    if document is None:
        raise ApiProblem(404, "Er is geen beoordeling met dit id.")
    return Response(document, media_type=JSON)


@router.post(
    "/{id}/besluit",
    status_code=201,
    response_model=Besluit,
    responses=problems(400, 401, 403, 404, 409, 413, 422, 503),
    summary="Leg het besluit van de professional vast: volgen, of afwijken met motivering",
)
def besluit(
    id: uuid.UUID,
    aanvraag: BesluitAanvraag,
    request: Request,
    principal: Principal = Depends(require("toegang")),
    svc: Services = Depends(services),
) -> Response:
    """Append a decision; a later decision must name the latest earlier one in `vorig_besluit_id`."""
    request.state.log["beoordeling"] = str(id)
    besluit_id = uuid.uuid4()
    vorig = str(aanvraag.vorig_besluit_id) if aanvraag.vorig_besluit_id else None

    def build(volgnummer: int) -> dict[str, object]:
        record = Besluit(
            id=besluit_id,
            beoordeling_id=id,
            volgnummer=volgnummer,
            besluit=aanvraag.besluit,
            motivering=aanvraag.motivering,
            vorig_besluit_id=aanvraag.vorig_besluit_id,
            aangemaakt_door=principal.naam,
            aangemaakt_op=_now(),
        )
        return {
            "id": str(besluit_id),
            "beoordeling_id": str(id),
            "volgnummer": volgnummer,
            "vorig_besluit_id": vorig,
            "besluit": record.besluit,
            "token_id": principal.token_id,
            "aangemaakt_door": record.aangemaakt_door,
            "aangemaakt_op": record.aangemaakt_op,
            "document": record.model_dump_json(),
        }

    try:
        row = svc.store.add_besluit(str(id), vorig, build)
    except NotFound as exc:
        raise ApiProblem(404, "Er is geen beoordeling met dit id.") from exc
    except UnknownPrevious as exc:
        message = "dit besluit hoort niet bij deze beoordeling"
        raise ApiProblem(
            422, message, invalid_params=[invalid_param("vorig_besluit_id", message, "onbekend_besluit")]
        ) from exc
    except ChainConflict as exc:
        if exc.latest_id is None and vorig is None:
            detail = "Er is intussen een ander besluit vastgelegd; lees de besluiten en verwijs naar het laatste."
        elif exc.latest_id is None:
            detail = "Deze beoordeling heeft nog geen besluit; laat vorig_besluit_id weg."
        else:
            detail = f"Een nieuw besluit moet verwijzen naar het laatste besluit: vorig_besluit_id = {exc.latest_id}."
        extra = {"laatste_besluit_id": exc.latest_id} if exc.latest_id else {}
        raise ApiProblem(409, detail, type=PROBLEM_CHAIN, extra=extra) from exc
    request.state.log["besluit"] = row["id"]
    return Response(
        str(row["document"]),
        status_code=201,
        media_type=JSON,
        headers={"Location": f"{router.prefix}/{id}/besluiten/{besluit_id}"},
    )


@router.get(
    "/{id}/besluiten",
    response_model=Besluiten,
    responses=problems(401, 403, 404, 422, 503),
    summary="Alle besluiten over een beoordeling, oudste eerst",
)
def lees_besluiten(
    id: uuid.UUID,
    request: Request,
    _principal: Principal = Depends(require("audit")),
    svc: Services = Depends(services),
) -> Response:
    request.state.log["beoordeling"] = str(id)
    if not svc.store.beoordeling_exists(str(id)):
        raise ApiProblem(404, "Er is geen beoordeling met dit id.")
    documents = svc.store.besluit_documents(str(id))
    body = '{{"beoordeling_id":"{}","besluiten":[{}]}}'.format(id, ",".join(documents))
    return Response(body, media_type=JSON)


@router.get(
    "/{id}/besluiten/{besluit_id}",
    response_model=Besluit,
    responses=problems(401, 403, 404, 422, 503),
    summary="Eén besluit, precies zoals het is vastgelegd",
)
def lees_besluit(
    id: uuid.UUID,
    besluit_id: uuid.UUID,
    request: Request,
    _principal: Principal = Depends(require("audit")),
    svc: Services = Depends(services),
) -> Response:
    request.state.log["beoordeling"] = str(id)
    request.state.log["besluit"] = str(besluit_id)
    document = svc.store.besluit_document(str(id), str(besluit_id))
    if document is None:
        raise ApiProblem(404, "Er is geen besluit met dit id bij deze beoordeling.")
    return Response(document, media_type=JSON)
