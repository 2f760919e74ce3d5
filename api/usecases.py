"""What the API does, apart from HTTP: assess and store a case, record a decision, read them back.

The routes parse the request and shape the response; everything between (which rules apply,
evaluating, building the record that is stored, the decision chain, idempotent replays) is here,
on typed records (`api.store.NieuweBeoordeling`, `api.store.NieuwBesluit`) instead of row dicts.
Failures a client must hear about are raised as `ApiProblem`, the API's error vocabulary, with
the Dutch message and the field they concern.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import IntegrityError

from api.models import BeoordelingAanvraag, Besluit, BesluitAanvraag, OpgeslagenBeoordeling
from api.problems import ApiProblem, invalid_param
from api.services import Services
from api.store import ChainConflict, Earlier, NieuwBesluit, NieuweBeoordeling, NotFound, UnknownPrevious
from api.tokens import Principal
from engine.compiler import SelectionError

PROBLEM_UNKNOWN_GEMEENTE = "urn:reikwijdte:probleem:onbekende-gemeente"
PROBLEM_NO_RULES = "urn:reikwijdte:probleem:geen-regels-op-peildatum"
PROBLEM_CHAIN = "urn:reikwijdte:probleem:besluit-volgt-niet-op-laatste"
PROBLEM_KEY_REUSED = "urn:reikwijdte:probleem:idempotentie-sleutel-hergebruikt"
NO_ASSESSMENT = "Er is geen beoordeling met dit id."


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
    """422 naming the date field when no rule is in force on that date."""
    return ApiProblem(
        422, str(exc), type=PROBLEM_NO_RULES, invalid_params=[invalid_param(field, str(exc), "geen_regels")]
    )


@dataclass(frozen=True)
class OpgeslagenDocument:
    """A stored record's id and its JSON text as returned to the client; `herhaald` for a replay."""

    id: str
    document: str
    herhaald: bool = False


async def beoordeel(
    svc: Services, principal: Principal, aanvraag: BeoordelingAanvraag, idempotency_key: str | None
) -> OpgeslagenDocument:
    """Evaluate the case with the rules of its municipality and date, store the result, return it.

    With an idempotency key, a request seen before under the same key is answered with the
    stored assessment (`herhaald`); the same key with another request is a 422.
    """
    request_hash = (
        hashlib.sha256(aanvraag.model_dump_json().encode()).hexdigest() if idempotency_key is not None else None
    )
    if idempotency_key is not None:
        earlier = await run_in_threadpool(svc.store.beoordeling_for_key, principal.token_id, idempotency_key)
        if earlier is not None:
            return _replay(earlier, request_hash)
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
            NieuweBeoordeling(
                id=str(record.id),
                token_id=principal.token_id,
                aangemaakt_door=record.aangemaakt_door,
                aangemaakt_op=record.aangemaakt_op,
                casus_kenmerk=record.casus_kenmerk,
                gemeente=record.gemeente,
                peildatum=record.peildatum,
                regelset_versie=record.regelset_versie,
                document=document,
                idempotentie_sleutel=idempotency_key,
                verzoek_hash=request_hash,
            )
        )
    except IntegrityError:
        # The same key arrived twice at once and the other request stored first: answer as a replay.
        if idempotency_key is None:
            raise
        earlier = await run_in_threadpool(svc.store.beoordeling_for_key, principal.token_id, idempotency_key)
        if earlier is None:
            raise
        return _replay(earlier, request_hash)
    return OpgeslagenDocument(str(record.id), document)


def _replay(earlier: Earlier, request_hash: str | None) -> OpgeslagenDocument:
    """The stored answer to a repeated request, or 422 when the key was used for another request."""
    if earlier.verzoek_hash != request_hash:
        message = "deze sleutel is al gebruikt voor een ander verzoek; kies een nieuwe sleutel"
        raise ApiProblem(
            422,
            "Dezelfde Idempotency-Key hoort bij een ander verzoek.",
            type=PROBLEM_KEY_REUSED,
            invalid_params=[invalid_param("Idempotency-Key", message, "sleutel_hergebruikt")],
        )
    return OpgeslagenDocument(earlier.id, earlier.document, herhaald=True)


def leg_besluit_vast(
    svc: Services, principal: Principal, beoordeling_id: uuid.UUID, aanvraag: BesluitAanvraag
) -> OpgeslagenDocument:
    """Append a decision; a later decision must name the latest earlier one in `vorig_besluit_id`."""
    besluit_id = uuid.uuid4()
    vorig = str(aanvraag.vorig_besluit_id) if aanvraag.vorig_besluit_id else None

    def build(volgnummer: int) -> NieuwBesluit:
        record = Besluit(
            id=besluit_id,
            beoordeling_id=beoordeling_id,
            volgnummer=volgnummer,
            besluit=aanvraag.besluit,
            motivering=aanvraag.motivering,
            vorig_besluit_id=aanvraag.vorig_besluit_id,
            aangemaakt_door=principal.naam,
            aangemaakt_op=_now(),
        )
        return NieuwBesluit(
            id=str(besluit_id),
            beoordeling_id=str(beoordeling_id),
            volgnummer=volgnummer,
            vorig_besluit_id=vorig,
            besluit=record.besluit,
            token_id=principal.token_id,
            aangemaakt_door=record.aangemaakt_door,
            aangemaakt_op=record.aangemaakt_op,
            document=record.model_dump_json(),
        )

    try:
        stored = svc.store.add_besluit(str(beoordeling_id), vorig, build)
    except NotFound as exc:
        raise ApiProblem(404, NO_ASSESSMENT) from exc
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
    return OpgeslagenDocument(stored.id, stored.document)


def lees_beoordeling(svc: Services, beoordeling_id: uuid.UUID) -> str:
    """The stored assessment's JSON text, byte for byte; 404 when there is none."""
    document = svc.store.beoordeling_document(str(beoordeling_id))
    if document is None:
        raise ApiProblem(404, NO_ASSESSMENT)
    return document


def lees_besluiten(svc: Services, beoordeling_id: uuid.UUID) -> str:
    """Every decision on the assessment, oldest first, as one JSON text of the stored documents."""
    if not svc.store.beoordeling_exists(str(beoordeling_id)):
        raise ApiProblem(404, NO_ASSESSMENT)
    documents = svc.store.besluit_documents(str(beoordeling_id))
    return '{{"beoordeling_id":"{}","besluiten":[{}]}}'.format(beoordeling_id, ",".join(documents))


def lees_besluit(svc: Services, beoordeling_id: uuid.UUID, besluit_id: uuid.UUID) -> str:
    """One stored decision's JSON text; 404 when the assessment has no such decision."""
    document = svc.store.besluit_document(str(beoordeling_id), str(besluit_id))
    if document is None:
        raise ApiProblem(404, "Er is geen besluit met dit id bij deze beoordeling.")
    return document
