"""Overhead of OR-Tools' `remote_http_solve` through JAOT over solving the same model in process.

Starts `make run` (tests/live_server.py LocalServer) and, on a trivial LP and on a ~1 s
MIP (a random multi-dimensional knapsack, time-limited to 1 s on both sides, so both
spend the same solver time), times `mathopt.solve` in this process against
`remote_http_solve(..., endpoint=<local JAOT>)`: HTTP, the key lookup, proto JSON both
ways, the credit transaction and the execution record. Prints min and median of each
and the difference and ratio of the medians.

    .venv/bin/python bench/mathopt_overhead.py [RUNS]      (default 10 runs each)
"""
from __future__ import annotations

import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ortools.math_opt.python import mathopt  # noqa: E402
from ortools.math_opt.python.ipc.remote_http_solve import remote_http_solve  # noqa: E402

from tests.live_server import LocalServer  # noqa: E402


def trivial_lp() -> tuple[mathopt.Model, mathopt.SolverType, mathopt.SolveParameters]:
    model = mathopt.Model(name="trivial")
    x = model.add_variable(lb=0, ub=4, name="x")
    y = model.add_variable(lb=0, name="y")
    model.add_linear_constraint(x + y <= 5)
    model.maximize(2 * x + y)
    return model, mathopt.SolverType.GLOP, mathopt.SolveParameters()


def one_second_mip() -> tuple[mathopt.Model, mathopt.SolverType, mathopt.SolveParameters]:
    rng = random.Random(7)
    items, dimensions = 120, 8
    model = mathopt.Model(name="knapsack")
    picks = [model.add_binary_variable(name=f"x{i}") for i in range(items)]
    for _ in range(dimensions):
        weights = [rng.randint(10, 100) for _ in range(items)]
        model.add_linear_constraint(sum(w * p for w, p in zip(weights, picks)) <= sum(weights) // 3)
    model.maximize(sum(rng.randint(10, 100) * p for p in picks))
    return model, mathopt.SolverType.GSCIP, mathopt.SolveParameters(time_limit=datetime.timedelta(seconds=1))


def timed(function, runs: int) -> list[float]:
    function()  # warm: imports, solver start-up, connection
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with LocalServer(JAOT_MAX_TIME_LIMIT_S="30") as server:
        endpoint = f"{server.api_url}/mathopt/solve"
        print(f"remote_http_solve through JAOT (make run, {endpoint}) vs mathopt.solve in process; "
              f"{runs} runs each, ms")
        print(f"{'model':<22}{'in process min/med':>20}{'via JAOT min/med':>20}{'added ms':>10}{'ratio':>8}")
        for name, build in (("trivial LP (GLOP)", trivial_lp), ("~1 s MIP (SCIP, 1 s)", one_second_mip)):
            model, solver, params = build()
            local = timed(lambda: mathopt.solve(model, solver, params=params), runs)
            remote = timed(lambda: remote_http_solve(model, solver, params, endpoint=endpoint,
                                                     api_key=server.api_key, deadline_sec=60), runs)
            local_median, remote_median = statistics.median(local), statistics.median(remote)
            print(f"{name:<22}{min(local):>9.1f} / {local_median:<8.1f}{min(remote):>9.1f} / {remote_median:<8.1f}"
                  f"{remote_median - local_median:>10.1f}{remote_median / local_median:>8.2f}")


if __name__ == "__main__":
    main()
