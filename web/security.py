"""The headers of the web application's answers: a strict CSP, no caching of pages.

Scripts, styles, images and fonts come only from this service (`'self'`): no inline script, no
inline style, no `eval`; htmx is configured (in the page's `htmx-config` meta tag) not to add a
style element of its own and not to evaluate anything. Images may also be `data:` URLs (the
NL Design System CSS draws its icons that way). Every page answer is `no-store`: pages show case
data, and a shared or back-buttoned browser must not keep them. The static files may be cached.
"""

from __future__ import annotations

from api.http_policy import PathPolicy, common_headers

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
STATIC_PREFIX = "/static/"
#: Paths that belong to the API (and its documentation), never to the pages.
_API_PATHS = ("/v1/", "/docs")
_API_EXACT = frozenset({"/v1", "/healthz", "/readyz"})


def is_page(path: str) -> bool:
    return path not in _API_EXACT and not path.startswith(_API_PATHS) and not path.startswith(STATIC_PREFIX)


POLICIES = (
    PathPolicy(lambda path: path.startswith(STATIC_PREFIX), common_headers(PAGE_CSP, "max-age=3600")),
    PathPolicy(is_page, common_headers(PAGE_CSP, "no-store")),
)
