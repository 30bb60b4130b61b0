"""Solving queued runs: the SQS handler in AWS, the worker loop of `make run` locally.

A message only names a run; the execution record says what to solve. A worker claims
the run with a lease (conditional update), so a second delivery of the same message
does nothing while the first worker lives, and takes over once its lease has run out
(the first worker died). Credits were debited when the run was queued, so a redelivery
never charges again. After `max_run_deliveries` the run ends `failed`, refunded.
A run whose time limit Lambda cannot hold is handed to a task of its own instead, which
solves it with the same `solve_run` (services/long_runs.py).
"""
from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

from chalicelib import observability
from chalicelib.clock import utc_now_iso
from chalicelib.engine import interrupt
from chalicelib.engine.result import SolveOutcome
from chalicelib.services import executions, long_runs, run_specs
from chalicelib.settings import get_settings
from chalicelib.store import blobs
from chalicelib.store import executions as store
from chalicelib.store.items import ExecutionItem

logger = logging.getLogger("jaot")

LEASE_MARGIN_S = 120
"""A worker owns a run for its time limit plus this margin (model building, storing)."""


class RunStillLeased(Exception):
    """Another worker holds the run: leave the message for a later delivery."""


def process_run_message(body: str) -> str:
    """Handle one queue message; returns what happened (for logs and tests)."""
    try:
        message = json.loads(body)
        organization_id, execution_id = message["organization_id"], message["execution_id"]
    except (ValueError, KeyError, TypeError):
        logger.error("dropping malformed run message (%s)", observability.fingerprint(body))  # never its content
        return "malformed"
    execution = store.get_execution(organization_id, execution_id)
    if execution is None or execution.status in store.TERMINAL:
        return "done already"
    if execution.launcher:  # a task of its own runs it: this message watches its lease
        return long_runs.watch(execution)
    settings = get_settings()
    if int(execution.attempts or 0) >= settings.max_run_deliveries:
        return _give_up(execution, f"The run was started {int(execution.attempts)} times and no worker "
                                   "finished it; no credits were charged.")
    now = int(time.time())
    if execution.cancel_requested and not _leased(execution, now):
        _end_canceled(execution)
        return "canceled"
    spec = run_specs.parse(blobs.get_json(execution.run_gz, execution.run_s3))
    if long_runs.is_long(spec.options.time_limit_s):
        return long_runs.hand_off(execution)
    return solve_run(execution, spec)


def solve_run(execution: ExecutionItem, spec: Any, stop: interrupt.StopSignal | None = None) -> str:
    """Claim the run with a lease that covers its time limit, solve it while watching for a
    cancel, record its end, write the result and call back: the worker for a run Lambda can
    hold, the long-run task (chalicelib/long_run.py) for one it cannot. `stop`, when given,
    is the task's own signal (SIGTERM): a run stopped by it, not by a cancel, ends `failed`."""
    organization_id, execution_id = execution.organization_id, execution.execution_id
    now = int(time.time())
    if not store.claim(execution, utc_now_iso(), now, int(spec.options.time_limit_s) + LEASE_MARGIN_S):
        fresh = store.get_execution(organization_id, execution_id)
        if fresh is None or fresh.status in store.TERMINAL:
            return "done already"
        if fresh.cancel_requested and not _leased(fresh, now):
            _end_canceled(fresh)
            return "canceled"
        raise RunStillLeased(execution_id)  # its worker lives (or a claim raced ours): later
    execution.refresh(consistent_read=True)
    signal = stop or interrupt.StopSignal()
    watcher = _CancelWatcher(execution, signal, get_settings().cancel_poll_s)
    watcher.start()
    try:
        with interrupt.watching(signal):
            outcome = executions.solve_safely(lambda: run_specs.solve(spec), execution.template or execution.kind,
                                              spec.options.time_limit_s)
    finally:
        watcher.finish()
    canceled = watcher.saw_cancel
    if signal.stopped and not canceled:
        outcome = SolveOutcome(status="error", solver=outcome.solver, solve_time_ms=outcome.solve_time_ms,
                               message=long_runs.STOPPED)
    result = executions.finish(execution, outcome, canceled=canceled)
    payload = result.model_dump(mode="json")
    if execution.result_key:
        blobs.put_plain_json(execution.result_key, payload)
    _notify(execution, payload)
    return "canceled" if canceled else "stopped" if signal.stopped else "solved"


def process_dead_letter(body: str) -> str:
    """A message SQS gave up on: the run ends failed and refunded, unless it already ended
    or is a long run whose task still holds it (its watch goes on)."""
    try:
        message = json.loads(body)
        execution = store.get_execution(message["organization_id"], message["execution_id"])
    except (ValueError, KeyError, TypeError):
        return "malformed"
    if execution is None or execution.status in store.TERMINAL:
        return "done already"
    if execution.launcher:  # a watch of a long run: its task may hold the run still
        return long_runs.watch(execution)
    return _give_up(execution, "The run could not be processed after repeated deliveries; "
                               "no credits were charged.")


def _leased(execution: ExecutionItem, now: int) -> bool:
    """A live worker owns the run: it will end it, cancel included."""
    return execution.status == "running" and int(execution.lease_until or 0) >= now


def _give_up(execution: ExecutionItem, reason: str) -> str:
    store.finish_execution(execution, "failed", utc_now_iso(), refund=int(execution.credits_charged or 0),
                           reason=reason, expected=store.ACTIVE)
    return "failed"


def _end_canceled(execution: ExecutionItem) -> None:
    store.finish_execution(execution, "canceled", utc_now_iso(), refund=int(execution.credits_charged or 0),
                           reason="canceled", expected=store.ACTIVE)


def _notify(execution: ExecutionItem, result: dict[str, Any]) -> None:
    """POST the result to the trigger's callback_url, signed; the attempts go on the record."""
    if not execution.callback_url or not execution.trigger_id:
        return
    from chalicelib.services import callbacks, triggers
    from chalicelib.store import triggers as trigger_store

    trigger = trigger_store.get_trigger(execution.organization_id, execution.trigger_id)
    if trigger is None:
        return
    payload = {"execution_id": execution.execution_id, "trigger_id": execution.trigger_id,
               "status": "succeeded" if result.get("status") != "error" else "failed", "result": result}
    try:
        attempts = callbacks.deliver(execution.callback_url, payload, trigger.secret,
                                     base_delay_s=get_settings().callback_base_delay_s,
                                     allow_http_hosts=triggers.callback_http_hosts())
    except ValueError as error:
        attempts = []
        logger.warning("callback for %s not sent: %s", execution.execution_id, error)
    store.record_deliveries(execution, [attempt.model_dump(mode="json") for attempt in attempts])


class _CancelWatcher:
    """Polls the record while the solve runs; a cancel request stops the solver."""

    def __init__(self, execution: ExecutionItem, signal: interrupt.StopSignal, every_s: float):
        self._execution, self._signal, self._every_s = execution, signal, every_s
        self._done = threading.Event()
        self.saw_cancel = False
        """A cancel request stopped the solve (not the task's own stop signal)."""
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def finish(self) -> None:
        self._done.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._done.wait(self._every_s):
            if self._signal.stopped:
                self._signal.repeat()  # until the solve returns
                continue
            try:
                if store.is_cancel_requested(self._execution):
                    self.saw_cancel = True
                    self._signal.stop()
            except Exception:  # a failed poll must not kill the run
                logger.exception("cancel poll failed for %s", self._execution.execution_id)
