"""Why a result is what it is, in the user's own names: the `explanation` of every result.

One shape for /solve, builder models and templates. `conflicts` answers "why infeasible";
`binding` answers "what holds the answer back", in words; `sensitivity` carries the numbers
of a linear model (slack, duals, reduced costs and the ranges over which they hold).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Part(BaseModel):
    model_config = ConfigDict(use_attribute_docstrings=True)


class Conflict(_Part):
    name: str
    """The user's own name for it: a constraint name, a variable (for a bound) or a template rule."""
    kind: Literal["constraint", "bound", "rule"]
    """`constraint` and `bound` name parts of a linear model; `rule` a template's own requirement."""
    node_id: str | None = None
    """The canvas node the constraint or variable came from, for builder models."""
    sentence: str
    """What it requires, in one sentence."""


class Binding(_Part):
    name: str
    kind: Literal["constraint", "bound", "rule"]
    node_id: str | None = None
    sentence: str
    """What binds and what a unit more of it is worth, where that is known."""
    slack: float | None = None
    dual_value: float | None = None
    """Change of the objective per unit of right-hand side (for a MIP: with integers fixed)."""


class ConstraintSensitivity(_Part):
    activity: float
    slack: float
    """Distance from the nearest finite side of the constraint (0 when it binds)."""
    binding: bool
    dual_value: float | None = None
    rhs_range: tuple[float | None, float | None] | None = None
    """Right-hand side values over which `dual_value` holds (null: no limit that side)."""


class VariableSensitivity(_Part):
    value: float
    reduced_cost: float | None = None
    cost_range: tuple[float | None, float | None] | None = None
    """Objective coefficients over which the solution stays optimal (null: no limit that side)."""


class Sensitivity(_Part):
    kind: Literal["lp", "mip_fixed", "slack_only"]
    """`lp`: duals of the LP; `mip_fixed`: duals of the LP with every integer fixed at its
    value in the solution (asked for with `options.mip_duals`); `slack_only`: a MIP's slacks."""
    constraints: dict[str, ConstraintSensitivity]
    variables: dict[str, VariableSensitivity] | None = None
    truncated: bool = False
    """True when the model was too large for every entry; the binding ones come first."""


class Explanation(_Part):
    summary: str
    """One sentence a person can read."""
    conflicts: list[Conflict] | None = None
    """For an infeasible result: parts that cannot all hold together."""
    conflict_is_minimal: bool | None = None
    """True when dropping any one of `conflicts` makes the rest feasible (irreducible)."""
    binding: list[Binding] | None = None
    sensitivity: Sensitivity | None = None
    time_ms: int | None = None
    """What computing the explanation took, after the solve (not in `solve_time_ms`)."""
