"""User JSON Schemas and regular expressions that try to reach outside the service or hang it.

Private models whose input_schema points at files and URLs, refers to itself, backtracks,
or multiplies work; the same schemas stored without checks (as an older version saved
them); hostile inputs against permissive schemas. Got through: any 2xx for a refused
schema, any 5xx, any attempt to open a URL or file, any answer carrying what a file
holds, and any answer slower than HANG_SECONDS.
"""
from __future__ import annotations

import json
import tempfile
import time
import urllib.request
from pathlib import Path

CLASS = "user schemas"
HANG_SECONDS = 1.0
CANARY = "canary-user-schemas-5b9e"


def _refused_schemas(secret_uri: str) -> list[tuple[str, dict]]:
    """(why, schema): each must be a 400 at creation naming a field under input_schema."""
    tree = {"type": "object", "properties": {"child": {"$ref": "#"}}}
    return [
        ("file ref", {"$ref": secret_uri}),
        ("proc environ ref", {"$ref": "file:///proc/self/environ"}),
        ("metadata ref", {"$ref": "http://169.254.169.254/latest/meta-data/iam/"}),
        ("https ref", {"$ref": "https://example.com/schema.json"}),
        ("scheme-relative ref", {"$ref": "//evil.example/s.json"}),
        ("relative ref", {"$ref": "other.json#"}),
        ("relative ref no fragment", {"$ref": "other.json"}),
        ("empty ref", {"$ref": ""}),
        ("anchor ref", {"$anchor": "a", "$ref": "#a"}),
        ("nested file ref", {"properties": {"a": {"items": {"$ref": secret_uri}}}}),
        ("ref in $defs", {"$defs": {"x": {"$ref": "http://evil.example/x"}}}),
        ("ref in allOf", {"allOf": [{"$ref": "file:///etc/passwd"}]}),
        ("ref in if/then", {"if": {"type": "object"}, "then": {"$ref": "http://evil.example/"}}),
        ("ref in dependentSchemas", {"dependentSchemas": {"a": {"$ref": "file:///etc/hosts"}}}),
        ("ref in propertyNames", {"propertyNames": {"$ref": "http://evil.example/"}}),
        ("dynamicRef", {"$dynamicRef": "#meta"}),
        ("dynamicRef remote", {"$dynamicRef": "https://json-schema.org/draft/2020-12/schema"}),
        ("recursiveRef", {"$recursiveRef": "#"}),
        ("nested $id", {"properties": {"a": {"$id": "http://evil.example/", "$ref": "#"}}}),
        ("$id in $defs", {"$defs": {"x": {"$id": "file:///etc/"}}, "$ref": "#/$defs/x"}),
        ("remote $schema", {"$schema": "http://evil.example/meta"}),
        ("draft-07 $schema", {"$schema": "http://json-schema.org/draft-07/schema#"}),
        ("nested $schema", {"properties": {"a": {"$schema": "http://evil.example/meta"}}}),
        ("metaschema ref", {"$ref": "https://json-schema.org/draft/2020-12/schema"}),
        ("ref nowhere", {"$ref": "#/$defs/missing"}),
        ("ref to non-schema", {"$ref": "#/properties", "properties": {"pattern": {"const": "(a+)+$"}}}),
        ("ref into data", {"$ref": "#/default", "default": {"$ref": "file:///etc/passwd"}}),
        ("self ref", {"$ref": "#"}),
        ("self in allOf", {"allOf": [{"$ref": "#"}]}),
        ("self in not", {"not": {"$ref": "#"}}),
        ("self in if", {"if": {"$ref": "#"}}),
        ("self in dependentSchemas", {"dependentSchemas": {"a": {"$ref": "#"}}}),
        ("mutual $defs", {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}]}},
                          "$ref": "#/$defs/a"}),
        ("three-cycle", {"$defs": {"a": {"oneOf": [{"$ref": "#/$defs/b"}]}, "b": {"not": {"$ref": "#/$defs/c"}},
                                   "c": {"allOf": [{"$ref": "#/$defs/a"}]}}}),
        ("cycle beside a tree", {**tree, "$defs": {"x": {"$ref": "#/$defs/x"}}}),
        ("backreference", {"properties": {"s": {"pattern": "^(a+)\\1$"}}}),
        ("lookahead", {"properties": {"s": {"pattern": "^(?=a)a+$"}}}),
        ("lookbehind", {"properties": {"s": {"pattern": "(?<!a)b"}}}),
        ("patternProperties backreference", {"patternProperties": {"(x)\\1": {}}}),
        ("pattern too long", {"properties": {"s": {"pattern": "a" * 1001}}}),
        ("pattern too large for RE2", {"properties": {"s": {"pattern": "((a{100}){100}){100}"}}}),
        ("invalid pattern", {"properties": {"s": {"pattern": "(unclosed"}}}),
    ]


def _exec_attacks() -> list[tuple[str, dict, dict]]:
    """(why, schema accepted at creation, input): execute must answer 4xx within HANG_SECONDS."""
    defs = {"d0": {"type": "string"}}
    for level in range(1, 40):
        defs[f"d{level}"] = {"anyOf": [{"$ref": f"#/$defs/d{level - 1}"}] * 2}
    tree = {"type": "object", "properties": {"child": {"$ref": "#"}}, "required": ["leaf"]}
    deep: dict = {"leaf": 1}
    for _ in range(60):
        deep = {"child": deep}
    key = "a" * 32 + "!"
    return [
        ("(a+)+ x30", {"properties": {"s": {"pattern": "^(a+)+$"}}}, {"s": "a" * 30 + "!"}),
        ("(a+)+ x5000", {"properties": {"s": {"pattern": "^(a+)+$"}}}, {"s": "a" * 5000 + "!"}),
        ("(a|aa)+", {"properties": {"s": {"pattern": "^(a|aa)+$"}}}, {"s": "a" * 60 + "!"}),
        ("(.*a){25}", {"properties": {"s": {"pattern": "^(.*a){25}$"}}}, {"s": "a" * 40 + "!"}),
        ("(\\w+\\s?)+", {"properties": {"s": {"pattern": "^(\\w+\\s?)+$"}}}, {"s": "ab " * 20 + "!"}),
        ("email-ish", {"properties": {"s": {"pattern": "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@)"}}},
         {"s": "a" * 40 + "!"}),
        ("propertyNames", {"propertyNames": {"pattern": "^(a+)+$"}}, {key: 1}),
        ("patternProperties", {"patternProperties": {"^(a+)+$": {"type": "string"}}}, {key: 1}),
        ("additionalProperties", {"patternProperties": {"^(a+)+$": {}}, "additionalProperties": False}, {key: 1}),
        ("unevaluatedProperties", {"patternProperties": {"^(a+)+$": {}}, "unevaluatedProperties": False},
         {key: 1}),
        ("pattern in items", {"items": {"pattern": "^(a+)+$"}, "type": "array"}, {"s": ["a" * 30 + "!"]}),
        ("format regex", {"properties": {"s": {"format": "regex"}}, "required": ["t"]}, {"s": "(a+)+$"}),
        ("exponential anyOf", {"$defs": defs, "properties": {"x": {"$ref": "#/$defs/d39"}}}, {"x": 1}),
        ("deep data, recursive schema", tree, deep),
        ("uniqueItems objects", {"properties": {"xs": {"uniqueItems": True}}, "required": ["t"]},
         {"xs": [{"i": i} for i in range(5_000)]}),
        ("unevaluatedItems", {"properties": {"xs": {"items": {}, "unevaluatedItems": False}}, "required": ["t"]},
         {"xs": list(range(50_000))}),
        ("big enum", {"properties": {"xs": {"items": {"enum": list(range(3000))}}}, "required": ["t"]},
         {"xs": [-1] * 5_000}),
        ("long required list", {"properties": {"xs": {"items": {"required": [f"k{i}" for i in range(3000)]}}},
                                "required": ["t"]}, {"xs": [{}] * 5_000}),
        ("lone surrogate", {"properties": {"s": {"pattern": "^a$"}}}, {"s": "\ud800"}),
    ]


def run(api) -> tuple[int, int, list[str]]:
    from chalicelib.clock import utc_now_iso
    from chalicelib.services.organizations import create_organization
    from chalicelib.store import org_models as model_store

    _, key = create_organization("user schemas", 100)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    tried, got_through, notes, opened = 0, 0, [], []
    slowest = (0.0, "")

    def urlopen(request, *args, **kwargs):
        opened.append(str(getattr(request, "full_url", request)))
        raise OSError("user schemas: nothing may be fetched")

    def attempt(why: str, method: str, path: str, body: dict, expect_field: str | None = None):
        nonlocal tried, got_through, slowest
        tried += 1
        before = len(opened)
        started = time.perf_counter()
        status, payload, _ = api.call(method, path, headers, body)
        seconds = time.perf_counter() - started
        slowest = max(slowest, (seconds, why))
        text = json.dumps(payload)
        fields = [d.get("field", "") for d in (payload or {}).get("details") or [] if isinstance(d, dict)]
        wrong = (not 400 <= status < 500 and f"answered {status}") or (
            seconds > HANG_SECONDS and f"took {seconds:.2f} s") or (
            len(opened) > before and f"opened {opened[before:]}") or (
            CANARY in text and "echoed a file") or (
            expect_field and not any(f.startswith(expect_field) for f in fields) and f"named {fields}")
        if wrong:
            got_through += 1
            notes.append(f"{why}: {wrong} {text[:160]}")
        return status, payload

    real_urlopen = urllib.request.urlopen
    urllib.request.urlopen = urlopen
    try:
        with tempfile.TemporaryDirectory() as folder:
            secret = Path(folder) / "secret.json"
            secret.write_text(json.dumps({"const": CANARY}))
            refused = _refused_schemas(secret.as_uri())
            for why, schema in refused:
                attempt(f"create: {why}", "POST", "/api/v2/models",
                        {"name": "hostile", "generator_type": "template", "custom_config": {"template": "knapsack"},
                         "input_schema": schema}, expect_field="input_schema")
            _, model, _ = api.call("POST", "/api/v2/models", headers, {
                "name": "stored", "generator_type": "template", "custom_config": {"template": "knapsack"},
                "input_schema": {"type": "object"}})
            for why, schema in refused:  # stored unchecked, as an older version would have
                model_store.update_org_model(model["organization_id"], model["id"], {"input_schema": schema},
                                             utc_now_iso())
                attempt(f"stored: {why}", "POST", f"/api/v2/models/{model['id']}/execute",
                        {"input_data": {"s": "aa", "child": {}}}, expect_field="input_schema")
            for why, schema, input_data in _exec_attacks():
                status, created, _ = api.call("POST", "/api/v2/models", headers, {
                    "name": "permissive", "generator_type": "template", "custom_config": {"template": "knapsack"},
                    "input_schema": schema})
                if status != 201:
                    tried += 1
                    got_through += 1
                    notes.append(f"execute: {why}: the schema was refused ({status}) {json.dumps(created)[:120]}")
                    continue
                attempt(f"execute: {why}", "POST", f"/api/v2/models/{created['id']}/execute",
                        {"input_data": input_data}, expect_field="input_data")
    finally:
        urllib.request.urlopen = real_urlopen
    notes.append(f"slowest answer {slowest[0] * 1000:.0f} ms ({slowest[1]})")
    return tried, got_through, notes
