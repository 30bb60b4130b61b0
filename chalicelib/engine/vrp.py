"""Solve a vehicle routing problem: exactly when it is small, with fast-tsp or PyVRP when it is not.

The routing templates (tsp, cvrp, vrp_time_windows) describe their input as a `Problem`:
integer distance and duration matrices over locations, depots, stops (deliveries,
pickups, time windows, optional with a penalty), pickup-and-delivery pairs and a mixed
fleet (capacity, fixed and per-distance cost, shift, maximum duration and distance, its
own start and end depots). `solve` then chooses the method:

- small problems go to an exact CP-SAT model (one circuit per vehicle) and come back
  "optimal" when CP-SAT proves it, which on a dozen stops takes milliseconds;
- a larger plain tour (one vehicle, symmetric distances) goes to fast-tsp's Or-opt and
  Lin-Kernighan search, restarted with doubling time until it no longer improves;
- the rest, and small ones CP-SAT could not close in its budget, go to PyVRP's iterated
  local search (the state of the art among libraries we may ship), which stops at the
  time limit or once `no_improvement` iterations in a row have not improved the best plan.

Costs are what PyVRP minimises: each used vehicle's fixed cost, plus its unit distance
cost times the distance it drives, plus the penalty of every optional stop left out.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

from chalicelib.engine import deadline, interrupt
from chalicelib.engine.options import RunOptions

UNLIMITED = 2**62
"""No limit (PyVRP's own default for open time windows and limits is the int64 maximum)."""
EXACT_MAX_NODES = 16
"""Problems with at most this many stops (a pair counts two) are tried exactly first."""
EXACT_MAX_TOUR = 30
"""... or a single vehicle's tour of at most this many stops."""
EXACT_MAX_ARCS = 4000
"""... and at most this many arc variables (vehicles x nodes x nodes)."""
EXACT_WORKERS = 1
EXACT_PARAMETERS = {"linearization_level": 2, "symmetry_level": 4}
"""One CP-SAT worker with the full LP relaxation and symmetry detection: measured on small CVRPs, it
proves optimality 2-5x sooner than a portfolio of 8 workers on 2 cores."""
EXACT_BUDGET_S = 1.0
EXACT_SHARE = 0.3
"""The exact model may take EXACT_BUDGET_S, or this share of the time limit when that is more (a dozen
stops take milliseconds; the margin is for a busy machine)."""
SMALL_NO_IMPROVEMENT = 500
"""On a small problem PyVRP stops after this many iterations without improvement (about 0.05 s):
CP-SAT, started from its plan, then proves it or finds better."""
FAST_TSP_MAX = 65535
"""fast-tsp's distances are 16-bit."""
DEFAULT_TOUR_RESTARTS = 1
TOUR_FIRST_SLICE_MIN_S = 0.2
TOUR_FIRST_SLICE_PER_STOP_S = 0.001
"""The first slice of a tour search: 0.2 s up to 200 stops, 1 s at 1,000."""
MIN_SLICE_S = 0.2
TOUR_SLICE_S = 2.0
TOUR_SLICE_SHARE = 0.1
"""Under a worker, a tour search runs in slices of max(2 s, 10% of what is left): a cancel is seen
between slices."""
PYVRP_MAX_ARC_COST = 10_000
"""Costs handed to PyVRP are divided down to at most this an arc (see to_pyvrp)."""
DEFAULT_NO_IMPROVEMENT_MIN = 50_000
DEFAULT_NO_IMPROVEMENT_PER_STOP = 500
"""The default no-improvement limit: 500 iterations a stop, at least 50,000. Measured on CVRPLIB X,
PyVRP still finds better plans after 20,000 idle iterations (X-n101-k25 reached its best known
solution in a 60 s run that a 5,000 or a 20,000 limit stopped at 0.23% above it). This limit stops
runs of minutes once they stagnate and leaves searches of up to a minute to the time limit; a user
who wants a faster answer sets no_improvement_iterations lower."""


@dataclass(frozen=True)
class Depot:
    location: int
    opens: int = 0
    closes: int = UNLIMITED


@dataclass(frozen=True)
class Stop:
    """A visit; a Pair ties a pickup stop to its delivery stop."""

    location: int
    delivery: int = 0
    pickup: int = 0
    service: int = 0
    earliest: int = 0
    latest: int = UNLIMITED
    required: bool = True
    penalty: int = 0


@dataclass(frozen=True)
class Vehicle:
    start_depot: int = 0
    end_depot: int = 0
    capacity: int | None = None
    fixed_cost: int = 0
    unit_distance_cost: int = 1
    shift_start: int = 0
    shift_end: int = UNLIMITED
    max_duration: int = UNLIMITED
    max_distance: int = UNLIMITED


@dataclass(frozen=True)
class Pair:
    """Stops `pickup` and `delivery` (indices into Problem.stops) on one vehicle, pickup first."""

    pickup: int
    delivery: int
    amount: int = 0


@dataclass
class Problem:
    distance: Any
    """Square integer matrix (numpy int64) over locations."""
    duration: Any | None
    """Square integer matrix of travel times, or None when no time matters."""
    depots: list[Depot]
    stops: list[Stop]
    vehicles: list[Vehicle]
    pairs: list[Pair] = field(default_factory=list)

    @property
    def timed(self) -> bool:
        return self.duration is not None


@dataclass
class Plan:
    status: str
    """"optimal", "feasible", or "time_limit" / "infeasible" / "error" without routes."""
    routes: list[tuple[int, list[int]]]
    """(vehicle index, stop indices in visiting order) for each vehicle used."""
    skipped: list[int]
    cost: int | None
    bound: int | None
    solver: str
    method: str
    iterations: int | None = None
    stopped_by: str | None = None
    no_improvement: int | None = None
    message: str | None = None


def solve(problem: Problem, options: RunOptions, *, no_improvement: int | None = None,
          restarts: int = DEFAULT_TOUR_RESTARTS, started: float | None = None) -> Plan:
    """The best plan within options.time_limit_s (counted from `started`), proven optimal when small."""
    started = time.perf_counter() if started is None else started

    def left() -> float:
        return max(0.05, min(deadline.remaining(options.time_limit_s),
                             options.time_limit_s - (time.perf_counter() - started)))

    exact_budget = max(EXACT_BUDGET_S, EXACT_SHARE * options.time_limit_s)
    if not _small(problem):
        if plain_tour(problem):
            return solve_tour(problem, left, threads=options.num_workers or 1, restarts=restarts)
        return solve_heuristic(problem, left(), no_improvement=no_improvement, seed=options.seed or 0)
    if len(problem.vehicles) == 1:  # one circuit: CP-SAT alone proves a few dozen stops in milliseconds
        exact = solve_exact(problem, RunOptions(time_limit_s=min(exact_budget, left()),
                                                num_workers=options.num_workers or EXACT_WORKERS, seed=options.seed))
        if exact.status in ("optimal", "infeasible") or _stopped():
            return exact
    # Small: PyVRP finds the best plan in a fraction of a second, then CP-SAT, started from it, proves it.
    patience = no_improvement or min(SMALL_NO_IMPROVEMENT, default_no_improvement(problem))
    heuristic = solve_heuristic(problem, left(), no_improvement=patience, seed=options.seed or 0)
    if _stopped():
        return heuristic
    exact = solve_exact(problem, RunOptions(time_limit_s=min(exact_budget, left()),
                                            num_workers=options.num_workers or EXACT_WORKERS, seed=options.seed),
                        hint=heuristic)
    if exact.status == "infeasible" or (exact.cost is not None and heuristic.cost is None):
        return exact
    if exact.cost is not None and exact.cost < heuristic.cost:
        exact.iterations, exact.no_improvement = heuristic.iterations, heuristic.no_improvement
        heuristic = exact
    if exact.bound is not None and heuristic.cost is not None:
        heuristic.bound = min(exact.bound, heuristic.cost)
        if heuristic.cost <= exact.bound:
            heuristic.status, heuristic.stopped_by = "optimal", "proven_optimal"
            heuristic.solver = f"{heuristic.solver}, proven optimal by {exact.solver}"
    return heuristic


def _small(problem: Problem) -> bool:
    n = len(problem.stops)
    if len(problem.vehicles) == 1:
        return n <= EXACT_MAX_TOUR
    return n <= EXACT_MAX_NODES and len(problem.vehicles) * (n + 1) ** 2 <= EXACT_MAX_ARCS


def _stopped() -> bool:
    signal = interrupt.current()
    return signal is not None and signal.stopped


def default_no_improvement(problem: Problem) -> int:
    return max(DEFAULT_NO_IMPROVEMENT_MIN, DEFAULT_NO_IMPROVEMENT_PER_STOP * len(problem.stops))


# --- fast-tsp: one tour through every stop --------------------------------------------------------

def plain_tour(problem: Problem) -> bool:
    """One vehicle, every stop required, nothing but a symmetric distance: a TSP fast-tsp can search."""
    import numpy as np

    if len(problem.vehicles) != 1 or problem.timed or problem.pairs or len(problem.stops) < 3:
        return False
    vehicle = problem.vehicles[0]
    if vehicle.capacity is not None or vehicle.max_distance < UNLIMITED:
        return False
    if any(not stop.required or stop.delivery or stop.pickup for stop in problem.stops):
        return False
    distance = np.asarray(problem.distance)
    return bool(np.array_equal(distance, distance.T))


def solve_tour(problem: Problem, left: Any, *, threads: int = 1, restarts: int = DEFAULT_TOUR_RESTARTS) -> Plan:
    """fast-tsp's Or-opt and Lin-Kernighan local search (MIT): within 0.2% of TSPLIB optima in 2 s.

    The search runs in slices of doubling length (from 0.2 s, or 1 ms a stop), each a fresh search,
    and keeps the best tour;
    it stops at the time limit or after `restarts` slices in a row that did not shorten the tour
    (0: one search until the time limit). Under a worker, whose cancel fast-tsp cannot see
    mid-search, no slice is longer than max(2 s, 10% of what is left).

    fast-tsp's distances are 16-bit: larger ones are scaled down for the search (the plan is costed
    on the true ones). An open path from the start ends at a free node that only the start reaches
    at no cost, so that the closed tour fast-tsp returns opens there.
    """
    import fast_tsp
    import numpy as np

    vehicle = problem.vehicles[0]
    start, end = problem.depots[vehicle.start_depot].location, problem.depots[vehicle.end_depot].location
    nodes = [start] + [stop.location for stop in problem.stops]
    distance = np.asarray(problem.distance, dtype=np.int64)
    matrix = distance[np.ix_(nodes, nodes)]
    if end != start:  # the free end: reached from the start only, at the largest distance, a constant
        n = len(nodes)
        matrix = np.pad(matrix, ((0, 1), (0, 1)))
        matrix[n, :n] = matrix[:n, n] = int(matrix.max())
        matrix[n, 0] = matrix[0, n] = 0
    largest = int(matrix.max())
    if largest > FAST_TSP_MAX:
        matrix = np.round(matrix * (FAST_TSP_MAX / largest)).astype(np.int64)

    def true_cost(tour: list[int]) -> int:
        return plan_distance(problem, 0, _open_at_start(tour, len(nodes), end != start)) * vehicle.unit_distance_cost

    signal = interrupt.current()
    length = max(TOUR_FIRST_SLICE_MIN_S, TOUR_FIRST_SLICE_PER_STOP_S * len(nodes))
    best, best_cost, reason, slices, stale = None, None, "time_limit", 0, 0
    while True:
        budget = left() if restarts == 0 else min(left(), length)
        if signal is not None:
            budget = min(budget, max(TOUR_SLICE_S, TOUR_SLICE_SHARE * left()))
        tour = fast_tsp.find_tour(matrix, budget, max_threads=threads)
        slices += 1
        cost = true_cost(tour)
        if best_cost is None or cost < best_cost:
            best, best_cost, stale = tour, cost, 0
        else:
            stale += 1
        if signal is not None and signal.stopped:
            reason = "cancelled"
            break
        if restarts and stale >= restarts:
            reason = "no_improvement"
            break
        if left() <= MIN_SLICE_S:
            break
        length *= 2
    from importlib.metadata import version

    return Plan(status="feasible", routes=[(0, _open_at_start(best, len(nodes), end != start))], skipped=[],
                cost=best_cost + vehicle.fixed_cost, bound=None,
                solver=f"fast-tsp {version('fast-tsp')} (Or-opt and Lin-Kernighan local search)",
                method="heuristic", iterations=slices, stopped_by=reason, no_improvement=restarts)


def _open_at_start(tour: list[int], n: int, free_end: bool) -> list[int]:
    """Stop indices in visiting order, the tour rotated to leave node 0 (the start) first."""
    at = tour.index(0)
    tour = tour[at:] + tour[:at]
    if free_end and tour[1] == n:  # the free end came out next to the start: walk the other way
        tour = [0] + tour[1:][::-1]
    return [node - 1 for node in tour[1:] if node != n]


# --- PyVRP ----------------------------------------------------------------------------------------

class _Stop:
    """PyVRP stopping criterion: time limit, no improvement for `patience` iterations, or a cancel."""

    def __init__(self, time_limit_s: float, patience: int):
        self.deadline = time.perf_counter() + time_limit_s
        self.patience = patience
        self.best = math.inf
        self.since_best = 0
        self.iterations = 0
        self.reason: str | None = None
        self.signal = interrupt.current()

    def __call__(self, best_cost: float) -> bool:
        self.iterations += 1
        if best_cost < self.best:
            self.best, self.since_best = best_cost, 0
        else:
            self.since_best += 1
        if self.signal is not None and self.signal.stopped:
            self.reason = "cancelled"
        elif self.since_best >= self.patience:
            self.reason = "no_improvement"
        elif time.perf_counter() >= self.deadline:
            self.reason = "time_limit"
        return self.reason is not None


def to_pyvrp(problem: Problem) -> tuple[Any, list[int], list[list[int]]]:
    """PyVRP ProblemData; what each PyVRP client is in our stops; our vehicles of each PyVRP type.

    Plain stops become PyVRP clients and pairs PyVRP shipments; identical vehicles become one
    vehicle type.
    """
    import numpy as np
    import pyvrp

    # PyVRP's penalties for overloads and lateness top out at 100,000 a unit: with arcs that cost far
    # more, it stops finding feasible plans. Its arc costs are brought down to PYVRP_MAX_ARC_COST: unit
    # costs to two digits, then distances (rounded up, so that a distance limit met there is met on the
    # true distances). The search only compares costs: plans are costed on our data (plan_cost).
    distance = np.asarray(problem.distance, dtype=np.int64)
    units = [v.unit_distance_cost for v in problem.vehicles]
    unit_divisor = _ceil_div(max(units), 100) if int(distance.max(initial=0)) * max(units) > PYVRP_MAX_ARC_COST else 1
    units = [_ceil_div(u, unit_divisor) for u in units]
    distance_divisor = max(1, _ceil_div(int(distance.max(initial=0)) * max(units), PYVRP_MAX_ARC_COST))
    distance = -(-distance // distance_divisor)

    def down(cost: int) -> int:
        return _ceil_div(cost, unit_divisor * distance_divisor)

    n_locations = len(problem.distance)
    locations = [pyvrp.Location(x=0, y=0) for _ in range(n_locations)]
    depots = [pyvrp.Depot(location=d.location, tw_early=d.opens, tw_late=min(d.closes, UNLIMITED))
              for d in problem.depots]
    paired = {p.pickup for p in problem.pairs} | {p.delivery for p in problem.pairs}
    clients, index = [], []  # index[c]: which of our stops PyVRP's client c is
    for s, stop in enumerate(problem.stops):
        if s in paired:
            continue
        clients.append(pyvrp.Client(location=stop.location, delivery=[stop.delivery], pickup=[stop.pickup],
                                    service_duration=stop.service, tw_early=stop.earliest,
                                    tw_late=min(stop.latest, UNLIMITED), required=stop.required,
                                    prize=0 if stop.required else down(stop.penalty)))
        index.append(s)
    shipments = []
    for p, pair in enumerate(problem.pairs):
        pickup, delivery = problem.stops[pair.pickup], problem.stops[pair.delivery]
        shipments.append(pyvrp.Shipment(
            pickup_location=pickup.location, delivery_location=delivery.location,
            pickup_tw_early=pickup.earliest, pickup_tw_late=min(pickup.latest, UNLIMITED),
            pickup_service_duration=pickup.service, delivery_tw_early=delivery.earliest,
            delivery_tw_late=min(delivery.latest, UNLIMITED), delivery_service_duration=delivery.service,
            amount=[pair.amount], required=pickup.required,
            prize=0 if pickup.required else down(pickup.penalty + delivery.penalty)))
    largest = max([v.capacity for v in problem.vehicles if v.capacity is not None] or [0])
    total = sum(s.delivery + s.pickup for s in problem.stops) + sum(p.amount for p in problem.pairs)
    kinds: dict[tuple[Vehicle, int], list[int]] = {}  # identical vehicles are one PyVRP type: a faster search
    for k, (v, unit) in enumerate(zip(problem.vehicles, units)):
        kinds.setdefault((v, unit), []).append(k)
    vehicle_types = [
        pyvrp.VehicleType(num_available=len(members),
                          capacity=[v.capacity if v.capacity is not None else max(largest, total)],
                          start_depot=v.start_depot, end_depot=v.end_depot, fixed_cost=down(v.fixed_cost),
                          tw_early=v.shift_start, tw_late=min(v.shift_end, UNLIMITED),
                          shift_duration=min(v.max_duration, UNLIMITED),
                          max_distance=min(v.max_distance // distance_divisor, UNLIMITED), unit_distance_cost=unit)
        for (v, unit), members in kinds.items()]
    duration = np.asarray(problem.duration if problem.timed else np.zeros_like(distance), dtype=np.int64)
    data = pyvrp.ProblemData(locations=locations, clients=clients, depots=depots, vehicle_types=vehicle_types,
                             distance_matrices=[distance], duration_matrices=[duration], shipments=shipments)
    return data, index, list(kinds.values())


def solve_heuristic(problem: Problem, time_limit_s: float, *, no_improvement: int | None = None,
                    seed: int = 0) -> Plan:
    import pyvrp

    patience = no_improvement or default_no_improvement(problem)
    data, index, fleet = to_pyvrp(problem)
    stop = _Stop(time_limit_s, patience)
    result = pyvrp.solve(data, stop=stop, seed=seed, collect_stats=False)
    best = result.best
    solver = f"PyVRP {_pyvrp_version()} (iterated local search)"
    common = {"solver": solver, "method": "heuristic", "iterations": stop.iterations,
              "stopped_by": stop.reason, "no_improvement": patience}
    if not best.is_feasible():
        return Plan(status="time_limit", routes=[], skipped=[], cost=None, bound=None,
                    message="No plan meeting every constraint was found within the time limit.", **common)
    routes, served, free = [], set(), [list(members) for members in fleet]
    for route in best.routes():
        stops = []
        for activity in route.schedule():
            kind = activity.type
            if kind == pyvrp.ActivityType.CLIENT:
                stops.append(index[activity.idx])
            elif kind == pyvrp.ActivityType.PICKUP:
                stops.append(problem.pairs[activity.idx].pickup)
            elif kind == pyvrp.ActivityType.DELIVERY:
                stops.append(problem.pairs[activity.idx].delivery)
        routes.append((free[route.vehicle_type()].pop(0), stops))
        served.update(stops)
    skipped = [s for s in range(len(problem.stops)) if s not in served]
    return Plan(status="feasible", routes=sorted(routes), skipped=skipped, cost=plan_cost(problem, routes, skipped),
                bound=None, **common)


def _pyvrp_version() -> str:
    from importlib.metadata import version

    return version("pyvrp")


# --- Exact (CP-SAT) -------------------------------------------------------------------------------

def solve_exact(problem: Problem, options: RunOptions, *, hint: Plan | None = None) -> Plan:
    """One circuit per vehicle over its depot and the stops; optimal when CP-SAT proves it.

    `hint` (a plan found before) starts the search and caps the cost: CP-SAT then only has to
    prove that nothing cheaper exists.
    """
    from ortools.sat.python import cp_model

    from chalicelib.engine import cpsat

    dist, dur = problem.distance, problem.duration
    stops, vehicles = problem.stops, problem.vehicles
    n = len(stops)
    nodes = range(1, n + 1)  # node k is stops[k-1]; node 0 is the vehicle's depot (start and end)
    model = cp_model.CpModel()

    def location(v: int, node: int, end: bool) -> int:
        if node:
            return stops[node - 1].location
        return problem.depots[vehicles[v].end_depot if end else vehicles[v].start_depot].location

    def arc_value(matrix: Any, v: int, i: int, j: int) -> int:
        return int(matrix[location(v, i, False)][location(v, j, True)])

    visit = [[None] * (n + 1) for _ in vehicles]
    arcs_of: list[dict[tuple[int, int], Any]] = []
    used, distances = [], []
    for v, vehicle in enumerate(vehicles):
        arcs: dict[tuple[int, int], Any] = {}
        circuit = []
        unused = model.new_bool_var(f"unused[{v}]")
        circuit.append((0, 0, unused))
        for j in nodes:
            skip = model.new_bool_var(f"skip[{v},{j}]")
            circuit.append((j, j, skip))
            visit[v][j] = ~skip
            model.add_implication(unused, skip)
        for i in range(n + 1):
            for j in range(n + 1):
                if i != j:
                    arcs[i, j] = model.new_bool_var(f"x[{v},{i},{j}]")
                    circuit.append((i, j, arcs[i, j]))
        model.add_circuit(circuit)
        arcs_of.append(arcs)
        used.append(~unused)
        driven = sum(arc_value(dist, v, i, j) * x for (i, j), x in arcs.items())
        if vehicle.max_distance < UNLIMITED:
            model.add(driven <= vehicle.max_distance)
        distances.append(driven)

    # Every required stop once; an optional one at most once.
    served = []
    for j in nodes:
        count = sum(visit[v][j] for v in range(len(vehicles)))
        if stops[j - 1].required:
            model.add(count == 1)
            served.append(None)
        else:
            s = model.new_bool_var(f"served[{j}]")
            model.add(count == s)
            served.append(s)

    # Loads along each route: what is still to deliver plus what has been picked up.
    capacities = [vehicle.capacity for vehicle in vehicles]
    change = [0] * (n + 1)
    for j in nodes:
        change[j] = stops[j - 1].pickup - stops[j - 1].delivery
    for pair in problem.pairs:
        change[pair.pickup + 1] += pair.amount
        change[pair.delivery + 1] -= pair.amount
    only_deliveries = not problem.pairs and not any(stop.pickup for stop in stops)
    for v, capacity in enumerate(capacities):
        if capacity is None:
            continue
        if only_deliveries:  # the load only falls along the route: what it starts with is what matters
            model.add(sum(stops[j - 1].delivery * visit[v][j] for j in nodes) <= capacity)
        else:
            load = [model.new_int_var(0, capacity, f"load[{v},{j}]") for j in range(n + 1)]
            model.add(load[0] == sum(stops[j - 1].delivery * visit[v][j] for j in nodes))
            for (i, j), x in arcs_of[v].items():
                if j:
                    model.add(load[j] == load[i] + change[j]).only_enforce_if(x)

    # Order along each route (pickups before their deliveries) and service times.
    if problem.pairs:
        for v in range(len(vehicles)):
            position = [model.new_int_var(0, n, f"pos[{v},{j}]") for j in range(n + 1)]
            model.add(position[0] == 0)
            for (i, j), x in arcs_of[v].items():
                if j:
                    model.add(position[j] == position[i] + 1).only_enforce_if(x)
            for pair in problem.pairs:
                p, d = pair.pickup + 1, pair.delivery + 1
                model.add(visit[v][p] == visit[v][d])
                model.add(position[d] > position[p]).only_enforce_if(visit[v][p])
    if problem.timed:
        import numpy as np

        horizon = max([d.opens for d in problem.depots] + [v.shift_start for v in vehicles]
                      + [s.earliest for s in stops])
        horizon += sum(s.service for s in stops) + (n + 1) * int(np.max(dur))
        for v, vehicle in enumerate(vehicles):
            start, end = problem.depots[vehicle.start_depot], problem.depots[vehicle.end_depot]
            clock = [model.new_int_var(0, horizon, f"t[{v},{j}]") for j in range(n + 1)]
            back = model.new_int_var(0, horizon, f"back[{v}]")
            model.add(clock[0] >= max(start.opens, vehicle.shift_start))
            model.add(back <= min(end.closes, vehicle.shift_end, horizon))
            if vehicle.max_duration < UNLIMITED:
                model.add(back - clock[0] <= vehicle.max_duration)
            for j in nodes:
                stop = stops[j - 1]
                model.add(clock[j] >= stop.earliest)
                if stop.latest < UNLIMITED:
                    model.add(clock[j] <= stop.latest).only_enforce_if(visit[v][j])
            model.add(back >= clock[0])
            for (i, j), x in arcs_of[v].items():
                service = stops[i - 1].service if i else 0
                if j:
                    model.add(clock[j] >= clock[i] + service + arc_value(dur, v, i, j)).only_enforce_if(x)
                else:
                    model.add(back >= clock[i] + service + arc_value(dur, v, i, 0)).only_enforce_if(x)

    # Symmetry: among identical vehicles, the lower-numbered ones are used first.
    for v in range(1, len(vehicles)):
        if vehicles[v] == vehicles[v - 1]:
            model.add_implication(used[v], used[v - 1])

    cost = sum(vehicle.fixed_cost * used[v] + vehicle.unit_distance_cost * distances[v]
               for v, vehicle in enumerate(vehicles))
    cost += sum(stops[j - 1].penalty * (1 - served[j - 1]) for j in nodes if served[j - 1] is not None)
    model.minimize(cost)
    if hint is not None and hint.cost is not None:
        _add_hint(model, hint, vehicles, arcs_of, used, visit, served)
        model.add(cost <= hint.cost)

    # Cut: at least as many vehicles as the deliveries need, filling the largest first.
    if all(c is not None for c in capacities):
        need, carried = sum(stop.delivery for stop in stops if stop.required), 0
        for count, capacity in enumerate(sorted(capacities, reverse=True)):
            if carried >= need:
                model.add(sum(used) >= count)
                break
            carried += capacity

    solver, run = cpsat.solve(model, options, parameters=EXACT_PARAMETERS)
    name = f"CP-SAT {run['solver'].split('(')[-1].rstrip(')')} (exact routing model)"
    if run["status"] not in ("optimal", "feasible"):
        status = "infeasible" if run["status"] == "infeasible" else "time_limit"
        message = ("No plan meets every constraint together (proven by CP-SAT): the time windows, shifts, "
                   "capacities or limits conflict." if status == "infeasible" else None)
        return Plan(status=status, routes=[], skipped=[], cost=None, bound=None, solver=name, method="exact",
                    stopped_by="proven_infeasible" if status == "infeasible" else "time_limit", message=message)
    routes, served_stops = [], set()
    for v in range(len(vehicles)):
        if not solver.boolean_value(used[v]):
            continue
        order, node = [], 0
        successor = {i: j for (i, j), x in arcs_of[v].items() if solver.boolean_value(x)}
        while True:
            node = successor[node]
            if node == 0:
                break
            order.append(node - 1)
        routes.append((v, order))
        served_stops.update(order)
    skipped = [s for s in range(n) if s not in served_stops]
    return Plan(status=run["status"], routes=routes, skipped=skipped, cost=int(round(run["objective_value"])),
                bound=int(math.ceil(run["best_bound"] - 1e-6)), solver=name, method="exact",
                stopped_by="proven_optimal" if run["status"] == "optimal" else "time_limit")


def _canonical(routes: list[tuple[int, list[int]]], vehicles: list[Vehicle]) -> list[tuple[int, list[int]]]:
    """The same routes, moved onto the lowest-numbered of identical vehicles (as the symmetry rule wants)."""
    taken: set[int] = set()
    out = []
    for v, stops in sorted(routes):
        first = min(u for u in range(len(vehicles)) if vehicles[u] == vehicles[v] and u not in taken)
        taken.add(first)
        out.append((first, stops))
    return out


def _add_hint(model: Any, hint: Plan, vehicles: list[Vehicle], arcs_of: list[dict[tuple[int, int], Any]],
              used: list[Any], visit: list[list[Any]], served: list[Any]) -> None:
    """Hint every arc, visit and use literal with their values in `hint`."""
    route_of = dict(_canonical(hint.routes, vehicles))
    for v, arcs in enumerate(arcs_of):
        nodes = [0] + [s + 1 for s in route_of.get(v, [])] + [0]
        on = set(zip(nodes, nodes[1:])) if v in route_of else set()
        for key, x in arcs.items():
            model.add_hint(x, key in on)
        model.add_hint(used[v], v in route_of)
        for j in range(1, len(visit[v])):
            model.add_hint(visit[v][j], j in nodes[1:-1])
    skipped = set(hint.skipped)
    for j, s in enumerate(served):
        if s is not None:
            model.add_hint(s, j not in skipped)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def plan_cost(problem: Problem, routes: list[tuple[int, list[int]]], skipped: list[int]) -> int:
    """What PyVRP and the exact model minimise, on our integer data: fixed and distance costs, penalties."""
    cost = sum(problem.vehicles[v].fixed_cost + problem.vehicles[v].unit_distance_cost * plan_distance(problem, v, s)
               for v, s in routes)
    return cost + sum(problem.stops[s].penalty for s in skipped)


def plan_distance(problem: Problem, vehicle: int, stops: Sequence[int]) -> int:
    """Distance driven by `vehicle` from its start depot through `stops` to its end depot."""
    v = problem.vehicles[vehicle]
    path = ([problem.depots[v.start_depot].location] + [problem.stops[s].location for s in stops]
            + [problem.depots[v.end_depot].location])
    return int(sum(problem.distance[a][b] for a, b in zip(path, path[1:])))
