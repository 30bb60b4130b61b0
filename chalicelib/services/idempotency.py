"""`Idempotency-Key`: a retried execute or solve returns the first answer and charges nothing.

The first request with a key claims it (conditional put) and stores its response when it
ends; the same key with the same request within 24 h gets that response back, marked
`Idempotent-Replayed: true`; with a different request, or while the first still runs, a 409.
A first request that did not run (a 4xx such as bad input or no credits) frees its key, as
Stripe does, so a corrected retry may reuse it.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from chalicelib.clock import utc_now_iso
from chalicelib.errors import BadRequest, Conflict
from chalicelib.services.auth import Caller
from chalicelib.store import idempotency as store

TTL_S = 24 * 3600
MAX_KEY_LENGTH = 255
REPLAYED_HEADER = "Idempotent-Replayed"
KEPT_HEADERS = ("Location",)


@dataclass
class Reply:
    status_code: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def run(caller: Caller, key: str, request_hash: str, respond: Callable[[], Reply]) -> Reply:
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable() or not key.isascii():
        raise BadRequest(f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable ASCII characters.",
                         [{"field": "Idempotency-Key", "message": "invalid"}])
    digest = hashlib.sha256(key.encode()).hexdigest()
    for _ in range(2):  # a record that expires between the claim and the read: claim again
        claimed = store.claim(caller.organization_id, digest, request_hash, utc_now_iso(), int(time.time()), TTL_S)
        if claimed is not None:
            return _first(claimed, respond)
        existing = store.get(caller.organization_id, digest)
        if existing is not None:
            return _replay(existing, request_hash)
    raise Conflict("This Idempotency-Key is changing hands; retry.", headers={"Retry-After": "1"})


def fingerprint(method: str, path: str, body: bytes, prefer: str | None) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), (prefer or "").encode(), body):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _first(claimed: Any, respond: Callable[[], Reply]) -> Reply:
    try:
        reply = respond()
    except BaseException:
        store.release(claimed)
        raise
    if reply.status_code >= 500:
        store.release(claimed)
        return reply
    kept = {name: value for name, value in reply.headers.items() if name in KEPT_HEADERS}
    store.complete(claimed, reply.status_code, reply.body, kept)
    return reply


def _replay(existing: Any, request_hash: str) -> Reply:
    if existing.request_hash != request_hash:
        raise Conflict("This Idempotency-Key was already used with a different request; use a new key.")
    if existing.state != "done":
        raise Conflict("A request with this Idempotency-Key is still running; retry shortly.",
                       headers={"Retry-After": "1"})
    return Reply(int(existing.status_code), store.response_body(existing),
                 {**(existing.headers or {}), REPLAYED_HEADER: "true"})
