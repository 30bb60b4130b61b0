"""Stopping a solve from outside: a cancel reaches the solver at its next check.

The worker that runs a solve holds a StopSignal for it; the runners (cpsat, linear,
routing) register their solver's own stop call with `on_stop`, so templates need not
know about cancellation. Outside a worker no signal is set and `on_stop` does nothing.
"""
from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator

_current = threading.local()


class StopSignal:
    """Set once, from any thread; every registered stop call runs once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = False
        self._hooks: list[Callable[[], object]] = []

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            hooks = list(self._hooks)
        for hook in hooks:
            hook()

    def repeat(self) -> None:
        """Call the registered stop calls again: a solver that had not begun when the stop
        came resets its stop flag as it starts, so the stopper keeps repeating it."""
        with self._lock:
            hooks = list(self._hooks) if self._stopped else []
        for hook in hooks:
            hook()

    def add(self, hook: Callable[[], object]) -> Callable[[], None]:
        """Register `hook`; it also runs at once if the signal is already set. Returns a remover."""
        with self._lock:
            self._hooks.append(hook)
            stopped = self._stopped
        if stopped:
            hook()
        return lambda: self._remove(hook)

    def _remove(self, hook: Callable[[], object]) -> None:
        with self._lock:
            if hook in self._hooks:
                self._hooks.remove(hook)


@contextlib.contextmanager
def watching(signal: StopSignal) -> Iterator[StopSignal]:
    """Make `signal` the one the solves started by this thread listen to."""
    previous = getattr(_current, "signal", None)
    _current.signal = signal
    try:
        yield signal
    finally:
        _current.signal = previous


@contextlib.contextmanager
def on_stop(hook: Callable[[], object]) -> Iterator[None]:
    """While the block runs, a stop of this thread's signal calls `hook` (the solver's stop)."""
    signal: StopSignal | None = getattr(_current, "signal", None)
    remove = signal.add(hook) if signal is not None else (lambda: None)
    try:
        yield
    finally:
        remove()


def current() -> StopSignal | None:
    """This thread's signal, for solvers that poll instead of taking a stop call."""
    return getattr(_current, "signal", None)


def stop_requested() -> bool:
    signal: StopSignal | None = getattr(_current, "signal", None)
    return bool(signal and signal.stopped)
