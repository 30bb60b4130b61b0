"""OR-Tools MathOpt's remote solve (`remote_http_solve`), served by JAOT.

The request is the proto3 JSON of `SolveMathOptModelRequest`; it is parsed strictly by the
wheel's own protobuf classes, bounded like POST /solve (body size, variables, constraints,
matrix entries, time limit), then charged, solved in this process by MathOpt's core solver
and recorded as an execution (kind `mathopt`) through the same path as every /solve
(services/executions.py: debit and `running` record in one transaction, result and any
refund in another). The answer is the `SolveMathOptModelResponse` the client parses, which
is strict: only fields of that proto are ever sent.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from chalicelib.engine import deadline
from chalicelib.engine.linear_model import MAX_CONSTRAINTS, MAX_TERMS, MAX_VARIABLES
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import InputError, SolveOutcome, relative_gap
from chalicelib.errors import BadRequest
from chalicelib.schemas.mathopt import MathOptSolveRequest
from chalicelib.services import executions
from chalicelib.services.auth import Caller
from chalicelib.services.executions import PreparedRun
from chalicelib.services.solve import LP_CREDITS, MIP_CREDITS

SOLVERS = {"SOLVER_TYPE_GLOP": "GLOP", "SOLVER_TYPE_PDLP": "PDLP", "SOLVER_TYPE_CP_SAT": "CP-SAT",
           "SOLVER_TYPE_GSCIP": "SCIP", "SOLVER_TYPE_HIGHS": "HiGHS"}
"""The solvers offered (MathOpt's enum name -> what the result records)."""
MAX_MESSAGES = 1000
"""Log lines returned when `enableOutput` is set; later ones are dropped."""
SERVER_TIMEOUT_MARGIN_S = 0.2
"""Taken off the client's `X-Server-Timeout`, so that the answer arrives before it gives up."""

_STATUS = {"TERMINATION_REASON_OPTIMAL": "optimal", "TERMINATION_REASON_FEASIBLE": "feasible",
           "TERMINATION_REASON_INFEASIBLE": "infeasible", "TERMINATION_REASON_UNBOUNDED": "unbounded",
           "TERMINATION_REASON_INFEASIBLE_OR_UNBOUNDED": "infeasible",
           "TERMINATION_REASON_NO_SOLUTION_FOUND": "time_limit",
           "TERMINATION_REASON_IMPRECISE": "error", "TERMINATION_REASON_NUMERICAL_ERROR": "error",
           "TERMINATION_REASON_OTHER_ERROR": "error"}


@dataclass
class MathOptReply:
    """What the route answers: the response proto's JSON, and the execution it was recorded as."""

    body: dict[str, Any]
    execution_id: str
    credits_used: int


def solve(caller: Caller, body: MathOptSolveRequest, server_timeout_s: float | None = None) -> MathOptReply:
    request = _parse(body)
    solver_name = _solver_name(request.solver_type)
    _check_size(request.model)
    options = _run_options(request)
    is_mip = any(request.model.variables.integers)
    holder: dict[str, Any] = {}

    def run() -> SolveOutcome:
        holder["response"], outcome = _solve_in_process(request, solver_name, options, server_timeout_s)
        return outcome

    prepared = PreparedRun(cost=MIP_CREDITS if is_mip else LP_CREDITS, spec=_Spec(options), label="mathopt",
                           raw_input=body.model_dump(mode="json", by_alias=True, exclude_none=True),
                           attributes={"kind": "mathopt"}, solve=run)
    result = executions.start(caller, prepared)
    response = holder.get("response")
    if response is None:  # the solver failed (recorded as a failed run and refunded)
        raise BadRequest(result.message or "The solver failed on this model; no credits were charged.")
    return MathOptReply(body=response, execution_id=result.execution_id, credits_used=result.credits_used)


@dataclass
class _Spec:
    """What executions.start reads of a run's spec (a MathOpt run is never queued)."""

    options: RunOptions


def _parse(body: MathOptSolveRequest) -> Any:
    """The request as the wheel's MathOpt `rpc_pb2.SolveRequest` (the internal twin of the
    service's proto: same fields and numbers), or a 400 naming what is wrong."""
    from google.protobuf import json_format
    from ortools.math_opt import rpc_pb2
    from ortools.service.v1 import optimization_pb2

    data = body.model_dump(mode="json", by_alias=True, exclude_none=True)
    try:
        external = json_format.ParseDict(data, optimization_pb2.SolveMathOptModelRequest())
    except (json_format.ParseError, ValueError, TypeError, OverflowError, RecursionError) as error:
        raise BadRequest(f"The request is not a valid SolveMathOptModelRequest: {error}") from None
    return rpc_pb2.SolveRequest.FromString(external.SerializeToString())


def _solver_name(solver_type: int) -> str:
    """The request's solver by its name in the service's proto (the JSON's names: its numbering
    differs from MathOpt's internal one beyond HiGHS); a 400 unless it is offered here."""
    from ortools.service.v1.mathopt import parameters_pb2

    try:
        name = parameters_pb2.SolverTypeProto.Name(solver_type)
    except ValueError:
        name = f"solverType {solver_type}"
    if name not in SOLVERS:
        offered = ", ".join(sorted(SOLVERS))
        raise BadRequest(f"solverType {name} is not offered here; use one of {offered}.",
                         [{"field": "solverType", "message": f"one of {offered}"}])
    return name


def _check_size(model: Any) -> None:
    """The bounds of POST /solve's JSON models, on the proto's counts (the body limit comes first)."""
    counts = {
        "model.variables": (len(model.variables.ids), MAX_VARIABLES),
        "model.linearConstraints": (len(model.linear_constraints.ids), MAX_CONSTRAINTS),
        "model.linearConstraintMatrix": (len(model.linear_constraint_matrix.row_ids), MAX_TERMS),
        "model.objective": (len(model.objective.linear_coefficients.ids)
                            + len(model.objective.quadratic_coefficients.row_ids), MAX_TERMS),
    }
    over = [(where, count, limit) for where, (count, limit) in counts.items() if count > limit]
    if over:
        raise BadRequest("The model is too large: " + "; ".join(f"{where} has {count:,} entries, at most "
                                                                 f"{limit:,}" for where, count, limit in over),
                         [{"field": where, "message": f"at most {limit}"} for where, _, limit in over])
    if not len(model.variables.ids):
        raise BadRequest("The model has no variables.", [{"field": "model.variables", "message": "empty"}])


def _run_options(request: Any) -> RunOptions:
    """The run's time limit: the request's `timeLimit` (a 400 above the service's maximum), or
    the default lowered to that maximum, like every run (executions.fit_time_limit)."""
    parameters = request.parameters
    options = RunOptions()
    if parameters.HasField("time_limit"):
        seconds = parameters.time_limit.ToTimedelta().total_seconds()
        if not seconds > 0:
            raise BadRequest("parameters.timeLimit must be positive.",
                             [{"field": "parameters.timeLimit", "message": "must be positive"}])
        options = RunOptions(time_limit_s=seconds)
    if parameters.HasField("relative_gap_tolerance"):
        options.relative_gap = min(1.0, max(0.0, parameters.relative_gap_tolerance))
    try:
        executions.fit_time_limit(options, can_queue=False)  # answered in its request, never queued
    except BadRequest as error:
        raise BadRequest(error.message.replace("options.time_limit_s", "parameters.timeLimit"),
                         [{"field": "parameters.timeLimit", "message": item["message"]}
                          for item in error.details or []]) from None
    return options


def _solve_in_process(request: Any, solver_name: str, options: RunOptions,
                      server_timeout_s: float | None) -> tuple[dict[str, Any], SolveOutcome]:
    from google.protobuf import json_format
    from ortools.math_opt.core.python import solver
    from ortools.math_opt.python import callback, init_arguments
    from ortools.service.v1 import optimization_pb2
    from ortools.service.v1.mathopt import result_pb2
    from pybind11_abseil.status import StatusNotOk

    limit = deadline.remaining(options.time_limit_s)
    if server_timeout_s is not None:
        limit = max(deadline.MIN_SOLVER_S, min(limit, server_timeout_s - SERVER_TIMEOUT_MARGIN_S))
    parameters = request.parameters
    parameters.time_limit.FromTimedelta(datetime.timedelta(seconds=limit))
    messages: list[str] = []

    def on_messages(lines: list[str]) -> None:
        messages.extend(lines[:max(0, MAX_MESSAGES - len(messages))])

    try:
        result = solver.solve(request.model, request.solver_type,
                              init_arguments.StreamableSolverInitArguments().to_proto(), parameters,
                              request.model_parameters, on_messages if parameters.enable_output else None,
                              callback.CallbackRegistration().to_proto(), None, None)
    except StatusNotOk as error:
        raise InputError(f"{SOLVERS[solver_name]} refused the model: {error.status.message()}") from None
    answer = optimization_pb2.SolveMathOptModelResponse(
        result=result_pb2.SolveResultProto.FromString(result.SerializeToString()), messages=messages)
    body = json_format.MessageToDict(answer)
    return body, _outcome(body.get("result", {}), request, solver_name)


def _outcome(result: dict[str, Any], request: Any, solver_name: str) -> SolveOutcome:
    """The run's record in JAOT's result shape: status, objective, bound, named variable values."""
    termination = result.get("termination", {})
    status = _STATUS.get(termination.get("reason", ""), "error")
    if status == "time_limit" and termination.get("limit") not in (None, "LIMIT_TIME", "LIMIT_UNDETERMINED"):
        status = "error"  # stopped by another limit the caller set, with nothing found
    primal = next((solution["primalSolution"] for solution in result.get("solutions", [])
                   if "primalSolution" in solution), None)
    objective = _finite(primal.get("objectiveValue", 0.0)) if primal else None
    bounds = termination.get("objectiveBounds", {})
    best_bound = _finite(bounds.get("dualBound"))
    names = dict(zip(request.model.variables.ids, request.model.variables.names))
    solution = None
    if primal:
        values = primal.get("variableValues", {})
        solution = {"variables": {names.get(int(i)) or f"v{i}": _finite(v) or 0.0
                                  for i, v in zip(values.get("ids", []), values.get("values", []))}}
    milliseconds = _duration_ms(result.get("solveStats", {}).get("solveTime"))
    message = termination.get("detail") if status == "error" else None
    return SolveOutcome(status=status, objective_value=objective, best_bound=best_bound,
                        gap=relative_gap(objective, best_bound) if status in ("optimal", "feasible") else None,
                        solution=solution, solver=SOLVERS[solver_name], solve_time_ms=milliseconds,
                        message=message or None)


def _finite(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _duration_ms(text: str | None) -> int:
    """proto3 JSON durations are "1.5s"."""
    try:
        return int(float((text or "0s").rstrip("s")) * 1000)
    except ValueError:
        return 0
