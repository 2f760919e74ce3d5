"""`python -m api.write_openapi FILE`: write the OpenAPI document as served (the linter in `.ci/run` reads it).

Apart from `api.openapi`, which the app imports to shape its document: this module builds the app.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import warnings
from pathlib import Path

from api import openapi
from api.app import create_app
from api.settings import Settings, sqlite_url


def main(argv: list[str]) -> int:
    """Write the served OpenAPI document to the file named in `argv` (for the ADR linter in CI)."""
    if len(argv) != 1:
        print("gebruik: python -m api.write_openapi BESTAND", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="reikwijdte-openapi-") as tmp:
        # A database of its own: writing the document must not touch (or need) the service's data.
        settings = dataclasses.replace(Settings.from_env(data_dir=Path(tmp)), database_url=sqlite_url(Path(tmp)))
        app = create_app(settings)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Starlette's advice on which HTTP client to use
            from fastapi.testclient import TestClient

        with TestClient(app) as client:
            response = client.get(f"{openapi.VERSION_PREFIX}/openapi.json")
        response.raise_for_status()
        Path(argv[0]).write_text(json.dumps(response.json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
