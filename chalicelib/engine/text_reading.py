"""What the MPS and LP readers share: the error they raise, numbers, and the model they fill.

Each reader walks the text once (line by line, simple non-backtracking patterns), so
reading is linear in the text's length whatever the text holds. A problem is a
`TextError` naming the line; nothing of the text is ever printed or logged.
"""
from __future__ import annotations

import math
import re

from chalicelib.engine.expressions import Linear
from chalicelib.engine.generic import TEXT_INFINITY, CompiledModel, CompiledRow, CompiledVariable

MAX_NAME_CHARS = 255
"""CPLEX's limit on a name; longer names are refused, not truncated."""
MAX_NUMBER_CHARS = 64
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
INFINITY_WORDS = {"inf": math.inf, "infinity": math.inf, "+inf": math.inf, "+infinity": math.inf,
                  "-inf": -math.inf, "-infinity": -math.inf}
_DIGITS = set("0123456789.")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class TextError(ValueError):
    """The text cannot be read; `line` is 1-based (None: the file as a whole)."""

    def __init__(self, line: int | None, message: str):
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


def quoted(text: str, limit: int = 40) -> str:
    """A token or fragment for a message: quoted, cut short, control characters spelled out."""
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text)} characters)"
    return "'" + "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text) + "'"


def refuse_control_characters(text: str) -> None:
    """NUL and other control characters have no place in a model file."""
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise TextError(line, f"control character U+{ord(found.group()):04X} in the text")


def check_name(name: str, line: int, what: str = "name") -> str:
    if len(name) > MAX_NAME_CHARS:
        raise TextError(line, f"a {what} of {len(name)} characters; names have at most {MAX_NAME_CHARS}")
    return name


def parse_number(text: str, line: int, infinite_allowed: bool = False) -> float:
    """A decimal number as the formats write it (`3`, `-.5`, `2.`, `1e+30`); `inf`/`infinity`
    only where a bound may be infinite. Never `nan`, never an overflow to infinity."""
    if len(text) <= MAX_NUMBER_CHARS and text[-1] in _DIGITS and "_" not in text and text.isascii():
        try:  # the common case, fast: a plain decimal (float() alone would also take nan, inf, 1_0)
            value = float(text)
        except ValueError:
            raise TextError(line, f"{quoted(text)} is not a number") from None
        if math.isinf(value):
            raise TextError(line, f"{quoted(text)} is beyond the range of a double")
        return value
    word = text.lower()
    if word in INFINITY_WORDS:
        if infinite_allowed:
            return INFINITY_WORDS[word]
        raise TextError(line, f"{quoted(text)} is infinite; only a bound or right-hand side may be infinite")
    if len(text) > MAX_NUMBER_CHARS:
        raise TextError(line, f"a number of {len(text)} characters; numbers have at most {MAX_NUMBER_CHARS}")
    if not NUMBER.fullmatch(text):
        raise TextError(line, f"{quoted(text)} is not a number")
    value = float(text)
    if math.isinf(value):
        raise TextError(line, f"{quoted(text)} is beyond the range of a double")
    return value


def text_bound(value: float) -> float:
    """The formats' convention: a bound of 1e30 or more in magnitude means none."""
    return math.copysign(math.inf, value) if abs(value) >= TEXT_INFINITY else value


class ModelAssembly:
    """The model a reader fills: variables in order of first appearance, rows in file order."""

    def __init__(self) -> None:
        self.variables: dict[str, list] = {}  # name -> [lower, upper, integer, line of its last bound]
        self.rows: list[CompiledRow] = []
        self.row_lines: list[int] = []
        self.row_names: set[str] = set()
        self.objective: dict[str, float] = {}
        self.constant = 0.0
        self.maximize = False

    def variable(self, name: str, line: int, lower: float = 0.0, upper: float = math.inf) -> list:
        entry = self.variables.get(name)
        if entry is None:
            entry = self.variables[name] = [lower, upper, False, line]
        return entry

    def add_row(self, name: str, coefficients: dict[str, float], lower: float, upper: float, line: int) -> None:
        if name in self.row_names:
            raise TextError(line, f"a second constraint named {quoted(name)}")
        self.row_names.add(name)
        self.rows.append(CompiledRow(name, coefficients, lower, upper))
        self.row_lines.append(line)

    def compiled(self) -> CompiledModel:
        """Check what only the whole file can tell, then the CompiledModel."""
        if not self.variables:
            raise TextError(None, "the model has no variables")
        variables = []
        for name, (lower, upper, integer, line) in self.variables.items():
            if lower == math.inf or upper == -math.inf:
                raise TextError(line, f"the bounds of {quoted(name)} leave it no value "
                                      f"(lower {lower:g}, upper {upper:g})")
            if lower > upper:
                hint = (f"; a negative upper bound keeps the default lower bound 0: write "
                        f"'-inf <= {name[:40]} <= {upper:g}'" if lower == 0 and upper < 0 else "")
                raise TextError(line, f"the bounds of {quoted(name)} cross: lower {lower:g} is above "
                                      f"upper {upper:g}{hint}")
            variables.append(CompiledVariable(name, integer, lower, upper))
        for row, line in zip(self.rows, self.row_lines):
            if row.lower == math.inf or row.upper == -math.inf or row.lower > row.upper:
                raise TextError(line, f"constraint {quoted(row.name)} can hold for no value: its bounds are "
                                      f"{row.lower:g} and {row.upper:g}")
            row.coefficients = {k: v for k, v in row.coefficients.items() if v != 0.0}
        coefficients = {k: v for k, v in self.objective.items() if v != 0.0}
        objective = Linear(coefficients, self.constant) if coefficients else None
        return CompiledModel(variables, self.rows, objective, self.maximize)
