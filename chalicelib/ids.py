"""Public identifiers: a prefix from the spec plus a random, URL-safe suffix."""
from __future__ import annotations

import hashlib
import secrets

from ulid import ULID

ORGANIZATION = "org_"
CATALOG_MODEL = "mdl_"
ORGANIZATION_MODEL = "exe_"  # the spec uses exe_ for activated/private models
EXECUTION = "exc_"
API_KEY_ID = "key_"
API_KEY_LIVE = "ok_live_"

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def random_id(prefix: str, length: int = 16) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def sortable_id(prefix: str) -> str:
    """Time-ordered id (ULID), so a sort key built on it lists oldest first."""
    return prefix + str(ULID()).lower()


def catalog_id_for(name: str) -> str:
    """Stable id of a published template: the same in every stage and deploy."""
    digest = hashlib.sha256(f"jaot-catalog:{name}".encode()).hexdigest()
    return CATALOG_MODEL + digest[:12]


def new_api_key() -> str:
    return API_KEY_LIVE + secrets.token_urlsafe(32)
