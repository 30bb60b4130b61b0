"""Run a CP-SAT model under our RunOptions and map its status.

    solver, run = cpsat.solve(model, options)
    if run["has_solution"]:
        start = solver.value(start_var)

`run` carries status, objective_value, best_bound, gap, gap_tolerance, solve_time_ms and solver
in our vocabulary, the same keys as `linear.solve`. CP-SAT stops at the run's gap tolerance
(RunOptions.gap_tolerance, default 1e-4) and the run is `optimal` exactly when it proved that gap.

CP-SAT takes integer coefficients only: decimal costs are multiplied by `scale_factor(costs)`
and rounded before they reach it; pass that factor as `objective_scale` to get the objective
back in input units.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from chalicelib.engine import deadline, interrupt
from chalicelib.engine.options import RunOptions, gap_status
from chalicelib.engine.result import relative_gap

DEFAULT_NUM_WORKERS = 2
INT_LIMIT = 2**60  # scaled sums stay below this, well inside CP-SAT's int64

# CpSolverStatus name -> our status. UNKNOWN means the limit hit before any solution was found.
STATUS = {
    "OPTIMAL": "optimal",
    "FEASIBLE": "feasible",
    "INFEASIBLE": "infeasible",
    "MODEL_INVALID": "error",
    "UNKNOWN": "time_limit",
}


def scale_factor(numbers: Sequence[float], magnitude: float | None = None, max_decimals: int = 6) -> int:
    """Smallest power of ten (at most 10**max_decimals) that makes every number whole.

    CP-SAT takes integer coefficients only: multiply decimals by the factor and round. The
    factor stops growing before `magnitude * factor` would pass INT_LIMIT, so that sums of the
    scaled numbers still fit in int64; `magnitude` is the largest absolute sum the caller will
    form (default: the sum of the numbers' absolute values). Numbers with more decimals than
    the cap allows are then rounded, and the caller decides in which direction.
    """
    if magnitude is None:
        magnitude = sum(abs(x) for x in numbers) or 1.0
    factor = 1
    for _ in range(max_decimals):
        if all(abs(x * factor - round(x * factor)) <= 1e-9 * max(1.0, abs(x * factor)) for x in numbers):
            break
        if magnitude * factor * 10 > INT_LIMIT:
            break
        factor *= 10
    return factor


def create_solver(options: RunOptions, parameters: Mapping[str, Any] | None = None) -> Any:
    """A CpSolver configured from RunOptions (time limit, workers, seed, relative gap).

    `parameters` sets further SatParameters fields by name; a list value extends a repeated field,
    e.g. {"extra_subsolvers": ["max_lp"]}.
    """
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = deadline.remaining(options.time_limit_s)
    solver.parameters.num_workers = options.num_workers or DEFAULT_NUM_WORKERS
    if options.seed is not None:
        solver.parameters.random_seed = options.seed
    solver.parameters.relative_gap_limit = options.gap_tolerance
    for name, value in (parameters or {}).items():
        if isinstance(value, (list, tuple)):
            getattr(solver.parameters, name).extend(value)
        else:
            setattr(solver.parameters, name, value)
    return solver


def solve(model: Any, options: RunOptions, *, objective_scale: float = 1.0,
          parameters: Mapping[str, Any] | None = None) -> tuple[Any, dict[str, Any]]:
    """Solve `model`; return the solver (to read values) and the run summary.

    objective_value and best_bound are divided by `objective_scale`; both are None when the
    model has no objective (a pure feasibility model) or no solution was found. `parameters`
    are extra SatParameters, as for create_solver.
    """
    solver = create_solver(options, parameters)
    with interrupt.on_stop(solver.stop_search):
        code = solver.solve(model)
    name = solver.status_name(code)
    status = STATUS.get(name, "error")
    has_solution = status in ("optimal", "feasible")
    objective_value = best_bound = None
    if has_solution and model.has_objective():
        objective_value = solver.objective_value / objective_scale
        best_bound = solver.best_objective_bound / objective_scale
        if status == "optimal":  # CP-SAT also says OPTIMAL when it stops at relative_gap_limit
            status = gap_status(True, relative_gap(objective_value, best_bound), options.gap_tolerance)
    run = {
        "status": status,
        "has_solution": has_solution,
        "objective_value": objective_value,
        "best_bound": best_bound,
        "gap": relative_gap(objective_value, best_bound),
        "gap_tolerance": options.gap_tolerance if objective_value is not None else None,
        "solve_time_ms": int(solver.wall_time * 1000),
        "solver": _solver_name(),
    }
    if status == "error":
        run["message"] = model.validate() or f"CP-SAT stopped with status {name}"
    return solver, run


def _solver_name() -> str:
    from ortools import __version__

    return f"CP-SAT (OR-Tools {__version__})"
