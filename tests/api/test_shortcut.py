"""`POST /v1/beoordelingen` answers its usual request directly (`api.routes.shortcut`); every other
request is FastAPI's, answered exactly as by the route without the shortcut.

The refusals are compared with an app whose routes are plain `APIRoute`s (the route as it was),
byte for byte: status, headers and body.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

import fastapi.routing
import pytest
from api_support import GEMEENTE, Api, persona_request, start_api
from fastapi.routing import APIRoute

from api.models import BeoordelingAanvraag
from api.routes.shortcut import ShortcutRoute
from api.settings import sqlite_url

PATH = "/v1/beoordelingen"
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Api]]:
    """The app as served (`direct`), and the same app with every route a plain `APIRoute` (`fastapi`)."""
    apis: dict[str, Api] = {}
    started = []
    with pytest.MonkeyPatch.context() as patch:
        for name in ("direct", "fastapi"):
            if name == "fastapi":
                patch.setattr(ShortcutRoute, "get_route_handler", APIRoute.get_route_handler)
            data = tmp_path_factory.mktemp(name) / "data"
            run = start_api(data, sqlite_url(data))
            apis[name] = next(run)
            started.append(run)
            # An included route takes its handler at the app's first request to its router.
            assert apis[name].client.post(PATH, content=b"{}", headers=JSON).status_code == 401
    yield apis
    for run in started:
        for _ in run:  # leave the TestClient and the app
            pass


@pytest.fixture
def fastapi_handled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the requests FastAPI's own handler took on (it solves the dependencies of each)."""
    calls: list[int] = []
    solve = fastapi.routing.solve_dependencies

    async def counting(**kwargs: Any) -> Any:
        calls.append(1)
        return await solve(**kwargs)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", counting)
    return calls


def _answer(api: Api, content: bytes, headers: dict[str, Any], role: str | None = "toegang") -> tuple[Any, ...]:
    sent = {**headers, **(api.auth(role) if role else {})}
    response = api.client.post(PATH, content=content, headers=sent)
    kept = sorted((k, v) for k, v in response.headers.items() if k not in ("date", "location"))
    return response.status_code, kept, response.content


def _body(**changes: Any) -> dict[str, Any]:
    body = persona_request()
    body.update(changes)
    return body


def _raw(body: Any) -> bytes:
    return json.dumps(body).encode()


REFUSED: list[tuple[str, bytes, dict[str, Any], str | None]] = [
    ("no JSON", b'{"casus": ', JSON, "toegang"),
    ("not UTF-8", b"\xff\xfe", JSON, "toegang"),
    ("empty body", b"", JSON, "toegang"),
    ("null", b"null", JSON, "toegang"),
    ("a list", b"[]", JSON, "toegang"),
    ("unknown field", _raw({"casus": {"schoenmaat": 31}}), JSON, "toegang"),
    (
        "wrong types",
        _raw({"casus": {"jeugdige": {"leeftijd": "oud"}, "hulpvraag": {"ingrijpend": "ja"}}}),
        JSON,
        "toegang",
    ),
    ("lone surrogate", b'{"casus": {"kenmerk": "\\ud800"}}', JSON, "toegang"),
    ("control character", _raw({"casus": {"kenmerk": "a\u0000b"}}), JSON, "toegang"),
    ("NaN", b'{"casus": {"hulpvraag": {"verwachte_kosten": NaN}}}', JSON, "toegang"),
    ("too expensive", _raw({"casus": {"hulpvraag": {"verwachte_kosten": 1e16}}}), JSON, "toegang"),
    ("unknown municipality", _raw(_body(gemeente="nergensdorp")), JSON, "toegang"),
    ("no rules on that date", _raw(_body(peildatum="1900-01-01")), JSON, "toegang"),
    ("text/plain", _raw(_body()), {"Content-Type": "text/plain"}, "toegang"),
    ("no content type", _raw(_body()), {}, "toegang"),
    ("no token", _raw(_body()), JSON, None),
    ("no token, no JSON", b"nee", JSON, None),
    ("no token, invalid body", _raw({"casus": {"schoenmaat": 31}}), JSON, None),
    ("another role", _raw(_body()), JSON, "beleid"),
    ("another role, invalid body", _raw({"casus": {"schoenmaat": 31}}), JSON, "beleid"),
    ("empty key", _raw(_body()), {**JSON, "Idempotency-Key": ""}, "toegang"),
    ("key with a space", _raw(_body()), {**JSON, "Idempotency-Key": "a b"}, "toegang"),
    ("key too long", _raw(_body()), {**JSON, "Idempotency-Key": "k" * 256}, "toegang"),
    ("key not ASCII", _raw(_body()), {**JSON, "Idempotency-Key": "sleutel\u00e9".encode("latin-1")}, "toegang"),
    ("bad key, no token", _raw(_body()), {**JSON, "Idempotency-Key": "a b"}, None),
]


@pytest.mark.parametrize(("content", "headers", "role"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_every_refusal_is_the_answer_of_the_route_without_the_shortcut(
    both: dict[str, Api], content: bytes, headers: dict[str, Any], role: str | None
) -> None:
    direct = _answer(both["direct"], content, headers, role)
    plain = _answer(both["fastapi"], content, headers, role)
    assert direct[0] >= 400, direct
    assert direct == plain


ACCEPTED: list[tuple[str, bytes, dict[str, str]]] = [
    ("plain", _raw(_body()), JSON),
    ("longest key", _raw(_body()), {**JSON, "Idempotency-Key": "k" * 255}),
    ("charset", _raw(_body()), {"Content-Type": "application/json; charset=utf-8"}),
    ("byte order mark", b"\xef\xbb\xbf" + _raw(_body()), JSON),
    ("UTF-16", json.dumps(_body()).encode("utf-16"), JSON),
]


@pytest.mark.parametrize(("content", "headers"), [r[1:] for r in ACCEPTED], ids=[r[0] for r in ACCEPTED])
def test_an_accepted_request_is_answered_as_without_the_shortcut(
    both: dict[str, Api], content: bytes, headers: dict[str, str], fastapi_handled: list[int]
) -> None:
    answers = {}
    for name, api in both.items():
        before = len(fastapi_handled)
        response = api.client.post(PATH, content=content, headers={**headers, **api.auth("toegang")})
        if name == "fastapi":
            assert len(fastapi_handled) == before + 1  # the app to compare with is FastAPI's handler
        assert response.status_code == 201, response.text
        document = response.json()
        stored = api.client.get(response.headers["location"], headers=api.auth("toegang"))
        assert stored.content == response.content
        kept = sorted((k, v) for k, v in response.headers.items() if k not in ("date", "location", "content-length"))
        for field in ("id", "aangemaakt_op"):
            document.pop(field)
        document["beoordeling"]["regelset"].pop("commit", None)
        answers[name] = (kept, document)
    assert answers["direct"] == answers["fastapi"]


def test_the_usual_request_takes_the_shortcut_and_the_others_do_not(
    sqlite_api: Api, fastapi_handled: list[int]
) -> None:
    body = _raw(_body())
    for key in (None, "sleutel-1"):
        extra = {"Idempotency-Key": key} if key else {}
        response = sqlite_api.client.post(PATH, content=body, headers={**JSON, **extra, **sqlite_api.auth("toegang")})
        assert response.status_code == 201
    assert fastapi_handled == []
    # A repeat with the key: answered directly too (the stored assessment, 200).
    again = sqlite_api.client.post(
        PATH, content=body, headers={**JSON, "Idempotency-Key": "sleutel-1", **sqlite_api.auth("toegang")}
    )
    assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert fastapi_handled == []
    charset = {"Content-Type": "application/json; charset=utf-8", **sqlite_api.auth("toegang")}
    assert sqlite_api.client.post(PATH, content=body, headers=charset).status_code == 201
    assert fastapi_handled == [1]
    refused = sqlite_api.client.post(PATH, content=b"{}", headers={**JSON, **sqlite_api.auth("toegang")})
    assert refused.status_code == 422
    assert fastapi_handled == [1, 1]


def test_a_token_is_checked_once_per_request(sqlite_api: Api) -> None:
    """One hit on the rate limit per request, whichever handler answers it."""
    seen: list[str] = []
    limiter = sqlite_api.app.state.services.limiter
    hit = limiter.hit

    async def counting(token_id: str) -> Any:
        seen.append(token_id)
        return await hit(token_id)

    limiter.hit = counting
    try:
        headers = {**JSON, **sqlite_api.auth("toegang")}
        assert sqlite_api.client.post(PATH, content=_raw(_body()), headers=headers).status_code == 201
        assert sqlite_api.client.post(PATH, content=b"{}", headers=headers).status_code == 422
    finally:
        limiter.hit = hit
    assert len(seen) == 2


def _validated_from_json(body: bytes) -> BeoordelingAanvraag | None:
    try:
        return BeoordelingAanvraag.model_validate_json(body)
    except ValueError:
        return None


def _validated_as_fastapi(body: bytes) -> BeoordelingAanvraag | None:
    try:
        return BeoordelingAanvraag.model_validate(json.loads(body))
    except ValueError:
        return None


EDGES = [
    '{"casus": {"kenmerk": "a", "kenmerk": "b"}, "gemeente": "x", "gemeente": "' + GEMEENTE + '"}',
    '{"casus": {"kenmerk": "\\ud83d\\ude00 \\u00e9\\n\\"\\\\"}}',
    '{"casus": {"kenmerk": "\\udc00x"}}',
    '{"casus": {"hulpvraag": {"verwachte_kosten": %s}}}',
    '{"casus": {"hulpvraag": {"duur_weken": %s}}}',
    '{"casus": {"hulpvraag": {"soort": %s}}}',
    '{"casus": {}, "peildatum": %s}',
    '{"casus": {"jeugdige": {"leeftijd": %s}}}',
]
VALUES = [
    "true", "false", "null", "12", "-0", "-0.0", "12.0", "1e2", "1.5", "12.345", "0.0000000001e10", "1e400",
    "Infinity", "NaN", "12345678901234567890123", '"12"', '" 12 "', '"1_000"', '"cursus"', '"Cursus"', "1",
    '"2026-01-01"', '"2026-1-1"', '"2026-01-01T00:00:00"', '"2026-01-01T00:00:00Z"', '"2026-01-01T00:00:00+01:00"',
    '"2026-01-01 00:00"', '"20260101"', "1767225600", "1767225600.0", '"1767225600"', "[]", "{}",
]  # fmt: skip


def test_the_body_read_from_its_json_text_is_the_body_fastapi_validates() -> None:
    """`model_validate_json` accepts no body that FastAPI's `json.loads` and validation would refuse
    or read otherwise (where it refuses what FastAPI accepts, FastAPI's handler answers)."""
    bodies = [edge.replace("%s", value) for edge in EDGES for value in VALUES]
    generator = random.Random(19)
    for _ in range(3000):
        mantissa = f"{generator.randint(0, 10 ** generator.randint(1, 20))}.{generator.randint(0, 10 ** generator.randint(1, 25))}"
        number = generator.choice([mantissa, f"{mantissa}e{generator.randint(-30, 8)}", repr(generator.random() * 1e7)])
        bodies.append(EDGES[3].replace("%s", number))
    accepted = 0
    for text in bodies:
        body = text.encode()
        direct = _validated_from_json(body)
        if direct is None:
            continue
        accepted += 1
        assert direct == _validated_as_fastapi(body), text
        assert direct.model_dump_json() == _validated_as_fastapi(body).model_dump_json(), text  # type: ignore[union-attr]
    assert accepted > 2000


def test_fastapi_does_not_look_for_opentelemetry_per_request(sqlite_api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The service exports no telemetry, so FastAPI's native OpenTelemetry is off (`api.app`)."""
    import fastapi.telemetry._asgi as native

    def asked() -> Any:
        raise AssertionError("FastAPI asked OpenTelemetry for a provider")

    monkeypatch.setattr(native.trace, "get_tracer_provider", asked)
    monkeypatch.setattr(native.metrics, "get_meter_provider", asked)
    monkeypatch.setattr(native._logs, "get_logger_provider", asked)
    response = sqlite_api.client.post(PATH, content=_raw(_body()), headers={**JSON, **sqlite_api.auth("toegang")})
    assert response.status_code == 201
