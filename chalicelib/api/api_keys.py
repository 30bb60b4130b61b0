"""API keys of the caller's organization.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import json_body, ok
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/api-keys", methods=["POST"])
def create_api_key():
    """201 with the key itself, shown only in this answer."""
    from chalicelib.schemas.api_keys import ApiKeyCreate
    from chalicelib.services import api_keys

    caller = authenticate(bp.current_request)
    return ok(api_keys.create_key(caller, json_body(bp.current_request, ApiKeyCreate)), status_code=201)


@bp.route("/api-keys", methods=["GET"])
def list_api_keys():
    from chalicelib.services import api_keys

    caller = authenticate(bp.current_request)
    return ok(api_keys.list_keys(caller))


@bp.route("/api-keys/{key_id}", methods=["DELETE"])
def revoke_api_key(key_id):
    """The key is refused from the next request on."""
    from chalicelib.services import api_keys

    caller = authenticate(bp.current_request)
    return ok(api_keys.revoke_key(caller, key_id))
