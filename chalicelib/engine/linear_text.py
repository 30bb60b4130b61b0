"""Tokens and linear expressions, as the two LP dialects (CPLEX LP, lp_solve) write them.

Tokens are kept as two parallel lists, `words` (the token text) and `lines` (its 1-based
line); a token's kind follows from its first character. Patterns are alternations of
character classes with no nested repetition, matched once per position, so tokenizing
is linear in the text.
"""
from __future__ import annotations

import math
import re
from itertools import repeat

from chalicelib.engine.text_reading import MAX_NUMBER_CHARS, TextError, check_name, parse_number, quoted

OPERATORS = {"<=": "<=", "=<": "<=", "<": "<=", ">=": ">=", "=>": ">=", ">": ">=", "=": "="}
INFINITY = {"inf", "infinity"}


class Tokens:
    """The tokens of a section or statement: words[i] read on lines[i]."""

    __slots__ = ("words", "lines", "kinds")

    def __init__(self, kinds: dict[str, str]) -> None:
        self.words: list[str] = []
        self.lines: list[int] = []
        self.kinds = kinds

    def kind(self, pos: int) -> str:
        word = self.words[pos]
        return "arrow" if word == "->" else self.kinds.get(word[0], "other")

    def __len__(self) -> int:
        return len(self.words)


def dialect(name_start: str, name_rest: str, punctuation: str) -> tuple[re.Pattern, dict[str, str]]:
    """A token pattern and the kind of a token by its first character. `name_start` lists the
    characters a name may start with (ASCII, one by one); `punctuation` single-character
    tokens such as ';' and ','."""
    pattern = re.compile(
        r"[ \t\f\v\r]*("
        r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
        rf"|[{re.escape(name_start)}][{re.escape(name_start + name_rest)}]*"
        r"|->|<=|=<|>=|=>|[<>=+\-:*]"
        r"|.)")
    kinds = {c: "name" for c in name_start}
    kinds.update({c: "num" for c in "0123456789."})
    kinds.update({"<": "op", ">": "op", "=": "op", "+": "sign", "-": "sign", ":": "colon", "*": "star"})
    kinds.update({c: c for c in punctuation})
    return pattern, kinds


def tokenize(pattern: re.Pattern, text: str, line: int, tokens: Tokens) -> None:
    """Append the tokens of one line (already stripped of comments and surrounding blanks)."""
    words = pattern.findall(text)
    tokens.words += words
    tokens.lines += repeat(line, len(words))


def describe(tokens: Tokens, pos: int, end: int) -> str:
    return "the end of the statement" if pos >= end else quoted(tokens.words[pos])


def fragment(tokens: Tokens, start: int, end: int) -> str:
    """The text of tokens start..end for a message, e.g. 'x + y'."""
    words = tokens.words[start:min(end, start + 10)]
    return quoted(" ".join(words) + (" ..." if end - start > 10 else ""))


def line_at(tokens: Tokens, pos: int) -> int:
    return tokens.lines[min(pos, len(tokens.lines) - 1)]


class Expression:
    """sum(coefficients[name] * name) + constant, read from tokens[start:end]."""

    __slots__ = ("coefficients", "constant", "start", "end")

    def __init__(self, start: int) -> None:
        self.coefficients: dict[str, float] = {}
        self.constant = 0.0
        self.start = self.end = start


def read_expression(tokens: Tokens, pos: int, end: int, refuse: dict[str, str] | None = None) -> Expression:
    """Terms `[sign...] [number] [*] [name]` joined by signs; stops at the first token that
    cannot continue the expression. Repeated names are summed; a number alone is a
    constant; `inf`/`infinity` alone is an infinite constant. (The hot loop of reading.)"""
    words, lines, kinds = tokens.words, tokens.lines, tokens.kinds
    expression = Expression(pos)
    coefficients = expression.coefficients
    first = True
    while pos < end:
        word = words[pos]
        term_start = pos
        sign = 1.0
        if word == "+" or word == "-":
            while word == "+" or word == "-":
                if word == "-":
                    sign = -sign
                pos += 1
                if pos >= end:
                    raise TextError(lines[term_start], f"the expression ends after a sign: "
                                                       f"{fragment(tokens, expression.start, pos)}")
                word = words[pos]
        elif not first:
            break
        kind = kinds.get(word[0])
        if kind == "num":
            if len(word) > MAX_NUMBER_CHARS or word == ".":
                parse_number(word, lines[pos])  # raises: too long, or not a number
            number = float(word)  # the token pattern admits only plain decimals
            if number == math.inf:
                raise TextError(lines[pos], f"{quoted(word)} is beyond the range of a double")
            pos += 1
            if pos < end:
                word = words[pos]
                if word == "*":
                    pos += 1
                    if pos >= end or kinds.get(words[pos][0]) != "name":
                        raise TextError(lines[pos - 1], f"expected a variable after "
                                                        f"{fragment(tokens, term_start, pos)}")
                    word = words[pos]
                if kinds.get(word[0]) == "name":
                    if word[0] in "iI" and word.lower() in INFINITY:
                        raise TextError(lines[pos], f"{fragment(tokens, term_start, pos + 1)}: "
                                                    "infinity is not a variable")
                    if len(word) > 255:
                        check_name(word, lines[pos])
                    coefficients[word] = coefficients.get(word, 0.0) + sign * number
                    pos += 1
                else:
                    expression.constant += sign * number
            else:
                expression.constant += sign * number
        elif kind == "name":
            if word[0] in "iI" and word.lower() in INFINITY:
                if pos + 1 < end and kinds.get(words[pos + 1][0]) in ("name", "num"):
                    raise TextError(lines[pos], f"{fragment(tokens, term_start, pos + 2)}: "
                                                "infinity is not a coefficient")
                value = sign * math.inf
                if expression.constant == -value:
                    raise TextError(lines[pos], "an expression adds +infinity and -infinity")
                expression.constant += value
            else:
                if len(word) > 255:
                    check_name(word, lines[pos])
                if (word[0] in "nN" and word.lower() == "nan" and pos + 1 < end
                        and kinds.get(words[pos + 1][0]) in ("name", "num")):
                    raise TextError(lines[pos], f"{fragment(tokens, term_start, pos + 2)}: 'nan' is not a number")
                coefficients[word] = coefficients.get(word, 0.0) + sign
            pos += 1
        else:
            if refuse and word in refuse:
                raise TextError(lines[pos], refuse[word])
            if first and pos == term_start:
                break  # no expression here (a statement that starts with an operator)
            raise TextError(lines[pos], f"expected a number or a variable after "
                                        f"{fragment(tokens, expression.start, pos)}, found {quoted(word)}")
        first = False
    expression.end = pos
    return expression


def read_constant(tokens: Tokens, pos: int, end: int, after: str) -> tuple[float, int]:
    """`[sign...] number` or `[sign...] inf`: a right-hand side or a bound."""
    words = tokens.words
    sign = 1.0
    while pos < end and words[pos] in ("+", "-"):
        sign = -sign if words[pos] == "-" else sign
        pos += 1
    if pos < end:
        word = words[pos]
        kind = tokens.kind(pos)
        if kind == "num":
            return sign * parse_number(word, tokens.lines[pos]), pos + 1
        if kind == "name" and word.lower() in INFINITY:
            return sign * math.inf, pos + 1
    raise TextError(line_at(tokens, pos),
                    f"expected a number after {quoted(after)}, found {describe(tokens, pos, end)}")
