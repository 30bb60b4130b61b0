"""Who is calling: an API key (looked up by its hash) or an HS256 JWT."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from chalice.app import Request

from chalicelib import ids
from chalicelib.errors import TooManyRequests, Unauthorized
from chalicelib.settings import get_settings
from chalicelib.store import organizations as store

KEY_PREFIXES = (ids.API_KEY_LIVE, "ok_test_")


@dataclass(frozen=True)
class Caller:
    organization_id: str
    principal: str
    """What authenticated: `key_...` for an API key, `jwt:<sub>` for a token."""


def hash_api_key(api_key: str) -> str:
    """Keys carry 256 random bits, so one SHA-256 is enough to store them safely."""
    return hashlib.sha256(api_key.encode()).hexdigest()


def authenticate(request: Request) -> Caller:
    header = request.headers.get("authorization") or ""
    scheme, _, credential = header.partition(" ")
    credential = credential.strip()
    if scheme.lower() != "bearer" or not credential:
        raise Unauthorized("Send 'Authorization: Bearer <API key or JWT>'.")
    caller = _from_api_key(credential) if credential.startswith(KEY_PREFIXES) else _from_jwt(credential)
    _check_rate(caller)
    return caller


def _check_rate(caller: Caller) -> None:
    """A fixed one-minute window per credential, counted by a conditional update."""
    limit = get_settings().rate_limit_per_minute
    if not limit:
        return
    now = time.time()
    window = int(now // 60) * 60
    if store.count_request(f"{caller.organization_id}:{caller.principal}", window, limit, window + 120) is None:
        retry_after = max(1, window + 60 - int(now))
        raise TooManyRequests(f"More than {limit} requests in a minute with this credential; "
                              f"retry in {retry_after} s.", {"limit": limit, "window_s": 60},
                              headers={"Retry-After": str(retry_after)})


def _from_api_key(api_key: str) -> Caller:
    item = store.get_api_key_by_hash(hash_api_key(api_key))
    if item is None or item.revoked_at:
        raise Unauthorized("API key is invalid or revoked.")
    return Caller(organization_id=item.organization_id, principal=item.key_id)


def _from_jwt(token: str) -> Caller:
    import jwt  # only JWT callers pay for the import

    secret = get_settings().jwt_secret
    if not secret:
        raise Unauthorized("Bearer credential is not an API key, and JWT sign-in is not enabled.")
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"],
                            options={"require": ["exp", "org_id"]})
    except jwt.ExpiredSignatureError:
        raise Unauthorized("Token has expired.") from None
    except jwt.InvalidTokenError as error:
        raise Unauthorized(f"Token is invalid: {error}.") from None
    organization_id = claims["org_id"]
    if not isinstance(organization_id, str) or not organization_id.startswith(ids.ORGANIZATION):
        raise Unauthorized("Token's org_id claim is not an organization id.")
    if store.get_organization(organization_id) is None:  # a signed token for a deleted org
        raise Unauthorized("Token's organization does not exist.")
    return Caller(organization_id=organization_id, principal=f"jwt:{claims.get('sub', '')}")
