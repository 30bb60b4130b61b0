"""Request parsing and the error envelope shared by every blueprint."""
from __future__ import annotations

import functools
import json
import logging
import re
import types
import typing
import uuid
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from chalice import Response
from chalice.app import Request
from pydantic import BaseModel

from chalicelib import json_checks, observability
from chalicelib.errors import ApiError, BadRequest, NotFound, PayloadTooLarge, ServiceUnavailable, validate
from chalicelib.numbers import is_safe_number
from chalicelib.settings import get_settings

if TYPE_CHECKING:  # what a route needs is imported where it is used: a cold start imports none of it
    from chalicelib.schemas.executions import QueuedRun
    from chalicelib.schemas.results import OptimizationResult
    from chalicelib.services.auth import Caller
    from chalicelib.services.executions import Dispatch

M = TypeVar("M", bound=BaseModel)
logger = logging.getLogger("jaot")

# Chalice's own error replies ({"Code", "Message"}) mapped to our codes.
_CHALICE_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
    415: "unsupported_media_type", 429: "too_many_requests",
}


def body_bytes(request: Request) -> bytes:
    """The raw body, 413 when larger than the limit."""
    raw = request.raw_body or b""
    limit = get_settings().max_body_bytes
    if len(raw) > limit:
        raise PayloadTooLarge(f"Request body is {len(raw)} bytes; the limit is {limit}.")
    return raw


def json_body(request: Request, model: type[M]) -> M:
    """The request body validated as `model`: 413 when too large, 400 when malformed."""
    raw = body_bytes(request)
    if not raw.strip():
        raise BadRequest("Request body is empty; send a JSON object.")
    return validate(model, json_checks.parse_object(raw))


def query(request: Request, model: type[M]) -> M:
    """Query parameters validated as `model`; unknown parameters are a 400.

    A query string is text, so each value is read as the JSON value its field declares
    (`20` as an integer, `true`/`false` as a boolean) and the rest is left a string for
    the strict model to refuse: `1e400`, `nan`, `inf`, `20.5`, `yes` are a 400."""
    params = request.query_params or {}
    multi = {name: values for name, values in _multi_values(request).items() if len(values) > 1}
    if multi:
        raise BadRequest("Query parameters may appear once each.",
                         [{"field": name, "message": "repeated"} for name in multi])
    values = {name: _query_value(text, _scalar_kinds(model, name)) for name, text in params.items()}
    return validate(model, json.dumps(values), json_text=True)


_INTEGER = re.compile(r"-?[0-9]{1,16}")
_DECIMAL = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,16})?([eE][-+]?[0-9]{1,3})?")


def _query_value(text: str, kinds: set[type]) -> Any:
    if int in kinds and _INTEGER.fullmatch(text):
        return int(text)
    if float in kinds and _DECIMAL.fullmatch(text) and is_safe_number(float(text)):
        return float(text)
    if bool in kinds and text in ("true", "false"):
        return text == "true"
    return text


def _scalar_kinds(model: type[BaseModel], name: str) -> set[type]:
    """The scalar types a query field accepts (`int | None` -> {int, NoneType})."""
    info = model.model_fields.get(name)
    if info is None:
        return set()
    pending, kinds = [info.annotation], set()
    while pending:
        annotation = pending.pop()
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            pending.extend(typing.get_args(annotation))
        else:
            kinds.add(annotation)
    return kinds


def _multi_values(request: Request) -> dict[str, list[str]]:
    params = request.query_params
    if params is None or not hasattr(params, "getlist"):
        return {}
    return {name: params.getlist(name) for name in params}


def ok(body: BaseModel | list[BaseModel], status_code: int = 200,
       headers: dict[str, str] | None = None) -> Response:
    """A JSON response from a pydantic model, or a list of them (the spec's arrays)."""
    payload = [item.model_dump(mode="json") for item in body] if isinstance(body, list) else body.model_dump(mode="json")
    _refuse_non_finite(payload)
    return Response(body=payload, status_code=status_code, headers=headers or {})


def _refuse_non_finite(payload: Any) -> None:
    """The last guard: JSON has no NaN or Infinity, so a body holding one is never sent (results
    are made finite long before this; reaching it is a bug, answered as a clean 500)."""
    try:
        json.dumps(payload, allow_nan=False)
    except ValueError:
        from chalicelib.engine.result import non_finite_paths

        logger.error("refused to send a non-finite number at %s", ", ".join(non_finite_paths(payload)[:5]))
        raise ApiError("An internal error occurred; it has been logged.") from None


def dispatch_for(request: Request, body: Any) -> Dispatch:
    """Async when the body says `"async": true` or the client sent `Prefer: respond-async`."""
    from chalicelib.services.executions import Dispatch

    prefer = (request.headers.get("prefer") or "").lower()
    wants_async = any(part.strip() == "respond-async" for part in prefer.split(","))
    return Dispatch(run_async=bool(getattr(body, "run_async", False)) or wants_async)


def run_response(result: OptimizationResult | QueuedRun) -> Response:
    """The result of a run (200), or 202 with where to find a queued one."""
    from chalicelib.schemas.executions import QueuedRun

    if isinstance(result, QueuedRun):
        return ok(result, status_code=202,
                  headers={"Location": f"/api/v2/executions/{result.execution_id}"})
    return ok(result)


def run_route(request: Request, caller: Caller, body_model: type[M],
              start: Callable[[M, Dispatch], OptimizationResult | QueuedRun]) -> Response:
    """Execute and solve routes: parse the body, start the run now or queued, answer 200 or
    202, all under the request's Idempotency-Key if it has one."""
    def respond() -> Response:
        body = json_body(request, body_model)
        return run_response(start(body, dispatch_for(request, body)))

    return idempotent(request, caller, respond)


def idempotent(request: Request, caller: Caller, respond: Callable[[], Response]) -> Response:
    """Honour an `Idempotency-Key` header (services/idempotency.py); without one, just respond."""
    key = request.headers.get("idempotency-key")
    if key is None:
        return respond()
    from chalicelib.services import idempotency

    def first() -> idempotency.Reply:
        response = respond()
        return idempotency.Reply(response.status_code, response.body, dict(response.headers))

    request_hash = idempotency.fingerprint(request.method, request.context.get("resourcePath", "") + "|" +
                                           json.dumps(request.uri_params or {}, sort_keys=True),
                                           request.raw_body or b"", request.headers.get("prefer"))
    reply = idempotency.run(caller, key, request_hash, first)
    return Response(body=reply.body, status_code=reply.status_code, headers=reply.headers)


PATH_ID = re.compile(r"[A-Za-z0-9_.-]{1,128}")
"""Every id and name a path can carry (`exe_...`, `ver_..._...`, `swagger-ui.css`). Anything
else names nothing: a 404 before any store call, so no key can outgrow DynamoDB's limits."""


def guard_transient_errors(app: Any) -> None:
    """Wrap every route: a path parameter that cannot be an id is a 404; a transient store
    error is a 503 with Retry-After, not a 500. (Chalice turns any other exception into its
    own 500 before middleware sees it.)"""
    for methods in app.routes.values():
        for entry in methods.values():
            entry.view_function = _guarded(entry.view_function)


def _guarded(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not all(isinstance(value, str) and PATH_ID.fullmatch(value) for value in kwargs.values()):
            raise NotFound("No resource has this id.")
        try:
            return view(*args, **kwargs)
        except ApiError:
            raise
        except Exception as error:
            if not _is_transient(error):
                raise
            raise _busy(error) from None
    return guarded


def _is_transient(error: BaseException) -> bool:
    from chalicelib.store.transactions import is_transient  # PynamoDB: not imported by a cold start

    return is_transient(error)


def _busy(error: BaseException) -> ServiceUnavailable:
    logger.warning("transient store error: %s", error)
    return ServiceUnavailable("The service is busy; retry shortly. Nothing was changed.",
                              headers={"Retry-After": "1"})


def error_envelope(event: Any, get_response: Any) -> Response:
    """Middleware: every error leaves as {"error", "message", "details"}; a transient store
    error met outside a view (in other middleware) is a 503 here too, not Chalice's 500.
    Each request is one observability context: its log lines carry the request's fields, its
    metrics (Requests, Errors5xx by route pattern) are flushed at its end with one summary line."""
    with observability.context("request", **_request_fields(event)) as scope:
        response = _enveloped(event, get_response)
        _request_done(event, response, scope)
    return response


def _request_fields(request: Request) -> dict[str, str | None]:
    """Fields known before the view runs; ids only when they look like ids (PATH_ID)."""
    context = request.context or {}
    lambda_context = getattr(request, "lambda_context", None)
    params = {name: value for name, value in (request.uri_params or {}).items()
              if isinstance(value, str) and PATH_ID.fullmatch(value)}
    return {"request_id": context.get("requestId") or getattr(lambda_context, "aws_request_id", None)
            or uuid.uuid4().hex,
            "route": _route(request), "execution_id": params.get("execution_id"), "trigger_id": params.get("trigger_id")}


def _route(request: Request) -> str:
    """The route pattern (`/api/v2/executions/{execution_id}`), never the concrete path."""
    return (request.context or {}).get("resourcePath") or "unmatched"


def _request_done(request: Request, response: Response, scope: observability.Context) -> None:
    route, status = _route(request), response.status_code
    body = response.body if isinstance(response.body, dict) else {}
    if isinstance(body.get("execution_id"), str):
        observability.bind(execution_id=body["execution_id"])
    observability.metric("Requests", 1, Route=route, Status=str(status))
    if status >= 500:
        observability.metric("Errors5xx", 1, Route=route)
    usage = scope.cost.snapshot() if scope.cost else None
    logger.info("%s %s %s", request.method, route, status,
                extra={"status": status, "method": request.method, **(usage.fields() if usage else {})})


def _enveloped(event: Any, get_response: Any) -> Response:
    try:
        response = get_response(event)
    except ApiError as error:
        return Response(body=error.body(), status_code=error.status_code, headers=error.headers)
    except Exception as error:
        if not _is_transient(error):
            logger.exception("unhandled error outside a view")
            return Response(body={"error": "internal_error", "details": None,
                                  "message": "An internal error occurred; it has been logged."}, status_code=500)
        busy = _busy(error)
        return Response(body=busy.body(), status_code=busy.status_code, headers=busy.headers)
    if response.status_code >= 400 and isinstance(response.body, dict) and "Code" in response.body:
        status = response.status_code
        code = _CHALICE_CODES.get(status, "internal_error")
        message = response.body.get("Message") or "Request failed."
        if status >= 500:
            message = "An internal error occurred; it has been logged."
        response.body = {"error": code, "message": message, "details": None}
    return response
