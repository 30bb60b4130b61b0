"""Numbers in the engine (issue 12, class 4): expressions, canvases, text models and
template inputs refuse what is not finite or beyond +-1e15, and a result that is not
finite becomes an `error` outcome."""
from __future__ import annotations

import copy
import json
import math

import pytest

from chalicelib.engine.canvas import CanvasError, compile_canvas
from chalicelib.engine.expressions import ExpressionError, parse_expression, parse_relation
from chalicelib.engine.generic import ModelError, compile_model, compile_text
from chalicelib.engine.linear_model import LinearModel
from chalicelib.engine.result import SolveOutcome, finite_or_error
from chalicelib.errors import BadRequest
from chalicelib.services.input_validation import validate_input
from chalicelib.templates import all_templates


@pytest.mark.parametrize("text", ["1" + "0" * 400 + "*x", "1e400*x", "x*1e16", "1e300*1e300*x", "x/1e-320",
                                  "1e200*x*1e200", "x + 1e15 + 1e15", "-" + "9" * 30 + " + x",
                                  "1e300*1e300*x - 1e300*1e300*x + y"])
def test_expressions_refuse_numbers_out_of_range(text):
    with pytest.raises(ExpressionError, match="finite and between"):
        parse_expression(text, {"x", "y"}, {})


def test_expressions_at_the_edge_of_the_range_are_fine():
    assert parse_expression("1e15*x - 1000000000000000", {"x"}, {}).coefficients == {"x": 1e15}
    body, low, high = parse_relation("-1e15 <= 2*x <= 1e15", {"x"}, {})
    assert (body.coefficients, low, high) == ({"x": 2.0}, -1e15, 1e15)


def test_json_models_refuse_coefficients_computed_out_of_range():
    model = LinearModel.model_validate({"variables": [{"name": "x"}], "parameters": {"big": 1e15},
                                        "constraints": [{"terms": [{"variable": "x", "coefficient": 1e15},
                                                                   {"variable": "x", "coefficient": 1e15}],
                                                         "sense": "<=", "rhs": 1}]})
    with pytest.raises(ModelError) as raised:
        compile_model(model)
    assert raised.value.problems[0]["field"] == "constraints[0] (c0)"


@pytest.mark.parametrize("value", [math.inf, math.nan, 1e16, 10**400, True, "5"])
def test_linear_models_are_strict_and_bounded(value):
    with pytest.raises(ValueError):
        LinearModel.model_validate({"variables": [{"name": "x", "upper": value}]})


MPS = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj {obj} c1 {coef}\nRHS\n rhs c1 {rhs}\nBOUNDS\n UP b x {up}\nENDATA\n"


@pytest.mark.parametrize("numbers", [dict(obj="1e308", coef="1", rhs="4", up="1"),
                                     dict(obj="1", coef="1e16", rhs="4", up="1"),
                                     dict(obj="1", coef="1", rhs="1e20", up="1"),
                                     dict(obj="1", coef="1", rhs="4", up="-1e29")])
def test_mps_numbers_out_of_range_are_refused(numbers):
    with pytest.raises(ModelError) as raised:
        compile_text(MPS.format(**numbers), "mps")
    assert raised.value.problems[0]["field"] == "mps"


def test_mps_bounds_of_1e30_mean_none():
    model = compile_text(MPS.format(obj="1", coef="1", rhs="1e30", up="1e31"), "mps")
    assert model.rows[0].upper == math.inf and model.variables[0].upper == math.inf


def test_lp_overflowing_objective_is_refused():
    with pytest.raises(ModelError):
        compile_text("max: 1e308 x + 1e308 y;\nc1: x + y <= 4;\n", "lp")


@pytest.mark.parametrize("value", [10**400, 1e16, -1e16])
def test_canvas_parameters_out_of_range_are_a_compile_problem(value):
    canvas = {"nodes": [{"id": "v", "type": "variable", "data": {"name": "x", "upper": 5}},
                        {"id": "p", "type": "parameter", "data": {"name": "cap", "value": value}},
                        {"id": "c", "type": "constraint", "data": {"expression": "x <= cap"}}], "edges": []}
    with pytest.raises(CanvasError) as raised:
        compile_canvas(canvas)
    assert raised.value.problems[0]["node_id"] == "p"


def test_canvas_derived_parameters_that_overflow_are_a_compile_problem():
    canvas = {"nodes": [{"id": "v", "type": "variable", "data": {"name": "x", "upper": 5}},
                        {"id": "p", "type": "parameter", "data": {"name": "a", "value": 1e15}},
                        {"id": "q", "type": "parameter", "data": {"name": "b", "expression": "a * a"}},
                        {"id": "c", "type": "constraint", "data": {"expression": "x <= b"}}], "edges": []}
    with pytest.raises(CanvasError) as raised:
        compile_canvas(canvas)
    assert [p["node_id"] for p in raised.value.problems][0] == "q"


def test_canvas_variable_bounds_are_strict():
    canvas = {"nodes": [{"id": "v", "type": "variable", "data": {"name": "x", "upper": "5"}}], "edges": []}
    with pytest.raises(CanvasError):
        compile_canvas(canvas)


@pytest.mark.parametrize("field,value", [("objective_value", math.inf), ("best_bound", -math.inf),
                                         ("gap", math.nan), ("solution", {"routes": [{"load": math.nan}]})])
def test_a_non_finite_outcome_becomes_an_error(field, value):
    outcome = SolveOutcome(status="optimal", solver="test", solve_time_ms=3,
                           **{"objective_value": 1.0, "solution": {"x": 1.0}, field: value})
    checked = finite_or_error(outcome)
    assert checked.status == "error" and checked.solver == "test" and checked.solve_time_ms == 3
    assert checked.objective_value is None and checked.solution is None
    assert field in checked.message and "No credits were charged" in checked.message
    json.loads(checked.model_dump_json())


def test_a_finite_outcome_is_unchanged():
    outcome = SolveOutcome(status="optimal", solver="test", solve_time_ms=1, objective_value=1e300, gap=0.0,
                           solution={"x": [1, 2.5, None, "text"]})
    assert finite_or_error(outcome) is outcome


def _numeric_leaves(value, path=()):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _numeric_leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _numeric_leaves(child, (*path, index))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path


@pytest.mark.parametrize("template", all_templates(), ids=lambda template: template.name)
def test_every_template_number_is_finite_and_bounded(template):
    """Each number of each template's example input, replaced by what a hostile JSON decoder
    could hand over (1e400 is infinity), is refused by the template's schema or its model."""
    for path in _numeric_leaves(template.example_input):
        for value in (math.inf, -math.inf, math.nan, 10**400, -10**400, 1e16, 10**16):
            data = copy.deepcopy(template.example_input)
            target = data
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = value
            with pytest.raises((BadRequest, ValueError)):
                validate_input(data, template.input_schema)
                template.input_model.model_validate(data)
