"""The web application for access-team staff: server-rendered pages on the API's services.

Served by the same app as the API (`reikwijdte serve`), at `/`; the API stays under `/v1`. The
pages use the API's use cases (`api.usecases`) and its roles unchanged, NL Design System CSS
installed by `npm ci`, and htmx for progressive enhancement: every page works without it.
"""
