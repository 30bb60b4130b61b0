"""The explanation of a linear or integer model's result, in the user's own names.

- infeasible: a small (irreducible where the budget allows) set of constraints and bounds
  that cannot all hold (explain_conflict).
- optimal or feasible: every constraint's activity and slack and whether it binds; for an
  LP solved to optimality also duals, reduced costs and the ranges over which they hold
  (explain_ranges); for a MIP slacks only, or with `mip_duals` the duals of the LP left
  when every integer variable is fixed at its value.

Signs, in either sense: a dual is the change of the objective per unit increase of the
constraint's binding side (its right-hand side), a reduced cost the change per unit
increase of the variable. The explanation does its own solves (MathOpt: GLOP for LPs,
HiGHS for MIPs) within `budget_s` and never fails a solve: any error gives None.
"""
from __future__ import annotations

import math
import time

import numpy as np

from chalicelib.engine.explain_conflict import ConflictSearch, Part, find_conflict
from chalicelib.engine.explain_ranges import MAX_RANGED_ROWS, LpSensitivity, lp_sensitivity
from chalicelib.engine.explain_solve import Arrays, Run, finite, to_arrays
from chalicelib.engine.explanation import (Binding, Conflict, ConstraintSensitivity, Explanation, Sensitivity,
                                           VariableSensitivity)

DEFAULT_BUDGET_S = 10.0
"""At most this long for an explanation (less when the run's time limit is shorter)."""
BINDING_TOL = 1e-6
"""A constraint binds when its slack is at most this times max(1, |side|)."""
DUAL_TOL = 1e-9
MAX_ENTRIES = 2_000
"""Sensitivity lists at most this many constraints and as many variables."""
MAX_BINDING = 100
"""Binding sentences listed, the largest duals first."""
MAX_TERMS_SHOWN = 8


def explain(model, outcome_status: str, values: dict[str, float] | None, *, budget_s: float,
            mip_duals: bool = False, origins: dict[str, str] | None = None,
            lp_solution: Run | None = None) -> Explanation | None:
    """Why the result of `model` (a CompiledModel) is what it is; None when there is nothing
    to explain (unbounded, time limit, error) or the explanation itself failed.

    `lp_solution` (from `lp_solution_from_mathopt`) is the LP's own optimal solve, with its
    basis: given, the LP is not solved a second time and the duals are those of the very
    solution returned."""
    deadline = time.monotonic() + max(0.0, budget_s)
    try:
        a = to_arrays(model)
        if outcome_status == "infeasible":
            return _infeasible(a, find_conflict(a, deadline), budget_s, origins or {})
        if outcome_status in ("optimal", "feasible"):
            return _solved(a, outcome_status, values, deadline, mip_duals, origins or {}, lp_solution)
    except Exception:  # an explanation is an extra: it never turns a result into an error
        return None
    return None


def lp_solution_from_mathopt(result, variables, constraints) -> Run | None:
    """A MathOpt SolveResult of the LP, read in model order: `variables` and `constraints` are
    the MathOpt handles of model.variables and model.rows, in that order."""
    import numpy as np
    from ortools.math_opt.python import mathopt

    if result.termination.reason != mathopt.TerminationReason.OPTIMAL or not result.solutions:
        return None
    solution = result.solutions[0]
    primal, dual, basis = solution.primal_solution, solution.dual_solution, solution.basis
    if primal is None or dual is None:
        return None
    run = Run("optimal",
              values=np.array([primal.variable_values[v] for v in variables], dtype=float),
              duals=np.array([dual.dual_values[c] for c in constraints], dtype=float),
              reduced_costs=np.array([dual.reduced_costs[v] for v in variables], dtype=float),
              objective=primal.objective_value)
    if basis is not None:
        run.variable_status = np.array([basis.variable_status[v].value for v in variables], dtype=np.int64)
        run.row_status = np.array([basis.constraint_status[c].value for c in constraints], dtype=np.int64)
    return run


# Infeasible ------------------------------------------------------------------------------

def _infeasible(a: Arrays, search: ConflictSearch, budget_s: float, origins: dict[str, str]) -> Explanation:
    if search.parts is None:
        if search.reason == "tolerance":
            return Explanation(summary=(
                "The model is infeasible only by less than the solvers' tolerance (about 1e-7): relaxing "
                "its constraints that little makes it feasible, so no conflicting set can be named. Look "
                "for nearly contradictory numbers (very large or very small coefficients)."))
        return Explanation(summary=(f"The model is infeasible; no conflicting set of constraints was isolated "
                                    f"within the explanation's {budget_s:g} s budget."))
    parts = sorted(search.parts, key=lambda part: (part.kind != "constraint", part))  # constraints first
    conflicts = [_conflict(a, part, origins) for part in parts]
    labels = [_label(a, part) for part in parts]
    count = len(conflicts)
    summary = "This constraint cannot hold" if count == 1 else f"These {count} constraints cannot all hold"
    if search.integrality:
        integers = sorted({a.names[j] for part in parts for j in _columns(a, part) if a.integer[j]})
        summary += (f" while {_listing(integers[:5], more=len(integers) - 5)} "
                    f"{'takes' if len(integers) == 1 else 'take'} whole-number values (with fractional values "
                    f"{'it' if count == 1 else 'they'} could)")
    summary += f": {_listing(labels)}."
    if not search.minimal:
        summary += (" The search stopped at its time budget before reducing the set further, so a "
                    "smaller part of it may already conflict.")
    return Explanation(summary=summary, conflicts=conflicts, conflict_is_minimal=search.minimal)


def _conflict(a: Arrays, part: Part, origins: dict[str, str]) -> Conflict:
    if part.kind == "constraint":
        name = a.row_names[part.index]
        return Conflict(name=name, kind="constraint", node_id=origins.get(name),
                        sentence=f"{name}: {_relation(a, part.index)}")
    name = a.names[part.index]
    op, value = (">=", a.lower[part.index]) if part.side == "lower" else ("<=", a.upper[part.index])
    return Conflict(name=name, kind="bound", node_id=origins.get(name),
                    sentence=f"{name} {op} {_number(value, 10)} ({part.side} bound of {name})")


def _label(a: Arrays, part: Part) -> str:
    if part.kind == "constraint":
        return a.row_names[part.index]
    return f"{a.names[part.index]}'s {part.side} bound"


def _columns(a: Arrays, part: Part) -> np.ndarray:
    if part.kind == "bound":
        return np.array([part.index])
    return a.entry_col[a.entry_row == part.index]


# Solved ----------------------------------------------------------------------------------

def _solved(a: Arrays, status: str, values: dict[str, float] | None, deadline: float, mip_duals: bool,
            origins: dict[str, str], lp_solution: Run | None) -> Explanation | None:
    given = None if values is None else np.array([float(values.get(name, 0.0)) for name in a.names])
    lp, kind, why = None, "slack_only", ""
    if not a.has_objective:
        why = "The model has no objective, so there are no duals."
    elif not a.is_mip and status != "optimal":
        why = "The solve stopped before optimality, so there are no duals."
    elif a.is_mip and not mip_duals:
        why = ("A MIP has no duals; options.mip_duals gives those of the LP left when every integer "
               "variable is fixed at its value.")
    elif a.is_mip and given is None:
        return None
    else:
        kind = "mip_fixed" if a.is_mip else "lp"
        lp = (lp_sensitivity(a.with_integers_fixed(given), deadline) if a.is_mip else
              lp_sensitivity(a, deadline, lp_solution if _fits(lp_solution, a) else None))
        if lp is None:
            kind = "slack_only"
            why = ("The LP with the integers fixed could not be solved to optimality within the budget, so "
                   "there are no duals." if a.is_mip else
                   "The LP could not be solved again within the explanation's budget, so there are no duals.")
    x = given if given is not None else (lp.values if lp is not None else None)
    if x is None:
        return None
    activities = a.activities(x)
    slack, side_is_upper = _slack(a, activities)
    scale = np.maximum(1.0, np.abs(np.where(side_is_upper, a.row_upper, a.row_lower)))
    binding = np.isfinite(slack) & (slack <= BINDING_TOL * np.nan_to_num(scale, posinf=1.0))
    ranged = lp is not None and lp.rhs_low is not None
    too_large = lp is not None and not ranged and a.m > MAX_RANGED_ROWS

    # Constraints: binding first (largest duals first), then the rest in model order.
    duals = lp.duals if lp is not None else np.zeros(a.m)
    listed = [i for i in range(a.m) if np.isfinite(slack[i])]
    listed.sort(key=lambda i: (not binding[i], -abs(duals[i]) if binding[i] else 0.0, i))
    constraints = {}
    for i in listed[:MAX_ENTRIES]:
        constraints[a.row_names[i]] = ConstraintSensitivity(
            activity=_clean(activities[i]), slack=_clean(max(0.0, slack[i])), binding=bool(binding[i]),
            dual_value=_clean(duals[i]) if lp is not None else None,
            rhs_range=_range(lp.rhs_low[i], lp.rhs_high[i]) if ranged else None)
    variables = {}
    order = sorted(range(a.n), key=lambda j: (x[j] == 0 and (lp is None or abs(lp.reduced_costs[j]) <= DUAL_TOL), j))
    for j in order[:MAX_ENTRIES]:
        fixed_integer = kind == "mip_fixed" and a.integer[j]
        variables[a.names[j]] = VariableSensitivity(
            value=_clean(x[j]), reduced_cost=_clean(lp.reduced_costs[j]) if lp is not None else None,
            cost_range=None if not ranged or fixed_integer else _range(lp.cost_low[j], lp.cost_high[j]))
    truncated = too_large or len(listed) > MAX_ENTRIES or a.n > MAX_ENTRIES

    count = int(binding.sum())
    bindings = [_binding(a, i, activities, side_is_upper, lp, kind, origins)
                for i in listed[:min(count, MAX_BINDING)]]  # binding rows come first, largest duals first
    bound_count = 0
    if lp is not None:
        bound_bindings = _bound_bindings(a, x, lp, kind, origins)
        bound_count = len(bound_bindings)
        bindings += bound_bindings
    bindings.sort(key=lambda b: -abs(b.dual_value or 0.0))
    summary = _solved_summary(a, kind, count, [a.row_names[i] for i in listed if binding[i]], why)
    if truncated:
        summary += (f" The model is large: ranges are computed for up to {MAX_RANGED_ROWS:,} constraints and "
                    f"at most {MAX_ENTRIES:,} constraints and {MAX_ENTRIES:,} variables are listed, binding "
                    f"ones first." if too_large else
                    f" At most {MAX_ENTRIES:,} constraints and {MAX_ENTRIES:,} variables are listed, "
                    f"binding ones first.")
    if count + bound_count > MAX_BINDING:
        summary += f" The {MAX_BINDING} binding entries worth most are described."
    return Explanation(summary=summary, binding=bindings[:MAX_BINDING],
                       sensitivity=Sensitivity(kind=kind, constraints=constraints, variables=variables,
                                               truncated=truncated))


def _fits(run: Run | None, a: Arrays) -> bool:
    return (run is not None and run.values is not None and len(run.values) == a.n
            and run.duals is not None and len(run.duals) == a.m)


def _slack(a: Arrays, activities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance to the nearest finite side (inf for a free row) and whether that is the upper one."""
    to_upper = np.where(np.isfinite(a.row_upper), a.row_upper - activities, math.inf)
    to_lower = np.where(np.isfinite(a.row_lower), activities - a.row_lower, math.inf)
    return np.minimum(to_upper, to_lower), to_upper <= to_lower


def _binding(a: Arrays, i: int, activities, side_is_upper, lp: LpSensitivity | None, kind: str,
             origins: dict[str, str]) -> Binding:
    name = a.row_names[i]
    lower, upper = a.row_lower[i], a.row_upper[i]
    ranged = math.isfinite(lower) and math.isfinite(upper) and lower < upper
    limit = ("upper limit" if side_is_upper[i] else "lower limit") if ranged else "right-hand side"
    side_value = upper if side_is_upper[i] else lower
    slack = float(max(0.0, upper - activities[i] if side_is_upper[i] else activities[i] - lower))
    binds = f"{name} binds ({_relation(a, i)})"
    if lp is None:
        return Binding(name=name, kind="constraint", node_id=origins.get(name), slack=slack,
                       sentence=f"{binds}: its activity {_number(activities[i])} is at its {limit} "
                                f"{_number(side_value)}.")
    dual = _clean(lp.duals[i])
    fixed = " with the integer variables fixed at their values" if kind == "mip_fixed" else ""
    if abs(dual) <= DUAL_TOL:
        sentence = (f"{binds}, but one more unit of its {limit} would not change the objective{fixed} "
                    f"(another constraint holds the answer just as well).")
    else:
        sentence = (f"{binds}: one more unit of its {limit} would {'raise' if dual > 0 else 'lower'} the "
                    f"objective by {_number(abs(dual))}{fixed}")
        if lp.rhs_low is not None:
            sentence += _while(name, limit, lp.rhs_low[i], lp.rhs_high[i])
        sentence += "."
    return Binding(name=name, kind="constraint", node_id=origins.get(name), slack=slack, dual_value=dual,
                   sentence=sentence)


def _bound_bindings(a: Arrays, x: np.ndarray, lp: LpSensitivity, kind: str, origins: dict[str, str]) -> list[Binding]:
    """Bounds of continuous variables with a nonzero reduced cost: they hold the objective back
    (the MAX_BINDING worth most)."""
    found = []
    candidates = np.flatnonzero((np.abs(lp.reduced_costs) > DUAL_TOL) & ~a.integer)
    candidates = candidates[np.argsort(-np.abs(lp.reduced_costs[candidates]), kind="stable")][:MAX_BINDING]
    for j in candidates:
        name, rc = a.names[j], float(lp.reduced_costs[j])
        near_upper = abs(a.upper[j] - x[j]) <= abs(x[j] - a.lower[j])
        side = "upper" if near_upper else "lower"
        if not math.isfinite(a.upper[j] if near_upper else a.lower[j]):
            continue
        fixed = " with the integer variables fixed at their values" if kind == "mip_fixed" else ""
        found.append(Binding(
            name=name, kind="bound", node_id=origins.get(name), slack=0.0, dual_value=_clean(rc),
            sentence=(f"The {side} bound of {name} binds: raising it by one unit would "
                      f"{'raise' if rc > 0 else 'lower'} the objective by {_number(abs(rc))}{fixed}.")))
    return found


def _solved_summary(a: Arrays, kind: str, count: int, names: list[str], why: str) -> str:
    if a.m == 0:
        text = "The model has no constraints."
    elif count == 0:
        text = f"None of the {a.m} constraints binds." if a.m > 1 else "Its constraint does not bind."
    else:
        text = (f"{count} of {a.m} constraint{'s' if a.m > 1 else ''} bind{'s' if count == 1 else ''}: "
                f"{_listing(names[:5], more=count - 5)}.")
    if kind == "lp":
        text += (" Duals give the change of the objective per unit of right-hand side, and hold over the "
                 "ranges given.")
    elif kind == "mip_fixed":
        text += (" Duals and reduced costs are those of the LP left when every integer variable is fixed at "
                 "its value in this solution (mip_fixed): they price the continuous part, not the MIP.")
    return f"{text} {why}".strip()


def _while(name: str, limit: str, low: float, high: float) -> str:
    if math.isnan(low) or math.isnan(high):
        return ""
    low_text, high_text = finite(low), finite(high)
    if low_text is not None and high_text is not None:
        where = f"stays between {_number(low)} and {_number(high)}"
    elif low_text is not None:
        where = f"stays at {_number(low)} or more"
    elif high_text is not None:
        where = f"stays at {_number(high)} or less"
    else:
        return f" (this holds whatever {name}'s {limit})"
    return f" (this holds while {name}'s {limit} {where})"


def _range(low: float, high: float) -> tuple[float | None, float | None] | None:
    if math.isnan(low) or math.isnan(high):
        return None
    return finite(_clean(low)), finite(_clean(high))


def _clean(value: float) -> float:
    """-0.0 and solver noise around whole numbers read badly: 2.0000000000004 -> 2.0."""
    value = float(value)
    if math.isfinite(value):
        nearest = round(value)
        if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)):
            value = float(nearest)
    return value + 0.0


# Words -----------------------------------------------------------------------------------

def _number(value: float, digits: int = 6) -> str:
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.{digits}g}"


def _relation(a: Arrays, i: int) -> str:
    lhs = _lhs(a, i)
    lower, upper = a.row_lower[i], a.row_upper[i]
    if lower == upper:
        return f"{lhs} = {_number(upper, 10)}"
    if math.isfinite(lower) and math.isfinite(upper):
        return f"{_number(lower, 10)} <= {lhs} <= {_number(upper, 10)}"
    if math.isfinite(upper):
        return f"{lhs} <= {_number(upper, 10)}"
    if math.isfinite(lower):
        return f"{lhs} >= {_number(lower, 10)}"
    return f"{lhs} (free)"


def _lhs(a: Arrays, i: int) -> str:
    if a.rows_as_written is not None:
        terms = [(name, c) for name, c in a.rows_as_written[i].coefficients.items() if c]
    else:
        start, stop = np.searchsorted(a.entry_row, [i, i + 1])
        terms = [(a.names[a.entry_col[e]], a.entry_value[e]) for e in range(start, stop)]
    text = ""
    for count, (name, coefficient) in enumerate(terms):
        if count == MAX_TERMS_SHOWN:
            return f"{text} + ... ({len(terms) - count} more terms)"
        coefficient = float(coefficient)
        magnitude = "" if abs(coefficient) == 1 else f"{_number(abs(coefficient), 10)} "
        if not text:
            text = f"{'-' if coefficient < 0 else ''}{magnitude}{name}"
        else:
            text += f" {'-' if coefficient < 0 else '+'} {magnitude}{name}"
    return text or "0"


def _listing(items: list[str], more: int = 0) -> str:
    text = ", ".join(items)
    return f"{text} and {more} more" if more > 0 else text
