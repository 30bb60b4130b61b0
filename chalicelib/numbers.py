"""The bound on every number a client sends, without pydantic: the request parser
(api/http.py) and the engine check numbers, and importing this costs a cold start nothing."""
from __future__ import annotations

import math
from typing import Any

MAX_MAGNITUDE = 1e15
"""Every number a client sends is finite and within +-1e15: integers stay exact as floats
(2**53 > 1e15), solver data stays far from overflow, and no template needs more."""


def is_safe_number(value: Any) -> bool:
    """A finite int or float within +-MAX_MAGNITUDE (bool is not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
