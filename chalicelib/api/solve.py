from chalice import Blueprint

from chalicelib.api.http import dispatch_for, idempotent, json_body, run_response
from chalicelib.schemas.solve import SolveRequest
from chalicelib.services import solve as solve_service
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/solve", methods=["POST"])
def solve():
    """Solve a linear model given in JSON, MPS or LP."""
    caller = authenticate(bp.current_request)
    request = bp.current_request

    def run():
        body = json_body(request, SolveRequest)
        return run_response(solve_service.solve(caller, body, dispatch_for(request, body)))

    return idempotent(request, caller, run)
