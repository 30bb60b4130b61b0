"""Signatures of JAOT webhooks and callbacks (`X-JAOT-Signature`), checked the way JAOT checks them.

JAOT signs a result callback it POSTs to you, and you sign an event you POST to a webhook
trigger, with the trigger's secret (`whsec_...`, shown once when the trigger is created):

    X-JAOT-Signature: t=<unix seconds>,v1=<HMAC-SHA256 hex of b"<t>." + body>

Parsing is strict, as the service's: entries separated by `,` (spaces or tabs around an
entry ignored), printable ASCII, at most 1024 characters; exactly one `t`, a plain
decimal integer; at least one `v1` of 64 lowercase hex digits (any one matching is
enough: a sender rotating secrets sends one per secret); other schemes (`v0=...`) are
ignored; the timestamp must be within `tolerance_s` (300 s) of now. Verify the raw bytes
as received, before any JSON parsing.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import time
from dataclasses import dataclass
from typing import Optional, Union

from jaot.errors import WebhookSignatureError

SIGNATURE_HEADER = "X-JAOT-Signature"
DELIVERY_HEADER = "X-JAOT-Delivery"
SCHEME = "v1"
DEFAULT_TOLERANCE_S = 300
MAX_HEADER_CHARS = 1024

_TIMESTAMP = re.compile(r"0|[1-9][0-9]{0,14}")
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_KEY = re.compile(r"[a-z][a-z0-9]{0,15}")
_VALUE = re.compile(r"[!-+\--~]+")  # printable ASCII but the comma
_SPACE = " \t"
_FORM = f"expected t=<unix seconds>,{SCHEME}=<64 hex digits>"


@dataclass(frozen=True)
class VerifiedEvent:
    """What a valid signature proves: this body was signed at this second. Remember
    `event_key` (not the header text) to refuse a replayed event."""

    timestamp: int
    body_sha256: str

    @property
    def event_key(self) -> str:
        return f"{self.timestamp}:{self.body_sha256}"


def _bytes(body: Union[bytes, str]) -> bytes:
    return body.encode() if isinstance(body, str) else bytes(body)


def sign(secret: str, body: Union[bytes, str], timestamp: Optional[int] = None) -> str:
    """The `X-JAOT-Signature` value for `body` sent at `timestamp` (now by default)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},{SCHEME}={_digest(secret, _bytes(body), timestamp)}"


def verify(secret: str, body: Union[bytes, str], header: Optional[str], *,
           tolerance_s: int = DEFAULT_TOLERANCE_S, now: Optional[int] = None) -> VerifiedEvent:
    """Check `header` against `body` and `secret`; WebhookSignatureError saying what is wrong."""
    raw = _bytes(body)
    timestamp, signatures = parse_header(header)
    expected = _digest(secret, raw, timestamp).encode()
    matches = [hmac.compare_digest(expected, candidate.encode()) for candidate in signatures]
    if not any(matches):
        raise WebhookSignatureError("Signature does not match the body and timestamp for this secret")
    age = (int(time.time()) if now is None else now) - timestamp
    if age > tolerance_s:
        raise WebhookSignatureError(f"Signature timestamp is {age} s old, more than the {tolerance_s} s allowed")
    if -age > tolerance_s:
        raise WebhookSignatureError(f"Signature timestamp is {-age} s in the future, more than the "
                                    f"{tolerance_s} s allowed (check the sender's clock)")
    return VerifiedEvent(timestamp, hashlib.sha256(raw).hexdigest())


def parse_header(header: Optional[str]) -> tuple[int, list[str]]:
    """(timestamp, v1 signatures) of a header in the documented form."""
    if header is None or not header.strip(_SPACE):
        raise WebhookSignatureError(f"Signature header is missing: {_FORM}")
    if len(header) > MAX_HEADER_CHARS:
        raise WebhookSignatureError(f"Signature header is longer than {MAX_HEADER_CHARS} characters")
    timestamps, signatures = [], []
    for item in header.split(","):
        entry = item.strip(_SPACE)
        key, sep, value = entry.partition("=")
        if not sep or not _KEY.fullmatch(key) or not _VALUE.fullmatch(value):
            raise WebhookSignatureError(f"Signature header is malformed at {entry[:80]!r}: {_FORM}")
        if key == "t":
            timestamps.append(value)
        elif key == SCHEME:
            signatures.append(value)
    if len(timestamps) != 1 or not _TIMESTAMP.fullmatch(timestamps[0]):
        raise WebhookSignatureError(f"Signature header needs exactly one t=<unix seconds>, a plain decimal "
                                    f"integer: {_FORM}")
    if not signatures:
        raise WebhookSignatureError(f"Signature header has no {SCHEME}= signature: {_FORM}")
    if not all(_SIGNATURE.fullmatch(signature) for signature in signatures):
        raise WebhookSignatureError(f"Each {SCHEME}= signature is 64 lowercase hex digits: {_FORM}")
    return int(timestamps[0]), signatures


def _digest(secret: str, body: bytes, timestamp: int) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
