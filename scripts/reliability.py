"""`make reliability`: JAOT on its worst day, counted.

Runs hostile scenarios through the HTTP layer (chalice.test.Client on moto) and prints one
table: requests sent, 5xx seen, schema violations (every JSON answer is validated against
the response schema the OpenAPI document gives for its route and status), overdrafts,
cross-tenant leaks, partial writes and time-limit overruns. All but the first must be 0.
The schemathesis fuzz run (`make fuzz`) reports its own counts.
"""
from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update({"AWS_ACCESS_KEY_ID": "reliability", "AWS_SECRET_ACCESS_KEY": "reliability",
                   "AWS_DEFAULT_REGION": "us-east-1", "JAOT_TABLE_NAME": "jaot-reliability",
                   "JAOT_JWT_SECRET": "reliability-secret-0123456789abcdef", "JAOT_RATE_LIMIT_PER_MINUTE": "0"})
os.environ.pop("AWS_ENDPOINT_URL", None)

import boto3  # noqa: E402
from scripts import hostile  # noqa: E402
from scripts.hostile.quotas import lambda_per_thread  # noqa: E402
from moto import mock_aws  # noqa: E402
from moto.core.botocore_stubber import BotocoreStubber  # noqa: E402

DATA = ROOT / "tests" / "data"
SPEC_INPUT = {"warehouses": [{"name": "East Hub", "capacity": 500, "cost_per_unit": 2.50},
                             {"name": "West Hub", "capacity": 300, "cost_per_unit": 3.00}],
              "products": [{"name": "Widget A", "demand": 200, "weight": 1.5},
                           {"name": "Widget B", "demand": 150, "weight": 2.0}]}
COUNTS = {"requests sent": 0, "5xx seen": 0, "schema violations": 0, "overdrafts": 0,
          "cross-tenant leaks": 0, "partial writes": 0, "time-limit overruns": 0, "inputs lost": 0}
NOTES: list[str] = []
HOSTILE_ROWS: list[tuple[str, int, int]] = []
_lock = threading.Lock()


class Api:
    """The HTTP layer, counting every request, every 5xx and every schema violation."""

    def __init__(self, client, document):
        self.client, self.document = client, document
        from jsonschema import Draft202012Validator

        self.validator_class = Draft202012Validator
        self.components = {"components": document["components"]}

    def call(self, method: str, path: str, headers: dict, body=None):
        raw = body if isinstance(body, (str, bytes)) or body is None else json.dumps(body)
        response = getattr(self.client.http, method.lower())(path, headers=headers, body=raw)
        text = response.body.decode() if isinstance(response.body, bytes) else response.body
        payload = json.loads(text) if text else None
        with _lock:
            COUNTS["requests sent"] += 1
            if response.status_code >= 500 and response.status_code != 503:
                COUNTS["5xx seen"] += 1
                NOTES.append(f"5xx: {method} {path} -> {response.status_code} {text[:200]}")
        self._check_schema(method, path, response.status_code, payload)
        return response.status_code, payload, response.headers

    def _check_schema(self, method, path, status, payload):
        operation = self._operation(method, path)
        if operation is None or payload is None:
            return
        response = operation["responses"].get(str(status))
        if response is None:
            with _lock:
                COUNTS["schema violations"] += 1
                NOTES.append(f"undocumented status: {method} {path} -> {status}")
            return
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            return
        validator = self.validator_class({**schema, **self.components})
        errors = list(validator.iter_errors(payload))
        if errors:
            with _lock:
                COUNTS["schema violations"] += 1
                NOTES.append(f"schema: {method} {path} -> {status}: {errors[0].message[:200]}")

    def _operation(self, method, path):
        route = path.split("?")[0]
        for template, item in self.document["paths"].items():
            parts, actual = template.split("/"), route.split("/")
            if len(parts) == len(actual) and all(p.startswith("{") or p == a for p, a in zip(parts, actual)):
                if method.lower() in item:
                    return item[method.lower()]
        return None


def headers_for(key: str) -> dict:
    return {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}


def table_items() -> list[str]:
    """The whole table (a Scan: this is a test harness, not a request path)."""
    from chalicelib.settings import get_settings

    items = boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    return sorted(repr(sorted(item.items())) for item in items if "RATE#" not in repr(item))


def money(api: Api) -> None:
    """20 concurrent executes, credits for exactly 7, five rounds."""
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization
    from chalicelib.store.organizations import get_organization

    for _ in range(5):
        org_id, key = create_organization("money", 21)
        headers = headers_for(key)
        _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate",
                               headers)
        statuses = list(ThreadPoolExecutor(20).map(
            lambda _: api.call("POST", f"/api/v2/models/{model['id']}/execute", headers,
                               {"input_data": SPEC_INPUT})[0], range(20)))
        balance = int(get_organization(org_id).credits)
        if statuses.count(200) != 7 or statuses.count(402) != 13 or balance != 0:
            COUNTS["overdrafts"] += 1
            NOTES.append(f"money: {statuses.count(200)} succeeded, {statuses.count(402)} refused, balance {balance}")


def tenants(api: Api) -> None:
    """Organization B tries organization A's ids on every id route, with a key and a JWT."""
    import jwt

    from app import app
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization

    canvas = {"nodes": [{"id": "v", "type": "variable", "data": {"name": "x", "upper": 5}},
                        {"id": "o", "type": "objective", "data": {"sense": "maximize", "expression": "x"}}],
              "edges": []}
    owner_id, owner_key = create_organization("owner", 50)
    owner = headers_for(owner_key)
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", owner)
    _, run, _ = api.call("POST", f"/api/v2/models/{model['id']}/execute", owner, {"input_data": SPEC_INPUT})
    _, doc, _ = api.call("POST", "/api/v2/builder", owner, {"name": "Secret plan", "canvas_json": canvas})
    _, version, _ = api.call("POST", f"/api/v2/builder/{doc['id']}/versions", owner, {"canvas_json": canvas})
    _, trigger, _ = api.call("POST", "/api/v2/triggers", owner, {"name": "t", "type": "webhook", "model_id": model["id"]})
    _, key, _ = api.call("POST", "/api/v2/api-keys", owner, {"name": "ci"})
    ids = {"model_id": model["id"], "execution_id": run["execution_id"], "document_id": doc["id"],
           "version_id": version["id"], "trigger_id": trigger["id"], "key_id": key["id"]}
    attacker_id, attacker_key = create_organization("attacker", 50)
    token = jwt.encode({"org_id": attacker_id, "sub": "mallory", "exp": int(time.time()) + 600},
                       os.environ["JAOT_JWT_SECRET"], algorithm="HS256")
    skipped = {("POST", "/api/v2/models/catalog/{catalog_id}/activate"), ("POST", "/api/v2/hooks/{trigger_id}"),
               ("GET", "/docs/{asset}")}
    before = table_items()
    for credential in (headers_for(attacker_key), headers_for(token)):
        for path, methods in app.routes.items():
            for method in methods:
                if "{" not in path or (method, path) in skipped:
                    continue
                status, payload, _ = api.call(method, path.format(**ids), credential, {})
                text = json.dumps(payload)
                if status not in (400, 404) or any(value in text for value in ids.values()) or "Secret" in text:
                    COUNTS["cross-tenant leaks"] += 1
                    NOTES.append(f"tenant: {method} {path} -> {status} {text[:120]}")
        for path in ("/api/v2/models", "/api/v2/builder", "/api/v2/executions", "/api/v2/triggers"):
            _, payload, _ = api.call("GET", path, credential)
            if any(value in json.dumps(payload) for value in ids.values()):
                COUNTS["cross-tenant leaks"] += 1
                NOTES.append(f"tenant list: {path}")
    if table_items() != before:
        COUNTS["partial writes"] += 1
        NOTES.append("tenant: the attacker changed the table")


def bad_input(api: Api) -> None:
    """Malformed, oversized, hostile bodies: each a 4xx, and not one item written."""
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization

    _, key = create_organization("bad input", 50)
    headers = headers_for(key)
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('tsp')}/activate", headers)
    execute = f"/api/v2/models/{model['id']}/execute"
    rng = random.Random(8)
    bodies = ["{not json", '{"input_data": NaN}', '{"input_data": {"cities": [{"x": Infinity}]}}', "[" * 5000,
              json.dumps({"input_data": {"cities": [{"name": "a", "x": 0, "y": 0}] * 2001}}),
              json.dumps({"input_data": {"cities": [{"name": f"c{i}", "x": i, "y": i} for i in range(1_000_000)]}}),
              json.dumps({"input_data": {"cities": [{"name": "東京", "x": 0, "y": 0}]}, "options": {"time_limit_s": -1}}),
              json.dumps({"input_data": {}, "options": {"threads": 4}}), "", "null", '"text"']
    bodies += [json.dumps({"input_data": {"cities": [{"name": rng.choice(["ä", "🚚", "x" * 300]), "x": rng.random(),
                                                      "y": "far"}]}}) for _ in range(10)]
    for body in bodies:
        before = table_items()
        status, _, _ = api.call("POST", execute, headers, body)
        if not 400 <= status < 500:
            NOTES.append(f"bad input answered {status}")
            COUNTS["partial writes" if status < 400 else "5xx seen"] += 1
        if table_items() != before:
            COUNTS["partial writes"] += 1
            NOTES.append(f"bad input wrote items: {body[:80]}")
    wrong_type = api.client.http.post(execute, headers={**headers, "Content-Type": "text/plain"}, body="hello")
    COUNTS["requests sent"] += 1
    if wrong_type.status_code != 415:
        NOTES.append(f"wrong content type answered {wrong_type.status_code}")


def store_faults(api: Api) -> None:
    """Throttling and transaction conflicts injected into DynamoDB: 503, nothing half written."""
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization
    from chalicelib.store.items import TableItem

    _, key = create_organization("faults", 50)
    headers = headers_for(key)
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", headers)
    events = TableItem._get_connection().connection.client.meta.events
    faults = {"TransactWriteItems": {"Error": {"Code": "TransactionCanceledException", "Message": "x"},
                                     "CancellationReasons": [{"Code": "TransactionConflict"}, {"Code": "None"}]},
              "UpdateItem": {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "x"}},
              "PutItem": {"Error": {"Code": "ThrottlingException", "Message": "x"}}}
    requests = [("POST", f"/api/v2/models/{model['id']}/execute", {"input_data": SPEC_INPUT}),
                ("POST", "/api/v2/builder", {"name": "d"}),
                ("PATCH", f"/api/v2/models/{model['id']}", {"custom_name": "renamed"}),
                ("POST", "/api/v2/triggers", {"name": "t", "type": "webhook", "model_id": model["id"]}),
                ("POST", "/api/v2/api-keys", {"name": "k"})]

    class Refused:
        status_code = 400

    for operation, error in faults.items():
        handler = lambda _error=error, **_: (Refused(), _error)  # noqa: E731
        for method, path, body in requests:
            before = table_items()
            events.register(f"before-call.dynamodb.{operation}", handler, unique_id="reliability-fault")
            try:
                status, _, response_headers = api.call(method, path, headers, body)
            finally:
                events.unregister(f"before-call.dynamodb.{operation}", unique_id="reliability-fault")
            if status < 400:
                continue  # the request did not need the failing operation
            if status != 503 or "Retry-After" not in response_headers:
                NOTES.append(f"fault {operation}: {method} {path} -> {status}")
            if table_items() != before:
                COUNTS["partial writes"] += 1
                NOTES.append(f"fault {operation}: {method} {path} wrote items")


def time_limits(api: Api) -> None:
    """Hard instances with time_limit_s 2: back within 2.2 s, with the best solution found."""
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization

    _, key = create_organization("limits", 500)
    headers = headers_for(key)
    ft10 = json.loads((DATA / "ft10.json").read_text())
    berlin = json.loads((DATA / "berlin52.json").read_text())
    rng = random.Random(3)
    rows = [[rng.randint(0, 99) for _ in range(30)] for _ in range(4)]
    market_split = {"variables": [{"name": f"x{j}", "type": "binary"} for j in range(30)]
                    + [{"name": f"{side}{i}", "type": "integer"} for side in "st" for i in range(4)],
                    "constraints": [{"expression": " + ".join(f"{a}*x{j}" for j, a in enumerate(row))
                                     + f" + s{i} - t{i} == {sum(row) // 2}"} for i, row in enumerate(rows)],
                    "objective": {"expression": " + ".join(f"s{i} + t{i}" for i in range(4))}}
    cases = [("job_shop", {"machines": [f"M{m}" for m in range(ft10["num_machines"])],
                           "jobs": [{"name": f"J{j}", "operations": [{"machine": m, "duration": d} for m, d in job]}
                                    for j, job in enumerate(ft10["jobs"])]}),
             ("tsp", {"cities": [{"name": str(i), "x": x, "y": y} for i, (x, y) in enumerate(berlin["coordinates"])],
                      "metric": "euc_2d"})]
    options = {"time_limit_s": 2}
    for name, data in cases:
        _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for(name)}/activate", headers)
        started = time.perf_counter()
        status, result, _ = api.call("POST", f"/api/v2/models/{model['id']}/execute", headers,
                                     {"input_data": data, "options": options})
        _record_limit(name, time.perf_counter() - started, status, result)
    for solver in ("scip", "cp_sat"):
        started = time.perf_counter()
        status, result, _ = api.call("POST", "/api/v2/solve", headers,
                                     {"model": market_split, "solver": solver, "options": options})
        _record_limit(f"market split ({solver})", time.perf_counter() - started, status, result)


def large_async_input(api: Api) -> None:
    """A ~5 MB input through an async run: kept in S3, solved, and read back whole."""
    from chalicelib import events
    from chalicelib.services.organizations import create_organization
    from chalicelib.settings import get_settings
    from chalicelib.store import blobs

    _, key = create_organization("large", 10)
    size = 64_000  # 4.9 MB of JSON: just under the 5 MiB body limit
    model = {"variables": [{"name": f"x{i:06d}", "upper": 1} for i in range(size)],
             "objective": {"sense": "maximize",
                           "terms": [{"variable": f"x{i:06d}", "coefficient": i % 7 + 1} for i in range(size)]}}
    body = json.dumps({"model": model, "async": True})
    status, queued, _ = api.call("POST", "/api/v2/solve", headers_for(key), body)
    if status != 202:
        COUNTS["inputs lost"] += 1
        NOTES.append(f"large async input refused: {status} {queued}")
        return
    for _ in range(50):
        if "solved" in events.drain(get_settings().runs_queue):
            break
    _, record, _ = api.call("GET", f"/api/v2/executions/{queued['execution_id']}", headers_for(key))
    location = record.get("input_location") or ""
    stored = blobs.get_json(None, location.split("/", 3)[-1]) if location.startswith("s3://") else None
    expected = sum(i % 7 + 1 for i in range(size))
    whole = stored is not None and stored["model"]["variables"] == model["variables"]
    NOTES.append(f"large async input: {len(body) / 1e6:.2f} MB, {location[:40]}..., "
                 f"objective {record['result']['objective_value']} (expected {expected})")
    if status != 202 or not whole or record["result"]["objective_value"] != expected:
        COUNTS["inputs lost"] += 1


def _record_limit(name: str, seconds: float, status: int, result: dict) -> None:
    NOTES.append(f"time limit 2 s: {name} answered in {seconds:.2f} s with {result.get('status')} "
                 f"{result.get('objective_value')}")
    if status != 200 or seconds > 2.2 or result.get("status") not in ("feasible", "time_limit", "optimal"):
        COUNTS["time-limit overruns"] += 1


def main() -> int:
    from chalice.test import Client

    lock = threading.Lock()
    process_request = BotocoreStubber.process_request

    def one_at_a_time(self, request):  # DynamoDB is atomic per request; moto's memory store is not
        with lock:
            return process_request(self, request)

    BotocoreStubber.process_request = one_at_a_time
    with mock_aws():
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.settings import get_settings
        from chalicelib.store.blobs import create_bucket
        from chalicelib.store.queues import create_queues
        from chalicelib.store.table import create_table

        create_table(boto3.client("dynamodb"), get_settings().table_name)
        create_bucket(boto3.client("s3"), get_settings().bucket_name)
        create_queues(boto3.client("sqs"))
        publish_catalog()
        from app import app

        # Threads stand in for Lambdas: each gets its own current request, and os.environ is
        # left alone (chalice's test client otherwise shares one and swaps the other per call).
        with lambda_per_thread(), Client(app) as client:
            document = json.loads(client.http.get("/api/v2/openapi.json").body)
            api = Api(client, document)
            for scenario in (money, tenants, bad_input, store_faults, time_limits, large_async_input):
                started = time.perf_counter()
                scenario(api)
                NOTES.append(f"{scenario.__name__}: {time.perf_counter() - started:.1f} s")
            for module in hostile.modules():
                started = time.perf_counter()
                tried, got_through, notes = module.run(api)
                HOSTILE_ROWS.append((module.CLASS, tried, got_through))
                NOTES.extend(f"{module.CLASS}: {note}" for note in notes)
                NOTES.append(f"{module.CLASS}: {time.perf_counter() - started:.1f} s")
    width = max(map(len, COUNTS))
    print(f"{'measure':<{width}}  count")
    for name, count in COUNTS.items():
        print(f"{name:<{width}}  {count}")
    print()
    if HOSTILE_ROWS:
        width = max(len(name) for name, _, _ in HOSTILE_ROWS)
        print(f"{'hostile class':<{width}}  tried  got through")
        for name, tried, got_through in HOSTILE_ROWS:
            print(f"{name:<{width}}  {tried:>5}  {got_through:>11}")
        print()
    for note in NOTES:
        print(f"- {note}")
    failures = sum(count for name, count in COUNTS.items() if name != "requests sent")
    failures += sum(got_through for _, _, got_through in HOSTILE_ROWS)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
