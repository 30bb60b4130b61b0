"""Identity inputs are bounded: claim sizes and characters, token length, token lifetime.

A valid signature does not make a claim safe to use: `sub` and `org_id` end up in
DynamoDB keys (the rate-limit window) and records, so each is bounded, and a token
may live at most JAOT_MAX_TOKEN_LIFETIME_S (24 h by default).
"""
from __future__ import annotations

import time

import jwt
import pytest

from chalicelib.settings import get_settings
from tests.api.helpers import call, new_org

ME = "/api/v2/organization"
DAY = 24 * 3600


def token(organization: str, **claims) -> str:
    payload = {"org_id": organization, "sub": "user-1", "exp": int(time.time()) + 300, **claims}
    return jwt.encode({k: v for k, v in payload.items() if v is not None}, get_settings().jwt_secret,
                      algorithm="HS256")


def me(client, credential: str) -> tuple[int, dict]:
    return call(client, "GET", ME, headers={"Authorization": f"Bearer {credential}"})


@pytest.fixture
def org():
    return new_org()


@pytest.mark.parametrize("claims", [
    {"sub": "u" * 10_000},
    {"sub": "u" * 256},
    {"sub": ""},
    {"sub": "ana\x00"},
    {"sub": "ana\nX-Admin: 1"},
    {"sub": "ana\x1b[31m"},
    {"sub": "ana maria"},
    {"sub": "ana\u202emoc.live"},
    {"sub": "анна"},
    {"sub": 12345},
    {"sub": ["ana"]},
    {"org_id": "org_" + "a" * 10_000},
    {"org_id": "org_ABC!"},
    {"org_id": "org_abc\x00"},
    {"org_id": ""},
    {"org_id": 7},
    {"pad": "x" * 10_000},
])
def test_oversized_or_unsafe_claims_are_401_not_500(client, org, claims):
    status, body = me(client, token(org.id, **claims))
    assert (status, body["error"]) == (401, "unauthorized")


def test_a_token_that_lives_past_the_maximum_lifetime_is_refused(client, org):
    now = int(time.time())
    for claims in ({"exp": 253402300799},  # 9999-12-31
                   {"exp": now + DAY + 3600},
                   {"exp": now + 3600, "iat": now - DAY},  # issued a day ago for 25 h
                   {"exp": None}):
        status, body = me(client, token(org.id, **claims))
        assert (status, body["error"]) == (401, "unauthorized"), claims
    assert me(client, token(org.id, exp=now + DAY - 60))[0] == 200
    assert me(client, token(org.id, exp=now + 3600, iat=now - 60))[0] == 200


def test_the_maximum_lifetime_is_a_setting(client, org, monkeypatch):
    monkeypatch.setenv("JAOT_MAX_TOKEN_LIFETIME_S", "600")
    get_settings.cache_clear()
    now = int(time.time())
    assert me(client, token(org.id, exp=now + 1200))[0] == 401
    assert me(client, token(org.id, exp=now + 500))[0] == 200
    assert me(client, token(org.id, exp=now + 500, iat=now - 200))[0] == 401


def test_a_sensible_subject_is_kept_as_the_principal(client, org):
    for subject in ("ana@example.com", "auth0|5f7c8ec7c33c6c004bbafe82", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
                    "x" * 255):
        assert me(client, token(org.id, sub=subject))[0] == 200, subject


@pytest.mark.parametrize("credential", [
    "ok_live_" + "a" * 10_000, "ok_test_" + "b" * 5_000, "ok_live_\x00", "a" * 100_000,
    "x" * 5000 + ".y.z", "ok_live_" + "é" * 40,
])
def test_oversized_credentials_are_401(client, credential):
    status, body = me(client, credential)
    assert (status, body["error"]) == (401, "unauthorized")
