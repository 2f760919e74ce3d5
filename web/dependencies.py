"""What the pages need before their body runs: the session, its role, a form with a valid CSRF token.

Roles are the API's (`api.roles`): `toegang` enters cases and decides, the case readers
(`toegang`, `audit`, `audit_landelijk`) read within their reach. A page a role may not see
answers 403 with a page that says so; without a session every page sends the browser to the
sign-in page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.datastructures import FormData
from starlette.requests import ClientDisconnect

from api.problems import ApiProblem
from api.roles import CASE_READERS
from web.sessions import Sessie, check_csrf, sessions_of


async def current_session(request: Request) -> Sessie:
    """The signed-in user, or `NotSignedIn` (the app sends the browser to the sign-in page)."""
    sessie = await sessions_of(request).recognise(request)
    request.state.log["door"] = sessie.principal.naam
    return sessie


def _role(*rollen: str, wat: str) -> object:
    async def dependency(sessie: Annotated[Sessie, Depends(current_session)]) -> Sessie:
        if not sessie.heeft(*rollen):
            raise ApiProblem(403, f"Voor {wat} is de rol {' of '.join(rollen)} nodig; uw token heeft die niet.")
        return sessie

    return dependency


SessieDep = Annotated[Sessie, Depends(current_session)]


async def checked_form(request: Request, sessie: SessieDep) -> FormData:
    """The posted form, after its CSRF token was checked against the session's (`CsrfRefused`)."""
    try:
        form = await request.form()
    except ClientDisconnect as exc:
        # The browser gave up on this request (htmx sent a newer one): nothing to answer.
        raise HTTPException(400, "Het formulier kwam niet helemaal aan.") from exc
    check_csrf(form, sessie.csrf)
    return form


#: Enter cases and record decisions.
ToegangSessie = Annotated[Sessie, Depends(_role("toegang", wat="het invoeren en besluiten"))]
#: Read cases within the role's reach.
LezerSessie = Annotated[Sessie, Depends(_role(*CASE_READERS, wat="het lezen van beoordelingen"))]
FormDep = Annotated[FormData, Depends(checked_form)]
