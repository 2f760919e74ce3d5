"""Liveness, readiness and the case schema: the endpoints that need no token.

`/healthz` and `/readyz` are for the platform that runs the service, outside the versioned API
(`/v1`), and so not in its OpenAPI document.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.database import schema_is_current
from api.dependencies import ServicesDep
from api.models import Status
from api.problems import ApiProblem
from api.routes import problems
from engine.case import Casus

router = APIRouter()


@router.get(
    "/healthz",
    response_model=Status,
    response_model_exclude_none=True,
    tags=["systeem"],
    summary="Leeft het proces?",
    include_in_schema=False,
)
async def healthz() -> Status:
    return Status(status="ok")


@router.get(
    "/readyz",
    response_model=Status,
    responses=problems(503),
    tags=["systeem"],
    summary="Kan de dienst verzoeken aan?",
    include_in_schema=False,
    description="Klaar als de database antwoordt en op de nieuwste migratie staat (de regels zijn bij de start geladen).",
)
def readyz(svc: ServicesDep) -> Status:
    """Ready when the database answers and is at the newest migration (the rules loaded at start)."""
    try:
        current = schema_is_current(svc.db)
    except Exception as exc:  # any database failure means "not ready"
        raise ApiProblem(503, f"De database is niet bereikbaar ({type(exc).__name__}).") from exc
    if not current:
        raise ApiProblem(503, "De database is niet bijgewerkt naar de nieuwste migratie.")
    return Status(status="ok", regelset=svc.engine.base.digest)


@router.get(
    "/v1/schema/casus",
    tags=["schema"],
    summary="JSON Schema van de casus",
    description="Het JSON Schema van een casus, zodat een client zijn formulieren kan bouwen en controleren (geen gegevens, geen token).",
)
async def casus_schema() -> dict[str, Any]:
    """The JSON Schema of a case, so a client can build and check its forms (no data, no token)."""
    return Casus.model_json_schema()
