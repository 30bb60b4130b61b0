"""HMAC-SHA256 signatures for inbound webhooks and outbound callbacks (Stripe's scheme).

The signed payload is `b"<t>." + body`: a signature is bound to one body and one
second, so a captured request cannot be sent later (the timestamp must be within the
tolerance, 300 s by default) nor with another body.

Header format (`X-JAOT-Signature`), parsed strictly:

    t=<unix seconds>,v1=<64 lowercase hex digits>[,v1=<...>][,<scheme>=<value>]

- entries are separated by `,`; spaces or tabs around an entry are ignored, none are
  allowed inside a key or value; the whole header is printable ASCII, at most 1024
  characters;
- exactly one `t`, a canonical decimal integer (no sign, no leading zero);
- at least one `v1`: HMAC-SHA256 of `"<t>." + body` under the secret, hex. A sender
  rotating its secret sends one `v1` per secret; the request verifies if any matches;
- keys are lowercase (`[a-z][a-z0-9]*`); entries of other schemes (`v0=...`) are
  ignored, so a future scheme can be added beside `v1`.

A verified request is identified by what was verified, `Verified(timestamp,
body_sha256)`, never by the header text: every spelling of one signed event (entries
reordered, re-spaced, extra or other-scheme entries) is the same event, and a receiver
that remembers accepted events must key them on this (see `Verified.event_key`).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

SECRET_PREFIX = "whsec_"
SCHEME = "v1"
DEFAULT_TOLERANCE_S = 300
MAX_HEADER_CHARS = 1024

_TIMESTAMP = re.compile(r"0|[1-9][0-9]{0,14}")
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_KEY = re.compile(r"[a-z][a-z0-9]{0,15}")
_VALUE = re.compile(r"[!-+\--~]+")  # printable ASCII but the comma
_OPTIONAL_SPACE = " \t"
_EXPECTED_FORM = f"expected t=<unix seconds>,{SCHEME}=<64 hex digits>"


class SignatureError(ValueError):
    """A request whose signature does not prove it came, recently, from the secret's holder."""


@dataclass(frozen=True)
class Verified:
    """What a valid signature proves: this body was signed at this second."""

    timestamp: int
    body_sha256: str

    def event_key(self, scope: str) -> str:
        """One key per signed event within `scope` (e.g. a trigger id), whatever the header's spelling."""
        return hashlib.sha256(f"{scope}\n{self.timestamp}\n{self.body_sha256}".encode()).hexdigest()


def new_secret() -> str:
    """A signing secret, shown to its owner once."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value for `body` sent at `timestamp` (unix seconds)."""
    return f"t={timestamp},{SCHEME}={_digest(secret, body, timestamp)}"


def verify(secret: str, body: bytes, header: str | None, now: int,
           tolerance_s: int = DEFAULT_TOLERANCE_S) -> Verified:
    """What `header` proves about `body` under `secret` within `tolerance_s` of `now`;
    SignatureError saying what is wrong otherwise."""
    timestamp, signatures = parse_header(header)
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
    return Verified(timestamp, hashlib.sha256(body).hexdigest())


def parse_header(header: str | None) -> tuple[int, list[str]]:
    """(timestamp, v1 signatures) of a header in the documented form; SignatureError otherwise."""
    if header is None or not header.strip(_OPTIONAL_SPACE):
        raise SignatureError(f"Signature header is missing: {_EXPECTED_FORM}")
    if len(header) > MAX_HEADER_CHARS:
        raise SignatureError(f"Signature header is longer than {MAX_HEADER_CHARS} characters")
    timestamps, signatures = [], []
    for item in header.split(","):
        entry = item.strip(_OPTIONAL_SPACE)
        key, sep, value = entry.partition("=")
        if not sep or not _KEY.fullmatch(key) or not _VALUE.fullmatch(value):
            raise SignatureError(f"Signature header is malformed at {entry[:80]!r}: {_EXPECTED_FORM}")
        if key == "t":
            timestamps.append(value)
        elif key == SCHEME:
            signatures.append(value)
    if len(timestamps) != 1 or not _TIMESTAMP.fullmatch(timestamps[0]):
        raise SignatureError(f"Signature header needs exactly one t=<unix seconds>, a plain decimal "
                             f"integer: {_EXPECTED_FORM}")
    if not signatures:
        raise SignatureError(f"Signature header has no {SCHEME}= signature: {_EXPECTED_FORM}")
    if not all(_SIGNATURE.fullmatch(signature) for signature in signatures):
        raise SignatureError(f"Each {SCHEME}= signature is 64 lowercase hex digits: {_EXPECTED_FORM}")
    return int(timestamps[0]), signatures


def _digest(secret: str, body: bytes, timestamp: int) -> str:
    payload = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
