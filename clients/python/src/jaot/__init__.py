"""JAOT: optimization as a service. The Python SDK and the `jaot` command line.

    import jaot
    client = jaot.Client()      # JAOT_API_KEY, JAOT_BASE_URL, or ~/.config/jaot/config.toml
"""
__version__ = "0.1.0"

from jaot import types, webhooks  # noqa: E402
from jaot.client import Client, Run  # noqa: E402
from jaot.errors import (  # noqa: E402
    ApiError,
    AuthenticationError,
    BadRequest,
    ConfigurationError,
    Conflict,
    ConnectionFailed,
    FieldError,
    InsufficientCredits,
    JaotError,
    NotFound,
    PayloadTooLarge,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    WaitTimeout,
    WebhookSignatureError,
)
from jaot.modeling import LinearExpr, Model, Var  # noqa: E402

__all__ = [
    "ApiError", "AuthenticationError", "BadRequest", "Client", "ConfigurationError", "Conflict", "ConnectionFailed",
    "FieldError", "InsufficientCredits", "JaotError", "LinearExpr", "Model", "NotFound", "PayloadTooLarge",
    "RateLimited", "Run", "ServerError", "ServiceUnavailable", "Var", "WaitTimeout", "WebhookSignatureError",
    "__version__", "types", "webhooks",
]
