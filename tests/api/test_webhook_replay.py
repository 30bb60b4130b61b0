"""One signed webhook event runs once, however its signature header is rewritten or resent.

The replay marker is keyed on what was verified (trigger, timestamp, body digest), so a
reordered, re-spaced, padded or re-cased header, another scheme's entry, a leading zero
or a second signature from a rotating secret can never start a second run or charge.
"""
from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from chalicelib import signing
from chalicelib.ids import catalog_id_for
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT

WAREHOUSE_COST = 3


@pytest.fixture
def hook(client):
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    _, trigger = call(client, "POST", "/api/v2/triggers", org, {"name": "hook", "type": "webhook",
                                                                "model_id": model["id"]})
    return org, trigger


def post(client, trigger_id: str, body: bytes, header: str) -> int:
    response = client.http.post(f"/api/v2/hooks/{trigger_id}", body=body,
                                headers={"Content-Type": "application/json", "X-JAOT-Signature": header})
    assert response.status_code < 500, response.body
    return response.status_code


def rewritings(secret: str, body: bytes, stamp: int) -> list[str]:
    """Headers that carry the same signed event (body, timestamp) in another spelling."""
    good = signing.sign(secret, body, stamp).split(",")[1].removeprefix("v1=")
    old = signing.sign("whsec_previous-secret", body, stamp).split(",")[1].removeprefix("v1=")
    t, v1 = f"t={stamp}", f"v1={good}"
    headers = [
        f"{v1},{t}", f"{t}, {v1}", f" {t},{v1} ", f"{t} ,{v1}", f"{t},\t{v1}", f"{t},  {v1}",
        f"{t},{v1},v1=00", f"{t},v1=00,{v1}", f"{t},{v1},{v1}", f"{t},{v1},v1={good[:-1]}0",
        f"{t},{v1},v0=x", f"{t},v0={good},{v1}", f"{t},{v1},v2=abc", f"{t},{v1},scheme=1",
        f"t=0{stamp},{v1}", f"t=00{stamp},{v1}", f"t=+{stamp},{v1}", f"t= {stamp},{v1}", f"t={stamp} ,{v1}",
        f"t={stamp}.0,{v1}", f"t={stamp}e0,{v1}", f"t=\uff11{str(stamp)[1:]},{v1}",
        f"T={stamp},{v1}", f"{t},V1={good}", f"{t},v1={good.upper()}", f"{t},v1={good} ",
        f"{t},v1=0{good}", f"{t},{v1},", f",{t},{v1}", f"{t};{v1}", f"{t},{v1};", f"{t},,{v1}",
        f"{t},v1={old},{v1}", f"{t},{v1},v1={old}", f"{t},v1={old},v1={old},{v1}",
        f"{t},{v1},t={stamp}", f"{t},{v1},t={stamp + 1}", f"t={stamp - 1},{t},{v1}",
        f"{t},v1=={good}", f"{t},v1={good}=", f"{t}={v1}", f"{t},{v1},{v1},{v1},{v1},{v1},{v1},{v1},{v1},{v1}",
        f"{t},{v1}\x00", f"{t},{v1}\u00a0", f"{t}\u3001{v1}",
        f"{t},{v1}," + ",".join(f"x{i}=1" for i in range(200)),
    ]
    return headers


def runs_and_credits(client, org, trigger_id: str) -> tuple[int, int]:
    _, listing = call(client, "GET", f"/api/v2/executions?trigger_id={trigger_id}", org)
    return len(listing["items"]), call(client, "GET", "/api/v2/organization", org)[1]["credits"]


def test_no_rewriting_of_one_signed_event_runs_twice(client, hook):
    org, trigger = hook
    body, stamp = json.dumps(SPEC_INPUT).encode(), int(time.time())
    assert post(client, trigger["id"], body, signing.sign(trigger["secret"], body, stamp)) == 202

    statuses = {header: post(client, trigger["id"], body, header)
                for header in rewritings(trigger["secret"], body, stamp)}

    accepted = [header for header, status in statuses.items() if status == 202]
    assert accepted == []
    assert set(statuses.values()) <= {400, 401, 409}
    assert runs_and_credits(client, org, trigger["id"]) == (1, 100 - WAREHOUSE_COST)


def test_rewritings_of_a_rotating_senders_event_run_once_whichever_arrives_first(client, hook):
    """Signed with the old and the new secret: the first spelling to arrive runs, no other."""
    org, trigger = hook
    body, stamp = json.dumps(SPEC_INPUT).encode(), int(time.time())
    old = signing.sign("whsec_previous-secret", body, stamp).split(",")[1]
    first = f"t={stamp},{old},{signing.sign(trigger['secret'], body, stamp).split(',')[1]}"
    assert post(client, trigger["id"], body, first) == 202
    assert post(client, trigger["id"], body, signing.sign(trigger["secret"], body, stamp)) == 409
    assert runs_and_credits(client, org, trigger["id"]) == (1, 100 - WAREHOUSE_COST)


def test_twenty_identical_events_sent_at_once_run_once(client, hook, atomic_moto):
    org, trigger = hook
    body, stamp = json.dumps(SPEC_INPUT).encode(), int(time.time())
    header = signing.sign(trigger["secret"], body, stamp)
    environ = os.environ  # chalice's test client swaps os.environ per request, racily across threads
    try:
        with ThreadPoolExecutor(20) as pool:
            statuses = list(pool.map(lambda _: post(client, trigger["id"], body, header), range(20)))
    finally:
        os.environ = environ
    assert sorted(statuses) == [202] + [409] * 19
    assert runs_and_credits(client, org, trigger["id"]) == (1, 100 - WAREHOUSE_COST)


def test_an_event_signed_anew_is_a_new_event(client, hook):
    """Same body, another second: the sender signed it again, so it is another event."""
    org, trigger = hook
    body, stamp = json.dumps(SPEC_INPUT).encode(), int(time.time())
    assert post(client, trigger["id"], body, signing.sign(trigger["secret"], body, stamp)) == 202
    assert post(client, trigger["id"], body, signing.sign(trigger["secret"], body, stamp - 1)) == 202
    assert runs_and_credits(client, org, trigger["id"]) == (2, 100 - 2 * WAREHOUSE_COST)


def test_oversized_signature_headers_and_trigger_ids_are_4xx(client, hook):
    _, trigger = hook
    body, stamp = json.dumps(SPEC_INPUT).encode(), int(time.time())
    header = signing.sign(trigger["secret"], body, stamp)
    assert post(client, trigger["id"], body, header + ",x=" + "a" * 20_000) == 401
    assert post(client, "trg_" + "a" * 10_000, body, header) == 404
