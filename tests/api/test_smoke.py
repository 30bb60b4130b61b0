from tests.api.helpers import call, new_org


def test_health(client):
    assert call(client, "GET", "/api/v2/health") == (200, {"status": "ok"})


def test_catalog_and_execute(client):
    org = new_org()
    status, page = call(client, "GET", "/api/v2/models/catalog")
    assert status == 200, page
    catalog_id = page["items"][0]["id"]
    status, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id}/activate", org)
    assert status == 200, model
    status, result = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org,
                          {"input_data": {"warehouses": [{"name": "E", "capacity": 10}],
                                          "products": [{"name": "A", "demand": 5}]}})
    assert status == 200, result
    print(result)
