"""The SDK and the `jaot` CLI against `make run` over real HTTP (one server for the module)."""
from __future__ import annotations

import json
import subprocess
import time

import pytest

import jaot
from chalicelib.templates import get_template
from tests.clients.sdk_install import sdk_environment
from tests.live_server import LocalServer
from tests.local.conftest import checkpoint_canvas, tsp_input

WAREHOUSE = get_template("warehouse_allocation").example_input


@pytest.fixture(scope="module")
def server():
    with LocalServer(JAOT_DEMO_CREDITS="100000", JAOT_MAX_TIME_LIMIT_S="30") as live:
        yield live


@pytest.fixture(scope="module")
def client(server):
    with jaot.Client(api_key=server.api_key, base_url=server.base_url) as sdk:
        yield sdk


def cli(server, *args: str, key: str | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = sdk_environment()
    env.update({"JAOT_API_KEY": key if key is not None else server.api_key, "JAOT_BASE_URL": server.api_url,
                "NO_PROXY": "127.0.0.1,localhost", "JAOT_CONFIG": "/nonexistent/jaot.toml"})
    return subprocess.run(["jaot", *args], env=env, capture_output=True, text=True, timeout=120, input=stdin)


def test_catalog_activate_schema_execute_and_balance(client):
    entry = client.catalog.find("warehouse_allocation")
    assert entry.credits_per_execution == 3
    names = [item.name for item in client.catalog.iter()]
    assert len(names) == client.catalog.list(page_size=1).total and "tsp" in names  # every page
    model = client.catalog.activate(entry.id)
    assert client.models.activate(entry.id).id == model.id  # the same exe_ every time
    schema = client.models.schema(model.id)
    assert schema.input_schema["required"] == ["warehouses", "products"]
    before = client.organization.get().credits
    result = client.models.execute(model.id, schema.example_input, options={"time_limit_s": 5})
    assert isinstance(result, jaot.types.OptimizationResult)
    assert result.status == "optimal" and result.objective_value == pytest.approx(WAREHOUSE_OPTIMUM)
    assert client.organization.get().credits == before - 3
    assert client.models.get(model.id).name == "warehouse_allocation"
    assert model.id in [m.id for m in client.models.iter()]


WAREHOUSE_OPTIMUM = None  # set from a direct solve of the template below


@pytest.fixture(scope="module", autouse=True)
def _warehouse_optimum():
    global WAREHOUSE_OPTIMUM
    from chalicelib.engine.options import RunOptions
    template = get_template("warehouse_allocation")
    WAREHOUSE_OPTIMUM = template.solve(template.input_model.model_validate(WAREHOUSE), RunOptions()).objective_value


def test_solve_a_model_built_from_python_expressions(client):
    """max 5a + 4b + 3c  s.t.  2a + 3b + c <= 5,  4a + b + 2c <= 11,  3a + 4b + 2c <= 8: 13 at (2, 0, 1)."""
    m = jaot.Model()
    a, b, c = (m.var(name, lb=0, integer=True) for name in "abc")
    m.add(2 * a + 3 * b + c <= 5, name="r1")
    m.add(4 * a + b + 2 * c <= 11, name="r2")
    m.add(3 * a + 4 * b + 2 * c <= 8, name="r3")
    m.maximize(5 * a + 4 * b + 3 * c)
    result = client.solve(m)
    assert result.status == "optimal" and result.objective_value == pytest.approx(13)
    assert result.variables == {"a": pytest.approx(2), "b": pytest.approx(0), "c": pytest.approx(1)}
    assert result.credits_used == 2
    lp = client.solve(mps=MPS)
    assert lp.status == "optimal" and lp.objective_value == pytest.approx(-8)


MPS = """NAME          TINY
ROWS
 N  COST
 L  CAP
COLUMNS
    X         COST      -2.0         CAP       1.0
RHS
    RHS       CAP       4.0
ENDATA
"""


def test_errors_are_typed_with_status_code_message_and_fields(client, server):
    with pytest.raises(jaot.NotFound) as raised:
        client.models.get("exe_missing")
    assert raised.value.status == 404 and raised.value.code == "not_found"
    with pytest.raises(jaot.BadRequest) as raised:
        client.solve({"variables": [{"name": "x"}]},
                     options={"time_limit_s": 1000})
    assert any(problem.field == "options.time_limit_s" for problem in raised.value.field_errors)
    with jaot.Client(api_key="ok_live_" + "x" * 43, base_url=server.api_url) as stranger:
        with pytest.raises(jaot.AuthenticationError) as raised:
            stranger.organization.get()
    assert raised.value.status == 401
    with jaot.Client(api_key=server.api_key, base_url="http://127.0.0.1:9", max_retries=1) as nowhere:
        with pytest.raises(jaot.ConnectionFailed):
            nowhere.organization.get()


def test_async_run_waits_with_progress_and_times_out_cleanly(client):
    model = client.catalog.activate(client.catalog.find("tsp").id)
    run = client.models.execute(model.id, tsp_input(12), options={"time_limit_s": 2}, run_async=True)
    assert isinstance(run, jaot.Run) and run.execution_id.startswith("exc_")
    seen = []
    execution = run.wait(timeout=60, on_progress=lambda e: seen.append(e.status))
    assert execution.status == "succeeded" and run.result.status in ("optimal", "feasible")
    assert seen[-1] == "succeeded"
    slow = client.models.execute(model.id, tsp_input(52), options={"time_limit_s": 20}, run_async=True)
    with pytest.raises(jaot.WaitTimeout) as raised:
        slow.wait(timeout=0.3)
    assert raised.value.execution.status in ("queued", "running")
    canceled = slow.cancel()
    assert canceled.cancel_requested or canceled.status == "canceled"
    assert slow.wait(timeout=60).status == "canceled"


def test_executions_paginate_with_the_cursor(client):
    for value in range(3):
        client.solve({"variables": [{"name": "x", "upper": value + 1}],
                      "objective": {"sense": "maximize", "expression": "x"}})
    first = client.executions.list(limit=2)
    assert len(first.items) == 2 and first.has_more
    every = [run.execution_id for run in client.executions.iter(limit=2)]
    assert len(every) == len(set(every)) >= 3 and every[:2] == [run.execution_id for run in first.items]


def test_builder_versions_promote_restore_and_execute(client):
    document = client.builder.create("sdk-doc", canvas_json=checkpoint_canvas(5))
    first = client.versions.checkpoint(document.id)
    client.builder.update(document.id, canvas_json=checkpoint_canvas(9))
    second = client.versions.checkpoint(document.id)
    assert [v.sequence for v in client.versions.iter(document.id, limit=1)] == [second.sequence, first.sequence]
    assert client.versions.promote(document.id, first.id, "five").is_named
    restored = client.versions.restore(document.id, first.id)
    assert restored.document.canvas_json["nodes"][1]["data"]["value"] == 5
    assert client.builder.compile(document.id).valid
    result = client.builder.execute(document.id)
    assert result.status == "optimal" and result.objective_value == pytest.approx(5)
    assert document.id in [d.id for d in client.builder.iter()]
    assert client.builder.delete(document.id).status == "deactivated"


def test_api_keys_and_a_webhook_trigger_fired_with_its_secret(client, server):
    created = client.api_keys.create("sdk")
    with jaot.Client(api_key=created.key, base_url=server.api_url) as other:
        assert other.organization.get().id == client.organization.get().id
    client.api_keys.revoke(created.id)
    assert created.id in [key.id for key in client.api_keys.list().items]
    model = client.catalog.activate(client.catalog.find("warehouse_allocation").id)
    trigger = client.triggers.create("sdk-hook", "webhook", model_id=model.id, input_from_event=True,
                                     options={"time_limit_s": 5})
    assert trigger.secret.startswith("whsec_") and client.triggers.get(trigger.id).type == "webhook"
    run = client.triggers.fire(trigger.id, WAREHOUSE, trigger.secret)
    assert run.wait(timeout=60).status == "succeeded" and run.result.objective_value == pytest.approx(WAREHOUSE_OPTIMUM)
    with pytest.raises(jaot.AuthenticationError):
        client.triggers.fire(trigger.id, WAREHOUSE, "whsec_wrong")
    assert client.triggers.update(trigger.id, is_enabled=False).is_enabled is False
    assert trigger.id in [t.id for t in client.triggers.iter(type="webhook")]
    assert client.triggers.delete(trigger.id).status == "deleted"


def test_mathopt_raw_request_and_health(client):
    assert client.health().status == "ok" and client.openapi()["openapi"].startswith("3.1")
    body = {"solverType": "SOLVER_TYPE_GLOP", "model": {
        "variables": {"ids": ["0"], "lowerBounds": [0.0], "upperBounds": [4.0], "integers": [False]},
        "objective": {"maximize": True, "linearCoefficients": {"ids": ["0"], "values": [2.0]}}}}
    answer = client.mathopt.solve(body)
    assert answer.result["termination"]["reason"] == "TERMINATION_REASON_OPTIMAL"
    assert answer.result["solutions"][0]["primalSolution"]["objectiveValue"] == pytest.approx(8)


# ---- the CLI, as installed ---------------------------------------------------------------

def test_cli_catalog_models_and_run_with_json_output(server, tmp_path):
    listed = cli(server, "catalog", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "warehouse_allocation" in [item["name"] for item in json.loads(listed.stdout)]
    table = cli(server, "catalog", "--category", "logistics")
    assert table.returncode == 0 and table.stdout.splitlines()[0].split()[:2] == ["ID", "NAME"]
    activated = json.loads(cli(server, "models", "activate", "warehouse_allocation", "--json").stdout)
    schema = cli(server, "models", "schema", activated["id"], "--json")
    assert json.loads(schema.stdout)["input_schema"]["required"] == ["warehouses", "products"]
    assert activated["id"] in cli(server, "models", "list").stdout
    data = tmp_path / "data.json"
    data.write_text(json.dumps(WAREHOUSE))
    done = cli(server, "run", "warehouse_allocation", "--input", str(data), "--json", "--time-limit", "5")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "optimal" and result["objective_value"] == pytest.approx(WAREHOUSE_OPTIMUM)
    waited = cli(server, "run", activated["id"], "--input", "-", "--wait", "--timeout", "60", stdin=json.dumps(WAREHOUSE))
    assert waited.returncode == 0, waited.stderr
    assert "succeeded" in waited.stderr and "objective_value" in waited.stdout  # progress on stderr, table out
    runs = json.loads(cli(server, "runs", "list", "--limit", "2", "--json").stdout)
    assert len(runs) == 2
    shown = json.loads(cli(server, "runs", "show", runs[0]["execution_id"], "--json").stdout)
    assert shown["execution_id"] == runs[0]["execution_id"] and shown["result"]["status"] == "optimal"


def test_cli_solve_files_and_exit_codes(server, tmp_path):
    mps = tmp_path / "tiny.mps"
    mps.write_text(MPS)
    solved = cli(server, "solve", str(mps), "--json")
    assert solved.returncode == 0 and json.loads(solved.stdout)["objective_value"] == pytest.approx(-8)
    infeasible = tmp_path / "infeasible.json"
    infeasible.write_text(json.dumps({"variables": [{"name": "x", "upper": 1}],
                                      "constraints": [{"expression": "x >= 2"}]}))
    assert cli(server, "solve", str(infeasible)).returncode == 6
    assert cli(server, "runs", "show", "exc_missing").returncode == 3
    assert cli(server, "org", key="ok_live_" + "x" * 43).returncode == 4
    assert cli(server, "org", key="").returncode == 4
    bad = cli(server, "solve", str(mps), "--time-limit", "1000", "--json")
    assert bad.returncode == 8 and json.loads(bad.stderr)["details"][0]["field"] == "options.time_limit_s"
    assert cli(server, "solve", str(tmp_path / "none.mps")).returncode == 2
    assert cli(server, "runs", "frobnicate").returncode == 2
    model_id = json.loads(cli(server, "models", "activate", "tsp", "--json").stdout)["id"]
    data = tmp_path / "tsp.json"
    data.write_text(json.dumps(tsp_input(52)))
    queued = cli(server, "run", model_id, "--input", str(data), "--async", "--time-limit", "20", "--json")
    run_id = json.loads(queued.stdout)["execution_id"]
    started = time.monotonic()
    watched = cli(server, "runs", "watch", run_id, "--timeout", "0.5")
    assert watched.returncode == 7 and time.monotonic() - started < 30
    assert cli(server, "runs", "cancel", run_id).returncode == 0


def test_cli_versions_and_triggers(server, client, tmp_path):
    document = client.builder.create("cli-doc", canvas_json=checkpoint_canvas(3))
    version = json.loads(cli(server, "versions", "checkpoint", document.id, "--json").stdout)
    listed = json.loads(cli(server, "versions", "list", document.id, "--json").stdout)
    assert [v["id"] for v in listed] == [version["id"]]
    promoted = cli(server, "versions", "promote", document.id, version["id"], "--name", "first", "--json")
    assert json.loads(promoted.stdout)["version_name"] == "first"
    assert cli(server, "versions", "restore", document.id, version["id"]).returncode == 0
    assert cli(server, "versions", "promote", document.id, version["id"]).returncode == 2  # --name missing
    parameters = tmp_path / "input.json"
    parameters.write_text("{}")
    made = cli(server, "triggers", "create", "--name", "nightly", "--type", "schedule", "--document", document.id,
               "--version", version["id"], "--schedule", "rate(1 day)", "--input", str(parameters), "--json")
    assert made.returncode == 0, made.stderr
    created = json.loads(made.stdout)
    assert created["secret"].startswith("whsec_")
    assert created["id"] in cli(server, "triggers", "list").stdout
    assert json.loads(cli(server, "triggers", "disable", created["id"], "--json").stdout)["is_enabled"] is False
    assert cli(server, "triggers", "delete", created["id"]).returncode == 0
    assert cli(server, "triggers", "show", created["id"]).returncode == 3
