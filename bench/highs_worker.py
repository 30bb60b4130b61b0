"""Plain HiGHS on model files, for bench/solve_instances.py: readModel + run, timed.

Imports only highspy: highspy and ortools cannot share a process (their libhighs.so.1 clash),
so solve_instances.py runs this in a child process and reads the JSON it prints:
{"version": ..., "results": {path: {"status", "objective", "ms": [one per repeat]}}}.

    .venv/bin/python bench/highs_worker.py --repeat 3 --time-limit 10 FILE...
"""
from __future__ import annotations

import argparse
import json
import time

import highspy

STATUS = {"Optimal": "optimal", "Infeasible": "infeasible", "Unbounded": "unbounded",
          "Primal infeasible or unbounded": "infeasible_or_unbounded", "Time limit reached": "time_limit"}


def solve(path: str, time_limit_s: float) -> tuple[str, float | None, float]:
    """Status, objective (None unless optimal) and wall milliseconds of readModel + run."""
    started = time.perf_counter()
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", time_limit_s)
    highs.readModel(path)
    highs.run()
    elapsed_ms = (time.perf_counter() - started) * 1000
    status = highs.modelStatusToString(highs.getModelStatus())
    objective = highs.getInfo().objective_function_value if status == "Optimal" else None
    return STATUS.get(status, status), objective, elapsed_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    solve(args.paths[0], args.time_limit)  # warm: library start-up
    results = {}
    for path in args.paths:
        runs = [solve(path, args.time_limit) for _ in range(args.repeat)]
        status, objective, _ = runs[-1]
        results[path] = {"status": status, "objective": objective, "ms": [ms for _, _, ms in runs]}
    print(json.dumps({"version": highspy.Highs().version(), "results": results}))


if __name__ == "__main__":
    main()
