"""POST /executions/compare: what changed between two runs of one model.

Two finished runs are read back (two GetItems, and their blobs); an experiment first checks
that both versions can run and that the balance covers both (so nothing is charged unless
both can start), then runs them one after the other through the builder's execute path,
charged and recorded like any builder run, and compares the two new runs. The diff itself
is engine/solution_diff.py: pure and bounded.
"""
from __future__ import annotations

import re
from typing import Any

from chalicelib import ids
from chalicelib.engine import solution_diff
from chalicelib.engine.generic import ModelError, choose_backend, compile_model
from chalicelib.engine.linear_model import LinearModel
from chalicelib.errors import ApiError, BadRequest, Conflict, InsufficientCredits, NotFound, validate
from chalicelib.schemas.builder import BuilderExecuteRequest
from chalicelib.schemas.compare import CURRENT, CompareRequest, ExecutionComparison, RunSide
from chalicelib.services import builder_runs, documents, versions
from chalicelib.services.auth import Caller
from chalicelib.services.execution_records import NOT_FOUND
from chalicelib.services.solve import LP_CREDITS, MIP_CREDITS
from chalicelib.store import blobs
from chalicelib.store import executions as store
from chalicelib.store import organizations as organization_store
from chalicelib.store.executions import ACTIVE
from chalicelib.store.items import DocumentItem, ExecutionItem

EXECUTION_ID = re.compile(r"exc_[A-Za-z0-9_.-]{1,124}")
"""What an execution id can look like (the path-id rule of api/http.py): anything else is a 404."""


def compare(caller: Caller, body: CompareRequest) -> ExecutionComparison:
    if body.execution_ids is not None:
        return compare_runs(caller, *body.execution_ids)
    return run_experiment(caller, body)


def compare_runs(caller: Caller, id_a: str, id_b: str, *, experiment: bool = False) -> ExecutionComparison:
    item_a, item_b = _get_item(caller, id_a, "A"), _get_item(caller, id_b, "B")
    for label, item in (("A", item_a), ("B", item_b)):
        if item.status in ACTIVE:
            raise Conflict(f"Run {label} ({item.execution_id}) is still {item.status}; compare it once it has "
                           "ended (GET /executions/{id} shows its status).",
                           {"execution_id": item.execution_id, "status": item.status})
    same_a, same_b = _what_ran(item_a), _what_ran(item_b)
    if same_a[0] != same_b[0]:
        raise BadRequest(f"Run A ran {same_a[1]} and run B ran {same_b[1]}: compare two runs of the same model "
                         "(the same model or template, the same builder document, or two POST /solve runs).",
                         [{"field": "execution_ids", "message": "runs of different models"}])
    result_a = blobs.get_json(item_a.result_gz, item_a.result_s3) or {}
    result_b = blobs.get_json(item_b.result_gz, item_b.result_s3) or {}
    input_a = blobs.get_json(item_a.input_gz, item_a.input_s3)
    input_b = blobs.get_json(item_b.input_gz, item_b.input_s3)

    objective = solution_diff.number_delta(result_a.get("objective_value"), result_b.get("objective_value"))
    input_changes = solution_diff.json_diff(input_a, input_b)
    solution_changes, clauses = solution_diff.diff_solutions(result_a.get("solution"), result_b.get("solution"))
    side_a, side_b = _side(item_a, result_a), _side(item_b, result_b)
    clauses = _missing_solutions(side_a, side_b, result_a, result_b) or clauses
    return ExecutionComparison(
        a=side_a, b=side_b, execution_ids=[item_a.execution_id, item_b.execution_id], experiment=experiment,
        model_id=item_a.model_id if item_a.model_id == item_b.model_id else None,
        template=item_a.template if item_a.template == item_b.template else None,
        document_id=item_a.document_id if item_a.document_id == item_b.document_id else None,
        objective=objective, kpis=solution_diff.kpis(result_a.get("solution"), result_b.get("solution")),
        input_changes=input_changes, solution_changes=solution_changes,
        summary=solution_diff.summary(objective, side_a.solve_status, side_b.solve_status, clauses, input_changes),
    )


def run_experiment(caller: Caller, body: CompareRequest) -> ExecutionComparison:
    """Run both versions on the same parameters, then compare the two runs."""
    document = documents.get_document_item(caller, body.document_id)
    if not document.is_active:
        raise NotFound(documents.NOT_FOUND + " It is deactivated; PUT is_active: true to reactivate it.")
    costs = [_cost(caller, document, ref, body, index) for index, ref in enumerate(body.version_ids)]
    organization = organization_store.get_organization(caller.organization_id)
    balance = int(organization.credits) if organization else 0
    if balance < sum(costs):
        raise InsufficientCredits(f"This experiment runs two versions and costs {sum(costs)} credits; "
                                  f"the balance is {balance}.", {"required": sum(costs), "balance": balance})
    runs = []
    for ref in body.version_ids:
        try:
            runs.append(builder_runs.execute_document(caller, document.document_id, BuilderExecuteRequest(
                version_id=None if ref == CURRENT else ref, parameters=body.parameters, solver=body.solver,
                options=body.options.model_copy())))
        except ApiError as error:  # the balance was checked, not reserved: a concurrent spend can get here
            if runs:
                error.message += f" Run A of this experiment ({runs[0].execution_id}) ran and was charged."
            raise
    return compare_runs(caller, runs[0].execution_id, runs[1].execution_id, experiment=True)


def _cost(caller: Caller, document: DocumentItem, ref: str, body: CompareRequest, index: int) -> int:
    """What running version `ref` costs; 404/400 (naming the version) when it cannot run."""
    field = f"version_ids[{index}]"
    if ref != CURRENT and (not ref.startswith(ids.VERSION) or ids.version_sequence(ref) is None):
        raise NotFound(f"{field}: {versions.NOT_FOUND} Give a version id (ver_...) or \"current\".")
    try:
        if ref == CURRENT:
            model_json = documents.document_model(document)
            if model_json is None:
                documents.compile_or_400(documents.document_canvas(document))
        else:
            _, blob = versions.get_version_items(caller, document.document_id, ref)
            model_json = blobs.get_json(blob.model_gz, blob.model_s3)
            if model_json is None:
                documents.compile_or_400(blobs.get_json(blob.canvas_gz, blob.canvas_s3))
        model = validate(LinearModel, model_json, prefix=("model_json",))
        try:
            compiled = compile_model(model, body.parameters)
            choose_backend(compiled, body.solver)
        except ModelError as error:
            raise BadRequest(f"The model cannot run: {error}", error.problems) from None
    except ApiError as error:
        error.message = f"{field} ({ref}): {error.message}"
        raise
    return MIP_CREDITS if compiled.is_mip else LP_CREDITS


def _get_item(caller: Caller, execution_id: str, label: str) -> ExecutionItem:
    """The run, from the caller's own partition: malformed ids and others' runs are a 404."""
    item = None
    if EXECUTION_ID.fullmatch(execution_id):
        item = store.get_execution(caller.organization_id, execution_id)
    if item is None:
        raise NotFound(f"Run {label}: {NOT_FOUND}", {"execution_id": execution_id[:128]})
    return item


def _what_ran(item: ExecutionItem) -> tuple[tuple[Any, ...], str]:
    """What must match for two runs to be comparable, and how to name it in a message."""
    if item.document_id:
        return ("document", item.document_id), f"builder document {item.document_id}"
    if item.kind == "model":
        if item.template:
            return ("template", item.template), f"the {item.template} model ({item.model_id})"
        return ("model", item.model_id), f"model {item.model_id}"
    return (item.kind,), "POST /solve" if item.kind == "solve" else f"a {item.kind} model"


def _side(item: ExecutionItem, result: dict[str, Any]) -> RunSide:
    return RunSide(
        execution_id=item.execution_id, status=item.status, kind=item.kind,
        solve_status=result.get("status", item.solve_status), objective_value=result.get("objective_value"),
        best_bound=result.get("best_bound"), gap=result.get("gap"), solver=result.get("solver"),
        solve_time_ms=result.get("solve_time_ms", None if item.solve_time_ms is None else int(item.solve_time_ms)),
        credits_used=int(item.credits_used or 0), model_id=item.model_id, template=item.template,
        document_id=item.document_id, version_id=item.version_id,
        sequence=None if item.sequence is None else int(item.sequence), created_at=item.created_at,
    )


def _missing_solutions(side_a: RunSide, side_b: RunSide, result_a: dict, result_b: dict) -> list[str]:
    """Clauses for runs without a solution (infeasible, canceled before it started...)."""
    clauses = []
    for label, side, result in (("A", side_a, result_a), ("B", side_b, result_b)):
        if not isinstance(result.get("solution"), dict):
            why = side.solve_status or side.status
            clauses.append(f"run {label} has no solution ({why}), so there is no solution to diff")
    return clauses
