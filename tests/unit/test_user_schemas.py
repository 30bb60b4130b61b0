"""input_validation: which user schemas are refused and where, and how the validator it
builds behaves (RE2 patterns with search semantics, no retrieval, bounded work), with no AWS."""
from __future__ import annotations

import urllib.request

import pytest
from jsonschema import Draft202012Validator
from referencing.exceptions import Unresolvable

from chalicelib.errors import BadRequest
from chalicelib.schemas.input_fields import input_fields_from_schema
from chalicelib.services import input_validation
from chalicelib.services.input_validation import SchemaProblem, check, check_is_json_schema, validate_input
from chalicelib.templates import all_templates


@pytest.fixture(autouse=True)
def opened(monkeypatch):
    """What anything tried to open (jsonschema's default retrieval uses urlopen); nothing is."""
    attempts = []

    def urlopen(request, *args, **kwargs):
        attempts.append(request)
        raise OSError("no fetching in tests")

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    yield attempts
    assert attempts == []


def problem(schema) -> tuple[tuple, str]:
    with pytest.raises(SchemaProblem) as caught:
        check(schema)
    return caught.value.path, caught.value.message


@pytest.mark.parametrize("schema, path", [
    ({"$ref": "file:///etc/passwd"}, ("$ref",)),
    ({"$ref": "HTTP://example.com/"}, ("$ref",)),
    ({"$ref": "urn:uuid:deadbeef-1234-00ff-ff00-4321feebdaed"}, ("$ref",)),
    ({"$ref": "s.json#/$defs/a"}, ("$ref",)),
    ({"$ref": ""}, ("$ref",)),
    ({"$ref": "#a", "$anchor": "a"}, ("$ref",)),
    ({"items": {"prefixItems": [{"$ref": "http://x/"}]}}, ("items", "prefixItems", 0, "$ref")),
    ({"definitions": {"a": {"$ref": "http://x/"}}}, ("definitions", "a", "$ref")),
    ({"$recursiveRef": "#"}, ("$recursiveRef",)),
    ({"$defs": {"a": {"$dynamicRef": "#/$defs/a"}}}, ("$defs", "a", "$dynamicRef")),
    ({"$defs": {"a": {"$id": "a.json"}}}, ("$defs", "a", "$id")),
    ({"$schema": "https://json-schema.org/draft/2019-09/schema"}, ("$schema",)),
    ({"not": {"$schema": "https://json-schema.org/draft/2020-12/schema"}}, ("not", "$schema")),
    ({"$ref": "#/$defs/a%2Fb", "$defs": {"a/b": {}}}, ("$ref",)),  # two segments, as referencing reads it
    ({"$ref": "#/dependencies/a", "dependencies": {"a": {"$ref": "http://x/"}}}, ("$ref",)),
    ({"$ref": "#/$defs/a/type", "$defs": {"a": {"type": "string"}}}, ("$ref",)),
    ({"if": {"$ref": "#"}}, ("if", "$ref")),
    ({"$defs": {"x": {"dependentSchemas": {"k": {"$ref": "#/$defs/x"}}}}}, ("$defs", "x", "dependentSchemas", "k", "$ref")),
    ({"pattern": "a" * 1001}, ("pattern",)),
    ({"pattern": "[z-a]"}, ("pattern",)),
    ({"properties": {"a": {"patternProperties": {"(?P=x)": {}}}}}, ("properties", "a", "patternProperties", "(?P=x)")),
    ({"type": "nonsense"}, ("type",)),
])
def test_refused_schemas_name_where(schema, path):
    assert problem(schema)[0] == path


def test_a_cycle_is_reported_at_one_of_its_references():
    path, message = problem({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}},
                             "properties": {"x": {"$ref": "#/$defs/a"}}})
    assert path in {("$defs", "a", "$ref"), ("$defs", "b", "allOf", 0, "$ref")}
    assert "never end" in message


@pytest.mark.parametrize("schema", [
    {"$id": "https://example.com/product.schema.json", "$schema": "https://json-schema.org/draft/2020-12/schema",
     "$defs": {"price": {"type": "number"}}, "properties": {"price": {"$ref": "#/$defs/price"}}},
    {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}},
    {"$defs": {"node": {"properties": {"next": {"$ref": "#/$defs/node"}}}}, "$ref": "#/$defs/node"},
    {"definitions": {"a~b/c": {"type": "integer"}}, "properties": {"x": {"$ref": "#/definitions/a~0b~1c"}}},
    {"allOf": [{"type": "object"}, {"$ref": "#/allOf/0"}]},
    {"default": {"$ref": "http://x/"}, "examples": [{"$id": "y"}], "const": {"$ref": "file:///etc/passwd"}},
    {"properties": {"$ref": {"type": "string"}, "$id": {"type": "string"}}},
    {"propertyNames": {"$ref": "#"}},
    {"pattern": "^\\p{Lu}\\w*$", "patternProperties": {"^x-": {}}},
])
def test_ordinary_schemas_pass(schema):
    check(schema)


def test_every_template_schema_passes_and_validates_its_example():
    for template in all_templates():
        check_is_json_schema(template.input_schema, "input_schema")
        validate_input(template.example_input, template.input_schema)


def test_the_validator_retrieves_nothing_even_without_the_checks():
    validator = input_validation._validator_class()({"$ref": "https://example.com/s.json"},
                                                   registry=input_validation._no_retrieval())
    with pytest.raises(Unresolvable):
        list(validator.iter_errors({}))


def errors(data, schema) -> list[dict]:
    try:
        validate_input(data, schema)
    except BadRequest as error:
        return error.details
    return []


@pytest.mark.parametrize("schema, good, bad", [
    ({"pattern": "b+"}, "abbbc", "ac"),  # search, not match
    ({"pattern": "^\\u00e9+$"}, "éé", "e"),  # ECMA-262 escapes
    ({"patternProperties": {"^n_": {"type": "integer"}}}, {"n_a": 1, "x": "s"}, {"n_a": "s"}),
    ({"patternProperties": {"^n_": {}}, "additionalProperties": False}, {"n_a": 1}, {"m": 1}),
    ({"properties": {"a": {}}, "patternProperties": {"^n_": {}}, "unevaluatedProperties": False},
     {"a": 1, "n_b": 2}, {"a": 1, "c": 2}),
    ({"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": False}, {"a": 1}, {"a": 1, "b": 2}),
    ({"prefixItems": [{}], "unevaluatedItems": False}, [1], [1, 2]),
    ({"uniqueItems": True}, [{"a": 1}, {"a": 2}, 1, True], [{"a": 1, "b": 2}, {"b": 2, "a": 1}]),
    ({"uniqueItems": True}, [[1, 2], [2, 1]], [1, 1.0]),
    ({"enum": [1, "a", {"k": [1]}]}, {"k": [1.0]}, True),
    ({"enum": [1, "a", None]}, 1.0, True),
    ({"enum": [True, None, "x"]}, None, 1),
    ({"enum": [False, 2.5]}, False, 0),
    ({"const": {"a": [1, 2]}}, {"a": [1, 2]}, {"a": [2, 1]}),
    ({"propertyNames": {"pattern": "^[a-z]+$"}}, {"abc": 1}, {"aB": 1}),
])
def test_keywords_agree_with_jsonschema(schema, good, bad):
    assert errors(good, schema) == [] and Draft202012Validator(schema).is_valid(good)
    assert errors(bad, schema) != [] and not Draft202012Validator(schema).is_valid(bad)


def test_backtracking_patterns_run_in_linear_time():
    details = errors({"s": "a" * 100_000 + "!"}, {"properties": {"s": {"pattern": "^(a+)+$"}}})
    assert details[0]["field"] == "input_data.s" and len(details[0]["message"]) <= 300


def test_a_lone_surrogate_is_matched_not_crashed_on():
    assert errors("\ud800", {"pattern": "^a$"})[0]["field"] == "input_data"


def test_work_that_multiplies_stops_at_the_budget():
    defs = {"d0": {"type": "string"}}
    for level in range(1, 40):
        defs[f"d{level}"] = {"anyOf": [{"$ref": f"#/$defs/d{level - 1}"}, {"$ref": f"#/$defs/d{level - 1}"}]}
    assert errors(1, {"$defs": defs, "$ref": "#/$defs/d39"}) == [
        {"field": "input_data", "message": "too costly to validate"}]


def test_data_deeper_than_the_limit_is_refused_before_validating():
    data: list = []
    for _ in range(input_validation.MAX_INPUT_DEPTH + 1):
        data = [data]
    assert errors(data, {"items": {"$ref": "#"}}) == [{"field": "input_data", "message": "nested too deeply"}]


def test_messages_never_carry_a_whole_large_input():
    details = errors({"xs": list(range(100_000))}, {"properties": {"xs": {"type": "object"}}})
    assert details[0]["field"] == "input_data.xs" and len(details[0]["message"]) <= 300
    assert details[0]["message"].endswith("is not of type 'object'")


def test_input_fields_of_recursive_schemas_end():
    tree = {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/n"}}},
            "$defs": {"n": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/n"}}}}}}
    fields = input_fields_from_schema(tree)
    depth = 0
    while fields and "item_fields" in fields[0]:
        fields, depth = fields[0]["item_fields"], depth + 1
    assert depth == 4
    assert input_fields_from_schema({"properties": {"a": {"anyOf": [True, {"type": "null"}]}}})[0]["name"] == "a"
