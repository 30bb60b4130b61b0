"""Organization models: activate, list, get, schema, create, patch, delete; tenants apart."""
import pytest
from jsonschema import Draft202012Validator

from chalicelib.ids import catalog_id_for
from chalicelib.templates import get_template
from tests.api.helpers import call, new_org

WAREHOUSE = catalog_id_for("warehouse_allocation")


def activate(client, org, catalog_id=WAREHOUSE):
    status, body = call(client, "POST", f"/api/v2/models/catalog/{catalog_id}/activate", org)
    assert status == 200, body
    return body


def create_private(client, org, **fields):
    body = {"name": "supply_chain_optimizer", "generator_type": "template", **fields}
    status, model = call(client, "POST", "/api/v2/models", org, body)
    assert status == 201, model
    return model


def test_activate_returns_exactly_the_spec_fields(client):
    org = new_org()
    model = activate(client, org)
    assert set(model) == {"id", "catalog_id", "organization_id", "custom_name", "is_active", "created_at"}
    assert model["id"].startswith("exe_")
    assert (model["catalog_id"], model["organization_id"], model["custom_name"], model["is_active"]) == (
        WAREHOUSE, org.id, None, True)


def test_activating_twice_returns_the_same_model(client):
    org = new_org()
    first, second = activate(client, org), activate(client, org)
    assert first == second
    _, page = call(client, "GET", "/api/v2/models", org)
    assert page["total"] == 1


def test_activating_a_deactivated_model_reactivates_it(client):
    org = new_org()
    model = activate(client, org)
    assert call(client, "DELETE", f"/api/v2/models/{model['id']}", org) == (200, {"status": "deactivated"})
    again = activate(client, org)
    assert again["id"] == model["id"] and again["is_active"] is True
    _, detail = call(client, "GET", f"/api/v2/models/{model['id']}", org)
    assert detail["is_active"] is True


def test_activating_an_unknown_catalog_model_is_404(client):
    org = new_org()
    for catalog_id in ("mdl_doesnotexist", "nonsense", "exe_123"):
        status, error = call(client, "POST", f"/api/v2/models/catalog/{catalog_id}/activate", org)
        assert (status, error["error"]) == (404, "not_found")


def test_get_model_has_every_documented_field(client):
    org = new_org()
    model_id = activate(client, org)["id"]
    status, model = call(client, "GET", f"/api/v2/models/{model_id}", org)
    assert status == 200
    template = get_template("warehouse_allocation")
    assert model == {
        "id": model_id, "catalog_id": WAREHOUSE, "organization_id": org.id, "custom_name": None,
        "is_active": True, "created_at": model["created_at"], "updated_at": model["updated_at"],
        "name": "warehouse_allocation", "display_name": template.display_name,
        "description": template.description, "category": "logistics", "tags": template.tags,
        "credits_per_execution": 3, "generator_type": "template", "custom_config": None,
        "is_favorite": False,
    }


def test_schema_is_in_the_spec_shape_with_a_valid_example(client):
    org = new_org()
    model_id = activate(client, org)["id"]
    status, schema = call(client, "GET", f"/api/v2/models/{model_id}/schema", org)
    assert status == 200
    assert set(schema) == {"id", "name", "generator_type", "input_schema", "input_fields",
                           "example_input", "custom_config"}
    assert (schema["id"], schema["name"], schema["generator_type"]) == (
        model_id, "Warehouse Allocation Optimizer", "template")
    Draft202012Validator.check_schema(schema["input_schema"])
    assert list(Draft202012Validator(schema["input_schema"]).iter_errors(schema["example_input"])) == []
    fields = {field["name"]: field for field in schema["input_fields"]}
    assert {k: fields["warehouses"][k] for k in ("name", "label", "type", "required")} == {
        "name": "warehouses", "label": "Warehouses", "type": "array", "required": True}
    assert {k: fields["products"][k] for k in ("name", "label", "type", "required")} == {
        "name": "products", "label": "Products", "type": "array", "required": True}
    assert fields["whole_units"]["required"] is False
    assert [f["name"] for f in fields["warehouses"]["item_fields"]] == ["name", "capacity", "cost_per_unit"]


def test_list_filters_and_search(client):
    org = new_org()
    catalog_model = activate(client, org)["id"]
    private = create_private(client, org, description="Internal supply chain routing optimizer",
                             category="supply_chain", tags=["internal", "supply-chain"])["id"]
    call(client, "PATCH", f"/api/v2/models/{private}", org, {"is_favorite": True})
    call(client, "DELETE", f"/api/v2/models/{catalog_model}", org)

    def ids(query):
        status, page = call(client, "GET", f"/api/v2/models?{query}", org)
        assert status == 200, page
        assert page["total"] == len(page["items"])
        return [item["id"] for item in page["items"]]

    assert set(ids("")) == {catalog_model, private}
    assert ids("is_active=true") == [private]
    assert ids("is_active=false") == [catalog_model]
    assert ids("is_favorite=true") == [private]
    assert ids("category=logistics") == [catalog_model]
    assert ids("category=SUPPLY_CHAIN") == [private]
    assert ids("search=ROUTING") == [private]
    assert ids("search=supply-chain") == [private]
    assert ids("search=warehouse") == [catalog_model]
    assert ids("search=nothing-like-this") == []


def test_list_pagination(client):
    org = new_org()
    created = [create_private(client, org, name=f"model_{i}")["id"] for i in range(5)]
    pages = [call(client, "GET", f"/api/v2/models?page={p}&page_size=2", org)[1] for p in (1, 2, 3, 4)]
    assert [len(p["items"]) for p in pages] == [2, 2, 1, 0]
    assert all(p["total"] == 5 for p in pages)
    assert sorted(item["id"] for p in pages for item in p["items"]) == sorted(created)
    for bad in ("page=0", "page_size=101", "is_active=maybe", "unknown=1"):
        status, error = call(client, "GET", f"/api/v2/models?{bad}", org)
        assert (status, error["error"]) == (400, "bad_request"), bad


def test_create_private_model_as_in_the_spec(client):
    org = new_org()
    model = create_private(client, org, description="Internal supply chain routing optimizer",
                           category="supply_chain", tags=["internal", "supply-chain"])
    assert model["id"].startswith("exe_")
    assert (model["name"], model["catalog_id"], model["generator_type"], model["is_active"]) == (
        "supply_chain_optimizer", None, "template", True)
    status, fetched = call(client, "GET", f"/api/v2/models/{model['id']}", org)
    assert status == 200 and fetched == model


def test_create_rejects_unknown_generator_type_naming_the_allowed_ones(client):
    org = new_org()
    status, error = call(client, "POST", "/api/v2/models", org,
                         {"name": "x", "generator_type": "magic"})
    assert status == 400 and "template" in error["message"]


@pytest.mark.parametrize("body,field", [
    ({"generator_type": "template"}, "name"),
    ({"name": "x"}, "generator_type"),
    ({"name": "has spaces", "generator_type": "template"}, "name"),
    ({"name": "x", "generator_type": "template", "input_schema": {"type": "nonsense"}}, "input_schema.type"),
    ({"name": "x", "generator_type": "template", "input_schema": {"minimum": "three"}}, "input_schema.minimum"),
    ({"name": "x", "generator_type": "template", "custom_config": {"template": "nope"}}, "custom_config.template"),
    ({"name": "x", "generator_type": "template", "surprise": 1}, "surprise"),
    ({"name": "x", "generator_type": "template", "tags": "notalist"}, "tags"),
])
def test_create_validation_errors_name_the_field(client, body, field):
    org = new_org()
    status, error = call(client, "POST", "/api/v2/models", org, body)
    assert status == 400, error
    assert field in [detail["field"] for detail in error["details"]]
    _, page = call(client, "GET", "/api/v2/models", org)
    assert page["total"] == 0  # nothing written


def test_example_input_must_satisfy_the_given_schema(client):
    org = new_org()
    schema = {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}
    status, error = call(client, "POST", "/api/v2/models", org, {
        "name": "x", "generator_type": "template", "input_schema": schema, "example_input": {"n": "two"}})
    assert status == 400 and error["details"] == [
        {"field": "example_input.n", "message": "'two' is not of type 'integer'"}]


def test_private_model_schema_derives_fields_from_its_input_schema(client):
    org = new_org()
    schema = {"type": "object", "required": ["budget"],
              "properties": {"budget": {"type": "number", "title": "Budget (EUR)", "minimum": 0},
                             "note": {"type": "string"}}}
    model_id = create_private(client, org, input_schema=schema, example_input={"budget": 10})["id"]
    _, body = call(client, "GET", f"/api/v2/models/{model_id}/schema", org)
    assert body["input_schema"] == schema and body["example_input"] == {"budget": 10}
    assert body["input_fields"] == [
        {"name": "budget", "label": "Budget (EUR)", "type": "number", "required": True, "minimum": 0},
        {"name": "note", "label": "Note", "type": "string", "required": False},
    ]


def test_patch_updates_and_returns_status(client):
    org = new_org()
    model_id = activate(client, org)["id"]
    status, body = call(client, "PATCH", f"/api/v2/models/{model_id}", org,
                        {"custom_name": "My Warehouse Optimizer", "is_favorite": True,
                         "custom_config": {"region": "eu"}})
    assert (status, body) == (200, {"status": "updated"})
    _, model = call(client, "GET", f"/api/v2/models/{model_id}", org)
    assert (model["custom_name"], model["is_favorite"], model["custom_config"]) == (
        "My Warehouse Optimizer", True, {"region": "eu"})
    assert model["updated_at"] >= model["created_at"]
    _, schema = call(client, "GET", f"/api/v2/models/{model_id}/schema", org)
    assert schema["name"] == "My Warehouse Optimizer" and schema["custom_config"] == {"region": "eu"}
    call(client, "PATCH", f"/api/v2/models/{model_id}", org, {"custom_name": None})
    assert call(client, "GET", f"/api/v2/models/{model_id}", org)[1]["custom_name"] is None


@pytest.mark.parametrize("body", [{}, {"is_active": None}, {"is_favorite": "yes please"},
                                  {"name": "renamed"}, {"custom_config": [1, 2]}])
def test_patch_rejects_bad_bodies_without_writing(client, body):
    org = new_org()
    model_id = activate(client, org)["id"]
    _, before = call(client, "GET", f"/api/v2/models/{model_id}", org)
    status, error = call(client, "PATCH", f"/api/v2/models/{model_id}", org, body)
    assert (status, error["error"]) == (400, "bad_request")
    assert call(client, "GET", f"/api/v2/models/{model_id}", org)[1] == before


def test_unknown_model_is_404_everywhere(client):
    org = new_org()
    for method, suffix, body in [("GET", "", None), ("PATCH", "", {"is_favorite": True}),
                                 ("DELETE", "", None), ("GET", "/schema", None),
                                 ("POST", "/execute", {"input_data": {}})]:
        for model_id in ("exe_doesnotexist00", "mdl_abc", "anything"):
            status, error = call(client, method, f"/api/v2/models/{model_id}{suffix}", org, body)
            assert (status, error["error"]) == (404, "not_found"), (method, suffix, model_id)


def test_another_organizations_models_are_invisible(client):
    owner, intruder = new_org(name="Owner"), new_org(name="Intruder")
    model_id = activate(client, owner)["id"]
    private_id = create_private(client, owner)["id"]
    for target in (model_id, private_id):
        for method, suffix, body in [("GET", "", None), ("PATCH", "", {"is_active": False}),
                                     ("DELETE", "", None), ("GET", "/schema", None),
                                     ("POST", "/execute", {"input_data": get_template("warehouse_allocation").example_input})]:
            status, error = call(client, method, f"/api/v2/models/{target}{suffix}", intruder, body)
            assert status == 404 and target not in error["message"], (method, suffix)
    _, page = call(client, "GET", "/api/v2/models", intruder)
    assert page == {"items": [], "total": 0, "page": 1, "page_size": 20}
    # the owner's models are untouched by the attempts
    _, owned = call(client, "GET", "/api/v2/models?is_active=true", owner)
    assert owned["total"] == 2
    assert call(client, "GET", "/api/v2/organization", owner)[1]["credits"] == 100
    assert call(client, "GET", "/api/v2/organization", intruder)[1]["credits"] == 100
    # the intruder activating the same catalog model gets its own copy
    assert activate(client, intruder)["id"] != model_id
