"""Versions of a builder document: checkpoints, promotion, restore.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import json_body, ok, query
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/builder/{document_id}/versions", methods=["GET"])
def list_versions(document_id):
    """Newest first, without canvases."""
    from chalicelib.schemas.builder import VersionsQuery
    from chalicelib.services import versions

    caller = authenticate(bp.current_request)
    return ok(versions.list_versions(caller, document_id, query(bp.current_request, VersionsQuery)))


@bp.route("/builder/{document_id}/versions", methods=["POST"])
def create_checkpoint(document_id):
    """201 with a new checkpoint; 200 with the latest one when the canvas is unchanged."""
    from chalicelib.schemas.builder import CheckpointCreate
    from chalicelib.services import versions

    caller = authenticate(bp.current_request)
    body = json_body(bp.current_request, CheckpointCreate)
    version, created = versions.create_checkpoint(caller, document_id, body.canvas_json)
    return ok(version, status_code=201 if created else 200)


@bp.route("/builder/{document_id}/versions/{version_id}", methods=["GET"])
def get_version(document_id, version_id):
    from chalicelib.services import versions

    caller = authenticate(bp.current_request)
    return ok(versions.get_version(caller, document_id, version_id))


@bp.route("/builder/{document_id}/versions/{version_id}", methods=["PATCH"])
def promote_version(document_id, version_id):
    from chalicelib.schemas.builder import VersionPromote
    from chalicelib.services import versions

    caller = authenticate(bp.current_request)
    body = json_body(bp.current_request, VersionPromote)
    return ok(versions.promote(caller, document_id, version_id, body.version_name, body.version_description))


@bp.route("/builder/{document_id}/versions/{version_id}", methods=["DELETE"])
def delete_version(document_id, version_id):
    """409 while a trigger or builder model pins the version, or while it is the newest."""
    from chalicelib.schemas.common import StatusResponse
    from chalicelib.services import versions

    caller = authenticate(bp.current_request)
    versions.delete_version(caller, document_id, version_id)
    return ok(StatusResponse(status="deleted"))


@bp.route("/builder/{document_id}/versions/{version_id}/restore", methods=["POST"])
def restore_version(document_id, version_id):
    from chalicelib.schemas.builder import RestoreRequest
    from chalicelib.services import versions

    caller = authenticate(bp.current_request)
    body = json_body(bp.current_request, RestoreRequest)
    return ok(versions.restore(caller, document_id, version_id, body.current_canvas_json))
