"""Build a POST /solve model from Python expressions.

    m = jaot.Model()
    x = m.var("x", lb=0, integer=True)
    y = m.var("y", lb=0, ub=4)
    m.add(2 * x + y <= 10, name="cap")
    m.maximize(3 * x + 2 * y)
    result = client.solve(m)            # or m.to_json(): the `model` /solve accepts

Expressions are linear: variables times numbers, added and subtracted; `<=`, `>=` and
`==` between expressions (or numbers) make constraints, written as `terms` with a
`sense` and a numeric `rhs` (every variable moved to the left, every constant right).
"""
from __future__ import annotations

import math
import re
from numbers import Real
from typing import Any, Iterable, Optional, Union

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[A-Za-z0-9_, ]+\])?$")
Number = Union[int, float]


def _is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


class LinearExpr:
    """sum(coefficient * variable) + constant."""

    __slots__ = ("terms", "constant")

    def __init__(self, terms: Optional[dict[str, float]] = None, constant: float = 0.0):
        self.terms: dict[str, float] = dict(terms or {})
        self.constant = float(constant)

    @staticmethod
    def of(value: Any) -> "LinearExpr":
        if isinstance(value, LinearExpr):
            return value
        if _is_number(value):
            if not math.isfinite(value):
                raise ValueError("coefficients and constants must be finite")
            return LinearExpr(constant=float(value))
        raise TypeError(f"cannot use {type(value).__name__} in a linear expression")

    def _combine(self, other: Any, sign: float) -> "LinearExpr":
        other = LinearExpr.of(other)
        terms = dict(self.terms)
        for name, coefficient in other.terms.items():
            terms[name] = terms.get(name, 0.0) + sign * coefficient
        return LinearExpr(terms, self.constant + sign * other.constant)

    def __add__(self, other: Any) -> "LinearExpr":
        return self._combine(other, 1.0)

    __radd__ = __add__

    def __sub__(self, other: Any) -> "LinearExpr":
        return self._combine(other, -1.0)

    def __rsub__(self, other: Any) -> "LinearExpr":
        return LinearExpr.of(other)._combine(self, -1.0)

    def __neg__(self) -> "LinearExpr":
        return self * -1

    def __mul__(self, other: Any) -> "LinearExpr":
        if not _is_number(other):
            raise TypeError("only a number can multiply an expression (the model is linear)")
        if not math.isfinite(other):
            raise ValueError("coefficients must be finite")
        return LinearExpr({name: c * other for name, c in self.terms.items()}, self.constant * other)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> "LinearExpr":
        if not _is_number(other) or other == 0:
            raise TypeError("an expression can only be divided by a non-zero number")
        return self * (1.0 / other)

    def _compare(self, other: Any, sense: str) -> "Constraint":
        difference = self - LinearExpr.of(other)
        return Constraint(difference.terms, sense, -difference.constant)

    def __le__(self, other: Any) -> "Constraint":  # type: ignore[override]
        return self._compare(other, "<=")

    def __ge__(self, other: Any) -> "Constraint":  # type: ignore[override]
        return self._compare(other, ">=")

    def __eq__(self, other: Any) -> "Constraint":  # type: ignore[override]
        return self._compare(other, "==")

    __hash__ = None  # type: ignore[assignment]

    def to_terms(self) -> list[dict[str, Any]]:
        return [{"variable": name, "coefficient": c} for name, c in self.terms.items() if c != 0]

    def __repr__(self) -> str:
        parts = [f"{c:g}*{name}" for name, c in self.terms.items()]
        if self.constant or not parts:
            parts.append(f"{self.constant:g}")
        return " + ".join(parts)


class Var(LinearExpr):
    """A variable: an expression of one term, with its bounds and type."""

    __slots__ = ("name", "lb", "ub", "type")

    def __init__(self, name: str, lb: Optional[float], ub: Optional[float], type: str):
        super().__init__({name: 1.0})
        self.name, self.lb, self.ub, self.type = name, lb, ub, type

    def __repr__(self) -> str:
        return f"Var({self.name!r})"


class Constraint:
    __slots__ = ("terms", "sense", "rhs")

    def __init__(self, terms: dict[str, float], sense: str, rhs: float):
        self.terms, self.sense, self.rhs = terms, sense, rhs

    def __bool__(self) -> bool:
        raise TypeError("a constraint has no truth value: pass it to Model.add()")

    def to_json(self, name: Optional[str]) -> dict[str, Any]:
        terms = [{"variable": v, "coefficient": c} for v, c in self.terms.items() if c != 0]
        if not terms:
            raise ValueError(f"constraint {name or ''} has no variables".replace("  ", " "))
        body: dict[str, Any] = {"terms": terms, "sense": self.sense, "rhs": self.rhs}
        return {"name": name, **body} if name else body


class Model:
    """A linear model for POST /solve (`to_json()` gives its `model`)."""

    def __init__(self) -> None:
        self._variables: dict[str, Var] = {}
        self._constraints: list[tuple[Optional[str], Constraint]] = []
        self._objective: Optional[tuple[str, LinearExpr]] = None

    def var(self, name: str, lb: Optional[Number] = 0.0, ub: Optional[Number] = None, *,
            integer: bool = False, binary: bool = False) -> Var:
        """A new variable; `lb=None` / `ub=None` mean no bound. Names are identifiers,
        optionally indexed: `x`, `ship[1,2]`."""
        if not NAME.match(name):
            raise ValueError(f"{name!r} is not a variable name (letters, digits, _, optionally [index])")
        if name in self._variables:
            raise ValueError(f"variable {name!r} already exists")
        kind = "binary" if binary else "integer" if integer else "continuous"
        variable = Var(name, None if binary else lb, None if binary else ub, kind)
        self._variables[name] = variable
        return variable

    def vars(self, names: Iterable[str], **kwargs: Any) -> list[Var]:
        return [self.var(name, **kwargs) for name in names]

    def add(self, constraint: Constraint, name: Optional[str] = None) -> Constraint:
        if not isinstance(constraint, Constraint):
            raise TypeError("add() takes a comparison of expressions, e.g. 2*x + y <= 10")
        unknown = [v for v in constraint.terms if v not in self._variables]
        if unknown:
            raise ValueError(f"unknown variables {unknown}")
        self._constraints.append((name, constraint))
        return constraint

    def maximize(self, expression: Any) -> None:
        self._objective = ("maximize", LinearExpr.of(expression))

    def minimize(self, expression: Any) -> None:
        self._objective = ("minimize", LinearExpr.of(expression))

    @staticmethod
    def sum(items: Iterable[Any]) -> LinearExpr:
        total = LinearExpr()
        for item in items:
            total = total + item
        return total

    def to_json(self) -> dict[str, Any]:
        """The `model` field of a POST /solve request."""
        if not self._variables:
            raise ValueError("the model has no variables")
        variables = []
        for v in self._variables.values():
            item: dict[str, Any] = {"name": v.name, "type": v.type}
            if v.type != "binary":
                item.update(lower=v.lb, upper=v.ub)
            variables.append(item)
        model: dict[str, Any] = {"variables": variables,
                                 "constraints": [c.to_json(name) for name, c in self._constraints]}
        if self._objective is not None:
            sense, expression = self._objective
            model["objective"] = {"sense": sense, "terms": expression.to_terms() or
                                  [{"variable": next(iter(self._variables)), "coefficient": 0.0}],
                                  "constant": expression.constant}
        return model
