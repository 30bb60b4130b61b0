"""Read a model written as text (MPS, CPLEX LP or lp_solve LP) into a CompiledModel.

`compile_text` tells the two LP dialects apart (lp_solve opens with `max:`/`min:` and ends
statements with `;`; CPLEX LP opens with a `Minimize`/`Maximize` or `Subject To` section)
and reads each with its own reader. A text that cannot be read is a ModelError naming
the line and the reason, raised quickly whatever the text (the readers are linear-time);
no reader prints or logs any of the text. Formats and conventions: docs/model-formats.md.
"""
from __future__ import annotations

import re
from typing import Literal

from chalicelib.engine.generic import CompiledModel, ModelError, _in_range
from chalicelib.engine.text_reading import TextError, refuse_control_characters

LpDialect = Literal["cplex", "lp_solve"]
_FIRST_WORD = re.compile(r"[A-Za-z.]+")
_BLANKS = re.compile(r"[ \t\r\n\f\v]+")
_CPLEX_OPENERS = {"minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
                  "subject", "such", "st", "s.t."}


def compile_text(text: str, text_format: Literal["mps", "lp"]) -> CompiledModel:
    """The model in `text`; ModelError([{"field": text_format, "message": "line N: ..."}]) if unreadable."""
    if text.startswith("\ufeff"):  # a byte-order mark some editors write
        text = text[1:]
    if "\r" in text and "\n" not in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    try:
        refuse_control_characters(text)
        if text_format == "mps":
            from chalicelib.engine.mps import read_mps

            model = read_mps(text)
        elif lp_dialect(text) == "cplex":
            from chalicelib.engine.cplex_lp import read_cplex_lp

            model = read_cplex_lp(text)
        else:
            from chalicelib.engine.lp_solve import read_lp_solve

            model = read_lp_solve(text)
    except TextError as error:
        raise ModelError([{"field": text_format, "message": str(error)}]) from None
    return _in_range(model, text_format)


def lp_dialect(text: str) -> LpDialect:
    """CPLEX LP when the first word (past comments) opens a CPLEX section and no ':' follows it
    (`Maximize` / `Subject To`); otherwise lp_solve (`max: 3x + 2y;`)."""
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        if char in " \t\r\n\f\v":
            pos = _BLANKS.match(text, pos).end()
        elif char == "\\" or text.startswith("//", pos):  # a comment to the end of the line
            newline = text.find("\n", pos)
            pos = end if newline < 0 else newline + 1
        elif text.startswith("/*", pos):
            close = text.find("*/", pos + 2)
            pos = end if close < 0 else close + 2
        else:
            break
    word = _FIRST_WORD.match(text, pos)
    if word is None or word.group().lower() not in _CPLEX_OPENERS:
        return "lp_solve"
    rest = text[word.end():word.end() + 200].lstrip(" \t")
    return "lp_solve" if rest.startswith(":") else "cplex"
