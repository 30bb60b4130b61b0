"""A path parameter that cannot be an id answers 404 on every id route, before any store
call: a 3,000-character id once reached DynamoDB, whose key limits (2,048 bytes) make it a
500 in AWS (moto does not enforce them, so the test counts the store calls instead)."""
import json
import re

import pytest

from tests.api.helpers import call, new_org

HOSTILE_IDS = ["a" * 3000, "trg_" + "x" * 200, "exe_%00", "doc_%E2%80%AE", "ver_1_a%2F..%2F"]


def id_routes():
    from app import app

    for path, methods in app.routes.items():
        if "{" in path:
            for method in methods:
                yield method, path


@pytest.fixture
def store_requests():
    """The parameters of every DynamoDB request made while the test runs."""
    from chalicelib.store.items import TableItem

    seen: list[str] = []
    events = TableItem._get_connection().connection.client.meta.events  # the client the store uses

    def record(params, **_):
        seen.append(json.dumps(params, default=str))

    events.register("before-call.dynamodb", record)
    yield seen
    events.unregister("before-call.dynamodb", record)


def test_every_id_route_answers_404_to_an_id_that_cannot_be_one(client):
    org = new_org()
    routes = list(id_routes())
    assert len(routes) >= 20
    for method, path in routes:
        for hostile in HOSTILE_IDS:
            url = re.sub(r"\{[a-z_]+\}", hostile, path)
            status, body = call(client, method, url, org, {} if method in ("POST", "PUT", "PATCH") else None)
            assert status == 404, (method, url[:80], status, body)
            assert body["error"] == "not_found", body


def test_no_store_request_carries_it(client, store_requests):
    org = new_org()
    hostile = "trg_" + "t" * 3000
    for method, path in id_routes():
        url = re.sub(r"\{[a-z_]+\}", hostile, path)
        call(client, method, url, org, {} if method in ("POST", "PUT", "PATCH") else None)
    assert store_requests  # the callers' keys were looked up...
    assert not [request for request in store_requests if hostile in request]  # ...the id never
