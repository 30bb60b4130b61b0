"""What every solve returns, before the service adds ids, credits and timestamps."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

SolveStatus = Literal["optimal", "feasible", "infeasible", "unbounded", "time_limit", "error"]


class SolveOutcome(BaseModel):
    status: SolveStatus
    objective_value: float | None = None
    best_bound: float | None = None
    gap: float | None = None
    solution: dict[str, Any] | None = None
    solver: str
    solve_time_ms: int
    message: str | None = None


def relative_gap(objective_value: float | None, best_bound: float | None) -> float | None:
    """|objective - bound| / max(1, |objective|), the convention MIP solvers report."""
    if objective_value is None or best_bound is None:
        return None
    return abs(objective_value - best_bound) / max(1.0, abs(objective_value))


class InputError(ValueError):
    """Input that is well-formed but cannot be solved meaningfully; becomes a 400."""
