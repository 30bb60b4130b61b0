"""Triggers: schedules, webhooks, queues and storage events that start runs.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import json_body, ok, query
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/triggers", methods=["POST"])
def create_trigger():
    """The answer holds the trigger's signing secret: the only time it is shown."""
    from chalicelib.schemas.triggers import TriggerCreate
    from chalicelib.services import triggers

    caller = authenticate(bp.current_request)
    return ok(triggers.create_trigger(caller, json_body(bp.current_request, TriggerCreate)), status_code=201)


@bp.route("/triggers", methods=["GET"])
def list_triggers():
    from chalicelib.schemas.triggers import TriggerQuery
    from chalicelib.services import triggers

    caller = authenticate(bp.current_request)
    return ok(triggers.list_triggers(caller, query(bp.current_request, TriggerQuery)))


@bp.route("/triggers/{trigger_id}", methods=["GET"])
def get_trigger(trigger_id):
    from chalicelib.services import triggers

    caller = authenticate(bp.current_request)
    return ok(triggers.get_trigger(caller, trigger_id))


@bp.route("/triggers/{trigger_id}", methods=["PATCH"])
def update_trigger(trigger_id):
    from chalicelib.schemas.triggers import TriggerUpdate
    from chalicelib.services import triggers

    caller = authenticate(bp.current_request)
    return ok(triggers.update_trigger(caller, trigger_id, json_body(bp.current_request, TriggerUpdate)))


@bp.route("/triggers/{trigger_id}", methods=["DELETE"])
def delete_trigger(trigger_id):
    """Deleting a trigger unpins its version (it stays named)."""
    from chalicelib.schemas.common import StatusResponse
    from chalicelib.services import triggers

    caller = authenticate(bp.current_request)
    triggers.delete_trigger(caller, trigger_id)
    return ok(StatusResponse(status="deleted"))
