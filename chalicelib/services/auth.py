"""Who is calling: an API key (looked up by its hash) or an HS256 JWT.

Every part of a credential that reaches storage is bounded first: the header's length,
an API key's form, and a token's `org_id` and `sub` (they become the rate-limit key and
the `started_by` of runs, and DynamoDB refuses keys over 2,048 bytes with a 500). A token
must expire, and may live at most `max_token_lifetime_s` (JAOT_MAX_TOKEN_LIFETIME_S).
"""
from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from chalice.app import Request

from chalicelib import ids, observability
from chalicelib.errors import TooManyRequests, Unauthorized
from chalicelib.settings import get_settings

KEY_PREFIXES = (ids.API_KEY_LIVE, "ok_test_")
MAX_CREDENTIAL_CHARS = 4096
"""Longest API key or JWT accepted; a token with a few short claims is ~300."""
CLOCK_SKEW_S = 60
"""How far the issuer's clock may run ahead of ours when a token's lifetime is checked."""
_API_KEY = re.compile(r"ok_(?:live|test)_[A-Za-z0-9_-]{16,128}")
_ORGANIZATION_ID = re.compile(re.escape(ids.ORGANIZATION) + r"[0-9a-z]{1,32}")
_SUBJECT = re.compile(r"[!-~]{1,255}")
"""Printable ASCII, no spaces or control characters: e-mail addresses, UUIDs, `auth0|...`."""


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
    return _caller(credential)


def authenticate_goog_api_key(request: Request) -> Caller:
    """OR-Tools' remote solve client sends its key as `X-Goog-Api-Key`: accepted, as an alias
    of `Authorization: Bearer`, by the route that serves that client only (POST /mathopt/solve)."""
    if request.headers.get("authorization") is not None:
        return authenticate(request)
    credential = (request.headers.get("x-goog-api-key") or "").strip()
    if not credential:
        raise Unauthorized("Send 'X-Goog-Api-Key: <API key>' or 'Authorization: Bearer <API key or JWT>'.")
    return _caller(credential)


def _caller(credential: str) -> Caller:
    if len(credential) > MAX_CREDENTIAL_CHARS:
        raise Unauthorized(f"Bearer credential is longer than {MAX_CREDENTIAL_CHARS} characters.")
    caller = _from_api_key(credential) if credential.startswith(KEY_PREFIXES) else _from_jwt(credential)
    observability.bind(organization_id=caller.organization_id)  # on every later log line of the request
    _check_rate(caller)
    return caller


def _check_rate(caller: Caller) -> None:
    """A fixed one-minute window per credential, counted by a conditional update."""
    limit = get_settings().rate_limit_per_minute
    if not limit:
        return
    now = time.time()
    window = int(now // 60) * 60
    from chalicelib.store import organizations as store  # PynamoDB: paid by a first request, not by an import

    if store.count_request(f"{caller.organization_id}:{caller.principal}", window, limit, window + 120) is None:
        retry_after = max(1, window + 60 - int(now))
        raise TooManyRequests(f"More than {limit} requests in a minute with this credential; "
                              f"retry in {retry_after} s.", {"limit": limit, "window_s": 60},
                              headers={"Retry-After": str(retry_after)})


def _from_api_key(api_key: str) -> Caller:
    if not _API_KEY.fullmatch(api_key):
        raise Unauthorized("API key is invalid or revoked.")
    from chalicelib.store import organizations as store

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
    _check_lifetime(claims)
    organization_id, subject = claims["org_id"], claims.get("sub")
    if not isinstance(organization_id, str) or not _ORGANIZATION_ID.fullmatch(organization_id):
        raise _claim_error("org_id", "Token's org_id claim is not an organization id.")
    if subject is not None and (not isinstance(subject, str) or not _SUBJECT.fullmatch(subject)):
        raise _claim_error("sub", "Token's sub claim must be 1 to 255 printable ASCII characters, no spaces.")
    from chalicelib.store import organizations as store

    if store.get_organization(organization_id) is None:  # a signed token for a deleted org
        raise Unauthorized("Token's organization does not exist.")
    return Caller(organization_id=organization_id, principal=f"jwt:{subject or ''}")


def _check_lifetime(claims: dict) -> None:
    """A stolen token is useful until it expires: refuse tokens issued to live too long.
    `exp` and `iat` were checked to be integers (and `exp` present) by PyJWT."""
    limit = get_settings().max_token_lifetime_s
    expires_at, issued_at = int(claims["exp"]), claims.get("iat")
    if expires_at - time.time() > limit + CLOCK_SKEW_S:
        raise _claim_error("exp", f"Token expires more than {limit} s from now; issue tokens that live "
                                  f"at most {limit} s.")
    if issued_at is not None and expires_at - int(issued_at) > limit:
        raise _claim_error("exp", f"Token lives {expires_at - int(issued_at)} s (exp - iat), more than the "
                                  f"{limit} s allowed.")


def _claim_error(claim: str, message: str) -> Unauthorized:
    return Unauthorized(message, [{"field": claim, "message": message}])
