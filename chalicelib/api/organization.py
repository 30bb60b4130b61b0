from chalice import Blueprint

from chalicelib.api.http import ok
from chalicelib.services import organizations
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/organization", methods=["GET"])
def get_organization():
    """The caller's organization and credit balance."""
    return ok(organizations.get_own_organization(authenticate(bp.current_request)))
