"""Public identifiers: a prefix from the spec plus a random, URL-safe suffix."""
from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time

ORGANIZATION = "org_"
CATALOG_MODEL = "mdl_"
ORGANIZATION_MODEL = "exe_"  # the spec uses exe_ for activated/private models
EXECUTION = "exc_"
DOCUMENT = "doc_"
VERSION = "ver_"
API_KEY_ID = "key_"
API_KEY_LIVE = "ok_live_"

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"  # ULID's base32, lower case as our ids write it
_RANDOM_BITS = 80
_ulid_lock = threading.Lock()
_last_ulid = (0, 0)  # (milliseconds, randomness) of the previous id: ids of one millisecond stay ordered


def random_id(prefix: str, length: int = 16) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def sortable_id(prefix: str) -> str:
    """Time-ordered id (ULID), so a sort key built on it lists oldest first."""
    return prefix + new_ulid()


def new_ulid() -> str:
    """A ULID in lower case: 48 bits of Unix milliseconds then 80 random bits, 26 base32
    characters. Within one millisecond the randomness of the previous id plus one, as
    python-ulid's strict monotonic policy does (written here: that library's import costs
    ~70 ms of every cold start, importlib.metadata included)."""
    global _last_ulid
    millis = time.time_ns() // 1_000_000
    with _ulid_lock:
        last_millis, last_random = _last_ulid
        if millis == last_millis:
            randomness = last_random + 1
            if randomness >> _RANDOM_BITS:
                raise ValueError("Randomness within same millisecond exhausted")
        else:
            randomness = int.from_bytes(os.urandom(_RANDOM_BITS // 8), "big")
        _last_ulid = (millis, randomness)
    return encode_ulid(millis, randomness)


def encode_ulid(millis: int, randomness: int) -> str:
    """The 26-character lower-case ULID of a timestamp (ms, 48 bits) and randomness (80 bits)."""
    value = (millis << _RANDOM_BITS) | randomness
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def version_id(sequence: int) -> str:
    """`ver_<sequence in base 36>_<random>`: the random part makes it unguessable, the
    sequence lets the store find the version with one key lookup."""
    return random_id(f"{VERSION}{_base36(sequence)}_", 12)


def version_sequence(version: str) -> int | None:
    """The sequence inside a version id, or None if it is not one."""
    head, sep, tail = version.removeprefix(VERSION).partition("_")
    if not version.startswith(VERSION) or not sep or len(tail) != 12 or not head.isalnum():
        return None
    try:
        return int(head, 36)
    except ValueError:
        return None


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, remainder = divmod(number, 36)
        digits = _ALPHABET[remainder] + digits
        if number == 0:
            return digits


def catalog_id_for(name: str) -> str:
    """Stable id of a published template: the same in every stage and deploy."""
    digest = hashlib.sha256(f"jaot-catalog:{name}".encode()).hexdigest()
    return CATALOG_MODEL + digest[:12]


def new_api_key() -> str:
    return API_KEY_LIVE + secrets.token_urlsafe(32)
