"""The routing bench's instances and its plumbing (bench/routing_instances.py, bench/routing.py).

Every stored instance loads, has the size its name says, a best known value that its stored
solution recomputes to (where one is stored) and that clears a simple lower bound, and an input
the template accepts. The three solvers' plans are recomputed and checked the way the bench does,
on one small instance with sub-second limits: no long solves here.
"""
from __future__ import annotations

import json
import math
import re

import pytest

from bench import routing
from bench.routing_instances import DATA, load, lower_bound_vehicles, names, size_band
from chalicelib.templates import get_template

NAMES = names()
CVRP = [name for name in NAMES if load(name).template == "cvrp"]
TSP = [name for name in NAMES if load(name).template == "tsp"]


def test_the_stored_set_spans_both_problems_and_every_size_band():
    assert len(CVRP) >= 12 and len(TSP) >= 8
    for group in (CVRP, TSP):
        assert {size_band(load(name)) for name in group} == {"< 200", "200-499", "500+"}
    assert set(routing.DEFAULT_INSTANCES) <= set(NAMES) and set(routing.QUICK_INSTANCES) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_instance_file_is_compact_and_has_the_size_its_name_says(name):
    path = DATA / f"{name}.json"
    assert path.stat().st_size < 50_000
    raw = json.loads(path.read_text())
    assert raw["name"] == name and raw["edge_weight_type"] == "EUC_2D" and "github.com/" in raw["source"]
    instance = load(name)
    nodes = int(re.search(r"(\d+)", name.split("-")[1] if "-" in name else name).group(1))
    assert len(instance.coordinates) == nodes  # CVRPLIB's n and TSPLIB's suffix count every node
    assert all(len(xy) == 2 for xy in instance.coordinates)


@pytest.mark.parametrize("name", CVRP)
def test_cvrp_demands_fit_the_fleet_and_the_best_known_value_is_plausible(name):
    instance = load(name)
    assert instance.demands[0] == 0 and min(instance.demands[1:]) >= 0
    assert max(instance.demands) <= instance.capacity
    # k in the name is the least number of vehicles; the fleet given is at least that.
    assert instance.min_vehicles == int(name.rsplit("-k", 1)[1])
    assert lower_bound_vehicles(instance) <= instance.min_vehicles <= instance.vehicles
    assert sum(instance.demands) <= instance.vehicles * instance.capacity
    # Every customer's load travels out from the depot: at least 2 * sum(d0i * qi) / Q.
    d0 = instance.matrix()[0]
    radial = 2 * sum(d0[i] * q for i, q in enumerate(instance.demands)) / instance.capacity
    assert radial <= instance.best_known


@pytest.mark.parametrize("name", [name for name in CVRP if load(name).known_routes])
def test_cvrp_best_known_routes_are_feasible_and_recompute_to_the_best_known_value(name):
    instance = load(name)
    assert instance.check_routes(instance.known_routes) is None
    assert instance.routes_length(instance.known_routes) == instance.best_known


@pytest.mark.parametrize("name", TSP)
def test_tsp_best_known_value_is_plausible(name):
    instance = load(name)
    assert instance.optimum_proven
    # Each city is left by one edge and entered by another: half the sum of its two shortest.
    bound = sum(sorted(row[:i] + row[i + 1:])[0] + sorted(row[:i] + row[i + 1:])[1]
                for i, row in enumerate(instance.matrix())) / 2
    assert bound <= instance.best_known


@pytest.mark.parametrize("name", [name for name in TSP if load(name).known_tour])
def test_tsp_optimal_tour_recomputes_to_the_published_optimum(name):
    instance = load(name)
    assert instance.check_tour(instance.known_tour) is None
    assert instance.tour_length(instance.known_tour) == instance.best_known


def test_kroa100_optimal_tour_length_by_hand():
    """TSPLIB's EUC_2D rounding, computed here without the loader's matrix."""
    raw = json.loads((DATA / "kroA100.json").read_text())
    xy, tour = raw["coordinates"], raw["optimal_tour"]
    legs = zip(tour, tour[1:] + tour[:1])
    assert sum(int(math.dist(xy[a], xy[b]) + 0.5) for a, b in legs) == 21282


@pytest.mark.parametrize("name", NAMES)
def test_template_accepts_the_instance_input(name):
    instance = load(name)
    data = get_template(instance.template).input_model.model_validate(instance.template_input())
    assert data.metric == "euc_2d"


def test_the_bench_reads_our_plans_and_flags_a_wrong_objective():
    instance = load("E-n51-k5")
    routes = [[1, 2], list(range(3, 51))]
    solution = {"routes": [{"customers": [instance.node_name(n) for n in route]} for route in routes]}
    assert routing._our_nodes(instance, solution) == routes
    length = instance.routes_length(routes)
    assert routing._checked(instance, length, routes, 0.0).check == "a route is over capacity"
    tsp = load("kroA100")
    tour = tsp.known_tour
    ours = routing._our_nodes(tsp, {"tour": [tsp.node_name(n) for n in [*tour, tour[0]]]})
    assert ours == [tour]
    assert routing._checked(tsp, 21282, ours, 0.0).check == "ok"
    assert routing._checked(tsp, 21000, ours, 0.0).check == "reported 21000, recomputed 21282"


@pytest.mark.parametrize("solver", list(routing.SOLVERS))
def test_each_solver_returns_a_plan_the_bench_recomputes(solver):
    instance = load("E-n51-k5")
    plan = routing.SOLVERS[solver](instance, 0.5)
    assert plan.check == "ok" and plan.value >= instance.best_known
