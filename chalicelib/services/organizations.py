"""Organizations: creation with a first API key, and the caller's own record."""
from __future__ import annotations

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.errors import NotFound
from chalicelib.schemas.organization import OrganizationPublic
from chalicelib.services.auth import Caller, hash_api_key
from chalicelib.store import organizations as store


def create_organization(name: str, credits: int, api_key: str | None = None) -> tuple[str, str]:
    """Create an organization and its first API key (a new one unless given: `make run`'s
    JAOT_DEMO_KEY); returns (organization id, key). The key is stored only as its hash.
    """
    organization_id = ids.random_id(ids.ORGANIZATION)
    api_key = api_key or ids.new_api_key()
    store.create_organization_with_key(
        organization_id=organization_id, name=name, credits=credits, created_at=utc_now_iso(),
        key_id=ids.random_id(ids.API_KEY_ID), key_hash=hash_api_key(api_key),
        key_prefix=api_key[:12],
    )
    return organization_id, api_key


def get_own_organization(caller: Caller) -> OrganizationPublic:
    item = store.get_organization(caller.organization_id)
    if item is None:
        raise NotFound("Organization not found.")
    return OrganizationPublic(id=item.organization_id, name=item.name, credits=int(item.credits),
                              created_at=item.created_at)
