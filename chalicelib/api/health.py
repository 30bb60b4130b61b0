from chalice import Blueprint

bp = Blueprint(__name__)


@bp.route("/health", methods=["GET"])
def health():
    """Liveness, without auth or storage."""
    return {"status": "ok"}
