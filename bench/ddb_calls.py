"""DynamoDB calls per request, with 100 and with 10,000 items in the table.

Counted with a botocore `before-call.dynamodb` event hook, on moto. The counts
must not change with the table's size: every request path is key-addressed.
Run: make bench (or .venv/bin/python bench/ddb_calls.py).
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                   "AWS_DEFAULT_REGION": "us-east-1", "JAOT_TABLE_NAME": "jaot-bench"})
os.environ.pop("AWS_ENDPOINT_URL", None)

import boto3  # noqa: E402
import botocore.handlers  # noqa: E402
from moto import mock_aws  # noqa: E402

CALLS: Counter = Counter()


def _count(model, **_):
    CALLS[model.name] += 1


botocore.handlers.BUILTIN_HANDLERS.append(("before-call.dynamodb", _count))


def fill(target: int, organization_id: str) -> None:
    """Top the table up to `target` items: other tenants' models and this org's executions."""
    from chalicelib.clock import utc_now_iso
    from chalicelib.store.executions import new_execution
    from chalicelib.store.items import ExecutionItem, OrgModelItem
    from chalicelib.store.org_models import new_org_model

    client = boto3.client("dynamodb")
    current = sum(1 for _ in _all_items(client))
    now = utc_now_iso()
    with OrgModelItem.batch_write() as models, ExecutionItem.batch_write() as executions:
        for n in range(current, target):
            if n % 2:
                executions.save(new_execution(organization_id, f"exc_fill{n:08d}", status="succeeded",
                                              started_by="bench", created_at=now, credits_used=1))
            else:
                models.save(new_org_model(f"org_fill{n % 97:04d}", f"exe_fill{n:08d}",
                                          name=f"filler_{n}", display_name="Filler", credits_per_execution=1,
                                          generator_type="template", created_at=now, updated_at=now))


def _all_items(client):
    for page in client.get_paginator("scan").paginate(TableName="jaot-bench", Select="COUNT"):
        yield from range(page["Count"])


def measure(client, org, requests) -> dict[str, int]:
    from tests.api.helpers import call

    counts = {}
    for label, method, path, body in requests:
        CALLS.clear()
        status, _ = call(client, method, path, org, body)
        assert status < 400, (label, status)
        counts[label] = sum(CALLS.values())
    return counts


def main() -> None:
    with mock_aws():
        from chalice.test import Client

        from app import app
        from chalicelib.ids import catalog_id_for
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.services.organizations import create_organization
        from chalicelib.store.table import create_table
        from chalicelib.templates import get_template
        from tests.api.helpers import Org, call

        create_table(boto3.client("dynamodb"), "jaot-bench")
        publish_catalog()
        org = Org(*create_organization("Bench", 1_000_000))
        with Client(app) as client:
            _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
            for i in range(5):
                call(client, "POST", "/api/v2/models", org, {"name": f"private_{i}", "generator_type": "template"})
            example = get_template("warehouse_allocation").example_input
            requests = [
                ("catalog page", "GET", "/api/v2/models/catalog?page_size=10", None),
                ("list models", "GET", "/api/v2/models?search=private", None),
                ("get model", "GET", f"/api/v2/models/{model['id']}", None),
                ("model schema", "GET", f"/api/v2/models/{model['id']}/schema", None),
                ("activate (again)", "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", None),
                ("execute", "POST", f"/api/v2/models/{model['id']}/execute", {"input_data": example}),
            ]
            results = {}
            for size in (100, 10_000):
                fill(size, org.id)
                results[size] = measure(client, org, requests)
        print("DynamoDB calls per request (botocore before-call hook, moto)")
        print(f"{'request':<20}{'100 items':>12}{'10,000 items':>14}{'ratio':>8}")
        for label, *_ in requests:
            small, large = results[100][label], results[10_000][label]
            print(f"{label:<20}{small:>12}{large:>14}{large / small:>8.2f}")
        assert results[100] == results[10_000], "call counts grew with the table"


if __name__ == "__main__":
    main()
