"""Versions: DynamoDB calls for list/get/create/restore with 10 and 5,000 versions in a
document (must not grow), and bytes stored per version of a 200-node canvas.

Counted with a botocore `before-call.dynamodb` hook on moto. History is bulk-loaded
as named versions (so retention keeps all of them).
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
botocore.handlers.BUILTIN_HANDLERS.append(("before-call.dynamodb", lambda model, **_: CALLS.update([model.name])))


def canvas_of(nodes: int, salt: int = 0) -> dict:
    variables = [{"id": f"v{i}", "type": "variable", "data": {"name": f"x{i}", "upper": 100},
                  "position": {"x": i * 40, "y": 0}} for i in range(nodes // 2)]
    constraints = [{"id": f"c{i}", "type": "constraint",
                    "data": {"name": f"row{i}", "expression": f"x{i} + 2*x{(i + 1) % (nodes // 2)} <= {50 + salt}"},
                    "position": {"x": i * 40, "y": 200}} for i in range(nodes // 2 - 1)]
    objective = [{"id": "o", "type": "objective",
                  "data": {"sense": "maximize", "expression": " + ".join(f"x{i}" for i in range(nodes // 2))}}]
    return {"nodes": variables + constraints + objective, "edges": []}


def bulk_history(org_id: str, doc_id: str, total: int) -> None:
    """Write versions 1..total straight into the table, as checkpoints would leave them."""
    from chalicelib import ids
    from chalicelib.clock import utc_now_iso
    from chalicelib.store import blobs, documents
    from chalicelib.store.items import DocumentItem, VersionBlobItem, VersionItem

    document = documents.get_document(org_id, doc_id)
    start = int(document.last_sequence or 0) + 1
    blob_value = blobs.put_json(canvas_of(20), "bench")
    last_id = None
    with VersionItem.batch_write() as metas, VersionBlobItem.batch_write() as blob_items:
        for sequence in range(start, total + 1):
            last_id = ids.version_id(sequence)
            meta, blob, _ = documents.version_items(org_id, doc_id, sequence, version_id=last_id, is_named=True,
                                                    version_name=f"v{sequence}", canvas_hash=f"h{sequence}",
                                                    change_summary="Modified 1 constraint", created_at=utc_now_iso())
            documents.set_blob(blob, "canvas", blob_value)
            metas.save(meta)
            blob_items.save(blob)
    document.update(actions=[DocumentItem.last_sequence.set(total), DocumentItem.latest_version_id.set(last_id),
                             DocumentItem.latest_hash.set(f"h{total}")])


def main() -> None:
    with mock_aws():
        from chalice.test import Client

        from app import app
        from chalicelib.services.organizations import create_organization
        from chalicelib.settings import get_settings
        from chalicelib.store.blobs import create_bucket
        from chalicelib.store.table import create_table
        from tests.api.helpers import Org, call

        create_table(boto3.client("dynamodb"), "jaot-bench")
        create_bucket(boto3.client("s3"), get_settings().bucket_name)
        org = Org(*create_organization("Bench", 1_000))
        results = {}
        with Client(app) as client:
            _, doc = call(client, "POST", "/api/v2/builder", org, {"name": "Bench", "canvas_json": canvas_of(20)})
            d = doc["id"]
            for size in (10, 5_000):
                bulk_history(org.id, d, size)
                _, listed = call(client, "GET", f"/api/v2/builder/{d}/versions?limit=1", org)
                target = listed[0]["id"]
                requests = [
                    ("list (limit 50)", "GET", f"/api/v2/builder/{d}/versions", None),
                    ("get", "GET", f"/api/v2/builder/{d}/versions/{target}", None),
                    ("create checkpoint", "POST", f"/api/v2/builder/{d}/versions", {"canvas_json": canvas_of(20, size)}),
                    ("restore", "POST", f"/api/v2/builder/{d}/versions/{target}/restore",
                     {"current_canvas_json": canvas_of(20, size + 1)}),
                ]
                counts = {}
                for label, method, path, body in requests:
                    CALLS.clear()
                    status, _ = call(client, method, path, org, body)
                    assert status < 300, (label, status)
                    counts[label] = sum(CALLS.values())
                results[size] = counts

            import gzip
            import json

            from chalicelib.engine.canvas import compile_canvas
            canvas = canvas_of(200)
            raw = len(json.dumps(canvas).encode())
            stored = len(gzip.compress(json.dumps(canvas, separators=(",", ":")).encode(), 6))
            model = len(gzip.compress(json.dumps(compile_canvas(canvas), separators=(",", ":")).encode(), 6))

    print("DynamoDB calls per versions request (botocore hook, moto)")
    print(f"{'request':<20}{'10 versions':>13}{'5,000 versions':>16}")
    for label in results[10]:
        print(f"{label:<20}{results[10][label]:>13}{results[5_000][label]:>16}")
    print(f"200-node canvas: {raw:,} bytes as JSON; stored per version: canvas {stored:,} B + model {model:,} B "
          f"gzip ({(stored + model) / raw:.1%} of the raw canvas), plus ~300 B of metadata")
    assert results[10] == results[5_000], "call counts grew with the history"


if __name__ == "__main__":
    main()
