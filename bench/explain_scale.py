"""How large a model each explanation handles within its 10 s budget.

Random sparse models of growing size (10 nonzeros a row, as many variables as rows, but
for the transportation LP):

- conflict, small: an infeasible LP whose only conflict is 2 planted rows, among random packing rows;
- conflict, long: an infeasible chain x_{i+1} >= x_i + 1 in which every row is needed;
- conflict, MIP: packing rows over integers plus 2 planted rows with no integer point between
  them (the LP relaxation is feasible, so only MIP checks find it);
- sensitivity, LP: a transportation LP (10% supply rows, 90% demand rows, 5 sources per
  sink: 4.5 variables a row; GLOP is slow on random packing LPs beyond 2,000 rows) solved
  first by GLOP (untimed), its result passed as `lp_solution` as solve_model will; the time
  is that of duals and ranges;
- sensitivity, MIP: a random packing MIP solved first by HiGHS (untimed), then mip_duals
  (which solves the LP with the integers fixed).

Each explanation gets the default 10 s budget; the table shows its wall time, what it
found and whether it finished (an irreducible conflict; ranges computed). Usage:
`python bench/explain_scale.py [max_rows] [kind]`.
"""
from __future__ import annotations

import math
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chalicelib.engine.explain_linear import DEFAULT_BUDGET_S, explain  # noqa: E402
from chalicelib.engine.expressions import Linear  # noqa: E402
from chalicelib.engine.generic import CompiledModel, CompiledRow, CompiledVariable  # noqa: E402

INF = math.inf
SIZES = [100, 500, 2_000, 10_000, 50_000, 100_000]
PER_ROW = 10


def packing(rows: int, integer: bool, seed: int) -> CompiledModel:
    rng = random.Random(seed)
    n = rows
    variables = [CompiledVariable(f"x{j}", integer, 0.0, 10.0) for j in range(n)]
    body = []
    for i in range(rows):
        coefficients = {f"x{j}": float(rng.randint(1, 9)) for j in rng.sample(range(n), PER_ROW)}
        body.append(CompiledRow(f"r{i}", coefficients, -INF, float(rng.randint(20, 200))))
    objective = Linear({f"x{j}": float(rng.randint(1, 20)) for j in range(n)})
    return CompiledModel(variables, body, objective, True)


def transport(rows: int, seed: int) -> CompiledModel:
    """A transportation LP (GLOP solves it fast, unlike random packing LPs beyond a few thousand
    rows): 10% supply rows, 90% demand rows, each sink served by 5 random sources."""
    rng = random.Random(seed)
    sinks = rows * 9 // 10
    sources = rows - sinks
    demand = [float(rng.randint(1, 20)) for _ in range(sinks)]
    capacity = float(round(1.5 * sum(demand) / sources))
    variables, cost, supply, need = [], {}, [dict() for _ in range(sources)], []
    for j in range(sinks):
        terms = {}
        for i in rng.sample(range(sources), 5):
            name = f"x{i}_{j}"
            variables.append(CompiledVariable(name, False, 0.0, INF))
            cost[name], terms[name], supply[i][name] = float(rng.randint(1, 50)), 1.0, 1.0
        need.append(CompiledRow(f"demand{j}", terms, demand[j], INF))
    rows_ = [CompiledRow(f"supply{i}", supply[i], -INF, capacity) for i in range(sources)] + need
    return CompiledModel(variables, rows_, Linear(cost), False)


def small_conflict(rows: int) -> CompiledModel:
    model = packing(rows - 2, False, rows)
    model.variables += [CompiledVariable("u", False, 0.0, 100.0), CompiledVariable("v", False, 0.0, 100.0)]
    model.rows += [CompiledRow("at_least", {"u": 1.0, "v": 1.0}, 30.0, INF),
                   CompiledRow("at_most", {"u": 1.0, "v": 1.0}, -INF, 20.0)]
    return model


def long_conflict(rows: int) -> CompiledModel:
    variables = [CompiledVariable(f"x{i}", False, 0.0 if i == 0 else -INF, rows - 2.0 if i == rows else INF)
                 for i in range(rows + 1)]
    links = [CompiledRow(f"step{i}", {f"x{i + 1}": 1.0, f"x{i}": -1.0}, 1.0, INF) for i in range(rows)]
    return CompiledModel(variables, links, None, False)


def mip_conflict(rows: int) -> CompiledModel:
    model = packing(rows - 2, True, rows)
    model.rows += [CompiledRow("low", {"x1": 1.0, "x2": 1.0}, 1.2, INF),
                   CompiledRow("high", {"x1": 1.0, "x2": 1.0}, -INF, 1.8)]
    return model


def solve_first(model: CompiledModel, limit_s: float):
    """The model's solution by MathOpt (HiGHS for MIPs, GLOP for LPs), untimed, as solve_model
    would find it: (values by name, the LP result for `lp_solution`)."""
    from chalicelib.engine.explain_linear import lp_solution_from_mathopt
    from chalicelib.engine.explain_solve import build, to_arrays
    from ortools.math_opt.python import mathopt

    a = to_arrays(model)
    handle = build(a.lower, a.upper, a.integer, a.row_lower, a.row_upper, a.entry_row, a.entry_col,
                   a.entry_value, a.cost, a.maximize)
    solver = mathopt.SolverType.HIGHS if a.is_mip else mathopt.SolverType.GLOP
    result = mathopt.solve(handle, solver, params=mathopt.SolveParameters(time_limit=timedelta(seconds=limit_s)))
    reason, reasons = result.termination.reason, mathopt.TerminationReason
    if reason != reasons.OPTIMAL and not (a.is_mip and reason == reasons.FEASIBLE):
        return None, None  # a MIP's best solution at the limit is what solve_model would return
    variables = [handle.get_variable(j) for j in range(a.n)]
    values = dict(zip(a.names, (result.variable_values(v) for v in variables)))
    if a.is_mip:
        return values, None
    return values, lp_solution_from_mathopt(result, variables, [handle.get_linear_constraint(i) for i in range(a.m)])


def timed(model, status, values=None, **kwargs):
    started = time.monotonic()
    explanation = explain(model, status, values, budget_s=DEFAULT_BUDGET_S, **kwargs)
    return time.monotonic() - started, explanation


def conflict_row(kind: str, rows: int, model: CompiledModel) -> tuple:
    seconds, e = timed(model, "infeasible")
    if e is None or e.conflicts is None:
        return kind, rows, seconds, "none", "no"
    return kind, rows, seconds, f"{len(e.conflicts)} parts", "yes" if e.conflict_is_minimal else "no"


def sensitivity_row(kind: str, rows: int, model: CompiledModel, **kwargs) -> tuple:
    values, lp_solution = solve_first(model, 60.0)
    if values is None:
        return kind, rows, float("nan"), "not solved in 60 s", "no"
    seconds, e = timed(model, "optimal", values, lp_solution=lp_solution, **kwargs)
    s = e.sensitivity
    ranged = any(c.rhs_range is not None for c in s.constraints.values())
    found = f"{s.kind}, {sum(c.binding for c in s.constraints.values())} binding"
    return kind, rows, seconds, found, "ranges" if ranged else ("duals" if s.kind != "slack_only" else "no")


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else SIZES[-1]
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    cases = [("conflict, small (LP)", small_conflict, conflict_row),
             ("conflict, long chain (LP)", long_conflict, conflict_row),
             ("conflict, integrality (MIP)", mip_conflict, conflict_row),
             ("sensitivity (LP)", lambda r: transport(r, r), sensitivity_row),
             ("sensitivity, mip_duals (MIP)", lambda r: packing(r, True, r),
              lambda k, r, m: sensitivity_row(k, r, m, mip_duals=True))]
    print(f"{'explanation':30} {'rows':>7} {'seconds':>8}  {'found':28} finished")
    for kind, make, measure in [case for case in cases if only in case[0]]:
        for rows in [s for s in SIZES if s <= limit]:
            row = measure(kind, rows, make(rows))
            print(f"{row[0]:30} {row[1]:>7,} {row[2]:>8.2f}  {row[3]:28} {row[4]}", flush=True)
            if row[2] > DEFAULT_BUDGET_S or row[4] == "no":
                break  # larger ones only take longer


if __name__ == "__main__":
    main()
