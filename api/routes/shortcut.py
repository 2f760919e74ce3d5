"""A route that answers its usual request directly and leaves every other request to FastAPI.

FastAPI's generic request handling (decoding the body with `json.loads`, solving the dependency
graph with its cache keys, validating parameters and body field by field) costs the event loop
more per request than the route's own work, on the one route that carries the load
(`POST /v1/beoordelingen`). A route declared with a *shortcut* keeps its declaration (so the
OpenAPI document, the routing and the exception handlers stay FastAPI's), but each request is
first offered to the shortcut: a coroutine that either answers it, or returns None *before it
has done anything a client or the server could notice* (no rate-limit hit, no log field, nothing
stored). Then FastAPI's own handler takes the request from the start, as if the shortcut did not
exist, so every refusal (400, 401, 403, 413, 422) comes from the same code as before. The shortcut
only has to be right about the requests it answers: those must be answered exactly as FastAPI's
handler would.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.middleware.body_limit import MAX_BODY_SIZE_SCOPE_KEY

#: Answers a request, or returns None (having changed nothing) to hand it to FastAPI's handler.
Shortcut = Callable[[Request], Awaitable[Response | None]]
_Endpoint = TypeVar("_Endpoint", bound=Callable[..., Any])

_ATTRIBUTE = "reikwijdte_shortcut"


def shortcut(fast: Shortcut) -> Callable[[_Endpoint], _Endpoint]:
    """Mark an endpoint: its route offers each request to `fast` first (apply below `@router.post`)."""

    def mark(endpoint: _Endpoint) -> _Endpoint:
        setattr(endpoint, _ATTRIBUTE, fast)
        return endpoint

    return mark


class ShortcutRoute(APIRoute):
    """An `APIRoute` whose endpoint may carry a shortcut (`shortcut`); without one it is an `APIRoute`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        standard = super().get_route_handler()
        fast: Shortcut | None = getattr(self.endpoint, _ATTRIBUTE, None)
        if fast is None:
            return standard

        async def handler(request: Request) -> Response:
            # Overridden dependencies (tests, integrations) are FastAPI's business: no shortcut then.
            if not request.app.dependency_overrides:
                answer = await fast(request)
                if answer is not None:
                    return answer
            return await standard(request)

        return handler


async def read_body(request: Request) -> bytes | None:
    """The request's body, failing as FastAPI's handler fails when it cannot be read.

    None (nothing read) where FastAPI's own body-size limits are configured: how those fail is
    FastAPI's to say. Otherwise an `HTTPException` from a middleware (the 413 of
    `api.middleware.RequestGuard`) passes as it is, and any other failure becomes the 400 that
    FastAPI's handler makes of it. What was read stays on the request for FastAPI's handler.
    """
    if MAX_BODY_SIZE_SCOPE_KEY in request.scope:
        return None
    try:
        return await request.body()
    except HTTPException:
        raise
    except Exception as exc:
        raise HTTPException(status_code=400, detail="There was an error parsing the body") from exc
