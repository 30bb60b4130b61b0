"""One local server (`make run`, tests/live_server.py) per test session, shared by the fuzz tests.

Fixtures are created lazily: under `pytest -n auto` only the worker that runs a
fuzz test starts a server, on ports of its own.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.live_server import LocalServer


@pytest.fixture(scope="session")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the server log, the generated schemathesis config and the reports go:
    $FUZZ_REPORT_DIR when set (kept after the run), else a temporary directory."""
    wanted = os.environ.get("FUZZ_REPORT_DIR")
    if wanted:
        path = Path(wanted).resolve()
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="session")
def local_server(fuzz_dir: Path):
    with LocalServer(log_dir=fuzz_dir) as server:
        yield server
