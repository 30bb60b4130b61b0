from chalice import Blueprint

from chalicelib.api.http import run_route
from chalicelib.schemas.solve import SolveRequest
from chalicelib.services import solve as solve_service
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/solve", methods=["POST"])
def solve():
    """Solve a linear model given in JSON, MPS or LP."""
    caller = authenticate(bp.current_request)
    return run_route(bp.current_request, caller, SolveRequest,
                     lambda body, dispatch: solve_service.solve(caller, body, dispatch))
