"""The one API error type; the http middleware turns it into DESIGN.md's JSON."""
from __future__ import annotations

from typing import Any, TypeVar

from chalice import ChaliceUnhandledError
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class ApiError(ChaliceUnhandledError):
    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, details: Any = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, "details": self.details}


class BadRequest(ApiError):
    status_code, code = 400, "bad_request"


class Unauthorized(ApiError):
    status_code, code = 401, "unauthorized"


class InsufficientCredits(ApiError):
    status_code, code = 402, "insufficient_credits"


class NotFound(ApiError):
    status_code, code = 404, "not_found"


class Conflict(ApiError):
    status_code, code = 409, "conflict"


class TooManyRequests(ApiError):
    status_code, code = 429, "too_many_requests"


class ServiceUnavailable(ApiError):
    status_code, code = 503, "service_unavailable"


class PayloadTooLarge(ApiError):
    status_code, code = 413, "payload_too_large"


def field_path(parts: Any) -> str:
    """("warehouses", 0, "capacity") -> "warehouses[0].capacity"; "(root)" when empty."""
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(root)"


def validation_details(errors: list[dict[str, Any]], prefix: tuple = ()) -> list[dict[str, str]]:
    """pydantic `errors()` as `[{field, message}]`."""
    return [
        {"field": field_path(prefix + tuple(error.get("loc", ()))), "message": error.get("msg", "invalid")}
        for error in errors
    ]


def validate(model: type[M], data: Any, prefix: tuple = (), json_text: bool = False) -> M:
    """`model.model_validate(data)` (`model_validate_json` of a JSON text when `json_text`),
    with failures as a 400 listing every field."""
    try:
        return model.model_validate_json(data) if json_text else model.model_validate(data)
    except ValidationError as error:
        details = validation_details(error.errors(include_url=False, include_input=False), prefix)
        summary = "; ".join(f"{d['field']}: {d['message']}" for d in details[:5])
        raise BadRequest(f"Request is invalid: {summary}", details) from None
