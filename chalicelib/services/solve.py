"""POST /solve: a user's own linear model, charged by kind (LP or MIP)."""
from __future__ import annotations

from chalicelib.engine.generic import ModelError, choose_backend, compile_model, compile_text, solve_model
from chalicelib.errors import BadRequest
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
        choose_backend(model, body.solver)  # an LP solver asked for a MIP is a 400 before charging
    except ModelError as error:
        raise BadRequest(f"The model is invalid: {error}", error.problems) from None
    raw_input = body.model_dump(mode="json", exclude_defaults=True)
    return record_run(
        caller, cost=MIP_CREDITS if model.is_mip else LP_CREDITS, raw_input=raw_input,
        options=body.options, solve=lambda: solve_model(model, body.options, body.solver),
        label="solve", kind="solve",
    )
