"""Numbers and types (issue 12, class 4): strict types on every public body and query, every
number finite and within +-1e15, and never a NaN or Infinity in an answer (a solver result
that is not finite is an `error`, refunded)."""
from __future__ import annotations

import dataclasses
import json
import math

import pytest

from chalicelib import events
from chalicelib.api.http import ok
from chalicelib.engine import mathopt_backend
from chalicelib.engine.result import SolveOutcome
from chalicelib.errors import ApiError
from chalicelib.ids import catalog_id_for
from chalicelib.services import executions
from chalicelib.services.auth import Caller
from chalicelib.services.executions import PreparedRun
from chalicelib.services.run_specs import LinearSpec
from chalicelib.settings import get_settings
from chalicelib.store.executions import get_execution
from chalicelib.store.organizations import get_organization
from tests.api.builder_helpers import node, production_canvas
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT
from tests.engine.test_generic import TEXTBOOK

HUGE_INT = "1" + "0" * 400
NUM = "@NUM@"


def strict_json(text: str):
    """json.loads that fails on NaN, Infinity and -Infinity, as strict JSON parsers do."""
    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def raw(body: dict, number: str) -> str:
    """`body` as JSON text with the placeholder replaced by a number JSON's own encoder cannot write."""
    return json.dumps(body).replace(f'"{NUM}"', number)


@pytest.fixture
def world(client):
    """An organization with a template model, a builder document with a version, a builder
    model pinning it, and a webhook trigger: something for every route to act on."""
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    _, doc = call(client, "POST", "/api/v2/builder", org, {"name": "Plan", "canvas_json": production_canvas()})
    _, version = call(client, "POST", f"/api/v2/builder/{doc['id']}/versions", org,
                      {"canvas_json": production_canvas()})
    _, builder_model = call(client, "POST", "/api/v2/models", org, {
        "name": "plan_model", "generator_type": "builder",
        "custom_config": {"document_id": doc["id"], "version_id": version["id"]}})
    _, trigger = call(client, "POST", "/api/v2/triggers", org, {"name": "t", "type": "webhook", "model_id": model["id"]})
    return {"org": org, "model": model["id"], "doc": doc["id"], "version": version["id"],
            "builder_model": builder_model["id"], "trigger": trigger["id"]}


def canvas_with(value) -> dict:
    canvas = production_canvas()
    canvas["nodes"][2]["data"]["value"] = value  # the capacity parameter
    return canvas


def variable_canvas(**data) -> dict:
    return {"nodes": [node("v", "variable", name="x", **data),
                      node("o", "objective", sense="maximize", expression="x")], "edges": []}


# (method, path, body, field the 400 must name). Paths use {model}, {doc}, ... from `world`;
# bodies given as text carry numbers json.dumps cannot write (1e400, 400-digit integers).
NON_FINITE = [
    # POST /solve
    ("POST", "/api/v2/solve", raw({"model": TEXTBOOK, "parameters": {"cap": NUM}}, "1e400"), "parameters.cap"),
    ("POST", "/api/v2/solve", raw({"model": TEXTBOOK, "parameters": {"cap": NUM}}, "-1e400"), "parameters.cap"),
    ("POST", "/api/v2/solve", raw({"model": TEXTBOOK, "parameters": {"cap": NUM}}, HUGE_INT), "parameters.cap"),
    ("POST", "/api/v2/solve", raw({"model": TEXTBOOK, "parameters": {"cap": NUM}}, "1" + "0" * 5000), "parameters.cap"),
    ("POST", "/api/v2/solve", raw({"model": TEXTBOOK, "parameters": {"cap": NUM}}, "1e16"), "parameters.cap"),
    ("POST", "/api/v2/solve", raw({"model": {**TEXTBOOK, "variables": [{"name": "x", "upper": NUM}, {"name": "y"}]}},
                                  "1.7976931348623157e309"), "model.variables[0].upper"),
    ("POST", "/api/v2/solve", raw({"model": TEXTBOOK, "options": {"time_limit_s": NUM}}, "1e400"),
     "options.time_limit_s"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "objective": {"expression": HUGE_INT + "*x"}}}, "objective"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "objective": {"expression": "1e300*1e300*x"}}}, "objective"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "objective": {"expression": "1e10*1e10*x + y"}}}, "objective"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "constraints": [{"expression": "x / 1e-320 <= 1"}]}},
     "constraints[0] (c0)"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "constraints": [{"expression": "x <= 1e15 * 1e15"}]}},
     "constraints[0] (c0)"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "constraints": [{"expression": "x <= 1" + "0" * 400}]}},
     "constraints[0] (c0)"),
    ("POST", "/api/v2/solve", {"mps": "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1e308 c1 1\n"
                                      "RHS\n rhs c1 4\nENDATA\n"}, "mps"),
    ("POST", "/api/v2/solve", {"lp": "max: 1e308 x + 1e308 y;\nc1: x + y <= 4;\n"}, "lp"),
    ("POST", "/api/v2/solve", {"lp": "max: x + y;\nc1: 1e20 x + y <= 4;\n"}, "lp"),
    # POST /models/{id}/execute
    ("POST", "/api/v2/models/{model}/execute",
     raw({"input_data": {**SPEC_INPUT, "warehouses": [{"name": "E", "capacity": NUM, "cost_per_unit": 1}]}}, "1e400"),
     "input_data.warehouses[0].capacity"),
    ("POST", "/api/v2/models/{model}/execute",
     raw({"input_data": {**SPEC_INPUT, "warehouses": [{"name": "E", "capacity": 5, "cost_per_unit": NUM}]}}, HUGE_INT),
     "input_data.warehouses[0].cost_per_unit"),
    ("POST", "/api/v2/models/{builder_model}/execute", raw({"input_data": {"capacity": NUM}}, "1e400"),
     "input_data.capacity"),
    ("POST", "/api/v2/models/{builder_model}/execute", raw({"input_data": {"capacity": NUM}}, "-" + HUGE_INT),
     "input_data.capacity"),
    # builder: create, update, checkpoint, compile, execute, restore
    ("POST", "/api/v2/builder", raw({"name": "d", "canvas_json": canvas_with(NUM)}, "1e400"),
     "canvas_json.nodes[2].data.value"),
    ("POST", "/api/v2/builder", raw({"name": "d", "canvas_json": canvas_with(NUM)}, HUGE_INT),
     "canvas_json.nodes[2].data.value"),
    ("PUT", "/api/v2/builder/{doc}", raw({"canvas_json": canvas_with(NUM)}, "1e400"), "canvas_json.nodes[2].data.value"),
    ("PUT", "/api/v2/builder/{doc}", raw({"canvas_json": variable_canvas(upper=NUM)}, "-1e999"),
     "canvas_json.nodes[0].data.upper"),
    ("POST", "/api/v2/builder/{doc}/versions", raw({"canvas_json": canvas_with(NUM)}, HUGE_INT),
     "canvas_json.nodes[2].data.value"),
    ("POST", "/api/v2/builder/{doc}/compile", raw({"canvas_json": canvas_with(NUM)}, "1e400"),
     "canvas_json.nodes[2].data.value"),
    ("POST", "/api/v2/builder/{doc}/execute", raw({"parameters": {"capacity": NUM}}, "1e400"), "parameters.capacity"),
    ("POST", "/api/v2/builder/{doc}/versions/{version}/restore",
     raw({"current_canvas_json": canvas_with(NUM)}, "1e400"), "current_canvas_json.nodes[2].data.value"),
    # models, triggers, api keys
    ("POST", "/api/v2/models", raw({"name": "m", "generator_type": "template", "example_input": {"v": NUM}}, "1e400"),
     "example_input.v"),
    ("PATCH", "/api/v2/models/{model}", raw({"custom_config": {"template": "tsp", "k": NUM}}, HUGE_INT),
     "custom_config.k"),
    ("POST", "/api/v2/triggers", raw({"name": "t", "type": "webhook", "model_id": "{model}",
                                      "options": {"time_limit_s": NUM}}, "1e400"), "options.time_limit_s"),
    ("PATCH", "/api/v2/triggers/{trigger}", raw({"input_data": {"w": [1, NUM]}}, "1e400"), "input_data.w[1]"),
]

WRONG_TYPES = [
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"time_limit_s": "5"}}, "options.time_limit_s"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"time_limit_s": True}}, "options.time_limit_s"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"num_workers": 2.0}}, "options.num_workers"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"seed": "1"}}, "options.seed"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"relative_gap": "0.1"}}, "options.relative_gap"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "async": "yes"}, "async"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "async": 1}, "async"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "parameters": {"cap": "14"}}, "parameters.cap"),
    ("POST", "/api/v2/solve", {"model": TEXTBOOK, "parameters": {"cap": True}}, "parameters.cap"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "variables": [{"name": "x", "upper": "5"}, {"name": "y"}]}},
     "model.variables[0].upper"),
    ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "objective": {"terms": [{"variable": "x", "coefficient": True}]}}},
     "model.objective.terms[0].coefficient"),
    ("POST", "/api/v2/models/{model}/execute", {"input_data": SPEC_INPUT, "options": {"time_limit_s": "5"}},
     "options.time_limit_s"),
    ("POST", "/api/v2/models/{model}/execute", {"input_data": SPEC_INPUT, "async": "yes"}, "async"),
    ("POST", "/api/v2/models/{builder_model}/execute", {"input_data": {"capacity": "5"}}, "input_data.capacity"),
    ("POST", "/api/v2/models/{builder_model}/execute", {"input_data": {"capacity": True}}, "input_data.capacity"),
    ("POST", "/api/v2/builder/{doc}/execute", {"parameters": {"capacity": "5"}}, "parameters.capacity"),
    ("POST", "/api/v2/builder/{doc}/execute", {"parameters": {"capacity": True}}, "parameters.capacity"),
    ("POST", "/api/v2/builder/{doc}/execute", {"options": {"time_limit_s": True}}, "options.time_limit_s"),
    ("POST", "/api/v2/builder/{doc}/execute", {"async": "true"}, "async"),
    ("PUT", "/api/v2/builder/{doc}", {"is_active": "true"}, "is_active"),
    ("PUT", "/api/v2/builder/{doc}", {"name": 5}, "name"),
    ("PATCH", "/api/v2/models/{model}", {"is_favorite": 1}, "is_favorite"),
    ("PATCH", "/api/v2/models/{model}", {"is_active": "false"}, "is_active"),
    ("POST", "/api/v2/triggers", {"name": "t", "type": "webhook", "model_id": "{model}", "is_enabled": "yes"},
     "is_enabled"),
    ("POST", "/api/v2/triggers", {"name": "t", "type": "webhook", "model_id": "{model}",
                                  "options": {"time_limit_s": "5"}}, "options.time_limit_s"),
    ("PATCH", "/api/v2/triggers/{trigger}", {"is_enabled": 0}, "is_enabled"),
    ("PATCH", "/api/v2/triggers/{trigger}", {"options": {"seed": True}}, "options.seed"),
    ("POST", "/api/v2/api-keys", {"name": 7}, "name"),
]


def fill(text: str, world: dict) -> str:
    for name in ("model", "doc", "version", "builder_model", "trigger"):
        text = text.replace("{" + name + "}", world[name])
    return text


def refused(client, world, method, path, body, field):
    text = body if isinstance(body, str) else json.dumps(body)
    status, error = call(client, method, fill(path, world), world["org"], fill(text, world))
    assert status == 400, (status, error)
    assert error["error"] == "bad_request" and error["message"]
    named = [detail["field"] for detail in error["details"] or []]
    # a union field's errors carry the member after the name (`is_active.bool`)
    assert any(name == field or name.startswith(field + ".") for name in named), error


@pytest.mark.parametrize("method,path,body,field", NON_FINITE, ids=[f"{m} {p} {f}" for m, p, _, f in NON_FINITE])
def test_numbers_that_are_not_finite_or_too_large_are_a_400_naming_the_field(client, world, method, path, body, field):
    refused(client, world, method, path, body, field)


@pytest.mark.parametrize("method,path,body,field", WRONG_TYPES, ids=[f"{m} {p} {f}" for m, p, _, f in WRONG_TYPES])
def test_wrong_types_are_a_400_not_a_coercion(client, world, method, path, body, field):
    refused(client, world, method, path, body, field)


def test_a_refused_number_writes_nothing_and_charges_nothing(client, world):
    org = world["org"]
    before = call(client, "GET", "/api/v2/organization", org)[1]["credits"]
    for method, path, body, _ in NON_FINITE + WRONG_TYPES:
        text = body if isinstance(body, str) else json.dumps(body)
        assert call(client, method, fill(path, world), org, fill(text, world))[0] == 400
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == before
    assert call(client, "GET", "/api/v2/executions", org)[1]["items"] == []
    _, doc = call(client, "GET", f"/api/v2/builder/{world['doc']}", org)
    assert doc["canvas_json"] == production_canvas()
    assert call(client, "GET", "/api/v2/builder", org)[1]["total"] == 1
    assert len(call(client, "GET", f"/api/v2/builder/{world['doc']}/versions", org)[1]) == 1


def test_ints_are_floats_and_bounds_are_inclusive(client, world):
    """Strictness refuses strings and booleans, not integers where a float is asked for."""
    org = world["org"]
    status, result = call(client, "POST", "/api/v2/solve", org, {
        "model": {**TEXTBOOK, "variables": [{"name": "x", "upper": 1e15}, {"name": "y", "lower": -1e15}]},
        "parameters": {"cap": 14}, "options": {"time_limit_s": 5}})
    assert status == 200 and result["status"] == "optimal", result
    status, result = call(client, "POST", f"/api/v2/builder/{world['doc']}/execute", org,
                          {"parameters": {"capacity": 14}, "async": False})
    assert status == 200 and result["objective_value"] == 34


@pytest.mark.parametrize("query", ["limit=1e400", "limit=nan", "limit=inf", "limit=20.0", "limit=2_0", "limit=+20",
                                   "limit=%2020", "limit=true", "limit=" + HUGE_INT])
def test_query_numbers_are_plain_integers(client, world, query):
    status, error = call(client, "GET", f"/api/v2/executions?{query}", world["org"])
    assert status == 400 and error["details"][0]["field"] == "limit", error


@pytest.mark.parametrize("path", ["/api/v2/models?is_active=yes", "/api/v2/models?is_favorite=1",
                                  "/api/v2/builder?is_active=True", "/api/v2/builder?page=1e400",
                                  "/api/v2/triggers?page_size=nan", "/api/v2/models/catalog?page=-inf",
                                  "/api/v2/builder/{doc}/versions?skip=inf"])
def test_query_flags_and_pages_are_strict(client, world, path):
    assert call(client, "GET", fill(path, world), world["org"])[0] == 400


def test_query_strings_still_read_as_numbers_and_flags(client, world):
    org = world["org"]
    assert call(client, "GET", "/api/v2/executions?limit=20", org)[0] == 200
    assert call(client, "GET", "/api/v2/models?is_active=true&page=1&page_size=5", org)[1]["page_size"] == 5
    assert call(client, "GET", "/api/v2/builder?is_active=false", org)[1]["total"] == 0
    assert call(client, "GET", "/api/v2/executions?created_after=2020-01-01T00:00:00Z", org)[0] == 200


# A solver result that is not finite: an `error`, refunded, and strict JSON.

def overflowing_solve(monkeypatch, value=math.inf):
    """The solver reports an objective that overflowed, as a badly scaled model can make it do."""
    solve = mathopt_backend.solve

    def overflowed(*args, **kwargs):
        return dataclasses.replace(solve(*args, **kwargs), objective_value=value, best_bound=value)
    monkeypatch.setattr(mathopt_backend, "solve", overflowed)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_a_non_finite_objective_is_an_error_result_refunded_and_valid_json(client, monkeypatch, value):
    org = new_org(credits=5)
    overflowing_solve(monkeypatch, value)
    response = client.http.post("/api/v2/solve", headers=org.headers, body=json.dumps({"model": TEXTBOOK}))
    result = strict_json(response.body)
    assert response.status_code == 200
    assert result["status"] == "error" and result["credits_used"] == 0
    assert result["objective_value"] is None and result["solution"] is None
    assert "not finite" in result["message"]
    assert int(get_organization(org.id).credits) == 5
    record = get_execution(org.id, result["execution_id"])
    assert (record.status, record.solve_status, int(record.credits_used)) == ("failed", "error", 0)
    detail = client.http.get(f"/api/v2/executions/{result['execution_id']}", headers=org.headers)
    assert strict_json(detail.body)["result"]["status"] == "error"


def test_a_queued_run_with_a_non_finite_result_is_refunded_too(client, monkeypatch):
    org = new_org(credits=5)
    overflowing_solve(monkeypatch)
    status, queued = call(client, "POST", "/api/v2/solve", org, {"model": TEXTBOOK, "async": True})
    assert status == 202 and int(get_organization(org.id).credits) == 4
    assert events.drain(get_settings().runs_queue) == ["solved"]
    detail = client.http.get(f"/api/v2/executions/{queued['execution_id']}", headers=org.headers)
    record = strict_json(detail.body)
    assert record["status"] == "failed" and record["result"]["status"] == "error"
    assert record["credits_used"] == 0 and int(get_organization(org.id).credits) == 5


def test_engine_path_non_finite_solution_values_end_in_error_and_refund():
    """Below HTTP: record_run with a solve whose solution holds NaN ends failed and refunded."""
    org = new_org(credits=3)
    caller = Caller(organization_id=org.id, principal="key_test")
    outcome = SolveOutcome(status="optimal", objective_value=1.0, best_bound=1.0, gap=0.0, solver="test",
                           solve_time_ms=1, solution={"variables": {"x": 1.0, "y": math.nan}})
    run = PreparedRun(cost=2, spec=LinearSpec(model=TEXTBOOK, options={}), raw_input={}, label="test",
                      attributes={"kind": "solve"}, solve=lambda: outcome)
    result = executions.record_run(caller, run)
    assert result.status == "error" and result.credits_used == 0 and result.solution is None
    assert "solution.variables.y" in result.message
    strict_json(json.dumps(ok(result).body))
    assert int(get_organization(org.id).credits) == 3
    assert get_execution(org.id, result.execution_id).status == "failed"


def test_the_last_guard_never_sends_nan(caplog):
    with pytest.raises(ApiError) as raised:
        ok(SolveOutcome(status="optimal", objective_value=math.nan, solver="test", solve_time_ms=1))
    assert raised.value.status_code == 500 and raised.value.code == "internal_error"
    assert "objective_value" in caplog.text
