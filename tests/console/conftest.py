"""Browser tests of the console (docs/console.md): Debian's /usr/bin/chromium driven by
Playwright against `make run` in a subprocess (tests/live_server.py).

Under pytest-xdist each worker has its own server (free ports, its own temporary data
folder) and its own browser; each test gets a new browser context, so nothing (session
storage included) leaks from one test to the next. The console must be built first:
`make test` runs `make console`.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.live_server import ROOT, LocalServer

CHROMIUM = os.environ.get("JAOT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CONSOLE_INDEX = ROOT / "chalicelib" / "console_assets" / "index.html"
# `make screenshots` refreshes the pictures in docs/console/; a plain `make test` writes them to
# build/ so that it leaves the work tree clean.
SCREENSHOTS = ROOT / ("docs/console" if os.environ.get("JAOT_SCREENSHOTS") == "docs" else "build/screenshots")
VIEWPORT = {"width": 1280, "height": 800}
NARROW_VIEWPORT = {"width": 420, "height": 800}
# Waits for what a page shows (not timing assertions): generous, the machine may be loaded.
EXPECT_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def console_server():
    """One live API (with the console) per worker; the demo key is `console_server.api_key`."""
    if not CONSOLE_INDEX.exists():
        pytest.fail("the console is not built: run `make console` (`make test` does)")
    with LocalServer(JAOT_DEMO_CREDITS="100000", JAOT_MAX_TIME_LIMIT_S="30") as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile for one test: empty session storage, 1280×800, downloads on."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context, console_server):
    """A tab on the console's sign-in screen. The test fails if the page broke its own
    Content-Security-Policy or threw an uncaught error."""
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: problems.append(message.text)
           if message.type == "error" and "Content Security Policy" in message.text else None)
    tab.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    tab.goto(f"{console_server.base_url}/console")
    yield tab
    assert problems == [], problems


def sign_in(page, key: str) -> None:
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def signed_in_page(page, console_server):
    """A tab signed in with the server's demo key, on the catalog."""
    from playwright.sync_api import expect

    sign_in(page, console_server.api_key)
    expect(page.get_by_test_id("signed-in-as")).to_contain_text("Signed in as org")
    return page


def screenshot(page, name: str) -> Path:
    """<name>.png in SCREENSHOTS: the page as the test left it, at its viewport."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
