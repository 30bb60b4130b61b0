"""Idempotency records: claimed by a conditional put, completed with the response."""
from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError

from chalicelib.store import blobs, keys
from chalicelib.store.items import IdempotencyItem


def claim(organization_id: str, key_digest: str, request_hash: str, created_at: str, now: int,
          ttl_s: int) -> IdempotencyItem | None:
    """Take the key for this request; None (nothing written) when a live record holds it."""
    item = IdempotencyItem(keys.org_pk(organization_id), keys.idempotency_sk(key_digest),
                           request_hash=request_hash, state="in_progress", created_at=created_at,
                           expires_at=now + ttl_s)
    try:
        item.save(condition=IdempotencyItem.PK.does_not_exist() | (IdempotencyItem.expires_at < now))
    except PutError as error:
        if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
            return None
        raise
    return item


def get(organization_id: str, key_digest: str) -> IdempotencyItem | None:
    try:
        return IdempotencyItem.get(keys.org_pk(organization_id), keys.idempotency_sk(key_digest),
                                   consistent_read=True)
    except DoesNotExist:
        return None


def complete(item: IdempotencyItem, status_code: int, body: Any, headers: dict[str, str]) -> None:
    stored = blobs.put_json(body, f"idempotency/{item.PK.removeprefix('ORG#')}")
    actions = [IdempotencyItem.state.set("done"), IdempotencyItem.status_code.set(status_code),
               IdempotencyItem.headers.set(headers)]
    actions.append(IdempotencyItem.response_gz.set(stored.inline) if stored.inline is not None
                   else IdempotencyItem.response_s3.set(stored.s3_key))
    item.update(actions=actions)


def release(item: IdempotencyItem) -> None:
    """The request did not run (bad input, no credits): the key may be used again."""
    item.delete(condition=IdempotencyItem.state == "in_progress")


def response_body(item: IdempotencyItem) -> Any:
    return blobs.get_json(item.response_gz, item.response_s3)
