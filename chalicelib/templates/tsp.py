"""Traveling salesman (TSP).

Visit every city exactly once on the shortest tour from a start city.

    minimize    sum of distance[i][j] over consecutive cities i -> j on the tour
    subject to  the tour leaves `start`, visits every other city exactly once and,
                when `return_to_start`, ends back at `start` (otherwise it ends anywhere)

Distances come from `distance_matrix` (any unit; it may be asymmetric), from latitude and
longitude (great-circle km, times `road_factor`), or from planar coordinates: straight-line
("euclidean") or TSPLIB EUC_2D ("euc_2d"), which rounds every leg to the nearest whole
number as the published benchmark optima do. Up to 30 cities the tour is proven optimal
with CP-SAT (an exact circuit model), usually in milliseconds. Larger tours come from
fast-tsp's Or-opt and Lin-Kernighan search (MIT; within 0.2% of TSPLIB optima of up to
1,000 cities in 2 s), restarted with twice the time each round until the time limit or
until `no_improvement_restarts` rounds in a row have not shortened the tour; an
asymmetric matrix goes to PyVRP's iterated local search instead.
"""
from __future__ import annotations

import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import routing, vrp
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import routing_common as common
from chalicelib.templates.base import Template
from chalicelib.templates.routing_common import Distance, Located, PackedMatrix

MAX_CITIES = 2000


DistanceRows = Annotated[list[Annotated[list[Distance], Field(max_length=MAX_CITIES)]], Field(max_length=MAX_CITIES)]

class City(Located):
    name: str = Field(min_length=1, max_length=200)
    """City name, unique within the input."""


class TspInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    cities: list[City] = Field(min_length=2, max_length=MAX_CITIES)
    """Cities to visit, at most 2,000; the tour starts at the first one unless `start` says otherwise."""
    distance_matrix: DistanceRows | PackedMatrix | None = None
    """Optional distances, in any distance unit: row i, column j is the distance from city i to city j,
    in the order of `cities`. Replaces the coordinates when given; it may be asymmetric. A large matrix can
    be sent packed: {"format": "int32" or "float32", "data": base64 of the gzip-compressed little-endian bytes}."""
    metric: Literal["euclidean", "euc_2d"] = "euclidean"
    """How coordinates become distances: "euclidean" is the straight line; "euc_2d" rounds each
    straight-line leg to the nearest whole number (TSPLIB EUC_2D, as used by benchmark optima)."""
    start: str | None = Field(default=None, min_length=1, max_length=200)
    """Name of the city where the tour starts; defaults to the first city."""
    return_to_start: bool = True
    """Close the tour back at the start city; false finds the shortest open path from the start."""
    road_factor: float = common.ROAD_FACTOR_FIELD
    """With lat/lon: each great-circle distance is multiplied by this to approximate the road distance
    (1.3 is typical in cities); ignored otherwise."""
    no_improvement_restarts: int = Field(default=1, ge=0, le=100)
    """Beyond 30 cities the search restarts with twice the time each round and keeps the best tour: stop
    after this many rounds in a row that did not shorten it (0: one search until the time limit). The
    result's `search` says which limit stopped the search."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "TspInput":
        names = [city.name for city in self.cities]
        common.check_unique("city", names)
        if self.start is not None and self.start not in names:
            raise ValueError(f"start city '{self.start}' is not one of the cities")
        common.check_places(self.cities, self.distance_matrix, matrix_field="distance_matrix",
                            who_needs="every city needs",
                            layout=", one row and one column per city in the order of cities")
        common.check_cost_magnitude(common.largest_distance(self.cities, self.distance_matrix, self.road_factor),
                                    len(self.cities) + 1, 1, 0)
        return self


def solve(data: TspInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: location i is cities[i]; an open path ends at an extra location reached from anywhere at no cost.
    names = [city.name for city in data.cities]
    n = len(names)
    origin = names.index(data.start) if data.start is not None else 0
    distances = common.distance_matrix(data.cities, data.distance_matrix, data.metric, data.road_factor)
    costs, scale = routing.integer_costs(distances, multiplier=n + 1)
    depots = [vrp.Depot(location=origin)]
    if not data.return_to_start:
        costs = [row + [0] for row in costs] + [[0] * (n + 1)]
        depots.append(vrp.Depot(location=n))
    others = [city for city in range(n) if city != origin]

    # One vehicle from the start city through every other city (and back, or to the free end).
    problem = vrp.Problem(distance=costs, duration=None, depots=depots,
                          stops=[vrp.Stop(location=city) for city in others],
                          vehicles=[vrp.Vehicle(start_depot=0, end_depot=len(depots) - 1)])

    # Solve: exactly when small, PyVRP otherwise.
    plan = vrp.solve(problem, options, restarts=data.no_improvement_restarts, started=started)
    solve_time_ms = int((time.perf_counter() - started) * 1000)
    if not plan.routes:
        return common.no_plan_outcome(plan, solve_time_ms)

    # Readable output: the tour with each leg's distance, measured on the unscaled distances.
    nodes = [origin] + [others[stop] for stop in plan.routes[0][1]] + ([origin] if data.return_to_start else [])
    stops = [{"position": position, "city": names[node], "leg_distance": common.tidy(leg),
              "cumulative_distance": common.tidy(distance)}
             for position, (node, leg, distance) in enumerate(common.legs(nodes, distances))]
    total = stops[-1]["cumulative_distance"]
    return common.plan_outcome(
        plan, total, scale,
        {"total_distance": total, "closed_tour": data.return_to_start,
         "tour": [names[node] for node in nodes], "stops": stops},
        solve_time_ms)


TEMPLATE = Template(
    name="tsp",
    display_name="Traveling Salesman Route Optimizer",
    description="Find the shortest tour that visits every city once, from x/y or lat/lon coordinates or a "
                "distance matrix: proven optimal up to 30 cities, Lin-Kernighan search (fast-tsp) beyond.",
    category="logistics",
    tags=["routing", "tsp", "traveling salesman", "logistics", "tour"],
    credits_per_execution=5,
    input_model=TspInput,
    example_input={
        "cities": [
            {"name": "Warehouse", "x": 0, "y": 0},
            {"name": "Bakery", "x": 4, "y": 3},
            {"name": "Cafe", "x": 6, "y": -2},
            {"name": "Deli", "x": -3, "y": 5},
            {"name": "Grocer", "x": 2, "y": 8},
            {"name": "Market", "x": -5, "y": -4},
        ],
        "metric": "euclidean",
        "return_to_start": True,
    },
    solve=solve,
)
