"""GET /console and its assets: headers, CSP, the 503 before a build, no path traversal."""
from __future__ import annotations

import http.client
import re

import pytest
from chalice.test import Client

from chalicelib.api import console

INDEX = """<!DOCTYPE html><html><head>
<script type="module" crossorigin src="./assets/index-AbC123_x.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-Zz9.css">
</head><body><div id="root"></div></body></html>"""


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A console build of two assets (what Vite emits), in place of chalicelib/console_assets/."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-AbC123_x.js").write_text("console.log('jaot');")
    (tmp_path / "assets" / "index-Zz9.css").write_text("body{margin:0}")
    (tmp_path / "secret.txt").write_text("not an asset")
    monkeypatch.setattr(console, "ASSETS_DIR", tmp_path)
    monkeypatch.setattr(console, "INDEX", tmp_path / "index.html")
    return tmp_path


@pytest.fixture
def client():
    from app import app

    with Client(app) as test_client:
        yield test_client


def test_the_page_points_at_its_assets_and_sends_a_strict_policy(client, built):
    response = client.http.get("/console")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-cache"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    references = re.findall(r'(?:src|href)="([^"]+)"', response.body.decode())
    # Relative to /console (or /<stage>/console on API Gateway): console/assets/…
    assert references == ["console/assets/index-AbC123_x.js", "console/assets/index-Zz9.css"]
    script = client.http.get("/console/assets/index-AbC123_x.js")
    assert script.status_code == 200 and script.body == b"console.log('jaot');"
    assert script.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert script.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    style = client.http.get("/console/assets/index-Zz9.css")
    assert style.headers["Content-Type"] == "text/css; charset=utf-8"


def test_the_page_needs_no_key(client, built):
    assert client.http.get("/console", headers={"Authorization": "Bearer ok_live_wrong"}).status_code == 200


@pytest.mark.parametrize("name", ["..", "...", "..%2Fsecret.txt", "%2e%2e", "secret.txt", "index.html",
                                  "a.js%00.css", "a.js\x00", ".js", "missing-123.js", "assets", "x.py"])
def test_only_built_asset_names_are_served(client, built, name):
    response = client.http.get(f"/console/assets/{name}")
    assert response.status_code == 404
    assert response.json_body["error"] == "not_found"


def test_an_unbuilt_console_says_how_to_build_it(client, tmp_path, monkeypatch):
    monkeypatch.setattr(console, "ASSETS_DIR", tmp_path / "none")
    monkeypatch.setattr(console, "INDEX", tmp_path / "none" / "index.html")
    for path in ("/console", "/console/assets/index-AbC123_x.js"):
        response = client.http.get(path)
        assert response.status_code == 503
        assert response.json_body["error"] == "service_unavailable"
        assert "make console" in response.json_body["message"]


def raw_get(server, path: str) -> tuple[int, bytes]:
    """A GET of `path` exactly as written (no client-side normalization of dots or escapes)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("path", ["/console/assets/..%2F..%2Fapp.py", "/console/assets/%2e%2e%2findex.html",
                                  "/console/assets/..%5C..%5Capp.py", "/console/assets/%2e%2e",
                                  "/console/assets/index.html%00.js", "/console/assets/../../app.py",
                                  "/console/assets/..", "/console/assets/%252e%252e%252fapp.py"])
def test_traversal_over_real_http_reads_nothing_outside_the_assets(console_server, path):
    status, body = raw_get(console_server, path)
    assert status in (403, 404), (status, body[:200])
    assert b"register_blueprint" not in body and b"<!DOCTYPE" not in body


def test_the_live_page_and_every_asset_it_names_are_served(console_server):
    status, html = raw_get(console_server, "/console")
    assert status == 200
    references = re.findall(r'(?:src|href)="(console/assets/[^"]+)"', html.decode())
    assert references
    for reference in references:
        asset_status, body = raw_get(console_server, f"/{reference}")
        assert asset_status == 200 and len(body) > 100, reference


def test_a_trailing_slash_is_sent_back_to_the_page(console_server):
    """From /console/ the page's relative asset URLs would resolve under /console/console/."""
    connection = http.client.HTTPConnection("127.0.0.1", console_server.port, timeout=30)
    try:
        connection.request("GET", "/console/")
        response = connection.getresponse()
        response.read()
        assert response.status == 308
        assert response.getheader("Location") == "../console"
    finally:
        connection.close()
