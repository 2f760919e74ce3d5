"""Signing in with a token, signing out, and the start page.

The token is typed (or pasted) once into the sign-in form and checked like the API checks it
(`api.tokens.authenticate`: unknown or revoked is refused); the browser then holds only the
session cookie (`web.sessions`). The token itself is never stored or logged.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api import tokens
from web.dependencies import FormDep, SessieDep
from web.sessions import (
    LOGIN_CSRF_COOKIE,
    CsrfRefused,
    NotSignedIn,
    Sessions,
    check_csrf,
    login_csrf,
    sessions_of,
    set_login_csrf,
)
from web.templating import redirect, render

router = APIRouter(include_in_schema=False)


@router.get("/")
async def start(request: Request, sessie: SessieDep) -> Response:
    return render(request, "start.html", {"titel": "Start"}, sessie=sessie)


@router.get("/inloggen")
async def inloggen_pagina(request: Request) -> Response:
    try:
        sessie = await sessions_of(request).recognise(request)
    except NotSignedIn:
        return _login_page(request)
    return redirect(request, "/", sessie)


def _login_page(request: Request, fout: str | None = None, status: int = 200) -> Response:
    csrf = login_csrf(request)
    melding = "U bent afgemeld." if request.query_params.get("afgemeld") == "1" else None
    context = {"titel": "Inloggen", "fout": fout, "melding": melding, "inlog_csrf": csrf}
    response = render(request, "inloggen.html", context, status)
    set_login_csrf(request, response, csrf)
    return response


@router.post("/inloggen")
async def inloggen(request: Request) -> Response:
    form = await request.form()
    try:
        check_csrf(form, request.cookies.get(LOGIN_CSRF_COOKIE))
    except CsrfRefused:
        return _login_page(request, "Het formulier was verlopen. Vul uw token opnieuw in.", 403)
    token = form.get("token")
    token = token.strip() if isinstance(token, str) else ""
    if not token:
        return _login_page(request, "Vul uw token in.", 422)
    services = request.app.state.services
    principal = await run_in_threadpool(tokens.authenticate, services.db, token)
    if principal is None:
        return _login_page(request, "Dit token is onbekend of ingetrokken. Vraag uw beheerder om een nieuw token.", 401)
    sessie = sessions_of(request).begin(principal)
    request.state.log["door"] = principal.naam
    response = redirect(request, "/", sessie)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/inloggen")
    return response


@router.post("/afmelden")
async def afmelden(request: Request, sessie: SessieDep, _form: FormDep) -> Response:
    await run_in_threadpool(sessions_of(request).end, sessie)
    response = redirect(request, "/inloggen?afgemeld=1")
    Sessions.clear_cookie(request, response)
    return response
