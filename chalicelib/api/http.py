"""Request parsing and the error envelope shared by every blueprint."""
from __future__ import annotations

import functools
import json
import logging
from typing import Any, Callable, TypeVar

from chalice import Response
from chalice.app import Request
from pydantic import BaseModel

from chalicelib.errors import ApiError, BadRequest, PayloadTooLarge, ServiceUnavailable, validate
from chalicelib.schemas.executions import QueuedRun
from chalicelib.schemas.results import OptimizationResult
from chalicelib.services import idempotency
from chalicelib.services.auth import Caller
from chalicelib.services.executions import Dispatch
from chalicelib.store.transactions import is_transient
from chalicelib.settings import get_settings

M = TypeVar("M", bound=BaseModel)
logger = logging.getLogger("jaot")

MAX_JSON_DEPTH = 64

# Chalice's own error replies ({"Code", "Message"}) mapped to our codes.
_CHALICE_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
    415: "unsupported_media_type", 429: "too_many_requests",
}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a decoded JSON value, stopping once past `limit`."""
    stack, deepest = [(value, 1)], 0
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


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
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise BadRequest(f"Request body is not valid JSON: {error}") from None
    if _depth(data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise BadRequest(f"Request body is nested deeper than {MAX_JSON_DEPTH} levels.")
    if not isinstance(data, dict):
        raise BadRequest("Request body must be a JSON object.")
    return validate(model, data)


def query(request: Request, model: type[M]) -> M:
    """Query parameters validated as `model`; unknown parameters are a 400."""
    params = request.query_params or {}
    multi = {name: values for name, values in _multi_values(request).items() if len(values) > 1}
    if multi:
        raise BadRequest("Query parameters may appear once each.",
                         [{"field": name, "message": "repeated"} for name in multi])
    return validate(model, dict(params))


def _multi_values(request: Request) -> dict[str, list[str]]:
    params = request.query_params
    if params is None or not hasattr(params, "getlist"):
        return {}
    return {name: params.getlist(name) for name in params}


def ok(body: BaseModel | list[BaseModel], status_code: int = 200,
       headers: dict[str, str] | None = None) -> Response:
    """A JSON response from a pydantic model, or a list of them (the spec's arrays)."""
    payload = [item.model_dump(mode="json") for item in body] if isinstance(body, list) else body.model_dump(mode="json")
    return Response(body=payload, status_code=status_code, headers=headers or {})


def dispatch_for(request: Request, body: Any) -> Dispatch:
    """Async when the body says `"async": true` or the client sent `Prefer: respond-async`."""
    prefer = (request.headers.get("prefer") or "").lower()
    wants_async = any(part.strip() == "respond-async" for part in prefer.split(","))
    return Dispatch(run_async=bool(getattr(body, "run_async", False)) or wants_async)


def run_response(result: OptimizationResult | QueuedRun) -> Response:
    """The result of a run (200), or 202 with where to find a queued one."""
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

    def first() -> idempotency.Reply:
        response = respond()
        return idempotency.Reply(response.status_code, response.body, dict(response.headers))

    request_hash = idempotency.fingerprint(request.method, request.context.get("resourcePath", "") + "|" +
                                           json.dumps(request.uri_params or {}, sort_keys=True),
                                           request.raw_body or b"", request.headers.get("prefer"))
    reply = idempotency.run(caller, key, request_hash, first)
    return Response(body=reply.body, status_code=reply.status_code, headers=reply.headers)


def guard_transient_errors(app: Any) -> None:
    """Wrap every route: a transient store error is a 503 with Retry-After, not a 500.
    (Chalice turns any other exception into its own 500 before middleware sees it.)"""
    for methods in app.routes.values():
        for entry in methods.values():
            entry.view_function = _guarded(entry.view_function)


def _guarded(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except ApiError:
            raise
        except Exception as error:
            if not is_transient(error):
                raise
            raise _busy(error) from None
    return guarded


def _busy(error: BaseException) -> ServiceUnavailable:
    logger.warning("transient store error: %s", error)
    return ServiceUnavailable("The service is busy; retry shortly. Nothing was changed.",
                              headers={"Retry-After": "1"})


def error_envelope(event: Any, get_response: Any) -> Response:
    """Middleware: every error leaves as {"error", "message", "details"}; a transient store
    error met outside a view (in other middleware) is a 503 here too, not Chalice's 500."""
    try:
        response = get_response(event)
    except ApiError as error:
        return Response(body=error.body(), status_code=error.status_code, headers=error.headers)
    except Exception as error:
        if not is_transient(error):
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
