"""The dependencies routes share, as `Annotated` aliases (the style of FastAPI's own templates).

A route states what it needs in its signature (`svc: ServicesDep`, `principal: Toegang`,
`gemeente: GemeenteQuery`) and gets it checked before its body runs; no router imports
helpers from another.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from api.auth import require
from api.roles import AUDITORS, CASE_READERS, ROLES
from api.services import Services, services
from api.tokens import Principal
from api.usecases import check_gemeente

ServicesDep = Annotated[Services, Depends(services)]

#: A token with the role `toegang`: submit cases, record decisions.
Toegang = Annotated[Principal, Depends(require("toegang"))]
#: A token that may read case data: `toegang` (own team), `audit` (own municipality), `audit_landelijk`.
ZaakLezer = Annotated[Principal, Depends(require(*CASE_READERS))]
#: A token that may read the read audit: `audit` (own municipality) or `audit_landelijk`.
Auditor = Annotated[Principal, Depends(require(*AUDITORS))]
#: A token with the role `beleid`: validate rule files.
Beleid = Annotated[Principal, Depends(require("beleid"))]
#: Any role: the rules are public policy, none of it case data.
Lezer = Annotated[Principal, Depends(require(*ROLES))]


async def _gemeente_query(
    svc: ServicesDep,
    gemeente: str | None = Query(
        None, max_length=64, description="Code van de gemeente; leeg: alleen landelijke regels en standaardwaarden."
    ),
) -> str | None:
    check_gemeente(svc, gemeente, "gemeente")
    return gemeente


#: The `gemeente` query parameter, checked against the municipalities that have a rules file (422).
GemeenteQuery = Annotated[str | None, Depends(_gemeente_query)]
