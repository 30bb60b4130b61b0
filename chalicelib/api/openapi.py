"""The OpenAPI 3.1 document, generated from the app's route table and the pydantic models.

Paths come from `app.routes` (what Chalice actually serves), so a route cannot
be added without appearing here; what each one takes and returns comes from
`openapi_routes.ROUTES`, and every schema from the pydantic models themselves.
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field
from pydantic.json_schema import models_json_schema

from chalicelib.api.openapi_routes import PATH_PARAMETERS, QUERY_PARAMETERS, ROUTES, ListOf, RouteDoc

OPENAPI_VERSION = "3.1.0"
REF_TEMPLATE = "#/components/schemas/{model}"
SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer",
               "description": "An API key (`ok_live_...` or `ok_test_...`) or a JWT, both as "
                              "`Authorization: Bearer <credential>`."},
    "webhook_signature": {"type": "apiKey", "in": "header", "name": "X-JAOT-Signature",
                          "description": "`t=<unix seconds>,v1=<HMAC-SHA256 hex of \"<t>.\" + body>`, "
                                         "keyed with the trigger's secret."},
}


class ErrorBody(BaseModel):
    """Every error, whatever its status (chalicelib/errors.py, api/http.py)."""

    error: str = Field(description="Machine-readable code, e.g. `not_found`, `insufficient_credits`.")
    message: str = Field(description="A sentence for a person.")
    details: Any = Field(default=None, description=(
        "Validation errors: a list of `{field, message}` (builder: `{node_id, message}`); "
        "402: `{required, balance}`; otherwise null."))


# status: (component name, code, when, example details)
ERRORS: dict[int, tuple[str, str, str, Any]] = {
    400: ("BadRequest", "bad_request", "Malformed JSON, unknown or repeated fields, or failed validation.",
          [{"field": "input_data.products[0].demand", "message": "'lots' is not of type 'number'"}]),
    401: ("Unauthorized", "unauthorized", "Missing, malformed, expired or revoked credential.", None),
    402: ("InsufficientCredits", "insufficient_credits", "The balance does not cover the run; nothing is charged.",
          {"required": 3, "balance": 1}),
    404: ("NotFound", "not_found", "No such resource in your organization (another organization's is a 404 too).",
          None),
    409: ("Conflict", "conflict", "The resource's state forbids it (a quota reached, a run already ended, "
                                  "a version still pinned, an Idempotency-Key reused).", None),
    413: ("PayloadTooLarge", "payload_too_large", "The body is larger than the limit (5 MiB by default).", None),
    415: ("UnsupportedMediaType", "unsupported_media_type", "The body is not `application/json`.", None),
    429: ("TooManyRequests", "too_many_requests", "More requests in a minute than the credential's limit "
                                                  "allows; wait `Retry-After` seconds.", {"limit": 600, "window_s": 60}),
    500: ("InternalError", "internal_error", "An unexpected failure; it has been logged.", None),
    503: ("ServiceUnavailable", "service_unavailable", "The store is throttling or a transaction conflicted; "
                                                       "nothing was changed: retry after `Retry-After` seconds.", None),
}

DESCRIPTION = """\
Optimization as a service: browse a marketplace of optimization models, activate them,
run them on your JSON data, build your own on a canvas with a version history.

**Authentication.** Send `Authorization: Bearer <credential>`, where the credential is an
API key (`ok_live_...`, or `ok_test_...`) or a JWT signed for your organization.

**Errors.** Every error is JSON `{"error": "<code>", "message": "<sentence>", "details": ...}`.
"""


def _path_parameters(path: str) -> list[dict[str, Any]]:
    return [{"name": name, "in": "path", "required": True, "schema": {"type": "string"},
             "description": PATH_PARAMETERS.get(name, "Identifier.")}
            for name in re.findall(r"{(\w+)}", path)]


def _query_parameters(model: type[BaseModel], schemas: dict[str, Any]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(mode="validation", ref_template=REF_TEMPLATE)
    schemas.update(schema.get("$defs", {}))
    required = set(schema.get("required", []))
    parameters = []
    for name, prop in schema.get("properties", {}).items():
        parameter = {"name": name, "in": "query", "required": name in required, "schema": prop}
        description = prop.get("description") or QUERY_PARAMETERS.get(name)
        if description:
            parameter["description"] = description
        parameters.append(parameter)
    return parameters


def _response_schema(doc: RouteDoc, refs: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    if isinstance(doc.response, ListOf):
        return {"type": "array", "items": refs[(doc.response.model, "serialization")]}
    if doc.response is not None:
        return refs[(doc.response, "serialization")]
    return {"type": "object"} if doc.media_types == ("application/json",) else {"type": "string"}


def _content(schema: dict[str, Any], media_types: tuple[str, ...], example: Any = None) -> dict[str, Any]:
    content = {}
    for media_type in media_types:
        content[media_type] = {"schema": schema}
        if example is not None:
            content[media_type]["example"] = example
    return content


def _error_statuses(doc: RouteDoc, path: str) -> list[int]:
    """Errors every route of its kind can answer, plus the route's own."""
    has_path_parameters = "{" in path
    statuses = set(doc.errors) | {500, 503}
    if doc.query or doc.body:
        statuses.add(400)
    if doc.security == "bearer":
        statuses |= {401, 429}
    elif doc.security:
        statuses.add(401)
    if has_path_parameters:
        statuses.add(404)
    if doc.body:  # a 415 comes from Chalice, in JAOT's envelope: not a route with its own error form
        statuses |= {413, 415} if doc.error_body is None else {413}
    return sorted(statuses)


def _undocumented(entry: Any) -> RouteDoc:
    """A route with no entry in ROUTES: listed all the same, with what can be said of it."""
    summary = (entry.view_function.__doc__ or entry.view_name).strip().splitlines()[0]
    return RouteDoc(summary, None)


def _operation(path: str, entry: Any, doc: RouteDoc, refs: dict[Any, dict[str, Any]],
               schemas: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": entry.view_name,
        "summary": doc.summary,
        "tags": [entry.view_function.__module__.rsplit(".", 1)[-1]],
        "security": [{doc.security: []}] if doc.security else [],
    }
    if doc.description:
        operation["description"] = doc.description
    parameters = _path_parameters(path) + (_query_parameters(doc.query, schemas) if doc.query else [])
    parameters += [{"name": name, "in": "header", "required": False, "schema": {"type": "string"},
                    "description": meaning} for name, meaning in doc.headers.items()]
    if parameters:
        operation["parameters"] = parameters
    if doc.body:
        operation["requestBody"] = {"required": True, "content": _content(
            refs[(doc.body, "validation")], ("application/json",), doc.request_example)}
    schema = _response_schema(doc, refs)
    responses: dict[str, Any] = {str(doc.status): {
        "description": doc.summary, "content": _content(schema, doc.media_types, doc.response_example)}}
    for status, (meaning, model) in doc.other_responses.items():
        other_schema = refs[(model, "serialization")] if model else schema
        responses[str(status)] = {"description": meaning, "content": _content(other_schema, doc.media_types)}
    for status in _error_statuses(doc, path):
        if doc.error_body is None:
            responses[str(status)] = {"$ref": f"#/components/responses/{ERRORS[status][0]}"}
        else:  # the route's own error form, described in place (components hold JAOT's envelope only)
            responses[str(status)] = {"description": ERRORS[status][2], "content": _content(
                refs[(doc.error_body, "serialization")], ("application/json",))}
    operation["responses"] = responses
    return operation


def _models(docs: list[RouteDoc]) -> list[tuple[type[BaseModel], str]]:
    """Every (model, mode) the document refers to, in a stable order."""
    wanted: dict[tuple[type[BaseModel], str], None] = {(ErrorBody, "serialization"): None}
    for doc in docs:
        if doc.body:
            wanted[(doc.body, "validation")] = None
        response = doc.response.model if isinstance(doc.response, ListOf) else doc.response
        for model in (response, doc.error_body, *(model for _, model in doc.other_responses.values())):
            if model is not None:
                wanted[(model, "serialization")] = None
    return list(wanted)


def _error_responses() -> dict[str, Any]:
    return {
        name: {"description": when, "content": {"application/json": {
            "schema": {"$ref": REF_TEMPLATE.format(model="ErrorBody")},
            "example": {"error": code, "message": when, "details": details}}}}
        for name, code, when, details in ERRORS.values()
    }


def route_table(app: Any) -> list[tuple[str, str, Any]]:
    """(METHOD, path, Chalice route entry) for every route the app serves."""
    return [(method, path, entry) for path, methods in app.routes.items() for method, entry in methods.items()]


def build_document(app: Any) -> dict[str, Any]:
    routes = [(method, path, entry, ROUTES.get((method, path)) or _undocumented(entry))
              for method, path, entry in route_table(app)]
    refs, top = models_json_schema(_models([doc for *_, doc in routes]), ref_template=REF_TEMPLATE)
    schemas: dict[str, Any] = dict(top.get("$defs", {}))
    paths: dict[str, dict[str, Any]] = {}
    for method, path, entry, doc in routes:
        paths.setdefault(path, {})[method.lower()] = _operation(path, entry, doc, refs, schemas)
    return {
        "openapi": OPENAPI_VERSION,
        "info": {"title": "JAOT API", "version": "2", "description": DESCRIPTION},
        # Relative to this document (…/api/v2/openapi.json): the deployment's root,
        # with or without an API Gateway stage in front.
        "servers": [{"url": "../../", "description": "The API serving this document"}],
        "paths": paths,
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "responses": _error_responses(),
            "securitySchemes": SECURITY_SCHEMES,
        },
    }
