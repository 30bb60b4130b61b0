from __future__ import annotations

from pydantic import BaseModel

from chalicelib.schemas.common import Page, PageQuery, SearchText


class CatalogQuery(PageQuery):
    category: str | None = SearchText
    search: str | None = SearchText


class CatalogModelPublic(BaseModel):
    id: str
    name: str
    display_name: str
    description: str
    category: str
    credits_per_execution: int
    tags: list[str]
    status: str
    created_at: str


CatalogPage = Page[CatalogModelPublic]
