"""The console (docs/console.md): GET /console and its built assets, served by the API itself.

`make console` builds console/ into chalicelib/console_assets/ (gitignored), which the Lambda
package carries with the rest of chalicelib/: one origin for the page and the API, so no
CORS and nothing to upload or keep in sync. The page is public (it holds no data); every
call it makes needs an API key. Routes carry full paths: register without a prefix.
"""
from __future__ import annotations

import re
from pathlib import Path

from chalice import Blueprint, Response

from chalicelib.errors import NotFound, ServiceUnavailable

ASSETS_DIR = Path(__file__).resolve().parents[1] / "console_assets"
INDEX = ASSETS_DIR / "index.html"

# Text types only: Vite is told to inline nothing and the console ships no images or fonts.
CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                 ".svg": "image/svg+xml; charset=utf-8", ".json": "application/json; charset=utf-8"}
# A flat file name Vite emits (`index-CuXrD5vP.js`): no separator, no dot-segment, no escape.
ASSET_NAME = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:js|css|svg|json)")

# Scripts and styles from this origin only (the build has no inline script or style element);
# data: for the empty favicon.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                           "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

bp = Blueprint(__name__)


def _index_html() -> str:
    """Vite's relative `./assets/…` resolve from /console to /assets/…: point them at
    console/assets/, relative still (the page is /console locally, /<stage>/console on API Gateway)."""
    try:
        html = INDEX.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServiceUnavailable("The console is not built: run `make console` (or `make run`, which builds it).") from None
    return html.replace('"./assets/', '"console/assets/')


@bp.route("/console", methods=["GET"])
def console_page():
    """The console's single page (its screens are hash routes: /console#/catalog)."""
    if (bp.current_request.context.get("path") or "").endswith("/"):
        return Response(body="", status_code=308, headers={"Location": "../console"})
    return Response(body=_index_html(), status_code=200, headers={
        **COMMON_HEADERS, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Frame-Options": "DENY"})


@bp.route("/console/assets/{asset}", methods=["GET"])
def console_asset(asset):
    """A built script or stylesheet. Names carry a content hash, so they are cached for good."""
    if not ASSET_NAME.fullmatch(asset or ""):
        raise NotFound("No console asset by that name.")
    if not INDEX.exists():
        _index_html()  # the 503 that says to build
    try:
        body = (ASSETS_DIR / "assets" / asset).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        raise NotFound(f"No console asset named {asset!r}.") from None
    return Response(body=body, status_code=200, headers={
        **COMMON_HEADERS, "Content-Type": CONTENT_TYPES[Path(asset).suffix],
        "Cache-Control": "public, max-age=31536000, immutable"})
