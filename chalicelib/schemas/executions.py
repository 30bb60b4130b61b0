"""GET /executions and /executions/{id}: the record of every run, and the 202 of a queued one."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from chalicelib.schemas.common import RequestModel
from chalicelib.schemas.results import OptimizationResult

ExecutionStatus = Literal["queued", "running", "succeeded", "failed", "canceled"]
MAX_LIST_LIMIT = 100


class QueuedRun(BaseModel):
    """The answer to an async run: 202, with `Location: /api/v2/executions/{execution_id}`."""

    execution_id: str
    status: Literal["queued"] = "queued"


class ExecutionQuery(RequestModel):
    """Filters for GET /executions; newest first, `cursor` continues after the previous page."""

    limit: int = Field(default=20, ge=1, le=MAX_LIST_LIMIT)
    cursor: str | None = Field(default=None, pattern=r"^exc_[0-9a-z]{26}$")
    """`next_cursor` of the previous page."""
    model_id: str | None = Field(default=None, max_length=64)
    document_id: str | None = Field(default=None, max_length=64)
    version_id: str | None = Field(default=None, max_length=64)
    trigger_id: str | None = Field(default=None, max_length=64)
    status: ExecutionStatus | None = None
    created_after: datetime | None = None
    """ISO 8601; runs created at or after this instant."""
    created_before: datetime | None = None
    """ISO 8601; runs created before this instant."""


class StatusChangeView(BaseModel):
    status: ExecutionStatus
    at: str
    reason: str | None = None


class DeliveryAttempt(BaseModel):
    """One POST of a run's result to its callback URL, as recorded on the run."""

    attempt: int
    at: str
    status_code: int | None = None
    error: str | None = None
    duration_ms: int
    delivered: bool


class ExecutionSummary(BaseModel):
    execution_id: str
    status: ExecutionStatus
    kind: Literal["model", "solve", "builder", "mathopt"]
    """What ran: an organization model, POST /solve, a builder document, or POST /mathopt/solve."""
    solve_status: str | None = None
    """The optimization status inside the result (optimal, infeasible, ...)."""
    model_id: str | None = None
    document_id: str | None = None
    version_id: str | None = None
    sequence: int | None = None
    catalog_id: str | None = None
    template: str | None = None
    trigger_id: str | None = None
    started_by: str
    """`key_...` (API key id), `jwt:<subject>` or `trg_...` (a trigger)."""
    is_async: bool
    credits_used: int
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    solve_time_ms: int | None = None


class ExecutionDetail(ExecutionSummary):
    status_history: list[StatusChangeView]
    attempts: int
    cancel_requested: bool
    failure_reason: str | None = None
    input: Any = None
    """The input as sent; null when it is kept in object storage (see input_location)."""
    input_location: str | None = None
    """`s3://bucket/key` of an input too large to keep in the record."""
    result: OptimizationResult | None = None
    """Set once the run has ended."""
    callback_url: str | None = None
    deliveries: list[DeliveryAttempt] = Field(default_factory=list)


class ExecutionPage(BaseModel):
    items: list[ExecutionSummary]
    has_more: bool
    next_cursor: str | None = None
