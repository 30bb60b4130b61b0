"""Organizations and their API keys."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError, UpdateError

from chalicelib.store import keys, quotas
from chalicelib.store.items import ApiKeyItem, ApiKeyRecordItem, OrganizationItem, QuotaCounterItem, RateWindowItem
from chalicelib.store.transactions import condition_failed, transaction


def create_organization_with_key(
    organization_id: str, name: str, credits: int, created_at: str,
    key_id: str, key_hash: str, key_prefix: str,
) -> None:
    """Organization, its first API key and its quota counters, written together or not at all."""
    organization = OrganizationItem(
        keys.org_pk(organization_id), keys.ORG_META,
        organization_id=organization_id, name=name, credits=credits, created_at=created_at,
    )
    with transaction() as writes:
        writes.save(organization, condition=OrganizationItem.PK.does_not_exist())
        _write_key(writes, organization_id, key_id, key_hash, key_prefix, None, created_at)
        for counter in quotas.new_counters(organization_id, **{quotas.API_KEYS.kind: 1}):
            writes.save(counter, condition=QuotaCounterItem.PK.does_not_exist())


def add_api_key(organization_id: str, key_id: str, key_hash: str, key_prefix: str, name: str | None,
                created_at: str, limit: int) -> None:
    """The key and one place of the organization's key quota (QuotaFull when none is left)."""
    def build(writes) -> None:
        writes.condition_check(OrganizationItem, keys.org_pk(organization_id), keys.ORG_META,
                               condition=OrganizationItem.PK.exists())
        _write_key(writes, organization_id, key_id, key_hash, key_prefix, name, created_at)

    quotas.commit_taking(organization_id, quotas.API_KEYS, limit, build)


def _write_key(writes, organization_id: str, key_id: str, key_hash: str, key_prefix: str,
               name: str | None, created_at: str) -> None:
    """The lookup item (by hash, what authentication reads) and the organization's record."""
    writes.save(ApiKeyItem(
        keys.api_key_pk(key_hash), keys.api_key_sk(), key_id=key_id, organization_id=organization_id,
        prefix=key_prefix, name=name, created_at=created_at,
        GSI1PK=keys.org_pk(organization_id), GSI1SK=keys.org_api_key_gsi_sk(key_id),
    ), condition=ApiKeyItem.PK.does_not_exist())
    writes.save(ApiKeyRecordItem(
        keys.org_pk(organization_id), keys.org_api_key_sk(key_id), key_id=key_id, key_hash=key_hash,
        prefix=key_prefix, name=name, created_at=created_at,
    ), condition=ApiKeyRecordItem.PK.does_not_exist())


def list_api_keys(organization_id: str, limit: int) -> list[ApiKeyRecordItem]:
    return list(ApiKeyRecordItem.query(keys.org_pk(organization_id),
                                       ApiKeyRecordItem.SK.startswith(keys.API_KEY_PREFIX),
                                       consistent_read=True, limit=limit, page_size=limit))


def get_api_key_record(organization_id: str, key_id: str) -> ApiKeyRecordItem | None:
    try:
        return ApiKeyRecordItem.get(keys.org_pk(organization_id), keys.org_api_key_sk(key_id),
                                    consistent_read=True)
    except DoesNotExist:
        return None


def revoke_api_key(record: ApiKeyRecordItem, revoked_at: str) -> bool:
    """Delete the lookup item (so the key is refused from now on) and mark the record."""
    try:
        with transaction() as writes:
            writes.update(record, actions=[ApiKeyRecordItem.revoked_at.set(revoked_at)],
                          condition=ApiKeyRecordItem.revoked_at.does_not_exist())
            writes.delete(ApiKeyItem(keys.api_key_pk(record.key_hash), keys.api_key_sk()))
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def count_request(principal: str, window_start: int, limit: int, expires_at: int) -> int | None:
    """Count one request in the caller's minute; None, counting nothing, when it is full."""
    window = RateWindowItem(keys.rate_window_pk(principal), keys.rate_window_sk(window_start))
    try:
        window.update(actions=[RateWindowItem.count.add(1), RateWindowItem.expires_at.set(expires_at)],
                      condition=RateWindowItem.count.does_not_exist() | (RateWindowItem.count < limit))
    except UpdateError as error:
        if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
            return None
        raise
    return int(window.count)


def get_organization(organization_id: str) -> OrganizationItem | None:
    try:
        return OrganizationItem.get(keys.org_pk(organization_id), keys.ORG_META, consistent_read=True)
    except DoesNotExist:
        return None


def get_api_key_by_hash(key_hash: str) -> ApiKeyItem | None:
    try:
        return ApiKeyItem.get(keys.api_key_pk(key_hash), keys.api_key_sk(), consistent_read=True)
    except DoesNotExist:
        return None
