"""The JSON model format of POST /api/v2/solve (and what a builder canvas compiles to).

A model has variables, named parameters, linear constraints and an optional
objective. Constraints and the objective are written either as an expression
("2*x + 3*y <= cap") or as a list of terms.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.schemas.common import FiniteNumber, Name

MAX_VARIABLES = 100_000
MAX_CONSTRAINTS = 100_000
MAX_TERMS = 1_000_000
NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*(\[[A-Za-z0-9_, ]+\])?$"


class _Strict(BaseModel):
    """No coercion: `"5"` is not a bound and `true` is not a coefficient."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)


class Variable(_Strict):
    name: str = Field(min_length=1, max_length=128, pattern=NAME_PATTERN)
    """Identifier, optionally indexed: `x`, `ship[1,2]`, `open[berlin]`."""
    type: Literal["continuous", "integer", "binary"] = "continuous"
    lower: FiniteNumber | None = 0.0
    """Lower bound; null for none (-infinity). Defaults to 0."""
    upper: FiniteNumber | None = None
    """Upper bound; null for none (+infinity)."""


class Term(_Strict):
    variable: str = Field(min_length=1, max_length=128)
    coefficient: FiniteNumber


class Constraint(_Strict):
    name: Name | None = Field(default=None, min_length=1, max_length=128)
    """Shown in errors and in the solution; `c<index>` when omitted."""
    expression: str | None = Field(default=None, max_length=100_000)
    """A comparison: `2*x + 3*y <= cap`, `x == y`, or a range `0 <= x - y <= 5`."""
    terms: list[Term] | None = None
    """Alternative to `expression`: the left-hand side as terms..."""
    sense: Literal["<=", ">=", "=="] | None = None
    """...compared by this sense..."""
    rhs: FiniteNumber | str | None = None
    """...with this right-hand side: a number or a parameter name."""

    @model_validator(mode="after")
    def _one_form(self) -> "Constraint":
        if (self.expression is None) == (self.terms is None):
            raise ValueError("give either `expression` or `terms` (with `sense` and `rhs`)")
        if self.terms is not None and (self.sense is None or self.rhs is None):
            raise ValueError("a constraint written as `terms` needs `sense` and `rhs`")
        if self.expression is not None and (self.sense is not None or self.rhs is not None):
            raise ValueError("`sense` and `rhs` go with `terms`; an expression carries its own comparison")
        return self


class Objective(_Strict):
    sense: Literal["minimize", "maximize"] = "minimize"
    expression: str | None = Field(default=None, max_length=100_000)
    """For example `3*x + 2*y - fixed_cost`."""
    terms: list[Term] | None = None
    constant: FiniteNumber = 0.0

    @model_validator(mode="after")
    def _one_form(self) -> "Objective":
        if (self.expression is None) == (self.terms is None):
            raise ValueError("give either `expression` or `terms`")
        return self


class LinearModel(_Strict):
    variables: list[Variable] = Field(min_length=1, max_length=MAX_VARIABLES)
    constraints: list[Constraint] = Field(default_factory=list, max_length=MAX_CONSTRAINTS)
    objective: Objective | None = None
    """Omit for a feasibility problem."""
    parameters: dict[str, FiniteNumber] = Field(default_factory=dict, max_length=10_000)
    """Named numbers the expressions may use; a solve request may override them."""
