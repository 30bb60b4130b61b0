"""Decoding JSON a client sends, the same way wherever it arrives: a request body
(api/http.py), or a trigger's event input (a webhook body, a queue message, a stored
file: services/trigger_events.py). No NaN or Infinity, no number beyond +-MAX_MAGNITUDE,
no nesting deeper than MAX_JSON_DEPTH; a 400 that names the fields at fault."""
from __future__ import annotations

import json
import math
from typing import Any, Iterator

from chalicelib.errors import BadRequest, field_path
from chalicelib.numbers import MAX_MAGNITUDE, is_safe_number

MAX_JSON_DEPTH = 64
MAX_REPORTED_NUMBERS = 20
NUMBER_RANGE = f"must be a finite number between {-MAX_MAGNITUDE:g} and {MAX_MAGNITUDE:g}"


def parse_object(raw: bytes | str, what: str = "Request body") -> dict[str, Any]:
    """`raw` decoded as a JSON object whose numbers are all safe; `what` names it in errors."""
    try:
        data = json.loads(raw, parse_constant=_reject_constant, parse_int=_parse_int)
    except (ValueError, RecursionError) as error:
        raise BadRequest(f"{what} is not valid JSON: {error}") from None
    if isinstance(data, (dict, list)):
        check_tree(data, MAX_JSON_DEPTH, what)
    if not isinstance(data, dict):
        raise BadRequest(f"{what} must be a JSON object.")
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_int(text: str) -> int | float:
    """Digits past any bound are not converted (Python refuses above 4300 digits anyway):
    they decode as infinity, which the number check then names as out of range."""
    return int(text) if len(text) <= 20 else math.inf


def check_tree(value: Any, limit: int, what: str = "Request body") -> None:
    """400 when the decoded value nests deeper than `limit` or holds a number that is not
    finite or is beyond +-MAX_MAGNITUDE (1e400 decodes to infinity), naming each such field.
    One pass without paths (~150 ms for a 5 MB body); paths are found only for a refusal."""
    stack, bad = [(value, 1)], False
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise BadRequest(f"{what} is nested deeper than {limit} levels.")
        for child in node.values() if type(node) is dict else node:
            kind = type(child)  # exact types: bool is not a number here
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif (kind is float or kind is int) and not -MAX_MAGNITUDE <= child <= MAX_MAGNITUDE:
                bad = True  # NaN fails every comparison, so it lands here too
    if bad:
        details = [{"field": field_path(path), "message": NUMBER_RANGE}
                   for path in _bad_numbers(value, ())][:MAX_REPORTED_NUMBERS]
        fields = ", ".join(item["field"] for item in details[:5])
        subject = "Request" if what == "Request body" else what
        raise BadRequest(f"{subject} is invalid: {fields}: {NUMBER_RANGE}", details)


def _bad_numbers(node: Any, path: tuple) -> Iterator[tuple]:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, child in items:
        if isinstance(child, (dict, list)):
            yield from _bad_numbers(child, (*path, key))
        elif isinstance(child, (int, float)) and not isinstance(child, bool) and not is_safe_number(child):
            yield (*path, key)
