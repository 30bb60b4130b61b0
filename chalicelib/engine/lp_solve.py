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

from chalicelib.engine.generic import CompiledModel
from chalicelib.engine.linear_text import OPERATORS, Token, describe, fragment, read_expression, tokenize, tokenizer
from chalicelib.engine.text_reading import ModelAssembly, TextError, check_name, quoted, text_bound

_TOKEN = tokenizer("A-Za-z_", r"A-Za-z0-9_\[\]{}.#$%&~'@^", r"|(?P<semi>;)|(?P<comma>,)")
OBJECTIVE_WORDS = {"max": True, "maximize": True, "maximise": True, "min": False, "minimize": False,
                   "minimise": False}
_REFUSED = {"sec": "semi-continuous variables ('sec') are not supported",
            "sin": "semi-continuous integer variables ('sin') are not supported",
            "sos": "SOS constraints are not supported", "sos1": "SOS constraints are not supported",
            "sos2": "SOS constraints are not supported"}
_DECLARATIONS = {"int", "bin", "free", *_REFUSED}


def strip_comments(line: str, in_block: bool) -> tuple[str, bool]:
    """The line without `//` and `/* */` comments; whether a block comment is still open."""
    kept = []
    i = 0
    while i < len(line):
        if in_block:
            close = line.find("*/", i)
            if close < 0:
                return "".join(kept), True
            i, in_block = close + 2, False
            kept.append(" ")
            continue
        block, rest = line.find("/*", i), line.find("//", i)
        if rest >= 0 and (block < 0 or rest < block):
            kept.append(line[i:rest])
            return "".join(kept), False
        if block < 0:
            kept.append(line[i:])
            break
        kept.append(line[i:block])
        i, in_block = block + 2, True
    return "".join(kept), in_block


def read_lp_solve(text: str) -> CompiledModel:
    tokens: list[Token] = []
    in_block = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line, in_block = strip_comments(raw, in_block)
        line = line.strip(" \t\r\f\v")
        if line:
            tokenize(_TOKEN, line, number, tokens)

    model = ModelAssembly()
    rows: list[tuple[str | None, dict[str, float], float, float, int]] = []
    has_objective = False
    start = 0
    for pos in range(len(tokens) + 1):
        if pos < len(tokens) and tokens[pos][0] != "semi":
            continue
        statement = tokens[start:pos]
        start = pos + 1
        if not statement:
            continue
        first = statement[0]
        word = first[1].lower() if first[0] == "name" else ""
        if word in OBJECTIVE_WORDS and len(statement) > 1 and statement[1][0] == "colon":
            if has_objective:
                raise TextError(first[2], "a second objective; the model has one")
            has_objective = True
            _objective(statement, model, OBJECTIVE_WORDS[word])
        elif word in _DECLARATIONS and (len(statement) == 1 or statement[1][0] in ("name", "colon")):
            _declaration(statement, model, word)
        else:
            _constraint(statement, model, rows)
    for index, (name, coefficients, low, high, line) in enumerate(rows):
        model.add_row(name if name is not None else f"r{index}", coefficients, low, high, line)
    return model.compiled()


def _objective(statement: list[Token], model: ModelAssembly, maximize: bool) -> None:
    model.maximize = maximize
    expression = read_expression(statement, 2, len(statement))
    if expression.end < len(statement):
        token = statement[expression.end]
        raise TextError(token[2], f"unexpected {quoted(token[1])} in the objective after "
                                  f"{fragment(statement, 2, expression.end)}")
    if math.isinf(expression.constant):
        raise TextError(statement[0][2], "the objective constant is infinite")
    for name, coefficient in expression.coefficients.items():
        model.variable(name, statement[0][2], -math.inf, math.inf)
        model.objective[name] = coefficient
    model.constant = expression.constant


def _declaration(statement: list[Token], model: ModelAssembly, word: str) -> None:
    if word in _REFUSED:
        raise TextError(statement[0][2], _REFUSED[word])
    for token in statement[1:]:
        if token[0] in ("comma", "colon"):
            continue
        if token[0] != "name":
            raise TextError(token[2], f"expected variable names after '{word}', found {quoted(token[1])}")
        entry = model.variable(check_name(token[1], token[2]), token[2], -math.inf, math.inf)
        if word == "free":
            entry[0] = -math.inf
        else:
            entry[2] = True
        if word == "bin":
            entry[0], entry[1] = max(entry[0], 0.0), min(entry[1], 1.0)
        entry[3] = token[2]


def _constraint(statement: list[Token], model: ModelAssembly, rows: list) -> None:
    line = statement[0][2]
    end = len(statement)
    pos = 0
    name = None
    if statement[0][0] == "name" and end > 1 and statement[1][0] == "colon":
        name = check_name(statement[0][1], line, "constraint name")
        pos = 2
    sides = []
    senses = []
    while True:
        side = read_expression(statement, pos, end)
        if side.end == side.start:
            raise TextError(statement[min(pos, end - 1)][2], f"expected an expression, found "
                            f"{describe(statement[pos] if pos < end else None)} in {fragment(statement, 0, end)}")
        sides.append(side)
        pos = side.end
        if pos >= end:
            break
        if statement[pos][0] != "op":
            raise TextError(statement[pos][2], f"expected a comparison operator after "
                                               f"{fragment(statement, side.start, pos)}, found {quoted(statement[pos][1])}")
        if len(senses) == 2:
            raise TextError(statement[pos][2], "a constraint has at most two comparison operators")
        senses.append(OPERATORS[statement[pos][1]])
        pos += 1
    if not senses:
        raise TextError(line, f"expected a comparison operator in {fragment(statement, 0, end)}")
    if len(sides) == 2:
        left, right = sides
        coefficients = dict(left.coefficients)
        for variable, value in right.coefficients.items():
            coefficients[variable] = coefficients.get(variable, 0.0) - value
        if (math.isinf(left.constant) and left.coefficients) or (math.isinf(right.constant) and right.coefficients):
            raise TextError(line, "infinity in an expression with variables")
        bound = right.constant - left.constant
        if math.isinf(left.constant) and math.isinf(right.constant):
            raise TextError(line, "a comparison of two infinities")
        low, high = {"<=": (-math.inf, bound), ">=": (bound, math.inf), "=": (bound, bound)}[senses[0]]
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
        raise TextError(line, f"constraint {fragment(statement, 0, end)} has no variables")
    low, high = text_bound(low), text_bound(high)
    if (name is None and single is not None and single.constant == 0.0 and len(single.coefficients) == 1
            and next(iter(single.coefficients.values())) == 1.0):
        variable = next(iter(single.coefficients))
        if single is not sides[0] and len(sides) == 2:  # `3 >= x`: x's side is on the right
            other = sides[0].constant
            low, high = {"<=": (other, math.inf), ">=": (-math.inf, other), "=": (other, other)}[senses[0]]
            low, high = text_bound(low), text_bound(high)
        entry = model.variable(variable, line, -math.inf, math.inf)
        entry[0], entry[1], entry[3] = max(entry[0], low), min(entry[1], high), line
        return
    for variable in coefficients:
        model.variable(variable, line, -math.inf, math.inf)
    rows.append((name, coefficients, low, high, line))
