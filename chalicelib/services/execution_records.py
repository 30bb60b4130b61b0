"""Reading runs back (GET /executions, /executions/{id}) and canceling them."""
from __future__ import annotations

from datetime import datetime, timezone

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.errors import Conflict, NotFound
from chalicelib.schemas.executions import ExecutionDetail, ExecutionPage, ExecutionQuery, ExecutionSummary
from chalicelib.services.auth import Caller
from chalicelib.settings import get_settings
from chalicelib.store import blobs, keys
from chalicelib.store import executions as store
from chalicelib.store.items import ExecutionItem

NOT_FOUND = "No execution with this id exists in your organization."
_FILTERS = ("model_id", "document_id", "version_id", "trigger_id", "status")


def list_executions(caller: Caller, query: ExecutionQuery) -> ExecutionPage:
    """Newest first. Dates bound the sort key (execution ids are time-ordered ULIDs), so
    they cost nothing; the other filters are applied by DynamoDB page by page."""
    filters = {name: getattr(query, name) for name in _FILTERS if getattr(query, name) is not None}
    listing = store.list_executions(
        caller.organization_id, limit=query.limit,
        after_sk=keys.execution_sk(query.cursor) if query.cursor else None,
        low_sk=_bound(query.created_after, low=True), high_sk=_bound(query.created_before, low=False),
        filters=filters,
    )
    next_cursor = None
    if listing.resume_after_sk:  # may be past items a sparse filter skipped: still a valid cursor
        next_cursor = listing.resume_after_sk.removeprefix(keys.EXECUTION_PREFIX)
    return ExecutionPage(items=[summary(item) for item in listing.items], has_more=next_cursor is not None,
                         next_cursor=next_cursor)


def get_execution(caller: Caller, execution_id: str) -> ExecutionDetail:
    item = _get_item(caller, execution_id)
    input_location = None
    if item.input_s3:
        input_location = f"s3://{get_settings().bucket_name}/{item.input_s3}"
    result = blobs.get_json(item.result_gz, item.result_s3)
    return ExecutionDetail(
        **summary(item).model_dump(),
        status_history=[{"status": change.status, "at": change.at, "reason": change.reason}
                        for change in item.status_history or []],
        attempts=int(item.attempts or 0), cancel_requested=bool(item.cancel_requested),
        failure_reason=item.failure_reason,
        input=None if item.input_s3 else blobs.get_json(item.input_gz, None),
        input_location=input_location, result=result, callback_url=item.callback_url,
        deliveries=item.deliveries or [],
    )


def cancel(caller: Caller, execution_id: str) -> ExecutionDetail:
    """A queued run ends `canceled` at once, refunded; a running one is flagged and its
    worker stops the solver at the next check (then it ends `canceled`, refunded too). A long
    run's task is stopped if it has not ended the run within a grace period (long_runs)."""
    from chalicelib.services import long_runs

    item = _get_item(caller, execution_id)
    if item.status == "queued":
        if store.finish_execution(item, "canceled", utc_now_iso(), refund=int(item.credits_charged or 0),
                                  reason="canceled before it started", expected=("queued",)):
            if item.launcher:  # its task had not taken the run yet: it has nothing to do
                long_runs.stop(item)
            return get_execution(caller, execution_id)
        item.refresh(consistent_read=True)
    if item.status == "running":
        if not item.is_async:
            raise Conflict("This run was started synchronously and ends with its request; "
                           "only queued runs can be canceled.")
        if long_runs.request_cancel(item) if item.launcher else store.request_cancel(item):
            return get_execution(caller, execution_id)
        item.refresh(consistent_read=True)
    raise Conflict(f"The execution has already ended ({item.status}); there is nothing to cancel.",
                   {"status": item.status})


def summary(item: ExecutionItem) -> ExecutionSummary:
    return ExecutionSummary(
        execution_id=item.execution_id, status=item.status, kind=item.kind, solve_status=item.solve_status,
        model_id=item.model_id, document_id=item.document_id, version_id=item.version_id,
        sequence=None if item.sequence is None else int(item.sequence), catalog_id=item.catalog_id,
        template=item.template, trigger_id=item.trigger_id, started_by=item.started_by,
        is_async=bool(item.is_async), credits_used=int(item.credits_used or 0),
        created_at=item.created_at, started_at=item.started_at, finished_at=item.finished_at,
        solve_time_ms=None if item.solve_time_ms is None else int(item.solve_time_ms),
    )


def _get_item(caller: Caller, execution_id: str) -> ExecutionItem:
    if not execution_id.startswith(ids.EXECUTION) or len(execution_id) > 64:
        raise NotFound(NOT_FOUND)
    item = store.get_execution(caller.organization_id, execution_id)
    if item is None:
        raise NotFound(NOT_FOUND)
    return item


def _bound(moment: datetime | None, *, low: bool) -> str:
    """The sort key of the first (low) or last possible execution id at `moment`."""
    if moment is None:
        return keys.execution_sk(ids.EXECUTION + ("0" * 26 if low else "z" * 26))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    millis = max(0, min(int(moment.timestamp() * 1000), 2**48 - 1))
    if not low:
        millis = max(0, millis - 1)  # created_before is exclusive
    edge = ids.encode_ulid(millis, 0 if low else 2**80 - 1)
    return keys.execution_sk(ids.EXECUTION + edge)
