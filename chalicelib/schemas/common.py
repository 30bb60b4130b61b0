"""Shapes shared by several resources: pagination and plain status replies."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

MAX_PAGE_SIZE = 100


class PageQuery(BaseModel):
    """`page`/`page_size` query parameters; out-of-range values are a 400, not clamped."""

    model_config = ConfigDict(extra="forbid")

    page: int = Field(default=1, ge=1, le=1_000_000)
    page_size: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)

    def window(self) -> slice:
        start = (self.page - 1) * self.page_size
        return slice(start, start + self.page_size)


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int


class StatusResponse(BaseModel):
    status: str


def matches_search(search: str | None, *texts: str | list[str] | None) -> bool:
    """Case-insensitive substring search over text fields and tag lists."""
    if not search:
        return True
    needle = search.casefold()
    for text in texts:
        values = text if isinstance(text, list) else [text]
        if any(value and needle in value.casefold() for value in values):
            return True
    return False


def paginate(items: list[T], query: PageQuery) -> dict:
    return {"items": items[query.window()], "total": len(items),
            "page": query.page, "page_size": query.page_size}


SearchText = Field(default=None, min_length=1, max_length=200)


def _no_default(schema: dict) -> None:
    schema.pop("default", None)


def Omittable(**constraints) -> Any:  # noqa: N802 (used like pydantic's Field)
    """A field that may be left out but not sent as null (type it `X | SkipJsonSchema[None]`):
    the document shows it as `X`, without the `null` default a client could not send."""
    return Field(default=None, json_schema_extra=_no_default, **constraints)
