"""The rules as a policy maker reads them: by criterion, one rule, search, and each municipality's choices.

Every page is a plain GET with a stable address (`/regels/TOE-BS-01#bron`,
`/regels/zoeken?q=kostendrempel`, `/gemeenten/voorbeeldstad`), so a link can be pasted into
an e-mail; the reader signs in first and lands on it. Only the `beleid` role reaches them.
The content comes from `web.rulebook` (built once from the rules in service).
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from web.dependencies import BeleidSessie
from web.rulebook import Rulebook
from web.templating import render

router = APIRouter(include_in_schema=False)


def rulebook_of(request: Request) -> Rulebook:
    """The rulebook of the rules in service, built at the first request that needs it."""
    state = request.app.state
    book = getattr(state, "rulebook", None)
    engine = state.services.engine
    if book is None or book.base is not engine.base:
        book = Rulebook(engine.base)
        state.rulebook = book
    return book


@router.get("/regels")
async def regels(request: Request, sessie: BeleidSessie) -> Response:
    book = rulebook_of(request)
    context = {"titel": "Regels per criterium", "actief": "regels", "book": book, "vraag": ""}
    return render(request, "beleid/regels.html", context, sessie=sessie)


@router.get("/regels/zoeken")
async def zoeken(request: Request, sessie: BeleidSessie, q: str = Query("", max_length=200)) -> Response:
    book = rulebook_of(request)
    vraag = " ".join(q.split())
    context = {
        "titel": f"Zoeken: {vraag}" if vraag else "Zoeken in de regels",
        "actief": "regels",
        "book": book,
        "vraag": vraag,
        "treffers": book.zoek(vraag),
    }
    return render(request, "beleid/zoeken.html", context, sessie=sessie)


@router.get("/regels/{rule_id}")
async def regel(request: Request, sessie: BeleidSessie, rule_id: str) -> Response:
    book = rulebook_of(request)
    found = book.regel(rule_id)
    if found is None:
        raise HTTPException(404)
    context = {"titel": f"{found.id}: {found.titel}", "actief": "regels", "book": book, "r": found}
    return render(request, "beleid/regel.html", context, sessie=sessie)


@router.get("/gemeenten")
async def gemeenten(request: Request, sessie: BeleidSessie) -> Response:
    book = rulebook_of(request)
    context = {"titel": "Gemeenten", "actief": "gemeenten", "gemeenten": book.gemeenten()}
    return render(request, "beleid/gemeenten.html", context, sessie=sessie)


@router.get("/gemeenten/{code}")
async def gemeente(request: Request, sessie: BeleidSessie, code: str) -> Response:
    found = rulebook_of(request).gemeente(code)
    if found is None:
        raise HTTPException(404)
    context = {"titel": f"Gemeente {found.naam}", "actief": "gemeenten", "g": found}
    return render(request, "beleid/gemeente.html", context, sessie=sessie)
