"""Seeding the console's server through the API (what a script would do) and reading pages."""
from __future__ import annotations

import random

from playwright.sync_api import Page


def activate(server, name: str) -> str:
    """The organization model id (exe_…) of catalog model `name`, activated."""
    status, catalog = server.request("GET", "/models/catalog?page_size=100")
    assert status == 200
    entry = next(item for item in catalog["items"] if item["name"] == name)
    status, model = server.request("POST", f"/models/catalog/{entry['id']}/activate")
    assert status == 200, model
    return model["id"]


def big_cvrp(customers: int = 80, seed: int = 7) -> dict:
    """A plan the routing search works on until its time limit (not proven optimal early)."""
    rng = random.Random(seed)
    return {"depot": {"name": "Depot", "x": 500, "y": 500},
            "customers": [{"name": f"C{i}", "x": round(rng.uniform(0, 1000), 1), "y": round(rng.uniform(0, 1000), 1),
                           "demand": rng.randint(1, 9)} for i in range(customers)],
            "vehicles": [{"name": f"Van {i}", "capacity": 60} for i in range(10)]}


def open_run_page(page: Page, server, model_id: str) -> None:
    page.goto(f"{server.base_url}/console#/models/{model_id}/run")
    page.get_by_role("button", name="Run model").wait_for()


def execution_id_of(page: Page) -> str:
    return page.url.rsplit("/runs/", 1)[1].split("?")[0]
