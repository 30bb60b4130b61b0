"""Solve a user's linear model (JSON, MPS or LP) and report it by name.

JSON models are checked and resolved here, collecting every problem with the
constraint or variable it belongs to; MPS/LP text is read by OR-Tools'
model_builder. Both become a `CompiledModel`, which MathOpt solves (mathopt_backend)
with the chosen backend; `auto` runs what measured best per model class (AUTO_BACKEND,
docs/solver.md). LPs answer with duals and reduced costs.

Whatever the format, every coefficient, constant and bound that reaches a solver is
finite and within +-MAX_MAGNITUDE (a bound may also be infinite: none); MPS and LP
text keep their convention that a bound of 1e30 or more means none.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any, Literal

from chalicelib.engine.expressions import ExpressionError, Linear, canonical_name, parse_expression, parse_relation
from chalicelib.engine.linear_model import LinearModel
from chalicelib.engine.options import RunOptions, SolverChoice
from chalicelib.engine.result import SolveOutcome
from chalicelib.numbers import MAX_MAGNITUDE, is_safe_number

LP_BACKENDS = {"GLOP", "PDLP"}
TEXT_INFINITY = 1e30
"""In MPS and LP text a bound this large means no bound (the formats' own convention)."""
RANGE = f"must be finite and between {-MAX_MAGNITUDE:g} and {MAX_MAGNITUDE:g}"


class ModelError(ValueError):
    """The model is malformed; `problems` names each offending part."""

    def __init__(self, problems: list[dict[str, str]]):
        super().__init__("; ".join(f"{p['field']}: {p['message']}" for p in problems[:5]))
        self.problems = problems


@dataclass
class CompiledVariable:
    name: str
    integer: bool
    lower: float
    upper: float


@dataclass
class CompiledRow:
    name: str
    coefficients: dict[str, float]
    lower: float
    upper: float


@dataclass
class CompiledModel:
    variables: list[CompiledVariable]
    rows: list[CompiledRow]
    objective: Linear | None
    maximize: bool

    @property
    def is_mip(self) -> bool:
        return any(v.integer for v in self.variables)


def compile_model(model: LinearModel, overrides: dict[str, float] | None = None) -> CompiledModel:
    """Resolve names, parameters and expressions; every problem reported at once."""
    problems: list[dict[str, str]] = []
    parameters = dict(model.parameters)
    for name in overrides or {}:
        if name not in parameters:
            problems.append({"field": f"parameters.{name}", "message": "not a parameter of the model"})
    parameters.update({k: v for k, v in (overrides or {}).items() if k in parameters})

    variables: list[CompiledVariable] = []
    seen: set[str] = set()
    for index, variable in enumerate(model.variables):
        name = canonical_name(variable.name)
        where = f"variables[{index}] ({name})"
        lower = -math.inf if variable.lower is None else variable.lower
        upper = math.inf if variable.upper is None else variable.upper
        if variable.type == "binary":
            lower, upper = max(lower, 0.0), min(upper, 1.0)
        if name in seen:
            problems.append({"field": where, "message": "duplicate variable name"})
        if name in parameters:
            problems.append({"field": where, "message": "a parameter has the same name"})
        if lower > upper:
            problems.append({"field": where, "message": f"lower bound {lower:g} is above upper bound {upper:g}"})
        seen.add(name)
        variables.append(CompiledVariable(name, variable.type != "continuous", lower, upper))

    rows: list[CompiledRow] = []
    row_names: set[str] = set()
    terms_total = 0
    for index, constraint in enumerate(model.constraints):
        name = constraint.name or f"c{index}"
        where = f"constraints[{index}] ({name})"
        if name in row_names:
            problems.append({"field": where, "message": "duplicate constraint name"})
        row_names.add(name)
        try:
            if constraint.expression is not None:
                body, lower, upper = parse_relation(constraint.expression, seen, parameters)
            else:
                body = _from_terms(constraint.terms, seen)
                rhs = _resolve_number(constraint.rhs, parameters)
                lower, upper = {"<=": (-math.inf, rhs), ">=": (rhs, math.inf), "==": (rhs, rhs)}[constraint.sense]
        except ExpressionError as error:
            problems.append({"field": where, "message": str(error)})
            continue
        terms_total += len(body.coefficients)
        rows.append(CompiledRow(name, body.coefficients, lower, upper))

    objective = None
    if model.objective is not None:
        try:
            objective = (parse_expression(model.objective.expression, seen, parameters)
                         if model.objective.expression is not None
                         else _from_terms(model.objective.terms, seen))
            objective.constant += model.objective.constant
            if objective.is_constant:
                raise ExpressionError("the objective has no variables; omit it for a feasibility problem")
        except ExpressionError as error:
            problems.append({"field": "objective", "message": str(error)})
    if terms_total > 1_000_000:
        problems.append({"field": "constraints", "message": "more than 1,000,000 terms in all"})
    if problems:
        raise ModelError(problems)
    maximize = model.objective is not None and model.objective.sense == "maximize"
    return _in_range(CompiledModel(variables, rows, objective, maximize))


def _in_range(model: CompiledModel, text_format: str | None = None) -> CompiledModel:
    """ModelError naming every number out of range: a 400 now, not an overflow in the solver.
    Fields read as compile_model's (`constraints[0] (cap)`); a text model's are its format."""
    problems: list[dict[str, str]] = []

    def check(field: str, what: str, value: float, is_bound: bool = False) -> None:
        if (is_bound and math.isinf(value)) or is_safe_number(value):
            return
        problems.append({"field": text_format or field, "message": f"{what} is {value:g}; numbers {RANGE}"})

    for index, variable in enumerate(model.variables):
        for side in ("lower", "upper"):
            check(f"variables[{index}] ({variable.name})", f"the {side} bound of {variable.name}",
                  getattr(variable, side), is_bound=True)
    for index, row in enumerate(model.rows):
        field = f"constraints[{index}] ({row.name})"
        for side in ("lower", "upper"):
            check(field, f"the {side} bound of {row.name}", getattr(row, side), is_bound=True)
        if not _all_safe(row.coefficients.values()):
            for name, coefficient in row.coefficients.items():
                check(field, f"the coefficient of {name} in {row.name}", coefficient)
    if model.objective is not None:
        for name, coefficient in model.objective.coefficients.items():
            check("objective", f"the objective coefficient of {name}", coefficient)
        check("objective", "the objective constant", model.objective.constant)
    if problems:
        raise ModelError(problems[:50])
    return model


def _all_safe(values: Any) -> bool:
    """Every number finite and within +-MAX_MAGNITUDE, at C speed: a NaN or an infinity makes
    the sum NaN or infinite (as does an overflow of the sum, which then takes the slow check)."""
    values = list(values)
    if not values:
        return True
    total = sum(values)
    return math.isfinite(total) and -MAX_MAGNITUDE <= min(values) and max(values) <= MAX_MAGNITUDE


def _from_terms(terms: list[Any], variables: set[str]) -> Linear:
    result = Linear()
    for term in terms:
        name = canonical_name(term.variable)
        if name not in variables:
            raise ExpressionError(f"unknown variable '{name}'")
        result.coefficients[name] = result.coefficients.get(name, 0.0) + term.coefficient
    return result


def _resolve_number(value: float | str, parameters: dict[str, float]) -> float:
    if isinstance(value, str):
        if value not in parameters:
            raise ExpressionError(f"rhs names unknown parameter '{value}'")
        return float(parameters[value])
    return float(value)


def compile_text(text: str, text_format: Literal["mps", "lp"]) -> CompiledModel:
    """Read MPS, CPLEX LP or lp_solve LP text (chalicelib/engine/text_models.py)."""
    from chalicelib.engine.text_models import compile_text as read_text

    return read_text(text, text_format)


ModelClass = Literal["lp", "integer", "mip"]

AUTO_BACKEND: dict[str, str] = {"lp": "GLOP", "integer": "HIGHS", "mip": "SCIP"}
"""What `auto` runs for each model class; chosen by measurement (bench/solver_choice.py,
numbers in docs/solver.md)."""


def model_class(model: CompiledModel) -> ModelClass:
    """`lp` (no integer variable), `integer` (integer variables with finite bounds and integral
    coefficients and sides: what CP-SAT takes as is) or `mip` (every other model)."""
    if not model.is_mip:
        return "lp"
    return "integer" if _integral(model) else "mip"


def choose_backend(model: CompiledModel, choice: SolverChoice = "auto") -> str:
    if choice != "auto":
        backend = choice.upper()
        if backend in LP_BACKENDS and model.is_mip:
            raise ModelError([{"field": "solver", "message": f"{choice} solves LPs only; the model has integer variables"}])
        if backend == "CP_SAT" and not all(v.integer for v in model.variables):
            # MathOpt's CP-SAT scales continuous variables onto integers: measured, it called a
            # feasible MIP (rgn) infeasible. Refuse rather than answer wrongly.
            raise ModelError([{"field": "solver", "message": "cp_sat solves models whose variables are all "
                                                             "integer; use highs or scip for continuous ones"}])
        return backend
    return AUTO_BACKEND[model_class(model)]


def _integral(model: CompiledModel) -> bool:
    """Integer variables with finite bounds, integral coefficients and sides."""
    def integral(value: float) -> bool:
        return math.isinf(value) or float(value).is_integer()

    if not all(v.integer and math.isfinite(v.lower) and math.isfinite(v.upper) for v in model.variables):
        return False
    values = [c for row in model.rows for c in (*row.coefficients.values(), row.lower, row.upper)]
    if model.objective:
        values += list(model.objective.coefficients.values())
    return all(integral(v) for v in values)


def solve_model(model: CompiledModel, options: RunOptions, choice: SolverChoice = "auto",
                origins: dict[str, str] | None = None) -> SolveOutcome:
    """Solve with the chosen backend through MathOpt; the answer names every value and says
    why (`explanation`). `origins` maps names to the canvas nodes they came from."""
    from chalicelib.engine import mathopt_backend

    backend = choose_backend(model, choice)
    run = mathopt_backend.solve(model, backend, options)
    outcome = SolveOutcome(status=run.status, solver=run.solver, solve_time_ms=run.solve_time_ms,
                           gap_tolerance=run.gap_tolerance, message=run.message or _MESSAGES.get(run.status))
    if run.values is not None:
        outcome = outcome.model_copy(update={
            "objective_value": run.objective_value, "best_bound": run.best_bound, "gap": run.gap,
            "solution": _solution(model, run)})
    return outcome.model_copy(update={"explanation": _explanation(model, run, options, origins)})


def _solution(model: CompiledModel, run: Any) -> dict[str, Any]:
    """Values, activities, and for LPs duals and reduced costs, by name."""
    values = {v.name: round(value) if v.integer else value for v, value in zip(model.variables, run.values)}
    constraints: dict[str, dict[str, float]] = {row.name: {"activity": activity}
                                                for row, activity in zip(model.rows, run.activities)}
    solution: dict[str, Any] = {"variables": values, "constraints": constraints}
    if run.duals is not None:
        for row, dual in zip(model.rows, run.duals):
            constraints[row.name]["dual_value"] = dual
        solution["reduced_costs"] = {v.name: cost for v, cost in zip(model.variables, run.reduced_costs)}
    return solution


def _explanation(model: CompiledModel, run: Any, options: RunOptions, origins: dict[str, str] | None) -> Any:
    """The conflict of an infeasible model, or what binds in a solved one, within its own budget
    (EXPLAIN_BUDGET_S at most, and never more than the run's time limit)."""
    from chalicelib.engine import explain_linear

    if not options.explain:
        return None
    started = time.perf_counter()
    values = None if run.values is None else {v.name: x for v, x in zip(model.variables, run.values)}
    explanation = explain_linear.explain(model, run.status, values,
                                         budget_s=min(explain_linear.DEFAULT_BUDGET_S, options.time_limit_s),
                                         mip_duals=options.mip_duals, origins=origins,
                                         lp_solution=_lp_solution(run))
    if explanation is None:
        return None
    return explanation.model_copy(update={"time_ms": int((time.perf_counter() - started) * 1000)})


def _lp_solution(run: Any) -> Any:
    """The LP's own optimal solution and basis, so that the explanation does not solve it again."""
    if run.status != "optimal" or run.duals is None or run.variable_status is None:
        return None
    import numpy as np

    from chalicelib.engine.explain_solve import Run

    return Run("optimal", values=np.array(run.values, dtype=float), duals=np.array(run.duals, dtype=float),
               reduced_costs=np.array(run.reduced_costs, dtype=float),
               variable_status=np.array(run.variable_status, dtype=np.int64),
               row_status=np.array(run.row_status, dtype=np.int64), objective=run.objective_value)


_MESSAGES = {
    "infeasible": "No assignment satisfies every constraint.",
    "unbounded": "The objective can improve without limit; a bound or constraint is missing.",
    "time_limit": "No feasible solution was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped before the gap closed to gap_tolerance: the solution is feasible, not proven optimal.",
}
