"""Bad requests of every kind answer a clear 4xx JSON error and write nothing."""
import json

import pytest

from chalicelib.ids import catalog_id_for
from tests.api.helpers import call, new_org


@pytest.fixture
def org():
    return new_org(credits=10)


def models_total(client, org):
    return call(client, "GET", "/api/v2/models", org)[1]["total"]


@pytest.mark.parametrize("raw,fragment", [
    ("{not json", "not valid JSON"),
    ('{"name": "x", "generator_type": "template"', "not valid JSON"),
    ('{"name": NaN, "generator_type": "template"}', "NaN"),
    ('{"name": "x", "generator_type": "template", "example_input": {"v": Infinity}}', "Infinity"),
    ("[1, 2, 3]", "JSON object"),
    ('"a string"', "JSON object"),
    ("", "empty"),
    ("[" * 100 + "]" * 100, "nested"),
    ('{"a":' * 5000 + "1" + "}" * 5000, ""),
])
def test_malformed_bodies_are_400(client, org, raw, fragment):
    status, error = call(client, "POST", "/api/v2/models", org, raw)
    assert status == 400 and error["error"] == "bad_request"
    assert fragment in error["message"]
    assert models_total(client, org) == 0


def test_wrong_content_type_is_415(client, org):
    status, error = call(client, "POST", "/api/v2/models", org, "name=x",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (status, error["error"]) == (415, "unsupported_media_type")
    assert models_total(client, org) == 0


def test_unsupported_method_is_405(client, org):
    status, error = call(client, "PUT", "/api/v2/models", org, "{}")
    assert (status, error["error"]) == (405, "method_not_allowed")


def test_body_above_the_limit_is_413(client, org, monkeypatch):
    monkeypatch.setenv("JAOT_MAX_BODY_BYTES", "2048")
    from chalicelib.settings import get_settings

    get_settings.cache_clear()
    body = json.dumps({"name": "x", "generator_type": "template", "description": "d" * 4000})
    status, error = call(client, "POST", "/api/v2/models", org, body)
    assert (status, error["error"]) == (413, "payload_too_large")
    assert "2048" in error["message"]
    assert models_total(client, org) == 0


def test_unicode_names_and_wrong_types(client, org):
    status, model = call(client, "POST", "/api/v2/models", org, {
        "name": "lager", "display_name": "Lager Süd 倉庫 🚚", "generator_type": "template"})
    assert status == 201 and model["display_name"] == "Lager Süd 倉庫 🚚"
    status, error = call(client, "POST", "/api/v2/models", org, {"name": 12, "generator_type": ["template"]})
    assert status == 400 and {d["field"] for d in error["details"]} == {"name", "generator_type"}


def test_huge_arrays_are_refused_by_the_schema_limit(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    products = [{"name": f"p{i}", "demand": 1} for i in range(2001)]
    status, error = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org,
                         {"input_data": {"warehouses": [{"name": "E", "capacity": 1e6}], "products": products}})
    assert status == 400 and error["details"][0]["field"] == "input_data.products"
    assert "too long" in error["details"][0]["message"]
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 10


def test_every_error_has_the_envelope(client, org):
    for method, path, body in [("GET", "/api/v2/models/exe_nope", None),
                               ("POST", "/api/v2/models", "{bad"),
                               ("GET", "/api/v2/models/catalog?page=0", None)]:
        status, error = call(client, method, path, org, body)
        assert status >= 400 and set(error) == {"error", "message", "details"}


def executions_count(client, org):
    return len(call(client, "GET", "/api/v2/executions", org)[1]["items"])


def test_a_million_city_tsp_is_refused_at_once_naming_the_limit(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('tsp')}/activate", org)
    path = f"/api/v2/models/{model['id']}/execute"
    million = json.dumps({"input_data": {"cities": [{"name": f"c{i}", "x": i, "y": i} for i in range(1_000_000)]}})
    status, error = call(client, "POST", path, org, million)
    assert (status, error["error"]) == (413, "payload_too_large") and "5242880" in error["message"]
    over = {"input_data": {"cities": [{"name": f"c{i}", "x": i % 97, "y": i % 89} for i in range(2001)]}}
    status, error = call(client, "POST", path, org, over)
    assert status == 400 and error["details"][0]["field"] == "input_data.cities"
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 10
    assert executions_count(client, org) == 0


def test_negative_capacities_are_400_and_charge_nothing(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    status, error = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, {"input_data": {
        "warehouses": [{"name": "E", "capacity": -5, "cost_per_unit": 1}],
        "products": [{"name": "p", "demand": 1, "weight": 1}]}})
    assert status == 400 and error["details"][0]["field"] == "input_data.warehouses[0].capacity"
    assert executions_count(client, org) == 0


def test_null_for_a_field_that_may_only_be_left_out_is_400(client, org):
    # Found by fuzzing: a length limit applied to null raised inside pydantic (a 500).
    _, doc = call(client, "POST", "/api/v2/builder", org, {"name": "d"})
    status, error = call(client, "PUT", f"/api/v2/builder/{doc['id']}", org, {"name": None})
    assert status == 400 and error["error"] == "bad_request"
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('knapsack')}/activate", org)
    _, trigger = call(client, "POST", "/api/v2/triggers", org, {"name": "t", "type": "webhook", "model_id": model["id"]})
    status, error = call(client, "PATCH", f"/api/v2/triggers/{trigger['id']}", org, {"name": None})
    assert status == 400 and error["error"] == "bad_request"
