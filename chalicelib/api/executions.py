"""Runs: listing, reading, canceling and comparing them.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import idempotent, json_body, ok, query
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/executions", methods=["GET"])
def list_executions():
    from chalicelib.schemas.executions import ExecutionQuery
    from chalicelib.services import execution_records

    caller = authenticate(bp.current_request)
    return ok(execution_records.list_executions(caller, query(bp.current_request, ExecutionQuery)))


@bp.route("/executions/{execution_id}", methods=["GET"])
def get_execution(execution_id):
    from chalicelib.services import execution_records

    caller = authenticate(bp.current_request)
    return ok(execution_records.get_execution(caller, execution_id))


@bp.route("/executions/{execution_id}/cancel", methods=["POST"])
def cancel_execution(execution_id):
    """Queued: canceled at once, refunded. Running: the solver stops at its next check."""
    from chalicelib.services import execution_records

    caller = authenticate(bp.current_request)
    return ok(execution_records.cancel(caller, execution_id))


@bp.route("/executions/compare", methods=["POST"])
def compare_executions():
    """Two finished runs of one model, or an experiment: two builder versions on the same parameters."""
    from chalicelib.schemas.compare import CompareRequest
    from chalicelib.services import compare

    request = bp.current_request
    caller = authenticate(request)
    return idempotent(request, caller, lambda: ok(compare.compare(caller, json_body(request, CompareRequest))))
