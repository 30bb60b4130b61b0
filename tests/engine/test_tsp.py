"""TSP template: tours against brute force and TSPLIB berlin52; input validation."""
from __future__ import annotations

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
from chalicelib.templates import tsp

DATA = Path(__file__).resolve().parents[1] / "data"
QUICK = RunOptions(time_limit_s=0.5)


def brute_force(dist: list[list[float]], start: int = 0, closed: bool = True) -> float:
    """Shortest tour (or open path) from `start` by trying every order of the other cities."""
    others = [i for i in range(len(dist)) if i != start]
    best = math.inf
    for order in itertools.permutations(others):
        path = (start, *order, start) if closed else (start, *order)
        best = min(best, sum(dist[a][b] for a, b in zip(path, path[1:])))
    return best


def random_cities(seed: int, n: int = 8) -> list[dict]:
    rng = random.Random(seed)
    return [{"name": f"C{i}", "x": rng.uniform(0, 100), "y": rng.uniform(0, 100)} for i in range(n)]


def euclid(cities: list[dict]) -> list[list[float]]:
    return [[math.hypot(a["x"] - b["x"], a["y"] - b["y"]) for b in cities] for a in cities]


def assert_valid_tour(solution: dict, names: list[str], dist: list[list[float]], closed: bool = True) -> None:
    tour = solution["tour"]
    visited = tour[:-1] if closed else tour
    assert sorted(visited) == sorted(names)
    if closed:
        assert tour[0] == tour[-1]
    index = {name: i for i, name in enumerate(names)}
    length = sum(dist[index[a]][index[b]] for a, b in zip(tour, tour[1:]))
    assert solution["total_distance"] == pytest.approx(length, abs=1e-6)
    assert solution["stops"][-1]["cumulative_distance"] == pytest.approx(length, abs=1e-6)
    assert [stop["city"] for stop in solution["stops"]] == tour


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_eight_random_cities_match_brute_force(seed):
    cities = random_cities(seed)
    dist = euclid(cities)
    out = tsp.TEMPLATE.run({"cities": cities}, QUICK)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(brute_force(dist), abs=1e-6)
    assert_valid_tour(out.solution, [c["name"] for c in cities], dist)


def test_asymmetric_matrix_matches_brute_force():
    rng = random.Random(7)
    n = 8
    dist = [[0 if i == j else rng.randint(1, 100) for j in range(n)] for i in range(n)]
    cities = [{"name": f"Stop {i}"} for i in range(n)]
    out = tsp.TEMPLATE.run({"cities": cities, "distance_matrix": dist, "start": "Stop 3"}, QUICK)
    assert out.objective_value == pytest.approx(brute_force(dist, start=3))
    assert out.solution["tour"][0] == "Stop 3"
    assert_valid_tour(out.solution, [c["name"] for c in cities], dist)


def test_open_path_matches_brute_force():
    cities = random_cities(11)
    dist = euclid(cities)
    out = tsp.TEMPLATE.run({"cities": cities, "return_to_start": False, "start": "C4"}, QUICK)
    assert out.objective_value == pytest.approx(brute_force(dist, start=4, closed=False), abs=1e-6)
    assert out.solution["tour"][0] == "C4" and len(out.solution["tour"]) == len(cities)
    assert_valid_tour(out.solution, [c["name"] for c in cities], dist, closed=False)


def test_euc_2d_rounds_each_leg():
    cities = [{"name": "A", "x": 0, "y": 0}, {"name": "B", "x": 1, "y": 1}, {"name": "C", "x": 2, "y": 0}]
    out = tsp.TEMPLATE.run({"cities": cities, "metric": "euc_2d"}, QUICK)
    assert out.objective_value == 1 + 1 + 2  # nint(1.414) twice plus the 2-unit leg


def test_berlin52_reaches_published_optimum():
    instance = json.loads((DATA / "berlin52.json").read_text())
    cities = [{"name": str(i + 1), "x": x, "y": y} for i, (x, y) in enumerate(instance["coordinates"])]
    out = tsp.TEMPLATE.run({"cities": cities, "metric": "euc_2d"}, RunOptions(time_limit_s=10))
    assert out.status == "feasible"
    assert out.objective_value == instance["optimum"] == 7542
    rounded = [[int(math.hypot(a["x"] - b["x"], a["y"] - b["y"]) + 0.5) for b in cities] for a in cities]
    assert_valid_tour(out.solution, [c["name"] for c in cities], rounded)


def test_berlin52_data_reproduces_the_published_optimal_tour():
    instance = json.loads((DATA / "berlin52.json").read_text())
    xy, tour = instance["coordinates"], instance["optimal_tour"]
    length = sum(int(math.dist(xy[a - 1], xy[b - 1]) + 0.5) for a, b in zip(tour, tour[1:] + tour[:1]))
    assert length == instance["optimum"]


def test_example_input_solves():
    out = tsp.TEMPLATE.run(tsp.TEMPLATE.example_input, RunOptions(time_limit_s=1))
    assert out.status in ("optimal", "feasible")
    names = [c["name"] for c in tsp.TEMPLATE.example_input["cities"]]
    assert_valid_tour(out.solution, names, euclid(tsp.TEMPLATE.example_input["cities"]))
    assert tsp.TEMPLATE.credits_per_execution == 5 and tsp.TEMPLATE.category == "logistics"


@pytest.mark.parametrize("data, message", [
    ({"cities": [{"name": f"c{i}", "x": i, "y": 0} for i in range(2001)]}, "at most 2000"),
    ({"cities": [{"name": "A", "x": 0, "y": 0}, {"name": "B", "x": 1}]}, "only one of its coordinates"),
    ({"cities": [{"name": "A", "x": 0, "y": 0}, {"name": "A", "x": 1, "y": 1}]}, "unique"),
    ({"cities": [{"name": "A"}, {"name": "B"}], "distance_matrix": [[0, 1]]}, "2 x 2"),
    ({"cities": [{"name": "A"}, {"name": "B"}], "distance_matrix": [[0, -1], [1, 0]]}, "greater than or equal"),
    ({"cities": [{"name": "A", "x": 0, "y": 0}, {"name": "B", "x": 1, "y": 1}], "start": "Z"}, "not one of"),
    ({"cities": [{"name": "A", "x": 0, "y": 0}, {"name": "B", "x": 1, "y": 1}], "speed": 3}, "Extra inputs"),
])
def test_bad_inputs_are_rejected(data, message):
    with pytest.raises(ValidationError, match=message):
        tsp.TspInput.model_validate(data)


def test_input_schema_documents_fields():
    schema = tsp.TEMPLATE.input_schema
    assert "distance units" in schema["$defs"]["City"]["properties"]["x"]["description"]
    assert schema["properties"]["cities"]["maxItems"] == 2000


def test_importing_the_template_does_not_load_ortools():
    code = "import sys, chalicelib.templates.tsp; print(any(m.startswith('ortools') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"
