"""What the list endpoints share: page number and size (capped), a period, and the `_links`.

Query parameter names are lowerCamelCase, as the NL API Design Rules require.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from api.problems import ApiProblem, invalid_param
from api.usecases import MAX_PAGINA_GROOTTE


@dataclass(frozen=True)
class PaginaVraag:
    nummer: int
    grootte: int


def _pagina(
    pagina: int = Query(1, ge=1, le=100_000, description="Paginanummer, vanaf 1."),
    pagina_grootte: int = Query(
        20,
        alias="paginaGrootte",
        ge=1,
        le=MAX_PAGINA_GROOTTE,
        description=f"Aantal records per pagina (hoogstens {MAX_PAGINA_GROOTTE}).",
    ),
) -> PaginaVraag:
    return PaginaVraag(pagina, pagina_grootte)


@dataclass(frozen=True)
class Periode:
    vanaf: dt.date | None
    tot: dt.date | None


def _periode(
    vanaf: dt.date | None = Query(None, description="Vanaf deze dag (JJJJ-MM-DD, UTC), inclusief."),
    tot: dt.date | None = Query(None, description="Tot en met deze dag (JJJJ-MM-DD, UTC)."),
) -> Periode:
    if vanaf is not None and tot is not None and tot < vanaf:
        message = "tot ligt vóór vanaf"
        raise ApiProblem(422, message, invalid_params=[invalid_param("tot", message, "periode_omgekeerd")])
    return Periode(vanaf, tot)


PaginaDep = Annotated[PaginaVraag, Depends(_pagina)]
PeriodeDep = Annotated[Periode, Depends(_periode)]


def pagina_links(request: Request, pagina: PaginaVraag, volgende: bool) -> dict[str, Any]:
    """`self` and (when there is one) `next`, with the request's own filters."""
    links: dict[str, Any] = {"self": {"href": str(request.url)}}
    if volgende:
        links["next"] = {
            "href": str(request.url.include_query_params(pagina=pagina.nummer + 1, paginaGrootte=pagina.grootte))
        }
    return links
