from chalice import Blueprint

from chalicelib.api.http import ok, query
from chalicelib.schemas.catalog import CatalogQuery
from chalicelib.services import catalog, org_models
from chalicelib.services.auth import authenticate

bp = Blueprint(__name__)


@bp.route("/models/catalog", methods=["GET"])
def list_catalog():
    """Public: browse the marketplace."""
    return ok(catalog.list_catalog(query(bp.current_request, CatalogQuery)))


@bp.route("/models/catalog/{catalog_id}/activate", methods=["POST"])
def activate(catalog_id):
    caller = authenticate(bp.current_request)
    return ok(org_models.activate(caller, catalog_id))
