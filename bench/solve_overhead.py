"""Overhead of POST /api/v2/solve and of execute over calling OR-Tools directly.

Both sides solve the same model with the same backend, in one warm process; the
API side goes through chalice's test client, auth, validation, the credit
transaction and the execution record, on moto. Reports the added milliseconds
on a trivial LP and the ratio on a ~1 s MIP (the solve is time-limited to 1 s,
so both sides spend the same solver time).
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                   "AWS_DEFAULT_REGION": "us-east-1", "JAOT_TABLE_NAME": "jaot-bench"})
os.environ.pop("AWS_ENDPOINT_URL", None)

import boto3  # noqa: E402
import botocore.handlers  # noqa: E402
from moto import mock_aws  # noqa: E402

from chalicelib.engine.generic import compile_model  # noqa: E402
from chalicelib.engine.linear_model import LinearModel  # noqa: E402
from chalicelib.engine.options import RunOptions  # noqa: E402
from tests.engine.test_generic import TEXTBOOK  # noqa: E402


STORE_SECONDS = [0.0]
_call_started: list[float] = []


def _before_call(**_):
    _call_started.append(time.perf_counter())


def _after_call(**_):
    STORE_SECONDS[0] += time.perf_counter() - _call_started.pop()


# Time spent inside DynamoDB calls (moto here, the network in production).
botocore.handlers.BUILTIN_HANDLERS += [("before-call.dynamodb", _before_call),
                                       ("after-call.dynamodb", _after_call)]


def timed_with_store(function) -> tuple[float, float]:
    """(wall seconds, seconds of it inside DynamoDB calls)."""
    STORE_SECONDS[0] = 0.0
    started = time.perf_counter()
    function()
    return time.perf_counter() - started, STORE_SECONDS[0]


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def hard_mip(n: int = 200, seed: int = 7) -> dict:
    """A multi-dimensional knapsack that SCIP does not close in 1 s."""
    rng = random.Random(seed)
    names = [f"x{i}" for i in range(n)]
    rows = []
    for r in range(5):
        weights = [rng.randint(20, 100) for _ in names]
        rows.append({"name": f"r{r}", "expression": " + ".join(f"{w}*{v}" for w, v in zip(weights, names))
                     + f" <= {sum(weights) // 2}"})
    values = [rng.randint(20, 100) for _ in names]
    return {"variables": [{"name": v, "type": "binary"} for v in names], "constraints": rows,
            "objective": {"sense": "maximize", "expression": " + ".join(f"{c}*{v}" for c, v in zip(values, names))}}


def direct(model: dict, options: RunOptions, solver: str) -> float:
    """The same model built with pywraplp by hand and solved, timed from the first OR-Tools call."""
    from ortools.linear_solver import pywraplp

    compiled = compile_model(LinearModel.model_validate(model))  # parsing only, not timed
    started = time.perf_counter()
    backend = {"auto": "GLOP" if not compiled.is_mip else "SCIP"}.get(solver, solver.upper())
    lp = pywraplp.Solver.CreateSolver(backend)
    handles = {v.name: (lp.IntVar if v.integer else lp.NumVar)(v.lower, min(v.upper, lp.infinity()), v.name)
               for v in compiled.variables}
    for row in compiled.rows:
        constraint = lp.Constraint(max(row.lower, -lp.infinity()), min(row.upper, lp.infinity()), row.name)
        for name, coefficient in row.coefficients.items():
            constraint.SetCoefficient(handles[name], coefficient)
    for name, coefficient in compiled.objective.coefficients.items():
        lp.Objective().SetCoefficient(handles[name], coefficient)
    lp.Objective().SetOptimizationDirection(compiled.maximize)
    lp.SetTimeLimit(int(options.time_limit_s * 1000))
    lp.Solve()
    [handles[v].solution_value() for v in handles]
    return time.perf_counter() - started


def main() -> None:
    with mock_aws():
        from chalice.test import Client

        from app import app
        from chalicelib.ids import catalog_id_for
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.services.organizations import create_organization
        from chalicelib.store.table import create_table
        from chalicelib.templates import get_template
        from tests.api.helpers import Org, call

        create_table(boto3.client("dynamodb"), "jaot-bench")
        publish_catalog()
        org = Org(*create_organization("Bench", 10_000_000))
        with Client(app) as client:
            def api(body: dict) -> tuple[float, float]:
                def post():
                    status, result = call(client, "POST", "/api/v2/solve", org, body)
                    assert status == 200 and result["status"] in ("optimal", "feasible"), result
                return timed_with_store(post)

            for _ in range(5):  # warm both paths
                api({"model": TEXTBOOK})
                direct(TEXTBOOK, RunOptions(), "auto")
            trivial_api, trivial_store = medians([api({"model": TEXTBOOK}) for _ in range(50)])
            trivial_direct = statistics.median(direct(TEXTBOOK, RunOptions(), "auto") for _ in range(50))

            hard = hard_mip()
            options = {"time_limit_s": 1.0}
            hard_api, _ = medians([api({"model": hard, "solver": "scip", "options": options}) for _ in range(3)])
            hard_direct = statistics.median(direct(hard, RunOptions(**options), "scip") for _ in range(3))

            _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
            template = get_template("warehouse_allocation")
            body = {"input_data": template.example_input}

            def execute() -> tuple[float, float]:
                def post():
                    status, _ = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, body)
                    assert status == 200
                return timed_with_store(post)

            def template_direct() -> float:
                started = time.perf_counter()
                template.run(template.example_input, RunOptions())
                return time.perf_counter() - started

            for _ in range(5):
                execute(), template_direct()
            execute_api, execute_store = medians([execute() for _ in range(50)])
            execute_direct = statistics.median(template_direct() for _ in range(50))

    print("Overhead over calling OR-Tools directly (medians, warm process, moto)")
    for label, api_s, store_s, direct_s in (("trivial LP  /solve ", trivial_api, trivial_store, trivial_direct),
                                            ("trivial     execute", execute_api, execute_store, execute_direct)):
        added = (api_s - direct_s) * 1000
        print(f"  {label}  : {api_s * 1000:7.2f} ms vs {direct_s * 1000:6.2f} ms direct -> +{added:.2f} ms "
              f"(target <= 30 ms), of which {store_s * 1000:.2f} ms in DynamoDB calls (moto), "
              f"{added - store_s * 1000:.2f} ms in JAOT")
    print(f"  ~1 s MIP    /solve   : {hard_api:7.3f} s  vs {hard_direct:6.3f} s  direct "
          f"-> ratio {hard_api / hard_direct:.3f}x (target <= 1.10x)")


if __name__ == "__main__":
    main()
