"""Submitting a case, reading the assessment back, and what bad input gets (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_support import RULES, Api, persona_expectation, persona_request, start_api
from sqlalchemy import select, text

from api.middleware import API_VERSION
from api.models import OpgeslagenBeoordeling
from api.tables import beoordelingen
from engine.case import Casus
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.provenance import ENGINE_VERSION
from engine.rule_model import REGELTAAL_VERSIE

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def reference_engine() -> Engine:
    """An engine of its own, to check the API's answer against a direct evaluation."""
    return Engine(load_rulebase(RULES))


def test_persona_assessment_is_stored_and_read_back_identical(api: Api, reference_engine: Engine) -> None:
    body = persona_request()
    before = dt.datetime.now(dt.UTC)
    posted = api.client.post("/v1/beoordelingen", json=body, headers=api.auth("toegang"))
    assert posted.status_code == 201, posted.text
    record = posted.json()
    assert posted.headers["location"] == f"/v1/beoordelingen/{record['id']}"

    # What the engine itself says for this case, and what the persona's family should get.
    expected = reference_engine.evaluate(
        Casus.model_validate(body["casus"]),
        gemeente=body.get("gemeente"),
        peildatum=dt.date.fromisoformat(body["peildatum"]),
    )
    assert record["beoordeling"] == expected.model_dump(mode="json")
    for field, value in persona_expectation().items():
        assert record["beoordeling"][field] == value
    assert record["regelset_versie"] == expected.regelset.versie
    assert record["aangemaakt_door"] == "team-toegang"
    created = dt.datetime.fromisoformat(record["aangemaakt_op"].replace("Z", "+00:00"))
    assert before <= created <= dt.datetime.now(dt.UTC)

    read = api.client.get(f"/v1/beoordelingen/{record['id']}", headers=api.auth("audit"))
    assert read.status_code == 200
    assert read.content == posted.content  # byte for byte
    again = api.client.get(f"/v1/beoordelingen/{record['id']}", headers=api.auth("audit"))
    assert again.content == posted.content


@pytest.mark.parametrize(
    ("kenmerk", "kosten", "peildatum"),
    [("Zoë-ĳ-€-✓-😀", 1234.5, "2025-01-01"), ('aanhalings"teken\\en', 0.1, "2024-07-01"), (None, 3000, None)],
)
def test_the_answer_is_the_records_json_byte_for_byte(
    sqlite_api: Api, reference_engine: Engine, kenmerk: str | None, kosten: float, peildatum: str | None
) -> None:
    """However the API builds and serialises an assessment, the bytes are what pydantic writes for the
    record: non-ASCII text as UTF-8, fractions and times exactly so (issue 19 changed how, not what)."""
    body = persona_request()
    body["casus"]["kenmerk"] = kenmerk
    body["casus"]["hulpvraag"]["verwachte_kosten"] = kosten
    body["peildatum"] = peildatum
    posted = sqlite_api.client.post("/v1/beoordelingen", json=body, headers=sqlite_api.auth("toegang"))
    assert posted.status_code == 201, posted.text
    answer = posted.json()
    day = dt.date.fromisoformat(peildatum) if peildatum else dt.date.today()
    beoordeling = reference_engine.evaluate(Casus.model_validate(body["casus"]), body.get("gemeente"), day)
    record = OpgeslagenBeoordeling(
        id=uuid.UUID(answer["id"]),
        casus_kenmerk=kenmerk,
        gemeente=body.get("gemeente"),
        peildatum=day,
        regelset_versie=beoordeling.regelset.versie,
        aangemaakt_door="team-toegang",
        aangemaakt_op=dt.datetime.fromisoformat(answer["aangemaakt_op"].replace("Z", "+00:00")),
        beoordeling=beoordeling,
    )
    assert posted.content == record.model_dump_json().encode()


def test_stored_row_holds_the_returned_document_and_no_case(api: Api) -> None:
    body = persona_request()
    body["casus"]["kenmerk"] = "dossier-77"
    body["casus"]["hulpvraag"]["naam"] = "Oudercursus Peuterpuber"
    posted = api.client.post("/v1/beoordelingen", json=body, headers=api.auth("toegang"))
    assert posted.status_code == 201
    with api.db.connect() as conn:
        row = conn.execute(select(beoordelingen).where(beoordelingen.c.id == posted.json()["id"])).mappings().one()
    assert row["document"].encode() == posted.content
    assert row["casus_kenmerk"] == "dossier-77"
    assert row["aangemaakt_door"] == "team-toegang"
    # The case itself is not kept: the row holds the assessment record, nothing else.
    assert set(json.loads(row["document"])) == set(OpgeslagenBeoordeling.model_fields)
    assert "casus" not in beoordelingen.c


def test_gemeente_and_peildatum_from_the_request_take_precedence(api: Api, reference_engine: Engine) -> None:
    gemeente = sorted(reference_engine.base.gemeenten)[0]
    body = persona_request()
    body["casus"]["gemeente"] = None
    body["gemeente"] = gemeente
    body["peildatum"] = "2025-06-01"
    posted = api.client.post("/v1/beoordelingen", json=body, headers=api.auth("toegang"))
    assert posted.status_code == 201, posted.text
    record = posted.json()
    assert record["gemeente"] == gemeente
    assert record["peildatum"] == "2025-06-01"
    ruleset = reference_engine.ruleset(dt.date(2025, 6, 1), gemeente)
    assert record["beoordeling"]["regelset"] == {
        "versie": ruleset.versie,
        "peildatum": "2025-06-01",
        "gemeente": gemeente,
        "parameters_versie": ruleset.parameterstand.versie,
        "motor_versie": ENGINE_VERSION,
        "regeltaal_versie": REGELTAAL_VERSIE,
        "commit": reference_engine.base.commit,
    }
    # Sources in the API's JSON: title and article, links dated at the request's peildatum, no file name.
    sources = [r["bron"] for r in record["beoordeling"]["toelichting"]["toegepast"]]
    assert not any(re.search(r"\d{3}_[0-9a-f]{16}\.txt", b["citaat"] + b["titel"]) for b in sources)
    links = [a["url"] for b in sources for a in b["wetsartikelen"]]
    assert links and all(url.endswith("&z=2025-06-01&g=2025-06-01") for url in links)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"gemeente": "atlantis"}, "gemeente"),
        ({"casus_gemeente": "atlantis"}, "casus.gemeente"),
    ],
)
def test_unknown_municipality_is_a_clear_422(api: Api, change: dict[str, str], field: str) -> None:
    body = persona_request()
    if "casus_gemeente" in change:
        body["casus"]["gemeente"] = change["casus_gemeente"]
    else:
        body.update(change)
    response = api.client.post("/v1/beoordelingen", json=body, headers=api.auth("toegang"))
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"].endswith("onbekende-gemeente")
    assert [p["name"] for p in problem["invalidParams"]] == [field]


def test_date_outside_every_rule_is_a_clear_422(api: Api, reference_engine: Engine) -> None:
    earliest = min(r.regel.geldig_vanaf for r in reference_engine.base.rules)
    body = persona_request()
    body["peildatum"] = (earliest - dt.timedelta(days=1)).isoformat()
    response = api.client.post("/v1/beoordelingen", json=body, headers=api.auth("toegang"))
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["invalidParams"][0]["name"] == "peildatum"
    assert response.json()["type"].endswith("geen-regels-op-peildatum")


def test_invalid_body_names_each_field(sqlite_api: Api) -> None:
    body = {"casus": {"jeugdige": {"leeftijd": 99, "schoenmaat": 31}, "hulpvraag": {"soort": "toverdrank"}}}
    response = sqlite_api.client.post("/v1/beoordelingen", json=body, headers=sqlite_api.auth("toegang"))
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 422 and problem["title"]
    names = {p["name"]: p for p in problem["invalidParams"]}
    assert set(names) == {"casus.jeugdige.leeftijd", "casus.jeugdige.schoenmaat", "casus.hulpvraag.soort"}
    assert names["casus.jeugdige.schoenmaat"]["code"] == "extra_forbidden"
    assert all(p["reason"] for p in problem["invalidParams"])
    # The submitted values are not echoed back.
    assert "toverdrank" not in response.text


@pytest.mark.parametrize(
    ("casus", "field"),
    [
        ({"hulpvraag": {"verwachte_kosten": 1e16}}, "casus.hulpvraag.verwachte_kosten"),
        ({"hulpvraag": {"naam": "\ud800"}}, "casus.hulpvraag.naam"),
    ],
)
def test_values_the_engine_cannot_take_are_refused_not_crashed(sqlite_api: Api, casus: dict, field: str) -> None:
    raw = json.dumps({"casus": casus})  # json.dumps escapes the lone surrogate as \ud800
    response = sqlite_api.client.post(
        "/v1/beoordelingen", content=raw, headers={**sqlite_api.auth("toegang"), "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert [p["name"] for p in response.json()["invalidParams"]] == [field]


@pytest.mark.parametrize("path", ["/v1/beoordelingen", f"/v1/beoordelingen/{uuid.uuid4()}/besluit"])
@pytest.mark.parametrize("content", [b'{"casus": ', b"nee", b"\xff\xfe"])
def test_a_body_that_is_not_json_is_a_400_problem(sqlite_api: Api, path: str, content: bytes) -> None:
    response = sqlite_api.client.post(
        path, content=content, headers={**sqlite_api.auth("toegang"), "Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["detail"] == "De body is geen geldige JSON."


def test_oversized_body_is_refused_by_its_length(sqlite_api: Api) -> None:
    padding = "x" * (sqlite_api.settings.max_body_bytes + 1)
    response = sqlite_api.client.post(
        "/v1/beoordelingen", json={"casus": {"kenmerk": padding}}, headers=sqlite_api.auth("toegang")
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    with sqlite_api.db.connect() as conn:
        assert conn.execute(select(beoordelingen.c.id)).first() is None


def test_oversized_streamed_body_is_refused_while_streaming(sqlite_api: Api) -> None:
    chunk = b" " * 8192
    chunks = (sqlite_api.settings.max_body_bytes // len(chunk)) + 2

    def body():  # no Content-Length: sent chunked
        yield b'{"casus": {}'
        for _ in range(chunks):
            yield chunk
        yield b"}"

    response = sqlite_api.client.post(
        "/v1/beoordelingen", content=body(), headers={**sqlite_api.auth("toegang"), "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_unknown_assessment_is_404_and_bad_id_422(api: Api) -> None:
    # 404 only for a national auditor; a reader with a limited reach hears 403 (see test_teams.py).
    missing = api.client.get(f"/v1/beoordelingen/{uuid.uuid4()}", headers=api.auth("audit_landelijk"))
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    bad = api.client.get("/v1/beoordelingen/niet-een-uuid", headers=api.auth("audit"))
    assert bad.status_code == 422
    assert bad.json()["invalidParams"][0]["name"] == "id"


def test_case_schema_is_the_case_model(sqlite_api: Api) -> None:
    response = sqlite_api.client.get("/v1/schema/casus")
    assert response.status_code == 200
    assert response.json() == Casus.model_json_schema()


def test_health_and_readiness(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    ready = api.client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["regelset"] == api.app.state.services.engine.base.digest


def test_every_response_names_the_api_version(sqlite_api: Api) -> None:
    assert sqlite_api.client.get("/healthz").headers["api-version"] == API_VERSION
    assert sqlite_api.client.get("/v1/regels").headers["api-version"] == API_VERSION  # 401 too


def test_database_outage_is_a_503_problem(sqlite_api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    def unavailable(*_args: object) -> None:
        raise OperationalError("SELECT document FROM beoordelingen", {"id": "geheim"}, Exception("disk I/O error"))

    monkeypatch.setattr(sqlite_api.app.state.services.store, "eigenaar", unavailable)
    response = sqlite_api.client.get(f"/v1/beoordelingen/{uuid.uuid4()}", headers=sqlite_api.auth("audit"))
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["retry-after"] == "5"


def test_cases_are_evaluated_in_the_assessing_threads(sqlite_api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Off the event loop, in the API's own executor (a cheaper hand-off than Starlette's pool)."""
    engine = sqlite_api.app.state.services.engine
    evaluate = engine.evaluate
    threads: list[str] = []

    def recorded(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return evaluate(*args)

    monkeypatch.setattr(engine, "evaluate", recorded)
    posted = sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=sqlite_api.auth("toegang"))
    assert posted.status_code == 201, posted.text
    assert len(threads) == 1 and threads[0].startswith("reikwijdte-beoordeling"), threads


@pytest.fixture
def postgres_api(tmp_path: Path, postgres_url: str) -> Iterator[Api]:
    yield from start_api(tmp_path / "data", postgres_url)


def test_postgresql_compresses_new_documents_with_lz4_and_reads_them_back_the_same(postgres_api: Api) -> None:
    with postgres_api.db.connect() as conn:
        offered = conn.execute(
            text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        ).scalar()
        if offered is not True:
            pytest.skip("this PostgreSQL server does not offer lz4 (PostgreSQL 14 or later, built with it)")
    posted = postgres_api.client.post("/v1/beoordelingen", json=persona_request(), headers=postgres_api.auth("toegang"))
    assert posted.status_code == 201, posted.text
    with postgres_api.db.connect() as conn:
        method, document = conn.execute(
            text("SELECT pg_column_compression(document), document FROM beoordelingen WHERE id = :id"),
            {"id": posted.json()["id"]},
        ).one()
    assert method == "lz4"
    assert document.encode() == posted.content
