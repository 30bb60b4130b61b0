"""POST /api/v2/mathopt/solve in process: the request OR-Tools' remote_http_solve builds,
parsed, bounded, charged, solved and answered as the response proto its client parses.
(tests/clients/test_mathopt_remote.py drives the real client against `make run`.)"""
from __future__ import annotations

import datetime
import json

import pytest
from ortools.math_opt.python import mathopt
from ortools.math_opt.python.ipc import remote_http_solve as remote

from tests.api.helpers import call, new_org

PATH = "/api/v2/mathopt/solve"


def lp_model() -> tuple[mathopt.Model, dict]:
    """max 3x + 4y  s.t.  x + 2y <= 14,  3x - y >= 0,  x - y <= 2,  x, y >= 0.
    Optimum (6, 4), 34; c1 and c3 bind: duals u1 + u3 = 3, 2 u1 - u3 = 4 -> u1 = 7/3, u3 = 2/3."""
    model = mathopt.Model(name="lp")
    x, y = model.add_variable(lb=0, name="x"), model.add_variable(lb=0, name="y")
    constraints = {"c1": model.add_linear_constraint(x + 2 * y <= 14, name="c1"),
                   "c2": model.add_linear_constraint(3 * x - y >= 0, name="c2"),
                   "c3": model.add_linear_constraint(x - y <= 2, name="c3")}
    model.maximize(3 * x + 4 * y)
    return model, constraints


def payload(model: mathopt.Model, solver: mathopt.SolverType = mathopt.SolverType.GLOP,
            params: mathopt.SolveParameters | None = None) -> dict:
    return remote._build_json_payload(model, solver, params, None, None)


def goog(org) -> dict[str, str]:
    return {"X-Goog-Api-Key": org.key, "Content-Type": "application/json"}


def test_an_lp_is_solved_answered_as_the_response_proto_charged_and_recorded(client):
    org = new_org(credits=10)
    model, constraints = lp_model()
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model)))
    assert response.status_code == 200, response.body
    result, messages = remote._build_solve_result(response.body, model)  # the client's own strict parse
    assert result.termination.reason == mathopt.TerminationReason.OPTIMAL
    assert result.objective_value() == pytest.approx(34)
    duals = result.dual_values()
    assert duals[constraints["c1"]] == pytest.approx(7 / 3) and duals[constraints["c3"]] == pytest.approx(2 / 3)
    assert messages == []
    execution_id = response.headers["X-JAOT-Execution-Id"]
    status, run = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert status == 200 and run["kind"] == "mathopt" and run["status"] == "succeeded"
    assert run["credits_used"] == 1 and run["result"]["objective_value"] == pytest.approx(34)
    assert run["result"]["solution"]["variables"] == {"x": pytest.approx(6), "y": pytest.approx(4)}
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 9


@pytest.mark.parametrize("solver", [mathopt.SolverType.CP_SAT, mathopt.SolverType.GSCIP,
                                    mathopt.SolverType.HIGHS])
def test_a_mip_costs_two_credits_with_each_mip_solver(client, solver):
    """max 5a + 4b + 3c  s.t.  2a + 3b + c <= 5,  4a + b + 2c <= 11,  3a + 4b + 2c <= 8, integers >= 0:
    13 at (2, 0, 1) (Chvátal's first example; its LP optimum is integral)."""
    org = new_org(credits=10)
    model = mathopt.Model()
    a, b, c = (model.add_integer_variable(lb=0, name=name) for name in "abc")
    model.add_linear_constraint(2 * a + 3 * b + c <= 5)
    model.add_linear_constraint(4 * a + b + 2 * c <= 11)
    model.add_linear_constraint(3 * a + 4 * b + 2 * c <= 8)
    model.maximize(5 * a + 4 * b + 3 * c)
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model, solver)))
    assert response.status_code == 200, response.body
    result, _ = remote._build_solve_result(response.body, model)
    assert result.objective_value() == pytest.approx(13)
    assert [round(result.variable_values(v)) for v in (a, b, c)] == [2, 0, 1]
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 8


def test_pdlp_solves_the_lp(client):
    org = new_org()
    model, _ = lp_model()
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model, mathopt.SolverType.PDLP)))
    assert response.status_code == 200
    result, _ = remote._build_solve_result(response.body, model)
    assert result.objective_value() == pytest.approx(34, rel=1e-4)


def error_of(response) -> dict:
    body = json.loads(response.body)
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}, body
    assert body["error"]["code"] == response.status_code
    return body["error"]


def test_the_key_header_is_an_alias_on_this_route_only(client):
    org = new_org()
    model, _ = lp_model()
    bearer = client.http.post(PATH, headers=org.headers, body=json.dumps(payload(model)))
    assert bearer.status_code == 200
    missing = client.http.post(PATH, headers={"Content-Type": "application/json"}, body=json.dumps(payload(model)))
    assert missing.status_code == 401 and error_of(missing)["status"] == "UNAUTHENTICATED"
    wrong = client.http.post(PATH, headers={**goog(org), "X-Goog-Api-Key": "ok_live_" + "x" * 43},
                             body=json.dumps(payload(model)))
    assert wrong.status_code == 401 and error_of(wrong)["message"] == "API key is invalid or revoked."
    status, body = call(client, "GET", "/api/v2/organization", headers={"X-Goog-Api-Key": org.key})
    assert status == 401 and body["error"] == "unauthorized"  # other routes keep refusing it


def test_insufficient_credits_is_a_402_in_the_google_form_and_nothing_is_recorded(client):
    org = new_org(credits=0)
    model, _ = lp_model()
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model)))
    assert response.status_code == 402
    error = error_of(response)
    assert error["status"] == "RESOURCE_EXHAUSTED" and "balance is 0" in error["message"]
    assert call(client, "GET", "/api/v2/executions", org)[1]["items"] == []


@pytest.mark.parametrize("body, words", [
    ("{", "not valid JSON"),
    ("[]", "JSON object"),
    (json.dumps({"model": {"variables": {"ids": ["zero"]}}, "solverType": "SOLVER_TYPE_GLOP"}),
     "not a valid SolveMathOptModelRequest"),
    (json.dumps({"model": {"variablez": {}}, "solverType": "SOLVER_TYPE_GLOP"}), "not a valid"),
    (json.dumps({"solverType": "SOLVER_TYPE_GLOP", "extra": 1}), "extra"),
    (json.dumps({"solverType": "SOLVER_TYPE_GLOP"}), "no variables"),
    (json.dumps({"solverType": "SOLVER_TYPE_GUROBI", "model": {"variables": {"ids": ["0"]}}}),
     "SOLVER_TYPE_GUROBI is not offered"),
    (json.dumps({"model": {"variables": {"ids": ["0"]}}}), "SOLVER_TYPE_UNSPECIFIED is not offered"),
    (json.dumps({"solverType": 99999, "model": {"variables": {"ids": ["0"]}}}), "solverType 99999 is not offered"),
    (json.dumps({"solverType": -1, "model": {"variables": {"ids": ["0"]}}}), "solverType"),
    (json.dumps({"solverType": True, "model": {"variables": {"ids": ["0"]}}}), "solverType"),
    (json.dumps({"solverType": "SOLVER_TYPE_GLOP", "model": {"variables": {"ids": ["0"]}},
                 "parameters": {"timeLimit": "100000s"}}), "parameters.timeLimit may be at most"),
    (json.dumps({"solverType": "SOLVER_TYPE_GLOP", "model": {"variables": {"ids": ["0"]}},
                 "parameters": {"timeLimit": "soon"}}), "not a valid"),
    (json.dumps({"solverType": "SOLVER_TYPE_GLOP", "model": {"variables": {"ids": ["0"]}},
                 "parameters": {"timeLimit": "-1s"}}), "positive"),
])
def test_bad_requests_are_400s_in_the_google_form_and_charge_nothing(client, body, words):
    org = new_org(credits=5)
    response = client.http.post(PATH, headers=goog(org), body=body)
    assert response.status_code == 400, response.body
    error = error_of(response)
    assert error["status"] == "INVALID_ARGUMENT" and words in error["message"], error
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 5


def test_a_model_the_solver_refuses_is_a_400_refunded(client):
    """Ids out of order: MathOpt's own validation refuses the model; the run is recorded failed, refunded."""
    org = new_org(credits=5)
    body = {"solverType": "SOLVER_TYPE_GLOP", "model": {"variables": {
        "ids": ["1", "0"], "lowerBounds": [0, 0], "upperBounds": [1, 1], "integers": [False, False]}}}
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(body))
    assert response.status_code == 400 and "refused the model" in error_of(response)["message"]
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 5
    runs = call(client, "GET", "/api/v2/executions", org)[1]["items"]
    assert [(run["status"], run["credits_used"]) for run in runs] == [("failed", 0)]


def test_a_model_beyond_the_size_bounds_is_refused_before_solving(client, monkeypatch):
    from chalicelib.services import mathopt as service

    monkeypatch.setattr(service, "MAX_VARIABLES", 1)
    org = new_org(credits=5)
    model, _ = lp_model()
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model)))
    assert response.status_code == 400 and "too large" in error_of(response)["message"]


def test_the_time_limit_is_honoured_and_the_log_returned_when_asked(client):
    org = new_org()
    model, _ = lp_model()
    params = mathopt.SolveParameters(time_limit=datetime.timedelta(seconds=2), enable_output=True)
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model, params=params)))
    assert response.status_code == 200
    result, messages = remote._build_solve_result(response.body, model)
    assert result.termination.reason == mathopt.TerminationReason.OPTIMAL and messages


def test_an_infeasible_model_is_a_successful_call(client):
    org = new_org()
    model = mathopt.Model()
    x = model.add_variable(lb=0, ub=1, name="x")
    model.add_linear_constraint(x >= 2)
    response = client.http.post(PATH, headers=goog(org), body=json.dumps(payload(model)))
    assert response.status_code == 200
    result, _ = remote._build_solve_result(response.body, model)
    assert result.termination.reason == mathopt.TerminationReason.INFEASIBLE
    runs = call(client, "GET", "/api/v2/executions", org)[1]["items"]
    assert runs[0]["solve_status"] == "infeasible" and runs[0]["credits_used"] == 1


def test_an_idempotency_key_replays_the_answer_and_charges_once(client):
    org = new_org(credits=5)
    model, _ = lp_model()
    headers = {**goog(org), "Idempotency-Key": "mathopt-1"}
    first = client.http.post(PATH, headers=headers, body=json.dumps(payload(model)))
    again = client.http.post(PATH, headers=headers, body=json.dumps(payload(model)))
    assert first.status_code == again.status_code == 200
    assert json.loads(again.body) == json.loads(first.body) and again.headers["Idempotent-Replayed"] == "true"
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 4
