from __future__ import annotations

from pydantic import BaseModel


class OrganizationPublic(BaseModel):
    id: str
    name: str
    credits: int
    created_at: str
