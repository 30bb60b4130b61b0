"""An organization without credits, seen by each client: OR-Tools' remote_http_solve, the SDK, the CLI."""
from __future__ import annotations

import json

import pytest
from ortools.math_opt.python import mathopt
from ortools.math_opt.python.ipc.remote_http_solve import OptimizationServiceError, remote_http_solve

import jaot
from tests.api.test_mathopt import lp_model
from tests.clients.test_sdk_live import WAREHOUSE, cli
from tests.live_server import LocalServer


@pytest.fixture(scope="module")
def server():
    with LocalServer(JAOT_DEMO_CREDITS="0") as live:
        yield live


def test_remote_http_solve_gets_a_clean_service_error(server):
    model, _ = lp_model()
    with pytest.raises(OptimizationServiceError, match="status code 402: This run costs 1 credits; the balance is 0"):
        remote_http_solve(model, mathopt.SolverType.GLOP, endpoint=f"{server.api_url}/mathopt/solve",
                          api_key=server.api_key)
    assert server.request("GET", "/executions")[1]["items"] == []


def test_the_sdk_raises_insufficient_credits_and_the_cli_exits_5(server):
    with jaot.Client(api_key=server.api_key, base_url=server.api_url) as client:
        with pytest.raises(jaot.InsufficientCredits) as raised:
            client.solve({"variables": [{"name": "x", "upper": 1}]})
    assert (raised.value.status, raised.value.required, raised.value.balance) == (402, 1, 0)
    done = cli(server, "run", "warehouse_allocation", "--input", "-", stdin=json.dumps(WAREHOUSE))
    assert done.returncode == 5, done.stderr
    mps = "NAME T\nROWS\n N COST\n L CAP\nCOLUMNS\n    X COST -1.0 CAP 1.0\nRHS\n    RHS CAP 4.0\nENDATA\n"
    paid = cli(server, "solve", "-", "--format", "mps", stdin=mps)
    assert paid.returncode == 5 and "insufficient_credits" in paid.stderr
