"""Transactions on the table, sharing the item classes' client, and how store errors are told
apart: a failed condition (the caller's answer), or a transient failure (retry later: 503).

`TransactWrite` needs a Connection; a new one would build a new botocore client
(tens of milliseconds) on every transaction.
"""
from __future__ import annotations

import random
import time
from typing import Any, Callable, Iterator, TypeVar

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.store.items import TableItem


def transaction() -> TransactWrite:
    return TransactWrite(connection=TableItem._get_connection().connection)


def condition_failed(error: TransactWriteError) -> bool:
    """True when a condition of the transaction failed (not a conflict or throttle)."""
    return any(reason is not None and reason.code == "ConditionalCheckFailed"
               for reason in error.cancellation_reasons)


def refused_by_condition(error: Exception) -> bool:
    """True when a single-item write (put, update, delete) failed its condition. Safe where
    PynamoDB's `cause_response_code` is not: it raises when the cause is a timeout."""
    response = getattr(getattr(error, "cause", None), "response", None)
    return isinstance(response, dict) and response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


TRANSIENT_CODES = {
    # throttling (DynamoDB, S3, SQS, and botocore's own list of throttling codes)
    "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded", "Throttling",
    "ThrottledException", "RequestThrottledException", "TooManyRequestsException", "RequestThrottled",
    "SlowDown", "BandwidthLimitExceeded", "LimitExceededException", "EC2ThrottledException",
    # transaction conflicts and cancellation reasons that mean the same
    "TransactionConflictException", "TransactionInProgressException", "TransactionConflict",
    "ThrottlingError", "ProvisionedThroughputExceeded",
    # the store failing on its side or timing out
    "InternalServerError", "InternalFailure", "InternalError", "ServiceUnavailable",
    "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
}
PERMANENT_REASONS = {"ConditionalCheckFailed", "ValidationError", "ItemCollectionSizeLimitExceeded"}
"""Cancellation reasons that retrying the same transaction cannot cure."""
CONTENTION_REASONS = {"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"}
"""Cancellation reasons that mean nothing was written and the same transaction may succeed."""


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    """The error and what caused it (PynamoDB keeps botocore's error in `cause`). Not what it
    was raised while handling (`__context__`): a bug met while handling a throttle is a bug."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = getattr(error, "cause", None) or error.__cause__


def _reason_codes(error: BaseException) -> list[str] | None:
    """Cancellation reason codes of a cancelled transaction ("None" for items that passed)."""
    reasons = getattr(error, "cancellation_reasons", None)
    if reasons:
        return [reason.code if reason is not None else "None" for reason in reasons]
    response = getattr(error, "response", None) or {}
    if response.get("CancellationReasons"):
        return [reason.get("Code") or "None" for reason in response["CancellationReasons"]]
    return None


def _client_error_is_transient(error: Any) -> bool:
    response = error.response or {}
    code = str(response.get("Error", {}).get("Code") or "")
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
    if code in TRANSIENT_CODES or "throttl" in code.lower():
        return True
    # botocore names an error by its HTTP status when the body has no code (an HTML 500 page)
    if status >= 500 or status == 429 or (code.isdigit() and (int(code) >= 500 or int(code) == 429)):
        return True
    if code == "TransactionCanceledException":
        codes = _reason_codes(error) or []
        return not any(reason in PERMANENT_REASONS for reason in codes)
    return False


def is_transient(error: BaseException) -> bool:
    """A store error worth retrying later: throttling, a transaction conflict, the store failing
    on its side (any 5xx, whatever its code), or the connection to it failing or timing out."""
    from botocore.exceptions import ClientError, ConnectionError as BotoConnectionError, HTTPClientError
    from botocore.parsers import ResponseParserError

    for link in _chain(error):
        if isinstance(link, (BotoConnectionError, HTTPClientError, ResponseParserError)):
            return True
        if isinstance(link, ClientError) and _client_error_is_transient(link):
            return True
        codes = _reason_codes(link)
        if codes and any(code in TRANSIENT_CODES for code in codes) and not any(
                code in PERMANENT_REASONS for code in codes):
            return True
    return False


def cancelled_by_contention(error: BaseException) -> bool:
    """A transaction cancelled only because other writes held its items or the table was
    throttled: nothing was written, and the same transaction may be sent again."""
    codes = _reason_codes(error) if isinstance(error, TransactWriteError) else None
    failed = [code for code in codes or [] if code != "None"]
    return bool(failed) and all(code in CONTENTION_REASONS for code in failed)


def commit(build: Callable[[TransactWrite], None], attempts: int = 4) -> None:
    """Write the transaction `build` describes, sending it again (with jittered backoff) while
    it is cancelled only by contention: parallel creates of one organization all move the
    same counter, and DynamoDB cancels the ones that overlap."""
    for attempt in range(attempts):
        try:
            with transaction() as writes:
                build(writes)
            return
        except TransactWriteError as error:
            if attempt == attempts - 1 or not cancelled_by_contention(error):
                raise
            time.sleep(random.uniform(0.01, 0.04) * 2 ** attempt)


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
