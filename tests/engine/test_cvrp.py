"""CVRP template: plans against brute force and CVRPLIB A-n32-k5; infeasibility; input validation."""
from __future__ import annotations

import functools
import itertools
import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import cvrp

DATA = Path(__file__).resolve().parents[1] / "data"
QUICK = RunOptions(time_limit_s=1)
PROVE = RunOptions(time_limit_s=20)
"""Small instances return as soon as the exact model proves them: the limit is only a margin for a busy machine."""


def brute_force(dist: list[list[float]], demands: list[int], capacities: list[int],
                fixed_costs: list[float] | None = None) -> float:
    """Cheapest plan: every split of customers among vehicles, each route in its best order."""
    fixed_costs = fixed_costs or [0.0] * len(capacities)
    customers = range(1, len(dist))

    @functools.lru_cache(maxsize=None)
    def route_cost(members: frozenset) -> float:
        if not members:
            return 0.0
        return min(sum(dist[a][b] for a, b in zip((0, *order), (*order, 0)))
                   for order in itertools.permutations(members))

    best = math.inf
    for owner in itertools.product(range(len(capacities)), repeat=len(customers)):
        groups = [frozenset(c for c, v in zip(customers, owner) if v == k) for k in range(len(capacities))]
        if any(sum(demands[c] for c in g) > cap for g, cap in zip(groups, capacities)):
            continue
        best = min(best, sum(route_cost(g) + (fixed_costs[k] if g else 0.0) for k, g in enumerate(groups)))
    return best


def random_instance(seed: int, n: int = 6, vehicles: int = 3, capacity: int = 15) -> dict:
    rng = random.Random(seed)
    return {
        "depot": {"name": "Depot", "x": 50, "y": 50},
        "customers": [{"name": f"C{i}", "x": rng.randint(0, 100), "y": rng.randint(0, 100),
                       "demand": rng.randint(1, 9)} for i in range(1, n + 1)],
        "vehicles": [{"name": f"V{k}", "capacity": capacity} for k in range(vehicles)],
    }


def coordinates_matrix(data: dict, rounded: bool = False) -> list[list[float]]:
    points = [data["depot"], *data["customers"]]
    d = [[math.hypot(a["x"] - b["x"], a["y"] - b["y"]) for b in points] for a in points]
    return [[int(v + 0.5) for v in row] for row in d] if rounded else d


def assert_valid_plan(data: dict, solution: dict, dist: list[list[float]]) -> None:
    names = [data["depot"]["name"]] + [c["name"] for c in data["customers"]]
    index = {name: i for i, name in enumerate(names)}
    demand = {c["name"]: c["demand"] for c in data["customers"]}
    capacity = {v["name"]: v["capacity"] for v in data["vehicles"]}
    served = [c for route in solution["routes"] for c in route["customers"]]
    assert sorted(served) == sorted(demand)
    total = 0.0
    for route in solution["routes"]:
        path = [stop["location"] for stop in route["stops"]]
        assert path[0] == path[-1] == data["depot"]["name"] and path[1:-1] == route["customers"]
        assert route["load"] == sum(demand[c] for c in route["customers"]) <= capacity[route["vehicle"]]
        length = sum(dist[index[a]][index[b]] for a, b in zip(path, path[1:]))
        assert route["distance"] == pytest.approx(length, abs=1e-6)
        total += length
    assert solution["total_distance"] == pytest.approx(total, abs=1e-6)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_small_random_instances_match_brute_force(seed):
    data = random_instance(seed)
    dist = coordinates_matrix(data)
    out = cvrp.TEMPLATE.run(data, PROVE)
    demands = [0] + [c["demand"] for c in data["customers"]]
    expected = brute_force(dist, demands, [15, 15, 15])
    if expected == math.inf:  # seed 3: demands 9, 8, 8, 8, ... do not fit three vehicles of 15
        assert out.status == "infeasible" and out.solution is None
        return
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    assert_valid_plan(data, out.solution, dist)


def test_matrix_input_with_fixed_costs_and_mixed_fleet_matches_brute_force():
    rng = random.Random(5)
    n = 6
    dist = [[0 if i == j else rng.randint(5, 60) for j in range(n + 1)] for i in range(n + 1)]
    data = {
        "depot": {"name": "Hub"},
        "customers": [{"name": f"Shop {i}", "demand": rng.randint(2, 8)} for i in range(1, n + 1)],
        "vehicles": [{"name": "Truck", "capacity": 30, "fixed_cost": 40},
                     {"name": "Van", "capacity": 12, "fixed_cost": 10.5},
                     {"name": "Bike", "capacity": 6}],
        "distance_matrix": dist,
    }
    out = cvrp.TEMPLATE.run(data, QUICK)
    demands = [0] + [c["demand"] for c in data["customers"]]
    expected = brute_force(dist, demands, [30, 12, 6], [40, 10.5, 0])
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    assert out.solution["total_cost"] == pytest.approx(out.solution["total_distance"]
                                                       + out.solution["total_fixed_cost"])
    assert_valid_plan(data, out.solution, dist)


def test_a_n32_k5_reaches_published_optimum():
    instance = json.loads((DATA / "A-n32-k5.json").read_text())
    xy, demands = instance["coordinates"], instance["demands"]
    data = {
        "depot": {"name": "1", "x": xy[0][0], "y": xy[0][1]},
        "customers": [{"name": str(i + 1), "x": xy[i][0], "y": xy[i][1], "demand": demands[i]}
                      for i in range(1, len(xy))],
        "vehicles": [{"name": f"Truck {k + 1}", "capacity": instance["capacity"]}
                     for k in range(instance["vehicles"])],
        "metric": "euc_2d",
    }
    out = cvrp.TEMPLATE.run(data, RunOptions(time_limit_s=5))
    assert out.status == "feasible"
    assert out.objective_value == instance["optimum"] == 784
    assert_valid_plan(data, out.solution, coordinates_matrix(data, rounded=True))


def test_a_n32_k5_data_reproduces_the_published_optimal_routes():
    instance = json.loads((DATA / "A-n32-k5.json").read_text())
    xy, demands = instance["coordinates"], instance["demands"]
    cost = 0
    for route in instance["optimal_routes"]:
        assert sum(demands[c] for c in route) <= instance["capacity"]
        path = [0, *route, 0]
        cost += sum(int(math.dist(xy[a], xy[b]) + 0.5) for a, b in zip(path, path[1:]))
    assert cost == instance["optimum"]


def test_demands_that_cannot_be_split_among_vehicles_are_infeasible():
    data = {"depot": {"x": 0, "y": 0},
            "customers": [{"name": n, "x": 1, "y": 1, "demand": 6} for n in ("A", "B", "C")],
            "vehicles": [{"name": "V1", "capacity": 10}, {"name": "V2", "capacity": 10}]}
    out = cvrp.TEMPLATE.run(data, QUICK)
    assert out.status == "infeasible"
    assert "cannot be split" in out.message
    assert out.solution is None and out.objective_value is None


def test_example_input_solves():
    out = cvrp.TEMPLATE.run(cvrp.TEMPLATE.example_input, QUICK)
    assert out.status in ("optimal", "feasible")
    data = cvrp.TEMPLATE.example_input
    assert_valid_plan(data, out.solution, coordinates_matrix(data))
    assert out.solution["vehicles_used"] + len(out.solution["unused_vehicles"]) == len(data["vehicles"])
    assert cvrp.TEMPLATE.credits_per_execution == 8 and cvrp.TEMPLATE.category == "logistics"


def _base(**changes) -> dict:
    data = {"depot": {"x": 0, "y": 0},
            "customers": [{"name": "A", "x": 1, "y": 1, "demand": 5}, {"name": "B", "x": 2, "y": 2, "demand": 5}],
            "vehicles": [{"name": "V1", "capacity": 10}]}
    data.update(changes)
    return data


@pytest.mark.parametrize("data, message", [
    (_base(vehicles=[{"name": "V1", "capacity": 4}, {"name": "V2", "capacity": 4}]),
     "total demand is 10 units but the whole fleet carries only 8"),
    (_base(customers=[{"name": "A", "x": 1, "y": 1, "demand": 12}],
           vehicles=[{"name": "V1", "capacity": 10}, {"name": "V2", "capacity": 10}]),
     "no vehicle can carry the demand of A"),
    (_base(customers=[{"name": "A", "demand": 1}]), "needs x and y"),
    (_base(distance_matrix=[[0, 1], [1, 0]]), "3 x 3"),
    (_base(customers=[{"name": "Depot", "x": 1, "y": 1, "demand": 1}]), "unique"),
    (_base(customers=[]), "at least 1"),
    (_base(customers=[{"name": f"c{i}", "x": 0, "y": 0, "demand": 0} for i in range(1001)]), "at most 1000"),
    (_base(vehicles=[{"name": "V1", "capacity": -1}]), "greater than or equal"),
])
def test_bad_inputs_are_rejected(data, message):
    with pytest.raises(ValidationError, match=message):
        cvrp.CvrpInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = "import sys, chalicelib.templates.cvrp; print(any(m.startswith('ortools') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"
