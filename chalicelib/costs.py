"""What a request or a queued run costs us: Lambda GB-seconds, DynamoDB read and write units,
S3 and SQS requests, counted as the code makes its calls.

Botocore event hooks on every client (added to botocore's built-in handlers, as moto does, so
clients made later carry them; `install` also hooks the clients that exist already) add each
call to the `Usage` of the scope it is made in: a request (api/http.py) or a queue message
(events.py), held in a contextvar.

DynamoDB units: in Lambda every call that can asks `ReturnConsumedCapacity=TOTAL` and the
units DynamoDB reports are counted. Elsewhere (locally, tests, bench: moto reports fixed
placeholder figures) they are computed from item sizes by DynamoDB's published rules: a read
is one unit per 4 KB (strongly consistent; half for eventually consistent), a write one unit
per 1 KB, twice that inside a transaction; an update or delete whose response carries no
item is sized by the last time this process saw that key (1 unit when never seen).
JAOT_CONSUMED_CAPACITY=reported|estimated overrides the choice.
"""
from __future__ import annotations

import contextlib
import contextvars
import math
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

DEFAULT_MEMORY_MB = 2048
"""The functions' MemorySize in the deployment template, used when Lambda does not say."""

READ_UNIT_BYTES, WRITE_UNIT_BYTES = 4096, 1024
S3_GET_CLASS = ("Get", "Head", "Select")
"""S3 bills GET and HEAD (and SELECT) at the GET price; PUT, COPY, POST and LIST at the PUT price."""
S3_PUT_CLASS = ("Put", "Copy", "Post", "List", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload")
CAPACITY_OPERATIONS = frozenset({"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
                                 "BatchWriteItem", "TransactGetItems", "TransactWriteItems"})


def memory_mb() -> int:
    return int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE") or DEFAULT_MEMORY_MB)


@dataclass
class Usage:
    """The counts of one scope (or of a run: the scopes that worked on it, added up)."""

    duration_s: float = 0.0
    memory_mb: int = field(default_factory=memory_mb)
    ddb_read_units: float = 0.0
    ddb_write_units: float = 0.0
    ddb_calls: int = 0
    s3_get: int = 0
    s3_put: int = 0
    sqs_requests: int = 0

    @property
    def gb_seconds(self) -> float:
        return self.duration_s * self.memory_mb / 1024

    def add(self, other: Usage) -> Usage:
        return Usage(duration_s=self.duration_s + other.duration_s, memory_mb=max(self.memory_mb, other.memory_mb),
                     ddb_read_units=self.ddb_read_units + other.ddb_read_units,
                     ddb_write_units=self.ddb_write_units + other.ddb_write_units,
                     ddb_calls=self.ddb_calls + other.ddb_calls, s3_get=self.s3_get + other.s3_get,
                     s3_put=self.s3_put + other.s3_put, sqs_requests=self.sqs_requests + other.sqs_requests)

    def fields(self) -> dict[str, Any]:
        """For logs and the execution record (rounded: a record is not a ledger)."""
        values = asdict(self)
        values["duration_s"] = round(self.duration_s, 4)
        values["gb_seconds"] = round(self.gb_seconds, 4)
        values["ddb_read_units"] = round(self.ddb_read_units, 1)
        values["ddb_write_units"] = round(self.ddb_write_units, 1)
        return values


class Scope:
    """A request or a message being handled: its usage so far, its duration while open."""

    def __init__(self) -> None:
        self.usage = Usage()
        self._started = time.perf_counter()
        self._lock = threading.Lock()  # a scope's calls may come from a helper thread too

    def snapshot(self) -> Usage:
        """The usage up to now, duration included."""
        with self._lock:
            current = Usage(**asdict(self.usage))
        current.duration_s = time.perf_counter() - self._started
        return current

    def count(self, **amounts: float) -> None:
        with self._lock:
            for name, amount in amounts.items():
                setattr(self.usage, name, getattr(self.usage, name) + amount)


_current: contextvars.ContextVar[Scope | None] = contextvars.ContextVar("jaot_cost_scope", default=None)
_adopting: list[Scope] = []
"""Scopes that also take the calls of threads running outside any scope: a queued run's
cancel watcher polls from its own thread. One run is solved at a time per process (Lambda;
the local worker's single runs poller), so the innermost such scope is that run's."""


def current() -> Scope | None:
    return _current.get() or (_adopting[-1] if _adopting else None)


@contextlib.contextmanager
def scope(*, adopt_threads: bool = False) -> Iterator[Scope]:
    opened = Scope()
    token = _current.set(opened)
    if adopt_threads:
        _adopting.append(opened)
    try:
        yield opened
    finally:
        if adopt_threads:
            _adopting.remove(opened)
        _current.reset(token)
        opened.usage.duration_s = time.perf_counter() - opened._started


# --- DynamoDB units -------------------------------------------------------------------------

def reports_capacity() -> bool:
    """Ask DynamoDB for the units it charged (in Lambda), or compute them (moto)."""
    choice = os.environ.get("JAOT_CONSUMED_CAPACITY", "")
    if choice in ("reported", "estimated"):
        return choice == "reported"
    return bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))


def item_size(item: dict[str, Any]) -> int:
    """An item's size in bytes by DynamoDB's rules (names + values; numbers ~1 byte per 2 digits)."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: dict[str, Any]) -> int:
    kind, inner = next(iter(value.items()))
    if kind == "S":
        return len(inner.encode())
    if kind == "N":
        return len(inner.lstrip("-").replace(".", "").strip("0")) // 2 + 2
    if kind == "B":
        return len(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "M":
        return 3 + sum(len(name.encode()) + 1 + _value_size(child) for name, child in inner.items())
    if kind == "L":
        return 3 + sum(1 + _value_size(child) for child in inner)
    if kind == "SS":
        return sum(len(text.encode()) for text in inner)
    if kind == "NS":
        return sum(len(number) // 2 + 2 for number in inner)
    if kind == "BS":
        return sum(len(blob) for blob in inner)
    return 1


_known_sizes: dict[tuple, int] = {}
MAX_KNOWN_SIZES = 10_000


def _key_of(table: str, item_or_key: dict[str, Any]) -> tuple:
    return (table, str(item_or_key.get("PK")), str(item_or_key.get("SK")))


def _remember(table: str, item: dict[str, Any] | None) -> int:
    if not item:
        return 0
    size = item_size(item)
    if len(_known_sizes) >= MAX_KNOWN_SIZES:
        _known_sizes.clear()
    _known_sizes[_key_of(table, item)] = size
    return size


def _units(size: int, unit_bytes: int) -> int:
    return max(1, math.ceil(size / unit_bytes))


def _read_units(size: int, consistent: bool) -> float:
    return _units(size, READ_UNIT_BYTES) * (1.0 if consistent else 0.5)


def _write_units(table: str, action: dict[str, Any], written: dict[str, Any] | None = None) -> int:
    """Units of one written item: its new image when known, else its last known size."""
    if "Item" in action:
        return _units(_remember(table, action["Item"]), WRITE_UNIT_BYTES)
    if written:
        return _units(_remember(table, written), WRITE_UNIT_BYTES)
    return _units(_known_sizes.get(_key_of(table, action.get("Key") or {}), 0), WRITE_UNIT_BYTES)


def estimate_units(operation: str, params: dict[str, Any], parsed: dict[str, Any]) -> tuple[float, float]:
    """(read units, write units) of one call, from its request and its response."""
    table = params.get("TableName", "")
    consistent = bool(params.get("ConsistentRead"))
    if operation == "GetItem":
        return _read_units(_remember(table, parsed.get("Item")), consistent), 0.0
    if operation in ("Query", "Scan"):
        total = sum(_remember(table, item) for item in parsed.get("Items", []))
        return _read_units(total, consistent), 0.0
    if operation == "BatchGetItem":
        reads = 0.0
        for name, items in (parsed.get("Responses") or {}).items():
            wanted = (params.get("RequestItems") or {}).get(name, {})
            reads += sum(_read_units(_remember(name, item), bool(wanted.get("ConsistentRead"))) for item in items)
        return reads, 0.0
    if operation == "TransactGetItems":
        return sum(2 * _read_units(_remember("", response.get("Item")), True)
                   for response in parsed.get("Responses", [])), 0.0
    if operation in ("PutItem", "UpdateItem", "DeleteItem"):
        written = parsed.get("Attributes") if operation == "UpdateItem" else None
        units = _write_units(table, params, written)
        if operation == "DeleteItem":
            _known_sizes.pop(_key_of(table, params.get("Key") or {}), None)
        return 0.0, float(units)
    if operation == "BatchWriteItem":
        writes = 0
        for name, requests in (params.get("RequestItems") or {}).items():
            for request in requests:
                action = request.get("PutRequest") or request.get("DeleteRequest") or {}
                writes += _write_units(name, action)
        return 0.0, float(writes)
    if operation == "TransactWriteItems":
        writes = 0
        for entry in params.get("TransactItems", []):
            kind, action = next(iter(entry.items()))
            writes += 2 * _write_units(action.get("TableName", ""), action)
        return 0.0, float(writes)
    return 0.0, 0.0


def reported_units(parsed: dict[str, Any]) -> tuple[float, float] | None:
    """(read units, write units) DynamoDB reported, or None when the response has none."""
    reported = parsed.get("ConsumedCapacity")
    if not reported:
        return None
    entries = reported if isinstance(reported, list) else [reported]
    reads = sum(float(entry.get("ReadCapacityUnits", 0) or 0) for entry in entries)
    writes = sum(float(entry.get("WriteCapacityUnits", 0) or 0) for entry in entries)
    if not reads and not writes:  # TOTAL may give only CapacityUnits: read or write by the operation
        return None
    return reads, writes


# --- botocore hooks -------------------------------------------------------------------------

_PARAMS = "jaot_cost_params"


def _ask_capacity(params: dict[str, Any], model: Any, context: dict[str, Any] | None = None, **_: Any) -> None:
    if context is not None:
        context[_PARAMS] = params
    if model.name in CAPACITY_OPERATIONS and reports_capacity():
        params.setdefault("ReturnConsumedCapacity", "TOTAL")


def _count_dynamodb(model: Any, parsed: dict[str, Any] | None = None, context: dict[str, Any] | None = None,
                    **_: Any) -> None:
    active = current()
    if active is None:
        return
    parsed = parsed or {}
    operation = model.name
    reads = writes = 0.0
    if operation in CAPACITY_OPERATIONS:
        units = reported_units(parsed) if reports_capacity() else None
        if units is None and reports_capacity() and parsed.get("ConsumedCapacity"):
            total = _capacity_total(parsed["ConsumedCapacity"])
            units = (0.0, total) if operation.startswith(("Put", "Update", "Delete", "BatchWrite", "TransactWrite")) \
                else (total, 0.0)
        reads, writes = units if units is not None else estimate_units(
            operation, (context or {}).get(_PARAMS) or {}, parsed)
    active.count(ddb_calls=1, ddb_read_units=reads, ddb_write_units=writes)


def _capacity_total(reported: Any) -> float:
    entries = reported if isinstance(reported, list) else [reported]
    return sum(float(entry.get("CapacityUnits", 0) or 0) for entry in entries)


def _count_s3(model: Any, **_: Any) -> None:
    active = current()
    if active is None:
        return
    if model.name.startswith(S3_GET_CLASS):
        active.count(s3_get=1)
    elif model.name.startswith(S3_PUT_CLASS):
        active.count(s3_put=1)


def _count_sqs(model: Any, **_: Any) -> None:
    active = current()
    if active is not None:
        active.count(sqs_requests=1)


HOOKS = (
    ("provide-client-params.dynamodb", _ask_capacity),
    ("after-call.dynamodb", _count_dynamodb),
    ("after-call.s3", _count_s3),
    ("after-call.sqs", _count_sqs),
)
_installed = False


def install() -> None:
    """Hook every botocore client made from now on, and those that exist already (ours are
    cached: PynamoDB's connection, blobs' S3 client, the queues' SQS client)."""
    global _installed
    if _installed:
        return
    _installed = True
    import botocore.handlers

    botocore.handlers.BUILTIN_HANDLERS.extend(HOOKS)
    import boto3

    if boto3.DEFAULT_SESSION is not None:
        for event, handler in HOOKS:
            boto3.DEFAULT_SESSION._session.register(event, handler, unique_id=f"jaot-{event}")
    for client in _existing_clients():
        watch(client)


def watch(client: Any) -> None:
    """Hook one client made before `install` (idempotent)."""
    for event, handler in HOOKS:
        client.meta.events.register(event, handler, unique_id=f"jaot-{event}")


def _existing_clients() -> Iterator[Any]:
    from chalicelib.store import blobs, queues
    from chalicelib.store.items import TableItem

    pending, seen = [TableItem], set()
    while pending:  # PynamoDB keeps one connection (one client) per item class
        item_class = pending.pop()
        pending.extend(item_class.__subclasses__())
        connection = item_class.__dict__.get("_connection")
        client = getattr(getattr(connection, "connection", None), "_client", None)
        if client is not None and id(client) not in seen:
            seen.add(id(client))
            yield client
    for accessor in (blobs._s3, getattr(queues, "_sqs", None)):
        if accessor is not None and hasattr(accessor, "cache_info") and accessor.cache_info().currsize:
            yield accessor()


def transaction_write_units(*item_sizes: int) -> int:
    """A transaction's write units, from the sizes of the items it writes (2 per KB each)."""
    return sum(2 * _units(size, WRITE_UNIT_BYTES) for size in item_sizes)


def record_fields(usage: Usage, own_write_units: float = 0) -> dict[str, Any]:
    """The execution record's cost attributes (store/items.py ExecutionItem.cost_*).
    `own_write_units`: those of the write that stores them (estimated: it has not happened yet)."""
    return {"cost_gb_seconds": round(usage.gb_seconds, 4),
            "cost_ddb_read_units": round(usage.ddb_read_units, 1),
            "cost_ddb_write_units": round(usage.ddb_write_units + own_write_units, 1),
            "cost_s3_get": usage.s3_get, "cost_s3_put": usage.s3_put, "cost_sqs_requests": usage.sqs_requests}


def from_record(item: Any) -> Usage:
    """What earlier scopes of a run (the request that queued it) left on its record."""
    memory = memory_mb()
    return Usage(duration_s=float(item.cost_gb_seconds or 0) * 1024 / memory, memory_mb=memory,
                 ddb_read_units=float(item.cost_ddb_read_units or 0),
                 ddb_write_units=float(item.cost_ddb_write_units or 0),
                 s3_get=int(item.cost_s3_get or 0), s3_put=int(item.cost_s3_put or 0),
                 sqs_requests=int(item.cost_sqs_requests or 0))
