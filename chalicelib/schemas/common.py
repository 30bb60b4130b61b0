"""Shapes shared by several resources: the request base, numbers, names, pagination."""
from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from chalicelib.numbers import MAX_MAGNITUDE, is_safe_number  # noqa: F401 (re-exported)

T = TypeVar("T")

MAX_PAGE_SIZE = 100


class RequestModel(BaseModel):
    """Base of every request body and query: unknown fields are refused and nothing is
    coerced (`"5"` is not 5, `true` is not 1, `"yes"` is not true); an int is a float."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)


FiniteNumber = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
"""A number a solver may use: finite, within +-1e15, never a string or a boolean."""

# Characters no name may hold: controls (NUL, ESC...), surrogates, line and paragraph
# separators, and invisible format characters, above all the bidirectional overrides and
# isolates (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) that make a name read
# differently from what it is. ZWNJ and ZWJ stay: Persian, Indic scripts and emoji need them.
_REFUSED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp", "Cf"}
_ALLOWED_FORMAT = {"\u200c", "\u200d"}


def unsafe_character(text: str, allow: str = "") -> str | None:
    """The first character of `text` a name may not hold (other than those in `allow`)."""
    if text.isascii() and text.isprintable():
        return None
    for character in text:
        if (character not in allow and character not in _ALLOWED_FORMAT
                and unicodedata.category(character) in _REFUSED_CATEGORIES):
            return character
    return None


def _checker(allow: str, what: str):
    def check(text: str) -> str:
        found = unsafe_character(text, allow)
        if found is not None:
            raise ValueError(f"{what} must not contain control, bidirectional or invisible formatting "
                             f"characters; found U+{ord(found):04X} at position {text.index(found)}")
        return text
    return check


Name = Annotated[str, AfterValidator(_checker("", "a name"))]
"""A name, label or tag: one line of visible text (give the length with Field)."""
Text = Annotated[str, AfterValidator(_checker("\n\t", "a description"))]
"""A description: like Name, but line feeds and tabs are allowed."""


class PageQuery(RequestModel):
    """`page`/`page_size` query parameters; out-of-range values are a 400, not clamped."""

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
    """A field that may be left out but not sent as null: type it plain `X`. Left out, it is
    None (pydantic never validates a default); sent as null, `X` refuses it, naming the field.
    The document shows `X`, without the `null` default a client could not send."""
    return Field(default=None, json_schema_extra=_no_default, **constraints)
