"""Per-organization count limits: documents, organization models, triggers, API keys.

Each limit has a counter item in the organization's partition. A create adds one to it in
the same transaction that writes the item, on the condition `used < limit`, so parallel
creates cannot all pass a count each read before the others wrote; a delete that frees a
place takes one off in its own transaction (only triggers are deleted: deactivated
documents and models, and revoked keys, still count).

Organizations created before the counters have none. The first create or delete of a kind
counts the organization's items once (one query; the old read-then-write check kept them
near the limit) and writes the counter only if it is still absent. Until a counter exists
no create or delete of its kind can commit (each needs the counter in its transaction), so
that count cannot go stale before it is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pynamodb.exceptions import DoesNotExist, PutError, TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.store import keys
from chalicelib.store.items import QuotaCounterItem, TableItem
from chalicelib.store.transactions import commit, condition_failed, refused_by_condition

Build = Callable[[TransactWrite], None]


@dataclass(frozen=True)
class Quota:
    kind: str
    """Names the counter (keys.quota_sk)."""
    item_prefix: str
    """Sort-key prefix of the items it counts, in the organization's partition."""


DOCUMENTS = Quota("documents", keys.DOCUMENT_PREFIX)
MODELS = Quota("models", keys.MODEL_PREFIX)
"""Activated catalog models and private models alike (both are `exe_` items)."""
TRIGGERS = Quota("triggers", keys.TRIGGER_PREFIX)
API_KEYS = Quota("api_keys", keys.API_KEY_PREFIX)
ALL = (DOCUMENTS, MODELS, TRIGGERS, API_KEYS)


class QuotaFull(Exception):
    """No place left: nothing was written."""


def counter(organization_id: str, quota: Quota, used: int | None = None) -> QuotaCounterItem:
    return QuotaCounterItem(keys.org_pk(organization_id), keys.quota_sk(quota.kind), used=used)


def new_counters(organization_id: str, **used: int) -> list[QuotaCounterItem]:
    """A new organization's counters, written with it: every kind at 0 unless given."""
    return [counter(organization_id, quota, used.get(quota.kind, 0)) for quota in ALL]


def used(organization_id: str, quota: Quota) -> int | None:
    try:
        return int(QuotaCounterItem.get(keys.org_pk(organization_id), keys.quota_sk(quota.kind),
                                        consistent_read=True).used)
    except DoesNotExist:
        return None


def check(organization_id: str, quota: Quota, limit: int) -> None:
    """Refuse early (QuotaFull) when no place is left, before a create does other work; the
    create's transaction decides (take). Creates the counter of an older organization."""
    if ensure(organization_id, quota) >= limit:
        raise QuotaFull()


def ensure(organization_id: str, quota: Quota) -> int:
    """The counter's value; for an organization from before the counters, initialised once
    from a count of its items (written only if no other request initialised it first)."""
    current = used(organization_id, quota)
    if current is not None:
        return current
    count = TableItem.count(keys.org_pk(organization_id), TableItem.SK.startswith(quota.item_prefix),
                            consistent_read=True)
    try:
        counter(organization_id, quota, count).save(condition=QuotaCounterItem.PK.does_not_exist())
    except PutError as error:
        if not refused_by_condition(error):
            raise
        return used(organization_id, quota) or 0
    return count


def commit_taking(organization_id: str, quota: Quota, limit: int, build: Build) -> None:
    """Commit `build`'s writes with one place of the quota taken in the same transaction:
    QuotaFull, nothing written, when none is left. A failed condition of `build`'s own
    raises TransactWriteError, as a plain transaction would."""
    def with_place(writes: TransactWrite) -> None:
        take(writes, organization_id, quota, limit)
        build(writes)

    for attempt in range(2):
        try:
            commit(with_place)
            return
        except TransactWriteError as error:
            if refused(error, organization_id, quota):
                raise QuotaFull() from None
            if attempt == 0 and condition_failed(error) and used(organization_id, quota) is None:
                ensure(organization_id, quota)  # an older organization's first create
                continue
            raise


def created_taking(organization_id: str, quota: Quota, limit: int, build: Build) -> bool:
    """`commit_taking` for creates whose items must not exist yet: False when one of
    `build`'s conditions failed (another request created it first)."""
    try:
        commit_taking(organization_id, quota, limit, build)
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def commit_giving_back(organization_id: str, quota: Quota, build: Build) -> None:
    """Commit `build`'s writes (a delete of one item of this kind) with its place freed."""
    ensure(organization_id, quota)

    def with_place_freed(writes: TransactWrite) -> None:
        give_back(writes, organization_id, quota)
        build(writes)

    commit(with_place_freed)


def take(writes: TransactWrite, organization_id: str, quota: Quota, limit: int) -> None:
    """Add one place to the transaction; it is cancelled if none is left (see refused)."""
    writes.update(counter(organization_id, quota), actions=[QuotaCounterItem.used.add(1)],
                  condition=QuotaCounterItem.used < limit, return_values="ALL_OLD")


def give_back(writes: TransactWrite, organization_id: str, quota: Quota) -> None:
    """Free one place in the transaction that deletes an item of this kind (ensure ran first:
    the condition only keeps a missing counter from being created at -1)."""
    writes.update(counter(organization_id, quota), actions=[QuotaCounterItem.used.add(-1)],
                  condition=QuotaCounterItem.used.exists())


def refused(error: TransactWriteError, organization_id: str, quota: Quota) -> bool:
    """Whether the counter's condition cancelled the transaction: its cancellation reason
    carries the counter as it was (`return_values="ALL_OLD"` in take). The counter exists
    (check ran first), so a failed `used < limit` always returns it."""
    wanted = {"PK": {"S": keys.org_pk(organization_id)}, "SK": {"S": keys.quota_sk(quota.kind)}}
    return any(reason is not None and reason.code == "ConditionalCheckFailed" and reason.raw_item is not None
               and all(reason.raw_item.get(name) == value for name, value in wanted.items())
               for reason in error.cancellation_reasons)
