"""GET /api/v2/openapi.json: a valid OpenAPI 3.1 document that matches the app's routes."""
import json
import re

import pytest
from chalice import Chalice
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from app import app
from chalicelib.api.openapi import build_document, route_table
from chalicelib.api.openapi_routes import ROUTES
from tests.api.helpers import call, new_org

METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def document():
    return build_document(app)


def app_routes() -> set[tuple[str, str]]:
    return {(method, path) for method, path, _ in route_table(app)}


def operations(document, documented_only=False):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS and (not documented_only or (method.upper(), path) in ROUTES):
                yield method.upper(), path, operation


def check(document, schema, instance):
    """Validate `instance` against a schema whose $refs point into the document's components."""
    errors = list(Draft202012Validator({**schema, "components": document["components"]}).iter_errors(instance))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def response_schema(document, method, path, status):
    return document["paths"][path][method.lower()]["responses"][str(status)]["content"]["application/json"]["schema"]


def test_served_without_auth_and_valid_openapi_31(client, document):
    response = client.http.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    served = json.loads(response.body)
    assert served["openapi"].startswith("3.1.")
    validate(served)
    assert served == json.loads(json.dumps(document))


def test_paths_and_methods_are_exactly_the_app_routes(document):
    assert {(method, path) for method, path, _ in operations(document)} == app_routes()


def test_every_route_has_an_entry_in_the_documentation_table():
    undocumented = sorted(app_routes() - set(ROUTES))
    stale = sorted(set(ROUTES) - app_routes())
    assert not undocumented, f"add these routes to chalicelib/api/openapi_routes.py ROUTES: {undocumented}"
    assert not stale, f"ROUTES documents routes the app does not serve: {stale}"


def test_an_undocumented_route_still_appears_with_a_generic_entry():
    other = Chalice(app_name="other")

    @other.route("/api/v2/widgets/{widget_id}", methods=["POST"])
    def frobnicate_widget(widget_id):
        """Frobnicate a widget."""

    operation = build_document(other)["paths"]["/api/v2/widgets/{widget_id}"]["post"]
    assert operation["summary"] == "Frobnicate a widget."
    assert operation["security"] == [{"bearer": []}]
    assert [p["name"] for p in operation["parameters"]] == ["widget_id"]
    assert {"401", "404"} <= set(operation["responses"])


def test_path_parameters_requests_and_errors_are_described(document):
    for method, path, operation in operations(document, documented_only=True):
        names = re.findall(r"{(\w+)}", path)
        declared = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
        assert declared == names, (method, path)
        doc = ROUTES[(method, path)]
        if doc.body:
            body = operation["requestBody"]["content"]["application/json"]
            assert body["schema"] == {"$ref": f"#/components/schemas/{doc.body.__name__}"}
        if doc.query:
            query = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
            assert query == set(doc.query.model_fields), (method, path)
        responses = operation["responses"]
        assert str(doc.status) in responses
        errors = ({"$ref": f"#/components/responses/{name}"} for name in ("InternalError", "Unauthorized"))
        if doc.error_body is not None:  # a route with its own error form (POST /mathopt/solve)
            own = {"$ref": f"#/components/schemas/{doc.error_body.__name__}"}
            errors = ({**responses[status], "content": {"application/json": {"schema": own}}}
                      for status in ("500", "401"))
        internal_error, unauthorized = errors
        assert responses["500"] == internal_error
        if doc.security:
            assert operation["security"] == [{doc.security: []}]
            assert responses["401"] == unauthorized
        else:
            assert operation["security"] == []


def test_errors_use_the_envelope_and_credentials_the_bearer_scheme(document):
    components = document["components"]
    assert components["securitySchemes"]["bearer"] == {**components["securitySchemes"]["bearer"],
                                                      "type": "http", "scheme": "bearer"}
    assert "ok_live_" in components["securitySchemes"]["bearer"]["description"]
    error = components["schemas"]["ErrorBody"]
    assert set(error["properties"]) == {"error", "message", "details"}
    for name, response in components["responses"].items():
        content = response["content"]["application/json"]
        assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
        check(document, content["schema"], content["example"])


def test_every_example_matches_its_schema(document):
    examples = 0
    for method, path, operation in operations(document):
        contents = [operation.get("requestBody", {}).get("content", {})]
        contents += [response.get("content", {}) for response in operation["responses"].values()]
        for content in contents:
            for media in content.values():
                if "example" in media:
                    examples += 1
                    check(document, media["schema"], media["example"])
    assert examples >= 25


def test_documented_security_is_what_the_routes_enforce(client, document):
    """Without credentials, the routes documented with bearer security answer 401, public ones do not.
    (A webhook checks its trigger exists before its signature: it cannot be probed with a made-up id.)"""
    for method, path, operation in operations(document, documented_only=True):
        concrete = re.sub(r"{\w+}", "x", path)
        body = "{}" if method in ("POST", "PUT", "PATCH") else None
        status = getattr(client.http, method.lower())(
            concrete, headers={"Content-Type": "application/json"}, body=body).status_code
        if operation["security"] == [{"bearer": []}]:
            assert status == 401, (method, path, status)
        elif not operation["security"]:
            assert status != 401, (method, path, status)


def test_real_responses_match_the_documented_schemas(client, document):
    org = new_org()
    status, catalog = call(client, "GET", "/api/v2/models/catalog?page_size=2")
    assert status == 200
    check(document, response_schema(document, "GET", "/api/v2/models/catalog", 200), catalog)

    status, organization = call(client, "GET", "/api/v2/organization", org)
    check(document, response_schema(document, "GET", "/api/v2/organization", 200), organization)

    status, model = call(client, "POST", f"/api/v2/models/catalog/{catalog['items'][0]['id']}/activate", org)
    check(document, response_schema(document, "POST", "/api/v2/models/catalog/{catalog_id}/activate", 200), model)

    status, created = call(client, "POST", "/api/v2/builder", org, {"name": "Plan"})
    assert status == 201
    check(document, response_schema(document, "POST", "/api/v2/builder", 201), created)

    path = "/api/v2/builder/{document_id}/versions"
    status, version = call(client, "POST", path.format(document_id=created["id"]), org,
                           {"canvas_json": {"nodes": [], "edges": []}})
    check(document, response_schema(document, "POST", path, 201), version)
    status, versions = call(client, "GET", path.format(document_id=created["id"]), org)
    assert status == 200 and len(versions) == 1
    check(document, response_schema(document, "GET", path, 200), versions)

    status, error = call(client, "GET", "/api/v2/models/exe_missing", org)
    assert status == 404
    check(document, {"$ref": "#/components/schemas/ErrorBody"}, error)


def test_builder_examples_show_what_the_compiler_returns():
    from chalicelib.api.openapi_routes import CANVAS, MODEL_JSON
    from chalicelib.services.documents import try_compile

    assert try_compile(CANVAS) == MODEL_JSON
