"""Run an OR-Tools routing model (pywrapcp) under our RunOptions and map its status.

    matrix = routing.euclidean_matrix(points, tsplib_rounding=False)
    costs, scale = routing.integer_costs(matrix)
    manager, model = routing.create_model(len(costs), num_vehicles=1, depot=0)
    model.SetArcCostEvaluatorOfAllVehicles(model.RegisterTransitMatrix(costs))
    assignment, run = routing.solve(model, options, started=started)
    stops = routing.route_nodes(manager, model, assignment, vehicle=0)

The search builds a first plan with PATH_CHEAPEST_ARC and improves it with guided local
search until the time limit. Guided local search never proves optimality, so a plan it
returns is "feasible"; "optimal" only when the routing library itself proves it. The
routing library is imported from `ortools.constraint_solver` (`ortools.routing` is not in
the 9.15 wheel).
"""
from __future__ import annotations

import math
import time
from typing import Any, Sequence

from chalicelib.engine import deadline, interrupt
from chalicelib.engine.options import RunOptions

COST_SCALE = 1000
"""Costs that are not whole numbers are multiplied by this and rounded (routing costs are integers)."""
MIN_SEARCH_S = 0.05
"""The search always gets at least this long, even when building the model used up the limit."""

# RoutingSearchStatus name -> our status. A search that ends without a plan has not proven that
# none exists (the first-solution heuristics are incomplete), so it reads "time_limit", not
# "infeasible"; only the library's own proof of infeasibility reads "infeasible".
STATUS = {
    "ROUTING_OPTIMAL": "optimal",
    "ROUTING_SUCCESS": "feasible",
    "ROUTING_PARTIAL_SUCCESS_LOCAL_OPTIMUM_NOT_REACHED": "feasible",
    "ROUTING_INFEASIBLE": "infeasible",
    "ROUTING_FAIL": "time_limit",
    "ROUTING_FAIL_TIMEOUT": "time_limit",
    "ROUTING_NOT_SOLVED": "error",
    "ROUTING_INVALID": "error",
}
_NO_PLAN_MESSAGES = {
    "ROUTING_FAIL": "The routing search ended without finding a plan that meets every constraint.",
    "ROUTING_FAIL_TIMEOUT": "No plan was found within the time limit; raise time_limit_s.",
    "ROUTING_INFEASIBLE": "The routing model is infeasible.",
    "ROUTING_INVALID": "The routing model is invalid.",
    "ROUTING_NOT_SOLVED": "The routing search did not run.",
}


def euclidean_matrix(points: Sequence[tuple[float, float]], *, tsplib_rounding: bool) -> list[list[float]]:
    """Pairwise straight-line distances; TSPLIB EUC_2D rounds each to the nearest integer."""
    import numpy as np

    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    distances = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))
    if tsplib_rounding:
        distances = np.floor(distances + 0.5)  # TSPLIB nint(x) = (int)(x + 0.5)
    return distances.tolist()


def integer_costs(matrix: Sequence[Sequence[float]]) -> tuple[list[list[int]], int]:
    """The matrix as integers for the routing library, and the factor applied (1 or COST_SCALE)."""
    import numpy as np

    values = np.asarray(matrix, dtype=float)
    scale = 1 if bool(np.all(values == np.round(values))) else COST_SCALE
    return np.round(values * scale).astype(np.int64).tolist(), scale


def create_model(num_nodes: int, num_vehicles: int, depot: int = 0, *,
                 starts: Sequence[int] | None = None, ends: Sequence[int] | None = None) -> tuple[Any, Any]:
    """An index manager and routing model: every vehicle from `depot`, or from starts[v] to ends[v]."""
    from ortools.constraint_solver import pywrapcp

    if starts is not None and ends is not None:
        manager = pywrapcp.RoutingIndexManager(num_nodes, num_vehicles, list(starts), list(ends))
    else:
        manager = pywrapcp.RoutingIndexManager(num_nodes, num_vehicles, depot)
    return manager, pywrapcp.RoutingModel(manager)


def solve(model: Any, options: RunOptions, *, started: float | None = None) -> tuple[Any, dict[str, Any]]:
    """Search until the time limit; return the best assignment (or None) and the run summary.

    `started` is the time.perf_counter() at which the caller began building the model: the search
    gets what is left of options.time_limit_s, so the limit covers the whole solve. The objective
    is the routing model's integer cost, in the caller's scaled units.
    """
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    started = time.perf_counter() if started is None else started
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    remaining_s = max(MIN_SEARCH_S, min(deadline.remaining(options.time_limit_s),
                                        options.time_limit_s - (time.perf_counter() - started)))
    parameters.time_limit.FromMilliseconds(int(math.ceil(remaining_s * 1000)))

    signal = interrupt.current()
    if signal is not None:  # the routing search takes no stop call from another thread: it polls
        model.AddSearchMonitor(model.solver().CustomLimit(lambda: signal.stopped))
    assignment = model.SolveWithParameters(parameters)
    name = routing_enums_pb2.RoutingSearchStatus.Value.Name(model.status())
    status = STATUS.get(name, "error")
    has_solution = assignment is not None and status in ("optimal", "feasible")
    objective_value = assignment.ObjectiveValue() if has_solution else None
    run = {
        "status": status,
        "has_solution": has_solution,
        "objective_value": objective_value,
        "best_bound": objective_value if status == "optimal" else None,
        "gap": 0.0 if status == "optimal" else None,
        "solve_time_ms": int((time.perf_counter() - started) * 1000),
        "solver": _solver_name(),
        "routing_status": name,
    }
    if not has_solution:
        run["message"] = _NO_PLAN_MESSAGES.get(name, f"The routing search stopped with status {name}.")
    return (assignment if has_solution else None), run


def route_nodes(manager: Any, model: Any, assignment: Any, vehicle: int) -> list[int]:
    """Node numbers visited by `vehicle`, start and end included."""
    nodes = []
    index = model.Start(vehicle)
    while not model.IsEnd(index):
        nodes.append(manager.IndexToNode(index))
        index = assignment.Value(model.NextVar(index))
    nodes.append(manager.IndexToNode(index))
    return nodes


def dropped_nodes(manager: Any, model: Any, assignment: Any) -> list[int]:
    """Optional nodes (in a disjunction) that the plan leaves unvisited."""
    return [
        manager.IndexToNode(index)
        for index in range(model.Size())
        if not model.IsStart(index) and not model.IsEnd(index)
        and assignment.Value(model.NextVar(index)) == index
    ]


def _solver_name() -> str:
    from ortools import __version__

    return f"OR-Tools routing {__version__} (PATH_CHEAPEST_ARC + GUIDED_LOCAL_SEARCH)"


def loads_fit(demands: Sequence[int], capacities: Sequence[int | None], time_limit_s: float) -> bool | None:
    """Whether the demands can be split among the vehicles without overloading any (bin packing).

    True or False when decided, None when undecided within time_limit_s. A vehicle whose capacity
    is None carries anything. First-fit decreasing settles most inputs; CP-SAT settles the rest.
    """
    if any(capacity is None for capacity in capacities):
        return True
    loads = sorted((d for d in demands if d > 0), reverse=True)
    free = sorted(capacities, reverse=True)
    for load in loads:
        for v, room in enumerate(free):
            if load <= room:
                free[v] -= load
                break
        else:
            break
    else:
        return True

    from ortools.sat.python import cp_model

    from chalicelib.engine import cpsat

    model = cp_model.CpModel()
    carries = [[model.new_bool_var(f"carries[{i},{v}]") for v in range(len(capacities))] for i in range(len(loads))]
    for row in carries:
        model.add_exactly_one(row)
    for v, capacity in enumerate(capacities):
        model.add(sum(load * carries[i][v] for i, load in enumerate(loads)) <= capacity)
    _, run = cpsat.solve(model, RunOptions(time_limit_s=max(MIN_SEARCH_S, time_limit_s)))
    return {"optimal": True, "feasible": True, "infeasible": False}.get(run["status"])
