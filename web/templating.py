"""The Jinja2 templates and how a page is answered: HTML, its session cookie renewed.

Autoescaping is on for every template; the Dutch words of fields, values and outcomes come from
`engine.labels`, the one place that names them, so the pages say what the terminal and the
motivation say.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from engine import labels
from engine.partial import aangenomen
from web.sessions import CSRF_FIELD, Sessie, sessions_of

TEMPLATES = Path(__file__).resolve().parent / "templates"

environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.globals["labels"] = labels
environment.globals["csrf_field"] = CSRF_FIELD


def _join_labels(values: list[str], field: str) -> str:
    """An outcome list in words: `["veiligheid", "participatie"]` -> `Veiligheid, Meedoen (participatie)`."""
    return ", ".join(labels.uitkomst(field, value) for value in values)


environment.filters["join_labels"] = _join_labels
environment.filters["veldlabels"] = lambda paths: ", ".join(labels.veld(p) for p in paths)
environment.globals["show_presumed"] = aangenomen
environment.filters["getal"] = lambda n: f"{int(n):,}".replace(",", ".")  # 20000 -> 20.000, as Dutch readers write it


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200, sessie: Sessie | None = None
) -> HTMLResponse:
    """The page; with a session, its CSRF token in the context and its cookie re-signed (idle time restarts)."""
    values = {"sessie": sessie, "csrf": sessie.csrf if sessie else None, "htmx": is_htmx(request), "actief": None}
    values.update(context)
    response = HTMLResponse(environment.get_template(template).render(values), status_code=status)
    if sessie is not None:
        sessions_of(request).set_cookie(request, response, sessie)
    return response


def redirect(request: Request, url: str, sessie: Sessie | None = None) -> Response:
    """303 See Other to `url` (after a form post); htmx follows `HX-Redirect` instead."""
    response: Response
    if is_htmx(request):
        response = Response(status_code=204, headers={"HX-Redirect": url})
    else:
        response = RedirectResponse(url, status_code=303)
    if sessie is not None:
        sessions_of(request).set_cookie(request, response, sessie)
    return response


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"
