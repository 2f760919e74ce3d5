"""Case data never reaches the log; a request's log line carries the assessment id."""

from __future__ import annotations

import logging

import pytest
from api_support import Api, persona_request

SECRETS = ("KENMERK-GEHEIM-7731", "Hulpvorm-Geheim-4242")


def _secret_case() -> dict:
    body = persona_request()
    body["casus"]["kenmerk"] = SECRETS[0]
    body["casus"]["hulpvraag"]["naam"] = SECRETS[1]
    return body


def _log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(record.getMessage() for record in caplog.records)


def test_log_line_has_the_id_and_no_case_data(sqlite_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reikwijdte")
    response = sqlite_api.client.post(
        "/v1/beoordelingen?extra=" + SECRETS[0], json=_secret_case(), headers=sqlite_api.auth("toegang")
    )
    assert response.status_code == 201
    assessment_id = response.json()["id"]
    sqlite_api.client.get(f"/v1/beoordelingen/{assessment_id}", headers=sqlite_api.auth("audit"))
    lines = [r.getMessage() for r in caplog.records if r.name == "reikwijdte.api"]
    assert len(lines) == 2
    assert all(f"beoordeling={assessment_id}" in line for line in lines)
    assert lines[0].startswith("POST /v1/beoordelingen 201 ")
    assert lines[1].startswith("GET /v1/beoordelingen/{id} 200 ")
    text = _log_text(caplog)
    for secret in SECRETS:
        assert secret not in text


def test_refused_input_is_not_logged(sqlite_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = _secret_case()
    body["casus"]["jeugdige"]["leeftijd"] = SECRETS[1]  # wrong type: echoed nowhere
    response = sqlite_api.client.post("/v1/beoordelingen", json=body, headers=sqlite_api.auth("toegang"))
    assert response.status_code == 422
    for secret in SECRETS:
        assert secret not in _log_text(caplog)
        assert secret not in response.text


def test_unexpected_error_is_a_500_problem_without_its_message_in_the_log(
    sqlite_api: Api, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_evaluate(*_args: object, **_kwargs: object) -> None:
        raise ValueError(f"engine choked on {SECRETS[0]}")

    monkeypatch.setattr(sqlite_api.app.state.services.engine, "evaluate", failing_evaluate)
    caplog.set_level(logging.DEBUG)
    response = sqlite_api.client.post("/v1/beoordelingen", json=_secret_case(), headers=sqlite_api.auth("toegang"))
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert SECRETS[0] not in response.text
    text = _log_text(caplog)
    assert "ValueError" in text
    for secret in SECRETS:
        assert secret not in text


def test_a_head_request_is_logged_as_head(sqlite_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reikwijdte")
    sqlite_api.client.head("/v1/regels", headers=sqlite_api.auth("beleid"))
    lines = [r.getMessage() for r in caplog.records if r.name == "reikwijdte.api"]
    assert len(lines) == 1 and lines[0].startswith("HEAD /v1/regels 200 ")
