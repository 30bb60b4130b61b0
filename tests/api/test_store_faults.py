"""DynamoDB throttling and transaction conflicts: a 503 with Retry-After, nothing half written."""
from __future__ import annotations

import json

import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.store.items import TableItem
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT


class _Refused:
    status_code = 400


def _inject(operation: str, parsed_error: dict):
    """Make every `operation` call on the store's client fail as DynamoDB would."""
    events = TableItem._get_connection().connection.client.meta.events
    handler = lambda **_: (_Refused(), parsed_error)  # noqa: E731
    events.register(f"before-call.dynamodb.{operation}", handler, unique_id=f"fault-{operation}")
    return lambda: events.unregister(f"before-call.dynamodb.{operation}", unique_id=f"fault-{operation}")


CONFLICT = {"Error": {"Code": "TransactionCanceledException", "Message": "Transaction cancelled"},
            "CancellationReasons": [{"Code": "TransactionConflict", "Message": "conflict"}, {"Code": "None"}]}
THROTTLED = {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow down"}}


@pytest.fixture
def org_and_model(client):
    org = new_org(credits=30)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    return org, model["id"]


def test_a_transaction_conflict_on_execute_is_a_503_and_charges_nothing(client, org_and_model):
    org, model_id = org_and_model
    restore = _inject("TransactWriteItems", CONFLICT)
    try:
        response = client.http.post(f"/api/v2/models/{model_id}/execute", headers=org.headers,
                                    body=json.dumps({"input_data": SPEC_INPUT}))
    finally:
        restore()
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    assert json.loads(response.body)["error"] == "service_unavailable"
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 30
    assert call(client, "GET", "/api/v2/executions", org)[1]["items"] == []


def test_throttled_reads_are_a_503(client, org_and_model):
    org, model_id = org_and_model
    restore = _inject("GetItem", THROTTLED)
    try:
        response = client.http.get(f"/api/v2/models/{model_id}", headers=org.headers)
    finally:
        restore()
    assert response.status_code == 503 and "Retry-After" in response.headers
    assert call(client, "GET", f"/api/v2/models/{model_id}", org)[0] == 200


def test_other_store_failures_stay_500s_in_our_format(client, org_and_model):
    org, model_id = org_and_model
    restore = _inject("GetItem", {"Error": {"Code": "ValidationException", "Message": "bad key"}})
    try:
        response = client.http.get(f"/api/v2/models/{model_id}", headers=org.headers)
    finally:
        restore()
    assert response.status_code == 500 and json.loads(response.body)["error"] == "internal_error"


def test_a_run_whose_end_meets_a_brief_conflict_is_still_recorded_once(client, org_and_model):
    """The debit went through; the transaction recording the end conflicts twice, then not:
    the run is retried into `succeeded`, charged once, never left `running`."""
    org, model_id = org_and_model
    events = TableItem._get_connection().connection.client.meta.events
    calls = []

    def conflict_twice_after_the_debit(**_):
        calls.append(1)
        if len(calls) in (2, 3):
            return _Refused(), CONFLICT
        return None

    events.register("before-call.dynamodb.TransactWriteItems", conflict_twice_after_the_debit, unique_id="brief")
    try:
        status, result = call(client, "POST", f"/api/v2/models/{model_id}/execute", org, {"input_data": SPEC_INPUT})
    finally:
        events.unregister("before-call.dynamodb.TransactWriteItems", unique_id="brief")
    assert status == 200 and result["status"] == "optimal" and len(calls) == 4
    _, record = call(client, "GET", f"/api/v2/executions/{result['execution_id']}", org)
    assert record["status"] == "succeeded"
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 30 - result["credits_used"]
