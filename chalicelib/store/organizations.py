"""Organizations and their API keys."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from chalicelib.store import keys
from chalicelib.store.items import ApiKeyItem, OrganizationItem
from chalicelib.store.transactions import transaction


def create_organization_with_key(
    organization_id: str, name: str, credits: int, created_at: str,
    key_id: str, key_hash: str, key_prefix: str,
) -> None:
    """Organization and its first API key, written together or not at all."""
    organization = OrganizationItem(
        keys.org_pk(organization_id), keys.ORG_META,
        organization_id=organization_id, name=name, credits=credits, created_at=created_at,
    )
    api_key = ApiKeyItem(
        keys.api_key_pk(key_hash), keys.api_key_sk(),
        key_id=key_id, organization_id=organization_id, prefix=key_prefix, created_at=created_at,
        GSI1PK=keys.org_pk(organization_id), GSI1SK=keys.org_api_key_gsi_sk(key_id),
    )
    with transaction() as writes:
        writes.save(organization, condition=OrganizationItem.PK.does_not_exist())
        writes.save(api_key, condition=ApiKeyItem.PK.does_not_exist())


def get_organization(organization_id: str) -> OrganizationItem | None:
    try:
        return OrganizationItem.get(keys.org_pk(organization_id), keys.ORG_META, consistent_read=True)
    except DoesNotExist:
        return None


def get_api_key_by_hash(key_hash: str) -> ApiKeyItem | None:
    try:
        return ApiKeyItem.get(keys.api_key_pk(key_hash), keys.api_key_sk())
    except DoesNotExist:
        return None
