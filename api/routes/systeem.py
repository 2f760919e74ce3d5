"""Liveness, readiness and the case schema: the endpoints that need no token."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from api.database import schema_is_current
from api.models import Status
from api.problems import ApiProblem
from api.routes import problems
from api.services import Services, services
from engine.case import Casus

router = APIRouter()


@router.get(
    "/healthz", response_model=Status, response_model_exclude_none=True, tags=["systeem"], summary="Leeft het proces?"
)
async def healthz() -> Status:
    return Status(status="ok")


@router.get(
    "/readyz", response_model=Status, responses=problems(503), tags=["systeem"], summary="Kan de dienst verzoeken aan?"
)
def readyz(svc: Services = Depends(services)) -> Status:
    """Ready when the database answers and is at the newest migration (the rules loaded at start)."""
    try:
        current = schema_is_current(svc.db)
    except Exception as exc:  # any database failure means "not ready"
        raise ApiProblem(503, f"De database is niet bereikbaar ({type(exc).__name__}).") from exc
    if not current:
        raise ApiProblem(503, "De database is niet bijgewerkt naar de nieuwste migratie.")
    return Status(status="ok", regelset=svc.engine.base.digest)


@router.get("/v1/schema/casus", tags=["schema"], summary="JSON Schema van de casus")
async def casus_schema() -> dict[str, Any]:
    """The JSON Schema of a case, so a client can build and check its forms (no data, no token)."""
    return Casus.model_json_schema()
