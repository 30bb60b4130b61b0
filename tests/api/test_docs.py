"""GET /docs: a reference page whose every asset the API serves itself (no CDN)."""
import re
from urllib.parse import urljoin

PAGE = "/docs"


def page_references(html: str) -> list[str]:
    """Every URL the page loads: src/href attributes and the spec `url:` of its script."""
    return re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r'\burl:\s*"([^"]+)"', html)


def test_docs_page_loads_only_assets_served_by_the_app(client):
    response = client.http.get(PAGE)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    html = response.body.decode()
    references = [ref for ref in page_references(html) if not ref.startswith("data:")]
    assert len(references) == 3  # stylesheet, script, OpenAPI document
    for ref in references:
        assert not re.match(r"^(\w+:)?//", ref), f"{ref} is not served by the app"
        asset = client.http.get(urljoin(PAGE, ref))
        assert asset.status_code == 200, ref
        assert len(asset.body) > 1000, ref
    content_types = {client.http.get(urljoin(PAGE, ref)).headers["Content-Type"].split(";")[0]
                     for ref in references}
    assert content_types == {"text/css", "application/javascript", "application/json"}


def test_docs_page_renders_the_openapi_document_without_outside_requests(client):
    html = client.http.get(PAGE).body.decode()
    assert urljoin(PAGE, re.search(r'\burl:\s*"([^"]+)"', html).group(1)) == "/api/v2/openapi.json"
    assert "validatorUrl: null" in html  # Swagger UI would otherwise call validator.swagger.io


def test_the_bundled_swagger_ui_reads_openapi_31(client):
    """Swagger UI before 5.0 (e.g. swagger-ui-bundle 1.1.0's 4.15) refuses `openapi: 3.1.x` documents."""
    bundle = client.http.get("/docs/swagger-ui-bundle.js").body.decode()
    assert "isOAS31" in bundle


def test_unknown_asset_is_a_404_envelope(client):
    response = client.http.get("/docs/secrets.txt")
    assert response.status_code == 404
    assert b'"error":"not_found"' in response.body.replace(b" ", b"")
