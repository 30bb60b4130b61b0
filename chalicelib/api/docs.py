"""The API reference: GET /api/v2/openapi.json and a Swagger UI page at GET /docs.

The page's scripts and styles come from the `swagger-ui-py` package and are
served by this blueprint, so reading the docs makes no request to a CDN.
Routes carry full paths: register the blueprint without a prefix.
"""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from chalice import Blueprint, Response

from chalicelib.errors import NotFound

OPENAPI_PATH = "/api/v2/openapi.json"
ASSETS = {"swagger-ui-bundle.js": "application/javascript", "swagger-ui.css": "text/css"}

# Relative URLs: /docs is /api/docs behind an API Gateway stage named "api", and
# these resolve right either way.
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>JAOT API reference</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: "%(openapi_url)s",
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null
    });
  </script>
</body>
</html>
""" % {"openapi_url": OPENAPI_PATH.lstrip("/")}

bp = Blueprint(__name__)


@lru_cache(maxsize=1)
def _document_json(app: Any) -> str:
    """Generated once per process: the route table does not change after import. Imported
    here, not at the top, to keep the generator out of every cold start."""
    from chalicelib.api.openapi import build_document

    return json.dumps(build_document(app), separators=(",", ":"))


@lru_cache(maxsize=len(ASSETS))
def _asset(name: str) -> str:
    spec = importlib.util.find_spec("swagger_ui")  # no import: the package's own code needs jinja2
    return (Path(spec.origin).parent / "static" / name).read_text(encoding="utf-8")


@bp.route(OPENAPI_PATH, methods=["GET"])
def openapi_document():
    """The OpenAPI 3.1 document of every route, generated from the code."""
    return Response(body=_document_json(bp.current_app), status_code=200,
                    headers={"Content-Type": "application/json"})


@bp.route("/docs", methods=["GET"])
def docs_page():
    """A readable reference rendering the OpenAPI document. `/docs/` (which routes here too)
    is sent to `/docs`: the page's relative asset URLs only resolve from there."""
    if (bp.current_request.context.get("path") or "").endswith("/"):
        return Response(body="", status_code=308, headers={"Location": "../docs"})
    return Response(body=PAGE, status_code=200, headers={"Content-Type": "text/html; charset=utf-8"})


@bp.route("/docs/{asset}", methods=["GET"])
def docs_asset(asset):
    if asset not in ASSETS:
        raise NotFound(f"No docs asset named {asset!r}.")
    return Response(body=_asset(asset), status_code=200,
                    headers={"Content-Type": f"{ASSETS[asset]}; charset=utf-8",
                             "Cache-Control": "public, max-age=86400"})
