"""Run a pywraplp (LP/MIP) model under our RunOptions and map its status.

A MIP is solved to the run's gap tolerance (RunOptions.gap_tolerance, default 1e-4) and is
`optimal` exactly when the solver proved it within that gap; `run["gap_tolerance"]` says which.
"""
from __future__ import annotations

import time
from typing import Any

from chalicelib.engine import deadline, interrupt
from chalicelib.engine.options import RunOptions, gap_status
from chalicelib.engine.result import relative_gap


def create_solver(backend: str) -> Any:
    """A pywraplp solver for `backend` ("GLOP", "SCIP", "CBC", "PDLP", ...)."""
    from ortools.linear_solver import pywraplp

    solver = pywraplp.Solver.CreateSolver(backend)
    if solver is None:
        raise RuntimeError(f"OR-Tools solver backend {backend} is not available")
    return solver


# How each backend takes a random seed (pywraplp has no common setter).
_SEED_PARAMETER = {"SCIP": "randomization/randomseedshift = {}", "CP_SAT": "random_seed:{}",
                   "GLOP": "random_seed:{}"}


def solve(solver: Any, options: RunOptions, is_mip: bool, backend: str = "") -> dict[str, Any]:
    """Solve and return status, objective, bound, gap and time in our vocabulary."""
    from ortools.linear_solver import pywraplp

    limit_s = deadline.remaining(options.time_limit_s)
    solver.SetTimeLimit(int(limit_s * 1000))
    if options.num_workers and backend != "SCIP":
        # SCIP 10 turns concurrent with threads and then often stops after the root node.
        solver.SetNumThreads(options.num_workers)
    if options.seed is not None and backend in _SEED_PARAMETER:
        solver.SetSolverSpecificParametersAsString(_SEED_PARAMETER[backend].format(options.seed))
    parameters = pywraplp.MPSolverParameters()
    if is_mip:
        parameters.SetDoubleParam(parameters.RELATIVE_MIP_GAP, options.gap_tolerance)
    started = time.perf_counter()
    with interrupt.on_stop(solver.InterruptSolve):
        code = solver.Solve(parameters)
    if code == pywraplp.Solver.INFEASIBLE and not is_mip and not interrupt.stop_requested():
        # GLOP's presolve reports an unbounded LP as infeasible; without it, it tells them apart.
        parameters.SetIntegerParam(parameters.PRESOLVE, parameters.PRESOLVE_OFF)
        spent_ms = (time.perf_counter() - started) * 1000
        solver.SetTimeLimit(max(1, int(limit_s * 1000 - spent_ms)))
        code = solver.Solve(parameters)
    solve_time_ms = int((time.perf_counter() - started) * 1000)

    has_solution = code in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE)
    status = {
        pywraplp.Solver.OPTIMAL: "optimal",
        pywraplp.Solver.FEASIBLE: "feasible",
        pywraplp.Solver.INFEASIBLE: "infeasible",
        pywraplp.Solver.UNBOUNDED: "unbounded",
        pywraplp.Solver.NOT_SOLVED: "time_limit",
    }.get(code, "error")
    objective_value = solver.Objective().Value() if has_solution else None
    best_bound = None
    if has_solution:
        best_bound = solver.Objective().BestBound() if is_mip else objective_value
    gap = relative_gap(objective_value, best_bound)
    if status == "optimal" and is_mip:
        status = gap_status(True, gap, options.gap_tolerance)
    return {
        "status": status,
        "has_solution": has_solution,
        "objective_value": objective_value,
        "best_bound": best_bound,
        "gap": gap,
        "gap_tolerance": options.gap_tolerance if is_mip else None,
        "solve_time_ms": solve_time_ms,
        "solver": solver.SolverVersion() if hasattr(solver, "SolverVersion") else "pywraplp",
    }
