"""Exceptions: every API error carries its HTTP status, code, message and field details.

The API answers errors as `{"error": "<code>", "message": "<sentence>", "details": ...}`;
`details` lists `{field, message}` for validation errors and `{required, balance}` for
402s. Each status has its own class, so that `except jaot.NotFound:` reads naturally.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


class JaotError(Exception):
    """Base of everything the SDK raises."""


class ConfigurationError(JaotError):
    """No API key, or a config file that cannot be read."""


class ConnectionFailed(JaotError):
    """The service could not be reached (after the retries)."""


class WaitTimeout(JaotError):
    """`Run.wait(timeout=...)` ran out before the run ended; the run goes on."""

    def __init__(self, message: str, execution: Any = None):
        super().__init__(message)
        self.execution = execution


class WebhookSignatureError(JaotError, ValueError):
    """A webhook or callback whose signature does not prove it came, recently, from the secret's holder."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ApiError(JaotError):
    """An error answer of the API."""

    status: int = 0

    def __init__(self, status: int, code: str, message: str, details: Any = None,
                 headers: Optional[dict] = None):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.details = status, code, message, details
        self.headers = dict(headers or {})

    @property
    def field_errors(self) -> list[FieldError]:
        """`details` as a list of (field, message), when it is one (validation errors)."""
        if not isinstance(self.details, list):
            return []
        return [FieldError(str(item.get("field") or item.get("node_id") or ""), str(item.get("message", "")))
                for item in self.details if isinstance(item, dict)]

    @property
    def retry_after(self) -> Optional[float]:
        value = self.headers.get("retry-after")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None


class BadRequest(ApiError):
    status = 400


class AuthenticationError(ApiError):
    status = 401


class InsufficientCredits(ApiError):
    status = 402

    @property
    def required(self) -> Optional[int]:
        return (self.details or {}).get("required") if isinstance(self.details, dict) else None

    @property
    def balance(self) -> Optional[int]:
        return (self.details or {}).get("balance") if isinstance(self.details, dict) else None


class NotFound(ApiError):
    status = 404


class Conflict(ApiError):
    status = 409


class PayloadTooLarge(ApiError):
    status = 413


class RateLimited(ApiError):
    status = 429


class ServerError(ApiError):
    status = 500


class ServiceUnavailable(ServerError):
    status = 503


_BY_STATUS = {cls.status: cls for cls in (BadRequest, AuthenticationError, InsufficientCredits, NotFound,
                                          Conflict, PayloadTooLarge, RateLimited, ServerError, ServiceUnavailable)}


def from_response(status: int, body: Any, headers: Optional[dict] = None) -> ApiError:
    """The exception for an error answer (any JSON, or none)."""
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        code, message, details = body["error"], str(body.get("message") or ""), body.get("details")
    elif isinstance(body, dict) and isinstance(body.get("error"), dict):  # google.rpc form (/mathopt/solve)
        inner = body["error"]
        code, message, details = str(inner.get("status", "")).lower(), str(inner.get("message", "")), None
    else:
        code, message, details = "http_error", f"HTTP {status}", None
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
    error = cls(status, code, message, details, headers)
    error.status = status
    return error
