"""What every solve returns, before the service adds ids, credits and timestamps."""
from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel

from chalicelib.engine.explanation import Explanation

SolveStatus = Literal["optimal", "feasible", "infeasible", "unbounded", "time_limit", "error"]


class SolveOutcome(BaseModel):
    status: SolveStatus
    objective_value: float | None = None
    best_bound: float | None = None
    gap: float | None = None
    gap_tolerance: float | None = None
    """The relative gap within which `optimal` was proven (null where no gap applies)."""
    solution: dict[str, Any] | None = None
    solver: str
    solve_time_ms: int
    message: str | None = None
    explanation: Explanation | None = None
    """Why: the conflicting constraints of an infeasible model, what binds, sensitivity."""


NUMBER_FIELDS = ("objective_value", "best_bound", "gap", "solution")


def non_finite_paths(value: Any, path: str = "") -> list[str]:
    """Where `value` (a JSON-like tree) holds NaN or an infinity, which JSON cannot carry."""
    if isinstance(value, float):
        return [] if math.isfinite(value) else [path or "(root)"]
    if isinstance(value, dict):
        children = [(f"{path}.{key}" if path else str(key), child) for key, child in value.items()]
    elif isinstance(value, (list, tuple)):
        children = [(f"{path}[{index}]", child) for index, child in enumerate(value)]
    else:
        return []
    return [found for where, child in children for found in non_finite_paths(child, where)]


def finite_or_error(outcome: SolveOutcome) -> SolveOutcome:
    """An outcome whose objective, bound, gap or solution is not finite (an overflow in the
    solver) becomes an `error` result: it is refunded, and no NaN or Infinity is returned."""
    found = [where for name in NUMBER_FIELDS for where in non_finite_paths(getattr(outcome, name), name)]
    if not found:
        return outcome
    return SolveOutcome(status="error", solver=outcome.solver, solve_time_ms=outcome.solve_time_ms,
                        message=f"The solver returned a number that is not finite ({', '.join(found[:3])}): "
                                "the data is too large for it to compute with. No credits were charged.")


def relative_gap(objective_value: float | None, best_bound: float | None) -> float | None:
    """|objective - bound| / max(1, |objective|), the convention MIP solvers report."""
    if objective_value is None or best_bound is None:
        return None
    return abs(objective_value - best_bound) / max(1.0, abs(objective_value))


class InputError(ValueError):
    """Input that is well-formed but cannot be solved meaningfully; becomes a 400."""
