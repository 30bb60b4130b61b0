"""Builder documents and their versions (spec: versions-api)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from chalicelib.engine.canvas import Canvas
from chalicelib.engine.options import RunOptions, SolverChoice
from chalicelib.schemas.common import FiniteNumber, Name, Omittable, Page, PageQuery, RequestModel, Text

MAX_VERSION_SKIP = 10_000
MAX_PARAMETERS = 10_000


def _check_canvas(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """A canvas must have the editor's shape; it is stored as sent (extra keys kept)."""
    if value is not None:
        Canvas.model_validate(value)
    return value


class ParameterValues(RootModel[dict[str, FiniteNumber]]):
    """Values for a builder model's parameter nodes, by name: numbers, never strings or booleans."""

    model_config = ConfigDict(strict=True)


class DocumentCreate(RequestModel):
    name: Name = Field(min_length=1, max_length=200)
    description: Text | None = Field(default=None, max_length=2000)
    canvas_json: dict[str, Any] = Field(default_factory=lambda: {"nodes": [], "edges": []})
    """`{"nodes": [{"id", "type", "data"}], "edges": [{"source", "target"}]}`."""

    _canvas = field_validator("canvas_json")(_check_canvas)


class DocumentUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    canvas_json: dict[str, Any] = Omittable()
    """The editor's current canvas; saving it does not create a version."""
    name: Name = Omittable(min_length=1, max_length=200)
    description: Text | None = Field(default=None, max_length=2000)
    is_active: bool = Omittable()
    """`true` reactivates a deleted document."""

    _canvas = field_validator("canvas_json")(_check_canvas)

    @model_validator(mode="after")
    def _not_empty(self) -> "DocumentUpdate":
        if not self.model_fields_set:
            raise ValueError("give at least one of: canvas_json, name, description, is_active")
        return self


class DocumentSummary(BaseModel):
    id: str
    organization_id: str
    name: str
    description: str | None
    is_active: bool
    latest_version_id: str | None
    version_count: int
    """Versions ever created (the latest sequence number)."""
    created_at: str
    updated_at: str


class DocumentPublic(BaseModel):
    id: str
    organization_id: str
    name: str
    description: str | None
    canvas_json: dict[str, Any]
    model_json: dict[str, Any] | None
    """The canvas compiled to the engine's model; null while the canvas does not compile."""
    is_active: bool
    created_at: str
    updated_at: str


DocumentList = Page[DocumentSummary]


class DocumentQuery(PageQuery):
    is_active: bool | None = None


class CompileRequest(RequestModel):
    canvas_json: dict[str, Any] | None = None
    """Canvas to check; the document's saved canvas when omitted. Nothing is saved."""

    _canvas = field_validator("canvas_json")(_check_canvas)


class CompileResult(BaseModel):
    valid: bool
    model_json: dict[str, Any]


class BuilderExecuteRequest(RequestModel):
    model_config = ConfigDict(populate_by_name=True)

    version_id: str | None = None
    """Run this version; the document's current canvas when omitted."""
    parameters: dict[str, FiniteNumber] = Field(default_factory=dict, max_length=MAX_PARAMETERS)
    """Overrides for the model's parameter nodes."""
    solver: SolverChoice = "auto"
    options: RunOptions = Field(default_factory=RunOptions)
    run_async: bool = Field(default=False, alias="async")
    """Queue the run: the answer is 202 with the execution id (the header `Prefer: respond-async`
    does the same); GET /executions/{execution_id} has the result once it ends."""


class VersionsQuery(RequestModel):
    skip: int = Field(default=0, ge=0, le=MAX_VERSION_SKIP)
    limit: int = Field(default=50, ge=1, le=100)


class VersionSummary(BaseModel):
    id: str
    document_id: str
    organization_id: str
    sequence: int
    is_named: bool
    version_name: str | None
    version_description: str | None
    change_summary: str
    created_at: str


class VersionDetail(VersionSummary):
    canvas_json: dict[str, Any]
    model_json: dict[str, Any] | None


class CheckpointCreate(RequestModel):
    canvas_json: dict[str, Any]
    """The canvas to snapshot."""

    _canvas = field_validator("canvas_json")(_check_canvas)


class VersionPromote(RequestModel):
    version_name: Name = Field(min_length=1, max_length=200)
    version_description: Text | None = Field(default=None, max_length=2000)


class RestoreRequest(RequestModel):
    current_canvas_json: dict[str, Any]
    """The editor's canvas before the restore: kept as a safety checkpoint."""

    _canvas = field_validator("current_canvas_json")(_check_canvas)


class RestoreResult(BaseModel):
    checkpoint_id: str
    document: DocumentPublic
