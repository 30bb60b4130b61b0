"""The public marketplace of templates and their activation.

Schemas and services are imported by the routes that use them, so that a cold start
imports the route table only (tests/unit/test_cold_import.py).
"""
from chalice import Blueprint

from chalicelib.api.http import ok, query
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/models/catalog", methods=["GET"])
def list_catalog():
    """Public: browse the marketplace."""
    from chalicelib.schemas.catalog import CatalogQuery
    from chalicelib.services import catalog

    return ok(catalog.list_catalog(query(bp.current_request, CatalogQuery)))


@bp.route("/models/catalog/{catalog_id}/activate", methods=["POST"])
def activate(catalog_id):
    from chalicelib.services import org_models

    caller = authenticate(bp.current_request)
    return ok(org_models.activate(caller, catalog_id))
