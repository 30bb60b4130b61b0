"""Run options every solve and execute accepts."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_TIME_LIMIT_S = 10.0


class RunOptions(BaseModel):
    """Strict: `"5"` or `true` is not a time limit (a 400, not a coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)

    time_limit_s: float = Field(default=DEFAULT_TIME_LIMIT_S, gt=0, allow_inf_nan=False)
    """Wall-clock limit for the solver, in seconds; the best solution found by then is returned."""
    relative_gap: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    """Stop once the proven gap between solution and bound is at most this fraction (MIP only)."""
    num_workers: int | None = Field(default=None, ge=1, le=16)
    """Solver threads; defaults to the solver's own choice."""
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    """Random seed, for reproducible runs where the solver supports it."""
