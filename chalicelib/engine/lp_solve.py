"""lp_solve LP syntax, read exactly as OR-Tools' LP reader (JAOT's reader until now) reads it.

`max: 3x + 2y;` / `min: ...;` (the objective), `[name:] expression op expression [op
expression];` (constraints), `int x, y;` and `bin b;` (declarations), each statement ended
by `;`. As OR-Tools reads it: variables are free unless bounded; an unnamed statement on one
variable with coefficient 1 (`x >= 0;`, `-5 <= x <= 5;`) bounds it (bounds intersect);
unnamed constraints are named r<index> (0-based row index); `bin` bounds a variable to
[0, 1]. Beyond what OR-Tools read: `//` and `/* */` comments, `=<`/`=>`, a constant
anywhere, variables on both sides, repeated variables (summed), `free x;`. Semi-continuous
(`sec`, `sin`) and SOS declarations are refused by name. Nothing is handed to OR-Tools'
C++ reader, which logs a refused statement's text.
"""
from __future__ import annotations

import math
import re
import string

from chalicelib.engine.generic import CompiledModel
from chalicelib.engine.linear_text import (
    OPERATORS,
    Tokens,
    describe,
    dialect,
    fragment,
    line_at,
    read_expression,
    tokenize,
)
from chalicelib.engine.text_reading import ModelAssembly, TextError, check_name, quoted, text_bound

_TOKEN, _KINDS = dialect(string.ascii_letters + "_", string.digits + "[]{}.#$%&~'@^", ";,")
OBJECTIVE_WORDS = {"max": True, "maximize": True, "maximise": True, "min": False, "minimize": False,
                   "minimise": False}
_REFUSED = {"sec": "semi-continuous variables ('sec') are not supported",
            "sin": "semi-continuous integer variables ('sin') are not supported",
            "sos": "SOS constraints are not supported", "sos1": "SOS constraints are not supported",
            "sos2": "SOS constraints are not supported"}
_DECLARATIONS = {"int", "bin", "free", *_REFUSED}
_COMMENT = re.compile(r"//|/\*|\*/")


def strip_comments(line: str, in_block: bool) -> tuple[str, bool]:
    """The line without `//` and `/* */` comments; whether a block comment is still open.
    One left-to-right scan (a search per comment would be quadratic on `/*/*/*...`)."""
    kept = []
    start = 0
    for found in _COMMENT.finditer(line):
        mark = found.group()
        if in_block:
            if mark == "*/":
                in_block, start = False, found.end()
                kept.append(" ")
        elif mark == "//":
            kept.append(line[start:found.start()])
            return "".join(kept), False
        elif mark == "/*":
            kept.append(line[start:found.start()])
            in_block = True
    if not in_block:
        kept.append(line[start:])
    return "".join(kept), in_block


def read_lp_solve(text: str) -> CompiledModel:
    tokens = Tokens(_KINDS)
    in_block = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line, in_block = strip_comments(raw, in_block)
        line = line.strip(" \t\r\f\v")
        if line:
            tokenize(_TOKEN, line, number, tokens)

    model = ModelAssembly()
    rows: list[tuple[str | None, dict[str, float], float, float, int]] = []
    has_objective = False
    words = tokens.words
    start = 0
    ends = [pos for pos, word in enumerate(words) if word == ";"]
    for end in ends + [len(words)]:
        if end > start:
            word = words[start].lower() if tokens.kind(start) == "name" else ""
            second = words[start + 1] if start + 1 < end else ""
            if word in OBJECTIVE_WORDS and second == ":":
                if has_objective:
                    raise TextError(tokens.lines[start], "a second objective; the model has one")
                has_objective = True
                _objective(tokens, start, end, model, OBJECTIVE_WORDS[word])
            elif word in _DECLARATIONS and (not second or second == ":" or tokens.kind(start + 1) == "name"):
                _declaration(tokens, start, end, model, word)
            else:
                _constraint(tokens, start, end, model, rows)
        start = end + 1
    for index, (name, coefficients, low, high, line) in enumerate(rows):
        model.add_row(name if name is not None else f"r{index}", coefficients, low, high, line)
    return model.compiled()


def _objective(tokens: Tokens, start: int, end: int, model: ModelAssembly, maximize: bool) -> None:
    model.maximize = maximize
    line = tokens.lines[start]
    expression = read_expression(tokens, start + 2, end)
    if expression.end < end:
        raise TextError(tokens.lines[expression.end], f"unexpected {quoted(tokens.words[expression.end])} in the "
                                                      f"objective after {fragment(tokens, start, expression.end)}")
    if math.isinf(expression.constant):
        raise TextError(line, "the objective constant is infinite")
    for name, coefficient in expression.coefficients.items():
        model.variable(name, line, -math.inf, math.inf)
        model.objective[name] = coefficient
    model.constant = expression.constant


def _declaration(tokens: Tokens, start: int, end: int, model: ModelAssembly, word: str) -> None:
    if word in _REFUSED:
        raise TextError(tokens.lines[start], _REFUSED[word])
    for pos in range(start + 1, end):
        name, line = tokens.words[pos], tokens.lines[pos]
        if name in (",", ":"):
            continue
        if tokens.kind(pos) != "name":
            raise TextError(line, f"expected variable names after '{word}', found {quoted(name)}")
        entry = model.variable(check_name(name, line), line, -math.inf, math.inf)
        if word == "free":
            entry[0] = -math.inf
        else:
            entry[2] = True
        if word == "bin":
            entry[0], entry[1] = max(entry[0], 0.0), min(entry[1], 1.0)
        entry[3] = line


def _constraint(tokens: Tokens, start: int, end: int, model: ModelAssembly, rows: list) -> None:
    words = tokens.words
    line = tokens.lines[start]
    pos = start
    name = None
    if start + 1 < end and words[start + 1] == ":" and tokens.kind(start) == "name":
        name = check_name(words[start], line, "constraint name")
        pos = start + 2
    sides = []
    senses = []
    while True:
        side = read_expression(tokens, pos, end)
        if side.end == side.start:
            raise TextError(line_at(tokens, pos), f"expected an expression, found {describe(tokens, pos, end)} "
                                                  f"in {fragment(tokens, start, end)}")
        sides.append(side)
        pos = side.end
        if pos >= end:
            break
        if words[pos] not in OPERATORS:
            raise TextError(tokens.lines[pos], f"expected a comparison operator after "
                                               f"{fragment(tokens, side.start, pos)}, found {quoted(words[pos])}")
        if len(senses) == 2:
            raise TextError(tokens.lines[pos], "a constraint has at most two comparison operators")
        senses.append(OPERATORS[words[pos]])
        pos += 1
    if not senses:
        raise TextError(line, f"expected a comparison operator in {fragment(tokens, start, end)}")
    if len(sides) == 2:
        left, right = sides
        coefficients = dict(left.coefficients)
        for variable, value in right.coefficients.items():
            coefficients[variable] = coefficients.get(variable, 0.0) - value
        if (math.isinf(left.constant) and left.coefficients) or (math.isinf(right.constant) and right.coefficients):
            raise TextError(line, "infinity in an expression with variables")
        if math.isinf(left.constant) and math.isinf(right.constant):
            raise TextError(line, "a comparison of two infinities")
        bound = right.constant - left.constant
        sense = senses[0]
        if not left.coefficients:  # `2 >= y` is `y <= 2`, as OR-Tools reads it
            coefficients, bound = dict(right.coefficients), -bound
            sense = {"<=": ">=", ">=": "<=", "=": "="}[sense]
        low, high = {"<=": (-math.inf, bound), ">=": (bound, math.inf), "=": (bound, bound)}[sense]
        single = left if not right.coefficients else right if not left.coefficients else None
    else:
        low_side, body, high_side = sides
        if low_side.coefficients or high_side.coefficients or not body.coefficients:
            raise TextError(line, "a ranged constraint reads 'lo <= expression <= hi' with constant lo and hi")
        if senses[0] != senses[1] or senses[0] == "=":
            raise TextError(line, "a ranged constraint uses two <= or two >=")
        if math.isinf(body.constant):
            raise TextError(line, "infinity in an expression with variables")
        low, high = low_side.constant - body.constant, high_side.constant - body.constant
        if senses[0] == ">=":
            low, high = high, low
        coefficients = dict(body.coefficients)
        single = body
    if not coefficients:
        raise TextError(line, f"constraint {fragment(tokens, start, end)} has no variables")
    if (name is None and single is not None and single.constant == 0.0 and len(single.coefficients) == 1
            and next(iter(single.coefficients.values())) == 1.0):
        # OR-Tools' rule: an unnamed statement on one variable with coefficient 1 is a bound
        variable = next(iter(single.coefficients))
        entry = model.variable(variable, line, -math.inf, math.inf)
        entry[0], entry[1], entry[3] = max(entry[0], text_bound(low)), min(entry[1], text_bound(high)), line
        return
    variables = model.variables
    for variable in coefficients:
        if variable not in variables:
            model.variable(variable, line, -math.inf, math.inf)
    rows.append((name, coefficients, text_bound(low), text_bound(high), line))
