"""What the API does, apart from HTTP: assess and store a case, record a decision, read them back.

The routes parse the request and shape the response; everything between (which rules apply,
evaluating, building the record that is stored, the decision chain, idempotent replays) is here,
on typed records (`api.store.NieuweBeoordeling`, `api.store.NieuwBesluit`) instead of row dicts.
Failures a client must hear about are raised as `ApiProblem`, the API's error vocabulary, with
the Dutch message and the field they concern.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import IntegrityError

from api.documents import model_json
from api.ids import new_id
from api.models import BeoordelingAanvraag, Besluit, BesluitAanvraag, OpgeslagenBeoordeling
from api.phases import Fasen
from api.problems import ApiProblem, invalid_param
from api.scope import Bereik, leesbereik
from api.services import Services
from api.store import (
    ChainConflict,
    Earlier,
    Lezing,
    NieuwBesluit,
    NieuweBeoordeling,
    NotFound,
    OutOfReach,
    UnknownPrevious,
    Zoekvraag,
)
from api.tokens import Principal
from api.writer import Commit
from engine.case import Casus
from engine.compiler import SelectionError

PROBLEM_UNKNOWN_GEMEENTE = "urn:reikwijdte:probleem:onbekende-gemeente"
PROBLEM_NO_RULES = "urn:reikwijdte:probleem:geen-regels-op-peildatum"
PROBLEM_CHAIN = "urn:reikwijdte:probleem:besluit-volgt-niet-op-laatste"
PROBLEM_KEY_REUSED = "urn:reikwijdte:probleem:idempotentie-sleutel-hergebruikt"
NO_ASSESSMENT = "Er is geen beoordeling met dit id."
#: The same words whether the id exists in another team or not at all: a refusal reveals nothing.
OUT_OF_REACH = "Er is geen beoordeling met dit id binnen het bereik van dit token (eigen team of gemeente)."


#: The threads that evaluate cases, off the event loop: as many as Starlette's thread pool (anyio's
#: default of 40), where the evaluations ran before. Handing work to a plain executor costs the
#: event loop less per request than anyio's `run_sync` (capacity limiter, cancel scope, backend
#: lookup), and the loop is what every request queues on.
_ASSESSORS = ThreadPoolExecutor(max_workers=40, thread_name_prefix="reikwijdte-beoordeling")


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
    """A stored record's id and its JSON text (UTF-8) as returned to the client; `herhaald` for a replay."""

    id: str
    body: bytes
    herhaald: bool = False


async def beoordeel(
    svc: Services,
    principal: Principal,
    aanvraag: BeoordelingAanvraag,
    idempotency_key: str | None,
    fasen: Fasen | None = None,
) -> OpgeslagenDocument:
    """Evaluate the case with the rules of its municipality and date, store the result, return it.

    With an idempotency key, a request seen before under the same key is answered with the
    stored assessment (`herhaald`); the same key with another request is a 422. `fasen` records
    when each phase of the request ended (`api.phases`).
    """
    fasen = fasen or Fasen()
    fasen.mark("ontvangen")
    request_hash = (
        hashlib.sha256(aanvraag.model_dump_json().encode()).hexdigest() if idempotency_key is not None else None
    )
    if idempotency_key is not None:
        earlier = await run_in_threadpool(svc.store.beoordeling_for_key, principal.token_id, idempotency_key)
        fasen.mark("sleutel")
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
    job = _Beoordelen(svc, principal, casus, gemeente, day, idempotency_key, request_hash, fasen)
    try:
        commit = await job.start()
    except SelectionError as exc:
        raise no_rules_problem(exc, day_field) from exc
    except IntegrityError:
        # The same key arrived twice at once and the other request stored first: answer as a replay.
        if idempotency_key is None:
            raise
        earlier = await run_in_threadpool(svc.store.beoordeling_for_key, principal.token_id, idempotency_key)
        if earlier is None:
            raise
        return _replay(earlier, request_hash)
    fasen.mark("wacht_schrijver", commit.started)
    fasen.mark("commit", commit.committed)
    fasen.mark("vrijgeven")
    return OpgeslagenDocument(job.id, job.utf8)


@dataclass
class _Beoordelen:
    """One case to assess and store, done in an evaluating thread from start to the writer's queue.

    The thread evaluates the case, writes the record's JSON and hands the row to the group writer
    itself; the request's event loop hears back once, when the row is committed (or when anything
    on the way failed). Going back to the loop between the engine and the writer would cost every
    request one more hand-off between threads, each a wait for the event loop and for the
    interpreter lock, and would put the record's serialisation on the loop that every request
    queues on.
    """

    svc: Services
    principal: Principal
    casus: Casus
    gemeente: str | None
    day: dt.date
    idempotency_key: str | None
    request_hash: str | None
    fasen: Fasen
    #: The stored record's id and JSON text, set in the thread before the row is queued.
    id: str = ""
    utf8: bytes = b""

    def start(self) -> asyncio.Future[Commit]:
        """Hand the case to an evaluating thread; the future completes once the row is committed."""
        loop = asyncio.get_running_loop()
        stored: asyncio.Future[Commit] = loop.create_future()
        _ASSESSORS.submit(self._run, loop, stored)
        return stored

    def _run(self, loop: asyncio.AbstractEventLoop, stored: asyncio.Future[Commit]) -> None:
        try:
            self.fasen.mark("wacht_motor")
            beoordeling = self.svc.engine.evaluate(self.casus, self.gemeente, self.day)
            self.fasen.mark("motor")
            record = OpgeslagenBeoordeling(
                id=new_id(),
                casus_kenmerk=self.casus.kenmerk,
                gemeente=self.gemeente,
                peildatum=self.day,
                regelset_versie=beoordeling.regelset.versie,
                aangemaakt_door=self.principal.naam,
                aangemaakt_op=_now(),
                beoordeling=beoordeling,
            )
            self.id, self.utf8 = str(record.id), model_json(record)
            self.fasen.mark("document")
            self.svc.store.queue_beoordeling(
                NieuweBeoordeling(
                    id=self.id,
                    token_id=self.principal.token_id,
                    aangemaakt_door=record.aangemaakt_door,
                    aangemaakt_op=record.aangemaakt_op,
                    casus_kenmerk=record.casus_kenmerk,
                    gemeente=record.gemeente,
                    peildatum=record.peildatum,
                    regelset_versie=record.regelset_versie,
                    document=self.utf8,
                    idempotentie_sleutel=self.idempotency_key,
                    verzoek_hash=self.request_hash,
                    team_id=self.principal.team_id,
                    reikwijdte=beoordeling.reikwijdte,
                    toegang=beoordeling.toegang,
                ),
                loop,
                stored,
            )
        except BaseException as exc:  # noqa: BLE001 - the request hears of every failure, as raised
            with contextlib.suppress(RuntimeError):  # a closed loop has nobody left waiting on it
                loop.call_soon_threadsafe(_fail, stored, exc)


def _fail(stored: asyncio.Future[Commit], exc: BaseException) -> None:
    """On the request's loop: the assessment failed before it reached the writer."""
    if not stored.done():
        stored.set_exception(exc)


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
    return OpgeslagenDocument(earlier.id, earlier.document.encode(), herhaald=True)


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
            team_id=principal.team_id,
        )

    try:
        stored = svc.store.add_besluit(str(beoordeling_id), principal.team_id, vorig, build)
    except (NotFound, OutOfReach) as exc:
        # A decision is always the own team's: an unknown id and another team's are both 403.
        raise ApiProblem(403, OUT_OF_REACH) from exc
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
    return OpgeslagenDocument(stored.id, stored.document.encode())


def _registreer(
    svc: Services,
    principal: Principal,
    handeling: str,
    uitkomst: str,
    *,
    beoordeling_id: str | None = None,
    besluit_id: str | None = None,
    zoekvraag: str | None = None,
    aantal: int | None = None,
) -> None:
    """Append one read (or refused read) of case data to the read audit."""
    svc.store.registreer_lezing(
        Lezing(
            id=str(uuid.uuid4()),
            gelezen_op=_now(),
            token_id=principal.token_id,
            token_naam=principal.naam,
            team_id=principal.team_id,
            handeling=handeling,
            uitkomst=uitkomst,
            beoordeling_id=beoordeling_id,
            besluit_id=besluit_id,
            zoekvraag=zoekvraag,
            aantal=aantal,
        )
    )


def _toegelaten(
    svc: Services, principal: Principal, handeling: str, beoordeling_id: uuid.UUID, besluit_id: str | None = None
) -> None:
    """Admit a read of this assessment's data, or record the refusal and raise 403 (404 for a national reader).

    A reader whose reach is limited hears the same 403 for another team's assessment as for an
    id that does not exist, so the answer does not tell whether it exists.
    """
    bereik = leesbereik(principal)
    eigenaar = svc.store.eigenaar(str(beoordeling_id))
    if eigenaar is not None and bereik.omvat(eigenaar.team_id, eigenaar.gemeente):
        return
    _registreer(svc, principal, handeling, "geweigerd", beoordeling_id=str(beoordeling_id), besluit_id=besluit_id)
    if eigenaar is None and bereik.alles:
        raise ApiProblem(404, NO_ASSESSMENT)
    raise ApiProblem(403, OUT_OF_REACH)


def lees_beoordeling(svc: Services, principal: Principal, beoordeling_id: uuid.UUID) -> str:
    """The stored assessment's JSON text, byte for byte, for a reader within reach (read recorded)."""
    _toegelaten(svc, principal, "beoordeling", beoordeling_id)
    document = svc.store.beoordeling_document(str(beoordeling_id))
    if document is None:  # pragma: no cover - the owner was just found and rows are never deleted
        raise ApiProblem(404, NO_ASSESSMENT)
    _registreer(svc, principal, "beoordeling", "gelezen", beoordeling_id=str(beoordeling_id))
    return document


def lees_besluiten(svc: Services, principal: Principal, beoordeling_id: uuid.UUID) -> str:
    """Every decision on the assessment, oldest first, as one JSON text of the stored documents."""
    _toegelaten(svc, principal, "besluiten", beoordeling_id)
    documents = svc.store.besluit_documents(str(beoordeling_id))
    _registreer(svc, principal, "besluiten", "gelezen", beoordeling_id=str(beoordeling_id), aantal=len(documents))
    return '{{"beoordeling_id":"{}","besluiten":[{}]}}'.format(beoordeling_id, ",".join(documents))


def lees_besluit(svc: Services, principal: Principal, beoordeling_id: uuid.UUID, besluit_id: uuid.UUID) -> str:
    """One stored decision's JSON text; 404 when the assessment (within reach) has no such decision."""
    _toegelaten(svc, principal, "besluit", beoordeling_id, besluit_id=str(besluit_id))
    document = svc.store.besluit_document(str(beoordeling_id), str(besluit_id))
    if document is None:
        raise ApiProblem(404, "Er is geen besluit met dit id bij deze beoordeling.")
    _registreer(svc, principal, "besluit", "gelezen", beoordeling_id=str(beoordeling_id), besluit_id=str(besluit_id))
    return document


#: The largest page a list returns.
MAX_PAGINA_GROOTTE = 100


@dataclass(frozen=True)
class Pagina:
    """One page of a list: its rows, and whether a next page exists."""

    rijen: list[dict[str, object]]
    volgende: bool


def _pagina(
    svc: Services,
    principal: Principal,
    handeling: str,
    lijst: Callable[[Bereik, Zoekvraag, int, int], list[dict[str, object]]],
    bereik: Bereik,
    zoek: Zoekvraag,
    pagina: int,
    grootte: int,
    zoekvraag: str,
) -> Pagina:
    rijen = lijst(bereik, zoek, grootte + 1, (pagina - 1) * grootte)
    volgende = len(rijen) > grootte
    rijen = rijen[:grootte]
    _registreer(svc, principal, handeling, "gelezen", zoekvraag=zoekvraag[:1000] or None, aantal=len(rijen))
    return Pagina(rijen, volgende)


def lijst_beoordelingen(
    svc: Services, principal: Principal, zoek: Zoekvraag, pagina: int, grootte: int, zoekvraag: str
) -> Pagina:
    """A page of the assessments within the token's reach, newest first (the page is recorded)."""
    return _pagina(
        svc,
        principal,
        "beoordelingen",
        svc.store.beoordelingen,
        leesbereik(principal),
        zoek,
        pagina,
        grootte,
        zoekvraag,
    )


def lijst_besluiten(
    svc: Services, principal: Principal, zoek: Zoekvraag, pagina: int, grootte: int, zoekvraag: str
) -> Pagina:
    """A page of the decisions within the token's reach, newest first (the page is recorded)."""
    return _pagina(
        svc, principal, "besluiten", svc.store.besluiten, leesbereik(principal), zoek, pagina, grootte, zoekvraag
    )


def lijst_lezingen(
    svc: Services, principal: Principal, zoek: Zoekvraag, pagina: int, grootte: int, zoekvraag: str
) -> Pagina:
    """A page of the read audit within the auditor's reach (this read is recorded too)."""
    return _pagina(svc, principal, "audit", svc.store.lezingen, leesbereik(principal), zoek, pagina, grootte, zoekvraag)
