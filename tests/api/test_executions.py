"""Executions: the record of every run, async runs through the queue, cancel, redelivery."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from chalicelib import events
from chalicelib.ids import catalog_id_for
from chalicelib.settings import get_settings
from chalicelib.store import executions as execution_store
from chalicelib.store import queues
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT, brute_force_two_warehouses

DATA = Path(__file__).resolve().parents[1] / "data"
COST = 3  # warehouse_allocation's credits_per_execution


@pytest.fixture
def org():
    return new_org(credits=30)


@pytest.fixture
def model_id(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    assert call(client, "GET", f"/api/v2/models/{model['id']}", org)[1]["credits_per_execution"] == COST
    return model["id"]


def post(client, org, path, body, headers=None):
    """POST returning status, JSON body and headers."""
    response = client.http.post(path, headers={**org.headers, **(headers or {})}, body=json.dumps(body))
    return response.status_code, json.loads(response.body), response.headers


def balance(client, org):
    return call(client, "GET", "/api/v2/organization", org)[1]["credits"]


def drain_runs():
    return events.drain(get_settings().runs_queue)


def ft10_input():
    instance = json.loads((DATA / "ft10.json").read_text())
    return {"machines": [f"M{m}" for m in range(instance["num_machines"])],
            "jobs": [{"name": f"J{j}", "operations": [{"machine": m, "duration": d} for m, d in job]}
                     for j, job in enumerate(instance["jobs"])]}


def test_a_sync_run_is_recorded_with_input_result_history_and_who_started_it(client, org, model_id):
    status, result = call(client, "POST", f"/api/v2/models/{model_id}/execute", org, {"input_data": SPEC_INPUT})
    assert status == 200
    status, record = call(client, "GET", f"/api/v2/executions/{result['execution_id']}", org)
    assert status == 200
    assert record["status"] == "succeeded" and record["solve_status"] == "optimal"
    assert [change["status"] for change in record["status_history"]] == ["running", "succeeded"]
    assert record["input"] == SPEC_INPUT and record["input_location"] is None
    assert record["result"]["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT))
    assert record["model_id"] == model_id and record["template"] == "warehouse_allocation"
    assert record["started_by"].startswith("key_") and record["is_async"] is False
    assert record["credits_used"] == COST


def test_async_execute_is_queued_then_solved_by_the_worker(client, org, model_id):
    status, queued, headers = post(client, org, f"/api/v2/models/{model_id}/execute",
                                   {"input_data": SPEC_INPUT, "async": True})
    assert status == 202 and queued["status"] == "queued"
    assert headers["Location"] == f"/api/v2/executions/{queued['execution_id']}"
    assert balance(client, org) == 30 - COST  # charged when queued
    _, record = call(client, "GET", headers["Location"], org)
    assert record["status"] == "queued" and record["result"] is None

    assert drain_runs() == ["solved"]
    _, record = call(client, "GET", headers["Location"], org)
    assert record["status"] == "succeeded" and record["attempts"] == 1
    assert [change["status"] for change in record["status_history"]] == ["queued", "running", "succeeded"]
    assert record["result"]["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT))
    assert record["result"]["execution_id"] == queued["execution_id"]
    assert balance(client, org) == 30 - COST


def test_prefer_respond_async_queues_a_solve(client, org):
    model = {"variables": [{"name": "x", "upper": 4}, {"name": "y", "upper": 3}],
             "objective": {"sense": "maximize", "expression": "3*x + 2*y"}}
    status, queued, _ = post(client, org, "/api/v2/solve", {"model": model}, {"Prefer": "respond-async"})
    assert status == 202
    assert drain_runs() == ["solved"]
    _, record = call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org)
    assert record["kind"] == "solve" and record["result"]["objective_value"] == pytest.approx(18.0)
    assert record["input"] == {"model": model}


def test_canceling_a_queued_run_refunds_it_and_the_worker_skips_it(client, org, model_id):
    _, queued, _ = post(client, org, f"/api/v2/models/{model_id}/execute", {"input_data": SPEC_INPUT, "async": True})
    status, record = call(client, "POST", f"/api/v2/executions/{queued['execution_id']}/cancel", org)
    assert status == 200 and record["status"] == "canceled" and record["credits_used"] == 0
    assert balance(client, org) == 30
    assert drain_runs() == ["done already"]
    status, error = call(client, "POST", f"/api/v2/executions/{queued['execution_id']}/cancel", org)
    assert status == 409 and error["error"] == "conflict"


def test_canceling_a_running_run_stops_the_solver(client, org, monkeypatch):
    monkeypatch.setenv("JAOT_CANCEL_POLL_S", "0.2")
    get_settings.cache_clear()
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('job_shop')}/activate", org)
    _, queued, _ = post(client, org, f"/api/v2/models/{model['id']}/execute",
                        {"input_data": ft10_input(), "options": {"time_limit_s": 30}, "async": True})
    outcomes = []
    worker = threading.Thread(target=lambda: outcomes.extend(drain_runs()))
    started = time.perf_counter()
    worker.start()
    path = f"/api/v2/executions/{queued['execution_id']}"
    while call(client, "GET", path, org)[1]["status"] != "running":
        time.sleep(0.05)
    status, record = call(client, "POST", f"{path}/cancel", org)
    assert status == 200 and record["cancel_requested"] is True
    worker.join(timeout=25)
    assert outcomes == ["canceled"] and time.perf_counter() - started < 15
    _, record = call(client, "GET", path, org)
    assert record["status"] == "canceled" and record["credits_used"] == 0
    result = record["result"]  # the best schedule found before the stop, if one was
    assert result["status"] in ("feasible", "optimal", "time_limit")
    assert result["objective_value"] is None or result["objective_value"] >= 930
    assert balance(client, org) == 30


def test_a_crashed_worker_is_replaced_and_the_run_is_charged_once(client, org, model_id):
    _, queued, _ = post(client, org, f"/api/v2/models/{model_id}/execute", {"input_data": SPEC_INPUT, "async": True})
    item = execution_store.get_execution(org.id, queued["execution_id"])
    # A worker claimed the run and died: its lease has run out, the message comes back.
    assert execution_store.claim(item, "2026-01-01T00:00:00Z", now=0, lease_s=1)
    assert drain_runs() == ["solved"]
    _, record = call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org)
    assert record["status"] == "succeeded" and record["attempts"] == 2
    assert balance(client, org) == 30 - COST


def test_a_live_lease_leaves_the_message_for_later(client, org, model_id):
    _, queued, _ = post(client, org, f"/api/v2/models/{model_id}/execute", {"input_data": SPEC_INPUT, "async": True})
    item = execution_store.get_execution(org.id, queued["execution_id"])
    assert execution_store.claim(item, "2026-01-01T00:00:00Z", now=int(time.time()), lease_s=600)
    assert drain_runs() == ["leased elsewhere"]
    assert execution_store.get_execution(org.id, queued["execution_id"]).status == "running"


def test_after_the_last_delivery_the_run_fails_refunded(client, org, model_id):
    _, queued, _ = post(client, org, f"/api/v2/models/{model_id}/execute", {"input_data": SPEC_INPUT, "async": True})
    item = execution_store.get_execution(org.id, queued["execution_id"])
    for attempt in range(get_settings().max_run_deliveries):  # each worker died at once
        item.refresh()
        assert execution_store.claim(item, "2026-01-01T00:00:00Z", now=attempt + 1, lease_s=0)
    assert drain_runs() == ["failed"]
    _, record = call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org)
    assert record["status"] == "failed" and "no credits were charged" in record["failure_reason"]
    assert balance(client, org) == 30


def test_dead_lettered_runs_end_failed_and_refunded(client, org, model_id):
    _, queued, _ = post(client, org, f"/api/v2/models/{model_id}/execute", {"input_data": SPEC_INPUT, "async": True})
    body = json.dumps({"organization_id": org.id, "execution_id": queued["execution_id"]})
    queues._sqs().send_message(QueueUrl=queues.queue_url(get_settings().runs_dlq), MessageBody=body)
    assert events.drain(get_settings().runs_dlq) == ["failed"]
    assert balance(client, org) == 30
    assert drain_runs() == ["done already"]


def test_a_large_input_round_trips_through_object_storage(client, org):
    # ~1.3 MB of model text: kept in S3, not in the record, and solved by the worker.
    size = 20_000
    model = {"variables": [{"name": f"x{i}", "upper": 1} for i in range(size)],
             "objective": {"sense": "maximize", "terms": [{"variable": f"x{i}", "coefficient": (i % 7) + 1}
                                                          for i in range(size)]}}
    status, queued, _ = post(client, org, "/api/v2/solve", {"model": model, "async": True})
    assert status == 202
    assert drain_runs() == ["solved"]
    _, record = call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org)
    assert record["input"] is None and record["input_location"].startswith("s3://")
    expected = sum((i % 7) + 1 for i in range(size))
    assert record["result"]["objective_value"] == pytest.approx(expected)


def test_listing_is_newest_first_filtered_and_paginated(client, org, model_id):
    ids = []
    for _ in range(5):
        ids.append(call(client, "POST", f"/api/v2/models/{model_id}/execute", org, {"input_data": SPEC_INPUT})[1]["execution_id"])
    model = {"variables": [{"name": "x", "upper": 1}], "objective": {"expression": "x"}}
    solve_id = call(client, "POST", "/api/v2/solve", org, {"model": model})[1]["execution_id"]

    _, page = call(client, "GET", "/api/v2/executions?limit=4", org)
    assert [item["execution_id"] for item in page["items"]] == [solve_id, *ids[::-1][:3]]
    assert page["has_more"] is True
    _, rest = call(client, "GET", f"/api/v2/executions?limit=4&cursor={page['next_cursor']}", org)
    assert [item["execution_id"] for item in rest["items"]] == ids[::-1][3:]
    assert rest["has_more"] is False and rest["next_cursor"] is None

    _, by_model = call(client, "GET", f"/api/v2/executions?model_id={model_id}&limit=100", org)
    assert [item["execution_id"] for item in by_model["items"]] == ids[::-1]
    _, by_status = call(client, "GET", "/api/v2/executions?status=queued", org)
    assert by_status["items"] == []
    _, none_before = call(client, "GET", "/api/v2/executions?created_before=2020-01-01T00:00:00Z", org)
    assert none_before["items"] == [] and none_before["has_more"] is False
    _, all_after = call(client, "GET", "/api/v2/executions?created_after=2020-01-01T00:00:00Z&limit=100", org)
    assert len(all_after["items"]) == 6


@pytest.mark.parametrize("query", ["cursor=abc", "limit=0", "limit=101", "status=done", "color=red",
                                   "created_after=yesterday"])
def test_bad_list_queries_are_400(client, org, query):
    status, error = call(client, "GET", f"/api/v2/executions?{query}", org)
    assert status == 400 and error["error"] == "bad_request"


def test_another_organizations_executions_are_invisible(client, org, model_id):
    _, result = call(client, "POST", f"/api/v2/models/{model_id}/execute", org, {"input_data": SPEC_INPUT})
    other = new_org()
    for method, path in (("GET", f"/api/v2/executions/{result['execution_id']}"),
                         ("POST", f"/api/v2/executions/{result['execution_id']}/cancel")):
        status, error = call(client, method, path, other)
        assert status == 404 and result["execution_id"] not in json.dumps(error)
    assert call(client, "GET", "/api/v2/executions", other)[1]["items"] == []


def test_a_sync_run_cannot_be_canceled_once_finished(client, org, model_id):
    _, result = call(client, "POST", f"/api/v2/models/{model_id}/execute", org, {"input_data": SPEC_INPUT})
    status, error = call(client, "POST", f"/api/v2/executions/{result['execution_id']}/cancel", org)
    assert status == 409 and "succeeded" in error["message"]


def test_an_idempotency_key_replays_the_first_answer_and_charges_once(client, org, model_id):
    path, body = f"/api/v2/models/{model_id}/execute", {"input_data": SPEC_INPUT}
    key = {"Idempotency-Key": "order-2026-11-23-0001"}
    status, first, _ = post(client, org, path, body, key)
    assert status == 200
    status, again, headers = post(client, org, path, body, key)
    assert status == 200 and again == first and headers["Idempotent-Replayed"] == "true"
    assert balance(client, org) == 30 - COST
    assert len(call(client, "GET", "/api/v2/executions", org)[1]["items"]) == 1

    changed = {"input_data": {**SPEC_INPUT, "products": SPEC_INPUT["products"][:1]}}
    status, error, _ = post(client, org, path, changed, key)
    assert status == 409 and "different request" in error["message"]
    # Another organization's identical key is its own.
    other = new_org(credits=30)
    _, other_model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", other)
    assert post(client, other, f"/api/v2/models/{other_model['id']}/execute", body, key)[0] == 200


def test_an_idempotent_async_run_replays_its_202(client, org):
    model = {"variables": [{"name": "x", "upper": 2}], "objective": {"sense": "maximize", "expression": "x"}}
    key = {"Idempotency-Key": "nightly-plan"}
    status, first, headers = post(client, org, "/api/v2/solve", {"model": model, "async": True}, key)
    status_again, again, headers_again = post(client, org, "/api/v2/solve", {"model": model, "async": True}, key)
    assert status == status_again == 202 and again == first
    assert headers_again["Location"] == headers["Location"]
    assert drain_runs() == ["solved"]


def test_a_rejected_first_request_frees_its_key(client, org, model_id):
    path, key = f"/api/v2/models/{model_id}/execute", {"Idempotency-Key": "retry-me"}
    status, _, _ = post(client, org, path, {"input_data": {"warehouses": []}}, key)
    assert status == 400
    status, result, _ = post(client, org, path, {"input_data": SPEC_INPUT}, key)
    assert status == 200 and result["status"] == "optimal"


@pytest.mark.parametrize("key", ["", "x" * 256, "caf\u00e9"])
def test_malformed_idempotency_keys_are_400(client, org, model_id, key):
    response = client.http.post(f"/api/v2/models/{model_id}/execute", body=json.dumps({"input_data": SPEC_INPUT}),
                                headers={**org.headers, "Idempotency-Key": key})
    assert response.status_code == 400
    assert balance(client, org) == 30
