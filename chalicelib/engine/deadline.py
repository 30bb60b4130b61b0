"""The time limit counts from when a run starts, not from when its solver does.

Loading OR-Tools (up to a second on a cold start), reading the input and building the
model all come out of the run's `time_limit_s`: the runner that sets a solver's limit
asks how much is left. Outside a run (tests calling a template directly) the whole
limit is left.
"""
from __future__ import annotations

import contextlib
import threading
import time
from typing import Iterator

MIN_SOLVER_S = 0.05
"""A solver always gets at least this long, to return the first solution it can."""

_current = threading.local()


@contextlib.contextmanager
def running(time_limit_s: float) -> Iterator[None]:
    previous = getattr(_current, "deadline", None)
    _current.deadline = time.perf_counter() + time_limit_s
    try:
        yield
    finally:
        _current.deadline = previous


def remaining(time_limit_s: float) -> float:
    """Seconds the solver may still use: what is left of the run's limit, or `time_limit_s`."""
    deadline = getattr(_current, "deadline", None)
    if deadline is None:
        return time_limit_s
    return max(MIN_SOLVER_S, min(time_limit_s, deadline - time.perf_counter()))
