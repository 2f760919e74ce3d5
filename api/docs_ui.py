"""Swagger UI at `/docs`, served entirely by the service itself (works on a closed network).

FastAPI's own `/docs` page loads Swagger UI from a CDN and starts it with an inline script:
blank inside a municipal network, and impossible under a Content-Security-Policy that allows
scripts from this service only. Here the page, Swagger UI's files and the script that starts it
(`api/static/docs.js`) all come from this service. Swagger UI's files are the ones the Python
package `fastapi-offline` ships (a dependency of this project, so `pip install` brings them;
nothing is fetched at run time). ReDoc is not offered: one documentation page is enough.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from api.problems import ApiProblem

DOCS_PATH = "/docs"
STATIC_PATH = "/docs/static"

_VENDOR = Path(str(importlib.resources.files("fastapi_offline") / "static"))
_OWN = Path(__file__).resolve().parent / "static"
#: Every file the page may load, by the name it has under `/docs/static/`.
ASSETS: dict[str, Path] = {
    "swagger-ui-bundle.js": _VENDOR / "swagger-ui-bundle.js",
    "swagger-ui.css": _VENDOR / "swagger-ui.css",
    "favicon.png": _VENDOR / "favicon.png",
    "docs.js": _OWN / "docs.js",
}

PAGE = f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Reikwijdte API - documentatie</title>
<link rel="stylesheet" href="{STATIC_PATH}/swagger-ui.css">
<link rel="icon" href="{STATIC_PATH}/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{STATIC_PATH}/swagger-ui-bundle.js"></script>
<script src="{STATIC_PATH}/docs.js"></script>
</body>
</html>
"""

router = APIRouter(include_in_schema=False)


@router.get(DOCS_PATH)
async def docs_page() -> HTMLResponse:
    return HTMLResponse(PAGE)


@router.get(STATIC_PATH + "/{name}")
async def docs_asset(name: str) -> FileResponse:
    path = ASSETS.get(name)
    if path is None:
        raise ApiProblem(404, "Dit bestand hoort niet bij de documentatie.")
    return FileResponse(path)
