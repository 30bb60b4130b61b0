"""TransactWriteItems for the local store without moto's whole-table copies.

moto backs up every table a transaction touches with `copy.deepcopy` (once per item of the
transaction) so that it can roll back: a 4-item checkpoint on a 10,000-item table copied
40,000 items. DynamoDB evaluates every condition of a transaction against the state before
it, and an item may appear once, so this checks all conditions first, writes only if all
pass, and keeps a copy of just the touched items to undo a write that fails midway.
Installed by local/store.py only: tests run moto's own.
"""
from __future__ import annotations

import copy
from typing import Any

from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import (ConditionalCheckFailed, MockValidationException,
                                      MultipleTransactionsException, TooManyTransactionsException,
                                      TransactionCanceledException)
from moto.dynamodb.models import DynamoDBBackend


def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    operations, seen, errors = [], set(), []
    for entry in transact_items:
        if len(entry) > 1:
            raise MultipleTransactionsException()
        op_type, op = next(iter(entry.items()))
        if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
            raise MockValidationException("Unsupported transaction operation")
        table = self.get_table(op["TableName"])
        key = _key(table, op["Item"]) if op_type == "Put" else op["Key"]
        unique = (op["TableName"], str(dict(sorted(key.items()))))
        if unique in seen:
            raise MultipleTransactionsException()
        seen.add(unique)
        current = self.get_item(op["TableName"], key)
        operations.append((op_type, op, key, copy.deepcopy(current)))  # updates change items in place
        errors.append(_condition_error(op, current))
    if any(code is not None for code, _, _ in errors):
        raise TransactionCanceledException(errors)
    done: list[tuple[str, dict[str, Any], Any]] = []
    for op_type, op, key, current in operations:
        if op_type == "ConditionCheck":
            continue
        try:
            _apply(self, op_type, op, key)
        except Exception as error:
            _undo(self, done + [(op["TableName"], key, current)])
            if isinstance(error, MockValidationException):
                raise
            raise TransactionCanceledException(
                [(type(error).__name__, str(error), None) if o is op else (None, None, None)
                 for _, o, _, _ in operations]) from None
        done.append((op["TableName"], key, current))


def _key(table: Any, attrs: dict[str, Any]) -> dict[str, Any]:
    key = {table.hash_key_attr: attrs[table.hash_key_attr]}
    if table.range_key_attr is not None:
        key[table.range_key_attr] = attrs[table.range_key_attr]
    return key


def _condition_error(op: dict[str, Any], current: Any) -> tuple[Any, Any, Any]:
    expression = op.get("ConditionExpression")
    if expression is None:
        return None, None, None
    condition = get_filter_expression(expression, op.get("ExpressionAttributeNames"),
                                      op.get("ExpressionAttributeValues"))
    if condition.expr(current):
        return None, None, None
    old = current.to_json()["Attributes"] if current and \
        op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" else None
    return "ConditionalCheckFailed", ConditionalCheckFailed().message, old


def _apply(backend: DynamoDBBackend, op_type: str, op: dict[str, Any], key: dict[str, Any]) -> None:
    names, values = op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
    if op_type == "Put":
        backend.put_item(op["TableName"], op["Item"], expression_attribute_names=names,
                         expression_attribute_values=values)
    elif op_type == "Delete":
        backend.delete_item(op["TableName"], key, expression_attribute_names=names,
                            expression_attribute_values=values)
    else:
        backend.update_item(op["TableName"], key, update_expression=op["UpdateExpression"],
                            expression_attribute_names=names, expression_attribute_values=values)


def _undo(backend: DynamoDBBackend, writes: list[tuple[str, dict[str, Any], Any]]) -> None:
    for table_name, key, before in reversed(writes):
        if before is None:
            backend.delete_item(table_name, key)
        else:
            backend.put_item(table_name, before.to_json()["Attributes"])


def install() -> None:
    DynamoDBBackend.transact_write_items = transact_write_items
