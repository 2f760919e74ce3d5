"""Fixtures for the web application's tests: the site on a real port, and Chromium.

The browser tests need Debian's Chromium (`/usr/bin/chromium`) and axe-core from `npm ci`;
where either is missing they are skipped with the reason, so the suite passes on a bare machine.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import CHROMIUM, Site, browser_problem, build_site, serve

from engine.evaluator import Engine

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def site(tmp_path: Path, shipped_engine: Engine) -> Site:
    """A fresh app (own database) for tests that use the TestClient."""
    return build_site(tmp_path / "data", shipped_engine)


@pytest.fixture
def client(site: Site) -> Iterator[TestClient]:
    with TestClient(site.app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory, shipped_engine: Engine) -> Iterator[Site]:
    """The app on a free port for the browser (one per test module)."""
    if browser_problem():
        pytest.skip(browser_problem() or "")
    yield from serve(build_site(tmp_path_factory.mktemp("site") / "data", shipped_engine))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (skipped with the reason where it cannot run)."""
    reason = browser_problem()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # As root (CI, containers) Chromium needs --no-sandbox.
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, served_site: Site) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    try:
        yield context.new_page()
    finally:
        context.close()
