"""A CompiledModel as index arrays, and the MathOpt solves the explanations make of it.

The explanations solve many variants of one model (elastic copies, subsets, the LP with
integers fixed), so the model is held as numpy arrays and handed to MathOpt as a
ModelProto: building the proto in bulk is about 20 times faster than adding rows one
by one through MathOpt's Python API. Every solve stops at a shared deadline.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:  # generic.py calls the explanations: no import cycle at run time
    from chalicelib.engine.generic import CompiledModel

RunStatus = Literal["optimal", "feasible", "infeasible", "unbounded", "unknown"]
MIN_SOLVE_S = 0.01
"""A solve is not started with less time than this left: it could not finish."""
LOAD_MARGIN = 1.5
"""Loading a model into the solver takes up to this many times what building it took (measured
on 50,000-row models); GLOP's clock starts only after loading."""

# Basis statuses, as MathOpt's BasisStatusProto numbers them.
FREE, AT_LOWER, AT_UPPER, FIXED, BASIC = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Arrays:
    """The model by index: variables 0..n-1, rows 0..m-1, the matrix as sorted COO."""

    names: list[str]
    integer: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    row_names: list[str]
    row_lower: np.ndarray
    row_upper: np.ndarray
    entry_row: np.ndarray
    entry_col: np.ndarray
    entry_value: np.ndarray
    cost: np.ndarray
    """Objective coefficients as the user wrote them (maximize or minimize)."""
    constant: float
    maximize: bool
    has_objective: bool
    rows_as_written: list | None = None
    """The CompiledRows, for sentences that keep the user's order of terms."""

    @property
    def n(self) -> int:
        return len(self.names)

    @property
    def m(self) -> int:
        return len(self.row_names)

    @property
    def is_mip(self) -> bool:
        return bool(self.integer.any())

    def activities(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.entry_row, weights=self.entry_value * values[self.entry_col], minlength=self.m)

    def with_integers_fixed(self, values: np.ndarray) -> "Arrays":
        """The LP left when every integer variable is fixed at its (rounded) value."""
        fixed = np.round(values)
        return replace(self, integer=np.zeros(self.n, dtype=bool),
                       lower=np.where(self.integer, fixed, self.lower),
                       upper=np.where(self.integer, fixed, self.upper))


def to_arrays(model: "CompiledModel") -> Arrays:
    index = {v.name: j for j, v in enumerate(model.variables)}
    cols: list[int] = []
    coefs: list[float] = []
    for row in model.rows:
        cols.extend(map(index.__getitem__, row.coefficients))
        coefs.extend(row.coefficients.values())
    entry_row = np.repeat(np.arange(len(model.rows), dtype=np.int64), [len(r.coefficients) for r in model.rows])
    entry_col, entry_value = np.asarray(cols, dtype=np.int64), np.asarray(coefs, dtype=float)
    keep = entry_value != 0
    entry_row, entry_col, entry_value = entry_row[keep], entry_col[keep], entry_value[keep]
    order = np.lexsort((entry_col, entry_row))
    cost = np.zeros(len(model.variables))
    if model.objective is not None:
        for name, coefficient in model.objective.coefficients.items():
            cost[index[name]] += coefficient
    return Arrays(
        names=[v.name for v in model.variables],
        integer=np.array([v.integer for v in model.variables], dtype=bool),
        lower=np.array([v.lower for v in model.variables], dtype=float),
        upper=np.array([v.upper for v in model.variables], dtype=float),
        row_names=[r.name for r in model.rows],
        row_lower=np.array([r.lower for r in model.rows], dtype=float),
        row_upper=np.array([r.upper for r in model.rows], dtype=float),
        entry_row=entry_row[order], entry_col=entry_col[order], entry_value=entry_value[order],
        cost=cost, constant=model.objective.constant if model.objective is not None else 0.0,
        maximize=model.maximize, has_objective=model.objective is not None, rows_as_written=list(model.rows),
    )


def build(lower, upper, integer, row_lower, row_upper, entry_row, entry_col, entry_value,
          cost=None, maximize: bool = False):
    """A MathOpt model from arrays; entries must be sorted by row, then column."""
    from ortools.math_opt import model_pb2
    from ortools.math_opt.python import mathopt

    proto = model_pb2.ModelProto()
    n, m = len(lower), len(row_lower)
    proto.variables.ids.extend(range(n))
    proto.variables.lower_bounds.extend(np.asarray(lower, dtype=float).tolist())
    proto.variables.upper_bounds.extend(np.asarray(upper, dtype=float).tolist())
    proto.variables.integers.extend(np.asarray(integer, dtype=bool).tolist())
    proto.linear_constraints.ids.extend(range(m))
    proto.linear_constraints.lower_bounds.extend(np.asarray(row_lower, dtype=float).tolist())
    proto.linear_constraints.upper_bounds.extend(np.asarray(row_upper, dtype=float).tolist())
    matrix = proto.linear_constraint_matrix
    matrix.row_ids.extend(np.asarray(entry_row).tolist())
    matrix.column_ids.extend(np.asarray(entry_col).tolist())
    matrix.coefficients.extend(np.asarray(entry_value, dtype=float).tolist())
    if cost is not None:
        nonzero = np.flatnonzero(cost)
        proto.objective.maximize = maximize
        proto.objective.linear_coefficients.ids.extend(nonzero.tolist())
        proto.objective.linear_coefficients.values.extend(np.asarray(cost, dtype=float)[nonzero].tolist())
    return mathopt.Model.from_model_proto(proto)


@dataclass
class Run:
    status: RunStatus
    values: np.ndarray | None = None
    duals: np.ndarray | None = None
    """Change of the objective per unit of a row's active side (MathOpt's sign, either sense)."""
    reduced_costs: np.ndarray | None = None
    variable_status: np.ndarray | None = None
    row_status: np.ndarray | None = None
    objective: float | None = None


def solve(model, *, mip: bool, deadline: float, has_objective: bool, basis: bool = False,
          load_s: float = 0.0) -> Run:
    """GLOP for LPs (duals, basis), HiGHS for MIPs; `unknown` when the deadline stops it.

    `load_s` is what handing the model to the solver costs before its clock starts (about
    what building it took): the solver's time limit leaves room for it."""
    from ortools.math_opt.python import mathopt

    left = deadline - time.monotonic() - LOAD_MARGIN * load_s
    if left < MIN_SOLVE_S:
        return Run("unknown")
    from ortools.util.python.solve_interrupter import SolveInterrupter

    solver = mathopt.SolverType.HIGHS if mip else mathopt.SolverType.GLOP
    params = mathopt.SolveParameters(time_limit=timedelta(seconds=left))
    # The time limit counts from when the solver starts; loading a large model comes first.
    # The interrupter stops it at the deadline itself.
    interrupter = SolveInterrupter()
    timer = threading.Timer(max(0.0, deadline - time.monotonic()), interrupter.interrupt)
    timer.daemon = True
    timer.start()
    try:
        result = mathopt.solve(model, solver, params=params, remove_names=True, interrupter=interrupter)
    except Exception:  # a solver refusing a numerically hopeless variant: no answer, not a 500
        return Run("unknown")
    finally:
        timer.cancel()
    reason = result.termination.reason
    reasons = mathopt.TerminationReason
    if reason == reasons.INFEASIBLE or (reason == reasons.INFEASIBLE_OR_UNBOUNDED and not has_objective):
        return Run("infeasible")
    if reason == reasons.UNBOUNDED:
        return Run("unbounded")
    if reason not in (reasons.OPTIMAL, reasons.FEASIBLE) or not result.has_primal_feasible_solution():
        return Run("unknown")
    proto = result.to_proto().solutions[0]
    n, m = model.get_num_variables(), model.get_num_linear_constraints()
    run = Run("optimal" if reason == reasons.OPTIMAL else "feasible",
              values=_dense(proto.primal_solution.variable_values, n),
              objective=proto.primal_solution.objective_value)
    if proto.HasField("dual_solution"):
        run.duals = _dense(proto.dual_solution.dual_values, m)
        run.reduced_costs = _dense(proto.dual_solution.reduced_costs, n)
    if basis and proto.HasField("basis"):
        run.variable_status = _dense(proto.basis.variable_status, n, dtype=np.int64)
        run.row_status = _dense(proto.basis.constraint_status, m, dtype=np.int64)
    return run


def _dense(sparse, size: int, dtype=float) -> np.ndarray:
    out = np.zeros(size, dtype=dtype)
    if len(sparse.ids):
        out[np.asarray(sparse.ids, dtype=np.int64)] = np.asarray(sparse.values, dtype=dtype)
    return out


def finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
