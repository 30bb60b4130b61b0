"""Capacitated vehicle routing (CVRP).

Deliver every customer's demand from one depot with a fleet of vehicles of limited
capacity, at the lowest total distance (plus the fixed cost of each vehicle used).

    minimize    sum over routes of the distance driven
                + sum over vehicles used of fixed_cost[v]
    subject to  every customer is visited exactly once, by one vehicle
                every route starts and ends at the depot
                sum of demand[c] over the customers on v's route <= capacity[v]

Distances come from `distance_matrix` (any unit; row and column 0 are the depot, then the
customers in order) or from coordinates: straight-line ("euclidean") or TSPLIB EUC_2D
("euc_2d", each leg rounded to the nearest whole number, as CVRPLIB optima use). Solved
with the OR-Tools routing library: a PATH_CHEAPEST_ARC first plan improved by guided
local search until the time limit, so plans are reported "feasible", not proven optimal.
When the demands cannot be split among the vehicles at all, a bin-packing check proves
it and the run reports "infeasible".
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

MAX_CUSTOMERS = 1000
MAX_VEHICLES = 200


class Depot(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(default="Depot", min_length=1, max_length=200)
    """Depot name; every route starts and ends here."""
    x: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Horizontal coordinate, in distance units; needed without distance_matrix."""
    y: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Vertical coordinate, in distance units; needed without distance_matrix."""


class Customer(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Customer name, unique within the input (and different from the depot's)."""
    demand: int = Field(ge=0, le=10**9)
    """Load delivered to (or collected from) this customer, in capacity units (e.g. crates, kg)."""
    x: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Horizontal coordinate, in distance units; needed without distance_matrix."""
    y: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Vertical coordinate, in distance units; needed without distance_matrix."""


class Vehicle(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Vehicle name, unique within the input."""
    capacity: int = Field(ge=0, le=10**9)
    """Most load the vehicle carries on its route, in the same capacity units as demand."""
    fixed_cost: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of using this vehicle at all, in distance units (0: a vehicle costs only what it drives)."""


class CvrpInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    depot: Depot
    """Where every vehicle starts and ends."""
    customers: list[Customer] = Field(min_length=1, max_length=MAX_CUSTOMERS)
    """Customers to serve, at most 1,000."""
    vehicles: list[Vehicle] = Field(min_length=1, max_length=MAX_VEHICLES)
    """The fleet, at most 200 vehicles; a vehicle may stay at the depot unused."""
    distance_matrix: list[Annotated[list[Distance], Field(max_length=MAX_CUSTOMERS + 1)]] | None = Field(
        default=None, max_length=MAX_CUSTOMERS + 1)
    """Optional distances, in any distance unit: row i, column j is the distance from location i to j,
    where location 0 is the depot and location k is customers[k-1]. Replaces the coordinates."""
    metric: Literal["euclidean", "euc_2d"] = "euclidean"
    """How coordinates become distances: "euclidean" is the straight line; "euc_2d" rounds each leg to
    the nearest whole number (TSPLIB EUC_2D, as used by CVRPLIB benchmark optima)."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "CvrpInput":
        places = [self.depot, *self.customers]
        common.check_unique("location", [place.name for place in places])
        common.check_unique("vehicle", [v.name for v in self.vehicles])
        common.check_places(places, self.distance_matrix, matrix_field="distance_matrix",
                            who_needs="the depot and every customer need",
                            layout=": the depot first, then one row and column per customer in order")
        common.check_fleet([(c.name, c.demand) for c in self.customers], [v.capacity for v in self.vehicles])
        return self


def solve(data: CvrpInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: node 0 is the depot, node k is customers[k-1].
    locations = [data.depot, *data.customers]
    names = [location.name for location in locations]
    demands = [0] + [c.demand for c in data.customers]
    capacities = [v.capacity for v in data.vehicles]
    distances = common.distance_matrix(locations, data.distance_matrix, data.metric)
    costs, scale = routing.integer_costs(distances)
    fixed_costs = [int(round(v.fixed_cost * scale)) for v in data.vehicles]

    # A quick proof of infeasibility when the loads cannot be split among the vehicles at all.
    fits = routing.loads_fit(demands, capacities, time_limit_s=min(2.0, 0.2 * options.time_limit_s))
    if fits is False:
        return SolveOutcome(status="infeasible", solver="CP-SAT bin-packing check",
                            solve_time_ms=int((time.perf_counter() - started) * 1000),
                            message="The customers' demands cannot be split among the vehicles without "
                                    "overloading one: no plan exists. Add vehicles or capacity.")

    # Variables: the routing model's successor variables, one route per vehicle.
    manager, model = routing.create_model(len(names), num_vehicles=len(data.vehicles), depot=0)

    # Constraints: capacity of each vehicle along its route; every customer visited.
    # Objective: distance driven plus the fixed cost of each vehicle used.
    common.add_capacities(model, demands, capacities)
    common.add_costs_and_visits(manager, model, costs, fixed_costs)

    # Solve.
    assignment, run = routing.solve(model, options, started=started)
    if assignment is None:
        return common.no_plan_outcome(run)
    unserved = common.unserved_outcome(manager, model, assignment, run, names, serving="customer",
                                       advice="Raise time_limit_s or add vehicles or capacity.")
    if unserved is not None:
        return unserved

    # Readable output: one route per vehicle used, with loads and distances on the unscaled distances.
    used, unused = common.used_routes(manager, model, assignment, len(data.vehicles))
    routes = []
    total_distance = total_fixed = 0.0
    for v, nodes in used:
        vehicle = data.vehicles[v]
        stops, load = [], 0
        for node, leg, distance in common.legs(nodes, distances):
            load += demands[node]
            stops.append({"location": names[node], "demand": demands[node], "cumulative_load": load,
                          "leg_distance": common.tidy(leg), "cumulative_distance": common.tidy(distance)})
        routes.append({"vehicle": vehicle.name, "customers": [names[node] for node in nodes[1:-1]],
                       "stops": stops, "distance": common.tidy(distance), "load": load,
                       "capacity": vehicle.capacity, "fixed_cost": vehicle.fixed_cost})
        total_distance += distance
        total_fixed += vehicle.fixed_cost
    objective = common.tidy(total_distance + total_fixed)
    return common.plan_outcome(
        run, objective,
        {"total_cost": objective, "total_distance": common.tidy(total_distance),
         "total_fixed_cost": common.tidy(total_fixed), "vehicles_used": len(routes),
         "routes": routes, "unused_vehicles": [data.vehicles[v].name for v in unused]},
        _MESSAGES.get(run["status"]))


_MESSAGES = {
    "feasible": "Best plan found within the time limit by guided local search; not proven optimal.",
}

TEMPLATE = Template(
    name="cvrp",
    display_name="Capacitated Vehicle Routing Optimizer",
    description="Plan delivery routes from one depot for a fleet with limited capacity, visiting every "
                "customer once at the lowest total distance.",
    category="logistics",
    tags=["routing", "vrp", "cvrp", "delivery", "fleet", "logistics"],
    credits_per_execution=8,
    input_model=CvrpInput,
    example_input={
        "depot": {"name": "Central Depot", "x": 50, "y": 50},
        "customers": [
            {"name": "Alder St", "x": 20, "y": 80, "demand": 12},
            {"name": "Birch Ave", "x": 35, "y": 90, "demand": 8},
            {"name": "Cedar Rd", "x": 80, "y": 85, "demand": 15},
            {"name": "Dogwood Ln", "x": 90, "y": 60, "demand": 6},
            {"name": "Elm Ct", "x": 85, "y": 20, "demand": 14},
            {"name": "Fir Blvd", "x": 60, "y": 10, "demand": 9},
            {"name": "Grove Way", "x": 25, "y": 15, "demand": 11},
            {"name": "Hazel Pl", "x": 10, "y": 45, "demand": 7},
        ],
        "vehicles": [
            {"name": "Van 1", "capacity": 35},
            {"name": "Van 2", "capacity": 35},
            {"name": "Van 3", "capacity": 35},
        ],
        "metric": "euclidean",
    },
    solve=solve,
)
