"""Linear expressions such as "2*x + 3*y <= cap", parsed safely.

Python's own parser builds the syntax tree (`ast.parse`, never `eval`); only
numbers, names, `x[i]`-style names, + - * / and parentheses are accepted, and a
product of two variable terms is refused because the model must stay linear.
Every number, as written and as computed (coefficients, constants), stays finite and
within +-MAX_MAGNITUDE: `1e400`, `10**400` written out, or `1e300*1e300*x` are refused.
"""
from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, field

from chalicelib.numbers import MAX_MAGNITUDE, is_safe_number

MAX_EXPRESSION_CHARS = 100_000
RANGE = f"numbers must be finite and between {-MAX_MAGNITUDE:g} and {MAX_MAGNITUDE:g}"
_SINGLE_EQUALS = re.compile(r"(?<![<>=!])=(?!=)")
_SENSES = {ast.LtE: "<=", ast.GtE: ">=", ast.Eq: "=="}


def _short(value: float) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:12]}...({len(text)} digits)"


class ExpressionError(ValueError):
    """The expression is not a linear expression over known names."""


@dataclass
class Linear:
    """sum(coefficients[name] * name) + constant."""

    coefficients: dict[str, float] = field(default_factory=dict)
    constant: float = 0.0

    @property
    def is_constant(self) -> bool:
        return not any(self.coefficients.values())

    def scaled(self, factor: float) -> "Linear":
        return Linear({k: v * factor for k, v in self.coefficients.items()}, self.constant * factor)

    def plus(self, other: "Linear", sign: float = 1.0) -> "Linear":
        merged = dict(self.coefficients)
        for name, value in other.coefficients.items():
            merged[name] = merged.get(name, 0.0) + sign * value
        return Linear(merged, self.constant + sign * other.constant)


def canonical_name(name: str) -> str:
    """`x[1, 2]` and `x[1,2]` are the same variable."""
    return re.sub(r"\s+", "", name)


def parse_expression(text: str, variables: set[str], parameters: dict[str, float]) -> Linear:
    """A linear expression (no comparison) over `variables` and `parameters`."""
    tree = _parse(text)
    if isinstance(tree, ast.Compare):
        raise ExpressionError("expected an expression, found a comparison")
    return _linear(tree, variables, parameters)


def parse_relation(text: str, variables: set[str],
                   parameters: dict[str, float]) -> tuple[Linear, float, float]:
    """`lhs <= rhs`, `lhs >= rhs`, `lhs == rhs` or `lo <= lhs <= hi` as (terms, lower, upper)."""
    tree = _parse(_SINGLE_EQUALS.sub("==", text))
    if not isinstance(tree, ast.Compare):
        raise ExpressionError("expected a comparison such as 'x + y <= 10'")
    sides = [_linear(node, variables, parameters) for node in [tree.left, *tree.comparators]]
    senses = []
    for op in tree.ops:
        if type(op) not in _SENSES:
            raise ExpressionError("only <=, >= and == (or =) compare; strict < and > are not linear-programmable")
        senses.append(_SENSES[type(op)])
    if len(sides) == 2:
        body = sides[0].plus(sides[1], -1.0)  # lhs - rhs (sense) 0
        bound = -body.constant
        body = Linear(body.coefficients, 0.0)
        if body.is_constant:
            raise ExpressionError("the comparison has no variables")
        return body, *{"<=": (-math.inf, bound), ">=": (bound, math.inf), "==": (bound, bound)}[senses[0]]
    if len(sides) == 3 and senses[0] == senses[1] and senses[0] in ("<=", ">="):
        low, body, high = sides if senses[0] == "<=" else sides[::-1]
        if not (low.is_constant and high.is_constant) or body.is_constant:
            raise ExpressionError("a ranged constraint reads 'lo <= expression <= hi' with constant lo and hi")
        return Linear(body.coefficients, 0.0), low.constant - body.constant, high.constant - body.constant
    raise ExpressionError("use one comparison, or a range 'lo <= expression <= hi'")


def _parse(text: str) -> ast.expr:
    if not text or not text.strip():
        raise ExpressionError("the expression is empty")
    if len(text) > MAX_EXPRESSION_CHARS:
        raise ExpressionError(f"the expression is longer than {MAX_EXPRESSION_CHARS} characters")
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, RecursionError, MemoryError, ValueError) as error:
        reason = getattr(error, "msg", None) or "too deeply nested"
        raise ExpressionError(f"cannot parse the expression: {reason}") from None


def _linear(node: ast.AST, variables: set[str], parameters: dict[str, float]) -> Linear:
    try:
        result = _walk(node, variables, parameters)
    except RecursionError:
        raise ExpressionError("the expression is too deeply nested") from None
    for name, value in result.coefficients.items():
        if not is_safe_number(value):
            raise ExpressionError(f"the coefficient of '{name}' is {value:g}; {RANGE}")
    if not is_safe_number(result.constant):
        raise ExpressionError(f"the constant term is {result.constant:g}; {RANGE}")
    return result


def _walk(node: ast.AST, variables: set[str], parameters: dict[str, float]) -> Linear:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ExpressionError(f"unexpected constant {node.value!r}")
        if not is_safe_number(node.value):
            raise ExpressionError(f"the number {_short(node.value)} is out of range; {RANGE}")
        return Linear({}, float(node.value))
    if isinstance(node, (ast.Name, ast.Subscript)):
        name = canonical_name(ast.unparse(node))
        if name in variables:
            return Linear({name: 1.0}, 0.0)
        if name in parameters:
            return Linear({}, float(parameters[name]))
        raise ExpressionError(f"unknown name '{name}': not a variable or parameter of the model")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        inner = _walk(node.operand, variables, parameters)
        return inner.scaled(-1.0) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left = _walk(node.left, variables, parameters)
        right = _walk(node.right, variables, parameters)
        if isinstance(node.op, ast.Add):
            return left.plus(right)
        if isinstance(node.op, ast.Sub):
            return left.plus(right, -1.0)
        if isinstance(node.op, ast.Mult):
            if left.is_constant:
                return right.scaled(left.constant)
            if right.is_constant:
                return left.scaled(right.constant)
            raise ExpressionError("a product of two variable terms is not linear")
        if isinstance(node.op, ast.Div):
            if not right.is_constant:
                raise ExpressionError("division by a variable term is not linear")
            if right.constant == 0:
                raise ExpressionError("division by zero")
            return left.scaled(1.0 / right.constant)
    raise ExpressionError(f"'{ast.unparse(node)}' is not allowed in a linear expression")
