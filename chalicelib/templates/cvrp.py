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
from chalicelib.templates.base import Template

MAX_CUSTOMERS = 1000
MAX_VEHICLES = 200

Distance = Annotated[float, Field(ge=0, le=1e9)]


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
        locations = [self.depot.name] + [c.name for c in self.customers]
        for kind, names in (("location", locations), ("vehicle", [v.name for v in self.vehicles])):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:10])}")
        n = len(locations)
        if self.distance_matrix is None:
            missing = [item.name for item in [self.depot, *self.customers] if item.x is None or item.y is None]
            if missing:
                raise ValueError("the depot and every customer need x and y when no distance_matrix is given; "
                                 "missing for: " + ", ".join(missing[:10]))
        elif len(self.distance_matrix) != n or any(len(row) != n for row in self.distance_matrix):
            raise ValueError(f"distance_matrix must be {n} x {n}: the depot first, then one row and column "
                             "per customer in order")
        total_demand = sum(c.demand for c in self.customers)
        total_capacity = sum(v.capacity for v in self.vehicles)
        if total_demand > total_capacity:
            raise ValueError(f"total demand is {total_demand} units but the whole fleet carries only "
                             f"{total_capacity}; add vehicles or capacity")
        largest = max(v.capacity for v in self.vehicles)
        too_big = [c.name for c in self.customers if c.demand > largest]
        if too_big:
            raise ValueError(f"no vehicle can carry the demand of {', '.join(too_big[:10])}: the largest "
                             f"vehicle carries {largest} units")
        return self


def solve(data: CvrpInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: node 0 is the depot, node k is customers[k-1].
    locations = [data.depot, *data.customers]
    names = [location.name for location in locations]
    demands = [0] + [c.demand for c in data.customers]
    capacities = [v.capacity for v in data.vehicles]
    distances = data.distance_matrix or routing.euclidean_matrix(
        [(location.x, location.y) for location in locations], tsplib_rounding=data.metric == "euc_2d")
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

    # Constraints: capacity of each vehicle along its route.
    demand_callback = model.RegisterUnaryTransitVector(demands)
    model.AddDimensionWithVehicleCapacity(demand_callback, 0, capacities, True, "Load")
    # Every customer is visited; the visit is formally optional with a penalty larger than any saving from
    # skipping it, so the search always returns a plan and reports the customers it could not fit.
    penalty = 2 * max(max(row) for row in costs) + max(fixed_costs) + 1
    for node in range(1, len(names)):
        model.AddDisjunction([manager.NodeToIndex(node)], penalty)

    # Objective: distance driven plus the fixed cost of each vehicle used.
    model.SetArcCostEvaluatorOfAllVehicles(model.RegisterTransitMatrix(costs))
    for v, fixed_cost in enumerate(fixed_costs):
        model.SetFixedCostOfVehicle(fixed_cost, v)

    # Solve.
    assignment, run = routing.solve(model, options, started=started)
    if assignment is None:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message"))
    unserved = [names[node] for node in routing.dropped_nodes(manager, model, assignment)]
    if unserved:
        return SolveOutcome(
            status="time_limit", solver=run["solver"], solve_time_ms=run["solve_time_ms"],
            message=f"No plan serving every customer was found within the time limit; {len(unserved)} could not "
                    f"be fitted ({', '.join(unserved[:10])}). Raise time_limit_s or add vehicles or capacity.")

    # Readable output: one route per vehicle used, with loads and distances on the unscaled distances.
    routes, unused = [], []
    total_distance = total_fixed = 0.0
    for v, vehicle in enumerate(data.vehicles):
        nodes = routing.route_nodes(manager, model, assignment, vehicle=v)
        if len(nodes) <= 2:
            unused.append(vehicle.name)
            continue
        stops, distance, load = [], 0.0, 0
        for position, node in enumerate(nodes):
            leg = float(distances[nodes[position - 1]][node]) if position else 0.0
            distance += leg
            load += demands[node]
            stops.append({"location": names[node], "demand": demands[node], "cumulative_load": load,
                          "leg_distance": _tidy(leg), "cumulative_distance": _tidy(distance)})
        routes.append({"vehicle": vehicle.name, "customers": [names[node] for node in nodes[1:-1]],
                       "stops": stops, "distance": _tidy(distance), "load": load, "capacity": vehicle.capacity,
                       "fixed_cost": vehicle.fixed_cost})
        total_distance += distance
        total_fixed += vehicle.fixed_cost
    objective = _tidy(total_distance + total_fixed)
    return SolveOutcome(
        status=run["status"], objective_value=objective,
        best_bound=objective if run["status"] == "optimal" else None, gap=run["gap"],
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"total_cost": objective, "total_distance": _tidy(total_distance),
                  "total_fixed_cost": _tidy(total_fixed), "vehicles_used": len(routes),
                  "routes": routes, "unused_vehicles": unused},
        message=_MESSAGES.get(run["status"]),
    )


def _tidy(value: float) -> float:
    return round(value, 6)


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
