"""Hostile identities: validly signed tokens with oversized or unsafe claims, tokens that
live for centuries, and oversized or malformed API keys.

Each credential is sent to a few routes; anything but a 401 JSON error got through (a 200
accepted it, a 500 means it reached storage unbounded).
"""
from __future__ import annotations

import os
import time

import jwt

CLASS = "identity inputs"
ROUTES = (("GET", "/api/v2/organization"), ("GET", "/api/v2/models"), ("GET", "/api/v2/executions"))
DAY = 24 * 3600


def run(api) -> tuple[int, int, list[str]]:
    from chalicelib.services.organizations import create_organization

    org_id, key = create_organization("identity", 10)
    secret = os.environ["JAOT_JWT_SECRET"]
    now = int(time.time())

    def token(**claims) -> str:
        payload = {"org_id": org_id, "sub": "user-1", "exp": now + 300, **claims}
        return jwt.encode({k: v for k, v in payload.items() if v is not None}, secret, algorithm="HS256")

    hostile = [
        *(token(sub=sub) for sub in ("u" * 10_000, "u" * 2_100, "u" * 256, "", "ana\x00", "ana\r\nX-Admin: 1",
                                     "ana\x1b[2J", "ana maria", "ana\u202e", "анна", "🙂", "\t")),
        token(sub=12345), token(sub=["a"]), token(sub={"id": 1}), token(sub=True),
        *(token(org_id=org) for org in ("org_" + "a" * 10_000, "org_" + "a" * 1_000, org_id.upper(), org_id + "\x00",
                                        org_id + " ", "ORG#" + org_id, "", "org_", org_id + "#META")),
        token(org_id=7), token(org_id=None), token(pad="x" * 10_000), token(pad="x" * 4_000),
        token(exp=253402300799), token(exp=now + 10 * 365 * DAY), token(exp=now + DAY + 3600),
        token(exp=now + 3600, iat=now - DAY), token(exp=None), token(exp="never"), token(exp=now + 2 ** 62),
        token(exp=now + 60, iat=now + 3600), token(exp=now + 60, nbf=now + 3600),
        "ok_live_" + "a" * 10_000, "ok_test_" + "b" * 3_000, "ok_live_\x00" + key[8:], key + "\x00",
        key.upper(), key + "x" * 200, "ok_live_" + "é" * 40, "a" * 100_000, "x" * 5_000 + ".y.z",
    ]
    tried = got_through = 0
    notes: list[str] = []
    for credential in hostile:
        for method, path in ROUTES:
            tried += 1
            status, payload, _ = api.call(method, path, {"Authorization": f"Bearer {credential}"})
            if status != 401 or not isinstance(payload, dict) or payload.get("error") != "unauthorized":
                got_through += 1
                notes.append(f"{method} {path} with {credential[:60]!r}... ({len(credential)} chars) -> {status}")
    for credential in (key, token(), token(exp=now + DAY - 120, iat=now - 60)):  # the genuine ones still work
        if api.call("GET", "/api/v2/organization", {"Authorization": f"Bearer {credential}"})[0] != 200:
            notes.append(f"a genuine credential was refused: {credential[:40]}...")
            got_through += 1
    return tried, got_through, notes
