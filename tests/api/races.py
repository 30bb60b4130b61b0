"""Parallel requests through chalice.test.Client, each thread standing in for one Lambda."""
from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.api.helpers import Org, call


@pytest.fixture
def lambda_per_thread(monkeypatch):
    """A Lambda serves one request at a time; chalice.test.Client does not expect threads:
    it keeps the current request in one attribute of the app, and swaps the stage's
    environment into os.environ around each call (two threads restore each other's copy).
    Give each thread its own current request and leave os.environ as the test set it."""
    from chalice.app import Chalice
    from chalice.test import BaseClient

    local = threading.local()
    monkeypatch.setattr(Chalice, "current_request", property(
        lambda self: getattr(local, "request", None), lambda self, request: setattr(local, "request", request)),
        raising=False)

    @contextlib.contextmanager
    def keep_environment(self, environment_variables):
        yield

    monkeypatch.setattr(BaseClient, "_patched_env_vars", keep_environment)


def race(client, org: Org, requests: list[tuple[str, str, Any]]) -> list[tuple[int, Any]]:
    """Send every (method, path, body) at once, each from its own thread."""
    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(lambda request: call(client, request[0], request[1], org, request[2]), requests))
