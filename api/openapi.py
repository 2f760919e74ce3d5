"""The OpenAPI document as the municipalities' integrators read it, conforming to the NL API Design Rules.

FastAPI's schema is reshaped once, at first request:
- the major version is in the server URL (`servers: [{url: /v1}]`, API-20) and the paths are
  relative to it (`/healthz` and `/readyz`, for the platform, are not in the document);
- every success response declares the `API-Version` header (API-57), a 201 its `Location`;
- every error response is `application/problem+json` (RFC 9457, API-46);
- every operation can answer 400 (a request that cannot be read);
- summaries and descriptions are Dutch: the routes state theirs explicitly (FastAPI would show a
  handler's English docstring), and schemas whose model has an English docstring get a Dutch
  description from this module;
- `info.contact` names who runs the service (configurable, see `api.settings`).

`python -m api.write_openapi FILE` writes the document as served (the linter in `.ci/run` reads it).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.middleware import API_VERSION
from api.problems import PROBLEM_JSON, title_for
from api.settings import Settings

VERSION_PREFIX = "/v1"

#: Dutch descriptions for schemas whose Python docstring is written for developers (English).
SCHEMA_BESCHRIJVINGEN = {
    "BeoordelingAanvraag": "Een casus om te beoordelen, met de gemeente en de datum waarvan de regels gelden.",
    "OpgeslagenBeoordeling": "Een beoordeling zoals opgeslagen; elke latere lezing geeft haar ongewijzigd terug.",
    "BesluitAanvraag": "Het besluit van de professional over een beoordeling.",
    "Besluit": "Een vastgelegd besluit; een later besluit verwijst naar het besluit ervoor.",
    "Besluiten": "Alle besluiten over een beoordeling, oudste eerst.",
    "Bronvermelding": "De hoofdpassage van de regel, de verdere passages waarop zij steunt, en alle in één regel: "
    "titel en artikel, nooit een bestandsnaam.",
    "Bronpassage": "Eén geciteerde passage: de titel van het document, het artikel met Juriconnect-verwijzing en link, "
    "en de regelnummers voor wie de tekst heeft.",
    "Wetsartikel": "Een geciteerd wetsartikel met zijn BWB-id, Juriconnect-verwijzing en de tekst op "
    "wetten.overheid.nl zoals die gold op de peildatum.",
    "Casus": "Eén casus zoals een toegangsteam die indient.",
    "Aanname": "Een vermoeden waarop het advies rust: het feit was onbekend en een andere waarde zou een "
    "uitkomst veranderen; met de reden, de bron en de vraag die het bevestigt.",
    "Vervolgvraag": "Een onbekend of vermoed feit om nu naar te vragen, met de uitkomstvelden die het antwoord "
    "kan beslissen; het meest beslissende eerst.",
    "Uitsluitingsgrond": "Een vastgestelde grond waarop de hulp buiten de Jeugdwet valt, met de regel, de basis "
    "(wet, voorstel van de landelijke werkgroep of gemeentelijk beleid), de bron en de uitleg in gewone taal.",
    "Regelset": "Het ontvangstbewijs van de beoordeling: welke regels, parameterwaarden, regelmachine en regeltaal "
    "haar maakten (inhoudshashes, versies, de git-commit van de regels), voor welke gemeente en peildatum.",
    "LandelijkeWaarde": "Een parameter waarvoor de gemeente waarden met een periode geeft, maar geen op de "
    "peildatum: daar gold de landelijke waarde.",
    "Hulpsoort": "Soorten hulp die de bronnen onderscheiden.",
    "Onderwijsvraag": "De grensgevallen met onderwijs.",
    "Hulpvorm": "Soorten hulp die een wet of verordening bij naam kan uitsluiten (004 r. 3167-3169); de "
    "professional kiest de soort, hoe de aanbieder de hulp noemt beslist niets.",
    "OorzaakBijOuders": "Problemen van de ouders in andere domeinen.",
    "Verwijzer": "Wettelijke verwijzers (Jeugdwet art. 2.6 en 2.7).",
    "RedenNietGecontracteerd": "De zeven aanvaarde redenen voor niet-gecontracteerde hulp.",
    "BeoordelingSamenvatting": "Een beoordeling in een lijst: haar kolommen, niet het document (lees dat met het id).",
    "BeoordelingenPagina": "Een pagina beoordelingen, nieuwste eerst, met een link naar de volgende pagina.",
    "BesluitSamenvatting": "Een besluit in een lijst.",
    "BesluitenPagina": "Een pagina besluiten, nieuwste eerst, met een link naar de volgende pagina.",
    "Lezing": "Eén lezing van casusgegevens zoals de leesregistratie die bewaart: wie, welk team, wanneer, wat.",
    "LezingenPagina": "Een pagina van de leesregistratie, nieuwste eerst, met een link naar de volgende pagina.",
    "Links": "Links van een lijstpagina: deze pagina en de volgende.",
    "Link": "Een link.",
    "Probleem": "Foutmelding volgens RFC 9457 (problem details), met `invalidParams` zoals de NL API Design Rules "
    "die gebruiken.",
}

_SUCCESS_DESCRIPTIONS = {"200": "Gelukt", "201": "Aangemaakt"}
_VERSION_HEADER = {
    "description": "De volledige versie van de API (major.minor.patch).",
    "schema": {"type": "string", "example": API_VERSION},
}
_RETRY_AFTER_HEADER = {"description": "Seconden tot een nieuw verzoek kan.", "schema": {"type": "integer"}}
_LOCATION_HEADER = {"description": "Adres van het nieuwe record.", "schema": {"type": "string"}}
_BAD_REQUEST = (
    "Het verzoek kan niet worden gelezen (bijv. een body die geen JSON is, of een queryparameter die "
    "meer dan eens voorkomt)."
)


def build(app: FastAPI, settings: Settings) -> dict[str, Any]:
    """The document served at `/v1/openapi.json` (built once, then cached on the app)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    # Set after FastAPI's own model: that one checks e-mail addresses only with an extra package.
    schema["info"]["contact"] = {
        "name": settings.contact_naam,
        "email": settings.contact_email,
        "url": settings.contact_url,
    }
    problem_ref = {"$ref": "#/components/schemas/Probleem"}
    paths: dict[str, Any] = {}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("400", {"description": title_for(400)})
            if operation.get("security"):
                responses["429"] = {
                    "description": "Te veel verzoeken met dit token; opnieuw na `Retry-After` seconden.",
                    "headers": {"Retry-After": _RETRY_AFTER_HEADER},
                }
            for code, response in responses.items():
                if not code.isdigit():
                    continue
                status = int(code)
                if status >= 400:
                    response["content"] = {PROBLEM_JSON: {"schema": problem_ref}}
                    if code == "422":
                        response["description"] = title_for(422)
                    if code == "400":
                        response["description"] = _BAD_REQUEST
                elif 200 <= status < 400:
                    if response.get("description") == "Successful Response":
                        response["description"] = _SUCCESS_DESCRIPTIONS.get(code, "Gelukt")
                    headers = response.setdefault("headers", {})
                    headers["API-Version"] = _VERSION_HEADER
                    if code == "201":
                        headers["Location"] = _LOCATION_HEADER
            operation["responses"] = dict(sorted(responses.items()))
        if not path.startswith(VERSION_PREFIX + "/"):
            raise ValueError(f"{path}: every operation in the document belongs to {VERSION_PREFIX}")
        paths[path.removeprefix(VERSION_PREFIX)] = operations
    schema["paths"] = paths
    schema["servers"] = [{"url": VERSION_PREFIX, "description": "Deze server, versie 1 van de API."}]
    components = schema.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    for name, description in SCHEMA_BESCHRIJVINGEN.items():
        if name in components:
            components[name]["description"] = description
    app.openapi_schema = schema
    return schema
