"""Helpers for the web application's tests (imported as `web_support`; fixtures in conftest.py).

`Site` runs the whole app (API and pages) on a real port in a thread, as `reikwijdte serve`
does, so Chromium can load it. The browser is Debian's Chromium (`apt-get install chromium`);
Playwright never downloads one. `axe` runs axe-core (from `npm ci`, node_modules/axe-core) in
the page and returns its violations.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from api import teams, tokens
from api.settings import Settings, sqlite_url
from engine.evaluator import Engine
from web.app import create_site

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Where the browser tests leave their screenshots (an artefact, not committed: reports/ is ignored).
SCREENSHOTS = ROOT / "reports" / "screenshots"
GEMEENTE = "voorbeeldstad"
#: The two widths every main page is checked and photographed at.
WIDTHS = (1366, 390)
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def browser_problem() -> str | None:
    """None when the browser tests can run here, else why not (the skip reason)."""
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` (Playwright downloads none)"
    if shutil.which("node") is None and not AXE.is_file():
        return "axe-core missing: run `npm ci` in the checkout (needs Node.js)"
    if not AXE.is_file():
        return f"axe-core missing at {AXE}: run `npm ci` in the checkout"
    return None


@dataclass
class Site:
    """The app, its settings, and one token per kind of user."""

    app: Any
    settings: Settings
    tokens: dict[str, str]
    url: str = ""

    @property
    def db(self) -> Any:
        return self.app.state.services.db


def build_site(data_dir: Path, engine: Engine, **overrides: Any) -> Site:
    """A fresh app on SQLite in `data_dir`, sharing `engine` (the shipped rules, loaded once per run)."""
    settings = Settings(
        data_dir=data_dir,
        rules_dir=RULES,
        database_url=sqlite_url(data_dir),
        token_cache_seconds=0,
        **overrides,
    )
    app = create_site(settings, engine=engine)
    db = app.state.services.db
    teams.create(db, "wijkteam-noord", GEMEENTE)
    teams.create(db, "wijkteam-zuid", GEMEENTE)
    made = {
        "toegang": tokens.create(db, "noord-medewerker", ["toegang"], "wijkteam-noord")[0],
        "collega": tokens.create(db, "noord-collega", ["toegang"], "wijkteam-noord")[0],
        "ander-team": tokens.create(db, "zuid-medewerker", ["toegang"], "wijkteam-zuid")[0],
        "audit": tokens.create(db, "noord-audit", ["audit"], "wijkteam-noord")[0],
        "beleid": tokens.create(db, "noord-beleid", ["beleid"], "wijkteam-noord")[0],
    }
    return Site(app, settings, made)


def serve(site: Site) -> Iterator[Site]:
    """Run the site on a free port of 127.0.0.1 until the caller is done."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(site.app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    site.url = f"http://127.0.0.1:{port}"
    try:
        yield site
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.0/2.1 A and AA on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a script tag: the page's CSP (rightly)
        # refuses inline scripts, and the test must not loosen it.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]


def sign_in_with_browser(page: Any, site: Site, token: str) -> None:
    page.goto(site.url + "/inloggen")
    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(site.url + "/")


def check_page(page: Any, name: str) -> None:
    """axe-core finds nothing, and at 1366 and 390 px wide nothing scrolls sideways; a screenshot of each."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            assert axe_violations(page) == [], f"{name} at {width} px"
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} scrolls {overflow} px sideways at {width} px"
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    finally:
        page.set_viewport_size(original)
