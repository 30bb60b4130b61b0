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
from chalicelib.schemas.executions import QueuedRun
from chalicelib.schemas.results import OptimizationResult
from chalicelib.schemas.solve import SolveRequest
from chalicelib.services import executions
from chalicelib.services.auth import Caller
from chalicelib.services.executions import SYNC, Dispatch, PreparedRun
from chalicelib.services.run_specs import LinearSpec, TextSpec

LP_CREDITS = 1
MIP_CREDITS = 2


def solve(caller: Caller, body: SolveRequest, dispatch: Dispatch = SYNC) -> OptimizationResult | QueuedRun:
    try:
        if body.model is not None:
            model = compile_model(body.model, body.parameters)
            spec = LinearSpec(model=body.model.model_dump(mode="json"), parameters=body.parameters,
                              solver=body.solver, options=body.options)
        else:
            text_format = "mps" if body.mps else "lp"
            model = compile_text(body.mps or body.lp, text_format)
            spec = TextSpec(format=text_format, text=body.mps or body.lp, solver=body.solver,
                            options=body.options)
    except ModelError as error:
        raise BadRequest(f"The model is invalid: {error}", error.problems) from None
    return run_linear(caller, model, spec, raw_input=body.model_dump(mode="json", exclude_defaults=True,
                                                                    exclude={"run_async"}),
                      dispatch=dispatch, kind="solve")


def run_model_json(caller: Caller, model_json: dict[str, Any], parameters: dict[str, float],
                   solver: SolverChoice, options: RunOptions, raw_input: Any, dispatch: Dispatch = SYNC,
                   origins: dict[str, str] | None = None, **attributes: Any) -> OptimizationResult | QueuedRun:
    """Run a stored model_json (a compiled canvas) with parameter overrides; `origins` maps its
    names to the canvas nodes they came from."""
    model = validate(LinearModel, model_json, prefix=("model_json",))
    try:
        compiled = compile_model(model, parameters)
    except ModelError as error:
        raise BadRequest(f"The model cannot run: {error}", error.problems) from None
    spec = LinearSpec(model=model_json, parameters=parameters, solver=solver, options=options,
                      origins=origins or {})
    return run_linear(caller, compiled, spec, raw_input=raw_input, dispatch=dispatch, **attributes)


def run_linear(caller: Caller, model: CompiledModel, spec: LinearSpec | TextSpec, raw_input: Any,
               dispatch: Dispatch = SYNC, **attributes: Any) -> OptimizationResult | QueuedRun:
    try:
        choose_backend(model, spec.solver)  # an LP solver asked for a MIP is a 400 before charging
    except ModelError as error:
        raise BadRequest(f"The model is invalid: {error}", error.problems) from None
    run = PreparedRun(cost=MIP_CREDITS if model.is_mip else LP_CREDITS, spec=spec, raw_input=raw_input,
                      label=attributes.get("kind", "solve"), attributes=attributes,
                      solve=lambda: solve_model(model, spec.options, spec.solver,
                                                         getattr(spec, "origins", None)))
    return executions.start(caller, run, dispatch)
