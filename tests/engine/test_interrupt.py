"""A cancel stops each kind of solver early, with its best solution so far."""
from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path

import pytest

from chalicelib.engine import interrupt
from chalicelib.engine.generic import compile_model, solve_model
from chalicelib.engine.linear_model import LinearModel
from chalicelib.engine.options import RunOptions
from chalicelib.templates import job_shop, tsp

DATA = Path(__file__).resolve().parents[1] / "data"
LIMIT = RunOptions(time_limit_s=30, num_workers=2)
STOP_AFTER_S = 1.0


def _run_stopped(solve):
    """Run `solve` under a signal stopped after STOP_AFTER_S; return (outcome, seconds)."""
    signal = interrupt.StopSignal()
    timer = threading.Timer(STOP_AFTER_S, signal.stop)
    started = time.perf_counter()
    timer.start()
    try:
        with interrupt.watching(signal):
            outcome = solve()
    finally:
        timer.cancel()
    return outcome, time.perf_counter() - started


def _random_tsp(n: int) -> dict:
    rng = random.Random(7)
    return {"cities": [{"name": f"c{i}", "x": rng.uniform(0, 1000), "y": rng.uniform(0, 1000)}
                       for i in range(n)], "no_improvement_restarts": 0}  # only the cancel stops it


def _market_split(m: int = 4, n: int = 30) -> LinearModel:
    """Cornuéjols-Dawande market split: tiny, and very hard for branch and bound."""
    rng = random.Random(3)
    rows = [[rng.randint(0, 99) for _ in range(n)] for _ in range(m)]
    variables = [{"name": f"x{j}", "type": "binary"} for j in range(n)]
    variables += [{"name": f"{side}{i}", "type": "integer", "lower": 0} for side in "st" for i in range(m)]
    constraints = [{"expression": " + ".join(f"{a}*x{j}" for j, a in enumerate(row)) + f" + s{i} - t{i} == {sum(row) // 2}"}
                   for i, row in enumerate(rows)]
    objective = {"expression": " + ".join(f"s{i} + t{i}" for i in range(m))}
    return LinearModel.model_validate({"variables": variables, "constraints": constraints, "objective": objective})


def test_routing_search_stops_on_cancel_with_its_best_tour():
    outcome, seconds = _run_stopped(lambda: tsp.TEMPLATE.run(_random_tsp(150), LIMIT))
    assert seconds < LIMIT.time_limit_s / 3
    assert outcome.status == "feasible" and len(outcome.solution["tour"]) >= 150
    assert outcome.solution["search"]["stopped_by"] == "cancelled"


def test_cp_sat_stops_on_cancel_with_its_best_schedule():
    instance = json.loads((DATA / "ft10.json").read_text())
    data = {"machines": [f"M{m}" for m in range(instance["num_machines"])],
            "jobs": [{"name": f"J{j}", "operations": [{"machine": m, "duration": d} for m, d in job]}
                     for j, job in enumerate(instance["jobs"])]}
    outcome, seconds = _run_stopped(lambda: job_shop.TEMPLATE.run(data, LIMIT))
    assert seconds < LIMIT.time_limit_s / 3
    assert outcome.status == "feasible" and outcome.objective_value >= 930


@pytest.mark.parametrize("solver", ["scip", "cp_sat"])
def test_mip_stops_on_cancel(solver):
    model = compile_model(_market_split())
    outcome, seconds = _run_stopped(lambda: solve_model(model, LIMIT, solver))
    assert seconds < LIMIT.time_limit_s / 3
    assert outcome.status in ("feasible", "time_limit", "optimal")


def test_without_a_signal_on_stop_does_nothing():
    calls = []
    with interrupt.on_stop(lambda: calls.append(1)):
        pass
    assert calls == [] and not interrupt.stop_requested()


def test_a_hook_added_after_the_stop_runs_at_once():
    signal = interrupt.StopSignal()
    signal.stop()
    calls = []
    with interrupt.watching(signal), interrupt.on_stop(lambda: calls.append(1)):
        assert interrupt.stop_requested()
    assert calls == [1]
