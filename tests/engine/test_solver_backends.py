"""Every backend of solve_model (MathOpt: GLOP, PDLP, HiGHS, SCIP, CP-SAT) on models solved by hand."""
from __future__ import annotations

import re

import pytest

from chalicelib.engine.generic import ModelError, choose_backend, compile_model, model_class, solve_model
from chalicelib.engine.linear_model import LinearModel
from chalicelib.engine.options import DEFAULT_RELATIVE_GAP, RunOptions

LP_BACKENDS = ["glop", "pdlp", "highs"]
MIP_BACKENDS = ["highs", "scip", "cp_sat"]
ALL_BACKENDS = ["glop", "pdlp", "highs", "scip", "cp_sat"]


def solve(model, solver, **options):
    return solve_model(compile_model(LinearModel.model_validate(model)), RunOptions(**options), solver)


def small(kind="continuous"):
    """max 3x + 2y  s.t.  cap: 2x + 3y <= 12.5,  0 <= x, y <= 10.

    LP: the ratio 3/2 beats 2/3, so x = 12.5/2 = 6.25, y = 0, objective 18.75; cap's dual is
    3/2 = 1.5 (one more unit of cap buys 1/2 x); y's reduced cost is 2 - 3 * 1.5 = -2.5, x's 0.
    Integer: 2x + 3y <= 12.5 allows x = 6, y = 0 (18); any y >= 1 leaves x <= 4 (at most 14)."""
    return {"variables": [{"name": "x", "type": kind, "upper": 10}, {"name": "y", "type": kind, "upper": 10}],
            "constraints": [{"name": "cap", "expression": "2*x + 3*y <= 12.5"}],
            "objective": {"sense": "maximize", "expression": "3*x + 2*y"}}


@pytest.mark.parametrize("solver", LP_BACKENDS)
def test_lp_backends_give_optimum_duals_and_reduced_costs(solver):
    outcome = solve(small(), solver)
    assert outcome.status == "optimal" and outcome.gap_tolerance is None
    assert outcome.objective_value == pytest.approx(18.75, rel=1e-6)
    assert outcome.solution["variables"] == pytest.approx({"x": 6.25, "y": 0}, abs=1e-6)
    assert outcome.solution["constraints"]["cap"] == pytest.approx({"activity": 12.5, "dual_value": 1.5}, abs=1e-6)
    assert outcome.solution["reduced_costs"] == pytest.approx({"x": 0, "y": -2.5}, abs=1e-6)


def test_scip_on_an_lp_gives_the_optimum_without_duals():
    outcome = solve(small(), "scip")
    assert outcome.status == "optimal" and outcome.objective_value == pytest.approx(18.75, rel=1e-6)
    assert "reduced_costs" not in outcome.solution
    assert outcome.solution["constraints"]["cap"] == pytest.approx({"activity": 12.5}, abs=1e-6)


@pytest.mark.parametrize("solver", LP_BACKENDS)
def test_minimization_duals_keep_their_sign(solver):
    # min x + y  s.t.  need: x + 2y >= 4  ->  y = 2 (cost 1 per 2 units), objective 2; need's dual 1/2,
    # x's reduced cost 1 - 1/2 = 1/2.
    outcome = solve({"variables": [{"name": "x"}, {"name": "y"}],
                     "constraints": [{"name": "need", "expression": "x + 2*y >= 4"}],
                     "objective": {"expression": "x + y"}}, solver)
    assert outcome.status == "optimal" and outcome.objective_value == pytest.approx(2, rel=1e-6)
    assert outcome.solution["constraints"]["need"]["dual_value"] == pytest.approx(0.5, abs=1e-6)
    assert outcome.solution["reduced_costs"] == pytest.approx({"x": 0.5, "y": 0}, abs=1e-6)


@pytest.mark.parametrize("solver", MIP_BACKENDS)
def test_mip_backends_prove_the_integer_optimum_within_the_default_gap(solver):
    outcome = solve(small("integer"), solver)
    assert outcome.status == "optimal" and outcome.gap_tolerance == DEFAULT_RELATIVE_GAP == 1e-4
    assert outcome.objective_value == 18 and outcome.solution["variables"] == {"x": 6, "y": 0}
    assert outcome.gap <= outcome.gap_tolerance
    assert outcome.solution["constraints"]["cap"] == {"activity": pytest.approx(12)}
    assert "reduced_costs" not in outcome.solution


@pytest.mark.parametrize("solver", MIP_BACKENDS)
def test_the_users_relative_gap_is_the_tolerance_reported(solver):
    assert solve(small("integer"), solver, relative_gap=0.02).gap_tolerance == 0.02


UNBOUNDED = {"variables": [{"name": "x"}, {"name": "y"}], "constraints": [{"expression": "x - y <= 1"}],
             "objective": {"sense": "maximize", "expression": "x + y"}}
INFEASIBLE = {"variables": [{"name": "x", "upper": 3}, {"name": "y"}],
              "constraints": [{"expression": "x + y >= 5"}, {"expression": "y <= 1"}],
              "objective": {"expression": "x"}}


@pytest.mark.parametrize("solver", ["glop", "pdlp", "highs", "scip"])
def test_unbounded_and_infeasible_are_told_apart(solver):
    unbounded, infeasible = solve(UNBOUNDED, solver), solve(INFEASIBLE, solver)
    assert unbounded.status == "unbounded" and unbounded.objective_value is None and unbounded.solution is None
    assert infeasible.status == "infeasible" and infeasible.solution is None and infeasible.message


@pytest.mark.parametrize("solver", MIP_BACKENDS)
def test_integer_models_infeasible_and_unbounded(solver):
    integer = {**INFEASIBLE, "variables": [{"name": "x", "type": "integer", "upper": 3},
                                           {"name": "y", "type": "integer", "upper": 10}]}
    assert solve(integer, solver).status == "infeasible"
    if solver != "cp_sat":  # CP-SAT has no unbounded variables
        unbounded = {**UNBOUNDED, "variables": [{"name": "x", "type": "integer"}, {"name": "y", "type": "integer"}]}
        assert solve(unbounded, solver).status == "unbounded"


@pytest.mark.parametrize("solver", ALL_BACKENDS)
def test_a_row_whose_bounds_cross_is_infeasible_not_an_error(solver):
    outcome = solve({"variables": [{"name": "x", "upper": 5, "type": "continuous" if solver in LP_BACKENDS
                                    else "integer"}],
                     "constraints": [{"name": "band", "expression": "3 <= x <= 2"}],
                     "objective": {"expression": "x"}}, solver)
    assert outcome.status == "infeasible" and "band" in outcome.message


@pytest.mark.parametrize("solver,pattern", [
    ("glop", r"GLOP \(OR-Tools 9\.\d+"), ("pdlp", r"PDLP \(OR-Tools 9\.\d+"), ("highs", r"HiGHS 1\.\d+\.\d+$"),
    ("scip", r"SCIP \d+\.\d+\.\d+$"), ("cp_sat", r"CP-SAT \(OR-Tools 9\.\d+"),
])
def test_the_result_names_the_solver_that_ran_and_its_version(solver, pattern):
    assert re.match(pattern, solve(small("integer" if solver in MIP_BACKENDS else "continuous"), solver).solver)


@pytest.mark.parametrize("solver", ALL_BACKENDS)
def test_seed_and_workers_are_accepted_by_every_backend(solver):
    outcome = solve(small("integer" if solver in MIP_BACKENDS else "continuous"), solver, seed=7, num_workers=2)
    assert outcome.status == "optimal"


def test_no_solver_prints_anything(capfd):
    for solver in ALL_BACKENDS:
        kind = "integer" if solver in MIP_BACKENDS else "continuous"
        solve(small(kind), solver)
        if solver != "cp_sat":  # it takes integer variables only
            solve(INFEASIBLE, solver)
            solve(UNBOUNDED, solver)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


@pytest.mark.parametrize("solver", LP_BACKENDS)
def test_zero_coefficients_and_a_constant_objective_term(solver):
    # max 3x + 0y + 5  s.t.  cap: x + 0y <= 4, y <= 2: x = 4, objective 17; cap's dual 3.
    outcome = solve({"variables": [{"name": "x"}, {"name": "y", "upper": 2}],
                     "constraints": [{"name": "cap", "terms": [{"variable": "x", "coefficient": 1},
                                                               {"variable": "y", "coefficient": 0}],
                                      "sense": "<=", "rhs": 4}],
                     "objective": {"sense": "maximize", "terms": [{"variable": "x", "coefficient": 3},
                                                                  {"variable": "y", "coefficient": 0}],
                                   "constant": 5}}, solver)
    assert outcome.status == "optimal" and outcome.objective_value == pytest.approx(17, rel=1e-6)
    assert outcome.solution["constraints"]["cap"] == pytest.approx({"activity": 4, "dual_value": 3}, abs=1e-6)


def test_feasibility_model_has_no_gap():
    outcome = solve({"variables": [{"name": "x", "type": "integer", "upper": 4}],
                     "constraints": [{"expression": "2*x == 6"}]}, "auto")
    assert outcome.status == "optimal" and outcome.solution["variables"] == {"x": 3}
    assert outcome.objective_value is None and outcome.gap is None and outcome.gap_tolerance is None


def test_model_classes():
    assert model_class(compile_model(LinearModel.model_validate(small()))) == "lp"
    assert model_class(compile_model(LinearModel.model_validate(small("integer")))) == "mip"  # 12.5 is fractional
    integral = {**small("integer"), "constraints": [{"name": "cap", "expression": "2*x + 3*y <= 12"}]}
    assert model_class(compile_model(LinearModel.model_validate(integral))) == "integer"
    mixed = {**small(), "variables": [{"name": "x", "type": "integer", "upper": 10}, {"name": "y", "upper": 10}]}
    assert model_class(compile_model(LinearModel.model_validate(mixed))) == "mip"


def test_explicit_choice_is_honoured_and_refused_where_the_solver_cannot_answer():
    integer = compile_model(LinearModel.model_validate(small("integer")))
    assert choose_backend(integer, "scip") == "SCIP" and choose_backend(integer, "highs") == "HIGHS"
    assert choose_backend(integer, "cp_sat") == "CP_SAT"
    with pytest.raises(ModelError) as error:
        choose_backend(integer, "glop")
    assert error.value.problems[0]["field"] == "solver"
    with pytest.raises(ModelError) as error:  # CP-SAT would round continuous variables onto a grid
        choose_backend(compile_model(LinearModel.model_validate(small())), "cp_sat")
    assert "all integer" in error.value.problems[0]["message"]


def _big_lp():
    """10,000 rows of 10 random terms over 10,000 bounded variables: GLOP needs seconds."""
    import math
    import random

    from chalicelib.engine.expressions import Linear
    from chalicelib.engine.generic import CompiledModel, CompiledRow, CompiledVariable

    rng = random.Random(1)
    variables = [CompiledVariable(f"x{i}", False, 0, 10) for i in range(10_000)]
    rows = [CompiledRow(f"r{r}", {f"x{j}": rng.randint(1, 9) for j in rng.sample(range(10_000), 10)}, -math.inf, 50)
            for r in range(10_000)]
    return CompiledModel(variables, rows, Linear({v.name: 1.0 for v in variables}), True)


def test_a_cancel_stops_glop():
    from tests.engine.test_interrupt import _run_stopped

    model = _big_lp()
    outcome, seconds = _run_stopped(lambda: solve_model(model, RunOptions(time_limit_s=30), "glop"))
    assert seconds < 10 and outcome.status in ("feasible", "time_limit")


def test_a_cancel_stops_highs_with_its_best_solution():
    """MathOpt's HiGHS wrapper ignores the interrupter, so HiGHS runs through its C API
    (highs_direct) whose interrupt callback answers "stop" once a cancel came."""
    from tests.engine.test_interrupt import STOP_AFTER_S, _market_split, _run_stopped

    model = compile_model(_market_split())
    outcome, seconds = _run_stopped(lambda: solve_model(model, RunOptions(time_limit_s=30), "highs"))
    assert seconds < STOP_AFTER_S + 5  # against a 30 s time limit; slack for a loaded machine
    assert outcome.status == "feasible" and outcome.solver == "HiGHS 1.12.0"
    values = outcome.solution["variables"]
    assert outcome.objective_value == pytest.approx(sum(values[f"{side}{i}"] for side in "st" for i in range(4)))
    assert outcome.best_bound is not None and outcome.best_bound <= outcome.objective_value


def test_two_highs_solves_at_once_one_cancelled():
    """Each solve has its own HiGHS object and callback: a cancel in one thread leaves the other be."""
    import threading

    from tests.engine.test_interrupt import STOP_AFTER_S, _market_split, _run_stopped

    knapsack = compile_model(LinearModel.model_validate({
        "variables": [{"name": f"x{i}", "type": "binary"} for i in range(6)],
        "constraints": [{"expression": "5*x0 + 4*x1 + 3*x2 + 7*x3 + 2*x4 + 6*x5 <= 12"}],
        "objective": {"expression": "10*x0 + 7*x1 + 4*x2 + 12*x3 + 3*x4 + 9*x5", "sense": "maximize"}}))
    results: dict[str, object] = {}

    def quiet_solves() -> None:
        results["knapsack"] = [solve_model(knapsack, RunOptions(), "highs") for _ in range(20)]

    other = threading.Thread(target=quiet_solves)
    other.start()
    stopped, seconds = _run_stopped(lambda: solve_model(compile_model(_market_split()), RunOptions(time_limit_s=30),
                                                        "highs"))
    other.join()
    assert seconds < STOP_AFTER_S + 5 and stopped.status == "feasible"  # against a 30 s limit
    assert all(o.status == "optimal" and o.objective_value == pytest.approx(22) for o in results["knapsack"])
