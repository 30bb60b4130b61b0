"""Hostile tenants: organization B, with its API key and with a JWT, tries every route that takes
an id on organization A's ids. Always a 404, nothing changed, and no list, count or error
message of B's mentions anything of A's."""
from __future__ import annotations

import json
import time

import boto3
import jwt
import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.settings import get_settings
from tests.api.builder_helpers import production_canvas
from tests.api.helpers import Org, call, new_org
from tests.api.test_execute import SPEC_INPUT

# Routes whose ids are not organization-scoped: the catalog (public), webhooks (signed
# with the trigger's own secret, tested in test_triggers.py) and the docs' static assets.
NOT_TENANT_SCOPED = {("POST", "/api/v2/models/catalog/{catalog_id}/activate"),
                     ("POST", "/api/v2/hooks/{trigger_id}"), ("GET", "/docs/{asset}"),
                     ("GET", "/console/assets/{asset}")}

# A valid body for each id route, so that B's request fails on the id, not on the body.
BODIES = {
    ("PATCH", "/api/v2/models/{model_id}"): {"custom_name": "mine now"},
    ("POST", "/api/v2/models/{model_id}/execute"): {"input_data": SPEC_INPUT},
    ("PUT", "/api/v2/builder/{document_id}"): {"name": "mine now"},
    ("POST", "/api/v2/builder/{document_id}/compile"): {},
    ("POST", "/api/v2/builder/{document_id}/execute"): {},
    ("POST", "/api/v2/builder/{document_id}/versions"): {"canvas_json": production_canvas(9)},
    ("PATCH", "/api/v2/builder/{document_id}/versions/{version_id}"): {"version_name": "mine now"},
    ("POST", "/api/v2/builder/{document_id}/versions/{version_id}/restore"): {"current_canvas_json": production_canvas(9)},
    ("PATCH", "/api/v2/triggers/{trigger_id}"): {"name": "mine now"},
}
LISTS = ["/api/v2/models", "/api/v2/builder", "/api/v2/executions", "/api/v2/triggers", "/api/v2/api-keys"]


def jwt_headers(org: Org) -> dict[str, str]:
    token = jwt.encode({"org_id": org.id, "sub": "mallory", "exp": int(time.time()) + 600},
                       "test-secret-for-jwt-signing-0123456789", algorithm="HS256")
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


@pytest.fixture
def victim(client):
    """Organization A with one of everything."""
    org = new_org(credits=50)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    _, run = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, {"input_data": SPEC_INPUT})
    _, doc = call(client, "POST", "/api/v2/builder", org, {"name": "Secret plan", "canvas_json": production_canvas()})
    _, first = call(client, "POST", f"/api/v2/builder/{doc['id']}/versions", org, {"canvas_json": production_canvas()})
    call(client, "POST", f"/api/v2/builder/{doc['id']}/versions", org, {"canvas_json": production_canvas(20)})
    _, trigger = call(client, "POST", "/api/v2/triggers", org, {"name": "Nightly", "type": "webhook",
                                                                  "model_id": model["id"]})
    _, key = call(client, "POST", "/api/v2/api-keys", org, {"name": "ci"})
    ids = {"model_id": model["id"], "execution_id": run["execution_id"], "document_id": doc["id"],
           "version_id": first["id"], "trigger_id": trigger["id"], "key_id": key["id"]}
    return org, ids


def table_items() -> list:
    """Test-only Scan: the whole table, to prove nothing changed."""
    return sorted(repr(sorted(item.items())) for item in
                  boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"])


def id_routes(app) -> list[tuple[str, str]]:
    return sorted((method, path) for path, methods in app.routes.items() for method in methods
                  if "{" in path and (method, path) not in NOT_TENANT_SCOPED)


@pytest.mark.parametrize("credential", ["api_key", "jwt"])
def test_another_organizations_ids_are_404_on_every_route(client, victim, credential):
    from app import app

    owner, ids = victim
    attacker = new_org(credits=50)
    headers = attacker.headers if credential == "api_key" else jwt_headers(attacker)
    before = table_items()
    routes = id_routes(app)
    assert len(routes) >= 18  # every id route of the API, checked below
    for method, template in routes:
        path = template.format(**ids)
        body = BODIES.get((method, template))
        response = getattr(client.http, method.lower())(path, headers=headers,
                                                        body=None if body is None else json.dumps(body))
        text = response.body.decode() if isinstance(response.body, bytes) else response.body
        assert response.status_code == 404, (method, template, response.status_code, text)
        leaked = [value for value in ids.values() if value in text] + (["Secret plan"] if "Secret plan" in text else [])
        assert not leaked, (method, template, leaked)
    # Rate-limit windows are the attacker's own; apart from those, not one item changed.
    assert [item for item in table_items() if "RATE#" not in item] == [item for item in before if "RATE#" not in item]


@pytest.mark.parametrize("credential", ["api_key", "jwt"])
def test_no_list_or_count_reveals_another_organization(client, victim, credential):
    owner, ids = victim
    attacker = new_org(credits=50)
    headers = attacker.headers if credential == "api_key" else jwt_headers(attacker)
    for path in LISTS:
        response = client.http.get(path, headers=headers)
        text = response.body.decode() if isinstance(response.body, bytes) else response.body
        assert response.status_code == 200, path
        assert not [value for value in ids.values() if value in text], path
        body = json.loads(text)
        items = body if isinstance(body, list) else body.get("items", [])
        expected = 1 if path == "/api/v2/api-keys" else 0  # the attacker's own first key
        assert len(items) == expected and body.get("total", expected) == expected, path
    # Filtering B's executions by A's ids finds nothing either.
    for name in ("model_id", "document_id", "version_id", "trigger_id"):
        _, page = call(client, "GET", f"/api/v2/executions?{name}={ids[name]}", Org(attacker.id, attacker.key))
        assert page["items"] == []
