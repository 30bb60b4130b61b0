"""Solve a CompiledModel with OR-Tools MathOpt: GLOP, PDLP, HiGHS, SCIP and CP-SAT, one way.

MathOpt gives every solver the same status, bounds, duals, reduced costs and basis, and it
reaches the HiGHS bundled in OR-Tools with correct duals (pywraplp's HiGHS returns wrong ones).
The model goes in as a ModelProto filled from plain lists and is solved by MathOpt's core
`solve`: no Python object per variable or term.

Solver output is off (nothing is printed). An INFEASIBLE_OR_UNBOUNDED answer (presolve cannot
tell which) is settled by asking the same solver whether the constraints alone are feasible.
"""
from __future__ import annotations

import ctypes
import datetime
import functools
import math
import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chalicelib.engine import cpsat, deadline, highs_direct, interrupt
from chalicelib.engine.options import RunOptions, gap_status
from chalicelib.engine.result import relative_gap

if TYPE_CHECKING:
    from chalicelib.engine.generic import CompiledModel

SOLVER_TYPES = {"GLOP": "SOLVER_TYPE_GLOP", "PDLP": "SOLVER_TYPE_PDLP", "HIGHS": "SOLVER_TYPE_HIGHS",
                "SCIP": "SOLVER_TYPE_GSCIP", "CP_SAT": "SOLVER_TYPE_CP_SAT"}
WITHOUT_THREADS = {"HIGHS", "SCIP"}
"""MathOpt's HiGHS refuses `threads`; SCIP 10 turns concurrent with threads and then often
stops after the root node."""
WITHOUT_SEED = {"PDLP"}  # MathOpt's PDLP refuses `random_seed`
WITH_PRESOLVE_SWITCH = {"GLOP", "HIGHS"}


@dataclass
class Run:
    """A solve in our vocabulary; `values`, `duals` and `reduced_costs` are by index."""

    status: str
    solver: str
    solve_time_ms: int
    objective_value: float | None = None
    best_bound: float | None = None
    gap: float | None = None
    gap_tolerance: float | None = None
    values: list[float] | None = None
    duals: list[float] | None = None
    reduced_costs: list[float] | None = None
    activities: list[float] | None = None
    variable_status: list[int] | None = None
    row_status: list[int] | None = None
    """An LP's optimal basis (MathOpt's BasisStatus values), for the explanation's ranges."""
    message: str | None = None


@dataclass
class Matrix:
    """The ModelProto and, per row, its (column, coefficient) terms (to compute activities)."""

    proto: Any
    rows: list[list[tuple[int, float]]] = field(repr=False)


def build(model: "CompiledModel") -> Matrix:
    """The ModelProto of `model`, without names (results are mapped back by index). Plain
    lists and `extend`: no numpy, whose import alone costs ~0.25 s of a cold start."""
    from ortools.math_opt import model_pb2

    proto = model_pb2.ModelProto()
    variables = model.variables
    index = {v.name: i for i, v in enumerate(variables)}
    proto.variables.ids.extend(range(len(variables)))
    proto.variables.lower_bounds.extend([v.lower for v in variables])
    proto.variables.upper_bounds.extend([v.upper for v in variables])
    proto.variables.integers.extend([v.integer for v in variables])

    rows = model.rows
    proto.linear_constraints.ids.extend(range(len(rows)))
    proto.linear_constraints.lower_bounds.extend([r.lower for r in rows])
    proto.linear_constraints.upper_bounds.extend([r.upper for r in rows])
    lookup = index.__getitem__
    terms = [_sorted_terms(lookup, row.coefficients) for row in rows]
    matrix = proto.linear_constraint_matrix  # sorted by (row, column), as MathOpt requires
    matrix.row_ids.extend([r for r, row in enumerate(terms) for _ in row])
    matrix.column_ids.extend([column for row in terms for column, _ in row])
    matrix.coefficients.extend([c for row in terms for _, c in row])

    if model.objective is not None:
        objective = _sorted_terms(lookup, model.objective.coefficients)
        proto.objective.linear_coefficients.ids.extend([i for i, _ in objective])
        proto.objective.linear_coefficients.values.extend([c for _, c in objective])
        proto.objective.offset = model.objective.constant
        proto.objective.maximize = model.maximize
    return Matrix(proto, terms)


def _sorted_terms(lookup: Any, coefficients: dict[str, float]) -> list[tuple[int, float]]:
    """(column, coefficient) pairs by column, zeros left out; zip and map keep it in C."""
    pairs = sorted(zip(map(lookup, coefficients), coefficients.values()))
    return [pair for pair in pairs if pair[1]] if 0 in coefficients.values() else pairs


def solve(model: "CompiledModel", backend: str, options: RunOptions) -> Run:
    """Solve `model` with `backend` (a key of SOLVER_TYPES) under the run's options."""
    name = solver_name(backend)
    started = time.perf_counter()
    is_mip = model.is_mip
    tolerance = options.gap_tolerance if is_mip and model.objective is not None else None
    contradiction = _contradictory_bounds(model)
    if contradiction:
        return Run("infeasible", name, _ms(started), message=f"No assignment satisfies every constraint: "
                                                              f"{contradiction}.")
    matrix = build(model)
    limit_s = deadline.remaining(options.time_limit_s)
    result, error = _solve(matrix.proto, backend, _parameters(backend, options, is_mip, limit_s))
    if error:
        return Run("error", name, _ms(started), message=error)
    status = _STATUS.get(_reason_name(result), "error")
    if status == "infeasible_or_unbounded":
        left_s = max(deadline.MIN_SOLVER_S, limit_s - (time.perf_counter() - started))
        status = _infeasible_or_unbounded(result, matrix.proto, backend, options, is_mip, left_s)
    primal, dual, basis = _solutions(result)
    if status in ("optimal", "feasible", "imprecise") and primal is None:
        status = "time_limit"
    if status == "imprecise":
        status = "feasible"  # a solution, but not to the requested tolerances
    if status not in ("optimal", "feasible"):
        message = result.termination.detail if status == "error" else None
        return Run(status, name, _ms(started), message=message or None)

    objective = primal.objective_value if model.objective is not None else None
    bound = result.termination.objective_bounds.dual_bound
    best_bound = bound if objective is not None and math.isfinite(bound) else None
    if best_bound is None and objective is not None and status == "optimal" and not is_mip:
        best_bound = objective
    gap = relative_gap(objective, best_bound)
    if status == "optimal" and tolerance is not None:
        status = gap_status(True, gap, tolerance)
    values = _dense(primal.variable_values, len(model.variables))
    run = Run(status, name, _ms(started), objective_value=objective, best_bound=best_bound, gap=gap,
              gap_tolerance=tolerance, values=values, activities=_activities(matrix, values))
    if not is_mip and dual is not None:
        run.duals = _dense(dual.dual_values, len(model.rows))
        run.reduced_costs = _dense(dual.reduced_costs, len(model.variables))
        if basis is not None and status == "optimal":
            run.variable_status = _dense(basis.variable_status, len(model.variables))
            run.row_status = _dense(basis.constraint_status, len(model.rows))
    return run


_STATUS = {
    "TERMINATION_REASON_OPTIMAL": "optimal",
    "TERMINATION_REASON_FEASIBLE": "feasible",
    "TERMINATION_REASON_NO_SOLUTION_FOUND": "time_limit",
    "TERMINATION_REASON_INFEASIBLE": "infeasible",
    "TERMINATION_REASON_UNBOUNDED": "unbounded",
    "TERMINATION_REASON_INFEASIBLE_OR_UNBOUNDED": "infeasible_or_unbounded",
    "TERMINATION_REASON_IMPRECISE": "imprecise",
}


def _parameters(backend: str, options: RunOptions, is_mip: bool, limit_s: float) -> Any:
    from ortools.math_opt import parameters_pb2

    parameters = parameters_pb2.SolveParametersProto(enable_output=False)
    parameters.time_limit.FromTimedelta(datetime.timedelta(seconds=limit_s))
    if is_mip:
        parameters.relative_gap_tolerance = options.gap_tolerance
    if backend == "CP_SAT":
        parameters.threads = options.num_workers or cpsat.DEFAULT_NUM_WORKERS  # as templates run it
    elif options.num_workers and backend not in WITHOUT_THREADS:
        parameters.threads = options.num_workers
    if options.seed is not None and backend not in WITHOUT_SEED:
        parameters.random_seed = options.seed
    return parameters


def _solve(proto: Any, backend: str, parameters: Any) -> tuple[Any, str | None]:
    """MathOpt's core solve, stoppable by a cancel; (result, None) or (None, why it failed)."""
    from ortools.math_opt import callback_pb2, model_parameters_pb2, parameters_pb2
    from ortools.math_opt.core.python import solver
    from ortools.math_opt.python import init_arguments
    from ortools.util.python import pybind_solve_interrupter
    from pybind11_abseil.status import StatusNotOk

    if backend == "HIGHS":
        return highs_direct.solve(proto, parameters)  # MathOpt's HiGHS ignores the interrupter
    if backend == "SCIP":
        _silence_scip_errors()
    interrupter = pybind_solve_interrupter.PySolveInterrupter()
    try:
        with interrupt.on_stop(interrupter.interrupt):
            result = solver.solve(proto, parameters_pb2.SolverTypeProto.Value(SOLVER_TYPES[backend]),
                                  init_arguments.StreamableSolverInitArguments().to_proto(), parameters,
                                  model_parameters_pb2.ModelSolveParametersProto(), None,
                                  callback_pb2.CallbackRegistrationProto(), None, interrupter)
    except StatusNotOk as failure:
        return None, f"{solver_name(backend)} refused the model: {failure.status.message()}"
    return result, None


def _infeasible_or_unbounded(result: Any, proto: Any, backend: str, options: RunOptions, is_mip: bool,
                             limit_s: float) -> str:
    """Presolve proved "no finite optimum" without saying why: when the constraints alone are
    feasible the objective is unbounded, otherwise the model is infeasible."""
    from ortools.math_opt import result_pb2

    feasible, infeasible = (result_pb2.FEASIBILITY_STATUS_FEASIBLE, result_pb2.FEASIBILITY_STATUS_INFEASIBLE)
    problem = result.termination.problem_status
    if problem.primal_status == feasible:
        return "unbounded"
    if problem.primal_status == infeasible:
        return "infeasible"
    if interrupt.stop_requested():
        return "time_limit"
    without_objective = type(proto)()
    without_objective.CopyFrom(proto)
    without_objective.ClearField("objective")
    parameters = _parameters(backend, options, is_mip, limit_s)
    if backend in WITH_PRESOLVE_SWITCH:
        from ortools.math_opt import parameters_pb2

        parameters.presolve = parameters_pb2.EMPHASIS_OFF
    check, error = _solve(without_objective, backend, parameters)
    if error:
        return "error"
    return {"optimal": "unbounded", "feasible": "unbounded", "infeasible": "infeasible"}.get(
        _STATUS.get(_reason_name(check), "error"), "time_limit")


def _reason_name(result: Any) -> str:
    from ortools.math_opt import result_pb2

    return result_pb2.TerminationReasonProto.Name(result.termination.reason)


def _solutions(result: Any) -> tuple[Any, Any, Any]:
    """The first feasible primal solution, and the dual solution and basis that came with it (LPs)."""
    from ortools.math_opt import solution_pb2

    for solution in result.solutions:
        if (solution.HasField("primal_solution")
                and solution.primal_solution.feasibility_status == solution_pb2.SOLUTION_STATUS_FEASIBLE):
            dual = solution.dual_solution if solution.HasField("dual_solution") else None
            basis = solution.basis if solution.HasField("basis") else None
            return solution.primal_solution, dual, basis
    return None, None, None


def _dense(vector: Any, size: int) -> list[float]:
    values = [0.0] * size
    for i, value in zip(vector.ids, vector.values):
        values[i] = value
    return values


def _activities(matrix: Matrix, values: list[float]) -> list[float]:
    return [sum(c * values[column] for column, c in row) for row in matrix.rows]


def _contradictory_bounds(model: "CompiledModel") -> str | None:
    """A variable or row whose lower bound is above its upper one (MathOpt refuses such a
    model; it is infeasible before any solver looks at it)."""
    for part in (*model.variables, *model.rows):
        if part.lower > part.upper:
            return f"{part.name} must be at least {part.lower:g} and at most {part.upper:g}"
    return None


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


@functools.cache
def _silence_scip_errors() -> None:
    """SCIP prints errors to stderr with no parameter to stop it, and gSCIP's interrupt handler
    makes SCIP 10 print two harmless error lines on every solve (the interrupt still works).
    SCIP skips its error printer when it is NULL (scip/message.c): set it so, once."""
    import ortools

    libraries = os.path.join(os.path.dirname(ortools.__file__), ".libs")
    try:
        name = next(n for n in os.listdir(libraries) if n.startswith("libscip"))
        ctypes.CDLL(os.path.join(libraries, name)).SCIPmessageSetErrorPrinting(None, None)
    except (OSError, AttributeError, StopIteration):
        pass  # another packaging of OR-Tools: SCIP may then print those lines


@functools.cache
def solver_name(backend: str) -> str:
    """The solver and version that really ran, e.g. "HiGHS 1.12.0" or "SCIP 10.0.0"."""
    from ortools import __version__ as ortools_version

    bundled = {"GLOP": "GLOP", "PDLP": "PDLP", "CP_SAT": "CP-SAT"}
    if backend in bundled:
        return f"{bundled[backend]} (OR-Tools {ortools_version})"
    version = _library_version(backend)
    label = {"HIGHS": "HiGHS", "SCIP": "SCIP"}[backend]
    return f"{label} {version}" if version else f"{label} (OR-Tools {ortools_version})"


def _library_version(backend: str) -> str | None:
    """The version the bundled library reports about itself (OR-Tools' APIs do not say it)."""
    import ortools

    libraries = os.path.join(os.path.dirname(ortools.__file__), ".libs")
    try:
        if backend == "HIGHS":
            highs = ctypes.CDLL(os.path.join(libraries, "libhighs.so.1"))
            highs.Highs_version.restype = ctypes.c_char_p
            return highs.Highs_version().decode()
        scip = ctypes.CDLL(os.path.join(libraries, next(n for n in os.listdir(libraries) if n.startswith("libscip"))))
        parts = []
        for function in ("SCIPmajorVersion", "SCIPminorVersion", "SCIPtechVersion"):
            getattr(scip, function).restype = ctypes.c_int
            parts.append(str(getattr(scip, function)()))
        return ".".join(parts)
    except (OSError, AttributeError, StopIteration):
        return None
