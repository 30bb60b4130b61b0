"""POST /api/v2/mathopt/solve: OR-Tools' own remote solve request and answer.

The body is the proto3 JSON of `SolveMathOptModelRequest` (ortools/service/v1/
optimization.proto) that `ortools.math_opt.python.ipc.remote_http_solve` sends. These
models give its top level (what the route documents and checks first); the messages
inside are checked field by field by the protobuf classes of the OR-Tools wheel.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from chalicelib.schemas.common import RequestModel

SolverTypeName = Literal[
    "SOLVER_TYPE_UNSPECIFIED", "SOLVER_TYPE_GSCIP", "SOLVER_TYPE_GUROBI", "SOLVER_TYPE_GLOP",
    "SOLVER_TYPE_CP_SAT", "SOLVER_TYPE_PDLP", "SOLVER_TYPE_GLPK", "SOLVER_TYPE_OSQP", "SOLVER_TYPE_ECOS",
    "SOLVER_TYPE_SCS", "SOLVER_TYPE_HIGHS", "SOLVER_TYPE_SANTORINI", "SOLVER_TYPE_XPRESS"]


class MathOptSolveRequest(RequestModel):
    """`SolveMathOptModelRequest` in proto3 JSON (camelCase; snake_case names are accepted too)."""

    model_config = ConfigDict(populate_by_name=True)

    solver_type: SolverTypeName | Annotated[int, Field(ge=0, le=2**31 - 1)] = Field(
        default="SOLVER_TYPE_UNSPECIFIED", alias="solverType")
    """The solver: GLOP, PDLP, CP_SAT, GSCIP or HIGHS here (others are a 400)."""
    model: dict[str, Any] = Field(default_factory=dict)
    """A MathOpt `ModelProto`: variables, objective, linear constraints and matrix (int64 ids as strings)."""
    resources: dict[str, Any] | None = None
    """`SolverResourcesProto` hints (ignored: every solve runs on the service's own resources)."""
    parameters: dict[str, Any] | None = None
    """`SolveParametersProto`: `timeLimit` (e.g. "5s", at most the service's limit), gaps, threads..."""
    model_parameters: dict[str, Any] | None = Field(default=None, alias="modelParameters")
    """`ModelSolveParametersProto`: solution filters, hints, priorities."""


class MathOptSolveResponse(BaseModel):
    """`SolveMathOptModelResponse` in proto3 JSON: the `SolveResultProto` and the solver's log
    lines (only when `parameters.enableOutput` was set). Unbounded values are the strings
    "Infinity" / "-Infinity", as proto3 JSON writes them."""

    result: dict[str, Any]
    messages: list[str] = Field(default_factory=list)


class GoogleErrorStatus(BaseModel):
    code: int
    """The HTTP status."""
    message: str
    """A sentence for a person (what `OptimizationServiceError` carries)."""
    status: str
    """The google.rpc code name: INVALID_ARGUMENT, UNAUTHENTICATED, RESOURCE_EXHAUSTED, ..."""


class GoogleErrorBody(BaseModel):
    """Errors of the MathOpt route, in the form OR-Tools' client reads (google.rpc over HTTP)."""

    error: GoogleErrorStatus
