"""Models as users write them: CPLEX LP, lp_solve LP, fixed and free MPS (text_models.compile_text).

Expected models are written out by hand from the formats' rules (docs/model-formats.md);
lp_solve texts are also checked against OR-Tools' own LP reader, which read them until now.
"""
from __future__ import annotations

import math
import os
import tempfile
import time

import pytest

from chalicelib.engine.generic import CompiledModel, CompiledRow, CompiledVariable, ModelError
from chalicelib.engine.text_models import compile_text, lp_dialect

INF = math.inf


def model_of(text: str, text_format: str = "lp") -> CompiledModel:
    return compile_text(text, text_format)


def error_of(text: str, text_format: str = "lp") -> str:
    with pytest.raises(ModelError) as raised:
        compile_text(text, text_format)
    problems = raised.value.problems
    assert len(problems) == 1 and problems[0]["field"] == text_format, problems
    return problems[0]["message"]


def variables(model: CompiledModel) -> dict[str, tuple[float, float, bool]]:
    return {v.name: (v.lower, v.upper, v.integer) for v in model.variables}


def rows(model: CompiledModel) -> dict[str, tuple[dict[str, float], float, float]]:
    return {r.name: (r.coefficients, r.lower, r.upper) for r in model.rows}


def objective(model: CompiledModel) -> tuple[dict[str, float], float, bool] | None:
    if model.objective is None:
        return None
    return model.objective.coefficients, model.objective.constant, model.maximize


# --- CPLEX LP -------------------------------------------------------------------------------

CPLEX = r"""\ Problem name: every construct
Maximize
 profit: 3 x + 2 y - .5 z + 2. w + 10 - 4
Subject To
 cap: x + y + x <= 1e+1
 - z + 3 >= -7
 demand: 2 x
   + 3 y
   >= 4
 eq: x - y = 0
 less: x < 5
 lesseq: x =< 6
 more: y > 1
 moreeq: y => 0.5
 band: -5 <= x - y <= 5
 back: 8 >= x + w
Bounds
 x <= 7
 -3 <= y
 z free
 -inf <= w <= 1e30
 u = 3
 v >= -1e+30
 t >= -2
 t <= +infinity
General
 y u
Binary
 b
End
"""


def test_cplex_lp_every_construct():
    model = model_of(CPLEX)
    assert lp_dialect(CPLEX) == "cplex"
    assert objective(model) == ({"x": 3.0, "y": 2.0, "z": -0.5, "w": 2.0}, 6.0, True)
    assert variables(model) == {
        "x": (0.0, 7.0, False), "y": (-3.0, INF, True), "z": (-INF, INF, False), "w": (-INF, INF, False),
        "u": (3.0, 3.0, True), "v": (-INF, INF, False), "t": (-2.0, INF, False), "b": (0.0, 1.0, True)}
    assert rows(model) == {
        "cap": ({"x": 2.0, "y": 1.0}, -INF, 10.0),
        "c2": ({"z": -1.0}, -10.0, INF),  # unnamed: c<position>, the constant moved right
        "demand": ({"x": 2.0, "y": 3.0}, 4.0, INF),
        "eq": ({"x": 1.0, "y": -1.0}, 0.0, 0.0),
        "less": ({"x": 1.0}, -INF, 5.0), "lesseq": ({"x": 1.0}, -INF, 6.0),
        "more": ({"y": 1.0}, 1.0, INF), "moreeq": ({"y": 1.0}, 0.5, INF),
        "band": ({"x": 1.0, "y": -1.0}, -5.0, 5.0),
        "back": ({"x": 1.0, "w": 1.0}, -INF, 8.0)}


@pytest.mark.parametrize("sense,maximize", [("Minimize", False), ("minimum", False), ("MIN", False),
                                            ("Minimise", False), ("MAXIMIZE", True), ("Maximum", True),
                                            ("max", True)])
@pytest.mark.parametrize("subject", ["Subject To", "subject  to", "Such That", "st", "S.T."])
@pytest.mark.parametrize("general,binary", [("General", "Binary"), ("Generals", "Binaries"), ("GEN", "bin")])
def test_cplex_lp_keywords_in_any_spelling_and_case(sense, maximize, subject, general, binary):
    model = model_of(f"{sense}\n x + y\n{subject}\n x + y >= 1\n{general}\n x\n{binary}\n y\nEnd")
    assert objective(model) == ({"x": 1.0, "y": 1.0}, 0.0, maximize)
    assert variables(model) == {"x": (0.0, INF, True), "y": (0.0, 1.0, True)}
    assert rows(model) == {"c1": ({"x": 1.0, "y": 1.0}, 1.0, INF)}


def test_cplex_lp_section_content_on_the_keyword_line_and_empty_objective():
    model = model_of("Minimize obj:\nSubject To c1: x >= 1\nBounds x <= 4\nEnd")
    assert model.objective is None and rows(model) == {"c1": ({"x": 1.0}, 1.0, INF)}
    assert variables(model) == {"x": (0.0, 4.0, False)}


def test_cplex_lp_byte_order_mark_crlf_and_cr_line_ends():
    text = "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n"
    for variant in ("\ufeff" + text, text.replace("\n", "\r\n"), text.replace("\n", "\r")):
        assert rows(model_of(variant)) == {"c1": ({"x": 1.0}, 1.0, INF)}


def test_cplex_lp_variables_only_in_bounds_or_general_exist_with_default_bounds():
    model = model_of("Minimize\n obj: x\nSubject To\n c: x >= 1\nBounds\n y <= 3\nGeneral\n k\nEnd")
    assert variables(model) == {"x": (0.0, INF, False), "y": (0.0, 3.0, False), "k": (0.0, INF, True)}


def test_cplex_lp_last_bound_wins_and_binary_keeps_a_fixing():
    model = model_of("Minimize\n obj: x + b + c\nSubject To\n r: x + b + c >= 0\n"
                     "Bounds\n x <= 3\n x <= 9\n b = 1\n c <= 5\nBinary\n b c\nEnd")
    assert variables(model) == {"x": (0.0, 9.0, False), "b": (1.0, 1.0, True), "c": (0.0, 1.0, True)}


def test_cplex_lp_unnamed_rows_skip_names_already_taken():
    model = model_of("Minimize\n obj: x\nSubject To\n x >= 1\n x <= 5\n c1: x <= 4\nEnd")
    assert list(rows(model)) == ["c1_", "c2", "c1"]


def test_cplex_lp_lazy_constraints_are_constraints():
    model = model_of("Minimize\n obj: x\nSubject To\n a: x >= 1\nLazy Constraints\n b: x >= 2\nEnd")
    assert rows(model) == {"a": ({"x": 1.0}, 1.0, INF), "b": ({"x": 1.0}, 2.0, INF)}


def test_cplex_lp_as_highs_writes_it():
    # HiGHS 1.15's writer: signed coefficients, a ranged row as two rows, empty sections.
    text = ("\\ File written by HiGHS .lp file handler\nmax\n obj: +1 x +2 y  -7\nst\n c1: +1 x +1 y <= +4\n"
            " HiGHS_R1: +1 x +1 y >= -10\n c3lo: +1 x -2 y >= -2\n c3up: +1 x -2 y <= +8\nbounds\n y free\n"
            "bin\ngen\n y\nsemi\nend\n")
    model = model_of(text)
    assert objective(model) == ({"x": 1.0, "y": 2.0}, -7.0, True)
    assert variables(model) == {"x": (0.0, INF, False), "y": (-INF, INF, True)}
    assert rows(model)["c3lo"] == ({"x": 1.0, "y": -2.0}, -2.0, INF)


def test_cplex_lp_range_as_cplex_writes_it_is_an_ordinary_variable():
    model = model_of("Minimize\n obj: x + y\nSubject To\n R1: x + y - RgR1 = -5\nBounds\n 0 <= RgR1 <= 10\nEnd")
    assert rows(model) == {"R1": ({"x": 1.0, "y": 1.0, "RgR1": -1.0}, -5.0, -5.0)}
    assert variables(model)["RgR1"] == (0.0, 10.0, False)


def test_cplex_lp_names_with_the_characters_cplex_allows():
    model = model_of("Minimize\n obj: x.1 + y_2 + z(3) + a[1] + b#c + d{e}\nSubject To\n r.1: x.1 >= 1\nEnd")
    assert set(variables(model)) == {"x.1", "y_2", "z(3)", "a[1]", "b#c", "d{e}"} and list(rows(model)) == ["r.1"]


@pytest.mark.parametrize("text,message", [
    ("Minimize\n obj: x + [ x ^ 2 ] / 2\nSubject To\n c: x >= 1\nEnd", "line 2: quadratic terms"),
    ("Minimize\n obj: x\nSubject To\n c: x + [ x * y ] >= 1\nEnd", "line 4: quadratic terms"),
    ("Minimize\n obj: x\nSubject To\n c: x >= 1\nSemi-continuous\n x\nEnd", "line 6: semi-continuous"),
    ("Minimize\n obj: x\nSubject To\n c: x >= 1\nSOS\n s1: S1:: x:1 y:2\nEnd", "line 6: SOS"),
    ("Minimize\n obj: x\nSubject To\n c: b = 1 -> x >= 1\nEnd", "line 4: indicator constraints"),
    ("Minimize\n obj: x\nSubject To\n c: x >= 1\nUser Cuts\n u: x >= 0\nEnd", "line 6: a User Cuts section"),
    ("Minimize\n obj: x\nSubject To\n c: x >= 1\nGeneral Constraints\n g: x = MAX ( y )\nEnd",
     "line 6: general constraints"),
    ("Minimize multi-objectives\n o1: x\nSubject To\n c: x >= 1\nEnd", "line 1: multiple objectives"),
])
def test_cplex_lp_what_jaot_cannot_solve_is_refused_by_name(text, message):
    assert error_of(text).startswith(message)


@pytest.mark.parametrize("text,message", [
    ("Minimize\n obj: x\nSubject To\n c1: x + y y <= 2\nEnd",
     "line 4: expected a comparison operator after 'x + y', found 'y'"),
    ("Minimize\n obj: x\nSubject To\n c1: x +\n\n + y + <= 2\nEnd",
     "line 6: expected a number or a variable after 'x + + y +', found '<='"),
    ("Minimize\n obj: x\nSubject To\n c1: x + y <= z\nEnd", "line 4: expected a number after '<=', found 'z'"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 2 y\nEnd",
     "line 4: the right-hand side of a constraint is a number; found '2 y' (move 'y' to the left-hand side)"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 1\n c1: x <= 3\nEnd", "line 5: a second constraint named 'c1'"),
    ("Minimize\n obj: x\nSubject To\n c1: 3 <= 4\nEnd", "line 4: constraint 'c1 : 3 <= 4' has no variables"),
    ("Minimize\n obj: x\nSubject To\n c1: 1 <= x >= 0\nEnd", "line 4: a ranged constraint reads"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 1\nBounds\n 2 x <= 4\nEnd", "line 6: a bound names one variable"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 1\nBounds\n x <= -3\nEnd",
     "line 6: the bounds of 'x' cross: lower 0 is above upper -3; a negative upper bound keeps"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 1\nBounds\n x >< 3\nEnd", "line 6: expected a number after '>'"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 1\nGeneral\n x 3\nEnd", "line 6: expected variable names"),
    ("Minimize\n obj: x\nSubject To\n c1: x >= 1\n", "the file ends without 'End'"),
    ("Minimize\n obj: x\nMaximize\n obj: x\nEnd", "line 3: a second objective section"),
    ("Minimize\n obj: x <= 3\nSubject To\n c: x >= 1\nEnd", "line 2: unexpected '<=' in the objective"),
    ("Minimize\n obj: x\nSubject To\n c: x + inf >= 1\nEnd", "line 4: infinity in the left-hand side"),
])
def test_cplex_lp_errors_name_the_line_and_the_reason(text, message):
    assert error_of(text).startswith(message)


# --- lp_solve LP ----------------------------------------------------------------------------

LP_SOLVE_SAME_AS_ORTOOLS = [
    "max: 3x + 2y;\nc1: x + y <= 4;\nc2: x + 3y <= 6;\nx <= 3;\nx >= 0;\ny >= 0;\nint y;",
    "min: 10 + 3x;\nc1: x >= 1;",
    "max: .5x;\nc: x <= 1;",
    "max: 3 x1 + 2 x2;\n3 x1 >= 2;\nR2: x2 <= 4;\n-x2 >= -10;",
    "min: x;\n-5 <= x <= 5;\nc: 2 <= x + y <= 6;",
    "min: x;\nint x y;\nbin b;\nc: x + b >= 1;",
    "min: x;\nint x,y;\nc: x + y >= 1;",
    "min: x;\nx>=1;x>=2;x<=5;\n3 >= x;",
    "min: x;\nc: 3 x1 > 2;\nd: x1 < 9;",
    "MAX: x;\nc: x<=1;",
    "max: 3 * x;\nc: x<=1;",
    "min: x;\nc: - - x >= 1;",
    "min: x[1] + y_2;\nc: x[1] >= 1;",
    "min: x;\nc: x >= -5; x >= -3;",
    "min: 3 x;\nc: 3 x >= 2;\nint\nx;",
    "min: ;\nc: x>=1;",
    "c: x >= 1;",
    "max: 2a+3b;\nc1: a + b <= 4;\nx = 3;\nc2: 1e1 a - 2.5e-1 b >= -1e+2;\nc3: a >= -inf;",
]


def ortools_lp(text: str) -> CompiledModel:
    """The model OR-Tools' LP reader makes of `text` (the reader JAOT used until now)."""
    from ortools.linear_solver.python import model_builder

    from chalicelib.engine.expressions import Linear

    builder = model_builder.ModelBuilder()
    assert builder.import_from_lp_string(text)
    helper = builder.helper
    names = [helper.var_name(i) for i in range(helper.num_variables())]
    found = [CompiledVariable(names[i], helper.var_is_integral(i), helper.var_lower_bound(i),
                              helper.var_upper_bound(i)) for i in range(len(names))]
    found_rows = [CompiledRow(helper.constraint_name(c),
                              {names[i]: k for i, k in zip(helper.constraint_var_indices(c),
                                                           helper.constraint_coefficients(c)) if k},
                              helper.constraint_lower_bound(c), helper.constraint_upper_bound(c))
                  for c in range(helper.num_constraints())]
    coefficients = {n: helper.var_objective_coefficient(i) for i, n in enumerate(names)
                    if helper.var_objective_coefficient(i)}
    goal = Linear(coefficients, helper.objective_offset()) if coefficients else None
    return CompiledModel(found, found_rows, goal, helper.maximize())


@pytest.mark.parametrize("text", LP_SOLVE_SAME_AS_ORTOOLS)
def test_lp_solve_reads_as_ortools_read_it(text):
    assert lp_dialect(text) == "lp_solve"
    mine, theirs = model_of(text), ortools_lp(text)
    assert variables(mine) == variables(theirs)
    assert rows(mine) == rows(theirs)
    assert objective(mine) == objective(theirs)


def test_lp_solve_beyond_ortools():
    text = ("/* objective */ max: 3x + 2y + 4; // a constant after the terms\n"
            "c1: x + y =< 4 - 1;\nc2: 3 x >= 2 y + x - 6;\nc3: x + x => 1;\nfree y;\nR5: 2 >= y;\n")
    model = model_of(text)
    assert objective(model) == ({"x": 3.0, "y": 2.0}, 4.0, True)
    assert rows(model) == {"c1": ({"x": 1.0, "y": 1.0}, -INF, 3.0), "c2": ({"x": 2.0, "y": -2.0}, -6.0, INF),
                           "c3": ({"x": 2.0}, 1.0, INF), "R5": ({"y": 1.0}, -INF, 2.0)}
    assert variables(model) == {"x": (-INF, INF, False), "y": (-INF, INF, False)}


@pytest.mark.parametrize("text,message", [
    ("max: 3x + 2y;\nc1: x + y <= 4;\nsec x;", "line 3: semi-continuous"),
    ("max: 3x + 2y;\nc1: x + y <= 4;\nsos2\nSOS1: x:5,y:6;", "line 3: SOS"),
    ("max: 3x + 2y;\nc1: x + y\n  <= 4 z w;", "line 3: expected a comparison operator after '4 z', found 'w'"),
    ("max: 3x;\nc1: x >= 1;\nmin: x;", "line 3: a second objective"),
    ("max: 3x;\nc1: x >= 1;\nc1: x <= 3;", "line 3: a second constraint named 'c1'"),
    ("max: 3x;\nR1: >= 2;", "line 2: expected an expression"),
    ("max: 3x;\nc1: 2 <= x >= 1;", "line 2: a ranged constraint uses two <= or two >="),
    ("max: 3x;\nc1: x + y;", "line 2: expected a comparison operator in"),
    ("this is not lp", "line 1: expected a comparison operator after 'this', found 'is'"),
    ("max: 3x;\nx >= 4;\nx <= 2;", "line 3: the bounds of 'x' cross"),
])
def test_lp_solve_errors_name_the_line_and_the_reason(text, message):
    assert error_of(text).startswith(message)


@pytest.mark.parametrize("text,dialect", [
    ("max: x;", "lp_solve"), ("/* c */ min: x;", "lp_solve"), ("// c\nmaximize: x;", "lp_solve"),
    ("c1: x >= 1;", "lp_solve"), ("Maximize\n x", "cplex"), ("\\ c\nminimize obj: x", "cplex"),
    ("Max\n obj: x", "cplex"), ("Subject To\n c: x >= 1", "cplex"), ("max : x;", "lp_solve"),
])
def test_the_two_lp_dialects_are_told_apart(text, dialect):
    assert lp_dialect(text) == dialect


# --- MPS ------------------------------------------------------------------------------------

FIXED_MPS = """\
NAME          EXAMPLE
* a comment line
ROWS
 N  COST
 L  LIM1
 G  LIM2
 E  MYEQN
 E  NEGEQ
COLUMNS
    X1        COST         1.0   LIM1         1.0
    X1        LIM2         1.0
    MARKER                 'MARKER'                 'INTORG'
    X2        COST         2.0   LIM1         1.0
    X2        MYEQN       -1.0
    MARKER                 'MARKER'                 'INTEND'
    X3        COST        -1.0   MYEQN        1.0
    X3        NEGEQ        1.0
    X4        COST         1.0   NEGEQ        1.0
RHS
    RHS       COST       -12.5   LIM1         4.0
    RHS       LIM2         1.0   MYEQN        7.0
    RHS       NEGEQ        2.0
RANGES
    RNG       LIM1         2.5   LIM2        -3.0
    RNG       MYEQN        2.0   NEGEQ       -4.0
BOUNDS
 UP BND       X1           4.0
 UP BND       X3          -2.0
 MI BND       X4
ENDATA
"""


def test_fixed_mps_every_section():
    model = model_of(FIXED_MPS, "mps")
    assert objective(model) == ({"X1": 1.0, "X2": 2.0, "X3": -1.0, "X4": 1.0}, 12.5, False)  # c'x - rhs
    assert variables(model) == {"X1": (0.0, 4.0, False), "X2": (0.0, 1.0, True),  # integer, no bound: binary
                                "X3": (-INF, -2.0, False),  # negative UP, no lower bound given: -inf
                                "X4": (-INF, INF, False)}
    assert rows(model) == {
        "LIM1": ({"X1": 1.0, "X2": 1.0}, 1.5, 4.0),  # L: [rhs - |R|, rhs]
        "LIM2": ({"X1": 1.0}, 1.0, 4.0),  # G: [rhs, rhs + |R|]
        "MYEQN": ({"X2": -1.0, "X3": 1.0}, 7.0, 9.0),  # E, R > 0: [rhs, rhs + R]
        "NEGEQ": ({"X3": 1.0, "X4": 1.0}, -2.0, 2.0)}  # E, R < 0: [rhs + R, rhs]


def test_free_mps_long_names_any_characters_and_no_vector_names():
    text = ("NAME free model with a long name\nOBJSENSE MAX\nROWS\n N total_profit\n L capacity.of-line#1\n"
            "COLUMNS\n production_of_widgets[2026] total_profit 3 capacity.of-line#1 1\n"
            " y/z total_profit 2 capacity.of-line#1 1\nRHS\n capacity.of-line#1 4\n"
            "BOUNDS\n UP production_of_widgets[2026] 3\n BV y/z\nENDATA\n")
    model = model_of(text, "mps")
    assert objective(model) == ({"production_of_widgets[2026]": 3.0, "y/z": 2.0}, 0.0, True)
    assert variables(model) == {"production_of_widgets[2026]": (0.0, 3.0, False), "y/z": (0.0, 1.0, True)}
    assert rows(model) == {"capacity.of-line#1": ({"production_of_widgets[2026]": 1.0, "y/z": 1.0}, -INF, 4.0)}


def fixed(*fields: str) -> str:
    """A fixed-MPS data line: fields in columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61."""
    widths = [(1, 2), (4, 8), (14, 8), (24, 12), (39, 8), (49, 12)]
    line = ""
    for (start, width), field in zip(widths, fields):
        line = line.ljust(start) + field.ljust(width)
    return line.rstrip()


def test_fixed_mps_names_with_blanks_are_read_by_column():
    text = "\n".join(["NAME          SPACES", "ROWS", fixed("N", "COST"), fixed("L", "LIM 1"), "COLUMNS",
                      fixed("", "X 1", "COST", "1.0", "LIM 1", "1.0"), "RHS", fixed("", "", "LIM 1", "4.0"),
                      "BOUNDS", fixed("UP", "BND", "X 1", "3.0"), "ENDATA"])
    model = model_of(text, "mps")
    assert variables(model) == {"X 1": (0.0, 3.0, False)} and rows(model) == {"LIM 1": ({"X 1": 1.0}, -INF, 4.0)}


@pytest.mark.parametrize("sense", ["OBJSENSE MAX\n", "OBJSENSE\n    MAX\n", "OBJSENS\n    MAXIMIZE\n",
                                   "OBJSENSE    MAXIMIZE\n", "OBJSENS MAX\n"])
def test_mps_objsense_in_every_form(sense):
    text = f"NAME t\n{sense}ROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRHS\n rhs c1 4\nENDATA\n"
    assert model_of(text, "mps").maximize


@pytest.mark.parametrize("bounds,expected", [
    ("", (0.0, INF, False)),
    (" UP b x 5\n", (0.0, 5.0, False)),
    (" UP b x -5\n", (-INF, -5.0, False)),
    (" LO b x 0\n UP b x -5\n", (0.0, -5.0, "cross")),  # a lower bound given: kept
    (" LO b x -2\n", (-2.0, INF, False)),
    (" FX b x 3\n", (3.0, 3.0, False)),
    (" FR b x\n", (-INF, INF, False)),
    (" MI b x\n", (-INF, INF, False)),
    (" MI b x\n UP b x 4\n", (-INF, 4.0, False)),
    (" PL b x\n", (0.0, INF, False)),
    (" BV b x\n", (0.0, 1.0, True)),
    (" LI b x 2\n", (2.0, INF, True)),
    (" UI b x 9\n", (0.0, 9.0, True)),
    (" UP b x 1e30\n LO b x -1e31\n", (-INF, INF, False)),
    (" UP b x Infinity\n", (0.0, INF, False)),
    (" UP x 7\n", (0.0, 7.0, False)),  # free MPS: no vector name
])
def test_mps_bound_types(bounds, expected):
    text = f"NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRHS\n rhs c1 4\nBOUNDS\n{bounds}ENDATA\n"
    if expected[2] == "cross":
        assert error_of(text, "mps").startswith("line 11: the bounds of 'x' cross")
        return
    assert variables(model_of(text, "mps"))["x"] == expected


@pytest.mark.parametrize("bounds,expected", [("", (0.0, 1.0)), (" UP b x 5\n", (0.0, 5.0)),
                                             (" LO b x 2\n", (2.0, INF)), (" MI b x\n", (-INF, INF))])
def test_mps_integer_columns_are_binary_until_bounded(bounds, expected):
    text = ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n M1 'MARKER' 'INTORG'\n x obj 1 c1 1\n M2 'MARKER' 'INTEND'\n"
            f"RHS\n rhs c1 4\nBOUNDS\n{bounds}ENDATA\n")
    assert variables(model_of(text, "mps"))["x"] == (*expected, True)


def test_mps_integer_marker_without_intend_runs_to_the_end_of_columns():
    """HiGHS reads it so, and MIPLIB-style files in the wild end COLUMNS that way."""
    text = ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n y obj 1 c1 1\n M1 'MARKER' 'INTORG'\n x obj 1 c1 1\n"
            "RHS\n rhs c1 4\nENDATA\n")
    found = variables(model_of(text, "mps"))
    assert found["x"] == (0.0, 1.0, True) and found["y"] == (0.0, INF, False)


def test_mps_objective_constant_is_minus_the_objective_rhs_as_ortools_reads_it():
    from ortools.linear_solver.python import model_builder

    text = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRHS\n rhs obj 10 c1 4\nENDATA\n"
    builder = model_builder.ModelBuilder()
    assert builder.import_from_mps_string(text)
    assert builder.helper.objective_offset() == -10.0 == model_of(text, "mps").objective.constant


def test_mps_as_highs_writes_it():
    # HiGHS 1.15 wrote this for: max x + 2y - 7 (y integer, free), c1: x + y <= 4, c2: x - y >= -1,
    # c3: -2 <= x - 2y <= 8; reading it back in HiGHS gives the offset -7 (measured in a separate process).
    text = ("NAME        m\nOBJSENSE\n  MAX\nROWS\n N  obj     \n L  c1      \n G  c2      \n L  c3      \n"
            "COLUMNS\n    x         obj       1\n    x         c1        1\n    x         c2        1\n"
            "    x         c3        1\n    MARK0000  'MARKER'                 'INTORG'\n    y         obj       2\n"
            "    y         c1        1\n    y         c2        -1\n    y         c3        -2\n"
            "    MARK0001  'MARKER'                 'INTEND'\nRHS\n    RHS_V     obj       7\n"
            "    RHS_V     c1        4\n    RHS_V     c2        -1\n    RHS_V     c3        8\n"
            "RANGES\n    RANGE     c3        10\nBOUNDS\n FR BOUND     y       \nENDATA\n")
    model = model_of(text, "mps")
    assert objective(model) == ({"x": 1.0, "y": 2.0}, -7.0, True)
    assert variables(model) == {"x": (0.0, INF, False), "y": (-INF, INF, True)}
    assert rows(model) == {"c1": ({"x": 1.0, "y": 1.0}, -INF, 4.0), "c2": ({"x": 1.0, "y": -1.0}, -1.0, INF),
                           "c3": ({"x": 1.0, "y": -2.0}, -2.0, 8.0)}


def test_mps_text_after_endata_other_n_rows_and_objname():
    text = ("NAME t\nOBJNAME\n second\nROWS\n N first\n N second\n L c1\nCOLUMNS\n x first 5 second 1\n"
            " x c1 1\nRHS\n rhs first 99 c1 4\nENDATA\nQUADOBJ\n x x 1\nanything at all\n")
    model = model_of(text, "mps")
    assert objective(model) == ({"x": 1.0}, 0.0, False) and rows(model) == {"c1": ({"x": 1.0}, -INF, 4.0)}


@pytest.mark.parametrize("text,message", [
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 R9 2\nENDATA\n",
     "line 6: COLUMNS entry names row 'R9', which ROWS does not declare"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1\nRHS\n rhs c2 4\nENDATA\n",
     "line 8: RHS entry names row 'c2', which ROWS does not declare"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1\nBOUNDS\n UP b y 4\nENDATA\n",
     "line 8: BOUNDS entry names column 'y', which COLUMNS does not declare"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1\nBOUNDS\n SC b x 4\nENDATA\n", "line 8: semi-continuous"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj one\nENDATA\n", "line 6: 'one' is not a number"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1\nENDATA\n", "line 6: a COLUMNS entry is a column"),
    ("NAME t\nROWS\n N obj\n X c1\nENDATA\n", "line 4: row type 'X' is not N, L, G or E"),
    ("NAME t\nROWS\n N obj\n L c1\n L c1\nENDATA\n", "line 5: a second row named 'c1'"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x c1 1\n x c1 2\nENDATA\n", "line 7: a second entry for column 'x'"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1\n", "the file ends without ENDATA"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1\nQUADOBJ\n x x 1\nENDATA\n", "line 7: a quadratic objective"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1\nRHS\n r1 c1 1\n r2 c1 2\nENDATA\n", "line 9: a second RHS"),
    ("NAME t\nOBJSENSE\n UP\nROWS\n N obj\nENDATA\n", "line 3: OBJSENSE is MAX or MIN"),
    ("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRANGES\n rng obj 4\nENDATA\n",
     "line 8: RANGES entry on the free row 'obj'"),
    ("garbage", "line 1: expected a section such as ROWS or COLUMNS, found 'garbage'"),
])
def test_mps_errors_name_the_line_and_the_reason(text, message):
    assert error_of(text, "mps").startswith(message)


# --- one model, four ways -------------------------------------------------------------------

SAME_CPLEX = """Maximize
 obj: 3 x + 2 y - z + 5
Subject To
 c1: x + y + z <= 10
 c2: x - y >= -2
 c3: -4 <= x - z <= 4
 c4: x + 2 y = 8
Bounds
 x <= 6
 -5 <= z <= 5
General
 y
End
"""
SAME_LP_SOLVE = """max: 3 x + 2 y - z + 5;
c1: x + y + z <= 10;
c2: x - y >= -2;
c3: -4 <= x - z <= 4;
c4: x + 2 y = 8;
x >= 0; x <= 6;
y >= 0;
-5 <= z <= 5;
int y;
"""
SAME_FIXED_MPS = """NAME          SAME
OBJSENSE
    MAX
ROWS
 N  obj
 L  c1
 G  c2
 G  c3
 E  c4
COLUMNS
    x         obj          3.0   c1           1.0
    x         c2           1.0   c3           1.0
    x         c4           1.0
    MARKER    'MARKER'     'INTORG'
    y         obj          2.0   c1           1.0
    y         c2          -1.0   c4           2.0
    MARKER    'MARKER'     'INTEND'
    z         obj         -1.0   c1           1.0
    z         c3          -1.0
RHS
    RHS       obj         -5.0   c1          10.0
    RHS       c2          -2.0   c3          -4.0
    RHS       c4           8.0
RANGES
    RNG       c3           8.0
BOUNDS
 UP BND       x            6.0
 PL BND       y
 LO BND       z           -5.0
 UP BND       z            5.0
ENDATA
"""
SAME_FREE_MPS = ("NAME SAME\nOBJSENSE MAXIMIZE\nROWS\n N obj\n L c1\n G c2\n L c3\n E c4\nCOLUMNS\n"
                 " x obj 3 c1 1\n x c2 1 c3 1\n x c4 1\n m1 'MARKER' 'INTORG'\n y obj 2 c1 1\n y c2 -1 c4 2\n"
                 " m2 'MARKER' 'INTEND'\n z obj -1 c1 1\n z c3 -1\nRHS\n obj -5 c1 10\n c2 -2 c3 4\n c4 8\n"
                 "RANGES\n c3 -8\nBOUNDS\n UP x 6\n PL y\n LO z -5\n UP z 5\nENDATA\n")


def test_one_model_in_four_formats_compiles_to_the_same_model():
    models = [model_of(SAME_CPLEX), model_of(SAME_LP_SOLVE), model_of(SAME_FIXED_MPS, "mps"),
              model_of(SAME_FREE_MPS, "mps")]
    assert lp_dialect(SAME_CPLEX) == "cplex" and lp_dialect(SAME_LP_SOLVE) == "lp_solve"
    expected = CompiledModel(
        [CompiledVariable("x", False, 0.0, 6.0), CompiledVariable("y", True, 0.0, INF),
         CompiledVariable("z", False, -5.0, 5.0)],
        [CompiledRow("c1", {"x": 1.0, "y": 1.0, "z": 1.0}, -INF, 10.0),
         CompiledRow("c2", {"x": 1.0, "y": -1.0}, -2.0, INF),
         CompiledRow("c3", {"x": 1.0, "z": -1.0}, -4.0, 4.0), CompiledRow("c4", {"x": 1.0, "y": 2.0}, 8.0, 8.0)],
        None, True)
    for model in models:
        assert model.objective.coefficients == {"x": 3.0, "y": 2.0, "z": -1.0} and model.objective.constant == 5.0
        assert (model.variables, model.rows, model.maximize) == (expected.variables, expected.rows, True)


def test_the_same_model_solves_the_same_in_every_format():
    from chalicelib.engine.generic import solve_model
    from chalicelib.engine.options import RunOptions

    values = {solve_model(model_of(text, fmt), RunOptions()).objective_value
              for text, fmt in [(SAME_CPLEX, "lp"), (SAME_LP_SOLVE, "lp"), (SAME_FIXED_MPS, "mps")]}
    # by hand: y integer, x + 2y = 8; best 3x + 2y - z + 5 with z = x - 4 (its least): x = 6, y = 1, z = 2
    assert len(values) == 1 and values.pop() == pytest.approx(3 * 6 + 2 * 1 - 2 + 5)


# --- hostile texts --------------------------------------------------------------------------

def _garbage(size: int) -> str:
    import random

    chance = random.Random(7)
    return "".join(chance.choice("abcXYZ019 .,;:+-*/<>=[]^\\\n\t'\"#") for _ in range(size))


HOSTILE = [
    ("lp", _garbage(900_000)),
    ("mps", _garbage(900_000)),
    ("lp", "Minimize\n obj: x " + "- " * 400_000 + "\nSubject To\n c: x >= 1\nEnd"),
    ("lp", "max: x " + "+ " * 400_000 + ";"),
    ("lp", "Minimize\n obj: " + "9" * 800_000 + " x\nSubject To\n c: x >= 1\nEnd"),
    ("mps", "NAME t\nROWS\n N obj\nCOLUMNS\n x obj " + "9" * 800_000 + "\nENDATA\n"),
    ("lp", "Minimize\n obj: " + "x" * 100_000 + "\nSubject To\n c: x >= 1\nEnd"),
    ("lp", "max: " + "x" * 100_000 + ";"),
    ("mps", "NAME t\nROWS\n N obj\nCOLUMNS\n " + "x" * 100_000 + " obj 1\nENDATA\n"),
    ("lp", "Minimize\n obj: x\nSubject To\n c: x\x00 >= 1\nEnd"),
    ("mps", "NAME t\nROWS\n N obj\n L c\x00\nENDATA\n"),
    ("lp", "Minimize\n obj: 1e400 x\nSubject To\n c: x >= 1\nEnd"),
    ("lp", "max: 1e400 x;"),
    ("mps", "NAME t\nROWS\n N obj\n L c\nCOLUMNS\n x obj 1e400\nENDATA\n"),
    ("mps", "NAME t\nROWS\n N obj\n L c\nCOLUMNS\n x obj nan\nENDATA\n"),
    ("lp", "Minimize\n obj: nan x\nSubject To\n c: x >= 1\nEnd"),
    ("lp", "Minimize\n obj: inf x\nSubject To\n c: x >= 1\nEnd"),
    ("lp", "max: inf x;"),
    ("mps", "NAME t\nROWS\n N obj\n L c\nCOLUMNS\n x obj inf\nENDATA\n"),
    ("mps", "NAME t\nROWS\n N obj\n L c\nCOLUMNS\n x obj 1_000\nENDATA\n"),
    ("lp", "Minimize\n obj: x\nSubject To\n" + " c: x + " * 100_000 + "\nEnd"),
    ("lp", "/*" * 300_000),
    ("lp", "Minimize\n" + "\n" * 800_000 + "End"),
]


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_texts_are_clear_model_errors_quickly(index):
    text_format, text = HOSTILE[index]
    started = time.perf_counter()
    with pytest.raises(ModelError) as raised:
        compile_text(text, text_format)
    assert time.perf_counter() - started < 5  # about 0.1-0.5 s each here; generous for a shared machine
    message = raised.value.problems[0]["message"]
    assert len(message) < 400 and raised.value.problems[0]["field"] == text_format


def test_hostile_messages_say_what_is_wrong():
    assert "a number of 800000 characters" in error_of(HOSTILE[4][1])
    assert "a name of 100000 characters" in error_of(HOSTILE[6][1])
    assert error_of(HOSTILE[9][1]) == "line 4: control character U+0000 in the text"
    assert error_of(HOSTILE[11][1]) == "line 2: '1e400' is beyond the range of a double"
    assert error_of(HOSTILE[14][1], "mps") == "line 6: 'nan' is not a number"
    assert error_of(HOSTILE[15][1]) == "line 2: 'nan x': 'nan' is not a number"
    assert error_of(HOSTILE[16][1]) == "line 2: 'inf x': infinity is not a coefficient"
    assert "is infinite; only a bound or right-hand side may be infinite" in error_of(HOSTILE[18][1], "mps")


def test_deeply_repeated_signs_are_read_not_refused():
    model = model_of("Minimize\n obj: x " + "- " * 400_001 + "y\nSubject To\n c: x >= 1\nEnd")
    assert model.objective.coefficients == {"x": 1.0, "y": -1.0}


def test_a_large_cplex_lp_file_reads_in_well_under_a_second_of_cpu():
    body = "\n".join(f" c{i}: " + " ".join(f"+ {(i * k) % 97 + 1} x{(7 * i + 13 * k) % 2000}" for k in range(8))
                     + f" <= {i}" for i in range(9_000))
    text = f"Minimize\n obj: x0 + x1\nSubject To\n{body}\nEnd\n"
    assert 850_000 < len(text) <= 900_000
    started = time.process_time()
    model = compile_text(text, "lp")
    assert len(model.rows) == 9_000
    assert time.process_time() - started < 5.0  # 0.4-0.6 s CPU here; a superlinear reader would take far longer


def test_a_refused_model_is_never_copied_to_stderr_or_stdout():
    secret = "sk_live_SECRET_TOKEN_8c1f"
    bad = [(f"max: 3x + 2y;\nc1: x + y <= {secret} 4 z;", "lp"),
           (f"Minimize\n obj: x\nSubject To\n c1: x + {secret} {secret} <= 2\nEnd", "lp"),
           (f"NAME t\nROWS\n N obj\nCOLUMNS\n {secret} obj 1 R9 2\nENDATA\n", "mps"),
           (f"NAME t\nROWS\n N obj\nCOLUMNS\n x obj {secret}\nENDATA\n", "mps")]
    with tempfile.TemporaryFile() as captured:
        saved = [os.dup(1), os.dup(2)]
        os.dup2(captured.fileno(), 1)
        os.dup2(captured.fileno(), 2)
        try:
            for text, text_format in bad:
                with pytest.raises(ModelError):
                    compile_text(text, text_format)
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
        captured.seek(0)
        assert secret.encode() not in captured.read()


# --- through the API (passes once generic.compile_text is text_models.compile_text) ---------

@pytest.fixture
def api():
    """The API on moto, as tests/api/conftest.py sets it up (its fixtures are not visible here)."""
    import boto3
    from chalice.test import Client
    from moto import mock_aws

    from chalicelib.settings import get_settings

    get_settings.cache_clear()
    with mock_aws():
        from app import app
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.store.blobs import create_bucket
        from chalicelib.store.queues import connect_storage_events, create_queues
        from chalicelib.store.table import create_table

        create_table(boto3.client("dynamodb"), os.environ["JAOT_TABLE_NAME"])
        create_bucket(boto3.client("s3"), get_settings().bucket_name)
        create_queues(boto3.client("sqs"))
        connect_storage_events(boto3.client("s3"), boto3.client("sqs"))
        publish_catalog()
        with Client(app) as client:
            yield client
    get_settings.cache_clear()


def test_api_solves_cplex_lp_and_names_the_line_of_a_bad_one(api):
    from tests.api.helpers import call, new_org

    org = new_org(credits=10)
    status, result = call(api, "POST", "/api/v2/solve", org, {"lp": SAME_CPLEX})
    assert status == 200, result
    assert result["status"] == "optimal" and result["objective_value"] == pytest.approx(23)
    status, error = call(api, "POST", "/api/v2/solve", org,
                         {"lp": "Minimize\n obj: x\nSubject To\n c1: x + y y <= 2\nEnd"})
    assert status == 400
    assert error["details"] == [{"field": "lp", "message":
                                 "line 4: expected a comparison operator after 'x + y', found 'y'"}]
    status, error = call(api, "POST", "/api/v2/solve", org,
                         {"mps": "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 R9 2\nENDATA\n"})
    assert status == 400 and error["details"][0]["message"].startswith("line 6: COLUMNS entry names row 'R9'")


def test_cplex_lp_rows_with_no_terms_and_labels_starting_with_a_digit_as_highs_writes_them():
    """HiGHS writes netlib's empty rows as `r3: <= +0` and keeps row names such as `000002`."""
    text = "min\n obj: x\nst\n 000002: x + y >= 2\n r3: <= +0\n r4: >= -1\nend\n"
    assert rows(model_of(text)) == {"000002": ({"x": 1.0, "y": 1.0}, 2.0, INF), "r3": ({}, -INF, 0.0),
                                    "r4": ({}, -1.0, INF)}
