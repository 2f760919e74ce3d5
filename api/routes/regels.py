"""The rules in force, and validation of a rules file that is not published."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.dependencies import Beleid, GemeenteQuery, Lezer, ServicesDep
from api.models import RegelDetail, RegelsOverzicht, Validatieresultaat
from api.problems import ApiProblem
from api.routes import problems
from api.rules_check import BESTAND_PATTERN, check_upload
from api.rules_view import RuleNotFound, detail, overview
from api.usecases import no_rules_problem
from engine.compiler import SelectionError
from engine.rule_model import RULE_ID_PATTERN

router = APIRouter(prefix="/v1/regels", tags=["regels"])

_PEILDATUM = Query(None, description="Datum waarop de regels gelden (JJJJ-MM-DD); leeg: vandaag.")


@router.get(
    "",
    response_model=RegelsOverzicht,
    responses=problems(401, 403, 422),
    summary="De regels die gelden op een datum in een gemeente",
)
def lijst(
    _principal: Lezer, svc: ServicesDep, gemeente: GemeenteQuery, peildatum: dt.date | None = _PEILDATUM
) -> RegelsOverzicht:
    try:
        return overview(svc.engine, gemeente, peildatum or dt.date.today())
    except SelectionError as exc:
        raise no_rules_problem(exc, "peildatum") from exc


@router.get(
    "/{id}",
    response_model=RegelDetail,
    responses=problems(401, 403, 404, 422),
    summary="Eén regel zoals die geldt, met bron",
)
def een(
    _principal: Lezer,
    svc: ServicesDep,
    gemeente: GemeenteQuery,
    id: str = Path(pattern=RULE_ID_PATTERN, description="Id van de regel, bijv. TOE-VT-01."),
    peildatum: dt.date | None = _PEILDATUM,
) -> RegelDetail:
    try:
        return detail(svc.engine, id, gemeente, peildatum or dt.date.today())
    except SelectionError as exc:
        raise no_rules_problem(exc, "peildatum") from exc
    except RuleNotFound as exc:
        raise ApiProblem(404, exc.message) from exc


@router.post(
    "/validatie",
    response_model=Validatieresultaat,
    responses=problems(400, 401, 403, 413, 422),
    summary="Controleer een regelbestand zonder het te publiceren",
    description="Controleert de hele regelset met dit bestand erin, zoals `reikwijdte validate` dat doet; elke fout met bestand, regelnummer en regel-id. Er wordt niets gepubliceerd.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "Het regelbestand (YAML), zoals in `rules/`.",
            "content": {"application/yaml": {"schema": {"type": "string"}}},
        }
    },
)
async def valideer(
    request: Request,
    _principal: Beleid,
    svc: ServicesDep,
    bestand: str = Query(
        pattern=BESTAND_PATTERN,
        description="Naam van het bestand in `rules/` (vervangt dat bestand in de controle) of een nieuwe naam; "
        "gemeentebestanden als `gemeenten/<code>.yaml`.",
    ),
) -> Validatieresultaat:
    """Every error of the rule set with this file in it, each with file, line and rule id."""
    raw = await request.body()
    return await run_in_threadpool(check_upload, svc.settings.rules_dir, bestand, raw)
