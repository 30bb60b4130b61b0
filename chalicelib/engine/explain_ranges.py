"""Duals, reduced costs and the ranges over which they hold, from an LP's optimal basis.

GLOP (through MathOpt) gives the optimal values, duals, reduced costs and basis; the
ranges are computed here with numpy, on the standard form with one activity variable
per row: A x - r = 0, l <= x <= u, L <= r <= U (bounded variables and ranged rows as
they are). With J the basic variables and T the rows at a bound (|J| = |T|) the basis
matrix is [[A_TJ, 0], [A_SJ, -I]], so only the kernel K = A_TJ (at most one row per
binding constraint) is inverted:

- rhs ranging of a binding row t: moving its active side by delta moves the basic
  variables by delta * B^-1 e_t = delta * (K^-1 e_t, A_SJ K^-1 e_t); a ratio test keeps
  them within their bounds.
- cost ranging of a basic variable j (position p): changing c_j by delta changes the
  reduced costs of the nonbasic columns by -delta * alpha_p, alpha_p = e_p^T B^-1 N; a
  ratio test keeps their signs optimal. A nonbasic variable's range ends where its own
  reduced cost reaches zero.

Everything is computed in the minimization sense and returned in the user's.
Signs (either sense): a dual is the change of the objective per unit increase of the
row's active side, a reduced cost the change per unit increase of the variable.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from chalicelib.engine.explain_solve import AT_LOWER, AT_UPPER, BASIC, FIXED, FREE, Arrays, Run, build, solve

MAX_RANGED_ROWS = 2_000
"""Ranges are computed for models with at most this many rows (the kernel is dense)."""
PIVOT_TOL = 1e-9
CHUNK_FLOATS = 4_000_000
"""Dense intermediate blocks hold at most this many floats (32 MB)."""


@dataclass
class LpSensitivity:
    values: np.ndarray
    activities: np.ndarray
    duals: np.ndarray
    reduced_costs: np.ndarray
    objective: float
    row_status: np.ndarray | None = None
    rhs_low: np.ndarray | None = None
    """Ranges: +-inf where there is no limit, NaN where unknown; None when not computed."""
    rhs_high: np.ndarray | None = None
    cost_low: np.ndarray | None = None
    cost_high: np.ndarray | None = None


def lp_sensitivity(a: Arrays, deadline: float, given: Run | None = None) -> LpSensitivity | None:
    """Solve the LP `a` (integers ignored) with GLOP, or take `given`, the optimal solution
    already found; None when it is not solved to optimality in time."""
    run = given
    if run is None:
        started = time.monotonic()
        model = build(a.lower, a.upper, np.zeros(a.n, bool), a.row_lower, a.row_upper,
                      a.entry_row, a.entry_col, a.entry_value, a.cost, a.maximize)
        run = solve(model, mip=False, deadline=deadline, has_objective=True, basis=True,
                    load_s=time.monotonic() - started)
    if run.status != "optimal" or run.values is None or run.duals is None or run.reduced_costs is None:
        return None
    objective = float(a.cost @ run.values) + a.constant
    result = LpSensitivity(run.values, a.activities(run.values), run.duals, run.reduced_costs, objective,
                           run.row_status)
    if a.m <= MAX_RANGED_ROWS and run.row_status is not None and run.variable_status is not None:
        try:
            _fill_ranges(a, result, run.variable_status, run.row_status)
        except (np.linalg.LinAlgError, _BasisMismatch):
            pass  # no ranges rather than wrong ones
    return result


class _BasisMismatch(ValueError):
    """The basis reported does not fit the solution (statuses or dimensions disagree)."""


def _fill_ranges(a: Arrays, s: LpSensitivity, vstat: np.ndarray, rstat: np.ndarray) -> None:
    sign = -1.0 if a.maximize else 1.0
    cost, duals, reduced = sign * a.cost, sign * s.duals, sign * s.reduced_costs  # minimization sense
    if len(vstat) != a.n or len(rstat) != a.m or len(s.values) != a.n or (vstat == 0).any() or (rstat == 0).any():
        raise _BasisMismatch("unspecified status")
    # Solvers differ on an equality's status (HiGHS: at a bound, GLOP: fixed): l == u is fixed.
    vstat = np.where((vstat != BASIC) & (a.lower == a.upper), FIXED, vstat)
    rstat = np.where((rstat != BASIC) & (a.row_lower == a.row_upper), FIXED, rstat)
    basic = np.flatnonzero(vstat == BASIC)
    tight = np.flatnonzero(rstat != BASIC)
    loose = np.flatnonzero(rstat == BASIC)
    k = len(basic)
    if len(tight) != k:
        raise _BasisMismatch("basis size")
    row_pos, col_pos = np.full(a.m, -1), np.full(a.n, -1)
    row_pos[tight], col_pos[basic] = np.arange(k), np.arange(k)
    er, ec, ev = a.entry_row, a.entry_col, a.entry_value
    kernel = np.zeros((k, k))
    in_kernel = (row_pos[er] >= 0) & (col_pos[ec] >= 0)
    np.add.at(kernel, (row_pos[er[in_kernel]], col_pos[ec[in_kernel]]), ev[in_kernel])
    inverse = np.linalg.inv(kernel) if k else np.zeros((0, 0))
    if not np.isfinite(inverse).all():
        raise np.linalg.LinAlgError("kernel not invertible")

    # rhs ranging: the binding rows t; basic variables are x_J and the loose rows' r_S.
    in_basic_col = col_pos[ec] >= 0
    row_moves = _gather_rows(er[in_basic_col], col_pos[ec[in_basic_col]], ev[in_basic_col], inverse, a.m)
    moves = np.vstack([inverse, row_moves[loose]])             # (k + |S|) x k
    value = np.concatenate([s.values[basic], s.activities[loose]])
    low = np.concatenate([a.lower[basic], a.row_lower[loose]])
    high = np.concatenate([a.upper[basic], a.row_upper[loose]])
    down, up = _ratio_test(moves, value, low, high)
    side = np.where(rstat[tight] == AT_UPPER, a.row_upper[tight], a.row_lower[tight])
    rhs_low, rhs_high = np.full(a.m, np.nan), np.full(a.m, np.nan)
    rhs_low[tight], rhs_high[tight] = side + down, side + up
    ranged = a.row_lower[tight] < a.row_upper[tight]
    at_lower, at_upper = ranged & (rstat[tight] == AT_LOWER), ranged & (rstat[tight] == AT_UPPER)
    rhs_high[tight[at_lower]] = np.minimum(rhs_high[tight[at_lower]], a.row_upper[tight[at_lower]])
    rhs_low[tight[at_upper]] = np.maximum(rhs_low[tight[at_upper]], a.row_lower[tight[at_upper]])
    rhs_low[tight[rstat[tight] == FREE]] = rhs_high[tight[rstat[tight] == FREE]] = np.nan
    # A loose row: its nearest finite side may move until it meets the activity.
    for i in loose:
        lower, upper, activity = a.row_lower[i], a.row_upper[i], s.activities[i]
        if lower == upper:
            rhs_low[i] = rhs_high[i] = activity
        elif math.isfinite(upper) and (not math.isfinite(lower) or upper - activity <= activity - lower):
            rhs_low[i], rhs_high[i] = activity, math.inf
        elif math.isfinite(lower):
            rhs_low[i], rhs_high[i] = -math.inf, activity

    # cost ranging.
    cost_low, cost_high = np.full(a.n, np.nan), np.full(a.n, np.nan)
    nonbasic = np.flatnonzero(vstat != BASIC)
    status = vstat[nonbasic]
    reduced_at = cost[nonbasic] - reduced[nonbasic]
    cost_low[nonbasic] = np.where(np.isin(status, (AT_UPPER, FIXED)), -math.inf, reduced_at)
    cost_high[nonbasic] = np.where(np.isin(status, (AT_LOWER, FIXED)), math.inf, reduced_at)
    if k:
        delta_low, delta_high = np.full(k, -math.inf), np.full(k, math.inf)
        # Nonbasic row activities r_t (column -e_t): alpha = -K^-1[p, t], reduced cost = dual_t.
        _tighten_costs(delta_low, delta_high, -inverse.T, duals[tight], rstat[tight])
        # Nonbasic structural columns, in chunks: alpha_pk = K^-1[p, :] . A_Tk.
        nb_pos = np.full(a.n, -1)
        nb_pos[nonbasic] = np.arange(len(nonbasic))
        useful = (row_pos[er] >= 0) & (nb_pos[ec] >= 0)
        order = np.argsort(nb_pos[ec[useful]], kind="stable")
        cols, rows, vals = nb_pos[ec[useful]][order], row_pos[er[useful]][order], ev[useful][order]
        step = max(1, CHUNK_FLOATS // max(k, 1))
        inverse_t = inverse.T
        for start in range(0, len(nonbasic), step):
            stop = min(start + step, len(nonbasic))
            lo, hi = np.searchsorted(cols, [start, stop])
            alphas = _gather_rows(cols[lo:hi] - start, rows[lo:hi], vals[lo:hi], inverse_t, stop - start)
            _tighten_costs(delta_low, delta_high, alphas, reduced[nonbasic[start:stop]], status[start:stop])
        cost_low[basic], cost_high[basic] = cost[basic] + delta_low, cost[basic] + delta_high
    if a.maximize:
        cost_low, cost_high = -cost_high, -cost_low
    s.rhs_low, s.rhs_high, s.cost_low, s.cost_high = rhs_low, rhs_high, cost_low, cost_high


def _gather_rows(index: np.ndarray, source: np.ndarray, weight: np.ndarray, matrix: np.ndarray,
                 size: int) -> np.ndarray:
    """out[index[e]] += weight[e] * matrix[source[e]] for every entry e (a sparse product)."""
    out = np.zeros((size, matrix.shape[1]))
    step = max(1, CHUNK_FLOATS // max(matrix.shape[1], 1))
    for start in range(0, len(index), step):
        part = slice(start, start + step)
        np.add.at(out, index[part], weight[part, None] * matrix[source[part]])
    return out


def _ratio_test(moves: np.ndarray, value: np.ndarray, low: np.ndarray, high: np.ndarray):
    """Per column of `moves`: the interval of steps keeping value + step * move within bounds."""
    with np.errstate(divide="ignore", invalid="ignore"):
        to_high = (high - value)[:, None] / moves
        to_low = (low - value)[:, None] / moves
    rising, falling = moves > PIVOT_TOL, moves < -PIVOT_TOL
    up = np.where(rising, to_high, np.where(falling, to_low, math.inf))
    down = np.where(rising, to_low, np.where(falling, to_high, -math.inf))
    up = np.nan_to_num(up, nan=math.inf, posinf=math.inf).min(axis=0, initial=math.inf)
    down = np.nan_to_num(down, nan=-math.inf, neginf=-math.inf).max(axis=0, initial=-math.inf)
    return np.minimum(down, 0.0), np.maximum(up, 0.0)


def _tighten_costs(delta_low, delta_high, alphas: np.ndarray, reduced: np.ndarray, status: np.ndarray) -> None:
    """Cost steps of the basic variables (columns of `alphas`) that keep every nonbasic
    column (rows of `alphas`) dual feasible: d - delta * alpha >= 0 at a lower bound,
    <= 0 at an upper bound, == 0 when free, anything when fixed."""
    if not len(reduced):
        return
    at_lower, at_upper, free = status == AT_LOWER, status == AT_UPPER, status == FREE
    d = np.where(at_lower, np.maximum(reduced, 0.0), np.where(at_upper, np.minimum(reduced, 0.0), reduced))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = d[:, None] / alphas
    rising, falling = alphas > PIVOT_TOL, alphas < -PIVOT_TOL
    caps_high = (at_lower[:, None] & rising) | (at_upper[:, None] & falling)
    caps_low = (at_lower[:, None] & falling) | (at_upper[:, None] & rising)
    pinned = free[:, None] & (rising | falling)
    high = np.where(caps_high, ratio, math.inf)
    low = np.where(caps_low, ratio, -math.inf)
    high = np.where(pinned, 0.0, high).min(axis=0)
    low = np.where(pinned, 0.0, low).max(axis=0)
    np.minimum(delta_high, np.maximum(high, 0.0), out=delta_high)
    np.maximum(delta_low, np.minimum(low, 0.0), out=delta_low)
