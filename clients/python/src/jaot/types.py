"""Typed results: one pydantic model per shape of the JAOT API's answers.

Each mirrors a schema of the API's OpenAPI document (`/api/v2/openapi.json`, named in
`SCHEMAS`); fields the server adds later are kept (extra="allow"), not refused, so an
older SDK keeps working against a newer service.
"""
from __future__ import annotations

from typing import Any, Generic, List, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class JaotModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Status(JaotModel):
    status: str


class RunOptions(JaotModel):
    time_limit_s: float = 10.0
    relative_gap: Optional[float] = None
    num_workers: Optional[int] = None
    seed: Optional[int] = None
    explain: bool = True
    mip_duals: bool = False


class CatalogModel(JaotModel):
    id: str
    name: str
    display_name: str
    description: str
    category: str
    credits_per_execution: int
    tags: List[str] = Field(default_factory=list)
    status: str
    created_at: str


class Page(JaotModel, Generic[T]):
    items: List[T]
    total: int
    page: int
    page_size: int


class ActivatedModel(JaotModel):
    id: str
    catalog_id: Optional[str] = None
    organization_id: str
    custom_name: Optional[str] = None
    is_active: bool
    created_at: str


class OrgModel(ActivatedModel):
    name: str
    display_name: str
    description: Optional[str] = None
    category: Optional[str] = None
    tags: List[str] = Field(default_factory=list)
    credits_per_execution: int
    generator_type: str
    custom_config: Optional[dict] = None
    is_favorite: bool = False
    updated_at: str


class ModelSchema(JaotModel):
    id: str
    name: str
    generator_type: str
    input_schema: dict
    input_fields: List[dict] = Field(default_factory=list)
    example_input: Optional[dict] = None
    custom_config: Optional[dict] = None


class Organization(JaotModel):
    id: str
    name: str
    credits: int
    created_at: str


SolveStatus = Literal["optimal", "feasible", "infeasible", "unbounded", "time_limit", "error"]


class OptimizationResult(JaotModel):
    """What /solve and every execute return (and an execution's `result`)."""

    status: str
    objective_value: Optional[float] = None
    best_bound: Optional[float] = None
    gap: Optional[float] = None
    gap_tolerance: Optional[float] = None
    solution: Optional[dict] = None
    solver: str
    solve_time_ms: int
    message: Optional[str] = None
    explanation: Optional[dict] = None
    """Conflicts of an infeasible model, what binds, sensitivity (see docs/explanations.md)."""
    execution_id: str
    model_id: Optional[str] = None
    document_id: Optional[str] = None
    version_id: Optional[str] = None
    sequence: Optional[int] = None
    credits_used: int
    created_at: str

    @property
    def variables(self) -> dict:
        """The values of a linear model's variables by name (`solution["variables"]`)."""
        return dict((self.solution or {}).get("variables") or {})


class QueuedRun(JaotModel):
    execution_id: str
    status: str = "queued"


class StatusChange(JaotModel):
    status: str
    at: str
    reason: Optional[str] = None


class DeliveryAttempt(JaotModel):
    attempt: int
    at: str
    status_code: Optional[int] = None
    error: Optional[str] = None
    duration_ms: int
    delivered: bool


class ExecutionSummary(JaotModel):
    execution_id: str
    status: str
    kind: str
    solve_status: Optional[str] = None
    model_id: Optional[str] = None
    document_id: Optional[str] = None
    version_id: Optional[str] = None
    sequence: Optional[int] = None
    catalog_id: Optional[str] = None
    template: Optional[str] = None
    trigger_id: Optional[str] = None
    started_by: str
    is_async: bool
    credits_used: int
    created_at: str
    started_at: Optional[str] = None
    finished_at: Optional[str] = None
    solve_time_ms: Optional[int] = None

    @property
    def ended(self) -> bool:
        return self.status not in ("queued", "running")


class Execution(ExecutionSummary):
    status_history: List[StatusChange] = Field(default_factory=list)
    attempts: int = 0
    cancel_requested: bool = False
    failure_reason: Optional[str] = None
    input: Any = None
    input_location: Optional[str] = None
    result: Optional[OptimizationResult] = None
    callback_url: Optional[str] = None
    deliveries: List[DeliveryAttempt] = Field(default_factory=list)


class ExecutionPage(JaotModel):
    items: List[ExecutionSummary]
    has_more: bool
    next_cursor: Optional[str] = None


class Document(JaotModel):
    id: str
    organization_id: str
    name: str
    description: Optional[str] = None
    canvas_json: dict = Field(default_factory=dict)
    model_json: Optional[dict] = None
    is_active: bool
    created_at: str
    updated_at: str


class DocumentSummary(JaotModel):
    id: str
    organization_id: str
    name: str
    description: Optional[str] = None
    is_active: bool
    latest_version_id: Optional[str] = None
    version_count: int
    created_at: str
    updated_at: str


class CompileResult(JaotModel):
    valid: bool
    model_json: dict


class Version(JaotModel):
    id: str
    document_id: str
    organization_id: str
    sequence: int
    is_named: bool
    version_name: Optional[str] = None
    version_description: Optional[str] = None
    change_summary: str
    created_at: str


class VersionDetail(Version):
    canvas_json: dict = Field(default_factory=dict)
    model_json: Optional[dict] = None


class RestoreResult(JaotModel):
    checkpoint_id: str
    document: Document


class Trigger(JaotModel):
    id: str
    name: str
    description: Optional[str] = None
    type: str
    model_id: Optional[str] = None
    document_id: Optional[str] = None
    version_id: Optional[str] = None
    sequence: Optional[int] = None
    input_data: Optional[dict] = None
    input_from_event: bool = False
    options: RunOptions = Field(default_factory=RunOptions)
    schedule_expression: Optional[str] = None
    next_run_at: Optional[str] = None
    webhook_url: Optional[str] = None
    storage_prefix: Optional[str] = None
    callback_url: Optional[str] = None
    is_enabled: bool = True
    created_at: str
    updated_at: str
    last_fired_at: Optional[str] = None
    last_execution_id: Optional[str] = None
    last_error: Optional[str] = None
    fire_count: int = 0


class TriggerCreated(Trigger):
    secret: str
    """The signing secret of the trigger's webhook and callbacks: shown only in this answer."""


class ApiKey(JaotModel):
    id: str
    name: Optional[str] = None
    prefix: str
    created_at: str
    revoked_at: Optional[str] = None


class ApiKeyCreated(ApiKey):
    key: str
    """The key itself: shown only in this answer."""


class ApiKeyList(JaotModel):
    items: List[ApiKey]
    total: int


class MathOptResponse(JaotModel):
    """`SolveMathOptModelResponse` as proto3 JSON (use OR-Tools' own client to parse it into a SolveResult)."""

    result: dict
    messages: List[str] = Field(default_factory=list)


class Change(JaotModel):
    """One difference between run A and run B, with a sentence that says it."""

    change: str
    """added, removed, changed, moved, reordered, reversed, skipped, served, vehicle_added,
    vehicle_removed, reassigned, joined, left, entered, exited, quantity_changed, rescheduled."""
    subject: str
    a: Any = None
    b: Any = None
    delta: Optional[float] = None
    description: str


class ChangeSet(JaotModel):
    changes: List[Change] = Field(default_factory=list)
    count: int = 0
    """All changes found; `changes` holds at most 500 of them."""
    truncated: bool = False
    counts: dict = Field(default_factory=dict)


class SolutionChanges(ChangeSet):
    kind: Optional[str] = None
    """routes, shifts, schedule, selection, assignment, variables or generic."""
    shapes: List[str] = Field(default_factory=list)


class NumberDelta(JaotModel):
    a: Optional[float] = None
    b: Optional[float] = None
    delta: Optional[float] = None
    relative_delta: Optional[float] = None


class Kpi(NumberDelta):
    name: str


class RunSide(JaotModel):
    execution_id: str
    status: str
    kind: str
    solve_status: Optional[str] = None
    objective_value: Optional[float] = None
    best_bound: Optional[float] = None
    gap: Optional[float] = None
    solver: Optional[str] = None
    solve_time_ms: Optional[int] = None
    credits_used: int = 0
    model_id: Optional[str] = None
    template: Optional[str] = None
    document_id: Optional[str] = None
    version_id: Optional[str] = None
    sequence: Optional[int] = None
    created_at: str


class Comparison(JaotModel):
    """What POST /executions/compare answers: run A against run B."""

    a: RunSide
    b: RunSide
    execution_ids: List[str]
    experiment: bool = False
    model_id: Optional[str] = None
    template: Optional[str] = None
    document_id: Optional[str] = None
    objective: NumberDelta
    kpis: List[Kpi] = Field(default_factory=list)
    input_changes: ChangeSet
    solution_changes: SolutionChanges
    summary: str


SCHEMAS: dict[str, type[BaseModel]] = {
    "StatusResponse": Status, "RunOptions": RunOptions, "CatalogModelPublic": CatalogModel,
    "OrgModelActivated": ActivatedModel, "OrgModelPublic": OrgModel, "OrgModelSchema": ModelSchema,
    "OrganizationPublic": Organization, "OptimizationResult": OptimizationResult, "QueuedRun": QueuedRun,
    "StatusChangeView": StatusChange, "DeliveryAttempt": DeliveryAttempt, "ExecutionSummary": ExecutionSummary,
    "ExecutionDetail": Execution, "ExecutionPage": ExecutionPage, "DocumentPublic": Document,
    "DocumentSummary": DocumentSummary, "CompileResult": CompileResult, "VersionSummary": Version,
    "VersionDetail": VersionDetail, "RestoreResult": RestoreResult, "TriggerView": Trigger,
    "TriggerCreated": TriggerCreated, "ApiKeyView": ApiKey, "ApiKeyCreated": ApiKeyCreated,
    "ApiKeyList": ApiKeyList, "MathOptSolveResponse": MathOptResponse,
    "Page_CatalogModelPublic_": Page[CatalogModel], "Page_OrgModelPublic_": Page[OrgModel],
    "Page_DocumentSummary_": Page[DocumentSummary], "TriggerList": Page[Trigger],
    "ExecutionComparison": Comparison, "RunSide": RunSide, "NumberDelta": NumberDelta, "Kpi": Kpi,
    "ChangeSet": ChangeSet, "SolutionChanges": SolutionChanges, "Change": Change,
}
"""The API's response schemas (OpenAPI component names) and the SDK model that reads each."""
