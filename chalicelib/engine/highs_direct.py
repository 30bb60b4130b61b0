"""Solve a MathOpt ModelProto with the HiGHS bundled in OR-Tools, through HiGHS' own C API,
so that a cancel stops it.

OR-Tools 9.15's MathOpt HiGHS wrapper takes a solve interrupter and a callback registration
and reads neither (math_opt/solvers/highs_solver.cc), so a cancelled HiGHS run went on to its
time limit. HiGHS itself asks a user callback, at every simplex and IPM iteration and at
every MIP check, whether to stop (kHighsCallback*Interrupt). This module passes the model to
the same libhighs.so.1 with ctypes, registers such a callback that answers "stop" once a
cancel came, and returns a SolveResultProto built the way highs_solver.cc builds it, so the
caller reads HiGHS' answers exactly as it read MathOpt's. highspy is never imported: its own
libhighs clashes with the one in OR-Tools.
"""
from __future__ import annotations

import ctypes
import functools
import math
import os
from array import array
from typing import Any, Callable

from chalicelib.engine import interrupt

_INTERRUPT_CALLBACKS = (1, 2, 6)  # kHighsCallbackSimplexInterrupt, IpmInterrupt, MipInterrupt
_ROWWISE = 2  # kHighsMatrixFormatRowwise
_FEASIBLE = 2  # kSolutionStatusFeasible (primal_solution_status, dual_solution_status)

# kHighsModelStatus*
_OPTIMAL, _INFEASIBLE, _UNBOUNDED_OR_INFEASIBLE, _UNBOUNDED, _INTERRUPT = 7, 8, 9, 10, 17
_MODEL_EMPTY = 6
_LIMITS = {11: "objective bound", 12: "objective target", 13: "time limit", 14: "iteration limit",
           16: "solution limit", 17: "interrupt", 18: "memory limit"}

# HighsCCallbackType: (callback_type, message, HighsCallbackDataOut*, HighsCallbackDataIn*,
# user data); HighsCallbackDataIn starts with `int user_interrupt`.
_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p,
                             ctypes.POINTER(ctypes.c_int), ctypes.c_void_p)


class _Interrupter:
    """The HiGHS callback of one solve: it tells HiGHS to stop once `stop` was called."""

    def __init__(self) -> None:
        self.stopped = False
        self.callback = _CALLBACK(self._on_callback)  # kept alive while HiGHS may call it

    def stop(self) -> None:
        self.stopped = True

    def _on_callback(self, _type: int, _message: Any, _out: Any, data_in: Any, _user: Any) -> None:
        if self.stopped:
            data_in[0] = 1


def solve(proto: Any, parameters: Any) -> tuple[Any, str | None]:
    """Solve ModelProto `proto` under SolveParametersProto `parameters` (output, time limit,
    relative gap, seed, presolve): (a SolveResultProto as MathOpt's HiGHS would return it,
    None), or (None, why HiGHS refused the model)."""
    from ortools.math_opt import result_pb2

    library = _library()
    columns = len(proto.variables.ids)
    integers = list(proto.variables.integers)
    is_mip = any(integers)
    lower = list(proto.variables.lower_bounds)
    upper = list(proto.variables.upper_bounds)
    if is_mip:  # as MathOpt does: an integer's bounds rounded inward
        lower = [math.ceil(b) if i and math.isfinite(b) else b for b, i in zip(lower, integers)]
        upper = [math.floor(b) if i and math.isfinite(b) else b for b, i in zip(upper, integers)]
        if any(lo > up for lo, up in zip(lower, upper)):
            return _termination(result_pb2.TERMINATION_REASON_INFEASIBLE, "an integer's bounds hold no integer"), None
    cost = [0.0] * columns
    for column, value in zip(proto.objective.linear_coefficients.ids, proto.objective.linear_coefficients.values):
        cost[column] = value
    maximize = proto.objective.maximize
    row_lower = list(proto.linear_constraints.lower_bounds)
    row_upper = list(proto.linear_constraints.upper_bounds)
    if columns == 0:
        return _empty_model(proto.objective.offset, row_lower, row_upper), None
    matrix = proto.linear_constraint_matrix
    starts = _row_starts(matrix.row_ids, len(row_lower))
    nonzeros = len(matrix.coefficients)

    interrupter = _Interrupter()
    highs = ctypes.c_void_p(library.Highs_create())
    try:
        _set_options(library, highs, parameters, is_mip)
        arrays = [array("d", cost), array("d", lower), array("d", upper), array("d", row_lower),
                  array("d", row_upper), array("i", starts), array("i", matrix.column_ids),
                  array("d", matrix.coefficients)]
        pointers = [_address(a) for a in arrays]
        if is_mip:
            integrality = array("i", [1 if i else 0 for i in integers])
            status = library.Highs_passMip(highs, columns, len(row_lower), nonzeros, _ROWWISE,
                                           -1 if maximize else 1, proto.objective.offset, *pointers,
                                           _address(integrality))
        else:
            status = library.Highs_passLp(highs, columns, len(row_lower), nonzeros, _ROWWISE,
                                          -1 if maximize else 1, proto.objective.offset, *pointers)
        if status < 0:
            return None, "HiGHS refused the model"
        library.Highs_setCallback(highs, interrupter.callback, None)
        for callback_type in _INTERRUPT_CALLBACKS:
            library.Highs_startCallback(highs, callback_type)
        with interrupt.on_stop(interrupter.stop):  # runs it at once if the cancel came already
            library.Highs_run(highs)
        return _result(library, highs, columns, len(row_lower), lower, upper, row_lower, row_upper,
                       is_mip, maximize), None
    finally:
        library.Highs_destroy(highs)


def _set_options(library: Any, highs: Any, parameters: Any, is_mip: bool) -> None:
    from ortools.math_opt import parameters_pb2

    output = 1 if parameters.enable_output else 0
    library.Highs_setBoolOptionValue(highs, b"output_flag", output)
    library.Highs_setBoolOptionValue(highs, b"log_to_console", output)
    if parameters.HasField("time_limit"):
        library.Highs_setDoubleOptionValue(highs, b"time_limit", parameters.time_limit.ToTimedelta().total_seconds())
    if is_mip and parameters.HasField("relative_gap_tolerance"):
        library.Highs_setDoubleOptionValue(highs, b"mip_rel_gap", parameters.relative_gap_tolerance)
    if parameters.HasField("random_seed"):
        library.Highs_setIntOptionValue(highs, b"random_seed", parameters.random_seed)
    if parameters.presolve != parameters_pb2.EMPHASIS_UNSPECIFIED:
        presolve = b"off" if parameters.presolve == parameters_pb2.EMPHASIS_OFF else b"on"
        library.Highs_setStringOptionValue(highs, b"presolve", presolve)


def _result(library: Any, highs: Any, columns: int, rows: int, lower: list[float], upper: list[float],
            row_lower: list[float], row_upper: list[float], is_mip: bool, maximize: bool) -> Any:
    """The SolveResultProto of a finished run (highs_solver.cc's Solve, ExtractSolutionAndRays,
    ExtractBasis and MakeTermination, for what our caller reads)."""
    from ortools.math_opt import result_pb2, solution_pb2

    model_status = library.Highs_getModelStatus(highs)
    if model_status == _MODEL_EMPTY:
        return _empty_model(_double_info(library, highs, "objective_function_value"), row_lower, row_upper)
    primal_status = _int_info(library, highs, "primal_solution_status")
    dual_status = _int_info(library, highs, "dual_solution_status")
    objective = _double_info(library, highs, "objective_function_value")
    dual_objective = _double_info(library, highs, "mip_dual_bound") if is_mip else objective
    primal_feasible = primal_status == _FEASIBLE
    dual_feasible = dual_status == _FEASIBLE or (is_mip and math.isfinite(dual_objective))

    result = result_pb2.SolveResultProto()
    if primal_status or dual_status:
        col_value, col_dual = (ctypes.c_double * columns)(), (ctypes.c_double * columns)()
        row_value, row_dual = (ctypes.c_double * rows)(), (ctypes.c_double * rows)()
        library.Highs_getSolution(highs, col_value, col_dual, row_value, row_dual)
        solution = result.solutions.add()
        if primal_status:
            primal = solution.primal_solution
            primal.objective_value = objective
            primal.feasibility_status = (solution_pb2.SOLUTION_STATUS_FEASIBLE if primal_feasible
                                         else solution_pb2.SOLUTION_STATUS_INFEASIBLE)
            primal.variable_values.ids.extend(range(columns))
            primal.variable_values.values.extend(col_value)
        if dual_status:
            dual = solution.dual_solution
            dual.objective_value = objective
            dual.feasibility_status = (solution_pb2.SOLUTION_STATUS_FEASIBLE if dual_status == _FEASIBLE
                                       else solution_pb2.SOLUTION_STATUS_INFEASIBLE)
            dual.reduced_costs.ids.extend(range(columns))
            dual.reduced_costs.values.extend(col_dual)
            dual.dual_values.ids.extend(range(rows))
            dual.dual_values.values.extend(row_dual)
            if primal_status and _int_info(library, highs, "basis_validity") == 1:
                _fill_basis(library, highs, solution.basis, model_status == _OPTIMAL, lower, upper,
                            list(col_value), row_lower, row_upper, list(row_dual))

    termination = result.termination
    bounds = termination.objective_bounds
    unbounded_side = -math.inf if not maximize else math.inf
    if model_status == _OPTIMAL:
        termination.reason = result_pb2.TERMINATION_REASON_OPTIMAL
        bounds.primal_bound, bounds.dual_bound = objective, dual_objective
    elif model_status == _INFEASIBLE:
        termination.reason = result_pb2.TERMINATION_REASON_INFEASIBLE
        termination.problem_status.primal_status = result_pb2.FEASIBILITY_STATUS_INFEASIBLE
    elif model_status == _UNBOUNDED and primal_feasible:
        termination.reason = result_pb2.TERMINATION_REASON_UNBOUNDED
        termination.problem_status.primal_status = result_pb2.FEASIBILITY_STATUS_FEASIBLE
    elif model_status in (_UNBOUNDED, _UNBOUNDED_OR_INFEASIBLE):
        termination.reason = result_pb2.TERMINATION_REASON_INFEASIBLE_OR_UNBOUNDED
        termination.problem_status.primal_status = result_pb2.FEASIBILITY_STATUS_UNDETERMINED
    elif model_status in _LIMITS:
        termination.reason = (result_pb2.TERMINATION_REASON_FEASIBLE if primal_feasible
                              else result_pb2.TERMINATION_REASON_NO_SOLUTION_FOUND)
        termination.detail = f"HiGHS stopped at its {_LIMITS[model_status]}"
        bounds.primal_bound = objective if primal_feasible else -unbounded_side
        bounds.dual_bound = dual_objective if dual_feasible else unbounded_side
    else:
        termination.reason = result_pb2.TERMINATION_REASON_OTHER_ERROR
        termination.detail = f"HiGHS ended with model status {model_status}"
    return result


def _fill_basis(library: Any, highs: Any, basis: Any, optimal: bool, lower: list[float], upper: list[float],
                col_value: list[float], row_lower: list[float], row_upper: list[float],
                row_dual: list[float]) -> None:
    """MathOpt's BasisProto from HiGHS' statuses, as highs_solver.cc's ExtractBasis maps them
    (it leaves the basis out when a nonbasic one cannot be placed at a bound)."""
    from ortools.math_opt import solution_pb2

    columns, rows = len(lower), len(row_lower)
    col_status, row_status = (ctypes.c_int * columns)(), (ctypes.c_int * rows)()
    library.Highs_getBasis(highs, col_status, row_status)
    variables = [_basis_status(s, lo, up, v) for s, lo, up, v in zip(col_status, lower, upper, col_value)]
    constraints = [_basis_status(s, lo, up, v) for s, lo, up, v in zip(row_status, row_lower, row_upper, row_dual)]
    if None in variables or None in constraints:
        return
    basis.basic_dual_feasibility = (solution_pb2.SOLUTION_STATUS_FEASIBLE if optimal
                                    else solution_pb2.SOLUTION_STATUS_UNDETERMINED)
    basis.variable_status.ids.extend(range(columns))
    basis.variable_status.values.extend(variables)
    basis.constraint_status.ids.extend(range(rows))
    basis.constraint_status.values.extend(constraints)


def _basis_status(status: int, lower: float, upper: float, value: float) -> int | None:
    from ortools.math_opt import solution_pb2 as s

    if status == 1:
        return s.BASIS_STATUS_BASIC
    if status == 2:
        return s.BASIS_STATUS_AT_UPPER_BOUND
    if status == 0:
        return s.BASIS_STATUS_AT_LOWER_BOUND
    if status == 3:
        return s.BASIS_STATUS_FREE
    if math.isfinite(lower) and math.isfinite(upper):  # kHighsBasisStatusNonbasic
        if lower == upper:
            return s.BASIS_STATUS_FIXED_VALUE
        if abs(lower - value) < 1e-10:
            return s.BASIS_STATUS_AT_LOWER_BOUND
        if abs(upper - value) < 1e-10:
            return s.BASIS_STATUS_AT_UPPER_BOUND
        return None
    if math.isfinite(lower) or math.isfinite(upper):
        return s.BASIS_STATUS_AT_LOWER_BOUND
    return s.BASIS_STATUS_FREE


def _empty_model(offset: float, row_lower: list[float], row_upper: list[float]) -> Any:
    """No variables: every row is 0, feasible when each row's bounds hold 0."""
    from ortools.math_opt import result_pb2, solution_pb2

    if any(lo > 0 or up < 0 for lo, up in zip(row_lower, row_upper)):
        return _termination(result_pb2.TERMINATION_REASON_INFEASIBLE, "a row without variables excludes 0")
    result = _termination(result_pb2.TERMINATION_REASON_OPTIMAL, "")
    result.termination.objective_bounds.primal_bound = result.termination.objective_bounds.dual_bound = offset
    primal = result.solutions.add().primal_solution
    primal.objective_value = offset
    primal.feasibility_status = solution_pb2.SOLUTION_STATUS_FEASIBLE
    return result


def _termination(reason: int, detail: str) -> Any:
    from ortools.math_opt import result_pb2

    result = result_pb2.SolveResultProto()
    result.termination.reason = reason
    result.termination.detail = detail
    if reason == result_pb2.TERMINATION_REASON_INFEASIBLE:
        result.termination.problem_status.primal_status = result_pb2.FEASIBILITY_STATUS_INFEASIBLE
    return result


def _row_starts(row_ids: Any, rows: int) -> list[int]:
    """Where each row's terms begin in the (row, column)-sorted matrix."""
    counts = [0] * (rows + 1)
    for row in row_ids:
        counts[row + 1] += 1
    for r in range(rows):
        counts[r + 1] += counts[r]
    return counts[:rows]


def _address(values: array) -> int:
    return values.buffer_info()[0] if len(values) else 0


def _int_info(library: Any, highs: Any, name: str) -> int:
    value = ctypes.c_int()
    library.Highs_getIntInfoValue(highs, name.encode(), ctypes.byref(value))
    return value.value


def _double_info(library: Any, highs: Any, name: str) -> float:
    value = ctypes.c_double()
    library.Highs_getDoubleInfoValue(highs, name.encode(), ctypes.byref(value))
    return value.value


@functools.cache
def _library() -> Any:
    """libhighs.so.1 from OR-Tools' wheel, with the signatures of the calls used here
    (HiGHS 1.12 highs_c_api.h; HighsInt is 32 bits in this build)."""
    import ortools

    library = ctypes.CDLL(os.path.join(os.path.dirname(ortools.__file__), ".libs", "libhighs.so.1"))
    handle, text, pointer = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p
    integer, double = ctypes.c_int, ctypes.c_double
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "Highs_create": (handle, []),
        "Highs_destroy": (None, [handle]),
        "Highs_setBoolOptionValue": (integer, [handle, text, integer]),
        "Highs_setIntOptionValue": (integer, [handle, text, integer]),
        "Highs_setDoubleOptionValue": (integer, [handle, text, double]),
        "Highs_setStringOptionValue": (integer, [handle, text, text]),
        "Highs_passLp": (integer, [handle, integer, integer, integer, integer, integer, double]
                         + [pointer] * 8),
        "Highs_passMip": (integer, [handle, integer, integer, integer, integer, integer, double]
                          + [pointer] * 9),
        "Highs_setCallback": (integer, [handle, _CALLBACK, pointer]),
        "Highs_startCallback": (integer, [handle, integer]),
        "Highs_run": (integer, [handle]),
        "Highs_getModelStatus": (integer, [handle]),
        "Highs_getIntInfoValue": (integer, [handle, text, ctypes.POINTER(integer)]),
        "Highs_getDoubleInfoValue": (integer, [handle, text, ctypes.POINTER(double)]),
        "Highs_getSolution": (integer, [handle, pointer, pointer, pointer, pointer]),
        "Highs_getBasis": (integer, [handle, pointer, pointer]),
    }
    for name, (restype, argtypes) in signatures.items():
        function: Callable[..., Any] = getattr(library, name)
        function.restype, function.argtypes = restype, argtypes
    return library
