"""The running local service under concurrent HTTP requests, and its answers at the edges
(issue 13): every acknowledged write is kept, sequences never repeat or skip, credits
never go below zero."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.templates import get_template
from tests.live_server import LocalServer
from tests.local.conftest import Api, checkpoint_canvas

CREDITS = 21  # warehouse_allocation costs 3: exactly 7 runs


@pytest.fixture(scope="module")
def api():
    with LocalServer(JAOT_DEMO_CREDITS=str(CREDITS)) as server:
        client = Api(server)
        yield client
        client.http.close()


def new_document(api: Api, name: str) -> str:
    status, document = api.call("POST", "/builder", {"name": name, "canvas_json": checkpoint_canvas(0)})
    assert status == 201, document
    return document["id"]


def test_fifty_parallel_checkpoints_are_fifty_gapless_versions(api):
    document_id = new_document(api, "fifty")
    with ThreadPoolExecutor(50) as pool:
        replies = list(pool.map(lambda i: api.call("POST", f"/builder/{document_id}/versions",
                                                   {"canvas_json": checkpoint_canvas(i + 1)}), range(50)))
    assert [status for status, _ in replies] == [201] * 50, [r for r in replies if r[0] != 201][:3]
    sequences = sorted(version["sequence"] for _, version in replies)
    assert sequences == list(range(1, 51))
    status, listed = api.call("GET", f"/builder/{document_id}/versions", params={"limit": 100})
    assert status == 200
    assert sorted(version["id"] for version in listed) == sorted(version["id"] for _, version in replies)
    for _, version in replies[:5]:  # each is readable at once, with its own canvas
        status, one = api.call("GET", f"/builder/{document_id}/versions/{version['id']}")
        assert status == 200 and one["sequence"] == version["sequence"]


def test_parallel_restores_and_checkpoints_keep_every_version(api):
    document_id = new_document(api, "mixed")
    firsts = [api.call("POST", f"/builder/{document_id}/versions", {"canvas_json": checkpoint_canvas(100 + i)})[1]
              for i in range(3)]

    def act(i: int) -> tuple[int, object]:
        if i % 2:
            return api.call("POST", f"/builder/{document_id}/versions/{firsts[i % 3]['id']}/restore",
                            {"current_canvas_json": checkpoint_canvas(300 + i)})
        return api.call("POST", f"/builder/{document_id}/versions", {"canvas_json": checkpoint_canvas(200 + i)})

    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(act, range(20)))
    assert all(status in (200, 201) for status, _ in replies), [r for r in replies if r[0] not in (200, 201)][:3]
    status, listed = api.call("GET", f"/builder/{document_id}/versions", params={"limit": 100})
    sequences = sorted(version["sequence"] for version in listed)
    assert sequences == list(range(1, len(sequences) + 1))  # none lost, none repeated, no gap
    created = {version["id"] for status, version in replies if status == 201}
    assert created <= {version["id"] for version in listed}
    assert {version["id"] for version in firsts} <= {version["id"] for version in listed}


def test_twenty_parallel_executes_with_credits_for_seven_never_overdraw(api):
    status, model = api.call("POST", f"/models/catalog/{catalog_id_for('warehouse_allocation')}/activate")
    assert status in (200, 201), model
    body = {"input_data": get_template("warehouse_allocation").example_input}
    with ThreadPoolExecutor(20) as pool:
        statuses = list(pool.map(lambda _: api.call("POST", f"/models/{model['id']}/execute", body)[0], range(20)))
    assert sorted(statuses) == [200] * 7 + [402] * 13
    assert api.call("GET", "/organization")[1]["credits"] == 0


def test_an_unknown_path_is_our_404_envelope(api):
    for method, path in (("GET", "/nope"), ("POST", "/models/x/y/z"), ("DELETE", "/")):
        response = api.http.request(method, path)
        assert response.status_code == 404, (method, path)
        assert response.json() == {"error": "not_found", "message": "No route matches this method and path.",
                                   "details": None}


def test_docs_with_a_trailing_slash_reaches_the_page(api):
    base = api.server.base_url
    page = httpx.get(f"{base}/docs/", follow_redirects=True)
    assert page.status_code == 200 and str(page.url) == f"{base}/docs"
    assert 'src="docs/swagger-ui-bundle.js"' in page.text
    assert httpx.get(f"{base}/docs/swagger-ui-bundle.js").status_code == 200
