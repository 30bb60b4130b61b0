"""What the routing templates (tsp, cvrp, vrp_time_windows) share; not a template itself.

Their inputs locate places the same way (a matrix, or x/y coordinates turned into one), their
fleets are checked the same way, their routing models charge arcs and fixed costs and make
every visit formally optional the same way, and their plans are read back the same way. One
copy here keeps the three templates alike and leaves each one with what is its own: its input
model, its constraints and the shape of its readable output. Importing this module, like
importing a template, does not load OR-Tools.
"""
from __future__ import annotations

import math
from typing import Annotated, Any, Protocol, Sequence

from pydantic import Field

from chalicelib.engine import routing
from chalicelib.engine.result import SolveOutcome

Distance = Annotated[float, Field(ge=0, le=1e9)]
"""One matrix entry: a distance in the input's own unit."""


class Place(Protocol):
    name: str
    x: float | None
    y: float | None


# --- Input checks (raise ValueError inside a pydantic model validator) --------------------------

def check_unique(kind: str, names: Sequence[str]) -> None:
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:10])}")


def check_places(places: Sequence[Place], matrix: Sequence[Sequence[float]] | None, *, matrix_field: str,
                 who_needs: str, layout: str) -> None:
    """Without a matrix every place needs coordinates; with one, it is square, one row per place.

    `who_needs` and `layout` word the errors for the template, e.g. "every city needs" and
    ", one row and one column per city in the order of cities".
    """
    n = len(places)
    if matrix is None:
        missing = [place.name for place in places if place.x is None or place.y is None]
        if missing:
            raise ValueError(f"{who_needs} x and y when no {matrix_field} is given; missing for: "
                             + ", ".join(missing[:10]))
    elif len(matrix) != n or any(len(row) != n for row in matrix):
        raise ValueError(f"{matrix_field} must be {n} x {n}{layout}")


def check_fleet(demands: Sequence[tuple[str, int]], capacities: Sequence[int]) -> None:
    """Loads that no fleet of these capacities could carry, found without search: (name, demand) pairs."""
    total_demand = sum(demand for _, demand in demands)
    total_capacity = sum(capacities)
    if total_demand > total_capacity:
        raise ValueError(f"total demand is {total_demand} units but the whole fleet carries only "
                         f"{total_capacity}; add vehicles or capacity")
    largest = max(capacities)
    too_big = [name for name, demand in demands if demand > largest]
    if too_big:
        raise ValueError(f"no vehicle can carry the demand of {', '.join(too_big[:10])}: the largest "
                         f"vehicle carries {largest} units")


# --- Data -----------------------------------------------------------------------------------------

def distance_matrix(places: Sequence[Place], matrix: Sequence[Sequence[float]] | None,
                    metric: str) -> Sequence[Sequence[float]]:
    """The given matrix, or straight-line distances ("euc_2d": each rounded as TSPLIB does)."""
    if matrix is not None:
        return matrix
    return routing.euclidean_matrix([(place.x, place.y) for place in places], tsplib_rounding=metric == "euc_2d")


def travel_time_matrix(places: Sequence[Place], matrix: Sequence[Sequence[int]] | None,
                       speed: float) -> Sequence[Sequence[int]]:
    """The given matrix, or straight-line distance / speed rounded up to whole time units."""
    if matrix is not None:
        return matrix
    return [[math.ceil(d / speed - 1e-9) for d in row]
            for row in routing.euclidean_matrix([(place.x, place.y) for place in places], tsplib_rounding=False)]


# --- The routing model ----------------------------------------------------------------------------

def add_capacities(model: Any, demands: Sequence[int], capacities: Sequence[int | None]) -> None:
    """A "Load" dimension: what a vehicle carries never exceeds its capacity (None: no limit)."""
    if all(capacity is None for capacity in capacities):
        return
    model.AddDimensionWithVehicleCapacity(
        model.RegisterUnaryTransitVector(list(demands)), 0,
        [sum(demands) if capacity is None else capacity for capacity in capacities], True, "Load")


def add_costs_and_visits(manager: Any, model: Any, costs: list[list[int]], fixed_costs: list[int]) -> None:
    """Arc costs plus each used vehicle's fixed cost; every node but the depot (0) must be visited.

    A visit is formally optional, with a penalty larger than anything skipping it could save, so
    the search always returns a plan and `unserved_outcome` can name the nodes it could not fit.
    """
    model.SetArcCostEvaluatorOfAllVehicles(model.RegisterTransitMatrix(costs))
    for v, fixed_cost in enumerate(fixed_costs):
        model.SetFixedCostOfVehicle(fixed_cost, v)
    penalty = 2 * max(max(row) for row in costs) + max(fixed_costs) + 1
    for node in range(1, len(costs)):
        model.AddDisjunction([manager.NodeToIndex(node)], penalty)


# --- Reading the plan back ------------------------------------------------------------------------

def no_plan_outcome(run: dict[str, Any]) -> SolveOutcome:
    """The search returned no plan at all."""
    return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                        message=run.get("message"))


def unserved_outcome(manager: Any, model: Any, assignment: Any, run: dict[str, Any], names: Sequence[str],
                     *, serving: str, advice: str) -> SolveOutcome | None:
    """None when the plan visits every node; otherwise a "time_limit" outcome naming those it skips."""
    unserved = [names[node] for node in routing.dropped_nodes(manager, model, assignment)]
    if not unserved:
        return None
    return SolveOutcome(
        status="time_limit", solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        message=f"No plan serving every {serving} was found within the time limit; {len(unserved)} could not "
                f"be fitted ({', '.join(unserved[:10])}). {advice}")


def used_routes(manager: Any, model: Any, assignment: Any,
                num_vehicles: int) -> tuple[list[tuple[int, list[int]]], list[int]]:
    """(vehicle, its nodes from start to end) for each vehicle that leaves the depot; the vehicles that do not."""
    used, unused = [], []
    for v in range(num_vehicles):
        nodes = routing.route_nodes(manager, model, assignment, vehicle=v)
        if len(nodes) <= 2:
            unused.append(v)
        else:
            used.append((v, nodes))
    return used, unused


def legs(nodes: Sequence[int], distances: Sequence[Sequence[float]]) -> list[tuple[int, float, float]]:
    """(node, distance from the previous node, distance so far) along a route, on the unscaled matrix."""
    out, total = [], 0.0
    for position, node in enumerate(nodes):
        leg = float(distances[nodes[position - 1]][node]) if position else 0.0
        total += leg
        out.append((node, leg, total))
    return out


def plan_outcome(run: dict[str, Any], objective: float, solution: dict[str, Any],
                 message: str | None) -> SolveOutcome:
    """The result of a plan: the objective measured on the plan, a bound only when the search proved it."""
    return SolveOutcome(
        status=run["status"], objective_value=objective,
        best_bound=objective if run["status"] == "optimal" else None, gap=run["gap"],
        solver=run["solver"], solve_time_ms=run["solve_time_ms"], solution=solution, message=message)


def tidy(value: float) -> float:
    """Round away float noise from summing legs."""
    return round(value, 6)
