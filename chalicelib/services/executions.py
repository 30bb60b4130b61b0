"""Starting a run: validate, charge, then solve now or queue it for a worker.

Every run takes one of two paths from a PreparedRun (what to solve and what it costs):
`sync` debits and records it `running`, solves in the request and stores the result;
`async` debits and records it `queued`, and a worker (services/worker.py) solves it.
Either way a run is charged once, and a run that ends in a solver error or a cancel
is refunded in the same transaction that records its end.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from chalicelib import costs, ids, observability
from chalicelib.clock import utc_now_iso
from chalicelib.engine import deadline
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import InputError, SolveOutcome, finite_or_error
from chalicelib.errors import BadRequest, InsufficientCredits
from chalicelib.schemas.executions import QueuedRun
from chalicelib.schemas.results import OptimizationResult
from chalicelib.services import run_specs
from chalicelib.services.auth import Caller
from chalicelib.settings import get_settings
from chalicelib.store import blobs, queues
from chalicelib.store import executions as store
from chalicelib.store import organizations as organization_store
from chalicelib.store.items import ExecutionItem
from chalicelib.store.transactions import with_retries

logger = logging.getLogger("jaot")

PROVENANCE = ("model_id", "document_id", "version_id", "sequence")


@dataclass(frozen=True)
class Dispatch:
    """How a run starts: in this request, or queued (by the caller or by a trigger)."""

    run_async: bool = False
    trigger_id: str | None = None
    callback_url: str | None = None
    result_key: str | None = None
    """S3 key the worker writes the result to (a storage trigger's input sits beside it)."""


SYNC = Dispatch()


@dataclass
class PreparedRun:
    """A validated run: what it costs, what to solve, and what to record about it."""

    cost: int
    spec: run_specs.TemplateSpec | run_specs.LinearSpec | run_specs.TextSpec
    raw_input: Any
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    """kind, model_id, document_id, version_id, sequence, catalog_id, template."""
    solve: Callable[[], SolveOutcome] | None = None
    """An in-process solve of the already compiled model; defaults to solving `spec`."""

    @property
    def options(self) -> RunOptions:
        return self.spec.options


def start(caller: Caller, run: PreparedRun, dispatch: Dispatch = SYNC) -> OptimizationResult | QueuedRun:
    queued = bool(dispatch.run_async or dispatch.trigger_id)
    fit_time_limit(run.options, queued=queued)
    if queued:
        return enqueue(caller, run, dispatch)
    return record_run(caller, run)


def record_run(caller: Caller, run: PreparedRun) -> OptimizationResult:
    """Charge, solve, store. The debit and the `running` record are one transaction; the
    result and any refund (a solver error is not charged) are another."""
    created_at = utc_now_iso()
    execution = _new_record(caller, run, "running", created_at, Dispatch())
    execution.attempts = 1
    execution.started_at = created_at
    _debit(caller, execution, run.cost)
    outcome = solve_safely(run.solve or (lambda: run_specs.solve(run.spec)), run.label, run.options.time_limit_s)
    return finish(execution, outcome, canceled=False)


def enqueue(caller: Caller, run: PreparedRun, dispatch: Dispatch) -> QueuedRun:
    """Charge and queue. If the queue refuses the message the run fails at once and is
    refunded: nothing is left charged and waiting for a message that will never come."""
    created_at = utc_now_iso()
    execution = _new_record(caller, run, "queued", created_at, dispatch)
    spec_blob = blobs.put_json(run.spec.model_dump(mode="json"), f"executions/{caller.organization_id}/runs")
    execution.run_gz, execution.run_s3 = spec_blob.inline, spec_blob.s3_key
    _debit(caller, execution, run.cost)
    try:
        queues.send_run(caller.organization_id, execution.execution_id)
    except Exception:
        logger.exception("queueing run %s failed", execution.execution_id)
        with_retries(lambda: store.finish_execution(
            execution, "failed", utc_now_iso(), refund=run.cost,
            reason="The run could not be queued; no credits were charged.", expected=("queued",)))
        raise
    return QueuedRun(execution_id=execution.execution_id, status="queued")


def finish(execution: ExecutionItem, outcome: SolveOutcome, *, canceled: bool) -> OptimizationResult:
    """Record the end of a running run; a solver error or a cancel is refunded."""
    cost = int(execution.credits_charged or 0)
    charged = 0 if canceled or outcome.status == "error" else cost
    provenance = {key: getattr(execution, key) for key in PROVENANCE}
    if provenance["sequence"] is not None:
        provenance["sequence"] = int(provenance["sequence"])
    result = OptimizationResult(**outcome.model_dump(), **provenance, execution_id=execution.execution_id,
                                credits_used=charged, created_at=execution.created_at)
    stored = blobs.put_json(result.model_dump(mode="json"), f"executions/{execution.organization_id}/results")
    status = "canceled" if canceled else "failed" if outcome.status == "error" else "succeeded"
    usage = _run_usage(execution)
    recorded = with_retries(lambda: store.finish_execution(
        execution, status, utc_now_iso(),
        result_fields={"result_gz": stored.inline, "result_s3": stored.s3_key},
        summary={"credits_used": charged, "solve_status": outcome.status,
                 "solve_time_ms": outcome.solve_time_ms},
        refund=cost - charged,
        reason="canceled while running" if canceled else outcome.message if status == "failed" else None,
        usage=usage,
    ))
    observability.bind(execution_id=execution.execution_id)
    if recorded:
        _run_metrics(execution, status, outcome, charged)
    return result


def _run_usage(execution: ExecutionItem) -> costs.Usage | None:
    """What the run has cost up to its final write: this request or message, plus (a queued
    run) what the request that queued it left on the record."""
    scope = costs.current()
    if scope is None:
        return None
    usage = scope.snapshot()
    return costs.from_record(execution).add(usage) if execution.is_async else usage


def _run_metrics(execution: ExecutionItem, status: str, outcome: SolveOutcome, charged: int) -> None:
    template = execution.template or execution.kind or "unknown"
    observability.metric("Runs", 1, Template=template, Status=status)
    observability.metric("SolveSeconds", (outcome.solve_time_ms or 0) / 1000, "Seconds", Template=template)
    observability.metric("CreditsCharged", charged)
    attempts = int(execution.attempts or 0)
    if attempts > 1:
        observability.metric("RunsPastLease", 1)  # a worker died holding it; another took it over
    elif execution.is_async:
        observability.metric("QueueToStartSeconds", _queue_to_start_s(execution), "Seconds")


def _queue_to_start_s(execution: ExecutionItem) -> float:
    """SQS's send time to this worker's start when known (Lambda), else the record's
    created_at to started_at (second precision)."""
    active = observability.current()
    if active is not None and active.queued_at_s is not None:
        return max(0.0, active.started_at_s - active.queued_at_s)
    created = datetime.fromisoformat(execution.created_at.replace("Z", "+00:00"))
    started = datetime.fromisoformat((execution.started_at or execution.created_at).replace("Z", "+00:00"))
    return max(0.0, (started - created).total_seconds())


def solve_safely(solve: Callable[[], SolveOutcome], label: str, time_limit_s: float) -> SolveOutcome:
    """Run the solve within `time_limit_s` counted from now (loading OR-Tools included); a
    crash or a result that is not finite (NaN, infinity) becomes an `error` result (and a
    refund), not a 500 or a body JSON cannot carry."""
    started = time.perf_counter()
    try:
        with deadline.running(time_limit_s):
            outcome = finite_or_error(solve())
        if outcome.status == "error" and not outcome.message:
            outcome.message = "The solver failed on this input; no credits were charged."
        return outcome
    except InputError as error:
        message = f"The input cannot be solved: {error}"
    except Exception:
        logger.exception("solve of %s failed", label)
        message = "The solver failed on this input; no credits were charged."
    return SolveOutcome(status="error", solver="none", message=message,
                        solve_time_ms=int((time.perf_counter() - started) * 1000))


def _new_record(caller: Caller, run: PreparedRun, status: str, created_at: str,
                dispatch: Dispatch) -> ExecutionItem:
    packed_input = blobs.put_json(run.raw_input, f"executions/{caller.organization_id}/inputs")
    return store.new_execution(
        caller.organization_id, ids.sortable_id(ids.EXECUTION), status=status,
        status_history=[store.change(status, created_at)], credits_charged=run.cost,
        credits_used=run.cost, started_by=dispatch.trigger_id or caller.principal,
        is_async=status == "queued", trigger_id=dispatch.trigger_id, callback_url=dispatch.callback_url,
        result_key=dispatch.result_key,
        input_gz=packed_input.inline, input_s3=packed_input.s3_key, created_at=created_at,
        **run.attributes,
    )


def _debit(caller: Caller, execution: ExecutionItem, cost: int) -> None:
    if not store.start_execution(execution, cost):
        organization = organization_store.get_organization(caller.organization_id)
        balance = int(organization.credits) if organization else 0
        raise InsufficientCredits(f"This run costs {cost} credits; the balance is {balance}.",
                                  {"required": cost, "balance": balance})


def fit_time_limit(options: RunOptions, *, queued: bool = False, can_queue: bool = True) -> None:
    """A time limit above this deployment's maximum is a 400 when asked for; the default
    (10 s) is lowered to the maximum instead, so a run that asks nothing is never refused.
    A run answered in its request has the smaller maximum an API call can hold; a queued
    run may take up to `max_time_limit_s` (beyond what Lambda holds, in a task of its own)."""
    settings = get_settings()
    limit = settings.max_time_limit_s if queued else settings.sync_time_limit_s
    if options.time_limit_s <= limit:
        return
    if "time_limit_s" in options.model_fields_set:
        if queued or not can_queue or limit >= settings.max_time_limit_s:
            message = f"options.time_limit_s may be at most {limit:g} seconds."
        else:
            message = (f"options.time_limit_s may be at most {limit:g} seconds for a run answered in its "
                       f"request; queue the run (\"async\": true) for up to {settings.max_time_limit_s:g} seconds.")
        raise BadRequest(message, [{"field": "options.time_limit_s", "message": f"at most {limit:g}"}])
    options.time_limit_s = limit
    options.model_fields_set.discard("time_limit_s")
