"""MPS, fixed and free, as users and solvers write it.

Fields are separated by blanks (so names may be long and hold any character but a
blank); a line whose blank-separated fields do not fit its section is read again by the
fixed-format columns (2-3, 5-12, 15-22, 25-36, 40-47, 50-61), where a name may hold a
blank. Conventions (docs/model-formats.md): the objective is c'x minus the RHS entry on
the objective row; a negative UP (or UI) bound on a column with no lower bound given sets
the lower bound to -infinity; an integer column (MARKER block) with no BOUNDS entry is
binary; the first N row is the objective and further N rows are dropped; one RHS, RANGES
and BOUNDS vector; whatever follows ENDATA is ignored. OR-Tools' C++ MPS reader is not
used: it creates a row for a COLUMNS entry naming an undeclared row, refuses OBJSENS and
text after ENDATA, and keeps a negative UP with lower bound 0 (measured, OR-Tools 9.15).
"""
from __future__ import annotations

import math

from chalicelib.engine.generic import CompiledModel
from chalicelib.engine.text_reading import ModelAssembly, TextError, check_name, parse_number, quoted, text_bound

_SECTIONS = {"NAME", "OBJSENSE", "OBJSENS", "OBJNAME", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "ENDATA"}
_REFUSED = {
    "QUADOBJ": "a quadratic objective (QUADOBJ) is not supported: JAOT solves linear models",
    "QMATRIX": "a quadratic objective (QMATRIX) is not supported: JAOT solves linear models",
    "QSECTION": "quadratic terms (QSECTION) are not supported: JAOT solves linear models",
    "QCMATRIX": "quadratic constraints (QCMATRIX) are not supported: JAOT solves linear models",
    "CSECTION": "conic constraints (CSECTION) are not supported",
    "SOS": "SOS constraints are not supported",
    "INDICATORS": "indicator constraints are not supported",
    "GENCONS": "general constraints are not supported",
    "PWLOBJ": "piecewise-linear objectives are not supported",
    "USERCUTS": "a USERCUTS section is not supported; cuts never change the optimum, so remove it",
    "LAZYCONS": "a LAZYCONS section is not supported; move its rows into ROWS",
}
_SENSES = {"MAX": True, "MAXIMIZE": True, "MAXIMISE": True, "MIN": False, "MINIMIZE": False, "MINIMISE": False}
_FIXED_COLUMNS = ((1, 3), (4, 12), (14, 22), (24, 36), (39, 47), (49, 61))
_VALUE_BOUNDS = {"UP", "LO", "FX", "LI", "UI"}
_FLAG_BOUNDS = {"FR", "MI", "PL", "BV"}


def _fixed_fields(line: str) -> list[str]:
    return [line[a:b].strip() for a, b in _FIXED_COLUMNS]


class _Reader:
    def __init__(self) -> None:
        self.model = ModelAssembly()
        self.row_kind: dict[str, str] = {}  # name -> N, L, G, E
        self.row_order: list[tuple[str, int]] = []
        self.objective_row: str | None = None
        self.objective_name: str | None = None
        self.entries: dict[str, dict[str, float]] = {}  # row -> column -> value
        self.rhs: dict[str, float] = {}
        self.ranges: dict[str, float] = {}
        self.vectors: dict[str, str] = {}  # section -> the one vector name it uses
        self.integer = False
        self.marker_line = 0
        self.bounded: set[str] = set()  # columns with a BOUNDS entry
        self.lower_given: set[str] = set()
        self.fixed = False  # a line needed the fixed columns: names may hold blanks

    def read(self, text: str) -> CompiledModel:
        section = reader = None
        for number, raw in enumerate(text.split("\n"), start=1):
            fields = raw.split()
            if not fields or fields[0][0] == "*":
                continue
            line = raw.rstrip(" \t\r\f\v")
            if line[0] not in " \t" and ((head := fields[0].upper()) in _SECTIONS or head in _REFUSED):
                if head in _REFUSED:
                    raise TextError(number, _REFUSED[head])
                if head == "ENDATA":
                    return self.finish(number)
                section = head
                reader = getattr(self, f"read_{section.lower()}", None)
                if section in ("OBJSENSE", "OBJSENS", "OBJNAME") and len(fields) > 1:
                    self.header_value(section, fields[1], number)
                    section = None
                continue
            if section is None:
                raise TextError(number, f"expected a section such as ROWS or COLUMNS, found {quoted(fields[0])}")
            if section == "NAME":
                raise TextError(number, f"expected a section such as ROWS after NAME, found {quoted(fields[0])}")
            if section in ("OBJSENSE", "OBJSENS", "OBJNAME"):
                if len(fields) != 1:
                    raise TextError(number, f"{section} takes one word, found {len(fields)}")
                self.header_value(section, fields[0], number)
                section = None
                continue
            reader(line, fields, number)
        raise TextError(None, "the file ends without ENDATA (is it truncated?)")

    def header_value(self, section: str, value: str, line: int) -> None:
        if section == "OBJNAME":
            self.objective_name = check_name(value, line)
            return
        if value.upper() not in _SENSES:
            raise TextError(line, f"{section} is MAX or MIN, found {quoted(value)}")
        self.model.maximize = _SENSES[value.upper()]

    def fit(self, line: str, fields: list[str], counts: tuple[int, ...], number: int, what: str) -> list[str]:
        if len(fields) in counts and not self.fixed:
            return fields
        if len(line) <= 61:  # fixed MPS: fields by column, so names may hold blanks
            fixed = [field for field in _fixed_fields(line) if field]
            if len(fixed) in counts:
                self.fixed = True  # the file is fixed MPS: read its other lines by column too
                return fixed
        if len(fields) in counts:
            return fields
        raise TextError(number, f"{what}, found {len(fields)} fields")

    def read_rows(self, line: str, fields: list[str], number: int) -> None:
        kind, name = self.fit(line, fields, (2,), number, "a ROWS entry is a type (N, L, G, E) and a name")
        kind = kind.upper()
        if kind not in ("N", "L", "G", "E"):
            raise TextError(number, f"row type {quoted(kind)} is not N, L, G or E")
        name = check_name(name, number, "row name")
        if name in self.row_kind:
            raise TextError(number, f"a second row named {quoted(name)}")
        self.row_kind[name] = kind
        if kind == "N":
            if self.objective_row is None and (self.objective_name is None or self.objective_name == name):
                self.objective_row = name
            return
        self.row_order.append((name, number))
        self.entries[name] = {}

    def read_columns(self, line: str, fields: list[str], number: int) -> None:
        if len(fields) >= 3 and fields[1].strip("'\"").upper() == "MARKER":
            marker = fields[2].strip("'\"").upper()
            if marker not in ("INTORG", "INTEND"):
                raise TextError(number, f"a MARKER is 'INTORG' or 'INTEND', found {quoted(fields[2])}")
            self.integer, self.marker_line = marker == "INTORG", number
            return
        fields = self.fit(line, fields, (3, 5), number, "a COLUMNS entry is a column, then one or two row-value pairs")
        column = check_name(fields[0], number, "column name")
        entry = self.model.variable(column, number)
        if self.integer:
            entry[2] = True
        for row, value in zip(fields[1::2], fields[2::2]):
            self.value_for(row, column, parse_number(value, number), number)

    def value_for(self, row: str, column: str, value: float, number: int) -> None:
        kind = self.row_kind.get(row)
        if kind is None:
            raise TextError(number, f"COLUMNS entry names row {quoted(row)}, which ROWS does not declare")
        if row == self.objective_row:
            if column in self.model.objective:
                raise TextError(number, f"a second objective entry for column {quoted(column)}")
            self.model.objective[column] = value
        elif kind != "N":
            coefficients = self.entries[row]
            if column in coefficients:
                raise TextError(number, f"a second entry for column {quoted(column)} in row {quoted(row)}")
            coefficients[column] = value

    def vector(self, section: str, fields: list[str], number: int) -> list[str]:
        """Drop the vector name (RHS, RANGES: optional in free MPS); refuse a second vector."""
        if len(fields) % 2 == 1:
            name, fields = fields[0], fields[1:]
            if self.vectors.setdefault(section, name) != name:
                raise TextError(number, f"a second {section} vector {quoted(name)}; JAOT reads one")
        return fields

    def read_rhs(self, line: str, fields: list[str], number: int) -> None:
        fields = self.fit(line, fields, (2, 3, 4, 5), number,
                          "an RHS entry is [a vector name,] then one or two row-value pairs")
        fields = self.vector("RHS", fields, number)
        for row, text in zip(fields[0::2], fields[1::2]):
            value = parse_number(text, number, infinite_allowed=True)
            kind = self.row_kind.get(row)
            if kind is None:
                raise TextError(number, f"RHS entry names row {quoted(row)}, which ROWS does not declare")
            if row == self.objective_row:
                if math.isinf(value):
                    raise TextError(number, "the objective constant is infinite")
                self.model.constant = -value  # objective = c'x - rhs (CPLEX, HiGHS, OR-Tools)
            elif kind != "N":
                self.rhs[row] = value

    def read_ranges(self, line: str, fields: list[str], number: int) -> None:
        fields = self.vector("RANGES", self.fit(line, fields, (2, 3, 4, 5), number,
                                                "a RANGES entry is [a vector name,] then one or two row-value pairs"),
                             number)
        for row, text in zip(fields[0::2], fields[1::2]):
            value = parse_number(text, number, infinite_allowed=True)
            kind = self.row_kind.get(row)
            if kind is None:
                raise TextError(number, f"RANGES entry names row {quoted(row)}, which ROWS does not declare")
            if kind == "N":
                raise TextError(number, f"RANGES entry on the free row {quoted(row)}")
            self.ranges[row] = value

    def read_bounds(self, line: str, fields: list[str], number: int) -> None:
        kind = fields[0].upper()
        if kind in ("SC", "SI"):
            raise TextError(number, "semi-continuous variables (SC bounds) are not supported")
        if kind not in _VALUE_BOUNDS and kind not in _FLAG_BOUNDS:
            raise TextError(number, f"bound type {quoted(fields[0])} is not UP, LO, FX, FR, MI, PL, BV, LI or UI")
        columns = self.model.variables
        if kind in _VALUE_BOUNDS:
            fields = self.fit(line, fields, (3, 4), number, f"a {kind} bound is the type, [a vector name,] "
                                                            f"a column and a value")
            vector, column, text = (None, *fields[1:]) if len(fields) == 3 else fields[1:]
        else:
            fields = self.fit(line, fields, (2, 3, 4), number, f"a {kind} bound is the type, [a vector name,] "
                                                               f"and a column")
            if len(fields) == 2:
                vector, column = None, fields[1]
            elif len(fields) == 3 and fields[1] in columns and fields[2] not in columns:
                vector, column = None, fields[1]  # `BV x 1`: a value after a flag is ignored
            else:
                vector, column = fields[1], fields[2]
            text = None
        if vector is not None and self.vectors.setdefault("BOUNDS", vector) != vector:
            raise TextError(number, f"a second BOUNDS vector {quoted(vector)}; JAOT reads one")
        entry = columns.get(column)
        if entry is None:
            raise TextError(number, f"BOUNDS entry names column {quoted(column)}, which COLUMNS does not declare")
        value = text_bound(parse_number(text, number, infinite_allowed=True)) if text is not None else 0.0
        self.bounded.add(column)
        entry[3] = number
        if kind in ("UP", "UI"):
            entry[1] = value
            if value < 0 and column not in self.lower_given:
                entry[0] = -math.inf  # CPLEX, Gurobi, SCIP, GLPK, lp_solve (HiGHS keeps 0)
        elif kind in ("LO", "LI"):
            entry[0] = value
        elif kind == "FX":
            entry[0] = entry[1] = value
        elif kind == "FR":
            entry[0], entry[1] = -math.inf, math.inf
        elif kind == "MI":
            entry[0] = -math.inf
        elif kind == "PL":
            entry[1] = math.inf
        elif kind == "BV":
            entry[0], entry[1] = 0.0, 1.0
        if kind in ("LO", "LI", "FX", "FR", "MI", "BV"):
            self.lower_given.add(column)
        if kind in ("LI", "UI", "BV"):
            entry[2] = True

    def finish(self, number: int) -> CompiledModel:
        if self.objective_name is not None and self.objective_row is None:
            raise TextError(number, f"OBJNAME names {quoted(self.objective_name)}, which is not an N row")
        for name, entry in self.model.variables.items():
            if entry[2] and name not in self.bounded:
                entry[1] = 1.0  # an integer column with no bound is binary (HiGHS, OR-Tools, SCIP)
        for name, line in self.row_order:
            kind = self.row_kind[name]
            rhs = text_bound(self.rhs.get(name, 0.0))
            low, high = {"L": (-math.inf, rhs), "G": (rhs, math.inf), "E": (rhs, rhs)}[kind]
            if name in self.ranges:
                spread = self.ranges[name]
                if kind == "G":
                    high = rhs + abs(spread)
                elif kind == "L":
                    low = rhs - abs(spread)
                elif spread > 0:
                    high = rhs + spread
                else:
                    low = rhs + spread
            self.model.add_row(name, self.entries[name], text_bound(low), text_bound(high), line)
        return self.model.compiled()


def read_mps(text: str) -> CompiledModel:
    return _Reader().read(text)
