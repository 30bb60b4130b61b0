"""Logs, metrics and traces, with Powertools for AWS Lambda, loaded on first use (a request or
a queue message), not when app.py is imported: a cold start pays for them only when it serves.

- Logs: the `jaot` logger every module uses (`logging.getLogger("jaot")`) writes one JSON
  object per line, carrying the context of the request or message it belongs to
  (`CONTEXT_FIELDS`, bound by `context` and `bind`, per thread/task through contextvars).
  Never log a credential, a secret or an input: log ids, sizes and hashes.
- Metrics: CloudWatch's embedded metric format (EMF), namespace `JAOT`, collected during a
  request or message and printed to stdout once at its end (`METRICS` names them). Dimensions
  are bounded sets (route patterns, statuses, template names), never an organization.
- Traces: X-Ray through Powertools' Tracer, in Lambda only; a no-op locally, in tests, when
  POWERTOOLS_TRACE_DISABLED is true or when aws_xray_sdk is not installed.

See docs/observability.md.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import importlib.util
import io
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Iterator

from chalicelib import costs

SERVICE = "jaot"
NAMESPACE = "JAOT"
CONTEXT_FIELDS = ("request_id", "organization_id", "route", "execution_id", "trigger_id")

METRICS = {
    "Requests": ("Route", "Status"),
    "Errors5xx": ("Route",),
    "Runs": ("Template", "Status"),
    "SolveSeconds": ("Template",),
    "QueueToStartSeconds": (),
    "CreditsCharged": (),
    "CallbackDeliveries": (),
    "CallbackFailures": (),
    "RunsPastLease": (),
}
"""Every metric JAOT emits, with its dimensions (the deployment's alarms and dashboard use these)."""


_outputs: list[Any] = []
"""Where `captured` sends the lines instead (innermost last); empty: the process's stdout."""


def _output() -> Any:
    """The process's stdout (fd 1, which CloudWatch reads), not a redirected sys.stdout: a
    program's own output (a CLI's JSON answer, served in process in tests) stays its own."""
    return _outputs[-1] if _outputs else (sys.__stdout__ or sys.stdout)


@contextlib.contextmanager
def captured() -> Iterator[io.StringIO]:
    """Collect the log and metric lines written inside instead of printing them (bench/)."""
    buffer = io.StringIO()
    _outputs.append(buffer)
    try:
        yield buffer
    finally:
        _outputs.remove(buffer)


class _StdoutHandler(logging.StreamHandler):
    """Writes each line to `_output()` at the time, flushed; exception messages withheld."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(_withhold_exception_message)

    @property
    def stream(self) -> Any:  # type: ignore[override]
        return _output()

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def _withhold_exception_message(record: logging.LogRecord) -> bool:
    """A logged exception keeps its type and traceback but not its message, nor the chained
    exceptions': messages echo what they were given (a user's input value, a URL with a
    token), which must never reach a log. The message is replaced by its fingerprint."""
    if record.exc_info and record.exc_info[1] is not None:
        kind, error, trace = record.exc_info
        record.exc_info = (kind, _stand_in(error), trace)
        record.exc_text = None
    return True


def _stand_in(error: BaseException) -> BaseException:
    """An exception printed like `error` (same qualified type name, same traceback) whose
    message is only the fingerprint of the original's."""
    kind = type(error)
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - a broken __str__ must not break logging
        text = ""
    stand_in = type(kind.__name__, (Exception,), {"__module__": kind.__module__, "__qualname__": kind.__qualname__})
    return stand_in(f"(message withheld: {fingerprint(text)})").with_traceback(error.__traceback__)


def _print_line(line: str) -> None:
    stream = _output()
    stream.write(line + "\n")
    stream.flush()


_readable = False


def configure_local(readable: bool | None = None) -> None:
    """`make run`: the same JSON logs; when stdout is a terminal (or `readable`), each line
    rendered compactly: time, level, message, then the fields as key=value."""
    global _readable
    _readable = bool(getattr(_output(), "isatty", lambda: False)()) if readable is None else readable
    logger()


def _render_readable(record: dict[str, Any]) -> str:
    head = f"{str(record.get('timestamp', ''))[11:23]} {record.get('level', ''):<7} {record.get('message', '')}"
    skip = {"timestamp", "level", "message", "service", "location", "sampling_rate", "exception", "exception_name",
            "stack_trace", "xray_trace_id"}
    tail = " ".join(f"{name}={value}" for name, value in record.items() if name not in skip and value is not None)
    lines = [f"{head}  {tail}".rstrip()]
    if record.get("exception"):
        lines.append(str(record["exception"]))
    return "\n".join(lines)


@functools.cache
def logger() -> Any:
    """The Powertools Logger over the `jaot` logger (configured once per process)."""
    from aws_lambda_powertools import Logger

    stdlib_logger = logging.getLogger(SERVICE)
    for handler in list(stdlib_logger.handlers):  # Chalice's plain-text handler (Chalice(app_name="jaot"))
        stdlib_logger.removeHandler(handler)
    stdlib_logger.propagate = True  # Chalice turned it off; Powertools keeps root handlers from repeating lines
    options: dict[str, Any] = {"json_serializer": _render_readable} if _readable else {}
    return Logger(service=SERVICE, level=os.environ.get("JAOT_LOG_LEVEL", "INFO"),
                  logger_handler=_StdoutHandler(), utc=True, serialize_stacktrace=False, **options)


def _json_only(log: Any) -> None:
    """Chalice(app_name="jaot") adds a plain-text handler and sets ERROR on the `jaot` logger
    when app.py is imported; if that happened after the Powertools logger was made, undo it."""
    stdlib_logger = logging.getLogger(SERVICE)
    if stdlib_logger.handlers == [log.logger_handler] and stdlib_logger.propagate:
        return
    for handler in list(stdlib_logger.handlers):
        if handler is not log.logger_handler:
            stdlib_logger.removeHandler(handler)
    stdlib_logger.propagate = True
    stdlib_logger.setLevel(os.environ.get("JAOT_LOG_LEVEL", "INFO"))


# --- context ---------------------------------------------------------------------------------

@dataclass
class Context:
    """One request or message: the metrics it emitted so far and what it costs."""

    kind: str
    fields: dict[str, str]
    metrics: list[tuple[str, float, str, dict[str, str]]] = field(default_factory=list)
    cost: costs.Scope | None = None
    started_at_s: float = field(default_factory=time.time)
    queued_at_s: float | None = None
    """When the message being handled was sent (SQS SentTimestamp), where known."""


_context: contextvars.ContextVar[Context | None] = contextvars.ContextVar("jaot_context", default=None)


def current() -> Context | None:
    return _context.get()


@contextlib.contextmanager
def context(kind: str, *, adopt_threads: bool = False, queued_at_s: float | None = None,
            **fields: str | None) -> Iterator[Context]:
    """Bind the log fields of one request or message (`kind`: "request" or "message") for
    everything logged inside it, count its costs, and flush its metrics when it ends (also
    when it raises). Keys bound by `bind` are dropped at the end: nothing leaks to the next."""
    log = logger()
    _json_only(log)
    costs.install()
    outer_keys = log.thread_safe_get_current_keys()
    log.thread_safe_clear_keys()
    opened = Context(kind=kind, fields={}, queued_at_s=queued_at_s)
    token = _context.set(opened)
    bind(**fields)
    try:
        with costs.scope(adopt_threads=adopt_threads) as cost_scope, segment(kind, **opened.fields):
            opened.cost = cost_scope
            yield opened
    finally:
        _context.reset(token)
        flush(opened)
        log.thread_safe_clear_keys()
        if outer_keys:
            log.thread_safe_append_keys(**outer_keys)


def bind(**fields: str | None) -> None:
    """Add context fields (organization_id once the caller is known, execution_id once a run
    exists) to every later line of the current request or message; outside one, nothing."""
    active = current()
    known = {name: str(value) for name, value in fields.items() if value is not None and name in CONTEXT_FIELDS}
    if active is None or not known:
        return
    active.fields.update(known)
    logger().thread_safe_append_keys(**known)


def fingerprint(text: str | bytes) -> str:
    """What to log instead of a body: its length and a short hash, to match lines, not to read."""
    raw = text.encode() if isinstance(text, str) else text
    return f"{len(raw)} bytes, sha256 {hashlib.sha256(raw).hexdigest()[:16]}"


# --- metrics ---------------------------------------------------------------------------------

def metric(name: str, value: float, unit: str = "Count", **dimensions: str) -> None:
    """Record one metric value for the current request or message (printed at its end);
    outside one, printed now. Only the names and dimensions of METRICS are accepted."""
    expected = METRICS[name]
    if tuple(dimensions) != expected:
        raise ValueError(f"metric {name} takes dimensions {expected}, not {tuple(dimensions)}")
    entry = (name, float(value), unit, {key: str(val) for key, val in dimensions.items()})
    active = current()
    if active is None:
        _print_emf([entry])
    else:
        active.metrics.append(entry)


def flush(finished: Context) -> None:
    if finished.metrics:
        entries, finished.metrics = finished.metrics, []
        _print_emf(entries)


def _print_emf(entries: list[tuple[str, float, str, dict[str, str]]]) -> None:
    """One EMF object per dimension set (EMF applies an object's dimensions to all its metrics)."""
    from aws_lambda_powertools.metrics import EphemeralMetrics
    from aws_lambda_powertools.metrics.functions import is_metrics_disabled

    if is_metrics_disabled():  # POWERTOOLS_METRICS_DISABLED
        return
    groups: dict[tuple, list] = {}
    for entry in entries:
        groups.setdefault(tuple(entry[3].items()), []).append(entry)
    for dimension_set, group in groups.items():
        if _readable:  # make run in a terminal: one short line per dimension set
            values = " ".join(f"{name}={value:g}" for name, value, _, _ in group)
            _print_line(f"metrics {values} " + " ".join(f"{name}={value}" for name, value in dimension_set))
            continue
        emitter = EphemeralMetrics(namespace=NAMESPACE)
        emitter.service = None  # no `service` dimension: alarms name the exact dimension sets
        for name, value, unit, _ in group:
            emitter.add_metric(name=name, unit=unit, value=value)
        for name, value in dimension_set:
            emitter.add_dimension(name=name, value=value)
        try:
            _print_line(json.dumps(emitter.serialize_metric_set(), separators=(",", ":")))
        except Exception:  # a metric must never fail a request or a run
            logging.getLogger("jaot").exception("metrics not emitted")


# --- traces ----------------------------------------------------------------------------------

def tracing_enabled() -> bool:
    """In Lambda, unless disabled, and only with the X-Ray SDK installed."""
    if os.environ.get("POWERTOOLS_TRACE_DISABLED", "false").lower() in ("1", "true", "yes", "on"):
        return False
    if not os.environ.get("LAMBDA_TASK_ROOT") or os.environ.get("AWS_SAM_LOCAL") or os.environ.get("AWS_CHALICE_CLI_MODE"):
        return False
    return importlib.util.find_spec("aws_xray_sdk") is not None


@functools.cache
def tracer() -> Any | None:
    """Powertools' Tracer (it patches botocore: AWS calls become subsegments and carry the
    trace header, so SQS messages carry AWSTraceHeader to the worker), or None."""
    if not tracing_enabled():
        return None
    from aws_lambda_powertools import Tracer

    return Tracer(service=SERVICE, patch_modules=["botocore"])


@contextlib.contextmanager
def segment(name: str, **annotations: str) -> Iterator[None]:
    """An X-Ray subsegment named `name` annotated with the context fields; nothing when tracing is off."""
    active = tracer()
    if active is None:
        yield
        return
    with active.provider.in_subsegment(f"## {name}") as subsegment:
        for key, value in annotations.items():
            subsegment.put_annotation(key, value)
        yield
