"""Event handlers behind app.py's SQS and schedule functions, and the local worker loop
that drives the same functions from moto's queues (`chalice local` runs only routes)."""
from __future__ import annotations

import json
import logging
import uuid
from typing import Any, Callable

from chalicelib import observability
from chalicelib.settings import get_settings

logger = logging.getLogger("jaot")

MessageHandler = Callable[[str, dict[str, str]], str]
"""(body, message attributes) -> what happened. Redeliveries are counted on the execution
record (its attempts), not taken from SQS."""


def _runs(body: str, attributes: dict[str, str]) -> str:
    from chalicelib.services import worker  # the solve path: imported by the worker's first message only

    return worker.process_run_message(body)


def _dead_letters(body: str, attributes: dict[str, str]) -> str:
    from chalicelib.services import worker

    return worker.process_dead_letter(body)


def _trigger_events(body: str, attributes: dict[str, str]) -> str:
    from chalicelib.services import trigger_events

    return trigger_events.on_queue_message(body, attributes)


def _storage_events(body: str, attributes: dict[str, str]) -> str:
    from chalicelib.services import trigger_events

    return trigger_events.on_storage_notification(body)


def handlers() -> dict[str, MessageHandler]:
    settings = get_settings()
    return {settings.runs_queue: _runs, settings.runs_dlq: _dead_letters,
            settings.trigger_events_queue: _trigger_events, settings.storage_events_queue: _storage_events}


def handle_lambda_event(queue_name: str, event: Any) -> None:
    """Chalice's SQSEvent: a record that raises makes Lambda redeliver the batch."""
    handler = handlers()[queue_name]
    request_id = getattr(getattr(event, "context", None), "aws_request_id", None)
    for record in event:
        raw = record.to_dict()
        attributes = {name: value.get("stringValue", "")
                      for name, value in (raw.get("messageAttributes") or {}).items()}
        sent_ms = (raw.get("attributes") or {}).get("SentTimestamp")
        handle_message(queue_name, handler, record.body, attributes, request_id,
                       queued_at_s=int(sent_ms) / 1000 if str(sent_ms or "").isdigit() else None)


def handle_message(queue_name: str, handler: MessageHandler, body: str, attributes: dict[str, str],
                   request_id: str | None = None, queued_at_s: float | None = None) -> str:
    """One message in its own observability context (log fields, metrics, costs): the run or
    trigger it names, without its body; a run's context also takes its cancel watcher's calls."""
    is_run = queue_name in (get_settings().runs_queue, get_settings().runs_dlq)
    with observability.context("message", adopt_threads=is_run, queued_at_s=queued_at_s, request_id=request_id or uuid.uuid4().hex,
                               route=f"queue:{queue_name}", trigger_id=attributes.get("trigger_id") or None,
                               **(_run_fields(body) if is_run else {})) as scope:
        try:
            outcome = handler(body, attributes)
        except Exception as error:
            _message_done(queue_name, "leased elsewhere" if is_run and _still_leased(error) else "error", scope)
            raise
        _message_done(queue_name, outcome, scope)
        return outcome


def _still_leased(error: Exception) -> bool:
    from chalicelib.services import worker  # a run message has imported it already

    return isinstance(error, worker.RunStillLeased)


def _run_fields(body: str) -> dict[str, str]:
    """The ids a run message names (nothing from a malformed one)."""
    try:
        message = json.loads(body)
        return {name: message[name] for name in ("organization_id", "execution_id")
                if isinstance(message.get(name), str)}
    except (ValueError, TypeError, AttributeError):
        return {}


def _message_done(queue_name: str, outcome: str, scope: observability.Context) -> None:
    if outcome == "failed" and queue_name in (get_settings().runs_queue, get_settings().runs_dlq):
        observability.metric("RunsPastLease", 1)  # no worker finished it within its leases
    usage = scope.cost.snapshot() if scope.cost else None
    logger.info("%s message: %s", queue_name, outcome,
                extra={"outcome": outcome, **(usage.fields() if usage else {})})


def scheduler_tick() -> int:
    from chalicelib.services import trigger_events

    with observability.context("schedule", request_id=uuid.uuid4().hex, route="schedule") as scope:
        fired = trigger_events.fire_due_schedules()
        usage = scope.cost.snapshot() if scope.cost else None
        logger.info("scheduler tick: %d fired", fired, extra={"fired": fired, **(usage.fields() if usage else {})})
    return fired


def drain(queue_name: str, max_messages: int = 10) -> list[str]:
    """Receive and handle what is waiting on one queue, deleting what was handled: Lambda's
    event source mapping, done by hand (the local worker loop and tests)."""
    from chalicelib.services import worker
    from chalicelib.store import queues

    handler = handlers()[queue_name]
    outcomes = []
    for message in queues.receive(queue_name, max_messages):
        attributes = {name: value.get("StringValue", "")
                      for name, value in (message.get("MessageAttributes") or {}).items()}
        try:
            outcomes.append(handle_message(queue_name, handler, message["Body"], attributes))
        except worker.RunStillLeased:
            outcomes.append("leased elsewhere")
            continue
        except Exception:
            logger.exception("%s message failed; it will be redelivered", queue_name)
            outcomes.append("error")
            continue
        queues.delete(queue_name, message["ReceiptHandle"])
    return outcomes
