"""Builder documents: canvases, their compilation and runs.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import json_body, ok, query, run_route
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/builder", methods=["POST"])
def create_document():
    from chalicelib.schemas.builder import DocumentCreate
    from chalicelib.services import documents

    caller = authenticate(bp.current_request)
    return ok(documents.create_document(caller, json_body(bp.current_request, DocumentCreate)), status_code=201)


@bp.route("/builder", methods=["GET"])
def list_documents():
    from chalicelib.schemas.builder import DocumentQuery
    from chalicelib.services import documents

    caller = authenticate(bp.current_request)
    return ok(documents.list_documents(caller, query(bp.current_request, DocumentQuery)))


@bp.route("/builder/{document_id}", methods=["GET"])
def get_document(document_id):
    from chalicelib.services import documents

    caller = authenticate(bp.current_request)
    return ok(documents.get_document(caller, document_id))


@bp.route("/builder/{document_id}", methods=["PUT"])
def update_document(document_id):
    from chalicelib.schemas.builder import DocumentUpdate
    from chalicelib.services import documents

    caller = authenticate(bp.current_request)
    body = json_body(bp.current_request, DocumentUpdate)
    return ok(documents.update_document(caller, document_id, body))


@bp.route("/builder/{document_id}", methods=["DELETE"])
def delete_document(document_id):
    from chalicelib.schemas.common import StatusResponse
    from chalicelib.services import documents

    caller = authenticate(bp.current_request)
    documents.deactivate_document(caller, document_id)
    return ok(StatusResponse(status="deactivated"))


@bp.route("/builder/{document_id}/compile", methods=["POST"])
def compile_document(document_id):
    from chalicelib.schemas.builder import CompileRequest
    from chalicelib.services import documents

    caller = authenticate(bp.current_request)
    body = json_body(bp.current_request, CompileRequest)
    return ok(documents.compile_document(caller, document_id, body.canvas_json))


@bp.route("/builder/{document_id}/execute", methods=["POST"])
def execute_document(document_id):
    from chalicelib.schemas.builder import BuilderExecuteRequest
    from chalicelib.services import builder_runs

    caller = authenticate(bp.current_request)
    return run_route(bp.current_request, caller, BuilderExecuteRequest,
                     lambda body, dispatch: builder_runs.execute_document(caller, document_id, body, dispatch))
