"""Async runs and the scheduler.

1. Local worker (the `make run` path: moto's server over HTTP, the worker's drain loop):
   queue-to-start latency (enqueue returned -> worker claimed the run) and throughput in
   runs per second for a trivial LP, with one worker thread.
2. DynamoDB calls one scheduler tick makes with 10 and with 10,000 schedule triggers of
   which 5 are due (must not grow with the total), counted with a botocore hook on moto.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                   "AWS_DEFAULT_REGION": "us-east-1", "JAOT_TABLE_NAME": "jaot-bench"})
os.environ.pop("AWS_ENDPOINT_URL", None)

import boto3  # noqa: E402
import botocore.handlers  # noqa: E402

CALLS: Counter = Counter()
botocore.handlers.BUILTIN_HANDLERS.append(("before-call.dynamodb", lambda model, **_: CALLS.update([model.name])))

RUNS = int(os.environ.get("BENCH_RUNS", "200"))
TRIVIAL = {"variables": [{"name": "x", "upper": 4}, {"name": "y", "upper": 3}],
           "objective": {"sense": "maximize", "expression": "3*x + 2*y"}}


def set_up_store() -> None:
    from chalicelib.services.catalog import publish_catalog
    from chalicelib.settings import get_settings
    from chalicelib.store.blobs import create_bucket
    from chalicelib.store.queues import create_queues
    from chalicelib.store.table import create_table

    get_settings.cache_clear()
    create_table(boto3.client("dynamodb"), get_settings().table_name)
    create_bucket(boto3.client("s3"), get_settings().bucket_name)
    create_queues(boto3.client("sqs"))
    publish_catalog()


def worker_benchmark() -> None:
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=int(os.environ.get("BENCH_STORE_PORT", "4577")),
                                verbose=False)
    server.start()
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{server._port}"
    try:
        set_up_store()
        from chalicelib import events
        from chalicelib.schemas.solve import SolveRequest
        from chalicelib.services import solve
        from chalicelib.services.auth import Caller
        from chalicelib.services.executions import Dispatch
        from chalicelib.services.organizations import create_organization
        from chalicelib.settings import get_settings
        from chalicelib.store import executions as store

        claimed_at: dict[str, float] = {}
        claim = store.claim

        def timed_claim(execution, *args, **kwargs):
            won = claim(execution, *args, **kwargs)
            claimed_at[execution.execution_id] = time.perf_counter()
            return won

        store.claim = timed_claim
        org_id, _ = create_organization("bench", RUNS * 2)
        caller = Caller(org_id, "bench")
        request = SolveRequest.model_validate({"model": TRIVIAL})
        queue = get_settings().runs_queue

        # Latency: one run at a time, the worker polling as make run's loop does.
        latencies = []
        for _ in range(20):
            queued = solve.solve(caller, request, Dispatch(run_async=True))
            enqueued = time.perf_counter()
            while queued.execution_id not in claimed_at:
                events.drain(queue, max_messages=1)
            latencies.append((claimed_at[queued.execution_id] - enqueued) * 1000)
        # Throughput: RUNS queued, then drained by one worker thread.
        for _ in range(RUNS):
            solve.solve(caller, request, Dispatch(run_async=True))
        started, done = time.perf_counter(), 0
        while done < RUNS:
            done += sum(outcome == "solved" for outcome in events.drain(queue, max_messages=10))
        seconds = time.perf_counter() - started
        print(f"local worker (moto server over HTTP, 1 worker thread, trivial LP, {RUNS} runs)")
        print(f"  queue-to-start latency: median {statistics.median(latencies):.1f} ms, "
              f"max {max(latencies):.1f} ms (20 runs, worker polling without waits)")
        print(f"  throughput: {RUNS / seconds:.1f} runs/s ({seconds * 1000 / RUNS:.1f} ms per run)")
    finally:
        os.environ.pop("AWS_ENDPOINT_URL", None)
        server.stop()


def tick_benchmark() -> None:
    from moto import mock_aws

    print("scheduler tick: DynamoDB calls (5 due triggers; each fires a queued run)")
    results = {}
    for total in (10, 10_000):
        with mock_aws():
            set_up_store()
            from chalicelib.ids import catalog_id_for
            from chalicelib.services import org_models, trigger_events
            from chalicelib.services.auth import Caller
            from chalicelib.services.organizations import create_organization
            from chalicelib.store import triggers as trigger_store

            org_id, _ = create_organization("bench", 1000)
            caller = Caller(org_id, "bench")
            model = org_models.activate(caller, catalog_id_for("knapsack"))
            from chalicelib.templates import get_template

            example = get_template("knapsack").example_input
            now = datetime.now(timezone.utc).replace(microsecond=0)
            with trigger_store.TriggerItem.batch_write() as batch:
                for index in range(total):
                    due = index < 5
                    at = (now - timedelta(minutes=1) if due else now + timedelta(hours=1 + index % 100))
                    at_iso = at.strftime("%Y-%m-%dT%H:%M:%SZ")
                    item = trigger_store.new_trigger(
                        org_id, f"trg_bench{index:011d}", name=f"t{index}", type="schedule", model_id=model.id,
                        input_data=example, input_from_event=False, options={},
                        schedule_expression="rate(1 hour)", schedule_anchor=at_iso, next_run_at=at_iso,
                        secret="whsec_bench", is_enabled=True, created_at=at_iso, updated_at=at_iso)
                    for name, value in trigger_store.schedule_keys(item).items():
                        setattr(item, name, value)
                    batch.save(item)
            CALLS.clear()
            fired = trigger_events.fire_due_schedules(now)
            results[total] = (fired, sum(CALLS.values()), dict(CALLS))
    for total, (fired, calls, detail) in results.items():
        print(f"  {total:>6} triggers: fired {fired}, {calls} DynamoDB calls ({calls / max(fired, 1):.1f} per firing) "
              f"{detail}")
    small, large = results[10][1], results[10_000][1]
    print(f"  ratio 10,000 / 10 triggers: {large / small:.2f}x")


if __name__ == "__main__":
    # Each part in its own process: clients cached by one (pointing at moto's server) must
    # not leak into the other (moto's in-process mock).
    if sys.argv[1:] == ["worker"]:
        worker_benchmark()
    elif sys.argv[1:] == ["tick"]:
        tick_benchmark()
    else:
        import subprocess

        for part in ("worker", "tick"):
            subprocess.run([sys.executable, __file__, part], check=True)
