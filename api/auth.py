"""Bearer-token authentication and role checks as FastAPI dependencies.

401 when the token is missing, malformed, unknown or revoked (with `WWW-Authenticate`), 403 when
the token is valid but lacks the role. The check runs before the handler touches any case data.
A token seen in the last few seconds is recognised from memory (`tokens.TokenCache`), so the
hot path costs no database read and no thread hop. Each admitted token's request counts against
its rate limit (`api.ratelimit`): 429 with `Retry-After` when it is spent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api import tokens
from api.problems import ApiProblem
from api.tokens import Principal

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="Token van de beheerder (`reikwijdte token aanmaken`), als `Authorization: Bearer rkw_...`.",
)

_CHALLENGE = 'Bearer realm="reikwijdte"'


def require(*roles: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency that admits a token holding at least one of `roles`."""
    wanted = frozenset(roles)
    unknown = wanted - set(tokens.ROLES)
    if unknown or not wanted:
        raise ValueError(f"unknown roles {sorted(unknown)}")

    async def dependency(
        request: Request, credentials: HTTPAuthorizationCredentials | None = Security(bearer)
    ) -> Principal:
        return await _authorize(request, credentials, wanted)

    setattr(dependency, _ROLES_ATTRIBUTE, wanted)
    return dependency


_ROLES_ATTRIBUTE = "reikwijdte_rollen"


async def admit(request: Request, wanted: frozenset[str]) -> Principal:
    """What a `require(*wanted)` dependency does, called directly (a route's shortcut, the gate below)."""
    return await _authorize(request, await bearer(request), wanted)


async def _authorize(
    request: Request, credentials: HTTPAuthorizationCredentials | None, wanted: frozenset[str]
) -> Principal:
    if credentials is None:
        raise ApiProblem(
            401, "Stuur een token mee: Authorization: Bearer <token>.", headers={"WWW-Authenticate": _CHALLENGE}
        )
    cache: tokens.TokenCache = request.app.state.services.tokens
    principal = cache.cached(credentials.credentials)
    if principal is None:
        principal = await run_in_threadpool(cache.authenticate, credentials.credentials)
    if principal is None:
        raise ApiProblem(
            401,
            "Het token is onbekend of ingetrokken.",
            headers={"WWW-Authenticate": _CHALLENGE + ', error="invalid_token"'},
        )
    request.state.log["door"] = principal.naam
    oordeel = await request.app.state.services.limiter.hit(principal.token_id)
    if not oordeel.toegestaan:
        raise ApiProblem(
            429,
            f"Te veel verzoeken met dit token; probeer het over {oordeel.opnieuw_na} seconden opnieuw.",
            headers={"Retry-After": str(oordeel.opnieuw_na)},
        )
    if not principal.rollen & wanted:
        raise ApiProblem(403, f"Dit vraagt de rol {' of '.join(sorted(wanted))}; dit token heeft die niet.")
    request.state.principal = principal
    return principal


async def refusal_before_body(request: Request) -> ApiProblem | None:
    """The 401/403 a request gets before anything is said about its body, or None if admitted.

    FastAPI decodes a JSON body before it runs any dependency, so a body that is not JSON at
    all would otherwise be answered with 422 before the token is looked at. The validation-error
    handler asks this first: whoever may not use the route hears only that.
    """
    if getattr(request.state, "principal", None) is not None:
        return None  # the route's own dependency already admitted this token
    route: Any = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    for dependency in getattr(dependant, "dependencies", ()):
        wanted = getattr(dependency.call, _ROLES_ATTRIBUTE, None)
        if wanted is None:
            continue
        try:
            await admit(request, wanted)
        except ApiProblem as problem:
            return problem
    return None
