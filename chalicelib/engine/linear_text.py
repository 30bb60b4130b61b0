"""Tokens and linear expressions, as the two LP dialects (CPLEX LP, lp_solve) write them.

A token is (kind, text, line). Patterns are alternations of character classes with no
nested repetition, tried at each position once, so tokenizing is linear in the text.
"""
from __future__ import annotations

import math
import re

from chalicelib.engine.text_reading import INFINITY_WORDS, TextError, check_name, parse_number, quoted

Token = tuple[str, str, int]
OPERATORS = {"<=": "<=", "=<": "<=", "<": "<=", ">=": ">=", "=>": ">=", ">": ">=", "=": "="}


def tokenizer(name_start: str, name_rest: str, extra: str = "") -> re.Pattern:
    """A token pattern: numbers, names (from the dialect's character sets), operators, signs."""
    return re.compile(
        r"[ \t\f\v\r]*(?:"
        r"(?P<num>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
        rf"|(?P<name>[{name_start}][{name_rest}]*)"
        r"|(?P<arrow>->)"
        r"|(?P<op><=|=<|>=|=>|<|>|=)"
        r"|(?P<sign>[+-])"
        r"|(?P<colon>:)"
        r"|(?P<star>\*)"
        f"{extra}"
        r"|(?P<other>.))")


def tokenize(pattern: re.Pattern, text: str, line: int, out: list[Token]) -> None:
    """Append the tokens of one line (already stripped of comments and of trailing blanks)."""
    for match in pattern.finditer(text):
        kind = match.lastgroup
        out.append((kind, match.group(kind), line))


def describe(token: Token | None) -> str:
    return "the end of the section" if token is None else quoted(token[1])


def fragment(tokens: list[Token], start: int, end: int) -> str:
    """The text of tokens[start:end] for a message, e.g. 'x + y'."""
    if end - start > 12:
        return quoted(" ".join(t[1] for t in tokens[start:start + 10]) + " ...")
    return quoted(" ".join(t[1] for t in tokens[start:end]))


class Expression:
    """sum(coefficients[name] * name) + constant, read from tokens."""

    __slots__ = ("coefficients", "constant", "start", "end")

    def __init__(self) -> None:
        self.coefficients: dict[str, float] = {}
        self.constant = 0.0
        self.start = self.end = 0


def is_infinity_word(token: Token) -> bool:
    return token[0] == "name" and token[1].lower() in ("inf", "infinity")


def read_expression(tokens: list[Token], pos: int, end: int, refuse: dict[str, str] | None = None) -> Expression:
    """Terms `[sign...] [number] [*] [name]` joined by signs, from tokens[pos:end]; stops at the
    first token that cannot continue the expression. Repeated names are summed; a number
    alone is a constant; `inf`/`infinity` alone is an infinite constant."""
    expression = Expression()
    expression.start = pos
    coefficients = expression.coefficients
    first = True
    while pos < end:
        kind = tokens[pos][0]
        if not first and kind != "sign":
            break
        sign = 1.0
        term_start = pos
        while pos < end and tokens[pos][0] == "sign":
            if tokens[pos][1] == "-":
                sign = -sign
            pos += 1
        if pos >= end:
            raise TextError(tokens[term_start][2], f"the expression ends after a sign: {fragment(tokens, expression.start, pos)}")
        token = tokens[pos]
        if refuse and token[1] in refuse:
            raise TextError(token[2], refuse[token[1]])
        number = None
        if token[0] == "num":
            number = parse_number(token[1], token[2])
            pos += 1
            if pos < end and tokens[pos][0] == "star":
                pos += 1
                if pos >= end or tokens[pos][0] != "name":
                    raise TextError(token[2], f"expected a variable after {fragment(tokens, term_start, pos)}")
        elif token[0] != "name":
            if first and pos == term_start:
                break  # no expression here (e.g. a constraint that starts with an operator)
            raise TextError(token[2], f"expected a number or a variable after "
                                      f"{fragment(tokens, expression.start, pos)}, found {describe(token)}")
        if pos < end and tokens[pos][0] == "name":
            name_token = tokens[pos]
            pos += 1
            if is_infinity_word(name_token):
                if number is not None:
                    raise TextError(name_token[2], f"{fragment(tokens, term_start, pos)}: infinity is not a variable")
                value = sign * math.inf
                if expression.constant == -value:
                    raise TextError(name_token[2], "an expression adds +infinity and -infinity")
                expression.constant += value
            else:
                name = check_name(name_token[1], name_token[2])
                coefficients[name] = coefficients.get(name, 0.0) + sign * (1.0 if number is None else number)
        elif number is not None:
            expression.constant += sign * number
        else:
            raise TextError(token[2], f"expected a number or a variable after {fragment(tokens, expression.start, pos)}")
        first = False
    expression.end = pos
    return expression


def read_constant(tokens: list[Token], pos: int, end: int, after: str) -> tuple[float, int]:
    """`[sign...] number` or `[sign...] inf`: a right-hand side or a bound."""
    sign = 1.0
    start = pos
    while pos < end and tokens[pos][0] == "sign":
        sign = -sign if tokens[pos][1] == "-" else sign
        pos += 1
    token = tokens[pos] if pos < end else None
    if token is not None and token[0] == "num":
        return sign * parse_number(token[1], token[2]), pos + 1
    if token is not None and token[0] == "name" and token[1].lower() in INFINITY_WORDS:
        return sign * math.inf, pos + 1
    line = (token or tokens[max(start, end - 1)])[2]
    raise TextError(line, f"expected a number after {quoted(after)}, found {describe(token)}")
