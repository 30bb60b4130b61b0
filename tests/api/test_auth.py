"""API keys (stored as hashes) and HS256 JWTs; every failure a 401 JSON."""
import time

import boto3
import jwt
import pytest

from chalicelib.settings import get_settings
from tests.api.helpers import call, new_org

ME = "/api/v2/organization"


def _token(org_id, secret=None, **claims):
    secret = secret or get_settings().jwt_secret
    payload = {"org_id": org_id, "sub": "user-1", "exp": int(time.time()) + 300, **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def test_api_key_reaches_its_organization(client):
    org = new_org(credits=42, name="Globex")
    status, body = call(client, "GET", ME, org)
    assert status == 200
    assert body == {"id": org.id, "name": "Globex", "credits": 42, "created_at": body["created_at"]}


def test_api_key_is_stored_only_as_a_hash(client):
    org = new_org()
    items = boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    dumped = str(items)
    assert org.key not in dumped
    assert org.key[len("ok_live_"):] not in dumped
    key_items = [item for item in items if item["PK"]["S"].startswith("APIKEY#")]
    assert len(key_items) == 1 and key_items[0]["prefix"]["S"] == org.key[:12]


def test_jwt_carries_the_organization(client):
    org = new_org(name="Initech")
    status, body = call(client, "GET", ME, headers={"Authorization": f"Bearer {_token(org.id)}"})
    assert status == 200 and body["id"] == org.id


@pytest.mark.parametrize("header", [
    None, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer ok_live_not-a-real-key",
    "Bearer ok_test_unknown", "Bearer not.a.jwt", "Token ok_live_abc",
])
def test_missing_or_bad_credentials_are_401_json(client, header):
    headers = {} if header is None else {"Authorization": header}
    status, body = call(client, "GET", ME, headers=headers)
    assert status == 401
    assert body["error"] == "unauthorized" and body["message"]


def test_expired_tampered_or_wrongly_signed_jwts_are_401(client):
    org = new_org()
    expired = _token(org.id, exp=int(time.time()) - 10)
    wrong_key = _token(org.id, secret="another-secret-another-secret-0123")
    header, payload, signature = _token(org.id).split(".")
    tampered = ".".join([header, _token("org_other", exp=int(time.time()) + 300).split(".")[1], signature])
    no_exp = jwt.encode({"org_id": org.id}, get_settings().jwt_secret, algorithm="HS256")
    none_alg = jwt.encode({"org_id": org.id, "exp": int(time.time()) + 60}, None, algorithm="none")
    unknown_org = _token("org_doesnotexist0000")
    not_an_org = _token("exe_123")
    for token in (expired, wrong_key, tampered, no_exp, none_alg, unknown_org, not_an_org):
        status, body = call(client, "GET", ME, headers={"Authorization": f"Bearer {token}"})
        assert status == 401, token
        assert body["error"] == "unauthorized"


def test_protected_routes_refuse_anonymous_callers(client):
    for method, path in [("GET", "/api/v2/models"), ("POST", "/api/v2/models"),
                         ("GET", "/api/v2/models/exe_x"), ("PATCH", "/api/v2/models/exe_x"),
                         ("DELETE", "/api/v2/models/exe_x"), ("GET", "/api/v2/models/exe_x/schema"),
                         ("POST", "/api/v2/models/exe_x/execute"),
                         ("POST", "/api/v2/models/catalog/mdl_x/activate"), ("GET", ME)]:
        status, body = call(client, method, path, body="{}")
        assert (status, body["error"]) == (401, "unauthorized"), (method, path)


def test_jwt_callers_can_activate_and_execute_and_are_recorded(client):
    from chalicelib.ids import catalog_id_for
    from chalicelib.store.executions import get_execution
    from chalicelib.templates import get_template

    org = new_org(credits=5)
    headers = {"Authorization": f"Bearer {_token(org.id, sub='ana@example.com')}"}
    status, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate",
                         headers=headers)
    assert status == 200 and model["organization_id"] == org.id
    status, result = call(client, "POST", f"/api/v2/models/{model['id']}/execute", headers=headers,
                          body={"input_data": get_template("warehouse_allocation").example_input})
    assert status == 200 and result["credits_used"] == 3
    assert get_execution(org.id, result["execution_id"]).started_by == "jwt:ana@example.com"
    assert call(client, "GET", ME, org)[1]["credits"] == 2
