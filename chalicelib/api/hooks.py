"""Webhook triggers: signed POSTs that start a run.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import body_bytes, run_response

bp = Blueprint(__name__)


@bp.route("/hooks/{trigger_id}", methods=["POST"])
def receive_webhook(trigger_id):
    """No API key: the request is signed with the trigger's secret (X-JAOT-Signature:
    t=<unix seconds>,v1=<HMAC-SHA256 hex of "<t>." + body>; format in chalicelib/signing.py).
    Answers 202 with the run; 409 for an event (timestamp, body) already accepted."""
    from chalicelib.services import trigger_events

    request = bp.current_request
    queued = trigger_events.on_webhook(trigger_id, body_bytes(request), request.headers.get("x-jaot-signature"))
    return run_response(queued)
