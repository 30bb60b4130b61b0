"""First load of the console (issue 17): from navigation start to the catalog on screen.

Starts `make run` in a subprocess (tests/live_server.py; or give BENCH_BASE_URL and
BENCH_API_KEY of a running one), signs a Chromium tab in through session storage (as the
sign-in screen would) and opens /console BENCH_RUNS (10) times:
- cold: a new browser profile each time (nothing cached);
- warm: a reload in the same profile (the hashed assets are cached as immutable; the page,
  no-cache, is revalidated).
Each run is timed from navigation start to the moment the catalog's model count is shown
(the page, its script and stylesheet, then GET /models/catalog and GET /models). Prints the median, min and max in ms, the bytes the page transferred,
and the gzipped size of the first-load JS. Numbers only: no assertion (speed depends on the
machine). Needs the build (`make console`) and /usr/bin/chromium (`make browser`).
"""
from __future__ import annotations

import json
import os
import statistics
import sys
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.console.conftest import CHROMIUM, CHROMIUM_FLAGS, CONSOLE_INDEX, VIEWPORT  # noqa: E402
from tests.live_server import LocalServer  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "10"))
CATALOG_SHOWN = '[data-testid="catalog-count"]'


def signed_in_script(api_key: str, organization: dict) -> str:
    """Runs before the page's own scripts: the key where the sign-in screen keeps it."""
    return (f"sessionStorage.setItem('jaot.api_key', {json.dumps(api_key)});"
            f"sessionStorage.setItem('jaot.organization', {json.dumps(json.dumps(organization))});")


def time_to_catalog(page, url: str, reload: bool = False) -> tuple[float, int]:
    if reload:
        page.reload()
    else:
        page.goto(url)
    page.wait_for_selector(CATALOG_SHOWN, timeout=60_000)
    shown_ms = page.evaluate("performance.now()")  # ms since this navigation started
    transferred = page.evaluate("""performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
        .reduce((sum, entry) => sum + (entry.transferSize || 0), 0)""")
    return shown_ms, transferred


def summary(name: str, samples: list[tuple[float, int]]) -> None:
    times = [ms for ms, _ in samples]
    print(f"{name:5s} median {statistics.median(times):7.1f} ms  min {min(times):7.1f}  max {max(times):7.1f}  "
          f"transferred {statistics.median([size for _, size in samples]) / 1024:7.1f} KB  ({len(times)} runs)")


def main() -> None:
    if not CONSOLE_INDEX.exists():
        sys.exit("the console is not built: run `make console`")
    from playwright.sync_api import sync_playwright

    with ExitStack() as stack:
        base_url, api_key = os.environ.get("BENCH_BASE_URL"), os.environ.get("BENCH_API_KEY")
        if base_url and api_key:
            import httpx

            organization = httpx.get(f"{base_url}/api/v2/organization", headers={"Authorization": f"Bearer {api_key}"}).json()
        else:
            server = stack.enter_context(LocalServer())
            base_url, api_key = server.base_url, server.api_key
            organization = server.request("GET", "/organization")[1]
        url = f"{base_url}/console#/catalog"
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        stack.callback(browser.close)
        init = signed_in_script(api_key, organization)

        # One throwaway load: the API's first requests import its modules.
        context = browser.new_context(viewport=VIEWPORT)
        context.add_init_script(init)
        time_to_catalog(context.new_page(), url)
        context.close()

        cold = []
        for _ in range(RUNS):
            context = browser.new_context(viewport=VIEWPORT)
            context.add_init_script(init)
            cold.append(time_to_catalog(context.new_page(), url))
            context.close()
        context = browser.new_context(viewport=VIEWPORT)
        context.add_init_script(init)
        page = context.new_page()
        time_to_catalog(page, url)
        warm = [time_to_catalog(page, url, reload=True) for _ in range(RUNS)]
        context.close()

    print(f"console first load, navigation start -> catalog shown, {base_url}/console")
    summary("cold", cold)
    summary("warm", warm)
    html = CONSOLE_INDEX.read_text()
    import gzip
    import re

    first_load = re.findall(r'(?:src|href)="\./assets/([^"]+\.js)"', html)
    sizes = [len(gzip.compress((CONSOLE_INDEX.parent / "assets" / name).read_bytes(), 9)) for name in first_load]
    print(f"first-load JS: {sum(sizes) / 1024:.1f} KB gzipped ({', '.join(first_load)}); the API sends it uncompressed")


if __name__ == "__main__":
    main()
