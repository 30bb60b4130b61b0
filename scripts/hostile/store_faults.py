"""Store faults: every kind of transient DynamoDB (and S3) failure injected into every store
call a route makes — throttling, transaction conflicts, 5xx answers with or without a known
code (moto's server answers an HTML page under load), refused and dropped connections,
timeouts — on reads, writes, authentication and rate-limit counting; then parallel key
creates while one write in three fails, and Idempotency-Keys whose run met a fault.

Got through: any answer but 503 `service_unavailable` with `Retry-After`, any item written
by a request answered 503, a key that cannot be retried, a count limit passed.
"""
from __future__ import annotations

import contextlib
import json
import os
import threading
from typing import Any, Callable, Iterator

CLASS = "store faults"


class _Answer:
    def __init__(self, status_code: int):
        self.status_code = status_code


def _reply(status: int, code: str, **extra: Any) -> Callable[[], Any]:
    """What botocore parses from a failed answer of the store."""
    return lambda: (_Answer(status), {"Error": {"Code": code, "Message": "injected"},
                                      "ResponseMetadata": {"HTTPStatusCode": status}, **extra})


def _raise(name: str, **fields: Any) -> Callable[[], Any]:
    def fail() -> Any:
        import botocore.exceptions

        raise getattr(botocore.exceptions, name)(**fields)
    return fail


ENDPOINT = {"endpoint_url": "http://127.0.0.1:4566"}
FAULTS = {
    "throughput exceeded": _reply(400, "ProvisionedThroughputExceededException"),
    "throttling": _reply(400, "ThrottlingException"),
    "request limit": _reply(400, "RequestLimitExceeded"),
    "internal server error": _reply(500, "InternalServerError"),
    "internal failure": _reply(500, "InternalFailure"),
    "html 500 page": _reply(500, "500"),
    "bad gateway": _reply(502, "502"),
    "service unavailable": _reply(503, "ServiceUnavailable"),
    "conflict": _reply(400, "TransactionCanceledException", CancellationReasons=[
        {"Code": "None"}, {"Code": "TransactionConflict", "Message": "conflict"}]),
    "conflict and throttle": _reply(400, "TransactionCanceledException", CancellationReasons=[
        {"Code": "TransactionConflict"}, {"Code": "ThrottlingError"}, {"Code": "None"}]),
    "transaction in progress": _reply(400, "TransactionInProgressException"),
    "connection refused": _raise("EndpointConnectionError", **ENDPOINT),
    "connect timeout": _raise("ConnectTimeoutError", **ENDPOINT),
    "read timeout": _raise("ReadTimeoutError", **ENDPOINT),
    "connection closed": _raise("ConnectionClosedError", **ENDPOINT),
}
S3_FAULTS = {
    "s3 slow down": _reply(503, "SlowDown"),
    "s3 internal error": _reply(500, "InternalError"),
    "s3 connection refused": _raise("EndpointConnectionError", **ENDPOINT),
}


@contextlib.contextmanager
def failing(client: Any, service: str, operation: str, fault: Callable[[], Any], every: int = 1,
            first: int | None = None) -> Iterator[list[int]]:
    """Every `every`-th call of `operation` on `client` fails with `fault` (only the `first`
    ones when given)."""
    calls, lock = [0], threading.Lock()

    def handler(**_: Any) -> Any:
        with lock:
            calls[0] += 1
            due = calls[0] % every == 0 and (first is None or calls[0] <= first)
        return fault() if due else None

    event = f"before-call.{service}.{operation}"
    client.meta.events.register(event, handler, unique_id=f"hostile-{event}")  # unique across events
    try:
        yield calls
    finally:
        client.meta.events.unregister(event, unique_id=f"hostile-{event}")


def _dynamodb() -> Any:
    from chalicelib.store.items import TableItem

    return TableItem._get_connection().connection.client


def _snapshot(organization_id: str) -> list[str]:
    """The organization's partition and its keys' lookup items: all a route below can write
    (the same snapshot tests/api/test_store_faults.py compares)."""
    from tests.api.test_store_faults import org_snapshot

    return org_snapshot(organization_id)


class Run:
    def __init__(self, api: Any):
        self.api, self.tried, self.got_through, self.notes = api, 0, 0, []

    def busy(self, what: str, organization_id: str, method: str, path: str, headers: dict, body: Any,
             faults: Callable[[], Any]) -> None:
        """One request with a fault in place: a 503 with Retry-After that wrote nothing."""
        before = _snapshot(organization_id)
        with faults():
            status, payload, response_headers = self.api.call(method, path, headers, body)
        self.tried += 1
        envelope = isinstance(payload, dict) and set(payload) == {"error", "message", "details"}
        if status != 503 or not envelope or payload["error"] != "service_unavailable" or (
                "Retry-After" not in response_headers):
            self.got_through += 1
            self.notes.append(f"{what}: {method} {path} -> {status} {json.dumps(payload)[:120]}")
        elif _snapshot(organization_id) != before:
            self.got_through += 1
            self.notes.append(f"{what}: {method} {path} answered 503 but wrote items")


def run(api: Any) -> tuple[int, int, list[str]]:
    from scripts.hostile.quotas import lambda_per_thread

    run_ = Run(api)
    _every_fault_on_every_route(run_)
    _s3_faults(run_)
    _idempotency_keys(run_)
    with lambda_per_thread():
        _keys_raced_while_failing(run_)
    return run_.tried, run_.got_through, run_.notes


def _org(name: str, credits: int = 100) -> tuple[str, dict]:
    from chalicelib.services.organizations import create_organization

    organization_id, key = create_organization(name, credits)
    return organization_id, {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}


def _routes(api: Any, headers: dict) -> list[tuple[str, str, Any, list[str]]]:
    """(method, path, body, DynamoDB operations the route surely calls)."""
    from chalicelib.ids import catalog_id_for

    from scripts.reliability import SPEC_INPUT

    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate",
                           headers)
    _, key, _ = api.call("POST", "/api/v2/api-keys", headers, {"name": "spare"})
    trigger_body = {"name": "t", "type": "webhook", "model_id": model["id"], "input_from_event": True}
    _, trigger, _ = api.call("POST", "/api/v2/triggers", headers, trigger_body)
    _, document, _ = api.call("POST", "/api/v2/builder", headers, {"name": "plan"})
    every = ["GetItem", "UpdateItem"]  # the key's lookup, the rate-limit count (when a limit is set)
    if os.environ.get("JAOT_RATE_LIMIT_PER_MINUTE") == "0":
        every = ["GetItem"]
    writes = every + ["TransactWriteItems"]
    return [
        ("GET", "/api/v2/organization", None, every),
        ("POST", "/api/v2/api-keys", {"name": "k"}, writes),
        ("GET", "/api/v2/api-keys", None, every + ["Query"]),
        ("DELETE", f"/api/v2/api-keys/{key['id']}", None, writes),
        ("POST", "/api/v2/builder", {"name": "d"}, writes),
        ("PUT", f"/api/v2/builder/{document['id']}", {"name": "renamed"}, every + ["UpdateItem"]),
        ("POST", f"/api/v2/builder/{document['id']}/versions", {"canvas_json": {"nodes": [], "edges": []}},
         writes),
        ("POST", "/api/v2/triggers", trigger_body, writes),
        ("DELETE", f"/api/v2/triggers/{trigger['id']}", None, writes),
        ("POST", f"/api/v2/models/catalog/{catalog_id_for('knapsack')}/activate", None, writes),
        ("POST", "/api/v2/models", {"name": "mine", "generator_type": "template"}, writes),
        ("PATCH", f"/api/v2/models/{model['id']}", {"custom_name": "renamed"}, every + ["UpdateItem"]),
        ("GET", "/api/v2/models", None, every + ["Query"]),
        ("GET", "/api/v2/executions", None, every + ["Query"]),
        ("POST", f"/api/v2/models/{model['id']}/execute", {"input_data": SPEC_INPUT}, writes),
    ]


def _every_fault_on_every_route(run: Run) -> None:
    organization_id, headers = _org("store faults")
    client = _dynamodb()
    for method, path, body, operations in _routes(run.api, headers):
        for operation in dict.fromkeys(operations):
            for name, fault in FAULTS.items():
                run.busy(f"{operation} {name}", organization_id, method, path, headers, body,
                         lambda: failing(client, "dynamodb", operation, fault))


def _s3_faults(run: Run) -> None:
    """A canvas too big to keep inline goes to S3 first: S3 failing is a 503 too."""
    import base64
    import random

    from chalicelib.store import blobs

    organization_id, headers = _org("s3 faults")
    noise = base64.b64encode(random.Random(5).randbytes(150_000)).decode()
    body = {"name": "big", "canvas_json": {"nodes": [], "edges": [], "notes": noise}}
    for name, fault in S3_FAULTS.items():
        run.busy(name, organization_id, "POST", "/api/v2/builder", headers, body,
                 lambda: failing(blobs._s3(), "s3", "PutObject", fault))


def _idempotency_keys(run: Run) -> None:
    """A run that met a fault did not happen: its Idempotency-Key runs it when retried, once
    the store is well, even if freeing the key itself failed once."""
    from chalicelib.ids import catalog_id_for

    from scripts.reliability import SPEC_INPUT

    organization_id, headers = _org("idempotency faults", credits=30)
    _, model, _ = run.api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate",
                               headers)
    path, body, client = f"/api/v2/models/{model['id']}/execute", {"input_data": SPEC_INPUT}, _dynamodb()
    for number, (name, fault) in enumerate(list(FAULTS.items())[:6]):
        keyed = {**headers, "Idempotency-Key": f"retry-{number}"}

        @contextlib.contextmanager
        def debit_and_release_fail() -> Iterator[None]:
            with failing(client, "dynamodb", "TransactWriteItems", fault), \
                    failing(client, "dynamodb", "DeleteItem", fault, first=1):  # the release's first try
                yield

        run.busy(f"idempotent run, {name}", organization_id, "POST", path, keyed, body, debit_and_release_fail)
        status, result, _ = run.api.call("POST", path, keyed, body)
        replay = run.api.call("POST", path, keyed, body)
        run.tried += 2
        if status != 200 or replay[0] != 200 or replay[1].get("execution_id") != result.get("execution_id"):
            run.got_through += 1
            run.notes.append(f"idempotent run after {name}: retried {status}, replayed {replay[0]}")


def _keys_raced_while_failing(run: Run) -> None:
    """Issue 12's race: 46 keys held, 12 created at once, one store write in three failing."""
    organization_id, headers = _org("keys while failing")
    for i in range(45):
        run.api.call("POST", "/api/v2/api-keys", headers, {"name": f"k{i}"})
    client = _dynamodb()
    from concurrent.futures import ThreadPoolExecutor

    for name in ("html 500 page", "conflict", "connection closed"):
        with failing(client, "dynamodb", "TransactWriteItems", FAULTS[name], every=3):
            with ThreadPoolExecutor(12) as pool:
                answers = list(pool.map(lambda _: run.api.call("POST", "/api/v2/api-keys", headers, {"name": "r"}),
                                        range(12)))
        run.tried += 12
        wrong = [status for status, payload, response_headers in answers if status not in (201, 409, 503) or (
            status == 503 and "Retry-After" not in response_headers)]
        if wrong:
            run.got_through += len(wrong)
            run.notes.append(f"keys raced while failing ({name}): answered {wrong}")
    while run.api.call("POST", "/api/v2/api-keys", headers, {"name": "fill"})[0] == 201:
        run.tried += 1
    _, listed, _ = run.api.call("GET", "/api/v2/api-keys", headers)
    if listed["total"] != 50:
        run.got_through += 1
        run.notes.append(f"keys raced while failing: {listed['total']} keys held, the limit is 50")
