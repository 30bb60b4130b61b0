"""Transactions on the table, sharing the item classes' client.

`TransactWrite` needs a Connection; a new one would build a new botocore client
(tens of milliseconds) on every transaction.
"""
from __future__ import annotations

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.store.items import TableItem


def transaction() -> TransactWrite:
    return TransactWrite(connection=TableItem._get_connection().connection)


def condition_failed(error: TransactWriteError) -> bool:
    """True when a condition of the transaction failed (not a conflict or throttle)."""
    return any(reason is not None and reason.code == "ConditionalCheckFailed"
               for reason in error.cancellation_reasons)
