"""Runs longer than a Lambda invocation can hold: handed to a task of their own.

A queued run whose time limit exceeds `lambda_run_limit_s` is not solved by the worker:
it marks the run handed off (once: a conditional write, so a redelivered message starts
no second task), starts `python -m chalicelib.long_run ORG EXECUTION` (a Fargate task,
launcher `ecs`; a local process under `make run`, launcher `process`) and returns, so
the message is consumed. The task claims the run with a lease covering its time limit
and solves it with the worker's own `solve_run`: status, cancel and refund stay in
DynamoDB as for every run.

Nothing then holds a queue message for the run but a watch: a message sent back to the
runs queue, delayed until the lease ends (at most 900 s, SQS's limit), that looks again.
A run past its lease (its task was killed, ran out of memory or never started) ends
`failed`, refunded; a canceled run whose task has not stopped within
`long_run_cancel_grace_s` ends `canceled`, refunded, and its task is stopped. Every end is
a write conditional on the status it leaves, so whichever of the task and the watch comes
second changes nothing and refunds nothing.
"""
from __future__ import annotations

import functools
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from chalicelib.clock import utc_now_iso
from chalicelib.settings import get_settings
from chalicelib.store import executions as store
from chalicelib.store import queues
from chalicelib.store.items import ExecutionItem

logger = logging.getLogger("jaot")

CONTAINER = "solver"
"""The container of the task definition that runs the command (deploy/)."""
ROOT = Path(__file__).resolve().parents[2]
STOPPED = "The run's task was stopped before the run ended; no credits were charged."
PAST_LEASE = "The run's task ended without finishing the run (stopped, or out of memory); no credits were charged."
NOT_STARTED = "The run's task did not start in time; no credits were charged."


def is_long(time_limit_s: float) -> bool:
    return time_limit_s > get_settings().lambda_run_limit_s


def command(execution: ExecutionItem) -> list[str]:
    return ["python", "-m", "chalicelib.long_run", execution.organization_id, execution.execution_id]


def hand_off(execution: ExecutionItem) -> str:
    """Give a queued run to a task of its own and watch it; returns what happened."""
    settings = get_settings()
    now = int(time.time())
    if not store.hand_off(execution, settings.long_run_launcher, utc_now_iso(), now + settings.long_run_start_grace_s):
        fresh = store.get_execution(execution.organization_id, execution.execution_id)
        if fresh is None or fresh.status in store.TERMINAL:
            return "done already"
        if fresh.launcher:
            return "handed off already"
        raise RuntimeError(f"run {execution.execution_id} could not be handed off ({fresh.status})")
    execution.refresh(consistent_read=True)
    try:
        where = launch(execution)
    except Exception as error:
        logger.exception("starting the task of long run %s failed", execution.execution_id)
        store.finish_execution(execution, "failed", utc_now_iso(), refund=int(execution.credits_charged or 0),
                               reason=f"The run's task could not be started ({_short(error)}); "
                                      "no credits were charged.", expected=("queued",))
        return "failed"
    queues.send_run(execution.organization_id, execution.execution_id, delay_s=_until(execution.lease_until, now))
    logger.info("long run %s handed to %s", execution.execution_id, where)
    return "handed off"


def launch(execution: ExecutionItem) -> str:
    """Start the run's task with the record's launcher and record where it runs."""
    if execution.launcher == "process":
        process_id = _start_process(execution)
        store.record_task(execution, process_id=process_id)
        return f"process {process_id}"
    task_arn = _run_task(execution)
    store.record_task(execution, task_arn=task_arn)
    return task_arn


def watch(execution: ExecutionItem) -> str:
    """A watch message of a handed-off run: look again at its lease's end, or end it."""
    now = int(time.time())
    lease_until = int(execution.lease_until or 0)
    if lease_until >= now:
        queues.send_run(execution.organization_id, execution.execution_id, delay_s=_until(lease_until, now))
        return "handed off"
    refund = int(execution.credits_charged or 0)
    if execution.cancel_requested:
        store.finish_execution(execution, "canceled", utc_now_iso(), refund=refund,
                               reason="canceled; its task was stopped", expected=store.ACTIVE)
        outcome = "canceled"
    else:
        logger.warning("long run %s is past its lease (%s): ending it failed, refunded",
                       execution.execution_id, execution.status,
                       extra={"execution_id": execution.execution_id, "past_lease": True})
        store.finish_execution(execution, "failed", utc_now_iso(), refund=refund,
                               reason=PAST_LEASE if execution.status == "running" else NOT_STARTED,
                               expected=store.ACTIVE)
        outcome = "failed"
    stop(execution, force=True)
    return outcome


def request_cancel(execution: ExecutionItem) -> bool:
    """Flag a running long run: its task stops the solver at its next check and ends the
    run `canceled` with the best solution found. Its lease is cut to the grace period, and a
    watch at its end stops a task that has not ended the run by then."""
    grace_s = get_settings().long_run_cancel_grace_s
    now = int(time.time())
    if not store.request_cancel(execution, lease_until=now + grace_s):
        return False
    queues.send_run(execution.organization_id, execution.execution_id, delay_s=grace_s + 1)
    return True


def stop(execution: ExecutionItem, *, force: bool = False) -> None:
    """Stop the run's task, if it has one (best effort: it may have ended already). ECS sends
    SIGTERM, then SIGKILL 30 s later; a local process gets SIGTERM, or SIGKILL if `force`."""
    try:
        if execution.task_arn:
            _ecs().stop_task(cluster=get_settings().long_run_cluster, task=execution.task_arn,
                             reason=f"JAOT: run {execution.execution_id} ended ({execution.status})"[:255])
        elif execution.process_id:
            _signal_process(execution, signal.SIGKILL if force else signal.SIGTERM)
    except Exception:
        logger.exception("stopping the task of long run %s failed", execution.execution_id)


def _run_task(execution: ExecutionItem) -> str:
    settings = get_settings()
    network = {"subnets": _names(settings.long_run_subnets),
               "assignPublicIp": "ENABLED" if settings.long_run_public_ip else "DISABLED"}
    if settings.long_run_security_groups:
        network["securityGroups"] = _names(settings.long_run_security_groups)
    reply = _ecs().run_task(
        cluster=settings.long_run_cluster, taskDefinition=settings.long_run_task_definition,
        launchType="FARGATE", count=1, networkConfiguration={"awsvpcConfiguration": network},
        overrides={"containerOverrides": [{"name": CONTAINER, "command": command(execution)}]},
        startedBy="jaot", clientToken=execution.execution_id,  # ECS starts one task per token
        tags=[{"key": "organization_id", "value": execution.organization_id},
              {"key": "execution_id", "value": execution.execution_id}],
    )
    tasks = reply.get("tasks") or []
    if not tasks:
        reasons = "; ".join(f"{failure.get('reason')} {failure.get('detail') or ''}".strip()
                            for failure in reply.get("failures") or []) or "no task"
        raise TaskNotStarted(f"ECS RunTask: {reasons}")
    return tasks[0]["taskArn"]


def _start_process(execution: ExecutionItem) -> int:
    """`make run`: the task is a process of its own session (a cancel stops its whole group),
    with this process's environment; a thread reaps it when it ends."""
    process = subprocess.Popen([sys.executable, *command(execution)[1:]], cwd=ROOT, env=os.environ.copy(),
                               stdin=subprocess.DEVNULL, start_new_session=True)
    threading.Thread(target=process.wait, name=f"reap:{execution.execution_id}", daemon=True).start()
    return process.pid


def process_running(execution: ExecutionItem) -> bool:
    """The run's local process still runs (a pid reused by another program does not count)."""
    process_id = int(execution.process_id or 0)
    if not process_id:
        return False
    proc = Path(f"/proc/{process_id}")
    if Path("/proc/self").exists():  # Linux: an ended (zombie) or reused pid has another cmdline
        try:
            return execution.execution_id.encode() in (proc / "cmdline").read_bytes()
        except OSError:
            return False
    try:
        os.kill(process_id, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _signal_process(execution: ExecutionItem, signum: int) -> None:
    """Signal the run's process group, if that process is still the run's."""
    if not process_running(execution):
        return
    try:
        os.killpg(int(execution.process_id), signum)
    except (ProcessLookupError, PermissionError):
        pass


@functools.cache
def _ecs() -> Any:
    import boto3

    return boto3.client("ecs")


def _names(comma_list: str) -> list[str]:
    return [name.strip() for name in comma_list.split(",") if name.strip()]


def _until(lease_until: Any, now: int) -> int:
    """Seconds until just past the lease (a watch message's delay, at most SQS's 900)."""
    return max(1, min(900, int(lease_until or 0) - now + 1))


class TaskNotStarted(RuntimeError):
    """ECS answered RunTask without a task: its failure reasons (RESOURCE:MEMORY, ...) are
    words the user may read."""


def _short(error: Exception) -> str:
    """What the run's `failure_reason` may say of a launch error: ECS's own reasons, or the
    SDK error's code (its message names the account's ARNs), or the type of anything else."""
    if isinstance(error, TaskNotStarted):
        return str(error)[:200]
    code = (getattr(error, "response", None) or {}).get("Error", {}).get("Code")
    return str(code)[:64] if code else type(error).__name__
