"""Small helpers for API tests: organizations, auth headers, JSON calls."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from chalicelib.services.organizations import create_organization


@dataclass
class Org:
    id: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}


def new_org(credits: int = 100, name: str = "Acme") -> Org:
    organization_id, key = create_organization(name, credits)
    return Org(organization_id, key)


def call(client, method: str, path: str, org: Org | None = None, body: Any = None,
         headers: dict[str, str] | None = None) -> tuple[int, Any]:
    all_headers = dict(org.headers) if org else {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    payload = body if isinstance(body, (str, bytes)) or body is None else json.dumps(body)
    response = getattr(client.http, method.lower())(path, headers=all_headers, body=payload)
    text = response.body.decode() if isinstance(response.body, bytes) else response.body
    return response.status_code, json.loads(text) if text else None
