"""The caller's organization.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import ok
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/organization", methods=["GET"])
def get_organization():
    """The caller's organization and credit balance."""
    from chalicelib.services import organizations

    return ok(organizations.get_own_organization(authenticate(bp.current_request)))
