"""POST /mathopt/solve: the endpoint of OR-Tools' `remote_http_solve` (docs/mathopt.md).

Its errors take the form that client reads, `{"error": {"code", "message", "status"}}`
(google.rpc over HTTP), not JAOT's envelope: `google_errors` converts them here.
The request schema, the service and the store are imported by the route, not at a cold start.
"""
from __future__ import annotations

import functools
import logging
import math
from typing import Any, Callable

from chalice import Blueprint, Response

from chalicelib.api.http import idempotent, json_body
from chalicelib.errors import ApiError
from chalicelib.services.auth import authenticate_goog_api_key

bp = Blueprint(__name__)
logger = logging.getLogger("jaot")

GOOGLE_STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 402: "RESOURCE_EXHAUSTED", 404: "NOT_FOUND",
                 409: "ABORTED", 413: "INVALID_ARGUMENT", 415: "INVALID_ARGUMENT", 429: "RESOURCE_EXHAUSTED",
                 500: "INTERNAL", 503: "UNAVAILABLE"}


def google_error(status_code: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(body={"error": {"code": status_code, "message": message,
                                    "status": GOOGLE_STATUS.get(status_code, "UNKNOWN")}},
                    status_code=status_code, headers=headers or {})


def google_errors(view: Callable[..., Response]) -> Callable[..., Response]:
    """Every failure of the view as a google.rpc error (never JAOT's envelope, never Chalice's)."""
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Response:
        try:
            return view(*args, **kwargs)
        except ApiError as error:
            return google_error(error.status_code, error.message, error.headers)
        except Exception as error:  # noqa: BLE001 - the client must get an error it can read
            from chalicelib.store.transactions import is_transient

            if is_transient(error):
                return google_error(503, "The service is busy; retry shortly. Nothing was changed.",
                                    {"Retry-After": "1"})
            logger.exception("mathopt solve failed")
            return google_error(500, "An internal error occurred; it has been logged.")
    return wrapped


def server_timeout(request: Any) -> float | None:
    """`X-Server-Timeout` (seconds), which the client sets a little below its own deadline."""
    try:
        seconds = float(request.headers.get("x-server-timeout") or "nan")
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds > 0 else None


@bp.route("/mathopt/solve", methods=["POST"])
@google_errors
def mathopt_solve():
    """Solve a MathOpt model sent by OR-Tools' remote_http_solve."""
    from chalicelib.schemas.mathopt import MathOptSolveRequest
    from chalicelib.services import mathopt as mathopt_service

    request = bp.current_request
    caller = authenticate_goog_api_key(request)

    def respond() -> Response:
        reply = mathopt_service.solve(caller, json_body(request, MathOptSolveRequest), server_timeout(request))
        return Response(body=reply.body, headers={"X-JAOT-Execution-Id": reply.execution_id,
                                                  "X-JAOT-Credits-Used": str(reply.credits_used)})

    return idempotent(request, caller, respond)
