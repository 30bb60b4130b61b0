"""Execution records, and the credit movements that go with them."""
from __future__ import annotations

import gzip
import json
from typing import Any

from pynamodb.exceptions import DoesNotExist, TransactWriteError

from chalicelib.store import keys
from chalicelib.store.items import ExecutionItem, OrganizationItem
from chalicelib.store.transactions import condition_failed, transaction


def pack_json(value: Any) -> bytes:
    return gzip.compress(json.dumps(value, separators=(",", ":")).encode(), compresslevel=6)


def unpack_json(blob: bytes | None) -> Any:
    return None if blob is None else json.loads(gzip.decompress(blob))


def start_execution(execution: ExecutionItem, cost: int) -> bool:
    """Debit `cost` credits and record the run in one transaction.

    Returns False, writing nothing, when the balance is below `cost`.
    """
    organization = OrganizationItem(execution.PK, keys.ORG_META)
    try:
        with transaction() as writes:
            writes.update(
                organization,
                actions=[OrganizationItem.credits.add(-cost)],
                condition=(OrganizationItem.PK.exists() & (OrganizationItem.credits >= cost)),
            )
            writes.save(execution, condition=ExecutionItem.PK.does_not_exist())
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def new_execution(organization_id: str, execution_id: str, **attributes: Any) -> ExecutionItem:
    return ExecutionItem(keys.org_pk(organization_id), keys.execution_sk(execution_id),
                         organization_id=organization_id, execution_id=execution_id, **attributes)


def finish_execution(execution: ExecutionItem, status: str, result: dict[str, Any],
                     finished_at: str, refund: int = 0) -> None:
    """Store the outcome; a refund goes back to the balance in the same transaction."""
    actions = [
        ExecutionItem.status.set(status),
        ExecutionItem.solve_status.set(result.get("status")),
        ExecutionItem.result_gz.set(pack_json(result)),
        ExecutionItem.finished_at.set(finished_at),
        ExecutionItem.solve_time_ms.set(result.get("solve_time_ms") or 0),
        ExecutionItem.credits_used.set(result.get("credits_used") or 0),
    ]
    with transaction() as writes:
        writes.update(execution, actions=actions)
        if refund:
            organization = OrganizationItem(execution.PK, keys.ORG_META)
            writes.update(organization, actions=[OrganizationItem.credits.add(refund)])


def get_execution(organization_id: str, execution_id: str) -> ExecutionItem | None:
    try:
        return ExecutionItem.get(keys.org_pk(organization_id), keys.execution_sk(execution_id),
                                 consistent_read=True)
    except DoesNotExist:
        return None
