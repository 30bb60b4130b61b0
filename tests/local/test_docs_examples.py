"""Every example in README.md and docs/*.md runs, against a live `make run` (issue 13).

Each ```python block runs in order in one namespace per file (a reader's session: a page's
blocks build on each other, pages do not), each ```sh block in bash with `set -euo
pipefail` from the checkout. Before running, the examples' placeholders become the live
server's: `http://127.0.0.1:8000` (the default `make run` address) its address and
`ok_live_...` its demo key, which is also in the environment as JAOT_API_KEY. Examples
assert what they show where it is cheap, so a page that lies fails here.

A block preceded by the line `<!-- example: no-run -->` is not run (`make run` itself,
what needs AWS or a long time); those are listed in NO_RUN, so that one more is a
decision, not a drift. Relative links between the pages must lead to a file and, with
`#anchor`, to a heading of it.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clients.sdk_install import sdk_environment
from tests.live_server import ROOT, LocalServer

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NO_RUN_MARK = "<!-- example: no-run -->"
RUN_LANGUAGES = {"python", "sh"}
DEFAULT_ORIGIN = "http://127.0.0.1:8000"
KEY_PLACEHOLDER = "ok_live_..."
BLOCK_TIMEOUT_S = 120

# (page, first line) of every block not run, and why.
NO_RUN = {
    ("README.md", "make run     # creates .venv and builds the console if needed, then serves the API on"):
        "set-up commands: starting the service, the whole suite, wiping the data folder",
    ("docs/tutorial.md", "make run"): "starts the service the test already runs",
    ("docs/local-service.md", "make run                               # serves until Ctrl-C"):
        "starts, moves and resets the service",
    ("docs/deployment.md", "make layer                 # build/layer/solver-layer.zip: OR-Tools for the Lambda runtime"):
        "builds wheels from PyPI for minutes and needs an AWS account to deploy",
    ("docs/operations-and-benchmarks.md",
     "make bench          # the tables below, and the templates' (in the marketplace page)"):
        "minutes of benchmarks and hostile runs",
    ("docs/sdk.md", "pip install ./clients/python     # from a checkout; `make test` installs it (editable) into .venv"):
        "installs the SDK, which the test runs from its own installed copy",
}


@dataclass
class Block:
    page: str
    line: int
    language: str
    code: str
    run: bool

    @property
    def first_line(self) -> str:
        return self.code.splitlines()[0] if self.code else ""


FENCE = re.compile(r"^(\s*)```(\S*)\s*$")


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, with whether each is marked not to run."""
    found, lines = [], path.read_text(encoding="utf-8").splitlines()
    page = path.relative_to(ROOT).as_posix()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, language = opening.groups()
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        code = "\n".join(line[len(indent):] for line in lines[i + 1:end]) + "\n"
        before = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        found.append(Block(page, i + 1, language, code, before != NO_RUN_MARK))
        i = end + 1
    return found


def localise(code: str, server: LocalServer) -> str:
    return code.replace(DEFAULT_ORIGIN, server.base_url).replace(KEY_PLACEHOLDER, server.api_key)


@pytest.fixture(scope="module")
def server():
    # Like a fresh `make run`: a new demo organization with the default credits.
    with LocalServer(JAOT_DEMO_CREDITS="1000") as live:
        yield live


class _Timeout(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Timeout(f"an example ran longer than {BLOCK_TIMEOUT_S} s")


def run_python(block: Block, namespace: dict, server: LocalServer) -> None:
    code = compile(localise(block.code, server), f"{block.page}:{block.line}", "exec")
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(BLOCK_TIMEOUT_S)
    try:
        exec(code, namespace)
    except BaseException as error:  # noqa: BLE001 - reported with the page and line
        if isinstance(error, KeyboardInterrupt):
            raise
        pytest.fail(f"{block.page}, the ```python block at line {block.line} raised:\n"
                    f"{traceback.format_exc()}\nserver log:\n{server.log_tail(20)}", pytrace=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_shell(block: Block, server: LocalServer) -> None:
    # `jaot` (the SDK's console script) on PATH, as `pip install ./clients/python` puts it
    env = sdk_environment({**os.environ, "JAOT_API_KEY": server.api_key, "NO_PROXY": "127.0.0.1,localhost"})
    done = subprocess.run(["bash", "-c", "set -euo pipefail\n" + localise(block.code, server)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=BLOCK_TIMEOUT_S)
    assert done.returncode == 0, (f"{block.page}, the ```sh block at line {block.line} exited with "
                                  f"{done.returncode}:\n{done.stdout}\n{done.stderr}")


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_example_of_the_page_runs(page, server, monkeypatch):
    monkeypatch.setenv("JAOT_API_KEY", server.api_key)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    namespace: dict = {"__name__": "__docs__"}
    ran = 0
    for block in blocks(page):
        if not block.run or block.language not in RUN_LANGUAGES:
            continue
        if block.language == "python":
            run_python(block, namespace, server)
        else:
            run_shell(block, server)
        ran += 1
    assert server.alive(), server.log_tail()
    if page.name == "tutorial.md" or page == ROOT / "README.md":
        assert ran >= 1, f"{page.name}: no example ran"


def test_the_examples_not_run_are_few_and_listed():
    skipped = {(block.page, block.first_line) for page in PAGES for block in blocks(page) if not block.run}
    assert skipped == set(NO_RUN), ("marked <!-- example: no-run --> but not listed in NO_RUN: "
                                    f"{sorted(skipped - set(NO_RUN))}; listed but not found: "
                                    f"{sorted(set(NO_RUN) - skipped)}")
    assert len(skipped) <= 6
    for page in PAGES:
        for block in blocks(page):
            assert block.run or block.language == "sh", f"{block.page}:{block.line}: only set-up shell is skipped"


def test_every_page_of_docs_is_linked_from_the_front_page_and_the_index():
    front = (ROOT / "README.md").read_text(encoding="utf-8")
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    for page in PAGES:
        if page.parent.name == "docs" and page.name != "README.md":
            assert f"](docs/{page.name}" in front, f"README.md does not link docs/{page.name}"
            assert f"]({page.name}" in index, f"docs/README.md does not link {page.name}"


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    slugs = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", text, flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower()).replace(" ", "-")
        slugs.add(slug)
    return slugs


def test_relative_links_lead_somewhere():
    broken = []
    for page in PAGES:
        text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)
        for target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):
                continue  # http(s), mailto: not checked here
            file_part, _, anchor = target.partition("#")
            destination = (page.parent / file_part).resolve() if file_part else page
            if not destination.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "\n".join(broken)
