"""What every response says about itself, and `HEAD` wherever `GET` works.

- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` and a strict
  `Content-Security-Policy` on every response: the API's JSON may not load anything at all
  (`default-src 'none'`); the documentation pages (`/docs`) may load scripts and styles only from
  this service itself, never inline scripts and never from elsewhere.
- `Cache-Control: no-store` on every response except the documentation's static files: case
  data must not stay behind in a browser's or proxy's cache, and telling which answer holds case
  data (an error can quote a field path) is not worth the risk.
- `HEAD` is answered as `GET` without the body (FastAPI routes answer only the methods they
  declare; HTTP says a `GET` resource answers `HEAD` too).

Pure ASGI and outermost, so the answers of the other layers (413, 429, 500) carry the headers too.
Another part of the service served by the same app (the web application's pages) brings its own
headers for its paths as a `PathPolicy`; the API's paths keep the API's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Scope key holding the method the client sent, when it was rewritten (HEAD -> GET).
ORIGINAL_METHOD = "reikwijdte.method"
DOCS_PREFIX = "/docs"
DOCS_STATIC_PREFIX = "/docs/static/"

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
#: Swagger UI sets style attributes from its scripts, which `style-src 'self'` alone would block;
#: scripts stay limited to files of this service.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

_COMMON = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
_API_HEADERS = [*_COMMON, (b"content-security-policy", API_CSP.encode()), (b"cache-control", b"no-store")]
_DOCS_HEADERS = [*_COMMON, (b"content-security-policy", DOCS_CSP.encode()), (b"cache-control", b"no-store")]
_STATIC_HEADERS = [*_COMMON, (b"content-security-policy", DOCS_CSP.encode()), (b"cache-control", b"max-age=3600")]
#: Headers this layer owns: a handler's own values for them are dropped (a policy may add more).
_REPLACED = {name for name, _ in _API_HEADERS}


Headers = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class PathPolicy:
    """The headers for the paths `applies` accepts (checked before the API's own)."""

    applies: Callable[[str], bool]
    headers: Headers


def common_headers(csp: str, cache_control: str) -> Headers:
    """`nosniff`, `no-referrer`, the CSP and the cache rule, as every answer of this service carries them."""
    return [*_COMMON, (b"content-security-policy", csp.encode()), (b"cache-control", cache_control.encode())]


def headers_for(path: str, policies: Sequence[PathPolicy] = ()) -> Headers:
    for policy in policies:
        if policy.applies(path):
            return policy.headers
    if path.startswith(DOCS_STATIC_PREFIX):
        return _STATIC_HEADERS
    if path == DOCS_PREFIX or path.startswith(DOCS_PREFIX + "/"):
        return _DOCS_HEADERS
    return _API_HEADERS


class HttpPolicy:
    def __init__(self, app: ASGIApp, policies: Sequence[PathPolicy] = ()) -> None:
        self.app = app
        self.policies = tuple(policies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET", ORIGINAL_METHOD: "HEAD"}
        added = headers_for(scope["path"], self.policies)

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                message["headers"] = [*kept, *added]
            elif head and message["type"] == "http.response.body":
                # The headers (Content-Length included) as for GET; no body.
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_policy)
