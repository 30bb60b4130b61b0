"""Callback URLs through HTTP, configured as deployed (JAOT_CALLBACK_HTTP_HOSTS=none):
hostile URLs are refused at creation and update, no run option takes one, and a name
that resolves to a private address at delivery is never connected, with every refused
attempt recorded on the run in the fixed vocabulary."""
from __future__ import annotations

import json
import time

import pytest

from chalicelib import events, signing
from chalicelib.ids import catalog_id_for
from chalicelib.services import callbacks
from chalicelib.settings import get_settings
from chalicelib.store import triggers as trigger_store
from chalicelib.store.items import TriggerItem
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT
from tests.unit.test_callback_addresses import HOSTILE_URLS

PUBLIC = "https://hooks.jaot-callbacks.com/run-finished"


@pytest.fixture(autouse=True)
def deployed(monkeypatch):
    monkeypatch.setenv("JAOT_CALLBACK_HTTP_HOSTS", "none")
    monkeypatch.setenv("JAOT_CALLBACK_BASE_DELAY_S", "0.01")
    get_settings.cache_clear()


@pytest.fixture
def org():
    return new_org(credits=50)


@pytest.fixture
def model_id(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    return model["id"]


def test_hostile_callback_urls_are_400_at_creation_and_update(client, org, model_id):
    _, trigger = call(client, "POST", "/api/v2/triggers", org,
                      {"name": "t", "type": "webhook", "model_id": model_id, "callback_url": PUBLIC})
    accepted = []
    for url in HOSTILE_URLS:
        status, error = call(client, "POST", "/api/v2/triggers", org,
                             {"name": "t", "type": "webhook", "model_id": model_id, "callback_url": url})
        if status != 400 or "callback_url" not in json.dumps(error["details"]):
            accepted.append(("create", url, status))
        status, error = call(client, "PATCH", f"/api/v2/triggers/{trigger['id']}", org, {"callback_url": url})
        if status != 400 or "callback_url" not in json.dumps(error["details"]):
            accepted.append(("update", url, status))
    assert accepted == []
    _, listing = call(client, "GET", "/api/v2/triggers", org)
    assert [item["callback_url"] for item in listing["items"]] == [PUBLIC]


def test_the_stored_url_is_the_normalised_one(client, org, model_id):
    status, trigger = call(client, "POST", "/api/v2/triggers", org, {
        "name": "t", "type": "webhook", "model_id": model_id,
        "callback_url": "https://Hooks\u3002JAOT-callbacks\uff0ecom/run-finished"})
    assert status == 201 and trigger["callback_url"] == PUBLIC


@pytest.mark.parametrize("body", [
    {"input_data": SPEC_INPUT, "callback_url": "https://localhost/"},
    {"input_data": SPEC_INPUT, "options": {"callback_url": "https://localhost/"}},
    {"input_data": SPEC_INPUT, "async": True, "callback_url": "https://127\u30020\u30020\u30021/"},
])
def test_no_run_option_takes_a_callback_url(client, org, model_id, body):
    status, _ = call(client, "POST", f"/api/v2/models/{model_id}/execute", org, body)
    assert status == 400
    assert call(client, "GET", "/api/v2/executions", org)[1]["items"] == []


def _run_with_callback(client, org, trigger) -> dict:
    body = json.dumps(SPEC_INPUT).encode()
    response = client.http.post(f"/api/v2/hooks/{trigger['id']}", body=body, headers={
        "Content-Type": "application/json",
        "X-JAOT-Signature": signing.sign(trigger["secret"], body, int(time.time()))})
    assert response.status_code == 202
    assert events.drain(get_settings().runs_queue) == ["solved"]
    execution_id = json.loads(response.body)["execution_id"]
    return call(client, "GET", f"/api/v2/executions/{execution_id}", org)[1]


def test_a_name_rebound_to_loopback_is_never_connected_and_every_attempt_is_recorded(
        client, org, model_id, monkeypatch):
    _, trigger = call(client, "POST", "/api/v2/triggers", org,
                      {"name": "t", "type": "webhook", "model_id": model_id, "callback_url": PUBLIC})
    lookups, connections = [], []
    monkeypatch.setattr(callbacks, "resolve", lambda host, port: lookups.append(host) or ["127.0.0.1"])
    monkeypatch.setattr(callbacks, "open_socket", lambda *args: connections.append(args))

    record = _run_with_callback(client, org, trigger)

    assert record["status"] == "succeeded"
    assert [(d["attempt"], d["status_code"], d["error"], d["delivered"]) for d in record["deliveries"]] == [
        (n, None, "address not allowed", False) for n in (1, 2, 3, 4)]
    assert lookups == ["hooks.jaot-callbacks.com"] * 4 and connections == []


def test_a_hostile_url_stored_before_the_rules_is_refused_and_recorded(client, org, model_id, monkeypatch):
    """A trigger saved before these rules (or by hand) with the full-width loopback URL:
    the delivery is refused, recorded, and nothing crashes."""
    _, trigger = call(client, "POST", "/api/v2/triggers", org,
                      {"name": "t", "type": "webhook", "model_id": model_id, "callback_url": PUBLIC})
    item = trigger_store.get_trigger(org.id, trigger["id"])
    item.update(actions=[TriggerItem.callback_url.set("https://127\u30020\u30020\u30021/")])
    monkeypatch.setattr(callbacks, "open_socket", lambda *args: pytest.fail("connected"))
    record = _run_with_callback(client, org, trigger)
    assert [(d["error"], d["delivered"]) for d in record["deliveries"]] == [("address not allowed", False)]
