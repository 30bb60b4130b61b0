"""Running linear models: POST /solve, builder documents and builder models.

Charged by kind: an LP costs LP_CREDITS, a model with integer variables MIP_CREDITS.
"""
from __future__ import annotations

from typing import Any

from chalicelib.engine.generic import (
    CompiledModel,
    ModelError,
    SolverChoice,
    choose_backend,
    compile_model,
    compile_text,
    solve_model,
)
from chalicelib.engine.linear_model import LinearModel
from chalicelib.engine.options import RunOptions
from chalicelib.errors import BadRequest, validate
from chalicelib.schemas.results import OptimizationResult
from chalicelib.schemas.solve import SolveRequest
from chalicelib.services.auth import Caller
from chalicelib.services.executions import record_run

LP_CREDITS = 1
MIP_CREDITS = 2


def solve(caller: Caller, body: SolveRequest) -> OptimizationResult:
    try:
        if body.model is not None:
            model = compile_model(body.model, body.parameters)
        else:
            model = compile_text(body.mps or body.lp, "mps" if body.mps else "lp")
    except ModelError as error:
        raise BadRequest(f"The model is invalid: {error}", error.problems) from None
    return run_linear(caller, model, body.solver, body.options,
                      raw_input=body.model_dump(mode="json", exclude_defaults=True), kind="solve")


def run_model_json(caller: Caller, model_json: dict[str, Any], parameters: dict[str, float],
                   solver: SolverChoice, options: RunOptions, raw_input: Any, **attributes: Any
                   ) -> OptimizationResult:
    """Run a stored model_json (a compiled canvas) with parameter overrides."""
    model = validate(LinearModel, model_json, prefix=("model_json",))
    try:
        compiled = compile_model(model, parameters)
    except ModelError as error:
        raise BadRequest(f"The model cannot run: {error}", error.problems) from None
    return run_linear(caller, compiled, solver, options, raw_input=raw_input, **attributes)


def run_linear(caller: Caller, model: CompiledModel, solver: SolverChoice, options: RunOptions,
               raw_input: Any, **attributes: Any) -> OptimizationResult:
    try:
        choose_backend(model, solver)  # an LP solver asked for a MIP is a 400 before charging
    except ModelError as error:
        raise BadRequest(f"The model is invalid: {error}", error.problems) from None
    return record_run(
        caller, cost=MIP_CREDITS if model.is_mip else LP_CREDITS, raw_input=raw_input, options=options,
        solve=lambda: solve_model(model, options, solver), label=attributes.get("kind", "solve"),
        **attributes,
    )
