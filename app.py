"""JAOT API: registers blueprints and middleware; the logic lives in chalicelib/."""
from chalice import Chalice

from chalicelib.api import builder, catalog, health, http, models, organization, solve, versions

app = Chalice(app_name="jaot")
app.register_middleware(http.error_envelope, "http")

API_PREFIX = "/api/v2"
for blueprint in (health.bp, catalog.bp, models.bp, organization.bp, solve.bp, builder.bp, versions.bp):
    app.register_blueprint(blueprint, url_prefix=API_PREFIX)
