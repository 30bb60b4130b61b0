"""OR-Tools' own client, `remote_http_solve` from the installed wheel, pointed at `make run`."""
from __future__ import annotations

import datetime

import httpx
import pytest
from ortools.math_opt.python import mathopt
from ortools.math_opt.python.ipc.remote_http_solve import OptimizationServiceError, remote_http_solve

from tests.api.test_mathopt import lp_model
from tests.live_server import LocalServer


@pytest.fixture(scope="module")
def server():
    with LocalServer(JAOT_DEMO_CREDITS="1000", JAOT_MAX_TIME_LIMIT_S="30", JAOT_MAX_SYNC_TIME_LIMIT_S="30") as live:
        yield live


def endpoint(server: LocalServer) -> str:
    return f"{server.api_url}/mathopt/solve"


def credits(server: LocalServer) -> int:
    return server.request("GET", "/organization")[1]["credits"]


def test_an_lp_with_its_duals(server):
    model, constraints = lp_model()
    before = credits(server)
    result, messages = remote_http_solve(model, mathopt.SolverType.GLOP, endpoint=endpoint(server),
                                         api_key=server.api_key, deadline_sec=30)
    assert result.termination.reason == mathopt.TerminationReason.OPTIMAL
    assert result.objective_value() == pytest.approx(34)
    x, y = model.get_variable(0), model.get_variable(1)
    assert (result.variable_values(x), result.variable_values(y)) == (pytest.approx(6), pytest.approx(4))
    duals = result.dual_values()  # by hand: u1 + u3 = 3 and 2 u1 - u3 = 4 on the binding c1, c3
    assert duals[constraints["c1"]] == pytest.approx(7 / 3)
    assert duals[constraints["c2"]] == pytest.approx(0)
    assert duals[constraints["c3"]] == pytest.approx(2 / 3)
    assert messages == [] and credits(server) == before - 1


@pytest.mark.parametrize("solver", [mathopt.SolverType.GSCIP, mathopt.SolverType.CP_SAT, mathopt.SolverType.HIGHS])
def test_a_mip_with_a_known_optimum(server, solver):
    """A capital budgeting knapsack: values 16, 19, 23, 28; costs 2, 3, 4, 5; budget 7:
    the best pick is items 1 and 4 (cost 7, value 44) - checked by enumerating the 16 picks."""
    values, costs, budget = [16, 19, 23, 28], [2, 3, 4, 5], 7
    best = max(sum(v for v, bit in zip(values, format(mask, "04b")) if bit == "1")
               for mask in range(16) if sum(c for c, bit in zip(costs, format(mask, "04b")) if bit == "1") <= budget)
    assert best == 44
    model = mathopt.Model(name="budget")
    picks = [model.add_binary_variable(name=f"pick{i}") for i in range(4)]
    model.add_linear_constraint(sum(c * p for c, p in zip(costs, picks)) <= budget, name="budget")
    model.maximize(sum(v * p for v, p in zip(values, picks)))
    params = mathopt.SolveParameters(time_limit=datetime.timedelta(seconds=10))
    result, _ = remote_http_solve(model, solver, params, endpoint=endpoint(server), api_key=server.api_key)
    assert result.termination.reason == mathopt.TerminationReason.OPTIMAL
    assert result.objective_value() == pytest.approx(44)
    assert [round(result.variable_values(p)) for p in picks] == [1, 0, 0, 1]


def test_a_bad_key_is_a_clean_service_error(server):
    model, _ = lp_model()
    with pytest.raises(OptimizationServiceError, match="status code 401: API key is invalid or revoked"):
        remote_http_solve(model, mathopt.SolverType.GLOP, endpoint=endpoint(server), api_key="ok_live_" + "x" * 43)


def test_an_unoffered_solver_and_a_long_time_limit_are_clean_service_errors(server):
    model, _ = lp_model()
    with pytest.raises(OptimizationServiceError, match="status code 400: solverType SOLVER_TYPE_GLPK is not offered"):
        remote_http_solve(model, mathopt.SolverType.GLPK, endpoint=endpoint(server), api_key=server.api_key)
    params = mathopt.SolveParameters(time_limit=datetime.timedelta(hours=1))
    with pytest.raises(OptimizationServiceError, match="timeLimit may be at most 30 seconds"):
        remote_http_solve(model, mathopt.SolverType.GLOP, params, endpoint=endpoint(server), api_key=server.api_key)


def test_a_malformed_body_is_a_400_in_the_google_form(server):
    response = httpx.post(endpoint(server), content=b'{"model": ', headers={
        "X-Goog-Api-Key": server.api_key, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["status"] == "INVALID_ARGUMENT"


def test_the_run_is_recorded_as_an_execution(server):
    model, _ = lp_model()
    remote_http_solve(model, mathopt.SolverType.PDLP, endpoint=endpoint(server), api_key=server.api_key)
    status, page = server.request("GET", "/executions?limit=1")
    run = page["items"][0]
    assert run["kind"] == "mathopt" and run["status"] == "succeeded" and run["credits_used"] == 1
    status, detail = server.request("GET", f"/executions/{run['execution_id']}")
    assert detail["result"]["solver"] == "PDLP" and detail["result"]["objective_value"] == pytest.approx(34, rel=1e-4)
    assert detail["input"]["solverType"] == "SOLVER_TYPE_PDLP"
