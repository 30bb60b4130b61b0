"""Firing triggers: the scheduler tick, signed webhooks, queue messages and stored files.

Every firing queues an async run pinned to the trigger's version (or model), recorded
with the trigger id; a firing that cannot start a run (input that does not fit, no
credits left) leaves the reason in the trigger's `last_error`.
"""
from __future__ import annotations

import json
import logging
import time
import urllib.parse
from datetime import datetime, timezone
from typing import Any

from chalicelib import json_checks, observability, signing
from chalicelib.clock import utc_now_iso
from chalicelib.engine.options import RunOptions
from chalicelib.errors import ApiError, BadRequest, Conflict, NotFound, Unauthorized, validate
from chalicelib.schemas.builder import BuilderExecuteRequest
from chalicelib.schemas.executions import QueuedRun
from chalicelib.schemas.results import ExecuteRequest
from chalicelib.services import builder_runs, model_runs, triggers
from chalicelib.services.auth import Caller
from chalicelib.services.executions import Dispatch
from chalicelib.settings import get_settings
from chalicelib.store import blobs
from chalicelib.store import triggers as store
from chalicelib.store.items import TriggerItem

logger = logging.getLogger("jaot")

MAX_DUE_PER_TICK = 100
MAX_BATCHES = 10
RESULT_SUFFIX = ".result.json"
MAX_TRIGGER_ID_CHARS = 64


def fire(trigger: TriggerItem, event_input: dict[str, Any] | None, result_key: str | None = None) -> QueuedRun:
    """Queue one run of what the trigger pins; ApiError (a 4xx) when it cannot start."""
    caller = Caller(organization_id=trigger.organization_id, principal=trigger.trigger_id)
    observability.bind(organization_id=trigger.organization_id, trigger_id=trigger.trigger_id)
    input_data = event_input if trigger.input_from_event and event_input is not None else trigger.input_data
    if input_data is None:
        raise BadRequest("The event carried no input and the trigger has no input_data.")
    options = RunOptions.model_validate(trigger.options or {})
    dispatch = Dispatch(run_async=True, trigger_id=trigger.trigger_id, callback_url=trigger.callback_url,
                        result_key=result_key)
    if trigger.model_id:
        body = validate(ExecuteRequest, {"input_data": input_data, "options": options.model_dump()})
        queued = model_runs.execute_model(caller, trigger.model_id, body, dispatch)
    else:
        parameters = validate(model_runs.ParameterValues, input_data, prefix=("input_data",)).root
        body = BuilderExecuteRequest(version_id=trigger.version_id, parameters=parameters, options=options)
        queued = builder_runs.execute_document(caller, trigger.document_id, body, dispatch)
    assert isinstance(queued, QueuedRun)
    return queued


def fire_and_record(trigger: TriggerItem, event_input: dict[str, Any] | None, *, result_key: str | None = None,
                    count_firing: bool = True) -> QueuedRun | None:
    """Fire; note the outcome on the trigger. Returns None when no run started."""
    fired_at = utc_now_iso() if count_firing else None
    try:
        queued = fire(trigger, event_input, result_key)
    except ApiError as error:
        store.record_outcome(trigger, execution_id=None, error=error.message, fired_at=fired_at)
        if result_key:
            blobs.put_plain_json(result_key, {"status": "rejected", "error": error.body()})
        return None
    store.record_outcome(trigger, execution_id=queued.execution_id, error=None, fired_at=fired_at)
    return queued


def fire_due_schedules(now: datetime | None = None) -> int:
    """One tick: every due schedule fires once, even with two ticks running at once (each
    firing is claimed by moving next_run_at on with a conditional update). Reads the index
    in batches of MAX_DUE_PER_TICK, at most MAX_BATCHES of them."""
    now = now or datetime.now(timezone.utc)
    now_iso = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    fired = 0
    for _ in range(MAX_BATCHES):
        due = store.due_triggers(now_iso, MAX_DUE_PER_TICK)
        for trigger in due:
            if not store.claim_firing(trigger, trigger.next_run_at, triggers.next_run_after(trigger, now), now_iso):
                continue  # another tick fired it (or the index had not caught up yet)
            fire_and_record(trigger, None, count_firing=False)
            fired += 1
        if len(due) < MAX_DUE_PER_TICK:
            break
    return fired


def on_webhook(trigger_id: str, body: bytes, signature: str | None) -> QueuedRun:
    """POST /hooks/{trigger_id}: a signed, fresh, never-seen event queues a run.

    An event is what the signature proves, (timestamp, body): it runs once, however its
    header is spelled. A sender that wants the same body to run twice signs it again, at
    another second.
    """
    trigger = (store.find_trigger(trigger_id)
               if trigger_id.startswith(triggers.TRIGGER_PREFIX) and len(trigger_id) <= MAX_TRIGGER_ID_CHARS
               else None)
    if trigger is None or trigger.type != "webhook":
        raise NotFound("No webhook trigger with this id exists.")
    tolerance = get_settings().webhook_tolerance_s
    try:
        verified = signing.verify(trigger.secret, body, signature, now=int(time.time()), tolerance_s=tolerance)
    except signing.SignatureError as error:
        raise Unauthorized(f"Webhook signature rejected: {error}") from None
    if not trigger.is_enabled:
        raise Conflict("This trigger is disabled; enable it to accept events.")
    # Kept while the timestamp could still verify, and a while longer.
    if not store.remember_event(trigger_id, verified.event_key(trigger_id), verified.timestamp + 2 * tolerance):
        raise Conflict("This signed event (same body, same timestamp) was already accepted; "
                       "sign each event anew.")
    event_input = _json_object(body) if body.strip() else None
    try:
        queued = fire(trigger, event_input)
    except ApiError as error:
        store.record_outcome(trigger, execution_id=None, error=error.message, fired_at=utc_now_iso())
        raise
    store.record_outcome(trigger, execution_id=queued.execution_id, error=None, fired_at=utc_now_iso())
    return queued


def on_queue_message(body: str, attributes: dict[str, str]) -> str:
    """An SQS message with a `trigger_id` attribute; its body is the input."""
    trigger_id = attributes.get("trigger_id", "")
    trigger = store.find_trigger(trigger_id) if trigger_id.startswith(triggers.TRIGGER_PREFIX) else None
    if trigger is None or trigger.type != "queue":
        logger.warning("queue message for unknown trigger %r dropped", trigger_id[:64])
        return "unknown trigger"
    if not trigger.is_enabled:
        return "disabled"
    try:
        event_input = _json_object(body.encode()) if body.strip() else None
    except BadRequest as error:
        store.record_outcome(trigger, execution_id=None, error=error.message, fired_at=utc_now_iso())
        return "rejected"
    return "queued" if fire_and_record(trigger, event_input) else "rejected"


def on_storage_notification(body: str) -> str:
    """An S3 notification (via SQS) of objects created under inbox/<org>/<trigger>/."""
    try:
        notification = json.loads(body)
        records = notification.get("Records", [])
    except (ValueError, AttributeError):
        return "malformed"
    if notification.get("Event") == "s3:TestEvent":  # sent once when notifications are set up
        return "test event"
    outcomes = [_on_stored_object(record) for record in records if isinstance(record, dict)]
    return ", ".join(outcomes) or "no records"


def _on_stored_object(record: dict[str, Any]) -> str:
    key = urllib.parse.unquote_plus(record.get("s3", {}).get("object", {}).get("key", ""))
    parts = key.split("/")
    if (len(parts) < 4 or parts[0] != triggers.STORAGE_INBOX or not key.endswith(".json")
            or key.endswith(RESULT_SUFFIX)):
        return "ignored"
    trigger = store.get_trigger(parts[1], parts[2])
    if trigger is None or trigger.type != "storage" or not trigger.is_enabled:
        return "no trigger"
    result_key = key[: -len(".json")] + RESULT_SUFFIX
    try:
        raw = blobs.get_plain_bytes(key, get_settings().max_body_bytes)
    except ValueError as error:
        store.record_outcome(trigger, execution_id=None, error=str(error), fired_at=utc_now_iso())
        return "unreadable"
    try:
        event_input = _json_object(raw)
    except BadRequest as error:
        store.record_outcome(trigger, execution_id=None, error=error.message, fired_at=utc_now_iso())
        blobs.put_plain_json(result_key, {"status": "rejected", "error": error.body()})
        return "rejected"
    return "queued" if fire_and_record(trigger, event_input, result_key=result_key) else "rejected"


def _json_object(raw: bytes) -> dict[str, Any]:
    """An event input, held to the rules of a request body (json_checks): a webhook, a queue
    message and a stored file are client input like any other."""
    return json_checks.parse_object(raw, "The event input")
