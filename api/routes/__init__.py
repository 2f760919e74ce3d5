"""The API's routers, one module per resource."""

from __future__ import annotations

from typing import Any

from api.models import Probleem
from api.problems import title_for


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the problem+json errors an operation can return."""
    return {code: {"model": Probleem, "description": title_for(code)} for code in codes}
