"""Capacitated vehicle routing (CVRP), with several depots, a mixed fleet and optional customers.

Deliver every customer's demand with a fleet of vehicles of limited capacity, each leaving
its start depot and returning to its end depot, at the lowest total cost.

    minimize    sum over vehicles used of fixed_cost[v] + cost_per_distance[v] * distance driven by v
                + sum over optional customers left out of penalty[c]
    subject to  every required customer is visited exactly once, by one vehicle;
                an optional one at most once
                each route runs from the vehicle's start depot to its end depot
                sum of demand[c] over the customers on v's route <= capacity[v]
                distance driven by v <= max_distance[v]

Distances come from `distance_matrix` (any unit; the depots' rows and columns first, then
the customers in order), from latitude and longitude (great-circle km, times `road_factor`)
or from planar coordinates: straight-line ("euclidean") or TSPLIB EUC_2D ("euc_2d", each leg
rounded to the nearest whole number, as CVRPLIB optima use). Small plans (up to 16
customers) are proven optimal with CP-SAT; the rest come from PyVRP's iterated local
search, which stops at the time limit or once `no_improvement_iterations` iterations in a
row have not improved the plan. When the required demands cannot be split among the
vehicles at all, a bin-packing check proves it and the run reports "infeasible".
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
from chalicelib.templates.routing_common import Distance, Located, NoImprovement, PackedMatrix

MAX_CUSTOMERS = 1000
MAX_VEHICLES = 200
MAX_DEPOTS = 50
MAX_LOCATIONS = MAX_CUSTOMERS + MAX_DEPOTS


DistanceRows = Annotated[list[Annotated[list[Distance], Field(max_length=MAX_LOCATIONS)]],
                         Field(max_length=MAX_LOCATIONS)]

class Depot(Located):
    name: str = Field(default="Depot", min_length=1, max_length=200)
    """Depot name; vehicles start and end at depots (the first one unless they say otherwise)."""


class Customer(Located):
    name: str = Field(min_length=1, max_length=200)
    """Customer name, unique within the input (and different from every depot's)."""
    demand: int = Field(ge=0, le=10**9)
    """Load delivered to this customer, in capacity units (e.g. crates, kg)."""
    required: bool = True
    """False lets the plan leave this customer out, at the cost of `penalty`."""
    penalty: float | None = Field(default=None, ge=0, le=1e9)
    """With required false: what leaving the customer out adds to the cost, in the objective's units."""


class Vehicle(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Vehicle name, unique within the input."""
    capacity: int = Field(ge=0, le=10**9)
    """Most load the vehicle carries on its route, in the same capacity units as demand."""
    fixed_cost: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of using this vehicle at all (0: a vehicle costs only what it drives)."""
    cost_per_distance: float = Field(default=1.0, ge=0, le=10**4)
    """Cost of each distance unit this vehicle drives (kept to 2 decimals); 1 makes cost = distance."""
    max_distance: float | None = Field(default=None, gt=0, le=1e12)
    """Longest route this vehicle may drive, in distance units; omit for no limit."""
    start_depot: str | None = Field(default=None, min_length=1, max_length=200)
    """Name of the depot the vehicle leaves from; defaults to the first depot."""
    end_depot: str | None = Field(default=None, min_length=1, max_length=200)
    """Name of the depot the vehicle returns to; defaults to its start depot."""


class CvrpInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    depot: Depot | None = None
    """Where every vehicle starts and ends; or give `depots`."""
    depots: list[Depot] | None = Field(default=None, min_length=1, max_length=MAX_DEPOTS)
    """Several depots, at most 50; each vehicle names its start_depot and end_depot (default: the first)."""
    customers: list[Customer] = Field(min_length=1, max_length=MAX_CUSTOMERS)
    """Customers to serve, at most 1,000."""
    vehicles: list[Vehicle] = Field(min_length=1, max_length=MAX_VEHICLES)
    """The fleet, at most 200 vehicles; a vehicle may stay at its depot unused."""
    distance_matrix: DistanceRows | PackedMatrix | None = None
    """Optional distances, in any distance unit: row i, column j is the distance from location i to j,
    where the depots come first (in order) and then the customers in order. Replaces the coordinates. A large
    matrix can be sent packed: {"format": "int32" or "float32", "data": base64 of the gzip-compressed
    little-endian bytes}."""
    metric: Literal["euclidean", "euc_2d"] = "euclidean"
    """How planar coordinates become distances: "euclidean" is the straight line; "euc_2d" rounds each leg
    to the nearest whole number (TSPLIB EUC_2D, as used by CVRPLIB benchmark optima)."""
    road_factor: float = common.ROAD_FACTOR_FIELD
    """With lat/lon: each great-circle distance is multiplied by this to approximate the road distance
    (1.3 is typical in cities); ignored otherwise."""
    no_improvement_iterations: NoImprovement | None = None
    """Stop searching once this many iterations in a row have not improved the plan (default: 500 per
    customer, at least 50,000); the result's `search` says which limit stopped the search."""

    @property
    def all_depots(self) -> list[Depot]:
        return self.depots if self.depots is not None else [self.depot]

    @model_validator(mode="after")
    def _check_solvable(self) -> "CvrpInput":
        if (self.depot is None) == (self.depots is None):
            raise ValueError("give either depot or depots (a list), not both and not neither")
        places = [*self.all_depots, *self.customers]
        common.check_unique("location", [place.name for place in places])
        common.check_unique("vehicle", [v.name for v in self.vehicles])
        common.check_places(places, self.distance_matrix, matrix_field="distance_matrix",
                            who_needs="every depot and customer needs",
                            layout=": the depots first, then one row and column per customer in order")
        common.check_optional(self.customers)
        depot_names = [depot.name for depot in self.all_depots]
        for vehicle in self.vehicles:
            common.depot_index(depot_names, vehicle.start_depot, vehicle.name)
            common.depot_index(depot_names, vehicle.end_depot, vehicle.name)
        common.check_fleet([(c.name, c.demand) for c in self.customers if c.required],
                           [v.capacity for v in self.vehicles])
        common.check_cost_magnitude(common.largest_distance(places, self.distance_matrix, self.road_factor),
                                    self.legs, max(v.cost_per_distance for v in self.vehicles), self.extra_costs)
        return self

    @property
    def legs(self) -> int:
        """The most legs a plan can drive: one into each customer, one back per vehicle."""
        return len(self.customers) + len(self.vehicles)

    @property
    def extra_costs(self) -> float:
        return sum(v.fixed_cost for v in self.vehicles) + sum(c.penalty or 0 for c in self.customers)


def solve(data: CvrpInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: locations are the depots, then the customers.
    depots, customers, vehicles = data.all_depots, data.customers, data.vehicles
    depot_names = [depot.name for depot in depots]
    first = len(depots)
    distances = common.distance_matrix([*depots, *customers], data.distance_matrix, data.metric, data.road_factor)
    factor = max(1.0, max(v.cost_per_distance for v in vehicles))
    costs, scale = routing.integer_costs(distances, multiplier=data.legs * factor * common.COST_SCALE)
    largest = max(map(max, costs)) * data.legs * factor + data.extra_costs * scale
    units = common.cost_units([v.cost_per_distance for v in vehicles], largest_cost=largest)  # money = scale * units
    money = scale * units

    # A quick proof of infeasibility when the required loads cannot be split among the vehicles at all.
    required = [c.demand for c in customers if c.required]
    fits = routing.loads_fit(required, [v.capacity for v in vehicles],
                             time_limit_s=min(2.0, 0.2 * options.time_limit_s))
    if fits is False:
        return SolveOutcome(status="infeasible", solver="CP-SAT bin-packing check",
                            solve_time_ms=int((time.perf_counter() - started) * 1000),
                            message="The customers' demands cannot be split among the vehicles without "
                                    "overloading one: no plan exists. Add vehicles or capacity.")

    # The routing problem: every vehicle between its depots, every customer a stop.
    problem = vrp.Problem(
        distance=costs, duration=None,
        depots=[vrp.Depot(location=d) for d in range(first)],
        stops=[vrp.Stop(location=first + k, delivery=c.demand, required=c.required,
                        penalty=round((c.penalty or 0) * money)) for k, c in enumerate(customers)],
        vehicles=[_vehicle(v, depot_names, scale, units) for v in vehicles])

    # Solve: exactly when small, PyVRP otherwise.
    plan = vrp.solve(problem, options, no_improvement=data.no_improvement_iterations, started=started)
    solve_time_ms = int((time.perf_counter() - started) * 1000)
    if not plan.routes and plan.cost is None:
        return common.no_plan_outcome(plan, solve_time_ms)

    # Readable output: per vehicle, its stops with the load and distance so far, measured unscaled.
    names = depot_names + [c.name for c in customers]
    demands = [0] * first + [c.demand for c in customers]
    routes, used = [], set()
    total_distance = total_cost = 0.0
    for v, visits in plan.routes:
        vehicle = vehicles[v]
        start = common.depot_index(depot_names, vehicle.start_depot, vehicle.name)
        end = common.depot_index(depot_names, vehicle.end_depot or vehicle.start_depot, vehicle.name)
        nodes = [start] + [first + s for s in visits] + [end]
        stops, load = [], 0
        for node, leg, distance in common.legs(nodes, distances):
            load += demands[node]
            stops.append({"location": names[node], "demand": demands[node], "cumulative_load": load,
                          "leg_distance": common.tidy(leg), "cumulative_distance": common.tidy(distance)})
        cost = vehicle.fixed_cost + vehicle.cost_per_distance * distance
        routes.append({"vehicle": vehicle.name, "start_depot": names[start], "end_depot": names[end],
                       "customers": [names[node] for node in nodes[1:-1]], "stops": stops,
                       "distance": common.tidy(distance), "load": load, "capacity": vehicle.capacity,
                       "fixed_cost": vehicle.fixed_cost, "cost": common.tidy(cost)})
        used.add(v)
        total_distance += distance
        total_cost += cost
    skipped = [_skipped(s, customers[s], vehicles, distances, first, depot_names) for s in plan.skipped]
    total_penalty = sum(item["penalty"] for item in skipped)
    objective = common.tidy(total_cost + total_penalty)
    return common.plan_outcome(
        plan, objective, money,
        {"total_cost": objective, "total_distance": common.tidy(total_distance),
         "total_fixed_cost": common.tidy(sum(vehicles[v].fixed_cost for v in used)),
         "total_penalty": common.tidy(total_penalty), "vehicles_used": len(routes), "routes": routes,
         "unused_vehicles": [v.name for k, v in enumerate(vehicles) if k not in used], "skipped": skipped},
        solve_time_ms)


def _vehicle(vehicle: Vehicle, depot_names: list[str], scale: int, units: int) -> vrp.Vehicle:
    start = common.depot_index(depot_names, vehicle.start_depot, vehicle.name)
    end = common.depot_index(depot_names, vehicle.end_depot or vehicle.start_depot, vehicle.name)
    return vrp.Vehicle(start_depot=start, end_depot=end, capacity=vehicle.capacity,
                       fixed_cost=round(vehicle.fixed_cost * scale * units),
                       unit_distance_cost=round(vehicle.cost_per_distance * units),
                       max_distance=vrp.UNLIMITED if vehicle.max_distance is None
                       else int(vehicle.max_distance * scale + 1e-6))


def _skipped(k: int, customer: Customer, vehicles: list[Vehicle], distances, first: int,
             depot_names: list[str]) -> dict:
    """A customer the plan leaves out, and why, in plain words."""
    node = first + k
    largest = max(v.capacity for v in vehicles)
    if customer.demand > largest:
        reason = f"its demand of {customer.demand} exceeds every vehicle's capacity (the largest carries {largest})"
    elif all(v.max_distance is not None and _round_trip(v, node, distances, depot_names) > v.max_distance
             for v in vehicles):
        reason = "driving there and back is longer than every vehicle's max_distance"
    else:
        reason = f"serving it would add more to the cost than its penalty of {customer.penalty:g}"
    return {"name": customer.name, "penalty": customer.penalty, "reason": reason}


def _round_trip(vehicle: Vehicle, node: int, distances, depot_names: list[str]) -> float:
    start = common.depot_index(depot_names, vehicle.start_depot, vehicle.name)
    end = common.depot_index(depot_names, vehicle.end_depot or vehicle.start_depot, vehicle.name)
    return float(distances[start][node]) + float(distances[node][end])


TEMPLATE = Template(
    name="cvrp",
    display_name="Capacitated Vehicle Routing Optimizer",
    description="Plan delivery routes from one or more depots for a mixed fleet with limited capacity, "
                "visiting every customer once (or skipping optional ones at a penalty) at the lowest total cost.",
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
