"""The console's bundle-size budget (console/bundle-budget.json), on the build `make test` made."""
from __future__ import annotations

import gzip
import json
import re

from tests.console.conftest import CONSOLE_INDEX
from tests.live_server import ROOT

BUDGET = json.loads((ROOT / "console" / "bundle-budget.json").read_text())


def gzipped_kb(path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1024


def test_first_load_and_all_javascript_stay_within_the_budget():
    assets = CONSOLE_INDEX.parent / "assets"
    first_load = set(re.findall(r'(?:src|href)="\./assets/([^"]+\.js)"', CONSOLE_INDEX.read_text()))
    sizes = {path.name: gzipped_kb(path) for path in sorted(assets.glob("*.js"))}
    assert first_load and first_load <= set(sizes)
    first, total = sum(sizes[name] for name in first_load), sum(sizes.values())
    for name, size in sizes.items():
        print(f"{'first load' if name in first_load else 'on demand '} {size:7.1f} KB gz  {name}")
    print(f"first-load JS {first:.1f} KB gz (budget {BUDGET['first_load_js_gzip_kb']}); "
          f"all JS {total:.1f} KB gz (budget {BUDGET['all_js_gzip_kb']})")
    assert first <= BUDGET["first_load_js_gzip_kb"]
    assert total <= BUDGET["all_js_gzip_kb"]
    # The run form's code (form generator, validator) is not part of the first load.
    assert any(name.startswith("run-") for name in sizes) and not any(name.startswith("run-") for name in first_load)


def test_no_script_needs_eval():
    """The page's CSP has no 'unsafe-eval': a library that compiles code at run time would break."""
    for path in (CONSOLE_INDEX.parent / "assets").glob("*.js"):
        text = path.read_text()
        assert "new Function(" not in text, path.name
