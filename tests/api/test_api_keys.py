"""API keys: created once, stored as hashes, listed by prefix, revoked at once; rate limits."""
from __future__ import annotations

import json

import boto3
import pytest

from chalicelib.settings import get_settings
from tests.api.helpers import call, new_org


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}


def test_a_new_key_is_shown_once_stored_as_a_hash_and_revoked_at_once(client):
    org = new_org()
    status, created = call(client, "POST", "/api/v2/api-keys", org, {"name": "nightly"})
    assert status == 201 and created["key"].startswith("ok_live_") and created["prefix"] == created["key"][:12]
    new_key = created["key"]
    assert client.http.get("/api/v2/organization", headers=bearer(new_key)).status_code == 200

    _, listed = call(client, "GET", "/api/v2/api-keys", org)
    assert listed["total"] == 2 and new_key not in json.dumps(listed)
    assert {item["name"] for item in listed["items"]} == {"nightly", None}

    # No item anywhere in the table holds the key itself (a test-only Scan).
    items = boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    assert new_key not in json.dumps(items) and org.key not in json.dumps(items)

    status, revoked = call(client, "DELETE", f"/api/v2/api-keys/{created['id']}", org)
    assert status == 200 and revoked["revoked_at"] is not None
    response = client.http.get("/api/v2/organization", headers=bearer(new_key))
    assert response.status_code == 401
    assert call(client, "DELETE", f"/api/v2/api-keys/{created['id']}", org)[0] == 409
    assert call(client, "GET", "/api/v2/organization", org)[0] == 200  # the other key still works


def test_another_organizations_keys_are_invisible(client):
    owner, other = new_org(), new_org()
    _, created = call(client, "POST", "/api/v2/api-keys", owner, {})
    status, error = call(client, "DELETE", f"/api/v2/api-keys/{created['id']}", other)
    assert status == 404 and created["id"] not in json.dumps(error)
    assert call(client, "GET", "/api/v2/api-keys", other)[1]["total"] == 1
    assert client.http.get("/api/v2/organization", headers=bearer(created["key"])).status_code == 200


@pytest.mark.parametrize("body", [{"name": ""}, {"name": "x" * 121}, {"scope": "all"}])
def test_bad_key_requests_are_400(client, body):
    assert call(client, "POST", "/api/v2/api-keys", new_org(), body)[0] == 400


def test_requests_beyond_the_rate_limit_get_429_with_retry_after(client, monkeypatch):
    monkeypatch.setenv("JAOT_RATE_LIMIT_PER_MINUTE", "5")
    get_settings.cache_clear()
    org, neighbour = new_org(), new_org()
    statuses = [client.http.get("/api/v2/organization", headers=org.headers).status_code for _ in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    response = client.http.get("/api/v2/organization", headers=org.headers)
    body = json.loads(response.body)
    assert body["error"] == "too_many_requests" and 1 <= int(response.headers["Retry-After"]) <= 60
    # The limit is per credential: another organization is not slowed down.
    assert client.http.get("/api/v2/organization", headers=neighbour.headers).status_code == 200
