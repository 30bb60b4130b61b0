"""client.executions.compare / experiment and `jaot runs compare A B`, against the API in this
process (on moto): the SDK's HTTP goes through httpx.MockTransport into chalice's test client."""
from __future__ import annotations

import json

import httpx
import pytest

import jaot
from jaot import cli, types
from jaot.client import Client
from tests.api.builder_helpers import node
from tests.api.conftest import aws, client, dynamodb_client, s3_client, sqs_client  # noqa: F401 (fixtures)
from tests.api.helpers import new_org
from tests.api.test_compare import LP, workshop

BASE_URL = "http://jaot.test/api/v2"


def bridged(chalice_client, **settings) -> Client:
    """A real jaot.Client whose requests are served by the in-process app."""
    def serve(request: httpx.Request) -> httpx.Response:
        method = getattr(chalice_client.http, request.method.lower())
        answer = method(request.url.raw_path.decode(), headers=dict(request.headers), body=request.content)
        return httpx.Response(answer.status_code, content=answer.body, headers=answer.headers)

    sdk = Client(**{"base_url": BASE_URL, **settings})
    sdk._transport.http = httpx.Client(transport=httpx.MockTransport(serve))
    return sdk


@pytest.fixture(autouse=True)
def no_config_file(monkeypatch):
    monkeypatch.setenv("JAOT_CONFIG", "/nonexistent/jaot.toml")


@pytest.fixture
def org():
    return new_org(credits=100)


@pytest.fixture
def sdk(client, org):  # noqa: F811 (the chalice client fixture)
    with bridged(client, api_key=org.key) as connected:
        yield connected


def two_lp_runs(sdk):
    """max 3x + 2y, x + y <= cap, x <= 3: y = cap - 3, so y goes 1 -> 3 from cap 4 to cap 6."""
    return (sdk.solve(LP, parameters={"cap": 4}).execution_id, sdk.solve(LP, parameters={"cap": 6}).execution_id)


def test_compare_returns_a_typed_comparison(sdk):
    first, second = two_lp_runs(sdk)
    comparison = sdk.executions.compare(first, second)
    assert isinstance(comparison, types.Comparison)
    assert comparison.execution_ids == [first, second]
    assert (comparison.objective.a, comparison.objective.b, comparison.objective.delta) == (11.0, 15.0, 4.0)
    assert comparison.solution_changes.kind == "variables"
    assert [(c.subject, c.a, c.b) for c in comparison.solution_changes.changes] == [("y", 1.0, 3.0)]
    assert comparison.summary.startswith("Objective rose 36.4% (11 → 15).")


def test_errors_are_the_sdks_typed_errors(sdk):
    first, _ = two_lp_runs(sdk)
    with pytest.raises(jaot.BadRequest):
        sdk.executions.compare(first, first)
    with pytest.raises(jaot.NotFound):
        sdk.executions.compare(first, "exc_01kb0a1e3m6w9r2t5y8u1i4o7p")


def test_experiment_runs_two_versions(sdk):
    document = sdk.builder.create("Workshop", canvas_json=workshop())
    first = sdk.versions.checkpoint(document.id)
    sdk.builder.update(document.id, canvas_json=workshop([node("c2", "constraint", name="few_tables",
                                                               expression="tables <= 10")]))
    comparison = sdk.executions.experiment(document.id, [first.id, "current"], parameters={"wood": 120},
                                           options={"time_limit_s": 5})
    assert comparison.experiment and (comparison.objective.a, comparison.objective.b) == (1920.0, 1850.0)
    assert [run.version_id for run in (sdk.executions.get(i) for i in comparison.execution_ids)] == [first.id, None]


def test_cli_runs_compare_prints_the_summary_and_the_changes(client, org, sdk, monkeypatch, capsys):  # noqa: F811
    first, second = two_lp_runs(sdk)
    monkeypatch.setattr(jaot, "Client", lambda **settings: bridged(client, **{**settings, "base_url": BASE_URL}))
    assert cli.main(["runs", "compare", first, second, "--api-key", org.key]) == cli.OK
    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert lines[0].startswith("Objective rose 36.4% (11 → 15). 1 variable changed value.")
    assert lines[2].split() == ["VALUE", "A", "B", "DELTA", "CHANGE"]
    assert lines[3].split() == ["objective", "11", "15", "4", "+36.4%"]
    assert "solution changes (variables): 1" in printed
    assert any(line.split()[:2] == ["changed", "y:"] and line.endswith("y: 1 → 3 (+2)") for line in lines)
    assert "input changes: 1" in printed and "parameters.cap: 4 → 6" in printed

    assert cli.main(["runs", "compare", first, second, "--json", "--api-key", org.key]) == cli.OK
    answer = json.loads(capsys.readouterr().out)
    assert answer["execution_ids"] == [first, second] and answer["objective"]["delta"] == 4.0


def test_cli_runs_compare_needs_two_ids_and_maps_errors_to_exit_codes(client, org, sdk, monkeypatch,  # noqa: F811
                                                                      capsys):
    with pytest.raises(SystemExit) as usage:
        cli.main(["runs", "compare", "exc_a"])
    assert usage.value.code == 2 and "two run ids" in capsys.readouterr().err
    monkeypatch.setattr(jaot, "Client", lambda **settings: bridged(client, **{**settings, "base_url": BASE_URL}))
    first, _ = two_lp_runs(sdk)
    assert cli.main(["runs", "compare", first, "exc_01kb0a1e3m6w9r2t5y8u1i4o7p", "--api-key", org.key]) \
        == cli.NOT_FOUND
    assert cli.main(["runs", "compare", first, first, "--api-key", org.key]) == cli.REFUSED
