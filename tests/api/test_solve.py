"""POST /api/v2/solve through the HTTP layer."""
import pytest

from chalicelib.store.blobs import get_json
from chalicelib.store.executions import get_execution
from tests.api.helpers import call, new_org
from tests.engine.test_generic import MPS, TEXTBOOK


@pytest.fixture
def org():
    return new_org(credits=5)


def balance(client, org):
    return call(client, "GET", "/api/v2/organization", org)[1]["credits"]


def test_json_lp_is_solved_charged_and_recorded(client, org):
    status, result = call(client, "POST", "/api/v2/solve", org, {"model": TEXTBOOK})
    assert status == 200, result
    assert result["status"] == "optimal" and result["objective_value"] == pytest.approx(34)
    assert result["solution"]["constraints"]["capacity"]["dual_value"] == pytest.approx(7 / 3)
    assert result["credits_used"] == 1 and result["model_id"] is None
    assert balance(client, org) == 4
    record = get_execution(org.id, result["execution_id"])
    assert (record.kind, record.status, record.solve_status) == ("solve", "succeeded", "optimal")
    assert get_json(record.input_gz, record.input_s3)["model"]["objective"]["expression"] == "3*x + 4*y"


def test_mip_costs_two_and_overrides_apply(client, org):
    model = {**TEXTBOOK, "variables": [{"name": "x", "type": "integer", "upper": 100},
                                       {"name": "y", "type": "integer", "upper": 100}]}
    status, result = call(client, "POST", "/api/v2/solve", org,
                          {"model": model, "parameters": {"cap": 15}, "options": {"time_limit_s": 5, "seed": 1}})
    best = max(3 * x + 4 * y for x in range(101) for y in range(101)
               if x + 2 * y <= 15 and 3 * x - y >= 0 and x - y <= 2)
    assert status == 200 and result["objective_value"] == best
    assert result["credits_used"] == 2 and balance(client, org) == 3


def test_mps_and_lp_text(client, org):
    status, result = call(client, "POST", "/api/v2/solve", org, {"mps": MPS})
    assert status == 200 and result["objective_value"] == pytest.approx(-7)
    status, result = call(client, "POST", "/api/v2/solve", org,
                          {"lp": "min: 2a + 3b;\nc1: a + b >= 4;\na >= 0;\nb >= 0;"})
    assert status == 200 and result["objective_value"] == pytest.approx(8)


def test_infeasible_is_a_paid_200(client, org):
    status, result = call(client, "POST", "/api/v2/solve", org, {"model": {
        "variables": [{"name": "x", "upper": 1}], "constraints": [{"expression": "x >= 2"}]}})
    assert (status, result["status"], result["credits_used"]) == (200, "infeasible", 1)


@pytest.mark.parametrize("body,field", [
    ({}, "(root)"),
    ({"model": TEXTBOOK, "mps": MPS}, "(root)"),
    ({"mps": MPS, "parameters": {"a": 1}}, "(root)"),
    ({"model": TEXTBOOK, "options": {"fast": True}}, "options.fast"),
    ({"model": TEXTBOOK, "solver": "gurobi"}, "solver"),
    ({"model": {**TEXTBOOK, "constraints": [{"expression": "x + ghost <= 1"}]}}, "constraints[0] (c0)"),
    ({"model": {**TEXTBOOK, "variables": [{"name": "x", "lower": 3, "upper": 1}, {"name": "y"}]}}, "variables[0] (x)"),
    ({"model": {**TEXTBOOK, "variables": [{"name": "2bad"}]}}, "model.variables[0].name"),
    ({"model": {**TEXTBOOK, "objective": {"expression": ""}}}, "objective"),
    ({"model": TEXTBOOK, "parameters": {"nope": 1}}, "parameters.nope"),
    ({"mps": "garbage"}, "mps"),
    ({"model": {**TEXTBOOK, "variables": [{"name": "x", "type": "integer"}, {"name": "y"}]}, "solver": "glop"}, "solver"),
])
def test_malformed_models_are_400_naming_the_part_and_not_charged(client, org, body, field):
    status, error = call(client, "POST", "/api/v2/solve", org, body)
    assert status == 400, error
    assert field in [detail["field"] for detail in error["details"]], error["details"]
    assert balance(client, org) == 5


def test_solve_needs_credentials_and_credits(client):
    assert call(client, "POST", "/api/v2/solve", body={"model": TEXTBOOK})[0] == 401
    broke = new_org(credits=0)
    status, error = call(client, "POST", "/api/v2/solve", broke, {"model": TEXTBOOK})
    assert status == 402 and error["details"] == {"required": 1, "balance": 0}


def test_a_run_that_asks_no_time_limit_gets_the_deployments_maximum(client, monkeypatch):
    monkeypatch.setenv("JAOT_MAX_TIME_LIMIT_S", "5")
    from chalicelib.settings import get_settings

    get_settings.cache_clear()
    org = new_org()
    model = {"variables": [{"name": "x", "upper": 1}], "objective": {"sense": "maximize", "expression": "x"}}
    status, result = call(client, "POST", "/api/v2/solve", org, {"model": model})
    assert status == 200 and result["status"] == "optimal"
    status, error = call(client, "POST", "/api/v2/solve", org, {"model": model, "options": {"time_limit_s": 10}})
    assert status == 400 and error["details"][0]["field"] == "options.time_limit_s"
