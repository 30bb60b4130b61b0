"""Replayed webhooks: one captured signed event, resent in every spelling of its header.

Each event is sent once as signed, then as rewritings of its X-JAOT-Signature header
(entries reordered, re-spaced, duplicated, other schemes, leading zeros, case changes,
a second signature from a rotating secret...), then 20 identical copies at once. Every
accepted copy beyond the first is a replay that got through; so is any run or charge
beyond one per event.
"""
from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

from chalicelib import signing

CLASS = "webhook replay"
EVENTS = 4
INPUT = {"warehouses": [{"name": "East Hub", "capacity": 500, "cost_per_unit": 2.50},
                        {"name": "West Hub", "capacity": 300, "cost_per_unit": 3.00}],
         "products": [{"name": "Widget A", "demand": 200, "weight": 1.5}]}


def rewritings(secret: str, body: bytes, stamp: int) -> list[str]:
    good = signing.sign(secret, body, stamp).split("v1=")[1]
    old = signing.sign("whsec_rotated-out", body, stamp).split("v1=")[1]
    t, v1 = f"t={stamp}", f"v1={good}"
    return [
        f"{v1},{t}", f"{t}, {v1}", f" {t},{v1} ", f"{t} ,{v1}", f"{t},\t{v1}", f"{t},{v1},v1=00",
        f"{t},v1=00,{v1}", f"{t},{v1},{v1}", f"{t},{v1},v0=x", f"{t},v0={good},{v1}", f"{t},{v1},v2=abc",
        f"t=0{stamp},{v1}", f"t=00{stamp},{v1}", f"t=+{stamp},{v1}", f"t= {stamp},{v1}", f"t={stamp}.0,{v1}",
        f"T={stamp},{v1}", f"{t},V1={good}", f"{t},v1={good.upper()}", f"{t},{v1},", f",{t},{v1}",
        f"{t};{v1}", f"{t},,{v1}", f"{t},v1={old},{v1}", f"{t},{v1},v1={old}", f"{t},{v1},t={stamp}",
        f"{t},{v1}\u00a0", f"{t}\u3001{v1}", f"{t},{v1}," + ",".join(f"x{i}=1" for i in range(100)),
    ]


def run(api) -> tuple[int, int, list[str]]:
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization

    org_id, key = create_organization("replay", 1000)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate",
                           headers)
    _, trigger, _ = api.call("POST", "/api/v2/triggers", headers,
                             {"name": "replayed", "type": "webhook", "model_id": model["id"]})
    path = f"/api/v2/hooks/{trigger['id']}"
    _, before, _ = api.call("GET", "/api/v2/organization", headers)
    tried = got_through = 0
    notes: list[str] = []

    def send(body: bytes, header: str) -> int:
        return api.call("POST", path, {"Content-Type": "application/json", "X-JAOT-Signature": header}, body)[0]

    for event in range(EVENTS):
        body = json.dumps({**INPUT, "products": [{**INPUT["products"][0], "demand": 100 + event}]}).encode()
        stamp = int(time.time()) - event
        if send(body, signing.sign(trigger["secret"], body, stamp)) != 202:
            notes.append(f"event {event}: the genuine event was refused")
        for header in rewritings(trigger["secret"], body, stamp):
            tried += 1
            status = send(body, header)
            if status == 202 or status >= 500:
                got_through += 1
                notes.append(f"rewriting answered {status}: {header[:90]!r}")
    body = json.dumps(INPUT).encode()
    header = signing.sign(trigger["secret"], body, int(time.time()) - EVENTS)
    environ = os.environ  # chalice's test client swaps os.environ per request, racily across threads
    try:
        with ThreadPoolExecutor(20) as pool:
            statuses = list(pool.map(lambda _: send(body, header), range(20)))
    finally:
        os.environ = environ
    tried += 19
    if statuses.count(202) != 1:
        got_through += max(0, statuses.count(202) - 1)
        notes.append(f"20 identical copies at once: {statuses.count(202)} accepted")
    _, runs, _ = api.call("GET", f"/api/v2/executions?trigger_id={trigger['id']}&limit=100", headers)
    _, after, _ = api.call("GET", "/api/v2/organization", headers)
    charged, expected = before["credits"] - after["credits"], (EVENTS + 1) * 3
    if len(runs["items"]) != EVENTS + 1 or charged != expected:
        got_through += 1
        notes.append(f"{len(runs['items'])} runs and {charged} credits for {EVENTS + 1} events "
                     f"(expected {expected})")
    notes.append(f"{EVENTS + 1} events, {tried} replays: {len(runs['items'])} runs, {charged} credits charged")
    return tried, got_through, notes
