"""Tests of `make run` itself, over real HTTP against the running local service."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
BERLIN52 = json.loads((ROOT / "tests" / "data" / "berlin52.json").read_text())


class Api:
    """httpx against a LocalServer with its demo key."""

    def __init__(self, server: Any):
        self.server = server
        self.http = httpx.Client(base_url=server.api_url, timeout=180,
                                 headers={"Authorization": f"Bearer {server.api_key}"},
                                 limits=httpx.Limits(max_connections=64))

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        response = self.http.request(method, path, json=body, **kwargs)
        return response.status_code, response.json() if response.content else None


def checkpoint_canvas(value: float) -> dict[str, Any]:
    """A small canvas whose one parameter makes it distinct (identical canvases dedupe)."""
    return {"nodes": [{"id": "v1", "type": "variable", "data": {"name": "x", "type": "integer", "upper": 100}},
                      {"id": "p1", "type": "parameter", "data": {"name": "cap", "value": value}},
                      {"id": "c1", "type": "constraint", "data": {"name": "cap", "expression": "x <= cap"}},
                      {"id": "o1", "type": "objective", "data": {"sense": "maximize", "expression": "x"}}],
            "edges": [], "viewport": {"x": 0, "y": 0, "zoom": 1}}


def tsp_input(cities: int = 52) -> dict[str, Any]:
    """berlin52 (TSPLIB): a search that runs to its time limit (no no-improvement stop), to be caught running."""
    return {"cities": [{"name": f"c{i}", "x": x, "y": y}
                       for i, (x, y) in enumerate(BERLIN52["coordinates"][:cities])],
            "no_improvement_restarts": 0}


def wait_for(predicate, timeout_s: float = 120, every_s: float = 0.2):
    """Bounded polling for something that happens (not a measure of how fast): its value."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every_s)
    raise AssertionError(f"timed out waiting; last seen: {value!r}")
