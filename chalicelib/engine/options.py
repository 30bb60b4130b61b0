"""Run options every solve and execute accepts."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_TIME_LIMIT_S = 10.0


class RunOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    time_limit_s: float = Field(default=DEFAULT_TIME_LIMIT_S, gt=0)
    """Wall-clock limit for the solver, in seconds; the best solution found by then is returned."""
    relative_gap: float | None = Field(default=None, ge=0, le=1)
    """Stop once the proven gap between solution and bound is at most this fraction (MIP only)."""
    num_workers: int | None = Field(default=None, ge=1, le=16)
    """Solver threads; defaults to the solver's own choice."""
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    """Random seed, for reproducible runs where the solver supports it."""
