"""An organization's API keys: created (shown once), listed by prefix, revoked at once."""
from __future__ import annotations

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.errors import Conflict, NotFound
from chalicelib.schemas.api_keys import ApiKeyCreate, ApiKeyCreated, ApiKeyList, ApiKeyView
from chalicelib.services.auth import Caller, hash_api_key
from chalicelib.store import organizations as store
from chalicelib.store import quotas
from chalicelib.store.items import ApiKeyRecordItem

MAX_KEYS_PER_ORG = 50
NOT_FOUND = "No API key with this id exists in your organization."


def create_key(caller: Caller, body: ApiKeyCreate) -> ApiKeyCreated:
    """The limit is checked in the transaction that writes the key (store/quotas.py)."""
    api_key, key_id, created_at = ids.new_api_key(), ids.random_id(ids.API_KEY_ID), utc_now_iso()
    try:
        quotas.check(caller.organization_id, quotas.API_KEYS, MAX_KEYS_PER_ORG)
        store.add_api_key(caller.organization_id, key_id, hash_api_key(api_key), api_key[:12], body.name,
                          created_at, MAX_KEYS_PER_ORG)
    except quotas.QuotaFull:
        raise Conflict(f"An organization may hold at most {MAX_KEYS_PER_ORG} API keys, revoked ones "
                       "included.") from None
    return ApiKeyCreated(id=key_id, name=body.name, prefix=api_key[:12], created_at=created_at, key=api_key)


def list_keys(caller: Caller) -> ApiKeyList:
    records = sorted(store.list_api_keys(caller.organization_id, MAX_KEYS_PER_ORG + 1),
                     key=lambda record: record.created_at, reverse=True)
    return ApiKeyList(items=[_view(record) for record in records], total=len(records))


def revoke_key(caller: Caller, key_id: str) -> ApiKeyView:
    record = store.get_api_key_record(caller.organization_id, key_id) if key_id.startswith(ids.API_KEY_ID) else None
    if record is None:
        raise NotFound(NOT_FOUND)
    if not store.revoke_api_key(record, utc_now_iso()):
        raise Conflict("This key is already revoked.")
    return _view(store.get_api_key_record(caller.organization_id, key_id))


def _view(record: ApiKeyRecordItem) -> ApiKeyView:
    return ApiKeyView(id=record.key_id, name=record.name, prefix=record.prefix, created_at=record.created_at,
                      revoked_at=record.revoked_at)
