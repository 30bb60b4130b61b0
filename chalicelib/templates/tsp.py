"""Traveling salesman (TSP).

Visit every city exactly once on the shortest tour from a start city.

    minimize    sum of distance[i][j] over consecutive cities i -> j on the tour
    subject to  the tour leaves `start`, visits every other city exactly once and,
                when `return_to_start`, ends back at `start` (otherwise it ends anywhere)

Distances come from `distance_matrix` (any unit; it may be asymmetric) or from the
cities' coordinates: straight-line ("euclidean") or TSPLIB EUC_2D ("euc_2d"), which
rounds every leg to the nearest whole number as the published benchmark optima do.
Solved with the OR-Tools routing library: a PATH_CHEAPEST_ARC first tour improved by
guided local search until the time limit. The search does not prove optimality, so a
tour is reported "feasible": a good tour, not a certified best one.
"""
from __future__ import annotations

import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import routing
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import routing_common as common
from chalicelib.templates.base import Template
from chalicelib.templates.routing_common import Distance

MAX_CITIES = 2000


class City(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """City name, unique within the input."""
    x: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Horizontal coordinate, in distance units (e.g. km on a projected map); needed without distance_matrix."""
    y: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Vertical coordinate, in the same distance units as x; needed without distance_matrix."""


class TspInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    cities: list[City] = Field(min_length=2, max_length=MAX_CITIES)
    """Cities to visit, at most 2,000; the tour starts at the first one unless `start` says otherwise."""
    distance_matrix: list[Annotated[list[Distance], Field(max_length=MAX_CITIES)]] | None = Field(
        default=None, max_length=MAX_CITIES)
    """Optional distances, in any distance unit: row i, column j is the distance from city i to city j,
    in the order of `cities`. Replaces the coordinates when given; it may be asymmetric."""
    metric: Literal["euclidean", "euc_2d"] = "euclidean"
    """How coordinates become distances: "euclidean" is the straight line; "euc_2d" rounds each
    straight-line leg to the nearest whole number (TSPLIB EUC_2D, as used by benchmark optima)."""
    start: str | None = Field(default=None, min_length=1, max_length=200)
    """Name of the city where the tour starts; defaults to the first city."""
    return_to_start: bool = True
    """Close the tour back at the start city; false finds the shortest open path from the start."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "TspInput":
        names = [city.name for city in self.cities]
        common.check_unique("city", names)
        if self.start is not None and self.start not in names:
            raise ValueError(f"start city '{self.start}' is not one of the cities")
        common.check_places(self.cities, self.distance_matrix, matrix_field="distance_matrix",
                            who_needs="every city needs",
                            layout=", one row and one column per city in the order of cities")
        return self


def solve(data: TspInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: node i is cities[i]; an open path ends at an extra node reached from anywhere at no cost.
    names = [city.name for city in data.cities]
    n = len(names)
    origin = names.index(data.start) if data.start is not None else 0
    distances = common.distance_matrix(data.cities, data.distance_matrix, data.metric)
    costs, scale = routing.integer_costs(distances)
    if data.return_to_start:
        manager, model = routing.create_model(n, num_vehicles=1, depot=origin)
    else:
        costs = [row + [0] for row in costs] + [[0] * (n + 1)]
        manager, model = routing.create_model(n + 1, num_vehicles=1, starts=[origin], ends=[n])

    # Variables and constraints: the routing model's successor variables form one tour through all cities.
    # Objective: total leg distance.
    model.SetArcCostEvaluatorOfAllVehicles(model.RegisterTransitMatrix(costs))

    # Solve.
    assignment, run = routing.solve(model, options, started=started)
    if assignment is None:
        return common.no_plan_outcome(run)

    # Readable output: the tour with each leg's distance, measured on the unscaled distances.
    nodes = [node for node in routing.route_nodes(manager, model, assignment, vehicle=0) if node < n]
    stops = [{"position": position, "city": names[node], "leg_distance": common.tidy(leg),
              "cumulative_distance": common.tidy(distance)}
             for position, (node, leg, distance) in enumerate(common.legs(nodes, distances))]
    total = stops[-1]["cumulative_distance"]
    return common.plan_outcome(
        run, total,
        {"total_distance": total, "closed_tour": data.return_to_start,
         "tour": [names[node] for node in nodes], "stops": stops},
        _MESSAGES.get(run["status"]))


_MESSAGES = {
    "feasible": "Best tour found within the time limit by guided local search; not proven optimal.",
}

TEMPLATE = Template(
    name="tsp",
    display_name="Traveling Salesman Route Optimizer",
    description="Find the shortest tour that visits every city once, from coordinates or a distance "
                "matrix, with OR-Tools routing and guided local search.",
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
