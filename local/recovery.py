"""What `make run` does at start for runs the previous process left unfinished.

Nothing of the old process survives: a queued run still has its message and is taken up
by the worker loop; a running one whose message survived has its lease released, so the
worker takes it up again at once (its attempts count, as for any redelivery); a run with no
message (a synchronous run cut off mid-solve: its caller never got an answer) ends
`failed`, refunded. No run stays `running`.

A long run (services/long_runs.py) runs in a process of its own, which needs this store:
`make run` stops those processes when it stops (`stop_long_runs`: each ends its run
`failed`, refunded), and a start ends any long run a killed service left behind the same
way, stopping its process if it outlived the service.
"""
from __future__ import annotations

import json
import time
from typing import Any, Iterable

from chalicelib.clock import utc_now_iso
from chalicelib.store import executions as store, keys
from chalicelib.store.items import ExecutionItem

LONG_RUN_INTERRUPTED = ("The local service stopped while this long run was in progress; "
                        "no credits were charged.")
INTERRUPTED = ("The local service stopped while this run was in progress and its caller was never "
               "answered; no credits were charged.")


def active_runs(dynamodb: Any, table_name: str) -> Iterable[ExecutionItem]:
    """Runs queued or running (a Scan: this runs once at start, never on a request path)."""
    pages = dynamodb.get_paginator("scan").paginate(
        TableName=table_name, ProjectionExpression="PK, SK",
        FilterExpression="begins_with(SK, :execution) AND #status IN (:queued, :running)",
        ExpressionAttributeNames={"#status": "status"},
        ExpressionAttributeValues={":execution": {"S": keys.EXECUTION_PREFIX},
                                   ":queued": {"S": "queued"}, ":running": {"S": "running"}})
    for page in pages:
        for item in page["Items"]:
            execution = ExecutionItem.get(item["PK"]["S"], item["SK"]["S"], consistent_read=True)
            if execution.status in store.ACTIVE:
                yield execution


def recover(dynamodb: Any, table_name: str, queued_bodies: list[str]) -> dict[str, int]:
    """Release or end every unfinished run; returns how many of each."""
    with_message = {_execution_id(body) for body in queued_bodies}
    counts = {"taken up again": 0, "ended failed": 0}
    for execution in active_runs(dynamodb, table_name):
        if execution.launcher:  # its process ended with the service (or is stopped now)
            from chalicelib.services import long_runs

            long_runs.stop(execution, force=True)
            if store.finish_execution(execution, "failed", utc_now_iso(), refund=int(execution.credits_charged or 0),
                                      reason=LONG_RUN_INTERRUPTED, expected=store.ACTIVE):
                counts["ended failed"] += 1
        elif execution.execution_id in with_message:
            if execution.status == "running":
                store.release_lease(execution)
            counts["taken up again"] += 1
        elif store.finish_execution(execution, "failed", utc_now_iso(), refund=int(execution.credits_charged or 0),
                                    reason=INTERRUPTED, expected=store.ACTIVE):
            counts["ended failed"] += 1
    return counts


def stop_long_runs(dynamodb: Any, table_name: str, grace_s: float) -> int:
    """SIGTERM to every long run's process: each stops its solver, ends its run `failed`,
    refunded, and exits. What has not within `grace_s` gets SIGKILL (the next start ends
    those runs). Returns how many were running."""
    from chalicelib.services import long_runs

    running = [execution for execution in active_runs(dynamodb, table_name)
               if execution.launcher == "process" and execution.process_id]
    for execution in running:
        long_runs.stop(execution)
    left = list(running)
    deadline = time.monotonic() + grace_s
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        for execution in list(left):
            execution.refresh(consistent_read=True)
            if execution.status in store.TERMINAL and not long_runs.process_running(execution):
                left.remove(execution)
    for execution in left:
        long_runs.stop(execution, force=True)
    return len(running)


def _execution_id(body: str) -> str | None:
    try:
        return json.loads(body).get("execution_id")
    except (ValueError, AttributeError):
        return None
