"""What a run cost lands on its execution record (for the operator, never in the API), with
counts that agree with an independent count of the calls the code made."""
from __future__ import annotations

import json
import secrets

import botocore.client
import pytest

from chalicelib import events
from chalicelib.ids import catalog_id_for
from chalicelib.settings import get_settings
from chalicelib.store.executions import get_execution
from tests.api.helpers import call, new_org

COST_FIELDS = ("cost_gb_seconds", "cost_ddb_read_units", "cost_ddb_write_units", "cost_s3_get", "cost_s3_put",
               "cost_sqs_requests")
WRITES = {"PutItem": 1, "UpdateItem": 1, "DeleteItem": 1}


@pytest.fixture
def calls(monkeypatch):
    """Every AWS call made, as (service, operation, params): counted below botocore's events,
    independently of chalicelib/costs.py."""
    made = []
    make_api_call = botocore.client.BaseClient._make_api_call

    def counting(self, operation_name, api_params):
        made.append((self.meta.service_model.service_name, operation_name, api_params))
        return make_api_call(self, operation_name, api_params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", counting)
    return made


def large_input() -> dict:
    """Random product names: its gzip is above the inline limit set below, so it goes to S3."""
    products = [{"name": secrets.token_hex(24), "demand": 1, "weight": 1.0} for _ in range(60)]
    return {"warehouses": [{"name": "East", "capacity": 500, "cost_per_unit": 2.5}], "products": products}


def minimum_write_units(made) -> int:
    """Each written item is at least 1 unit; a transaction's items count twice."""
    total = 0
    for service, operation, params in made:
        if service == "dynamodb":
            total += 2 * len(params["TransactItems"]) if operation == "TransactWriteItems" else WRITES.get(operation, 0)
    return total


def request_line(out: str, route: str) -> dict:
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return [line for line in lines if line.get("route") == route and "status" in line][-1]


def test_a_run_records_its_cost_and_the_counts_match_the_calls_made(client, calls, capfd, monkeypatch):
    monkeypatch.setenv("JAOT_INLINE_BLOB_BYTES", "1024")
    get_settings.cache_clear()
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    capfd.readouterr()
    calls.clear()
    status, run = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, {"input_data": large_input()})
    assert status == 200, run
    line = request_line(capfd.readouterr().out, "/api/v2/models/{model_id}/execute")
    dynamodb = [entry for entry in calls if entry[0] == "dynamodb"]
    s3_puts = [entry for entry in calls if entry[0] == "s3" and entry[1] == "PutObject"]
    assert line["ddb_calls"] == len(dynamodb)
    assert line["s3_put"] == len(s3_puts) == 2  # the input and the result, both above the inline limit
    assert line["s3_get"] == 0 and line["sqs_requests"] == 0
    assert minimum_write_units(calls) <= line["ddb_write_units"] <= 4 * minimum_write_units(calls)
    reads = [entry for entry in dynamodb if entry[1] in ("GetItem", "Query")]
    assert 0.5 * len(reads) <= line["ddb_read_units"] <= 4 * len(reads)

    record = get_execution(org.id, run["execution_id"])
    assert record.cost_s3_put == 2 and record.cost_s3_get == 0
    assert 0 < record.cost_gb_seconds <= line["gb_seconds"]
    assert record.cost_ddb_read_units == line["ddb_read_units"]  # no read after the finishing write
    # The finishing write is in both: counted as the record's last seen size, estimated on the
    # record at its size after (DynamoDB charges the larger), so the record may say a little more.
    assert line["ddb_write_units"] <= record.cost_ddb_write_units <= line["ddb_write_units"] + 4

    status, shown = call(client, "GET", f"/api/v2/executions/{run['execution_id']}", org)
    assert status == 200 and not any(name.startswith("cost") for name in shown)
    _, listing = call(client, "GET", "/api/v2/executions", org)
    assert not any(name.startswith("cost") for item in listing["items"] for name in item)


def test_a_queued_run_adds_the_worker_share_to_the_request_that_queued_it(client, calls, capfd, monkeypatch):
    monkeypatch.setenv("JAOT_INLINE_BLOB_BYTES", "1024")
    get_settings.cache_clear()
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    status, queued = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org,
                          {"input_data": large_input(), "async": True})
    assert status == 202
    at_queue = get_execution(org.id, queued["execution_id"])
    assert all(getattr(at_queue, name) is not None for name in COST_FIELDS)
    calls.clear()
    assert events.drain(get_settings().runs_queue) == ["solved"]
    worker_calls = [entry for entry in calls if entry[0] == "dynamodb"]
    done = get_execution(org.id, queued["execution_id"])
    assert done.cost_gb_seconds > at_queue.cost_gb_seconds
    assert done.cost_ddb_read_units > at_queue.cost_ddb_read_units
    assert done.cost_ddb_write_units > at_queue.cost_ddb_write_units >= 4  # its own transaction included
    line = [json.loads(text) for text in capfd.readouterr().out.splitlines()
            if text.startswith("{") and '"outcome"' in text][-1]
    assert line["ddb_calls"] == len(worker_calls)  # the cancel watcher's polls (its own thread) included
    assert line["s3_get"] == 1  # what to solve, stored in S3 by the request that queued it
    assert at_queue.cost_s3_put == 2  # the input and what to solve
    assert done.cost_s3_get == 1 and done.cost_s3_put == 3  # + the result
