"""POST /executions/compare through the HTTP client: two runs, or an experiment of two versions.

Every expected change is worked out by hand in the comment beside its test."""
import pytest

from chalicelib.ids import catalog_id_for
from tests.api.builder_helpers import node
from tests.api.helpers import call, new_org

COMPARE = "/api/v2/executions/compare"


def activate(client, org, template):
    status, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for(template)}/activate", org)
    assert status == 200, model
    return model["id"]


def execute(client, org, model_id, input_data, **extra):
    status, result = call(client, "POST", f"/api/v2/models/{model_id}/execute", org,
                          {"input_data": input_data, "options": {"time_limit_s": 5}, **extra})
    assert status in (200, 202), result
    return result


def compare(client, org, body):
    return call(client, "POST", COMPARE, org, body)


def knapsack(capacity):
    """Weights 5, 4, 3, 2 and values 10, 6, 5, 3. Capacity 10: {A, C, D} = 18 beats {A, B} = 16
    and {B, C, D} = 14. Capacity 9: {A, B} = 16 beats {A, C} = 15, {B, C, D} = 14, {A, D} = 13."""
    return {"resources": [{"name": "weight", "capacity": capacity}],
            "items": [{"name": name, "value": value, "weights": {"weight": weight}}
                      for name, value, weight in (("A", 10, 5), ("B", 6, 4), ("C", 5, 3), ("D", 3, 2))]}


def test_two_knapsack_runs_items_entered_and_left_and_the_objective(client):
    org = new_org(credits=100)
    model = activate(client, org, "knapsack")
    first = execute(client, org, model, knapsack(10))
    second = execute(client, org, model, knapsack(9))
    status, answer = compare(client, org, {"execution_ids": [first["execution_id"], second["execution_id"]]})
    assert status == 200, answer
    assert answer["execution_ids"] == [first["execution_id"], second["execution_id"]]
    assert answer["model_id"] == model and answer["template"] == "knapsack" and answer["experiment"] is False
    assert answer["objective"] == {"a": 18.0, "b": 16.0, "delta": -2.0, "relative_delta": pytest.approx(-2 / 18)}
    assert answer["a"]["solve_status"] == answer["b"]["solve_status"] == "optimal"
    assert {"name": "total_value", "a": 18.0, "b": 16.0, "delta": -2.0,
            "relative_delta": pytest.approx(-2 / 18)} in answer["kpis"]
    changes = answer["solution_changes"]
    assert changes["kind"] == "selection"
    assert {(c["change"], c["subject"]) for c in changes["changes"]} == {
        ("entered", "B"), ("exited", "C"), ("exited", "D")}
    assert changes["count"] == 3 and changes["truncated"] is False
    assert answer["input_changes"]["changes"] == [{
        "change": "changed", "subject": 'resources[name="weight"].capacity', "a": 10, "b": 9, "delta": -1.0,
        "description": 'resources[name="weight"].capacity: 10 → 9'}]
    assert answer["summary"].startswith("Objective fell 11.1% (18 → 16).")
    assert "1 item is now packed (B); 2 items are no longer packed (C, D)." in answer["summary"]


def cvrp(middle_x, with_east_customer=True):
    """Two depots on a line, each with its own van: East at x=10, West at x=-10. Customers E1
    at 11, W1 at -11 and M at `middle_x`. With M at 1 the East van serves it (10 -> 11 -> 1 -> 10
    drives 20, West 2: 22; giving M to West drives 24 + 2). With M at -1 it is the West van's."""
    customers = [{"name": "W1", "x": -11, "y": 0, "demand": 1}, {"name": "M", "x": middle_x, "y": 0, "demand": 1}]
    if with_east_customer:
        customers.insert(0, {"name": "E1", "x": 11, "y": 0, "demand": 1})
    return {"depots": [{"name": "East", "x": 10, "y": 0}, {"name": "West", "x": -10, "y": 0}],
            "vehicles": [{"name": "East van", "capacity": 5, "start_depot": "East"},
                         {"name": "West van", "capacity": 5, "start_depot": "West"}],
            "customers": customers}


def test_two_cvrp_runs_a_stop_moves_between_vehicles_and_a_vehicle_goes_unused(client):
    org = new_org(credits=100)
    model = activate(client, org, "cvrp")
    east = execute(client, org, model, cvrp(1))
    west = execute(client, org, model, cvrp(-1))
    alone = execute(client, org, model, cvrp(-1, with_east_customer=False))  # West: 1 + 10 + 9 = 20
    assert [r["vehicle"] for r in east["solution"]["routes"] if "M" in r["customers"]] == ["East van"]

    status, answer = compare(client, org, {"execution_ids": [east["execution_id"], west["execution_id"]]})
    assert status == 200, answer
    changes = answer["solution_changes"]
    assert changes["kind"] == "routes"
    assert [(c["change"], c["subject"], c["a"], c["b"]) for c in changes["changes"]] == [
        ("moved", "M", "East van", "West van")]
    assert changes["changes"][0]["description"] == "stop M moved from vehicle East van to vehicle West van"
    assert answer["objective"]["delta"] == pytest.approx(0, abs=1e-6)  # 22 both ways, mirrored
    assert {k["name"]: k["b"] for k in answer["kpis"]}["vehicles_used"] == 2

    status, answer = compare(client, org, {"execution_ids": [east["execution_id"], alone["execution_id"]]})
    assert status == 200, answer
    found = {(c["change"], c["subject"]) for c in answer["solution_changes"]["changes"]}
    assert found == {("vehicle_removed", "East van"), ("moved", "M"), ("removed", "E1")}
    assert answer["summary"].startswith("Objective fell 9.09% (22 → 20). Vehicle East van is no longer used; "
                                        "1 stop moved between vehicles; 1 stop is no longer in the plan.")
    assert {k["name"]: (k["a"], k["b"]) for k in answer["kpis"]}["vehicles_used"] == (2.0, 1.0)
    assert ("removed", 'customers[name="E1"]') in {(c["change"], c["subject"])
                                                   for c in answer["input_changes"]["changes"]}


LP = {"variables": [{"name": "x"}, {"name": "y"}],
      "parameters": {"cap": 4},
      "constraints": [{"name": "total", "expression": "x + y <= cap"}, {"name": "x_max", "expression": "x <= 3"}],
      "objective": {"sense": "maximize", "expression": "3*x + 2*y"}}


def test_two_solve_runs_of_an_lp_list_the_variables_that_changed(client):
    """max 3x + 2y, x + y <= cap, x <= 3: x = 3 and y = cap - 3. cap 4 -> 11, cap 6 -> 15."""
    org = new_org(credits=100)
    _, four = call(client, "POST", "/api/v2/solve", org, {"model": LP, "parameters": {"cap": 4}})
    _, six = call(client, "POST", "/api/v2/solve", org, {"model": LP, "parameters": {"cap": 6}})
    status, answer = compare(client, org, {"execution_ids": [four["execution_id"], six["execution_id"]]})
    assert status == 200, answer
    assert answer["objective"]["a"] == 11.0 and answer["objective"]["b"] == 15.0
    changes = answer["solution_changes"]
    assert changes["kind"] == "variables"
    assert [(c["subject"], c["a"], c["b"], c["delta"]) for c in changes["changes"]] == [("y", 1.0, 3.0, 2.0)]
    assert changes["changes"][0]["description"] == "y: 1 → 3 (+2)"
    assert [(c["subject"], c["a"], c["b"]) for c in answer["input_changes"]["changes"]] == [("parameters.cap", 4, 6)]


def workshop(extra_nodes=()):
    """max 30 chairs + 80 tables, 2 chairs + 5 tables <= wood (120), integers: 24 tables = 1920
    (80/5 = 16 per unit of wood beats 30/2 = 15). With tables <= 10: 10 tables use 50 wood,
    35 chairs the other 70: 1850 (9 tables and 37 chairs make 1830)."""
    return {"nodes": [node("v1", "variable", name="chairs", type="integer"),
                      node("v2", "variable", name="tables", type="integer"),
                      node("p1", "parameter", name="wood", value=120),
                      node("c1", "constraint", name="wood", expression="2*chairs + 5*tables <= wood"),
                      node("o1", "objective", sense="maximize", expression="30*chairs + 80*tables"),
                      *extra_nodes], "edges": []}


def test_an_experiment_runs_two_versions_records_both_and_diffs_them(client):
    org = new_org(credits=100)
    _, document = call(client, "POST", "/api/v2/builder", org, {"name": "Workshop", "canvas_json": workshop()})
    _, first = call(client, "POST", f"/api/v2/builder/{document['id']}/versions", org,
                    {"canvas_json": workshop()})
    limited = workshop([node("c2", "constraint", name="few_tables", expression="tables <= 10")])
    call(client, "PUT", f"/api/v2/builder/{document['id']}", org, {"canvas_json": limited})

    status, answer = compare(client, org, {"document_id": document["id"], "version_ids": [first["id"], "current"],
                                           "parameters": {"wood": 120}, "options": {"time_limit_s": 5}})
    assert status == 200, answer
    assert answer["experiment"] is True and answer["document_id"] == document["id"]
    assert (answer["objective"]["a"], answer["objective"]["b"]) == (1920.0, 1850.0)
    assert [(c["subject"], c["a"], c["b"], c["delta"]) for c in answer["solution_changes"]["changes"]] == [
        ("chairs", 0, 35, 35.0), ("tables", 24, 10, -14.0)]  # sorted by |delta|
    assert answer["a"]["version_id"] == first["id"] and answer["b"]["version_id"] is None
    assert [(c["change"], c["subject"]) for c in answer["input_changes"]["changes"]] == [("removed", "version_id")]

    for execution_id, version_id in zip(answer["execution_ids"], (first["id"], None)):
        status, run = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
        assert status == 200 and run["status"] == "succeeded" and run["kind"] == "builder"
        assert run["document_id"] == document["id"] and run["version_id"] == version_id
        assert run["credits_used"] == 2  # integer variables: a MIP
    _, organization = call(client, "GET", "/api/v2/organization", org)
    assert organization["credits"] == 96


def test_an_experiment_that_cannot_run_both_versions_charges_nothing(client):
    org = new_org(credits=3)
    _, document = call(client, "POST", "/api/v2/builder", org, {"name": "Workshop", "canvas_json": workshop()})
    _, first = call(client, "POST", f"/api/v2/builder/{document['id']}/versions", org, {"canvas_json": workshop()})
    body = {"document_id": document["id"], "version_ids": [first["id"], "current"]}
    status, error = compare(client, org, body)
    assert status == 402 and error["details"] == {"required": 4, "balance": 3}
    status, error = compare(client, org, {**body, "version_ids": [first["id"], "ver_1_aaaaaaaaaaaa"]})
    assert status == 404 and error["message"].startswith("version_ids[1]")
    status, error = compare(client, org, {**body, "parameters": {"oak": 3}})
    assert status == 400 and error["message"].startswith("version_ids[0]")
    status, error = compare(client, org, {**body, "version_ids": ["current", "current"]})
    assert status == 400
    _, runs = call(client, "GET", "/api/v2/executions", org)
    assert runs["items"] == []
    _, organization = call(client, "GET", "/api/v2/organization", org)
    assert organization["credits"] == 3


def test_another_organizations_run_is_not_found(client):
    mine, theirs = new_org(credits=100), new_org(credits=100, name="Other")
    model = activate(client, mine, "knapsack")
    a = execute(client, mine, model, knapsack(10))["execution_id"]
    b = execute(client, mine, model, knapsack(9))["execution_id"]
    status, error = compare(client, theirs, {"execution_ids": [a, b]})
    assert status == 404 and error["error"] == "not_found"
    other = execute(client, theirs, activate(client, theirs, "knapsack"), knapsack(9))["execution_id"]
    status, error = compare(client, mine, {"execution_ids": [a, other]})
    assert status == 404 and error["message"].startswith("Run B")


def test_runs_of_different_models_are_a_400(client):
    org = new_org(credits=100)
    bag = execute(client, org, activate(client, org, "knapsack"), knapsack(10))["execution_id"]
    _, lp = call(client, "POST", "/api/v2/solve", org, {"model": LP})
    status, error = compare(client, org, {"execution_ids": [bag, lp["execution_id"]]})
    assert status == 400 and "same model" in error["message"]
    assert "knapsack" in error["message"] and "POST /solve" in error["message"]


def test_a_queued_run_is_a_409(client):
    org = new_org(credits=100)
    _, done = call(client, "POST", "/api/v2/solve", org, {"model": LP})
    _, queued = call(client, "POST", "/api/v2/solve", org, {"model": LP, "async": True})
    assert queued["status"] == "queued"
    status, error = compare(client, org, {"execution_ids": [done["execution_id"], queued["execution_id"]]})
    assert status == 409 and error["details"] == {"execution_id": queued["execution_id"], "status": "queued"}
    assert "still queued" in error["message"]


@pytest.mark.parametrize("body, expected", [
    ({"execution_ids": ["exc_01kb0a1e3m6w9r2t5y8u1i4o7p"] * 2}, 400),             # the same run twice
    ({"execution_ids": ["exc_a", "exc_b", "exc_c"]}, 400),                         # three runs
    ({"execution_ids": ["exc_a"]}, 400),
    ({"execution_ids": ["exc_a", 7]}, 400),
    ({"execution_ids": ["exc_a", "exc_b"], "parameters": {"x": 1}}, 400),         # experiment fields
    ({"execution_ids": ["exc_a", "exc_b"], "document_id": "doc_x"}, 400),         # both forms
    ({}, 400),
    ({"document_id": "doc_x"}, 400),
    ({"execution_ids": ["../../etc", "exc_b"]}, 404),                              # not an id: nothing read
    ({"execution_ids": ["mdl_abc", "exc_b"]}, 404),
    ({"execution_ids": ["exc_" + "a" * 200, "exc_b"]}, 404),
    ({"document_id": "doc_missing", "version_ids": ["current", "ver_1_aaaaaaaaaaaa"]}, 404),
])
def test_hostile_bodies_are_clean_4xx(client, body, expected):
    org = new_org()
    status, error = compare(client, org, body)
    assert status == expected, error
    assert set(error) == {"error", "message", "details"}


def test_an_idempotent_replay_does_not_run_an_experiment_twice(client):
    org = new_org(credits=100)
    _, document = call(client, "POST", "/api/v2/builder", org, {"name": "Workshop", "canvas_json": workshop()})
    _, first = call(client, "POST", f"/api/v2/builder/{document['id']}/versions", org, {"canvas_json": workshop()})
    body = {"document_id": document["id"], "version_ids": [first["id"], "current"], "parameters": {"wood": 60}}
    key = {"Idempotency-Key": "experiment-1"}
    status, answer = call(client, "POST", COMPARE, org, body, headers=key)
    again_status, again = call(client, "POST", COMPARE, org, body, headers=key)
    assert status == again_status == 200 and again["execution_ids"] == answer["execution_ids"]
    assert answer["objective"]["a"] == answer["objective"]["b"] == 960.0
    assert answer["summary"].startswith("Objective unchanged (960).")
    _, organization = call(client, "GET", "/api/v2/organization", org)
    assert organization["credits"] == 96


def test_a_comparison_costs_a_few_key_lookups_whatever_the_history(client):
    """No query or scan: two GetItems for the runs (plus what authentication reads), however many
    runs the organization holds."""
    from chalicelib.store.items import TableItem

    org = new_org(credits=100)
    runs = [call(client, "POST", "/api/v2/solve", org, {"model": LP, "parameters": {"cap": cap}})[1]["execution_id"]
            for cap in range(4, 12)]
    operations: list[str] = []
    events = TableItem._get_connection().connection.client.meta.events

    def record(params, model, **_):
        operations.append(model.name)

    events.register("before-call.dynamodb", record)
    try:
        status, answer = compare(client, org, {"execution_ids": [runs[0], runs[-1]]})
    finally:
        events.unregister("before-call.dynamodb", record)
    assert status == 200, answer
    assert set(operations) <= {"GetItem", "UpdateItem"} and operations.count("GetItem") <= 4, operations
    assert answer["objective"] == {"a": 11.0, "b": 25.0, "delta": 14.0, "relative_delta": pytest.approx(14 / 11)}


def test_a_run_without_a_solution_is_compared_and_named(client):
    """cap -1 makes x + y <= -1 infeasible with x, y >= 0."""
    org = new_org(credits=100)
    _, solved = call(client, "POST", "/api/v2/solve", org, {"model": LP})
    _, infeasible = call(client, "POST", "/api/v2/solve", org, {"model": LP, "parameters": {"cap": -1}})
    assert infeasible["status"] == "infeasible"
    status, answer = compare(client, org, {"execution_ids": [solved["execution_id"], infeasible["execution_id"]]})
    assert status == 200, answer
    assert answer["objective"] == {"a": 11.0, "b": None, "delta": None, "relative_delta": None}
    assert answer["b"]["solve_status"] == "infeasible" and answer["solution_changes"]["count"] == 0
    assert answer["summary"].startswith("No objective to compare: run B has none (infeasible). Status changed "
                                        "from optimal to infeasible. Run B has no solution (infeasible)")


def test_an_experiment_cut_short_by_a_concurrent_spend_names_the_run_it_made(client, monkeypatch):
    """The balance is checked before the runs, not reserved: if it is spent in between, the
    second run's 402 says which run already happened."""
    from chalicelib.services import builder_runs

    org = new_org(credits=100)
    _, document = call(client, "POST", "/api/v2/builder", org, {"name": "Workshop", "canvas_json": workshop()})
    _, first = call(client, "POST", f"/api/v2/builder/{document['id']}/versions", org, {"canvas_json": workshop()})
    real = builder_runs.execute_document

    def spend_everything_after_the_first(*args, **kwargs):
        result = real(*args, **kwargs)
        from chalicelib.store.items import OrganizationItem
        from chalicelib.store import keys
        OrganizationItem(keys.org_pk(org.id), keys.ORG_META).update(actions=[OrganizationItem.credits.set(0)])
        return result

    monkeypatch.setattr(builder_runs, "execute_document", spend_everything_after_the_first)
    status, error = compare(client, org, {"document_id": document["id"], "version_ids": [first["id"], "current"]})
    assert status == 402 and "Run A of this experiment (exc_" in error["message"]
