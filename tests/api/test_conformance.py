"""The OpenAPI document follows the NL API Design Rules where a test can see it.

`.ci/run` runs Logius' own linter (Spectral with `../shared/conformance/adr-ruleset.yaml`) on
the served document; these tests pin the points this project had to do something for, and the
behaviour the linter cannot see.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest
from api_support import Api

from api import models
from api.openapi import SCHEMA_BESCHRIJVINGEN
from engine import assessment, case

PROBLEM = "application/problem+json"
CAMEL = re.compile(r"^[a-z][a-z\d]*([A-Z][a-z\d]*)*$")


@pytest.fixture(scope="module")
def document(shared_sqlite_api: Api) -> dict[str, Any]:
    response = shared_sqlite_api.client.get("/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]


def test_the_major_version_is_in_the_server_url_and_contact_is_named(document: dict[str, Any]) -> None:
    assert [s["url"] for s in document["servers"]] == ["/v1"]
    assert "/beoordelingen" in document["paths"] and "/v1/beoordelingen" not in document["paths"]
    assert "/healthz" not in document["paths"]  # for the platform, outside the versioned API
    assert set(document["info"]["contact"]) == {"name", "email", "url"}


def test_every_success_declares_the_api_version_header(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        for code, response in operation["responses"].items():
            if code.startswith(("2", "3")):
                assert "API-Version" in response.get("headers", {}), (path, method, code)


def test_every_operation_can_answer_400_and_errors_are_problems(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        assert "400" in operation["responses"], (path, method)
        for code, response in operation["responses"].items():
            if int(code) >= 400:
                assert list(response["content"]) == [PROBLEM], (path, method, code)


def test_query_parameters_are_lower_camel_case(document: dict[str, Any]) -> None:
    names = [
        parameter["name"]
        for _path, _method, operation in _operations(document)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    ]
    assert names
    assert [n for n in names if not CAMEL.match(n)] == []


def test_no_english_docstring_reaches_the_document(shared_sqlite_api: Api, document: dict[str, Any]) -> None:
    """Integrators read Dutch: descriptions come from the routes and `SCHEMA_BESCHRIJVINGEN`."""
    docstrings = {
        inspect.cleandoc(route.endpoint.__doc__)
        for route in shared_sqlite_api.app.routes
        if getattr(route, "endpoint", None) and route.endpoint.__doc__
    }
    for module in (models, case, assessment):
        docstrings |= {
            inspect.cleandoc(obj.__doc__) for _, obj in inspect.getmembers(module, inspect.isclass) if obj.__doc__
        }
    for _path, _method, operation in _operations(document):
        assert operation.get("description") not in docstrings, operation["summary"]
        assert operation.get("summary")
    for name, schema in document["components"]["schemas"].items():
        assert schema.get("description") not in docstrings, name
    assert set(SCHEMA_BESCHRIJVINGEN) <= set(document["components"]["schemas"])


def test_a_repeated_query_parameter_is_a_400(shared_sqlite_api: Api) -> None:
    response = shared_sqlite_api.client.get(
        "/v1/regels?gemeente=a&gemeente=b", headers=shared_sqlite_api.auth("beleid")
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    assert [p["name"] for p in response.json()["invalidParams"]] == ["gemeente"]
