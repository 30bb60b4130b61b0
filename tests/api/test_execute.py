"""POST /models/{id}/execute: validation, credits, results, records."""
import dataclasses
import itertools

import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.store.blobs import get_json
from chalicelib.store.executions import get_execution
from chalicelib.templates import warehouse_allocation
from tests.api.helpers import call, new_org

# The spec's execute example, verbatim.
SPEC_INPUT = {
    "warehouses": [
        {"name": "East Hub", "capacity": 500, "cost_per_unit": 2.50},
        {"name": "West Hub", "capacity": 300, "cost_per_unit": 3.00},
    ],
    "products": [
        {"name": "Widget A", "demand": 200, "weight": 1.5},
        {"name": "Widget B", "demand": 150, "weight": 2.0},
    ],
}


def brute_force_two_warehouses(data):
    """Cheapest whole-unit split of two products over two warehouses, by enumeration."""
    (east, west), (a, b) = data["warehouses"], data["products"]
    best = None
    for a_east, b_east in itertools.product(range(a["demand"] + 1), range(b["demand"] + 1)):
        a_west, b_west = a["demand"] - a_east, b["demand"] - b_east
        if a_east * a["weight"] + b_east * b["weight"] > east["capacity"]:
            continue
        if a_west * a["weight"] + b_west * b["weight"] > west["capacity"]:
            continue
        cost = (a_east + b_east) * east["cost_per_unit"] + (a_west + b_west) * west["cost_per_unit"]
        best = cost if best is None else min(best, cost)
    return best


@pytest.fixture
def org():
    return new_org(credits=10)


@pytest.fixture
def model_id(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    return model["id"]


def execute(client, org, model_id, input_data, **extra):
    return call(client, "POST", f"/api/v2/models/{model_id}/execute", org, {"input_data": input_data, **extra})


def balance(client, org):
    return call(client, "GET", "/api/v2/organization", org)[1]["credits"]


def test_spec_example_is_optimal_at_the_brute_force_cost(client, org, model_id):
    status, result = execute(client, org, model_id, SPEC_INPUT)
    assert status == 200, result
    assert result["status"] == "optimal"
    assert result["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT)) == 900.0
    assert result["best_bound"] == pytest.approx(900.0) and result["gap"] == pytest.approx(0.0)
    assert result["credits_used"] == 3 and result["model_id"] == model_id
    assert result["execution_id"].startswith("exc_") and result["created_at"].endswith("Z")
    assert result["solver"] and result["solve_time_ms"] >= 0
    allocations = result["solution"]["allocations"]
    placed = {}
    for row in allocations:
        placed[row["product"]] = placed.get(row["product"], 0) + row["units"]
    assert placed == {"Widget A": 200, "Widget B": 150}
    used = {w["warehouse"]: w["used_capacity"] for w in result["solution"]["warehouses"]}
    assert used["East Hub"] <= 500 and used["West Hub"] <= 300
    assert sum(row["cost"] for row in allocations) == pytest.approx(900.0)


def test_execution_is_charged_and_recorded(client, org, model_id):
    _, result = execute(client, org, model_id, SPEC_INPUT)
    assert balance(client, org) == 7
    record = get_execution(org.id, result["execution_id"])
    assert (record.status, record.solve_status, record.credits_used, record.model_id) == (
        "succeeded", "optimal", 3, model_id)
    assert record.started_by.startswith("key_") and record.finished_at
    assert get_json(record.input_gz, record.input_s3) == SPEC_INPUT
    assert get_json(record.result_gz, record.result_s3)["objective_value"] == pytest.approx(900.0)


def test_credit_exhaustion_is_402_and_leaves_the_balance(client, org, model_id):
    for expected_balance in (7, 4, 1):
        assert execute(client, org, model_id, SPEC_INPUT)[0] == 200
        assert balance(client, org) == expected_balance
    status, error = execute(client, org, model_id, SPEC_INPUT)
    assert status == 402 and error["error"] == "insufficient_credits"
    assert error["details"] == {"required": 3, "balance": 1}
    assert balance(client, org) == 1


@pytest.mark.parametrize("input_data,fields", [
    ({}, ["input_data.products", "input_data.warehouses"]),
    ({"warehouses": [], "products": [{"name": "A", "demand": 1}]}, ["input_data.warehouses"]),
    ({"warehouses": [{"name": "E", "capacity": -5}], "products": [{"name": "A", "demand": "lots"}]},
     ["input_data.products[0].demand", "input_data.warehouses[0].capacity"]),
    ({"warehouses": [{"name": "E", "capacity": 5, "colour": "red"}], "products": [{"name": "A", "demand": 1}]},
     ["input_data.warehouses[0]"]),
])
def test_schema_violations_are_400_with_each_field_and_no_charge(client, org, model_id, input_data, fields):
    status, error = execute(client, org, model_id, input_data)
    assert (status, error["error"]) == (400, "bad_request")
    assert sorted(detail["field"] for detail in error["details"]) == sorted(fields)
    assert all(detail["message"] for detail in error["details"])
    assert balance(client, org) == 10


def test_demand_above_capacity_is_a_400_that_says_why(client, org, model_id):
    data = {"warehouses": [{"name": "E", "capacity": 10}], "products": [{"name": "A", "demand": 11}]}
    status, error = execute(client, org, model_id, data)
    assert status == 400 and "capacity" in error["message"]
    assert balance(client, org) == 10


def test_honestly_infeasible_input_is_200_infeasible(client, org, model_id):
    # 3 units of weight 3 need 9 <= 10 capacity in total, but each 5-unit warehouse holds one unit.
    data = {"warehouses": [{"name": "E", "capacity": 5}, {"name": "W", "capacity": 5}],
            "products": [{"name": "A", "demand": 3, "weight": 3}]}
    status, result = execute(client, org, model_id, data)
    assert status == 200 and result["status"] == "infeasible"
    assert result["objective_value"] is None and result["message"]


def test_fractional_units_solve_the_lp(client, org, model_id):
    data = {**SPEC_INPUT, "whole_units": False,
            "products": [{"name": "Widget A", "demand": 200.5, "weight": 1.5},
                         {"name": "Widget B", "demand": 150, "weight": 2.0}]}
    status, result = execute(client, org, model_id, data)
    # East takes all of A (300.75) and (500 - 300.75) / 2 = 99.625 units of B; West the other 50.375.
    assert status == 200 and result["status"] == "optimal"
    assert result["objective_value"] == pytest.approx((200.5 + 99.625) * 2.5 + 50.375 * 3.0)


@pytest.mark.parametrize("body,field", [
    ({"input_data": SPEC_INPUT, "options": {"time_limit_s": 0}}, "options.time_limit_s"),
    ({"input_data": SPEC_INPUT, "options": {"turbo": True}}, "options.turbo"),
    ({"input_data": SPEC_INPUT, "options": {"time_limit_s": 100000}}, "options.time_limit_s"),
    ({"input_data": SPEC_INPUT, "extra": 1}, "extra"),
    ({"input_data": [1, 2]}, "input_data"),
    ({}, "input_data"),
])
def test_bad_execute_bodies_are_400_without_charge(client, org, model_id, body, field):
    status, error = call(client, "POST", f"/api/v2/models/{model_id}/execute", org, body)
    assert status == 400, error
    assert field in [detail["field"] for detail in error["details"]]
    assert balance(client, org) == 10


def test_run_options_are_accepted(client, org, model_id):
    status, result = execute(client, org, model_id, SPEC_INPUT,
                             options={"time_limit_s": 5, "relative_gap": 0.0, "num_workers": 1, "seed": 7})
    assert status == 200 and result["objective_value"] == pytest.approx(900.0)


def test_deactivated_model_is_404_for_execute_until_reactivated(client, org, model_id):
    call(client, "DELETE", f"/api/v2/models/{model_id}", org)
    status, error = execute(client, org, model_id, SPEC_INPUT)
    assert (status, error["error"]) == (404, "not_found")
    assert balance(client, org) == 10
    assert call(client, "PATCH", f"/api/v2/models/{model_id}", org, {"is_active": True})[0] == 200
    assert execute(client, org, model_id, SPEC_INPUT)[0] == 200


def test_solver_crash_is_an_error_result_and_refunded(client, org, model_id, monkeypatch):
    def crash(data, options):
        raise RuntimeError("boom")

    broken = dataclasses.replace(warehouse_allocation.TEMPLATE, solve=crash)
    monkeypatch.setattr(warehouse_allocation, "TEMPLATE", broken)
    status, result = execute(client, org, model_id, SPEC_INPUT)
    assert status == 200 and result["status"] == "error" and result["credits_used"] == 0
    assert "boom" not in result["message"]
    assert balance(client, org) == 10
    record = get_execution(org.id, result["execution_id"])
    assert (record.status, record.credits_used) == ("failed", 0)


def test_private_model_with_nothing_to_run_is_a_clear_400(client, org):
    _, model = call(client, "POST", "/api/v2/models", org,
                    {"name": "supply_chain_optimizer", "generator_type": "template"})
    status, error = execute(client, org, model["id"], {"anything": 1})
    assert status == 400 and "nothing to run" in error["message"]
    assert "warehouse_allocation" in error["message"]
    assert balance(client, org) == 10


def test_private_model_runs_its_template_under_its_own_schema(client, org):
    stricter = {"type": "object", "required": ["warehouses"],
                "properties": {"warehouses": {"type": "array", "maxItems": 1}}}
    _, model = call(client, "POST", "/api/v2/models", org, {
        "name": "one_site", "generator_type": "template", "input_schema": stricter,
        "custom_config": {"template": "warehouse_allocation"}})
    assert model["credits_per_execution"] == 3
    status, error = execute(client, org, model["id"], SPEC_INPUT)
    assert status == 400 and error["details"][0]["field"] == "input_data.warehouses"
    one_site = {"warehouses": [{"name": "Only", "capacity": 1000, "cost_per_unit": 2}],
                "products": [{"name": "A", "demand": 10}]}
    status, result = execute(client, org, model["id"], one_site)
    assert status == 200 and result["objective_value"] == pytest.approx(20.0)


def test_private_model_named_after_a_template_runs_it(client, org):
    _, model = call(client, "POST", "/api/v2/models", org,
                    {"name": "warehouse_allocation", "generator_type": "template"})
    status, result = execute(client, org, model["id"], SPEC_INPUT)
    assert status == 200 and result["objective_value"] == pytest.approx(900.0)
