"""Idempotency records: claimed by a conditional put, completed with the response."""
from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DeleteError, DoesNotExist, PutError

from chalicelib.store import blobs, keys
from chalicelib.store.items import IdempotencyItem
from chalicelib.store.transactions import refused_by_condition, with_retries


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
    with_retries(lambda: item.update(actions=actions))  # the request ran: its answer must be kept


def release(item: IdempotencyItem) -> None:
    """The request did not run (bad input, no credits, the store busy): the key may be used
    again. Retried through transient errors, or the key would read "still running" for 24 h."""
    with_retries(lambda: _delete_in_progress(item))


def _delete_in_progress(item: IdempotencyItem) -> None:
    try:
        item.delete(condition=IdempotencyItem.state == "in_progress")
    except DeleteError as error:
        if not refused_by_condition(error):
            raise  # else an earlier attempt deleted it (its answer was lost): released already


def response_body(item: IdempotencyItem) -> Any:
    return blobs.get_json(item.response_gz, item.response_s3)
