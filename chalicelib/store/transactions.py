"""Transactions on the table, sharing the item classes' client.

`TransactWrite` needs a Connection; a new one would build a new botocore client
(tens of milliseconds) on every transaction.
"""
from __future__ import annotations

import time
from typing import Callable, TypeVar

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.store.items import TableItem


def transaction() -> TransactWrite:
    return TransactWrite(connection=TableItem._get_connection().connection)


def condition_failed(error: TransactWriteError) -> bool:
    """True when a condition of the transaction failed (not a conflict or throttle)."""
    return any(reason is not None and reason.code == "ConditionalCheckFailed"
               for reason in error.cancellation_reasons)


TRANSIENT_CODES = {
    "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
    "TransactionConflictException", "TransactionInProgressException", "TransactionConflict",
    "ThrottlingError", "ProvisionedThroughputExceeded", "InternalServerError", "ServiceUnavailable",
    "SlowDown", "RequestThrottled",
}


def is_transient(error: BaseException) -> bool:
    """A store error worth retrying later: throttling, a transaction conflict, the store away."""
    from botocore.exceptions import ClientError, ConnectionError as BotoConnectionError

    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, BotoConnectionError):
            return True
        if isinstance(error, ClientError) and error.response.get("Error", {}).get("Code") in TRANSIENT_CODES:
            return True
        reasons = getattr(error, "cancellation_reasons", None) or []
        if any(reason is not None and reason.code in TRANSIENT_CODES for reason in reasons):
            return True
        error = getattr(error, "cause", None) or error.__cause__
    return False


T = TypeVar("T")


def with_retries(write: Callable[[], T], attempts: int = 5, first_delay_s: float = 0.1) -> T:
    """Retry a write that must not be lost (a run's end, its refund) through transient errors,
    beyond botocore's own retries: about 3 s in all before giving up."""
    for attempt in range(attempts):
        try:
            return write()
        except Exception as error:
            if attempt == attempts - 1 or not is_transient(error):
                raise
            time.sleep(first_delay_s * 2 ** attempt)
    raise AssertionError("unreachable")
