"""The optimization result returned by /solve and every execute (DESIGN.md)."""
from __future__ import annotations

from pydantic import ConfigDict, Field

from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.schemas.common import RequestModel


class OptimizationResult(SolveOutcome):
    execution_id: str
    model_id: str | None = None
    document_id: str | None = None
    version_id: str | None = None
    """The builder version that ran (null when a document's unsaved current canvas ran)."""
    sequence: int | None = None
    credits_used: int
    created_at: str


class ExecuteRequest(RequestModel):
    model_config = ConfigDict(populate_by_name=True)

    input_data: dict = Field()
    """Input matching the model's input schema (GET /models/{id}/schema)."""
    options: RunOptions = Field(default_factory=RunOptions)
    """Solver run options."""
    run_async: bool = Field(default=False, alias="async")
    """Queue the run: the answer is 202 with the execution id (the header `Prefer: respond-async`
    does the same); GET /executions/{execution_id} has the result once it ends."""
