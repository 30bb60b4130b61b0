"""Vehicle routing with time windows (VRPTW).

Serve every stop from one depot inside the stop's time window, with vehicles that leave
and return while the depot is open, at the lowest total travel time (plus the fixed cost
of each vehicle used).

    minimize    sum over routes of travel time + sum over vehicles used of fixed_cost[v]
    subject to  every stop is visited exactly once, by one vehicle
                earliest[s] <= service start at s <= latest[s]   (arriving early means waiting)
                service start at the next stop >= service start here + service_time + travel time
                depot.opens <= departure, return <= depot.closes
                sum of demand over a route <= capacity[v]        (when the vehicle has a capacity)

Times are whole time units (for example minutes since midnight). Travel times come from
`travel_time_matrix` (row and column 0 are the depot, then the stops in order) or from
coordinates: straight-line distance divided by `speed`, rounded up. Solved with the
OR-Tools routing library and a time dimension: a PATH_CHEAPEST_ARC first plan improved by
guided local search until the time limit, so plans are reported "feasible", not proven
optimal. A stop that no vehicle can reach inside its window (or serve and still return
before the depot closes), or loads that cannot be split among the vehicles, make the run
"infeasible" with a message naming the cause.
"""
from __future__ import annotations

import time
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import routing
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import routing_common as common
from chalicelib.templates.base import Template

MAX_STOPS = 500
MAX_VEHICLES = 100
MAX_TIME = 10**7

TravelTime = Annotated[int, Field(ge=0, le=MAX_TIME)]


class Depot(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(default="Depot", min_length=1, max_length=200)
    """Depot name; every route starts and ends here."""
    x: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Horizontal coordinate, in distance units; needed without travel_time_matrix."""
    y: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Vertical coordinate, in distance units; needed without travel_time_matrix."""
    opens: int = Field(default=0, ge=0, le=MAX_TIME)
    """Earliest departure from the depot, in time units (e.g. minutes since midnight)."""
    closes: int = Field(ge=0, le=MAX_TIME)
    """Latest return to the depot, in time units."""


class Stop(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Stop name, unique within the input (and different from the depot's)."""
    earliest: int = Field(default=0, ge=0, le=MAX_TIME)
    """Service may start at this time at the earliest, in time units; a vehicle arriving sooner waits."""
    latest: int | None = Field(default=None, ge=0, le=MAX_TIME)
    """Service must start by this time, in time units; defaults to the depot's closing time."""
    service_time: int = Field(default=0, ge=0, le=MAX_TIME)
    """Time spent at the stop, in time units."""
    demand: int = Field(default=0, ge=0, le=10**9)
    """Load delivered to (or collected from) the stop, in capacity units."""
    x: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Horizontal coordinate, in distance units; needed without travel_time_matrix."""
    y: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Vertical coordinate, in distance units; needed without travel_time_matrix."""


class Vehicle(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Vehicle name, unique within the input."""
    capacity: int | None = Field(default=None, ge=0, le=10**9)
    """Most load carried on the route, in capacity units; omit for no limit."""
    fixed_cost: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of using this vehicle at all, in time units (0: a vehicle costs only its travel time)."""


class VrptwInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    depot: Depot
    """Where every vehicle starts and ends, and its opening hours."""
    stops: list[Stop] = Field(min_length=1, max_length=MAX_STOPS)
    """Stops to serve, at most 500."""
    vehicles: list[Vehicle] = Field(min_length=1, max_length=MAX_VEHICLES)
    """The fleet, at most 100 vehicles; a vehicle may stay at the depot unused."""
    travel_time_matrix: list[Annotated[list[TravelTime], Field(max_length=MAX_STOPS + 1)]] | None = Field(
        default=None, max_length=MAX_STOPS + 1)
    """Optional travel times, in whole time units: row i, column j is the time from location i to j, where
    location 0 is the depot and location k is stops[k-1]. Replaces the coordinates."""
    speed: float = Field(default=1.0, gt=0, le=1e9)
    """With coordinates: distance units travelled per time unit; travel time = distance / speed, rounded up."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "VrptwInput":
        places = [self.depot, *self.stops]
        common.check_unique("location", [place.name for place in places])
        common.check_unique("vehicle", [v.name for v in self.vehicles])
        common.check_places(places, self.travel_time_matrix, matrix_field="travel_time_matrix",
                            who_needs="the depot and every stop need",
                            layout=": the depot first, then one row and column per stop in order")
        if self.depot.opens > self.depot.closes:
            raise ValueError(f"the depot opens at {self.depot.opens} but closes earlier, at {self.depot.closes}")
        for stop in self.stops:
            if stop.latest is not None and stop.latest < stop.earliest:
                raise ValueError(f"stop '{stop.name}' has a time window that closes at {stop.latest}, before it "
                                 f"opens at {stop.earliest}")
        capacities = [v.capacity for v in self.vehicles]
        if all(capacity is not None for capacity in capacities):
            common.check_fleet([(s.name, s.demand) for s in self.stops], capacities)
        return self


def solve(data: VrptwInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: node 0 is the depot, node k is stops[k-1].
    depot, stops = data.depot, data.stops
    names = [depot.name] + [s.name for s in stops]
    n = len(names)
    travel = common.travel_time_matrix([depot, *stops], data.travel_time_matrix, data.speed)
    earliest = [depot.opens] + [s.earliest for s in stops]
    latest = [depot.closes] + [depot.closes if s.latest is None else min(s.latest, depot.closes) for s in stops]
    service = [0] + [s.service_time for s in stops]
    demands = [0] + [s.demand for s in stops]
    capacities = [v.capacity for v in data.vehicles]

    # Proofs of infeasibility that need no search: a stop out of reach, or loads that cannot be split.
    reason = _unreachable_stop(names, travel, earliest, latest, service, depot)
    if reason is None and routing.loads_fit(demands, capacities,
                                            time_limit_s=min(2.0, 0.2 * options.time_limit_s)) is False:
        reason = "the stops' demands cannot be split among the vehicles without overloading one"
    if reason is not None:
        return SolveOutcome(status="infeasible", solver="feasibility pre-check",
                            solve_time_ms=int((time.perf_counter() - started) * 1000),
                            message=f"No plan exists: {reason}.")

    # Variables: the routing model's successor variables, one route per vehicle, and a time dimension
    # whose cumul at a node is when service starts there (slack at a node is waiting time).
    manager, model = routing.create_model(n, num_vehicles=len(data.vehicles), depot=0)
    time_callback = model.RegisterTransitMatrix(
        [[travel[i][j] + service[i] for j in range(n)] for i in range(n)])
    model.AddDimension(time_callback, depot.closes, depot.closes, False, "Time")
    time_dimension = model.GetDimensionOrDie("Time")

    # Constraints: time windows at the stops, opening hours at the depot, capacities.
    for node in range(1, n):
        time_dimension.CumulVar(manager.NodeToIndex(node)).SetRange(earliest[node], latest[node])
    for v in range(len(data.vehicles)):
        for index in (model.Start(v), model.End(v)):
            time_dimension.CumulVar(index).SetRange(depot.opens, depot.closes)
        # Leave as late as the route allows and come back as early as possible (no idle time at the ends).
        model.AddVariableMaximizedByFinalizer(time_dimension.CumulVar(model.Start(v)))
        model.AddVariableMinimizedByFinalizer(time_dimension.CumulVar(model.End(v)))
    common.add_capacities(model, demands, capacities)

    # Objective: travel time plus fixed costs; every stop visited.
    scale = 1 if all(float(v.fixed_cost).is_integer() for v in data.vehicles) else routing.COST_SCALE
    costs = [[t * scale for t in row] for row in travel]
    fixed_costs = [int(round(v.fixed_cost * scale)) for v in data.vehicles]
    common.add_costs_and_visits(manager, model, costs, fixed_costs)

    # Solve.
    assignment, run = routing.solve(model, options, started=started)
    if assignment is None:
        return common.no_plan_outcome(run)
    unserved = common.unserved_outcome(
        manager, model, assignment, run, names, serving="stop inside its window",
        advice="The windows may be too tight for the fleet: widen them, add vehicles or raise time_limit_s.")
    if unserved is not None:
        return unserved

    # Readable output: per vehicle, the timetable of its route (arrival, wait, service) and its load.
    used, unused = common.used_routes(manager, model, assignment, len(data.vehicles))
    routes = []
    total_travel = total_fixed = 0
    for v, nodes in used:
        vehicle = data.vehicles[v]
        departure = assignment.Value(time_dimension.CumulVar(model.Start(v)))
        clock, load, route_travel = departure, 0, 0
        timetable = [{"location": depot.name, "departure": departure}]
        for previous, node in zip(nodes, nodes[1:]):
            leg = travel[previous][node]
            route_travel += leg
            arrival = clock + leg
            if node == 0:
                timetable.append({"location": depot.name, "arrival": arrival, "travel_time": leg})
                break
            start = max(arrival, earliest[node])
            clock = start + service[node]
            load += demands[node]
            timetable.append({
                "location": names[node], "arrival": arrival, "wait": start - arrival, "service_start": start,
                "departure": clock, "time_window": [earliest[node], latest[node]], "travel_time": leg,
                "demand": demands[node], "cumulative_load": load,
            })
        routes.append({
            "vehicle": vehicle.name, "stops": [names[node] for node in nodes[1:-1]], "timetable": timetable,
            "start_time": departure, "end_time": arrival, "duration": arrival - departure,
            "travel_time": route_travel, "load": load, "capacity": vehicle.capacity,
            "fixed_cost": vehicle.fixed_cost,
        })
        total_travel += route_travel
        total_fixed += vehicle.fixed_cost
    objective = common.tidy(total_travel + total_fixed)
    return common.plan_outcome(
        run, objective,
        {"total_cost": objective, "total_travel_time": total_travel, "total_fixed_cost": common.tidy(total_fixed),
         "vehicles_used": len(routes), "routes": routes, "unused_vehicles": [data.vehicles[v].name for v in unused]},
        _MESSAGES.get(run["status"]))


def _unreachable_stop(names: list[str], travel: list[list[int]], earliest: list[int], latest: list[int],
                      service: list[int], depot: Depot) -> str | None:
    """Why some stop cannot be served by any vehicle on its own, or None."""
    for node in range(1, len(names)):
        if earliest[node] > depot.closes:
            return f"stop '{names[node]}' opens at {earliest[node]}, after the depot closes at {depot.closes}"
        start = max(depot.opens + travel[0][node], earliest[node])
        if start > latest[node]:
            return (f"stop '{names[node]}' cannot be reached before its window closes at {latest[node]}: "
                    f"the earliest arrival from the depot is {depot.opens + travel[0][node]}")
        back = start + service[node] + travel[node][0]
        if back > depot.closes:
            return (f"a vehicle serving stop '{names[node]}' cannot be back before the depot closes at "
                    f"{depot.closes}: the earliest return is {back}")
    return None


_MESSAGES = {
    "feasible": "Best plan found within the time limit by guided local search; not proven optimal.",
}

TEMPLATE = Template(
    name="vrp_time_windows",
    display_name="Vehicle Routing with Time Windows",
    description="Plan routes from one depot that serve every stop inside its delivery window, within "
                "opening hours and vehicle capacities, at the lowest total travel time.",
    category="logistics",
    tags=["routing", "vrp", "vrptw", "time windows", "delivery", "scheduling", "logistics"],
    credits_per_execution=10,
    input_model=VrptwInput,
    example_input={
        "depot": {"name": "Depot", "opens": 480, "closes": 1080},
        "stops": [
            {"name": "Acme Corp", "earliest": 540, "latest": 600, "service_time": 15, "demand": 4},
            {"name": "Bistro 21", "earliest": 480, "latest": 660, "service_time": 10, "demand": 2},
            {"name": "City Clinic", "earliest": 600, "latest": 720, "service_time": 20, "demand": 5},
            {"name": "Dock 7", "earliest": 780, "latest": 900, "service_time": 15, "demand": 3},
            {"name": "East Mall", "earliest": 840, "latest": 960, "service_time": 25, "demand": 6},
        ],
        "vehicles": [{"name": "Van A", "capacity": 12}, {"name": "Van B", "capacity": 12}],
        "travel_time_matrix": [
            [0, 25, 15, 30, 40, 35],
            [25, 0, 20, 15, 30, 45],
            [15, 20, 0, 25, 35, 30],
            [30, 15, 25, 0, 20, 40],
            [40, 30, 35, 20, 0, 25],
            [35, 45, 30, 40, 25, 0],
        ],
    },
    solve=solve,
)
