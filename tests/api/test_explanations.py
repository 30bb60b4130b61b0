"""Explanations as a user meets them: through HTTP, for /solve text, builder canvases (node ids,
sync and queued) and options.mip_duals. The engine-level cases are in
tests/engine/test_explain_linear.py and the templates' own tests."""
from __future__ import annotations

from chalicelib import events
from chalicelib.settings import get_settings
from tests.api.builder_helpers import node
from tests.api.helpers import call, new_org

CPLEX_LP = """\\ more demand than the two machines can make
Minimize
 cost: 2 x + 3 y
Subject To
 demand: x + y >= 10
 machine_a: x <= 3
 machine_b: y <= 4
 spare: x - y <= 100
End
"""


def test_an_infeasible_lp_file_names_its_conflicting_rows(client):
    org = new_org()
    status, result = call(client, "POST", "/api/v2/solve", org, {"lp": CPLEX_LP})
    assert status == 200 and result["status"] == "infeasible"
    explanation = result["explanation"]
    assert {c["name"] for c in explanation["conflicts"]} == {"demand", "machine_a", "machine_b"}
    assert explanation["conflict_is_minimal"] is True
    assert "demand: x + y >= 10" in [c["sentence"] for c in explanation["conflicts"]]
    assert isinstance(explanation["time_ms"], int) and explanation["time_ms"] >= 0


def test_an_lp_result_carries_duals_and_the_range_they_hold_over(client):
    org = new_org()
    model = {"variables": [{"name": "x", "upper": 10}, {"name": "y", "upper": 10}],
             "constraints": [{"name": "c", "expression": "2*x + 3*y <= 12.5"}],
             "objective": {"sense": "maximize", "expression": "3*x + 2*y"}}
    status, result = call(client, "POST", "/api/v2/solve", org, {"model": model})
    assert status == 200 and result["objective_value"] == 18.75
    sensitivity = result["explanation"]["sensitivity"]
    # x = rhs / 2 stays the optimum while 0 <= x <= 10, so the dual 1.5 holds for rhs in [0, 20].
    assert sensitivity["kind"] == "lp"
    assert sensitivity["constraints"]["c"] == {"activity": 12.5, "slack": 0.0, "binding": True,
                                               "dual_value": 1.5, "rhs_range": [0.0, 20.0]}


def test_mip_duals_are_opt_in_and_labelled(client):
    org = new_org()
    model = {"variables": [{"name": "n", "type": "integer", "upper": 10}, {"name": "y", "upper": 10}],
             "constraints": [{"name": "cap", "expression": "2*n + y <= 7.5"}],
             "objective": {"sense": "maximize", "expression": "3*n + y"}}
    _, plain = call(client, "POST", "/api/v2/solve", org, {"model": model})
    _, fixed = call(client, "POST", "/api/v2/solve", org, {"model": model, "options": {"mip_duals": True}})
    assert plain["objective_value"] == fixed["objective_value"] == 10.5  # n = 3, y = 1.5
    assert plain["explanation"]["sensitivity"]["kind"] == "slack_only"
    # With n fixed at 3, one more unit of cap buys one more unit of y: dual 1.
    assert fixed["explanation"]["sensitivity"]["kind"] == "mip_fixed"
    assert fixed["explanation"]["sensitivity"]["constraints"]["cap"]["dual_value"] == 1.0


def _infeasible_canvas() -> dict:
    return {"nodes": [
        node("var-x", "variable", name="x", upper=3),
        node("var-y", "variable", name="y", upper=4),
        node("need", "constraint", expression="x + y >= 10"),
        node("loose", "constraint", name="loose", expression="x - y <= 50"),
        node("goal", "objective", sense="minimize", expression="x + y"),
    ], "edges": []}


def test_a_builder_conflict_points_at_canvas_nodes_sync_and_queued(client):
    org = new_org()
    status, doc = call(client, "POST", "/api/v2/builder", org, {"name": "Too little", "canvas_json": _infeasible_canvas()})
    assert status == 201, doc
    expected = {("need", "need"), ("x", "var-x"), ("y", "var-y")}
    status, result = call(client, "POST", f"/api/v2/builder/{doc['id']}/execute", org, {})
    assert status == 200 and result["status"] == "infeasible"
    assert {(c["name"], c["node_id"]) for c in result["explanation"]["conflicts"]} == expected

    status, queued = call(client, "POST", f"/api/v2/builder/{doc['id']}/execute", org, {"async": True})
    assert status == 202, queued
    events.drain(get_settings().runs_queue)
    status, execution = call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org)
    assert status == 200 and execution["status"] == "succeeded", execution
    assert {(c["name"], c["node_id"]) for c in execution["result"]["explanation"]["conflicts"]} == expected


def test_explain_false_skips_the_explanation_and_keeps_the_answer(client):
    org = new_org()
    status, result = call(client, "POST", "/api/v2/solve", org, {"lp": CPLEX_LP, "options": {"explain": False}})
    assert status == 200 and result["status"] == "infeasible" and result["explanation"] is None
