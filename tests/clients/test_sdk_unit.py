"""The SDK without a server: kept in step with the API's OpenAPI document, its webhook
signatures against the server's signer, the model builder against /solve's schema, the
retry rules against a scripted transport, and where settings come from."""
from __future__ import annotations

import json
import time

import httpx
import pytest

import jaot
from jaot import _config, types, webhooks
from jaot._transport import Transport
from jaot.client import NOT_API_ROUTES, ROUTES

from app import app
from chalicelib import signing
from chalicelib.api.openapi import build_document
from chalicelib.engine.linear_model import LinearModel


@pytest.fixture(scope="module")
def document():
    return build_document(app)


def test_every_route_of_the_openapi_document_has_an_sdk_method(document):
    served = {(method.upper(), path) for path, operations in document["paths"].items() for method in operations}
    missing = sorted(served - set(ROUTES) - NOT_API_ROUTES)
    stale = sorted(set(ROUTES) - served)
    assert not missing, f"add these routes to clients/python/src/jaot/client.py ROUTES (and a method): {missing}"
    assert not stale, f"the SDK maps routes the API does not serve: {stale}"
    client = jaot.Client(api_key="ok_test_x", base_url="http://127.0.0.1:9")
    for route, method in ROUTES.items():
        target = client
        for part in method.split("."):
            target = getattr(target, part, None)
        assert callable(target), f"{route}: jaot.Client has no method {method}"


def _schema_names(schema: dict) -> set[str]:
    found = set()
    if "$ref" in schema:
        found.add(schema["$ref"].rsplit("/", 1)[-1])
    for value in schema.values():
        if isinstance(value, dict):
            found |= _schema_names(value)
    return found


def test_every_response_schema_has_an_sdk_model_with_all_its_fields(document):
    schemas = document["components"]["schemas"]
    responses = set()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if (method.upper(), path) in NOT_API_ROUTES:
                continue
            for status, response in operation["responses"].items():
                if status.startswith("2"):
                    for media in response.get("content", {}).values():
                        responses |= _schema_names(media["schema"])
    pending, seen = list(responses), set()
    while pending:  # and the schemas they hold (a result inside an execution...)
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        pending += [child for child in _schema_names(schemas[name]) if child not in seen]
    missing = sorted(seen - set(types.SCHEMAS))
    assert not missing, f"add SDK models for {missing} to clients/python/src/jaot/types.py SCHEMAS"
    for name in seen:
        properties = set(schemas[name].get("properties", {}))
        model = types.SCHEMAS[name]
        known = {info.alias or field for field, info in model.model_fields.items()}
        assert properties <= known, f"jaot.types model for {name} lacks {sorted(properties - known)}"


def test_the_webhook_helper_verifies_what_the_server_signs_and_the_server_what_it_signs():
    secret, body, now = signing.new_secret(), b'{"orders": [1, 2]}', int(time.time())
    header = signing.sign(secret, body, now)
    event = webhooks.verify(secret, body, header, now=now)
    assert event.timestamp == now and event.body_sha256 == signing.verify(secret, body, header, now).body_sha256
    ours = webhooks.sign(secret, body, now)
    assert ours == header and signing.verify(secret, body, ours, now)
    rotated = f" v1={'0' * 64} , t={now},v0=legacy,{header.split(',')[1]}"
    assert webhooks.verify(secret, body, rotated, now=now).event_key == event.event_key


@pytest.mark.parametrize("header", [
    None, "", "t=1", "v1=" + "a" * 64, "t=01,v1=" + "a" * 64, "t=1,t=1,v1=" + "a" * 64, "t=1,v1=ABC",
    "t=1,v1=" + "a" * 64 + ",V1=x", "t =1,v1=" + "a" * 64, "x" * 1025])
def test_malformed_headers_are_refused_by_both_alike(header):
    with pytest.raises(jaot.WebhookSignatureError):
        webhooks.verify("whsec_x", b"{}", header, now=1)
    with pytest.raises(signing.SignatureError):
        signing.verify("whsec_x", b"{}", header, 1)


def test_wrong_body_secret_or_time_is_refused():
    secret, body, now = "whsec_abc", b"{}", 1_800_000_000
    header = webhooks.sign(secret, body, now)
    for args, words in [((secret, b"{ }", header, now), "does not match"),
                        (("whsec_other", body, header, now), "does not match"),
                        ((secret, body, header, now + 301), "old"),
                        ((secret, body, header, now - 301), "future")]:
        with pytest.raises(jaot.WebhookSignatureError, match=words):
            webhooks.verify(*args[:3], now=args[3])


def test_the_model_builder_writes_what_solve_accepts():
    m = jaot.Model()
    x = m.var("x", lb=0, integer=True)
    y = m.var("y", lb=0, ub=4)
    z = m.var("pick[1]", binary=True)
    m.add(2 * x + y <= 10, name="cap")
    m.add(x - 3 >= -y + z * 2)
    m.add(x == 2 * y - 1, name="tie")
    m.maximize(3 * x + 2 * y + 5 - z / 2)
    model = m.to_json()
    LinearModel.model_validate(model)  # the server's own schema
    assert model["variables"] == [{"name": "x", "type": "integer", "lower": 0, "upper": None},
                                   {"name": "y", "type": "continuous", "lower": 0, "upper": 4},
                                   {"name": "pick[1]", "type": "binary"}]
    assert model["constraints"][0] == {"name": "cap", "terms": [{"variable": "x", "coefficient": 2.0},
                                                                {"variable": "y", "coefficient": 1.0}],
                                       "sense": "<=", "rhs": 10.0}
    assert model["constraints"][1] == {"terms": [{"variable": "x", "coefficient": 1.0},
                                                 {"variable": "y", "coefficient": 1.0},
                                                 {"variable": "pick[1]", "coefficient": -2.0}],
                                       "sense": ">=", "rhs": 3.0}
    assert model["constraints"][2]["rhs"] == -1.0 and model["constraints"][2]["sense"] == "=="
    assert model["objective"] == {"sense": "maximize", "constant": 5.0, "terms": [
        {"variable": "x", "coefficient": 3.0}, {"variable": "y", "coefficient": 2.0},
        {"variable": "pick[1]", "coefficient": -0.5}]}
    with pytest.raises(TypeError):
        x * y
    with pytest.raises(ValueError):
        m.var("x")
    with pytest.raises(ValueError):
        m.var("2bad")
    with pytest.raises(TypeError):
        bool(x <= 1)


class Script:
    """An httpx transport answering from a list of (status, body, headers) or exceptions."""

    def __init__(self, *answers):
        self.answers, self.requests = list(answers), []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, body, headers = answer
        return httpx.Response(status, json=body, headers=headers)


def transport(script: Script) -> Transport:
    t = Transport("http://jaot.test/api/v2", "ok_test_key", max_retries=3,
                  http=httpx.Client(transport=httpx.MockTransport(script)))
    t.sleeps = []
    t.sleep = t.sleeps.append
    return t


RESULT = {"status": "optimal", "solver": "GLOP", "solve_time_ms": 1, "execution_id": "exc_1",
          "credits_used": 1, "created_at": "2026-01-01T00:00:00Z"}
BUSY = {"error": "service_unavailable", "message": "busy", "details": None}


def test_429_and_503_are_retried_with_retry_after_and_one_idempotency_key():
    script = Script((429, {"error": "too_many_requests", "message": "slow", "details": None}, {"Retry-After": "7"}),
                    (503, BUSY, {"Retry-After": "1"}), (200, RESULT, {}))
    t = transport(script)
    reply = t.request("POST", "/solve", body={"lp": "max: x;"}, replay_safe=True)
    assert reply.status == 200 and t.sleeps == [7.0, 1.0]
    keys = {request.headers["Idempotency-Key"] for request in script.requests}
    assert len(script.requests) == 3 and len(keys) == 1 and keys.pop().startswith("jaot-")
    assert script.requests[0].headers["Authorization"] == "Bearer ok_test_key"


def test_a_read_failure_is_retried_only_where_a_replay_is_harmless():
    script = Script(httpx.ReadTimeout("slow"), (200, RESULT, {}))
    assert transport(script).request("POST", "/solve", body={}, replay_safe=True).status == 200
    script = Script(httpx.ReadTimeout("slow"), (201, {}, {}))
    with pytest.raises(jaot.ConnectionFailed):  # creating a trigger twice would make two
        transport(script).request("POST", "/triggers", body={})
    script = Script(httpx.ConnectError("refused"), (201, {}, {}))  # never sent: safe anywhere
    assert transport(script).request("POST", "/triggers", body={}).status == 201


def test_retries_end_and_raise_the_typed_error_with_its_details():
    script = Script(*[(503, BUSY, {"Retry-After": "0"})] * 4)
    with pytest.raises(jaot.ServiceUnavailable) as raised:
        transport(script).request("GET", "/organization")
    assert raised.value.status == 503 and len(script.requests) == 4
    details = [{"field": "options.time_limit_s", "message": "at most 60"}]
    script = Script((400, {"error": "bad_request", "message": "Request is invalid", "details": details}, {}))
    with pytest.raises(jaot.BadRequest) as raised:
        transport(script).request("POST", "/solve", body={})
    assert raised.value.code == "bad_request" and raised.value.field_errors[0].field == "options.time_limit_s"
    assert len(script.requests) == 1
    script = Script((402, {"error": "insufficient_credits", "message": "no", "details": {"required": 3,
                                                                                        "balance": 1}}, {}))
    with pytest.raises(jaot.InsufficientCredits) as raised:
        transport(script).request("POST", "/solve", body={})
    assert (raised.value.required, raised.value.balance) == (3, 1)


def test_settings_come_from_arguments_then_environment_then_the_config_file(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('api_key = "ok_test_file"\nbase_url = "https://file.example"\n'
                      '[profiles.staging]\napi_key = "ok_test_staging"\n')
    monkeypatch.setenv("JAOT_CONFIG", str(config))
    monkeypatch.delenv("JAOT_API_KEY", raising=False)
    monkeypatch.delenv("JAOT_BASE_URL", raising=False)
    monkeypatch.delenv("JAOT_PROFILE", raising=False)
    assert _config.resolve() == _config.Settings("ok_test_file", "https://file.example/api/v2")
    assert _config.resolve(profile="staging").api_key == "ok_test_staging"
    monkeypatch.setenv("JAOT_API_KEY", "ok_test_env")
    monkeypatch.setenv("JAOT_BASE_URL", "http://env.example:8000/api/v2/")
    assert _config.resolve() == _config.Settings("ok_test_env", "http://env.example:8000/api/v2")
    assert _config.resolve(api_key="ok_test_arg").api_key == "ok_test_arg"
    config.write_text("api_key = ")
    monkeypatch.delenv("JAOT_API_KEY")
    with pytest.raises(jaot.ConfigurationError):
        _config.resolve()
    monkeypatch.setenv("JAOT_CONFIG", str(tmp_path / "none.toml"))
    with pytest.raises(jaot.ConfigurationError, match="No API key"):
        jaot.Client(require_key=True)


def test_the_sdk_never_imports_the_server():
    """Installed as pip installs it, imported away from the checkout: it needs httpx and pydantic only."""
    import subprocess
    import sys

    from tests.clients.sdk_install import installed_sdk, sdk_environment

    code = ("import sys, jaot, jaot.cli; loaded = [m for m in sys.modules if m.split('.')[0] in "
            "('chalicelib', 'chalice', 'ortools', 'boto3')]; assert not loaded, loaded; print(jaot.__file__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=sdk_environment(), cwd=installed_sdk().parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(installed_sdk()))


def test_json_of_a_result_model_round_trips():
    result = types.OptimizationResult.model_validate({**RESULT, "solution": {"variables": {"x": 1.5}},
                                                      "future_field": 1})
    assert result.variables == {"x": 1.5} and json.loads(result.model_dump_json())["future_field"] == 1
