"""Executing builder documents: the current canvas or a given version, recorded with both."""
from __future__ import annotations

from chalicelib.engine.canvas import canvas_origins
from chalicelib.errors import NotFound
from chalicelib.schemas.builder import BuilderExecuteRequest
from chalicelib.schemas.executions import QueuedRun
from chalicelib.schemas.results import OptimizationResult
from chalicelib.services import documents, versions
from chalicelib.services.auth import Caller
from chalicelib.services.executions import SYNC, Dispatch
from chalicelib.services.solve import run_model_json
from chalicelib.store import blobs


def execute_document(caller: Caller, document_id: str, body: BuilderExecuteRequest,
                     dispatch: Dispatch = SYNC, **attributes) -> OptimizationResult | QueuedRun:
    document = documents.get_document_item(caller, document_id)
    if not document.is_active:
        raise NotFound(documents.NOT_FOUND + " It is deactivated; PUT is_active: true to reactivate it.")
    if body.version_id is not None:
        version, blob = versions.get_version_items(caller, document_id, body.version_id)
        model_json = blobs.get_json(blob.model_gz, blob.model_s3)
        canvas = blobs.get_json(blob.canvas_gz, blob.canvas_s3)
        if model_json is None:  # a checkpoint of a canvas that did not compile: say why
            documents.compile_or_400(canvas)
        provenance = {"version_id": version.version_id, "sequence": int(version.sequence)}
    else:
        model_json = documents.document_model(document)
        canvas = documents.document_canvas(document)
        if model_json is None:
            documents.compile_or_400(canvas)
        provenance = {"version_id": None, "sequence": None}
    return run_model_json(caller, model_json, body.parameters, body.solver, body.options,
                          raw_input=body.model_dump(mode="json", exclude_defaults=True,
                                                    exclude={"run_async"}),
                          dispatch=dispatch, origins=canvas_origins(canvas or {}),
                          kind=attributes.pop("kind", "builder"), document_id=document_id,
                          **provenance, **attributes)
