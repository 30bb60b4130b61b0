"""Execution records, their lifecycle transitions, and the credit movements that go with them.

Every transition is conditional on the status it leaves, so a redelivered queue message,
a cancel racing a worker or two workers on one run can never charge or finish a run twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from pynamodb.exceptions import DoesNotExist, TransactWriteError, UpdateError

from chalicelib import costs
from chalicelib.store import keys
from chalicelib.store.items import ExecutionItem, OrganizationItem, StatusChange
from chalicelib.store.transactions import condition_failed, transaction

ORGANIZATION_ITEM_BYTES = 200
"""About what an organization item holds (id, name, credits): one write unit."""
FINISH_ATTRIBUTES_BYTES = 300
"""What finishing adds to a record besides its result: status, history entry, summary, costs."""

ACTIVE = ("queued", "running")
TERMINAL = ("succeeded", "failed", "canceled")


def change(status: str, at: str, reason: str | None = None) -> StatusChange:
    return StatusChange(status=status, at=at, reason=reason)


def new_execution(organization_id: str, execution_id: str, **attributes: Any) -> ExecutionItem:
    return ExecutionItem(keys.org_pk(organization_id), keys.execution_sk(execution_id),
                         organization_id=organization_id, execution_id=execution_id, **attributes)


def start_execution(execution: ExecutionItem, cost: int) -> bool:
    """Debit `cost` credits and record the run (queued or running) in one transaction.

    Returns False, writing nothing, when the balance is below `cost`. The record carries what
    the request has cost so far, this transaction included (a queued run's worker adds its
    share when it finishes it).
    """
    scope = costs.current()
    if scope is not None:
        own = costs.transaction_write_units(ORGANIZATION_ITEM_BYTES, costs.item_size(execution.serialize()))
        for name, value in costs.record_fields(scope.snapshot(), own).items():
            setattr(execution, name, value)
    organization = OrganizationItem(execution.PK, keys.ORG_META)
    try:
        with transaction() as writes:
            writes.update(
                organization,
                actions=[OrganizationItem.credits.add(-cost)],
                condition=(OrganizationItem.PK.exists() & (OrganizationItem.credits >= cost)),
            )
            writes.save(execution, condition=ExecutionItem.PK.does_not_exist())
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def claim(execution: ExecutionItem, at: str, now: int, lease_s: int) -> bool:
    """A worker takes the run for `lease_s` seconds: queued -> running, or running again once
    the previous worker's lease ran out (it died). Conditional on the attempts count read, so
    two deliveries of one message cannot both win."""
    seen = int(execution.attempts or 0)
    takeable = (ExecutionItem.status == "queued") | (
        (ExecutionItem.status == "running") & (ExecutionItem.lease_until < now))
    return _update_if(execution, [
        ExecutionItem.status.set("running"),
        ExecutionItem.attempts.set(seen + 1),
        ExecutionItem.started_at.set(at),
        ExecutionItem.lease_until.set(now + lease_s),
        _append_history(change("running", at, None if seen == 0 else f"attempt {seen + 1}")),
    ], takeable & (ExecutionItem.attempts == seen) & (ExecutionItem.cancel_requested == False))  # noqa: E712


def finish_execution(execution: ExecutionItem, status: str, finished_at: str, *,
                     result_fields: dict[str, Any] | None = None, summary: dict[str, Any] | None = None,
                     refund: int = 0, reason: str | None = None,
                     expected: Iterable[str] = ("running",), usage: costs.Usage | None = None) -> bool:
    """Store the outcome, moving out of one of the `expected` statuses; a refund goes back to
    the balance in the same transaction. False (nothing written) when the run had moved on.
    `usage`: what the run cost before this write, recorded with this write's own units."""
    summary = summary or {}
    cost_fields = None
    if usage is not None:
        result_bytes = sum(len(value) for value in (result_fields or {}).values() if isinstance(value, (bytes, str)))
        sizes = [costs.item_size(execution.serialize()) + result_bytes + FINISH_ATTRIBUTES_BYTES]
        own = costs.transaction_write_units(*sizes, *([ORGANIZATION_ITEM_BYTES] if refund else []))
        cost_fields = costs.record_fields(usage, own)
    actions = [
        ExecutionItem.status.set(status),
        ExecutionItem.finished_at.set(finished_at),
        _append_history(change(status, finished_at, reason)),
        ExecutionItem.credits_used.set(summary.get("credits_used", 0)),
    ]
    if summary.get("solve_status"):
        actions.append(ExecutionItem.solve_status.set(summary["solve_status"]))
    if summary.get("solve_time_ms") is not None:
        actions.append(ExecutionItem.solve_time_ms.set(summary["solve_time_ms"]))
    if reason:
        actions.append(ExecutionItem.failure_reason.set(reason))
    for name, value in {**(result_fields or {}), **(cost_fields or {})}.items():
        if value is not None:
            actions.append(getattr(ExecutionItem, name).set(value))
    try:
        with transaction() as writes:
            writes.update(execution, actions=actions,
                          condition=ExecutionItem.status.is_in(*expected))
            if refund:
                organization = OrganizationItem(execution.PK, keys.ORG_META)
                writes.update(organization, actions=[OrganizationItem.credits.add(refund)])
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def request_cancel(execution: ExecutionItem, lease_until: int | None = None) -> bool:
    """Flag a running run; its worker stops the solver at the next check. A long run's lease
    is cut to `lease_until` too: past it, the run is ended for its task (services/long_runs.py)."""
    flag, running = ExecutionItem.cancel_requested.set(True), ExecutionItem.status == "running"
    if lease_until is not None and _update_if(execution, [flag, ExecutionItem.lease_until.set(lease_until)],
                                              running & (ExecutionItem.lease_until > lease_until)):
        return True
    return _update_if(execution, [flag], running)  # no lease to cut, or it is shorter already


def hand_off(execution: ExecutionItem, launcher: str, at: str, start_by: int) -> bool:
    """Mark a queued run as given to a task of its own, which has until `start_by` (epoch s)
    to claim it. Once only: a redelivered message finds `launcher` set and starts nothing."""
    return _update_if(execution, [ExecutionItem.launcher.set(launcher), ExecutionItem.handed_off_at.set(at),
                                  ExecutionItem.lease_until.set(start_by)],
                      (ExecutionItem.status == "queued") & ExecutionItem.launcher.does_not_exist()
                      & (ExecutionItem.cancel_requested == False))  # noqa: E712 (a DynamoDB condition)


def record_task(execution: ExecutionItem, *, task_arn: str | None = None, process_id: int | None = None) -> None:
    """Where the long run runs: for the operator, and for stopping it on a cancel."""
    actions = [ExecutionItem.task_arn.set(task_arn)] if task_arn else []
    if process_id is not None:
        actions.append(ExecutionItem.process_id.set(process_id))
    execution.update(actions=actions)


def _update_if(execution: ExecutionItem, actions: list[Any], condition: Any) -> bool:
    """One conditional update: False (nothing written) when the condition does not hold."""
    try:
        execution.update(actions=actions, condition=condition)
    except UpdateError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def record_deliveries(execution: ExecutionItem, deliveries: list[dict[str, Any]]) -> None:
    execution.update(actions=[ExecutionItem.deliveries.set(deliveries)])


def get_execution(organization_id: str, execution_id: str) -> ExecutionItem | None:
    try:
        return ExecutionItem.get(keys.org_pk(organization_id), keys.execution_sk(execution_id),
                                 consistent_read=True)
    except DoesNotExist:
        return None


def is_cancel_requested(execution: ExecutionItem) -> bool:
    """One small read: the worker polls this while a solve runs."""
    try:
        item = ExecutionItem.get(execution.PK, execution.SK, consistent_read=True,
                                 attributes_to_get=["cancel_requested", "status"])
    except DoesNotExist:
        return True
    return bool(item.cancel_requested) or item.status == "canceled"


@dataclass
class ExecutionListing:
    items: list[ExecutionItem]
    resume_after_sk: str | None
    """Where the next page starts (exclusive); None when nothing is left."""


def list_executions(organization_id: str, *, limit: int, after_sk: str | None,
                    low_sk: str, high_sk: str, filters: dict[str, str], max_calls: int = 3
                    ) -> ExecutionListing:
    """Newest first, between two sort keys, after a cursor; other filters are applied by
    DynamoDB to at most `max_calls` pages, so a sparse filter returns a short page and a
    cursor instead of reading the whole partition."""
    condition = None
    for name, value in filters.items():
        clause = getattr(ExecutionItem, name) == value
        condition = clause if condition is None else condition & clause
    if after_sk is not None:
        high_sk = min(high_sk, after_sk)
    results = ExecutionItem.query(
        keys.org_pk(organization_id), ExecutionItem.SK.between(low_sk, high_sk),
        filter_condition=condition, scan_index_forward=False, consistent_read=True,
        page_size=max(limit * 2, 25),
        attributes_to_get=None,
    )
    pages = results.page_iter
    found: list[ExecutionItem] = []
    for _ in range(max_calls):
        try:
            page = next(pages)
        except StopIteration:
            break
        found.extend(ExecutionItem.from_raw_data(raw) for raw in page.get("Items", []))
        found = [item for item in found if item.SK != after_sk]
        if len(found) > limit or pages.last_evaluated_key is None:
            break
    if len(found) > limit:
        return ExecutionListing(items=found[:limit], resume_after_sk=found[limit - 1].SK)
    last_key = pages.last_evaluated_key
    return ExecutionListing(items=found, resume_after_sk=last_key["SK"]["S"] if last_key else None)


def _append_history(entry: StatusChange) -> Any:
    return ExecutionItem.status_history.set(ExecutionItem.status_history.append([entry]))


def _condition_failed(error: UpdateError) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def release_lease(execution: ExecutionItem) -> bool:
    """After a restart of `make run` no worker survives: a running run may be taken up at once."""
    return _update_if(execution, [ExecutionItem.lease_until.set(0)], ExecutionItem.status == "running")
