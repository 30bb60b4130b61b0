"""Event handlers behind app.py's SQS and schedule functions, and the local worker loop
that drives the same functions from moto's queues (`chalice local` runs only routes)."""
from __future__ import annotations

import logging
from typing import Any, Callable

from chalicelib.services import worker
from chalicelib.settings import get_settings

logger = logging.getLogger("jaot")

MessageHandler = Callable[[str, dict[str, str]], str]
"""(body, message attributes) -> what happened. Redeliveries are counted on the execution
record (its attempts), not taken from SQS."""


def _runs(body: str, attributes: dict[str, str]) -> str:
    return worker.process_run_message(body)


def _dead_letters(body: str, attributes: dict[str, str]) -> str:
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
    for record in event:
        attributes = {name: value.get("stringValue", "")
                      for name, value in (record.to_dict().get("messageAttributes") or {}).items()}
        outcome = handler(record.body, attributes)
        logger.info("%s message: %s", queue_name, outcome)


def scheduler_tick() -> int:
    from chalicelib.services import trigger_events

    return trigger_events.fire_due_schedules()


def drain(queue_name: str, max_messages: int = 10) -> list[str]:
    """Receive and handle what is waiting on one queue, deleting what was handled: Lambda's
    event source mapping, done by hand (the local worker loop and tests)."""
    from chalicelib.store import queues

    handler = handlers()[queue_name]
    outcomes = []
    for message in queues.receive(queue_name, max_messages):
        attributes = {name: value.get("StringValue", "")
                      for name, value in (message.get("MessageAttributes") or {}).items()}
        try:
            outcomes.append(handler(message["Body"], attributes))
        except worker.RunStillLeased:
            outcomes.append("leased elsewhere")
            continue
        except Exception:
            logger.exception("%s message failed; it will be redelivered", queue_name)
            outcomes.append("error")
            continue
        queues.delete(queue_name, message["ReceiptHandle"])
    return outcomes
