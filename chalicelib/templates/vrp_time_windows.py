"""Vehicle routing with time windows (VRPTW), several depots, a mixed fleet, optional stops and pairs.

Serve every stop inside its time window, with vehicles that leave their start depot and
return to their end depot within opening hours and their own shift, at the lowest cost:

    minimize    sum over vehicles used of fixed_cost[v] + cost_per_time[v] * travel time of v
                + sum over optional stops left out of penalty[s]
    subject to  every required stop is visited exactly once, by one vehicle; an optional one at most once
                earliest[s] <= service start at s <= latest[s]   (arriving early means waiting)
                service start at the next stop >= service start here + service_time + travel time
                opens <= departure from the start depot, return to the end depot <= closes
                shift_start[v] <= departure, return <= shift_end[v], return - departure <= max_duration[v]
                load on board never exceeds capacity[v] (deliveries leave the depot, pickups return to it)
                a pickup-and-delivery pair is served by one vehicle, the pickup first

Times are whole time units (e.g. minutes), "HH:MM" clock times or ISO 8601 date-times, and
the plan answers in the same form; with clock times or date-times every duration (service
times, travel times, max_duration) is in minutes. Travel times come from
`travel_time_matrix` (the depots first, then the stops in order) or from coordinates (x/y,
or lat/lon in great-circle km times `road_factor`): distance divided by `speed`, rounded up.
Small plans (up to 16 stops) are proven optimal with CP-SAT; the rest come from PyVRP's
iterated local search, which stops at the time limit or once `no_improvement_iterations`
iterations in a row have not improved the plan. A required stop no vehicle can reach inside
its window, or loads that cannot be split among the vehicles, make the run "infeasible" with
a message naming the cause.
"""
from __future__ import annotations

import math
import time
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import routing, vrp
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import routing_common as common
from chalicelib.templates.base import Template
from chalicelib.templates.routing_common import Located, NoImprovement, PackedMatrix, TimeFrame

MAX_STOPS = 500
MAX_VEHICLES = 100
MAX_DEPOTS = 50
MAX_LOCATIONS = MAX_STOPS + MAX_DEPOTS
MAX_TIME = 10**7

TravelTime = Annotated[int, Field(ge=0, le=MAX_TIME)]
Time = Annotated[Annotated[int, Field(ge=0, le=MAX_TIME)] | Annotated[str, Field(min_length=4, max_length=40)],
                 Field(examples=["08:30", "2026-03-02T08:30:00+01:00", 510])]
"""A time: whole time units, "HH:MM", or an ISO 8601 date-time such as "2026-03-02T08:30:00+01:00"."""


TravelTimeRows = Annotated[list[Annotated[list[TravelTime], Field(max_length=MAX_LOCATIONS)]],
                           Field(max_length=MAX_LOCATIONS)]

class Depot(Located):
    name: str = Field(default="Depot", min_length=1, max_length=200)
    """Depot name; vehicles start and end at depots (the first one unless they say otherwise)."""
    opens: Time = 0
    """Earliest departure from the depot: time units, "HH:MM" or an ISO 8601 date-time."""
    closes: Time
    """Latest return to the depot, in the same form as every other time."""


class Stop(Located):
    name: str = Field(min_length=1, max_length=200)
    """Stop name, unique within the input (and different from every depot's)."""
    earliest: Time | None = None
    """Service may start at this time at the earliest; a vehicle arriving sooner waits. Default: when
    the depot opens."""
    latest: Time | None = None
    """Service must start by this time; defaults to the depot's closing time."""
    service_time: int = Field(default=0, ge=0, le=MAX_TIME)
    """Time spent at the stop, in time units (minutes with clock times or date-times)."""
    demand: int = Field(default=0, ge=0, le=10**9)
    """Load delivered to the stop (loaded at the depot), in capacity units."""
    pickup: int = Field(default=0, ge=0, le=10**9)
    """Load collected at the stop and brought back to the depot, in capacity units."""
    required: bool = True
    """False lets the plan leave this stop out, at the cost of `penalty`."""
    penalty: float | None = Field(default=None, ge=0, le=1e9)
    """With required false: what leaving the stop out adds to the cost, in the objective's units."""


class Vehicle(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Vehicle name, unique within the input."""
    capacity: int | None = Field(default=None, ge=0, le=10**9)
    """Most load on board at any moment, in capacity units; omit for no limit."""
    fixed_cost: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of using this vehicle at all, in the objective's units (0: it costs only its travel time)."""
    cost_per_time: float = Field(default=1.0, ge=0, le=10**4)
    """Cost of each time unit this vehicle travels (kept to 2 decimals); 1 makes cost = travel time."""
    shift_start: Time | None = None
    """The vehicle leaves no earlier than this; default: when its depot opens."""
    shift_end: Time | None = None
    """The vehicle is back no later than this; default: when its depot closes."""
    max_duration: int | None = Field(default=None, gt=0, le=MAX_TIME)
    """Longest route, from departure to return (waiting included), in time units; omit for no limit."""
    start_depot: str | None = Field(default=None, min_length=1, max_length=200)
    """Name of the depot the vehicle leaves from; defaults to the first depot."""
    end_depot: str | None = Field(default=None, min_length=1, max_length=200)
    """Name of the depot the vehicle returns to; defaults to its start depot."""


class PickupDelivery(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    pickup: str = Field(min_length=1, max_length=200)
    """Name of the stop where the load is collected."""
    delivery: str = Field(min_length=1, max_length=200)
    """Name of the stop where it is dropped; the same vehicle, after the pickup."""
    amount: int = Field(default=0, ge=0, le=10**9)
    """Load carried from the pickup to the delivery, in capacity units."""


class VrptwInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    depot: Depot | None = None
    """Where every vehicle starts and ends, and its opening hours; or give `depots`."""
    depots: list[Depot] | None = Field(default=None, min_length=1, max_length=MAX_DEPOTS)
    """Several depots, at most 50; each vehicle names its start_depot and end_depot (default: the first)."""
    stops: list[Stop] = Field(min_length=1, max_length=MAX_STOPS)
    """Stops to serve, at most 500."""
    vehicles: list[Vehicle] = Field(min_length=1, max_length=MAX_VEHICLES)
    """The fleet, at most 100 vehicles; a vehicle may stay at its depot unused."""
    pickup_deliveries: list[PickupDelivery] = Field(default_factory=list, max_length=MAX_STOPS // 2, examples=[
        [{"pickup": "Bakery", "delivery": "Cafe", "amount": 4}]])
    """Pairs of stops served by one vehicle, pickup before delivery (the pair's stops carry no demand)."""
    travel_time_matrix: TravelTimeRows | PackedMatrix | None = None
    """Optional travel times, in whole time units: row i, column j is the time from location i to j, where
    the depots come first (in order) and then the stops in order. Replaces the coordinates. A large matrix
    can be sent packed: {"format": "int32", "data": base64 of the gzip-compressed little-endian bytes}."""
    speed: float = Field(default=1.0, gt=0, le=1e9)
    """With coordinates: distance units travelled per time unit (with lat/lon and clock times: km per
    minute, so 0.5 is 30 km/h); travel time = distance / speed, rounded up."""
    road_factor: float = common.ROAD_FACTOR_FIELD
    """With lat/lon: each great-circle distance is multiplied by this to approximate the road distance
    (1.3 is typical in cities); ignored otherwise."""
    no_improvement_iterations: NoImprovement | None = None
    """Stop searching once this many iterations in a row have not improved the plan (default: 500 per
    stop, at least 50,000); the result's `search` says which limit stopped the search."""

    @property
    def all_depots(self) -> list[Depot]:
        return self.depots if self.depots is not None else [self.depot]

    def times(self) -> list[int | str]:
        values: list[Any] = [t for d in self.all_depots for t in (d.opens, d.closes)]
        values += [t for s in self.stops for t in (s.earliest, s.latest) if t is not None]
        values += [t for v in self.vehicles for t in (v.shift_start, v.shift_end) if t is not None]
        return values

    @model_validator(mode="after")
    def _check_solvable(self) -> "VrptwInput":
        if (self.depot is None) == (self.depots is None):
            raise ValueError("give either depot or depots (a list), not both and not neither")
        depots = self.all_depots
        places = [*depots, *self.stops]
        common.check_unique("location", [place.name for place in places])
        common.check_unique("vehicle", [v.name for v in self.vehicles])
        common.check_places(places, self.travel_time_matrix, matrix_field="travel_time_matrix",
                            who_needs="every depot and stop needs",
                            layout=": the depots first, then one row and column per stop in order", integers=True)
        common.check_optional(self.stops)
        frame = TimeFrame(self.times())
        if any(frame.minutes(value) > MAX_TIME for value in self.times()):
            raise ValueError(f"the times span more than {MAX_TIME:,} minutes")
        for depot in depots:
            if frame.minutes(depot.opens) > frame.minutes(depot.closes):
                raise ValueError(f"depot '{depot.name}' opens at {depot.opens} but closes earlier, at {depot.closes}")
        for stop in self.stops:
            if stop.latest is not None and stop.earliest is not None and \
                    frame.minutes(stop.latest) < frame.minutes(stop.earliest):
                raise ValueError(f"stop '{stop.name}' has a time window that closes at {stop.latest}, before it "
                                 f"opens at {stop.earliest}")
        depot_names = [depot.name for depot in depots]
        for vehicle in self.vehicles:
            common.depot_index(depot_names, vehicle.start_depot, vehicle.name)
            common.depot_index(depot_names, vehicle.end_depot, vehicle.name)
            if vehicle.shift_start is not None and vehicle.shift_end is not None and \
                    frame.minutes(vehicle.shift_end) < frame.minutes(vehicle.shift_start):
                raise ValueError(f"vehicle '{vehicle.name}' has a shift that ends at {vehicle.shift_end}, before it "
                                 f"starts at {vehicle.shift_start}")
        self._check_pairs()
        capacities = [v.capacity for v in self.vehicles]
        if all(capacity is not None for capacity in capacities):
            common.check_fleet([(s.name, s.demand) for s in self.stops if s.required], capacities)
        longest = common.largest_distance(places, self.travel_time_matrix, self.road_factor)
        if self.travel_time_matrix is None and longest / self.speed > MAX_TIME:
            raise ValueError(f"at speed {self.speed:g}, travel times from the coordinates reach "
                             f"{longest / self.speed:.3g} time units, more than {MAX_TIME:,}: raise speed")
        common.check_cost_magnitude(self.longest_travel, self.legs, max(v.cost_per_time for v in self.vehicles),
                                    self.extra_costs)
        return self

    @property
    def longest_travel(self) -> float:
        places = [*self.all_depots, *self.stops]
        longest = common.largest_distance(places, self.travel_time_matrix, self.road_factor)
        return longest if self.travel_time_matrix is not None else math.ceil(longest / self.speed)

    @property
    def legs(self) -> int:
        """The most legs a plan can drive: one into each stop, one back per vehicle."""
        return len(self.stops) + len(self.vehicles)

    @property
    def extra_costs(self) -> float:
        return sum(v.fixed_cost for v in self.vehicles) + sum(s.penalty or 0 for s in self.stops)

    def _check_pairs(self) -> None:
        names = [stop.name for stop in self.stops]
        seen: set[str] = set()
        for pair in self.pickup_deliveries:
            for name in (pair.pickup, pair.delivery):
                if name not in names:
                    raise ValueError(f"pickup_deliveries names stop '{name}', which is not one of the stops")
                if name in seen:
                    raise ValueError(f"stop '{name}' is in more than one pickup-and-delivery pair")
                seen.add(name)
                stop = self.stops[names.index(name)]
                if stop.demand or stop.pickup:
                    raise ValueError(f"stop '{name}' is in a pickup-and-delivery pair, so its load is the pair's "
                                     "amount: leave its demand and pickup at 0")
            if self.stops[names.index(pair.pickup)].required != self.stops[names.index(pair.delivery)].required:
                raise ValueError(f"the pair {pair.pickup} -> {pair.delivery} has one required stop and one "
                                 "optional: make both required or both optional")


def solve(data: VrptwInput, options: RunOptions) -> SolveOutcome:
    started = time.perf_counter()

    # Data: locations are the depots, then the stops; every time in minutes (or the input's units).
    depots, stops, vehicles = data.all_depots, data.stops, data.vehicles
    depot_names = [depot.name for depot in depots]
    first = len(depots)
    names = depot_names + [s.name for s in stops]
    frame = TimeFrame(data.times())
    travel = _travel_times([*depots, *stops], data)
    opens = [frame.minutes(d.opens) for d in depots]
    closes = [frame.minutes(d.closes) for d in depots]
    window = [(frame.minutes(s.earliest) if s.earliest is not None else min(opens),
               frame.minutes(s.latest) if s.latest is not None else max(closes)) for s in stops]
    fleet = [_vehicle(v, depot_names, frame, opens, closes) for v in vehicles]
    factor = max(1.0, max(v.cost_per_time for v in vehicles))
    units = common.cost_units([v.cost_per_time for v in vehicles], [v.fixed_cost for v in vehicles],
                              [s.penalty or 0 for s in stops],
                              largest_cost=data.longest_travel * data.legs * factor + data.extra_costs)

    # Proofs of infeasibility that need no search: a required stop out of reach, or loads that cannot be split.
    # An optional stop out of reach is left out before the search, with its reason.
    index = {name: k for k, name in enumerate(s.name for s in stops)}
    out_of_reach = {k: why for k, stop in enumerate(stops)
                    if (why := _out_of_reach(k, first, travel, window, stop, fleet, vehicles, frame))}
    capacities = [v.capacity for v in vehicles]
    for pair in data.pickup_deliveries:
        if None not in capacities and pair.amount > max(capacities):
            out_of_reach.setdefault(index[pair.pickup], f"needs {pair.amount} units, more than any vehicle carries "
                                                         f"({max(capacities)})")
        for one, other in ((pair.pickup, pair.delivery), (pair.delivery, pair.pickup)):
            if index[one] in out_of_reach:
                out_of_reach.setdefault(index[other], f"is paired with '{one}', which {out_of_reach[index[one]]}")
    reason = next((f"stop '{stops[k].name}' {why}" for k, why in out_of_reach.items() if stops[k].required), None)
    if reason is None and not data.pickup_deliveries and routing.loads_fit(
            [s.demand for s in stops if s.required], capacities,
            time_limit_s=min(2.0, 0.2 * options.time_limit_s)) is False:
        reason = "the stops' demands cannot be split among the vehicles without overloading one"
    if reason is not None:
        return SolveOutcome(status="infeasible", solver="feasibility pre-check",
                            solve_time_ms=int((time.perf_counter() - started) * 1000),
                            message=f"No plan exists: {reason}.")

    # The routing problem: costs are travel times (times cost_per_time), durations the same travel times.
    kept = [k for k in range(len(stops)) if k not in out_of_reach]
    position = {k: at for at, k in enumerate(kept)}
    problem = vrp.Problem(
        distance=travel, duration=travel,
        depots=[vrp.Depot(location=d, opens=opens[d], closes=closes[d]) for d in range(first)],
        stops=[vrp.Stop(location=first + k, delivery=stops[k].demand, pickup=stops[k].pickup,
                        service=stops[k].service_time, earliest=window[k][0], latest=window[k][1],
                        required=stops[k].required, penalty=round((stops[k].penalty or 0) * units)) for k in kept],
        vehicles=[vrp.Vehicle(start_depot=f["start"], end_depot=f["end"], capacity=v.capacity,
                              fixed_cost=round(v.fixed_cost * units), unit_distance_cost=round(v.cost_per_time * units),
                              shift_start=f["shift_start"], shift_end=f["shift_end"],
                              max_duration=v.max_duration or vrp.UNLIMITED) for v, f in zip(vehicles, fleet)],
        pairs=[vrp.Pair(pickup=position[index[p.pickup]], delivery=position[index[p.delivery]], amount=p.amount)
               for p in data.pickup_deliveries if index[p.pickup] in position])

    # Solve: exactly when small, PyVRP otherwise.
    plan = vrp.solve(problem, options, no_improvement=data.no_improvement_iterations, started=started)
    solve_time_ms = int((time.perf_counter() - started) * 1000)
    if not plan.routes and plan.cost is None:
        return common.no_plan_outcome(plan, solve_time_ms)
    plan_routes = [(v, [kept[s] for s in visits]) for v, visits in plan.routes]
    left_out = sorted([kept[s] for s in plan.skipped] + list(out_of_reach))

    # Readable output: per vehicle, the timetable of its route (arrival, wait, service) and its load.
    change = {first + k: (s.pickup - s.demand) for k, s in enumerate(stops)}
    for pair in data.pickup_deliveries:
        change[first + index[pair.pickup]] += pair.amount
        change[first + index[pair.delivery]] -= pair.amount
    routes, used = [], set()
    total_travel = total_cost = 0.0
    for v, visits in plan_routes:
        vehicle, f = vehicles[v], fleet[v]
        nodes = [f["start"]] + [first + s for s in visits] + [f["end"]]
        starts = _service_starts(nodes, travel, window, stops, first, f["departure_from"])
        load = sum(stops[s].demand for s in visits)
        timetable = [{"location": names[nodes[0]], "departure": frame.format(starts[0]), "on_board": load}]
        route_travel = 0
        for position in range(1, len(nodes)):
            previous, node = nodes[position - 1], nodes[position]
            leg = travel[previous][node]
            route_travel += leg
            service_before = stops[previous - first].service_time if previous >= first else 0
            arrival = starts[position - 1] + service_before + leg
            if position == len(nodes) - 1:
                timetable.append({"location": names[node], "arrival": frame.format(arrival), "travel_time": leg})
                break
            stop = stops[node - first]
            load += change[node]
            timetable.append({
                "location": stop.name, "arrival": frame.format(arrival), "wait": starts[position] - arrival,
                "service_start": frame.format(starts[position]),
                "departure": frame.format(starts[position] + stop.service_time),
                "time_window": [frame.format(w) for w in window[node - first]], "travel_time": leg,
                "demand": stop.demand, "pickup": stop.pickup, "on_board": load,
            })
        cost = vehicle.fixed_cost + vehicle.cost_per_time * route_travel
        routes.append({
            "vehicle": vehicle.name, "start_depot": names[nodes[0]], "end_depot": names[nodes[-1]],
            "stops": [names[node] for node in nodes[1:-1]], "timetable": timetable,
            "start_time": frame.format(starts[0]), "end_time": frame.format(arrival), "duration": arrival - starts[0],
            "travel_time": route_travel, "load": sum(stops[s].demand for s in visits), "capacity": vehicle.capacity,
            "fixed_cost": vehicle.fixed_cost, "cost": common.tidy(cost),
        })
        used.add(v)
        total_travel += route_travel
        total_cost += cost
    skipped = [{"name": stops[k].name, "penalty": stops[k].penalty,
                "reason": f"it {out_of_reach[k]}" if k in out_of_reach else
                f"serving it would add more to the cost than its penalty of {stops[k].penalty:g}"} for k in left_out]
    total_penalty = sum(item["penalty"] for item in skipped)
    objective = common.tidy(total_cost + total_penalty)
    return common.plan_outcome(
        plan, objective, units,
        {"total_cost": objective, "total_travel_time": total_travel,
         "total_fixed_cost": common.tidy(sum(vehicles[v].fixed_cost for v in used)),
         "total_penalty": common.tidy(total_penalty), "vehicles_used": len(routes), "routes": routes,
         "unused_vehicles": [v.name for k, v in enumerate(vehicles) if k not in used], "skipped": skipped},
        solve_time_ms)


def _travel_times(places: list[Any], data: VrptwInput) -> list[list[int]]:
    """The given matrix, or distance / speed rounded up to whole time units."""
    if isinstance(data.travel_time_matrix, PackedMatrix):
        return data.travel_time_matrix.decode(len(places), integers=True, field="travel_time_matrix").tolist()
    if data.travel_time_matrix is not None:
        return data.travel_time_matrix
    distances = common.distance_matrix(places, None, "euclidean", data.road_factor)
    return [[math.ceil(d / data.speed - 1e-9) for d in row] for row in distances]


def _vehicle(vehicle: Vehicle, depot_names: list[str], frame: TimeFrame, opens: list[int],
             closes: list[int]) -> dict[str, int]:
    """Depots and shift of a vehicle, in minutes, its depots' hours included."""
    start = common.depot_index(depot_names, vehicle.start_depot, vehicle.name)
    end = common.depot_index(depot_names, vehicle.end_depot or vehicle.start_depot, vehicle.name)
    shift_start = frame.minutes(vehicle.shift_start) if vehicle.shift_start is not None else 0
    shift_end = frame.minutes(vehicle.shift_end) if vehicle.shift_end is not None else vrp.UNLIMITED
    return {"start": start, "end": end, "shift_start": shift_start, "shift_end": shift_end,
            "departure_from": max(opens[start], shift_start), "back_by": min(closes[end], shift_end)}


def _service_starts(nodes: list[int], travel: list[list[int]], window: list[tuple[int, int]], stops: list[Stop],
                    first: int, earliest_departure: int) -> list[int]:
    """When service starts at each node of a route (departure for the first), leaving as late as the
    windows allow so that the vehicle waits as little as possible."""
    def forward(departure: int) -> tuple[list[int], list[int]]:
        starts, waits = [departure], [0]
        for position in range(1, len(nodes)):
            previous, node = nodes[position - 1], nodes[position]
            service = stops[previous - first].service_time if position > 1 else 0
            arrival = starts[-1] + service + travel[previous][node]
            start = max(arrival, window[node - first][0]) if position < len(nodes) - 1 else arrival
            waits.append(start - arrival)
            starts.append(start)
        return starts, waits

    starts, waits = forward(earliest_departure)
    # Delaying departure by d delays service at k by max(0, d - waiting before k): keep every window.
    delay, waited = math.inf, 0
    for position in range(1, len(nodes) - 1):
        waited += waits[position]
        delay = min(delay, waited + window[nodes[position] - first][1] - starts[position])
    delay = 0 if delay is math.inf else max(0, min(delay, waited))
    return forward(earliest_departure + delay)[0] if delay else starts


def _out_of_reach(k: int, first: int, travel: list[list[int]], window: list[tuple[int, int]], stop: Stop,
                  fleet: list[dict[str, int]], vehicles: list[Vehicle], frame: TimeFrame) -> str | None:
    """Why no vehicle can serve stop k even on its own, or None."""
    node = first + k
    capacities = [v.capacity for v in vehicles if v.capacity is not None]
    if len(capacities) == len(vehicles) and max(stop.demand, stop.pickup) > max(capacities):
        return f"needs {max(stop.demand, stop.pickup)} units, more than any vehicle carries ({max(capacities)})"
    reasons = []  # (kind, the time that rules the vehicle out, what it must beat)
    for f in fleet:
        arrival = f["departure_from"] + travel[f["start"]][node]
        start = max(arrival, window[k][0])
        back = start + stop.service_time + travel[node][f["end"]]
        if window[k][0] > f["back_by"]:
            reasons.append((0, window[k][0], f["back_by"]))
        elif start > window[k][1]:
            reasons.append((1, arrival, window[k][1]))
        elif back > f["back_by"]:
            reasons.append((2, back, f["back_by"]))
        else:
            return None
    kind, when, limit = min(reasons)
    if kind == 0:
        return (f"opens at {frame.format(when)}, after every vehicle must be back (at {frame.format(limit)} "
                "at the latest)")
    if kind == 1:
        return (f"cannot be reached before its window closes at {frame.format(limit)}: the earliest arrival from a "
                f"depot is {frame.format(when)}")
    return (f"cannot be served with a vehicle back before its depot closes or its shift ends: the earliest return "
            f"is {frame.format(when)}, the latest allowed {frame.format(limit)}")


TEMPLATE = Template(
    name="vrp_time_windows",
    display_name="Vehicle Routing with Time Windows",
    description="Plan routes that serve every stop inside its time window (clock times or date-times), "
                "from one or more depots, with a mixed fleet, shifts, optional stops and pickup-and-delivery "
                "pairs, at the lowest total travel time.",
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
