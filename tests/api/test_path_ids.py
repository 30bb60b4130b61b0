"""A path parameter that cannot be an id answers 404 on every id route, before any store
call: a 3,000-character id once reached DynamoDB, whose key limits (2,048 bytes) make it a
500 in AWS (moto does not enforce them, so the test counts the store calls instead)."""
import re
from collections import Counter

import botocore.handlers
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
def store_calls():
    calls = Counter()
    hook = ("before-call.dynamodb", lambda model, **_: calls.update([model.name]))
    botocore.handlers.BUILTIN_HANDLERS.append(hook)
    yield calls
    botocore.handlers.BUILTIN_HANDLERS.remove(hook)


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


def test_no_store_call_is_made_for_it(client, store_calls):
    org = new_org()
    store_calls.clear()
    status, _ = call(client, "POST", "/api/v2/hooks/" + "t" * 3000, None, {})
    assert status == 404 and sum(store_calls.values()) == 0
    status, _ = call(client, "GET", "/api/v2/triggers/" + "t" * 3000, org)
    assert status == 404
    assert set(store_calls) <= {"GetItem", "UpdateItem"}  # the caller's key and rate limit, nothing keyed by the id
