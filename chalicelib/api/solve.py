"""Direct solves of linear models (JSON, MPS, LP).

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import run_route
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/solve", methods=["POST"])
def solve():
    """Solve a linear model given in JSON, MPS or LP."""
    from chalicelib.schemas.solve import SolveRequest
    from chalicelib.services import solve as solve_service

    caller = authenticate(bp.current_request)
    return run_route(bp.current_request, caller, SolveRequest,
                     lambda body, dispatch: solve_service.solve(caller, body, dispatch))
