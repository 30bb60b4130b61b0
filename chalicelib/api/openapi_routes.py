"""What the OpenAPI document says about each route, keyed as Chalice registers it.

The blueprints stay free of documentation: this table holds each route's
request, query and response models, its status codes and the spec's examples.
`openapi.py` walks the app's real route table, so a route missing here still
appears (with a generic entry) and tests/api/test_openapi.py names it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, RootModel

from chalicelib.schemas.api_keys import ApiKeyCreate, ApiKeyCreated, ApiKeyList, ApiKeyView
from chalicelib.schemas.builder import (
    BuilderExecuteRequest,
    CheckpointCreate,
    CompileRequest,
    CompileResult,
    DocumentCreate,
    DocumentList,
    DocumentPublic,
    DocumentQuery,
    DocumentUpdate,
    RestoreRequest,
    RestoreResult,
    VersionDetail,
    VersionPromote,
    VersionsQuery,
    VersionSummary,
)
from chalicelib.schemas.catalog import CatalogPage, CatalogQuery
from chalicelib.schemas.common import StatusResponse
from chalicelib.schemas.compare import COMPARISON_EXAMPLE, CompareRequest, ExecutionComparison
from chalicelib.schemas.executions import ExecutionDetail, ExecutionPage, ExecutionQuery, QueuedRun
from chalicelib.schemas.models import (
    OrgModelActivated,
    OrgModelCreate,
    OrgModelList,
    OrgModelPublic,
    OrgModelQuery,
    OrgModelSchema,
    OrgModelUpdate,
)
from chalicelib.schemas.mathopt import GoogleErrorBody, MathOptSolveRequest, MathOptSolveResponse
from chalicelib.schemas.organization import OrganizationPublic
from chalicelib.schemas.results import ExecuteRequest, OptimizationResult
from chalicelib.schemas.solve import SolveRequest
from chalicelib.schemas.triggers import (
    TriggerCreate,
    TriggerCreated,
    TriggerList,
    TriggerQuery,
    TriggerUpdate,
    TriggerView,
)


@dataclass(frozen=True)
class ListOf:
    """A response that is a bare JSON array of `model` (the versions list)."""

    model: type[BaseModel]


@dataclass(frozen=True)
class RouteDoc:
    summary: str
    response: type[BaseModel] | ListOf | None
    """None: the body is not a pydantic model (a JSON object, or text of `media_types`)."""
    security: str | None = "bearer"
    """The credential the route requires: "bearer" (API key or JWT), "webhook_signature", or None."""
    query: type[BaseModel] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    """Optional request headers the route reads, and what they do."""
    body: type[BaseModel] | None = None
    status: int = 200
    description: str = ""
    errors: tuple[int, ...] = ()
    """Statuses beyond those implied (400/404 for inputs, 401 for credentials, 413/415 for bodies, 500)."""
    other_responses: dict[int, tuple[str, type[BaseModel] | None]] = field(default_factory=dict)
    """Further successful statuses: what they mean, and their body (None: the same as `response`)."""
    media_types: tuple[str, ...] = ("application/json",)
    request_example: Any = None
    response_example: Any = None
    error_body: type[BaseModel] | None = None
    """The route's own error schema, when it is not JAOT's envelope (the MathOpt route's google.rpc form)."""


class WebhookEvent(RootModel[dict[str, Any]]):
    """Any JSON object: the run's input when the trigger takes its input from the event."""


PATH_PARAMETERS = {
    "catalog_id": "Catalog model id (`mdl_...`).",
    "model_id": "Organization model id (`exe_...`).",
    "document_id": "Builder document id (`doc_...`).",
    "version_id": "Version id (`ver_...`).",
    "execution_id": "Execution id (`exc_...`).",
    "trigger_id": "Trigger id (`trg_...`).",
    "key_id": "API key id (`key_...`).",
    "asset": "File name of a docs or console page asset.",
}

# Descriptions of query parameters whose model field has none (wording of the spec).
QUERY_PARAMETERS = {
    "page": "Page number, from 1.",
    "page_size": "Items per page (1-100).",
    "category": "Filter by category (e.g. `logistics`, `finance`, `combinatorial`).",
    "search": "Case-insensitive text to look for in names, descriptions and tags.",
    "is_active": "Filter by active status.",
    "is_favorite": "Filter by favorite status.",
    "skip": "Number of versions to skip.",
    "limit": "Maximum number of items to return.",
}

# Examples from spec/models-api.txt and spec/versions-api.txt, completed where the
# spec elides fields ("...") so that each one validates against its schema.
CANVAS = {"nodes": [{"id": "n1", "type": "variable", "data": {"name": "widgets"}},
                    {"id": "n2", "type": "constraint", "data": {"name": "capacity", "expression": "widgets <= 40"}},
                    {"id": "n3", "type": "objective", "data": {"sense": "maximize", "expression": "3*widgets"}}],
          "edges": [{"source": "n1", "target": "n2"}]}
MODEL_JSON = {"variables": [{"name": "widgets", "type": "continuous", "lower": 0.0}],  # CANVAS compiled
              "constraints": [{"name": "capacity", "expression": "widgets <= 40"}],
              "objective": {"sense": "maximize", "expression": "3*widgets", "constant": 0.0},
              "parameters": {}}
CATALOG_MODEL = {
    "id": "mdl_wh7k9x2m", "name": "warehouse_allocation", "display_name": "Warehouse Allocation Optimizer",
    "description": "Optimize product allocation across warehouse locations to minimize picking time",
    "category": "logistics", "credits_per_execution": 3, "tags": ["warehouse", "allocation", "logistics"],
    "status": "published", "created_at": "2026-01-15T09:00:00Z",
}
ORG_MODEL = {
    "id": "exe_9a1b2c3d", "catalog_id": "mdl_wh7k9x2m", "organization_id": "org_b7e4d1a0",
    "custom_name": None, "is_active": True, "created_at": "2026-02-19T10:00:00Z",
    "name": "warehouse_allocation", "display_name": "Warehouse Allocation Optimizer",
    "description": "Optimize product allocation across warehouse locations to minimize picking time",
    "category": "logistics", "tags": ["warehouse", "allocation", "logistics"], "credits_per_execution": 3,
    "generator_type": "template", "custom_config": None, "is_favorite": False,
    "updated_at": "2026-02-19T10:00:00Z",
}
EXECUTE_INPUT = {
    "warehouses": [{"name": "East Hub", "capacity": 500, "cost_per_unit": 2.50},
                   {"name": "West Hub", "capacity": 300, "cost_per_unit": 3.00}],
    "products": [{"name": "Widget A", "demand": 200, "weight": 1.5},
                 {"name": "Widget B", "demand": 150, "weight": 2.0}],
}
RESULT = {
    "execution_id": "exc_01kat3v9q8w2xb5f6c7d8e9g0h", "model_id": "exe_9a1b2c3d", "document_id": None, "version_id": None,
    "sequence": None, "status": "optimal", "objective_value": 900.0, "best_bound": 900.0, "gap": 0.0,
    "solution": {"total_cost": 900.0,
                 "allocations": [{"product": "Widget A", "warehouse": "East Hub", "units": 200, "cost": 500.0}]},
    "solver": "SCIP 10.0.0 [LP solver: SoPlex 8.0.0]", "solve_time_ms": 3, "credits_used": 3,
    "message": None, "created_at": "2026-11-23T14:18:25Z",
}
DOCUMENT = {
    "id": "doc_abc123", "organization_id": "org_b7e4d1a0", "name": "Warehouse Optimizer", "description": None,
    "canvas_json": CANVAS, "model_json": MODEL_JSON, "is_active": True,
    "created_at": "2026-01-10T09:00:00Z", "updated_at": "2026-02-19T09:15:00Z",
}
VERSION_NAMED = {
    "id": "ver_def456", "document_id": "doc_abc123", "organization_id": "org_b7e4d1a0", "sequence": 12,
    "is_named": True, "version_name": "Production v2.1",
    "version_description": "Added capacity constraint for warehouse B",
    "change_summary": "Modified 2 constraints, added 1 variable", "created_at": "2026-02-18T14:30:00Z",
}
VERSION_UNNAMED = {
    "id": "ver_ghi789", "document_id": "doc_abc123", "organization_id": "org_b7e4d1a0", "sequence": 11,
    "is_named": False, "version_name": None, "version_description": None,
    "change_summary": "Added 1 constraint", "created_at": "2026-02-18T14:25:00Z",
}
RUN_HEADERS = {
    "Idempotency-Key": "Up to 255 printable ASCII characters. The same key and request within 24 h replay "
                       "the first answer (with `Idempotent-Replayed: true`); a different request, or one "
                       "while the first still runs, is a 409.",
    "Prefer": '`respond-async` queues the run (202), like `"async": true` in the body.',
}
QUEUED = {202: ('Queued (`"async": true` or `Prefer: respond-async`): '
                '`Location` is /api/v2/executions/{execution_id}.', QueuedRun)}
EXECUTION = {
    "execution_id": "exc_01kat3v9q8w2xb5f6c7d8e9g0h", "status": "succeeded", "kind": "model",
    "solve_status": "optimal", "model_id": "exe_9a1b2c3d", "catalog_id": "mdl_wh7k9x2m",
    "template": "warehouse_allocation", "started_by": "key_3f9a1c2b", "is_async": True, "credits_used": 3,
    "created_at": "2026-11-23T14:18:25Z", "started_at": "2026-11-23T14:18:26Z",
    "finished_at": "2026-11-23T14:18:26Z", "solve_time_ms": 3,
}
SOLVE_REQUEST = {
    "model": {
        "variables": [{"name": "x"}, {"name": "y", "type": "integer", "upper": 10}],
        "parameters": {"cap": 14},
        "constraints": [{"name": "capacity", "expression": "x + 2*y <= cap"},
                        {"name": "spread", "terms": [{"variable": "x", "coefficient": 1},
                                                     {"variable": "y", "coefficient": -1}],
                         "sense": "<=", "rhs": 2}],
        "objective": {"sense": "maximize", "expression": "3*x + 4*y"},
    },
    "parameters": {"cap": 20}, "solver": "auto", "options": {"time_limit_s": 5},
}

ROUTES: dict[tuple[str, str], RouteDoc] = {
    ("GET", "/api/v2/health"): RouteDoc(
        "Liveness check", StatusResponse, security=None, response_example={"status": "ok"}),
    ("GET", "/api/v2/models/catalog"): RouteDoc(
        "Browse the public model marketplace", CatalogPage, security=None, query=CatalogQuery,
        description="Public. `search` is case-insensitive over name, display name, description and tags.",
        response_example={"items": [CATALOG_MODEL], "total": 12, "page": 1, "page_size": 10}),
    ("POST", "/api/v2/models/catalog/{catalog_id}/activate"): RouteDoc(
        "Activate a marketplace model for your organization", OrgModelActivated, errors=(409,),
        description="Idempotent: activating again returns the same `exe_` model (reactivated if deactivated).",
        response_example={k: ORG_MODEL[k] for k in
                          ("id", "catalog_id", "organization_id", "custom_name", "is_active", "created_at")}),
    ("GET", "/api/v2/models"): RouteDoc(
        "List your organization's models", OrgModelList, query=OrgModelQuery,
        response_example={"items": [ORG_MODEL], "total": 1, "page": 1, "page_size": 20}),
    ("POST", "/api/v2/models"): RouteDoc(
        "Create a private model", OrgModelPublic, body=OrgModelCreate, status=201, errors=(409,),
        request_example={"name": "supply_chain_optimizer",
                         "description": "Internal supply chain routing optimizer", "category": "supply_chain",
                         "generator_type": "template", "tags": ["internal", "supply-chain"],
                         "custom_config": {"template": "warehouse_allocation"}}),
    ("GET", "/api/v2/models/{model_id}"): RouteDoc(
        "Get one of your models", OrgModelPublic, response_example=ORG_MODEL),
    ("PATCH", "/api/v2/models/{model_id}"): RouteDoc(
        "Update a model's custom settings", StatusResponse, body=OrgModelUpdate,
        request_example={"custom_name": "My Warehouse Optimizer", "is_favorite": True},
        response_example={"status": "updated"}),
    ("DELETE", "/api/v2/models/{model_id}"): RouteDoc(
        "Deactivate a model (soft delete)", StatusResponse,
        description="Execute answers 404 until PATCH `is_active: true` reactivates it.",
        response_example={"status": "deactivated"}),
    ("GET", "/api/v2/models/{model_id}/schema"): RouteDoc(
        "Get a model's input schema and example input", OrgModelSchema,
        response_example={
            "id": "exe_9a1b2c3d", "name": "Warehouse Allocation Optimizer", "generator_type": "template",
            "input_schema": {}, "input_fields": [
                {"name": "warehouses", "label": "Warehouses", "type": "array", "required": True},
                {"name": "products", "label": "Products", "type": "array", "required": True}],
            "example_input": {"warehouses": [{"name": "East", "capacity": 500}, {"name": "West", "capacity": 300}],
                              "products": [{"name": "Widget A", "demand": 200}]},
            "custom_config": None}),
    ("POST", "/api/v2/models/{model_id}/execute"): RouteDoc(
        "Execute a model on your input data", OptimizationResult, body=ExecuteRequest, errors=(402, 409),
        headers=RUN_HEADERS,
        description="Debits `credits_per_execution`; an infeasible model is a successful call whose status "
                    "says so; a solver error is refunded.",
        other_responses=QUEUED,
        request_example={"input_data": EXECUTE_INPUT, "options": {"time_limit_s": 5}}, response_example=RESULT),
    ("GET", "/api/v2/organization"): RouteDoc(
        "Your organization and credit balance", OrganizationPublic,
        response_example={"id": "org_b7e4d1a0", "name": "Acme", "credits": 997,
                          "created_at": "2026-01-10T09:00:00Z"}),
    ("POST", "/api/v2/solve"): RouteDoc(
        "Solve your own linear model (JSON, MPS or LP)", OptimizationResult, body=SolveRequest, errors=(402, 409),
        headers=RUN_HEADERS,
        description="Give exactly one of `model`, `mps` or `lp`. An LP costs 1 credit, a MIP 2.",
        other_responses=QUEUED, request_example=SOLVE_REQUEST,
        response_example={**RESULT, "model_id": None, "objective_value": 48.0, "best_bound": 48.0,
                          "solution": {"variables": {"x": 8.0, "y": 6},
                                       "constraints": {"capacity": {"activity": 20.0}, "spread": {"activity": 2.0}}},
                          "solve_time_ms": 1, "credits_used": 2}),
    ("POST", "/api/v2/builder"): RouteDoc(
        "Create a builder document", DocumentPublic, body=DocumentCreate, status=201, errors=(409,),
        request_example={"name": "Warehouse Optimizer", "canvas_json": CANVAS}, response_example=DOCUMENT),
    ("GET", "/api/v2/builder"): RouteDoc(
        "List builder documents", DocumentList, query=DocumentQuery),
    ("GET", "/api/v2/builder/{document_id}"): RouteDoc(
        "Get a builder document with its canvas", DocumentPublic, response_example=DOCUMENT),
    ("PUT", "/api/v2/builder/{document_id}"): RouteDoc(
        "Save a document's canvas, name, description or active flag", DocumentPublic, body=DocumentUpdate,
        description="Saving does not create a version: POST .../versions does.",
        request_example={"canvas_json": CANVAS}),
    ("DELETE", "/api/v2/builder/{document_id}"): RouteDoc(
        "Deactivate a builder document (soft delete)", StatusResponse, response_example={"status": "deactivated"}),
    ("POST", "/api/v2/builder/{document_id}/compile"): RouteDoc(
        "Check a canvas without saving it", CompileResult, body=CompileRequest,
        description="400 with `details: [{node_id, message}]` for each bad node or edge.",
        request_example={"canvas_json": CANVAS}, response_example={"valid": True, "model_json": MODEL_JSON}),
    ("POST", "/api/v2/builder/{document_id}/execute"): RouteDoc(
        "Solve the document's current canvas or one of its versions", OptimizationResult,
        body=BuilderExecuteRequest, errors=(402, 409), other_responses=QUEUED, headers=RUN_HEADERS,
        request_example={"version_id": "ver_def456", "parameters": {}, "solver": "auto",
                         "options": {"time_limit_s": 5}}),
    ("GET", "/api/v2/builder/{document_id}/versions"): RouteDoc(
        "List versions, newest first (without canvases)", ListOf(VersionSummary), query=VersionsQuery,
        response_example=[VERSION_NAMED, VERSION_UNNAMED]),
    ("POST", "/api/v2/builder/{document_id}/versions"): RouteDoc(
        "Create a checkpoint of a canvas", VersionDetail, body=CheckpointCreate, status=201,
        other_responses={200: ("The canvas equals the latest version's: that version, not a duplicate.", None)},
        request_example={"canvas_json": CANVAS},
        response_example={**VERSION_UNNAMED, "id": "ver_new123", "sequence": 13, "change_summary": "Added 3 nodes",
                          "created_at": "2026-02-19T09:00:00Z", "canvas_json": CANVAS, "model_json": MODEL_JSON}),
    ("GET", "/api/v2/builder/{document_id}/versions/{version_id}"): RouteDoc(
        "Get a version with its canvas", VersionDetail,
        response_example={**VERSION_NAMED, "canvas_json": CANVAS, "model_json": MODEL_JSON}),
    ("PATCH", "/api/v2/builder/{document_id}/versions/{version_id}"): RouteDoc(
        "Promote a version to a named version", VersionSummary, body=VersionPromote,
        description="Named versions are never pruned by retention.",
        request_example={"version_name": "Before Q1 changes",
                         "version_description": "Stable version before adding seasonal constraints"},
        response_example={**VERSION_UNNAMED, "is_named": True, "version_name": "Before Q1 changes",
                          "version_description": "Stable version before adding seasonal constraints"}),
    ("DELETE", "/api/v2/builder/{document_id}/versions/{version_id}"): RouteDoc(
        "Delete a version", StatusResponse, errors=(409,),
        description="409 while a trigger or builder model pins the version, or while it is the newest.",
        response_example={"status": "deleted"}),
    ("POST", "/api/v2/builder/{document_id}/versions/{version_id}/restore"): RouteDoc(
        "Restore a version into the document", RestoreResult, body=RestoreRequest,
        description="First writes a safety checkpoint of `current_canvas_json`, so the restore can be undone.",
        request_example={"current_canvas_json": CANVAS},
        response_example={"checkpoint_id": "ver_safety_abc", "document": DOCUMENT}),
    ("GET", "/api/v2/executions"): RouteDoc(
        "List runs, newest first", ExecutionPage, query=ExecutionQuery,
        response_example={"items": [EXECUTION], "has_more": False, "next_cursor": None}),
    ("GET", "/api/v2/executions/{execution_id}"): RouteDoc(
        "Get a run: status history, input, result and callback deliveries", ExecutionDetail),
    ("POST", "/api/v2/executions/{execution_id}/cancel"): RouteDoc(
        "Cancel a queued or running run", ExecutionDetail, errors=(409,),
        description="Queued: canceled at once and refunded. Running: the solver stops at its next check. "
                    "409 when the run has ended or was started synchronously."),
    ("POST", "/api/v2/executions/compare"): RouteDoc(
        "Compare two runs, or run two versions of a document and compare them", ExecutionComparison,
        body=CompareRequest, errors=(402, 404, 409), headers={"Idempotency-Key": RUN_HEADERS["Idempotency-Key"]},
        description="`execution_ids`: two finished runs of the same model (the same model or template, the same "
                    "builder document, or two POST /solve runs); 409 while either is queued or running. Or an "
                    "experiment: `document_id` + `version_ids` (`ver_...` or `current`) run now on the same "
                    "`parameters`, each charged and recorded like POST /builder/{document_id}/execute. The answer "
                    "diffs the objective, the numbers at the top of both solutions, the inputs (as JSON) and the "
                    "solutions (routes, shifts, selections, assignments, schedules, variables), each list capped "
                    "at 500 entries with `count` and `truncated`. See docs/compare.md.",
        request_example={"execution_ids": COMPARISON_EXAMPLE["execution_ids"]},
        response_example=COMPARISON_EXAMPLE),
    ("POST", "/api/v2/triggers"): RouteDoc(
        "Create a trigger", TriggerCreated, body=TriggerCreate, status=201, errors=(409,),
        description="The answer holds the trigger's signing secret: the only time it is shown."),
    ("GET", "/api/v2/triggers"): RouteDoc("List triggers", TriggerList, query=TriggerQuery),
    ("GET", "/api/v2/triggers/{trigger_id}"): RouteDoc("Get a trigger", TriggerView),
    ("PATCH", "/api/v2/triggers/{trigger_id}"): RouteDoc(
        "Update a trigger", TriggerView, body=TriggerUpdate),
    ("DELETE", "/api/v2/triggers/{trigger_id}"): RouteDoc(
        "Delete a trigger", StatusResponse, description="Unpins its version (the version stays named).",
        response_example={"status": "deleted"}),
    ("POST", "/api/v2/hooks/{trigger_id}"): RouteDoc(
        "Fire a webhook trigger", QueuedRun, body=WebhookEvent, status=202, security="webhook_signature",
        errors=(409,), description="No API key: the request is signed with the trigger's secret "
                                   "(`X-JAOT-Signature`). Answers 202 with the queued run."),
    ("POST", "/api/v2/api-keys"): RouteDoc(
        "Create an API key", ApiKeyCreated, body=ApiKeyCreate, status=201, errors=(409,),
        description="The answer holds the key itself, shown only this once; JAOT keeps its SHA-256."),
    ("GET", "/api/v2/api-keys"): RouteDoc(
        "List API keys", ApiKeyList, description="Prefixes and names only, newest first, revoked ones included."),
    ("DELETE", "/api/v2/api-keys/{key_id}"): RouteDoc(
        "Revoke an API key", ApiKeyView, errors=(409,), description="The key is refused from the next request on."),
    ("POST", "/api/v2/mathopt/solve"): RouteDoc(
        "Solve a MathOpt model (OR-Tools' remote_http_solve)", MathOptSolveResponse, body=MathOptSolveRequest,
        errors=(402, 409), error_body=GoogleErrorBody,
        headers={"X-Goog-Api-Key": "Your API key, as OR-Tools' client sends it (this route only); "
                                   "`Authorization: Bearer` works too.",
                 "X-Server-Timeout": "Seconds the client waits (it sends 95% of its deadline): the solve "
                                     "stops a little before.",
                 "Idempotency-Key": RUN_HEADERS["Idempotency-Key"]},
        description="The body and the answer are the proto3 JSON of `SolveMathOptModelRequest` and "
                    "`SolveMathOptModelResponse` (ortools/service/v1/optimization.proto). Solvers: GLOP, PDLP, "
                    "CP-SAT, SCIP (GSCIP), HiGHS. An LP costs 1 credit, a MIP 2; a solver error is refunded. "
                    "Errors are `{\"error\": {\"code\", \"message\", \"status\"}}`.",
        request_example={"solverType": "SOLVER_TYPE_GLOP", "model": {
            "variables": {"ids": ["0"], "lowerBounds": [0.0], "upperBounds": [4.0], "integers": [False],
                          "names": ["x"]},
            "objective": {"maximize": True, "linearCoefficients": {"ids": ["0"], "values": [2.0]}}},
            "parameters": {"timeLimit": "5s"}},
        response_example={"result": {"termination": {"reason": "TERMINATION_REASON_OPTIMAL",
                                                     "objectiveBounds": {"primalBound": 8.0, "dualBound": 8.0}},
                                     "solutions": [{"primalSolution": {
                                         "variableValues": {"ids": ["0"], "values": [4.0]}, "objectiveValue": 8.0,
                                         "feasibilityStatus": "SOLUTION_STATUS_FEASIBLE"}}]}}),
    ("GET", "/api/v2/openapi.json"): RouteDoc(
        "This OpenAPI 3.1 document", None, security=None),
    ("GET", "/docs"): RouteDoc(
        "API reference page (renders the OpenAPI document)", None, security=None, media_types=("text/html",)),
    ("GET", "/docs/{asset}"): RouteDoc(
        "Scripts and styles of the reference page, served by the API itself", None, security=None,
        media_types=("application/javascript", "text/css")),
    ("GET", "/console"): RouteDoc(
        "The console, a browser UI on this API (docs/console.md)", None, security=None, media_types=("text/html",)),
    ("GET", "/console/assets/{asset}"): RouteDoc(
        "Scripts and styles of the console, served by the API itself", None, security=None,
        media_types=("text/javascript", "text/css")),
}
