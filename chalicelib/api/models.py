"""The organization's models: activated templates and private ones.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import json_body, ok, query, run_route
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/models", methods=["GET"])
def list_models():
    from chalicelib.schemas.models import OrgModelQuery
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    return ok(org_models.list_models(caller, query(bp.current_request, OrgModelQuery)))


@bp.route("/models", methods=["POST"])
def create_model():
    from chalicelib.schemas.models import OrgModelCreate
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    body = json_body(bp.current_request, OrgModelCreate)
    return ok(org_models.create_private_model(caller, body), status_code=201)


@bp.route("/models/{model_id}", methods=["GET"])
def get_model(model_id):
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    return ok(org_models.get_model(caller, model_id))


@bp.route("/models/{model_id}", methods=["PATCH"])
def update_model(model_id):
    from chalicelib.schemas.common import StatusResponse
    from chalicelib.schemas.models import OrgModelUpdate
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    org_models.update_model(caller, model_id, json_body(bp.current_request, OrgModelUpdate))
    return ok(StatusResponse(status="updated"))


@bp.route("/models/{model_id}", methods=["DELETE"])
def deactivate_model(model_id):
    from chalicelib.schemas.common import StatusResponse
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    org_models.deactivate(caller, model_id)
    return ok(StatusResponse(status="deactivated"))


@bp.route("/models/{model_id}/schema", methods=["GET"])
def get_model_schema(model_id):
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    return ok(org_models.get_schema(caller, model_id))


@bp.route("/models/{model_id}/execute", methods=["POST"])
def execute_model(model_id):
    from chalicelib.schemas.results import ExecuteRequest
    from chalicelib.services import model_runs

    caller = authenticate(bp.current_request)
    return run_route(bp.current_request, caller, ExecuteRequest,
                     lambda body, dispatch: model_runs.execute_model(caller, model_id, body, dispatch))
