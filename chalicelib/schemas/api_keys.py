"""POST/GET/DELETE /api-keys: an organization's API keys; the key itself is shown once."""
from __future__ import annotations

from pydantic import BaseModel, Field

from chalicelib.schemas.common import Name, RequestModel


class ApiKeyCreate(RequestModel):
    name: Name | None = Field(default=None, min_length=1, max_length=120)
    """A label to recognise the key by, e.g. `nightly-planner`."""


class ApiKeyView(BaseModel):
    id: str
    name: str | None = None
    prefix: str
    """The key's first 12 characters, to recognise it; the rest is never stored."""
    created_at: str
    revoked_at: str | None = None


class ApiKeyCreated(ApiKeyView):
    key: str
    """The API key: shown only now. JAOT keeps its SHA-256, so it cannot show it again."""


class ApiKeyList(BaseModel):
    items: list[ApiKeyView]
    total: int
