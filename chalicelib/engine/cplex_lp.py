"""CPLEX LP format, as CPLEX, Gurobi, SCIP, HiGHS and Zimpl write it.

Sections (keywords at the start of a line, any case): Minimize/Maximize (Min, Max,
Minimum, Maximum), Subject To (Such That, st, s.t.), Lazy Constraints (read as
constraints: the model must satisfy them, the solver merely adds them late), Bounds,
General (Generals, Gen), Binary (Binaries, Bin), End. `\\` starts a comment. Statements
span lines. What JAOT cannot solve (quadratic terms, semi-continuous variables, SOS,
indicator and general constraints, user cuts) is refused by name.
"""
from __future__ import annotations

import math
import re
import string

from chalicelib.engine.generic import CompiledModel
from chalicelib.engine.linear_text import (
    INFINITY,
    OPERATORS,
    Tokens,
    describe,
    dialect,
    fragment,
    line_at,
    read_constant,
    read_expression,
    tokenize,
)
from chalicelib.engine.text_reading import ModelAssembly, TextError, check_name, quoted, text_bound

# CPLEX allows these characters in names (not first: a digit or a period); brackets
# appear in names others write (x[1]) and are read as part of a name, never at its start.
_TOKEN, _KINDS = dialect(string.ascii_letters + "_!\"#$%&()/,;?@'`{}|~", string.digits + ".[]", "[]^")
_SECTION = re.compile(
    r"(?i)(minimize|minimise|minimum|min|maximize|maximise|maximum|max|subject[ \t]+to|such[ \t]+that|s\.t\.|st"
    r"|bounds|bound|general[ \t]+constraints|generals|general|gen|binaries|binary|bin"
    r"|semi-continuous|semicontinuous|semis|semi|sos[12]?|lazy[ \t]+constraints|user[ \t]+cuts|pwlobj|end)"
    r"(?=[ \t]|$)")
_KIND = {"minimize": "objective", "minimise": "objective", "minimum": "objective", "min": "objective",
         "maximize": "objective", "maximise": "objective", "maximum": "objective", "max": "objective",
         "subject to": "constraints", "such that": "constraints", "s.t.": "constraints", "st": "constraints",
         "lazy constraints": "constraints", "bounds": "bounds", "bound": "bounds",
         "generals": "general", "general": "general", "gen": "general",
         "binaries": "binary", "binary": "binary", "bin": "binary", "end": "end"}
_REFUSED = {
    "semi": "semi-continuous variables are not supported (JAOT solves linear and integer models)",
    "sos": "SOS constraints are not supported (JAOT solves linear and integer models)",
    "user cuts": "a User Cuts section is not supported; cuts never change the optimum, so remove the section",
    "general constraints": "general constraints (min, max, abs, and, or, piecewise) are not supported",
    "pwlobj": "piecewise-linear objectives are not supported",
}
_QUADRATIC = {"[": "quadratic terms ('[ ... ]') are not supported: JAOT solves linear models",
              "^": "quadratic terms ('x ^ 2') are not supported: JAOT solves linear models"}
OBJECTIVE_WORDS = {"minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max"}


def _section(line: str) -> tuple[str, int] | None:
    """(keyword, where its line's content resumes) when the line opens a section."""
    found = _SECTION.match(line)
    if found is None or line[found.end():].lstrip().startswith(":"):
        return None  # `st: x >= 1` is a constraint named st
    word = " ".join(found.group(1).lower().split())
    if word.startswith("semi"):
        word = "semi"
    elif word.startswith("sos"):
        word = "sos"
    return word, found.end()


def read_cplex_lp(text: str) -> CompiledModel:
    sections: list[tuple[str, Tokens]] = []
    tokens: Tokens | None = None
    ended = False
    for number, raw in enumerate(text.split("\n"), start=1):
        cut = raw.find("\\")
        line = (raw if cut < 0 else raw[:cut]).strip(" \t\r\f\v")
        if not line:
            continue
        opened = _section(line)
        if opened is not None:
            word, resume = opened
            kind = _KIND.get(word, word)  # a refused section is refused once it holds something
            if kind == "end":
                ended = True
                break
            if kind == "objective":
                if any(s[0] in ("min", "max") for s in sections):
                    raise TextError(number, "a second objective section; the model has one objective")
                if line[resume:].strip().lower().startswith("multi-objectives"):
                    raise TextError(number, "multiple objectives are not supported")
                kind = "max" if word.startswith("max") else "min"
            tokens = Tokens(_KINDS)
            sections.append((kind, tokens))
            line = line[resume:].strip(" \t\r\f\v")
            if not line:
                continue
        if tokens is None:
            raise TextError(number, f"expected a section such as 'Minimize' or 'Subject To', "
                                    f"found {quoted(line.split()[0])}")
        tokenize(_TOKEN, line, number, tokens)
    if not ended:
        raise TextError(None, "the file ends without 'End' (is it truncated?)")

    model = ModelAssembly()
    rows: list[tuple[str | None, dict[str, float], float, float, int]] = []
    binaries: list[str] = []
    for kind, tokens in sections:
        if kind in _REFUSED and len(tokens):
            raise TextError(tokens.lines[0], _REFUSED[kind])
        if kind in _REFUSED:
            continue  # HiGHS writes empty `semi` and `sos` sections
        if kind in ("min", "max"):
            model.maximize = kind == "max"
            _objective(tokens, model)
        elif kind == "constraints":
            _constraints(tokens, model, rows)
        elif kind == "bounds":
            _bounds(tokens, model)
        else:
            for pos, word in enumerate(tokens.words):
                line = tokens.lines[pos]
                if tokens.kind(pos) != "name":
                    raise TextError(line, f"expected variable names in the {kind.capitalize()} section, "
                                          f"found {quoted(word)}")
                model.variable(check_name(word, line), line)[2] = True
                if kind == "binary":
                    binaries.append(word)
    for name in binaries:
        entry = model.variables[name]
        entry[0], entry[1] = max(entry[0], 0.0), min(entry[1], 1.0)
    _name_rows(rows, model)
    return model.compiled()


def _objective(tokens: Tokens, model: ModelAssembly) -> None:
    end = len(tokens)
    if end == 0:
        return
    pos = 2 if end >= 2 and tokens.kind(0) in _LABELS and tokens.words[1] == ":" else 0
    expression = read_expression(tokens, pos, end, _QUADRATIC)
    line = tokens.lines[0]
    if expression.end < end:
        raise TextError(tokens.lines[expression.end], f"unexpected {quoted(tokens.words[expression.end])} in the "
                                                      f"objective after {fragment(tokens, pos, expression.end)}")
    if math.isinf(expression.constant):
        raise TextError(line, "the objective constant is infinite")
    for name, coefficient in expression.coefficients.items():
        model.variable(name, line)
        model.objective[name] = coefficient
    model.constant = expression.constant


def _constraints(tokens: Tokens, model: ModelAssembly, rows: list) -> None:
    words, lines = tokens.words, tokens.lines
    variables = model.variables
    pos, end = 0, len(words)
    while pos < end:
        start = pos
        line = lines[pos]
        name = None
        if pos + 1 < end and words[pos + 1] == ":" and tokens.kind(pos) in _LABELS:
            name = check_name(words[pos], line, "constraint name")
            pos += 2
        if pos < end and words[pos] in OPERATORS:  # `r3: <= 0`, a row with no terms, as HiGHS writes
            sense = OPERATORS[words[pos]]
            rhs, pos = read_constant(tokens, pos + 1, end, words[pos])
            low, high = _sides(sense, rhs)
            rows.append((name, {}, text_bound(low), text_bound(high), line))
            continue
        left = read_expression(tokens, pos, end, _QUADRATIC)
        pos = left.end
        if pos >= end or words[pos] not in OPERATORS:
            found = describe(tokens, pos, end)
            raise TextError(line_at(tokens, pos), f"expected a comparison operator after "
                                                  f"{fragment(tokens, left.start, pos)}, found {found}")
        sense = OPERATORS[words[pos]]
        pos += 1
        if not left.coefficients:  # `lo <= x + y [<= hi]`: a constant first
            body = read_expression(tokens, pos, end, _QUADRATIC)
            pos = body.end
            if not body.coefficients:
                raise TextError(line, f"constraint {fragment(tokens, start, pos)} has no variables")
            if math.isinf(body.constant):
                raise TextError(line, "infinity in an expression with variables")
            if pos < end and words[pos] in OPERATORS:
                second = OPERATORS[words[pos]]
                high, pos = read_constant(tokens, pos + 1, end, words[pos])
                if sense != second or sense == "=":
                    raise TextError(line, f"a ranged constraint reads 'lo <= expression <= hi' "
                                          f"(or both >=), found {fragment(tokens, start, pos)}")
                low, high = left.constant - body.constant, high - body.constant
                if sense == ">=":
                    low, high = high, low
            else:  # `5 >= x + y` is `x + y <= 5`
                low, high = _sides({"<=": ">=", ">=": "<=", "=": "="}[sense], left.constant - body.constant)
            coefficients = body.coefficients
        else:
            rhs, pos = read_constant(tokens, pos, end, words[pos - 1])
            if (pos < end and lines[pos] == lines[pos - 1] and tokens.kind(pos) == "name"
                    and (pos + 1 >= end or words[pos + 1] != ":")):
                raise TextError(lines[pos], f"the right-hand side of a constraint is a number; found "
                                            f"{fragment(tokens, pos - 1, pos + 1)} (move {quoted(words[pos])} "
                                            f"to the left-hand side)")
            if math.isinf(left.constant):
                raise TextError(line, "infinity in the left-hand side of a constraint")
            low, high = _sides(sense, rhs - left.constant)
            coefficients = left.coefficients
        if pos < end and words[pos] == "->":
            raise TextError(lines[pos], "indicator constraints ('->') are not supported")
        for variable in coefficients:
            if variable not in variables:
                model.variable(variable, line)
        rows.append((name, coefficients, text_bound(low), text_bound(high), line))


_LABELS = ("name", "num")
"""A label before `:` may start with a digit (`000002:`, as HiGHS writes netlib's row names)."""


def _sides(sense: str, value: float) -> tuple[float, float]:
    return {"<=": (-math.inf, value), ">=": (value, math.inf), "=": (value, value)}[sense]


def _bounds(tokens: Tokens, model: ModelAssembly) -> None:
    """`x <= 5`, `x >= -3`, `-3 <= x`, `x = 2`, `-inf <= x <= 5`, `x free`; the last word wins."""
    words = tokens.words
    pos, end = 0, len(words)
    while pos < end:
        line = tokens.lines[pos]
        start = pos
        if tokens.kind(pos) == "name" and words[pos].lower() not in INFINITY:
            name = check_name(words[pos], line)
            pos += 1
            if pos < end and words[pos].lower() == "free":
                entry = model.variable(name, line)
                entry[0], entry[1], entry[3] = -math.inf, math.inf, line
                pos += 1
                continue
            if pos >= end or words[pos] not in OPERATORS:
                raise TextError(line_at(tokens, pos), f"expected a comparison operator or 'free' after "
                                                      f"{quoted(name)}, found {describe(tokens, pos, end)}")
            sense = OPERATORS[words[pos]]
            value, pos = read_constant(tokens, pos + 1, end, words[pos])
            _set_bound(model, name, sense, value, line)
            continue
        value, pos = read_constant(tokens, pos, end, "the start of a bound")
        if pos < end and tokens.kind(pos) == "name":
            raise TextError(line, f"a bound names one variable with no coefficient; found "
                                  f"{fragment(tokens, start, pos + 1)}")
        if pos >= end or words[pos] not in OPERATORS:
            raise TextError(line_at(tokens, pos), f"expected a comparison operator after "
                                                  f"{fragment(tokens, start, pos)}, found {describe(tokens, pos, end)}")
        sense = {"<=": ">=", ">=": "<=", "=": "="}[OPERATORS[words[pos]]]
        pos += 1
        if pos >= end or tokens.kind(pos) != "name" or words[pos].lower() in INFINITY:
            raise TextError(line_at(tokens, pos), f"a bound names one variable with no coefficient; found "
                                                  f"{describe(tokens, pos, end)} after {fragment(tokens, start, pos)}")
        name = check_name(words[pos], line)
        pos += 1
        _set_bound(model, name, sense, value, line)
        if pos < end and words[pos] in OPERATORS:
            second = OPERATORS[words[pos]]
            value, pos = read_constant(tokens, pos + 1, end, words[pos])
            _set_bound(model, name, second, value, line)


def _set_bound(model: ModelAssembly, name: str, sense: str, value: float, line: int) -> None:
    entry = model.variable(name, line)
    value = text_bound(value)
    if sense in ("<=", "="):
        entry[1] = value
    if sense in (">=", "="):
        entry[0] = value
    entry[3] = line


def _name_rows(rows: list, model: ModelAssembly) -> None:
    """Unnamed constraints are named as CPLEX names them: c<k>, k their 1-based position."""
    taken = {name for name, *_ in rows if name is not None}
    for index, (name, coefficients, low, high, line) in enumerate(rows, start=1):
        if name is None:
            name = f"c{index}"
            while name in taken:
                name += "_"
            taken.add(name)
        model.add_row(name, coefficients, low, high, line)
