"""What a run costs us, per request and per run, for a few templates, set against the credits
it is charged.

Runs each template's example input through the real code path (HTTP routes through
chalice.test.Client, the worker's queue handler, moto in process) and reads the figures the
code logs for each request and message (chalicelib/costs.py: GB-seconds, DynamoDB units from
item sizes, S3 and SQS requests), then prices them at us-east-1 list prices.
Durations on this machine stand in for Lambda's (same code, different CPU): read the GB-s
columns as an order of magnitude, the unit and request counts as exact.
Run: .venv/bin/python bench/run_costs.py
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1",
                   "JAOT_TABLE_NAME": "jaot-bench", "JAOT_CONSUMED_CAPACITY": "estimated"})
os.environ.pop("AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", None)  # the template's 2048 MB

TEMPLATES = ("knapsack", "cvrp", "job_shop", "employee_shift_scheduling")

# us-east-1 list prices (x86, on-demand), as published (DynamoDB: the November 2024 prices).
LAMBDA_PER_GB_S = 0.0000166667
LAMBDA_PER_REQUEST = 0.20 / 1_000_000
DDB_PER_READ_UNIT = 0.125 / 1_000_000
DDB_PER_WRITE_UNIT = 0.625 / 1_000_000
S3_PER_PUT = 0.005 / 1000
S3_PER_GET = 0.0004 / 1000
SQS_PER_REQUEST = 0.40 / 1_000_000
FARGATE_PER_VCPU_HOUR = 0.04048
FARGATE_PER_GB_HOUR = 0.004445
LAMBDA_MEMORY_GB = 2.0


def dollars(figures: dict) -> float:
    return (figures["gb_seconds"] * LAMBDA_PER_GB_S + figures["invocations"] * LAMBDA_PER_REQUEST
            + figures["ddb_read_units"] * DDB_PER_READ_UNIT + figures["ddb_write_units"] * DDB_PER_WRITE_UNIT
            + figures["s3_put"] * S3_PER_PUT + figures["s3_get"] * S3_PER_GET
            + figures["sqs_requests"] * SQS_PER_REQUEST)


FIELDS = ("gb_seconds", "ddb_read_units", "ddb_write_units", "s3_get", "s3_put", "sqs_requests")


def summed(lines: list[dict]) -> dict:
    total = {name: sum(line[name] for line in lines) for name in FIELDS}
    total["invocations"] = len(lines)
    return total


def logged(action) -> tuple[object, list[dict]]:
    """Run `action`, returning its result and the per-request / per-message lines it logged."""
    from chalicelib import observability

    with observability.captured() as out:
        result = action()
    lines = [json.loads(text) for text in out.getvalue().splitlines() if text.startswith("{")]
    return result, [line for line in lines if "gb_seconds" in line]


def row(label: str, figures: dict) -> str:
    return (f"  {label:<28}{figures['gb_seconds']:>9.3f}{figures['ddb_read_units']:>7.1f}"
            f"{figures['ddb_write_units']:>7.1f}{figures['s3_get']:>5}{figures['s3_put']:>5}"
            f"{figures['sqs_requests']:>5}{dollars(figures) * 1e6:>12.2f}")


def main() -> None:
    import boto3
    from moto import mock_aws

    with mock_aws():
        from chalice.test import Client

        from app import app
        from chalicelib import events
        from chalicelib.ids import catalog_id_for
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.services.organizations import create_organization
        from chalicelib.settings import get_settings
        from chalicelib.store.blobs import create_bucket
        from chalicelib.store.executions import get_execution
        from chalicelib.store.queues import create_queues
        from chalicelib.store.table import create_table
        from chalicelib.templates import get_template
        from tests.api.helpers import Org, call

        create_table(boto3.client("dynamodb"), "jaot-bench")
        create_bucket(boto3.client("s3"), get_settings().bucket_name)
        create_queues(boto3.client("sqs"))
        publish_catalog()
        org = Org(*create_organization("Bench", 1_000_000))
        logged(lambda: None)
        runs_queue = get_settings().runs_queue
        print("Cost per request and per run (us-east-1 list prices; Lambda at 2048 MB; moto in process;")
        print("DynamoDB units from item sizes by DynamoDB's rules; durations are this machine's)")
        header = f"  {'':<28}{'GB-s':>9}{'RCU':>7}{'WCU':>7}{'GET':>5}{'PUT':>5}{'SQS':>5}{'micro-$':>12}"
        with Client(app) as client:
            for name in TEMPLATES:
                catalog_id = catalog_id_for(name)
                (_, model), _ = logged(lambda: call(client, "POST", f"/api/v2/models/catalog/{catalog_id}/activate", org))
                example = get_template(name).example_input
                path = f"/api/v2/models/{model['id']}/execute"
                logged(lambda: call(client, "POST", path, org, {"input_data": example}))  # warm: OR-Tools loaded
                (status, sync), sync_lines = logged(lambda: call(client, "POST", path, org, {"input_data": example}))
                assert status == 200, (name, status, sync)
                (status, queued), queue_lines = logged(
                    lambda: call(client, "POST", path, org, {"input_data": example, "async": True}))
                assert status == 202, (name, status, queued)
                outcomes, worker_lines = logged(lambda: events.drain(runs_queue))
                assert outcomes == ["solved"], outcomes
                (status, _), poll_lines = logged(
                    lambda: call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org))
                record = get_execution(org.id, queued["execution_id"])
                credits = get_template(name).credits_per_execution
                print(f"{name}: {credits} credits per execution; solve {sync['solve_time_ms']} ms, "
                      f"status {sync['status']}")
                print(header)
                print(row("sync run (1 request)", summed(sync_lines)))
                print(row("queue request (POST, 202)", summed(queue_lines)))
                print(row("worker message", summed(worker_lines)))
                print(row("status poll (GET)", summed(poll_lines)))
                queued_run = summed(queue_lines + worker_lines)
                print(row("queued run (request+worker)", queued_run))
                on_record = {"gb_seconds": float(record.cost_gb_seconds), "ddb_read_units": float(record.cost_ddb_read_units),
                             "ddb_write_units": float(record.cost_ddb_write_units), "s3_get": int(record.cost_s3_get),
                             "s3_put": int(record.cost_s3_put), "sqs_requests": int(record.cost_sqs_requests),
                             "invocations": 2}
                print(row("on the execution record", on_record))
                per_credit = dollars(queued_run) / credits if credits else float("nan")
                print(f"  queued run: ${dollars(queued_run):.7f} = ${per_credit:.7f} per credit charged")
    hour_lambda = 3600 * LAMBDA_MEMORY_GB * LAMBDA_PER_GB_S + LAMBDA_PER_REQUEST
    small = FARGATE_PER_VCPU_HOUR * 1 + FARGATE_PER_GB_HOUR * 2
    large = FARGATE_PER_VCPU_HOUR * 2 + FARGATE_PER_GB_HOUR * 4
    print("A 1-hour run (compute only; its DynamoDB/S3/SQS share is that of a short run plus the")
    print("cancel watcher's polls, one strongly consistent read per JAOT_CANCEL_POLL_S):")
    print(f"  Lambda 2048 MB, if it could run an hour (it stops at 15 min): ${hour_lambda:.4f}")
    print(f"  Fargate 1 vCPU / 2 GB: ${small:.4f}   Fargate 2 vCPU / 4 GB: ${large:.4f}")
    print(f"  (Lambda at 2048 MB gets ~1.2 vCPU; Fargate bills per second with a 1-minute minimum, "
          f"plus its image pull and start-up time)")


if __name__ == "__main__":
    main()
