"""Schemathesis generates requests from the OpenAPI schema; no response may be a 5xx.

Bounded: a fixed number of examples per operation, derandomized so a run is repeatable. The
token holds every role, so generated requests get past authentication and reach the handlers.
The app is built when the module is collected (schemathesis' fixture-based loader does not work
with this pytest), on a temporary SQLite database removed at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from api_support import RULES, shared_engine
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import tokens
from api.app import create_app
from api.settings import Settings, sqlite_url

#: Examples per operation; `$REIKWIJDTE_FUZZ_EXAMPLES` raises it for a deeper run by hand.
EXAMPLES = int(os.environ.get("REIKWIJDTE_FUZZ_EXAMPLES", "30"))

_DATA = Path(tempfile.mkdtemp(prefix="reikwijdte-fuzz-"))
APP = create_app(Settings(data_dir=_DATA, rules_dir=RULES, database_url=sqlite_url(_DATA)), engine=shared_engine())
TOKEN, _ = tokens.create(APP.state.services.db, "fuzzer", ["toegang", "beleid", "audit"], "standaard")
schema = schemathesis.openapi.from_asgi("/v1/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    yield
    APP.state.services.store.close()
    APP.state.services.db.dispose()
    shutil.rmtree(_DATA, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(case: schemathesis.Case) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKEN}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
