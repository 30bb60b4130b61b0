"""HMAC-SHA256 signatures for inbound webhooks and outbound callbacks (Stripe's scheme).

The signed payload is `b"<timestamp>." + body`, so a captured request cannot be
replayed later (the timestamp must be recent) nor with another body. The header is
`t=<unix seconds>,v1=<hex digest>[,v1=<hex digest>...]`: a sender rotating its
secret signs with the old and the new one, and a signature under either verifies.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

SECRET_PREFIX = "whsec_"
SCHEME = "v1"
DEFAULT_TOLERANCE_S = 300

_TIMESTAMP = re.compile(r"[0-9]{1,15}")


class SignatureError(ValueError):
    """A request whose signature does not prove it came, recently, from the secret's holder."""


def new_secret() -> str:
    """A signing secret, shown to its owner once."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value for `body` sent at `timestamp` (unix seconds)."""
    return f"t={timestamp},{SCHEME}={_digest(secret, body, timestamp)}"


def verify(secret: str, body: bytes, header: str | None, now: int,
           tolerance_s: int = DEFAULT_TOLERANCE_S) -> None:
    """Return if `header` signs `body` under `secret` within `tolerance_s` of `now`;
    raise SignatureError saying what is wrong otherwise."""
    timestamp, signatures = _parse(header)
    expected = _digest(secret, body, timestamp).encode()
    # Check every entry, without stopping early, so timing does not tell which one matched.
    matches = [hmac.compare_digest(expected, candidate.encode()) for candidate in signatures]
    if not any(matches):
        raise SignatureError("Signature does not match the body and timestamp for this secret")
    age = now - timestamp
    if age > tolerance_s:
        raise SignatureError(f"Signature timestamp is {age} s old, more than the {tolerance_s} s allowed")
    if -age > tolerance_s:
        raise SignatureError(f"Signature timestamp is {-age} s in the future, more than the "
                             f"{tolerance_s} s allowed (check the sender's clock)")


def _digest(secret: str, body: bytes, timestamp: int) -> str:
    payload = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def _parse(header: str | None) -> tuple[int, list[str]]:
    """`t=...,v1=...` as (timestamp, v1 signatures); entries of other schemes are ignored."""
    expected_form = f"expected t=<unix seconds>,{SCHEME}=<hex signature>"
    if header is None or not header.strip():
        raise SignatureError(f"Signature header is missing: {expected_form}")
    timestamps, signatures = [], []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep or not key or not value:
            raise SignatureError(f"Signature header is malformed at {item.strip()!r}: {expected_form}")
        if key == "t":
            timestamps.append(value)
        elif key == SCHEME:
            signatures.append(value)
    if len(timestamps) != 1 or not _TIMESTAMP.fullmatch(timestamps[0]):
        raise SignatureError(f"Signature header needs exactly one t=<unix seconds>: {expected_form}")
    if not signatures:
        raise SignatureError(f"Signature header has no {SCHEME}= signature: {expected_form}")
    return int(timestamps[0]), signatures
