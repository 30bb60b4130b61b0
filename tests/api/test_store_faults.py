"""DynamoDB throttling and transaction conflicts: a 503 with Retry-After, nothing half written."""
from __future__ import annotations

import contextlib
import json
import threading

import boto3
import pytest
from botocore.exceptions import ConnectionClosedError, EndpointConnectionError, ReadTimeoutError

from chalicelib.ids import catalog_id_for
from chalicelib.services import api_keys
from chalicelib.settings import get_settings
from chalicelib.store.items import TableItem
from tests.api.helpers import call, new_org
from tests.api.races import lambda_per_thread, race  # noqa: F401 (a fixture)
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


# ---- every kind of transient store failure, on every kind of route (issue 12, item 7) ----

class _Answer:
    def __init__(self, status_code: int):
        self.status_code = status_code


def _reply(status: int, code: str, **extra):
    """What botocore parses from a failed DynamoDB answer."""
    return lambda: (_Answer(status), {"Error": {"Code": code, "Message": "injected"},
                                      "ResponseMetadata": {"HTTPStatusCode": status}, **extra})


def _raise(error_class, **fields):
    def fail():
        raise error_class(**fields)
    return fail


def _html_500():
    """moto's server failing under load: an HTML page, which botocore names by its status."""
    return _reply(500, "500")()


FAULTS = {
    "throughput exceeded": _reply(400, "ProvisionedThroughputExceededException"),
    "throttling": _reply(400, "ThrottlingException"),
    "internal server error": _reply(500, "InternalServerError"),
    "internal failure": _reply(500, "InternalFailure"),
    "html 500 page": _html_500,
    "service unavailable": _reply(503, "ServiceUnavailable"),
    "unknown 5xx code": _reply(502, "BadGateway"),
    "transaction conflict": _reply(400, "TransactionCanceledException", CancellationReasons=[
        {"Code": "None"}, {"Code": "TransactionConflict", "Message": "conflict"}]),
    "transaction throttled": _reply(400, "TransactionCanceledException", CancellationReasons=[
        {"Code": "ThrottlingError", "Message": "throttled"}, {"Code": "None"}]),
    "connection refused": _raise(EndpointConnectionError, endpoint_url="http://127.0.0.1:4566"),
    "read timeout": _raise(ReadTimeoutError, endpoint_url="http://127.0.0.1:4566"),
    "connection closed": _raise(ConnectionClosedError, endpoint_url="http://127.0.0.1:4566"),
}


@contextlib.contextmanager
def failing(operation: str, fault, every: int = 1):
    """Every `every`-th call of `operation` on the store's client fails with `fault`."""
    events = TableItem._get_connection().connection.client.meta.events
    calls, lock = [0], threading.Lock()

    def handler(**_):
        with lock:
            calls[0] += 1
            due = calls[0] % every == 0
        return fault() if due else None

    events.register(f"before-call.dynamodb.{operation}", handler, unique_id=f"fault-{operation}")
    try:
        yield calls
    finally:
        events.unregister(f"before-call.dynamodb.{operation}", unique_id=f"fault-{operation}")


def org_snapshot(organization_id: str) -> list[str]:
    """Every item the routes below could write: the organization's partition (its keys'
    records, documents, models, triggers, runs, counters) and its keys' lookup items."""
    dynamodb, table = boto3.client("dynamodb"), get_settings().table_name
    pk = {":pk": {"S": f"ORG#{organization_id}"}}
    items = dynamodb.query(TableName=table, ConsistentRead=True, KeyConditionExpression="PK = :pk",
                           ExpressionAttributeValues=pk)["Items"]
    items += dynamodb.query(TableName=table, IndexName="GSI1", KeyConditionExpression="GSI1PK = :pk",
                            ExpressionAttributeValues=pk)["Items"]
    return sorted(repr(sorted(item.items())) for item in items)


@pytest.fixture
def routes(client):
    """(method, path, body, store operations the route surely calls) on an organization's things."""
    org = new_org(credits=50)
    activate = f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate"
    _, model = call(client, "POST", activate, org)
    _, key = call(client, "POST", "/api/v2/api-keys", org, {"name": "spare"})
    trigger_body = {"name": "t", "type": "webhook", "model_id": model["id"], "input_from_event": True}
    _, trigger = call(client, "POST", "/api/v2/triggers", org, trigger_body)
    _, document = call(client, "POST", "/api/v2/builder", org, {"name": "plan"})
    every_request = ["GetItem", "UpdateItem"]  # the key's lookup and the rate-limit count
    return org, [
        ("GET", "/api/v2/organization", None, every_request),
        ("POST", "/api/v2/api-keys", {"name": "k"}, every_request + ["TransactWriteItems"]),
        ("GET", "/api/v2/api-keys", None, every_request + ["Query"]),
        ("DELETE", f"/api/v2/api-keys/{key['id']}", None, every_request + ["TransactWriteItems"]),
        ("POST", "/api/v2/builder", {"name": "d"}, every_request + ["TransactWriteItems"]),
        ("PUT", f"/api/v2/builder/{document['id']}", {"name": "renamed"}, every_request),
        ("PATCH", f"/api/v2/models/{model['id']}", {"custom_name": "renamed"}, every_request),
        ("POST", "/api/v2/triggers", trigger_body, every_request + ["TransactWriteItems"]),
        ("DELETE", f"/api/v2/triggers/{trigger['id']}", None, every_request + ["TransactWriteItems"]),
        ("POST", f"/api/v2/models/catalog/{catalog_id_for('knapsack')}/activate", None,
         every_request + ["TransactWriteItems"]),
        ("GET", "/api/v2/models", None, every_request + ["Query"]),
        ("POST", f"/api/v2/models/{model['id']}/execute", {"input_data": SPEC_INPUT},
         every_request + ["TransactWriteItems"]),
    ]


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_every_transient_store_failure_on_every_route_is_a_503_that_changed_nothing(client, routes, fault):
    org, requests = routes
    wrong = []
    for method, path, body, operations in requests:
        for operation in operations:
            before = org_snapshot(org.id)
            with failing(operation, FAULTS[fault]):
                response = getattr(client.http, method.lower())(
                    path, headers=org.headers, body=None if body is None else json.dumps(body))
            answer = json.loads(response.body)
            if (response.status_code, answer.get("error"), response.headers.get("Retry-After")) != (
                    503, "service_unavailable", "1") or set(answer) != {"error", "message", "details"}:
                wrong.append(f"{operation} failing: {method} {path} -> {response.status_code} {answer}")
            elif org_snapshot(org.id) != before:
                wrong.append(f"{operation} failing: {method} {path} wrote items")
    assert wrong == []
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 50


def test_keys_created_in_parallel_while_the_store_fails_now_and_then_are_201_409_or_503(
        client, lambda_per_thread, atomic_moto, monkeypatch):
    """The race of issue 12 (scaled down to a limit of 8): parallel key creates near the
    limit, one store write in three failing as moto's server does under load. None is a
    500; the limit and the count hold."""
    monkeypatch.setattr(api_keys, "MAX_KEYS_PER_ORG", 8)
    org = new_org()
    for i in range(3):
        call(client, "POST", "/api/v2/api-keys", org, {"name": f"k{i}"})
    with failing("TransactWriteItems", _html_500, every=3) as calls:
        answers = race(client, org, [("POST", "/api/v2/api-keys", {"name": "race"})] * 12)
    assert calls[0] >= 4
    statuses = sorted(status for status, _ in answers)
    assert set(statuses) <= {201, 409, 503} and 503 in statuses, statuses
    assert all(body["error"] == {409: "conflict", 503: "service_unavailable"}[status]
               for status, body in answers if status != 201)
    created = statuses.count(201)
    assert created <= 4
    for _ in range(4 - created):  # once the store is well, exactly the places left are taken
        assert call(client, "POST", "/api/v2/api-keys", org, {"name": "late"})[0] == 201
    assert call(client, "POST", "/api/v2/api-keys", org, {"name": "over"})[0] == 409
    assert call(client, "GET", "/api/v2/api-keys", org)[1]["total"] == 8
