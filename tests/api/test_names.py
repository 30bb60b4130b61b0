"""Names (issue 12, class 8): every user-visible name, label, description and tag refuses
control characters, bidirectional overrides and isolates and other invisible format
characters, with a 400 naming the field; descriptions may hold line feeds and tabs."""
from __future__ import annotations

import json

import pytest

from chalicelib.ids import catalog_id_for
from tests.api.builder_helpers import node, production_canvas
from tests.api.helpers import call, new_org
from tests.engine.test_generic import TEXTBOOK

HOSTILE = {
    "nul": "ops\u0000team",
    "right-to-left override": "invoice\u202egpj.exe",
    "left-to-right override": "a\u202db",
    "embedding": "a\u202ab\u202c",
    "isolates": "a\u2066b\u2069c\u2067d\u2068",
    "marks": "a\u200fb\u200ec",
    "arabic letter mark": "a\u061cb",
    "bell": "ding\u0007",
    "escape": "\u001b[31mred",
    "delete": "del\u007f",
    "C1 control": "next\u0085line",
    "line feed": "two\nlines",
    "carriage return": "back\rspace",
    "tab": "a\tb",
    "byte order mark": "\ufeffbom",
    "zero width space": "ad\u200bmin",
    "word joiner": "ad\u2060min",
    "line separator": "a\u2028b",
    "paragraph separator": "a\u2029b",
    "tag characters": "hi\U000e0041\U000e0042",
    "soft hyphen": "ad\u00admin",
    "lone surrogate": "a\ud800b",
    "invisible times": "a\u2062b",
}
DESCRIPTION_HOSTILE = {k: v for k, v in HOSTILE.items() if k not in ("line feed", "tab")}

GOOD_NAMES = ["Lager Süd", "מחסן ראשי", "مستودع", "می\u200cخواهم", "👩\u200d💻 team", "東京 depot", "a-b_c.d (2)",
              "café \u00a0 nbsp"]


@pytest.fixture
def world(client):
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    _, doc = call(client, "POST", "/api/v2/builder", org, {"name": "Plan", "canvas_json": production_canvas()})
    _, version = call(client, "POST", f"/api/v2/builder/{doc['id']}/versions", org,
                      {"canvas_json": production_canvas()})
    _, trigger = call(client, "POST", "/api/v2/triggers", org, {"name": "t", "type": "webhook", "model_id": model["id"]})
    return {"org": org, "model": model["id"], "doc": doc["id"], "version": version["id"], "trigger": trigger["id"]}


def canvas_named(text: str, where: str) -> dict:
    canvas = production_canvas()
    if where == "node id":
        canvas["nodes"][4]["id"] = text
    elif where == "edge":
        canvas["edges"][0]["target"] = text
    else:
        canvas["nodes"][4]["data"]["name"] = text  # the constraint "spread"
    return canvas


def model_create(**fields):
    return {"name": "m", "generator_type": "template", "custom_config": {"template": "tsp"}, **fields}


# (method, path, body builder, field the 400 must name, is a description)
ROUTES = [
    ("POST", "/api/v2/api-keys", lambda t: {"name": t}, "name", False),
    ("POST", "/api/v2/builder", lambda t: {"name": t}, "name", False),
    ("POST", "/api/v2/builder", lambda t: {"name": "d", "description": t}, "description", True),
    ("PUT", "/api/v2/builder/{doc}", lambda t: {"name": t}, "name", False),
    ("PUT", "/api/v2/builder/{doc}", lambda t: {"description": t}, "description", True),
    ("POST", "/api/v2/builder", lambda t: {"name": "d", "canvas_json": canvas_named(t, "data")}, "canvas_json", False),
    ("PUT", "/api/v2/builder/{doc}", lambda t: {"canvas_json": canvas_named(t, "node id")}, "canvas_json", False),
    ("POST", "/api/v2/builder/{doc}/versions", lambda t: {"canvas_json": canvas_named(t, "edge")}, "canvas_json", False),
    ("POST", "/api/v2/builder/{doc}/versions", lambda t: {"canvas_json": canvas_named(t, "data")}, "canvas_json",
     False),
    ("PATCH", "/api/v2/builder/{doc}/versions/{version}", lambda t: {"version_name": t}, "version_name", False),
    ("PATCH", "/api/v2/builder/{doc}/versions/{version}", lambda t: {"version_name": "v", "version_description": t},
     "version_description", True),
    ("POST", "/api/v2/models", lambda t: model_create(display_name=t), "display_name", False),
    ("POST", "/api/v2/models", lambda t: model_create(description=t), "description", True),
    ("POST", "/api/v2/models", lambda t: model_create(category=t), "category", False),
    ("POST", "/api/v2/models", lambda t: model_create(tags=["ok", t]), "tags[1]", False),
    ("POST", "/api/v2/models", lambda t: model_create(input_fields=[{"name": "cities", "label": "Cities " + t}]),
     "input_fields", True),
    ("PATCH", "/api/v2/models/{model}", lambda t: {"custom_name": t}, "custom_name", False),
    ("POST", "/api/v2/triggers", lambda t: {"name": t, "type": "webhook", "model_id": "{model}"}, "name", False),
    ("POST", "/api/v2/triggers", lambda t: {"name": "t", "description": t, "type": "webhook", "model_id": "{model}"},
     "description", True),
    ("PATCH", "/api/v2/triggers/{trigger}", lambda t: {"name": t}, "name", False),
    ("PATCH", "/api/v2/triggers/{trigger}", lambda t: {"description": t}, "description", True),
    ("POST", "/api/v2/solve", lambda t: {"model": {**TEXTBOOK, "constraints": [{"name": t, "expression": "x <= 3"}]}},
     "model.constraints[0].name", False),
]
def fill(value, world):
    text = json.dumps(value)
    for name in ("model", "doc", "version", "trigger"):
        text = text.replace("{" + name + "}", world[name])
    return text


@pytest.mark.parametrize("route", ROUTES, ids=[f"{r[0]} {r[1]} {r[3]}" for r in ROUTES])
def test_hostile_characters_are_a_400_naming_the_field(client, world, route):
    method, path, build, field, is_description = route
    for label, text in (DESCRIPTION_HOSTILE if is_description else HOSTILE).items():
        status, error = call(client, method, fill(path, world)[1:-1], world["org"], fill(build(text), world))
        assert status == 400, (label, status, error)
        assert error["error"] == "bad_request"
        named = [detail["field"] for detail in error["details"] or []]
        # a canvas is checked as a whole: the detail names the node (`canvas_json.nodes[4].data`)
        assert any(name == field or name.startswith(field + ".") for name in named), (label, error)


def test_nothing_is_written_when_a_name_is_refused(client, world):
    org = world["org"]
    for method, path, build, _, _ in ROUTES:
        assert call(client, method, fill(path, world)[1:-1], org, fill(build("x\u202ey"), world))[0] == 400
    assert call(client, "GET", "/api/v2/builder", org)[1]["items"][0]["name"] == "Plan"
    assert call(client, "GET", "/api/v2/triggers", org)[1]["items"][0]["name"] == "t"
    assert len(call(client, "GET", "/api/v2/api-keys", org)[1]["items"]) == 1
    assert call(client, "GET", "/api/v2/models", org)[1]["total"] == 1
    assert len(call(client, "GET", f"/api/v2/builder/{world['doc']}/versions", org)[1]) == 1


@pytest.mark.parametrize("text", GOOD_NAMES)
def test_names_in_every_script_are_kept_as_sent(client, world, text):
    org = world["org"]
    status, key = call(client, "POST", "/api/v2/api-keys", org, {"name": text})
    assert status == 201 and key["name"] == text
    status, doc = call(client, "POST", "/api/v2/builder", org, {"name": text, "description": f"{text}\nsecond\tline"})
    assert status == 201 and (doc["name"], doc["description"]) == (text, f"{text}\nsecond\tline")
    status, trigger = call(client, "PATCH", f"/api/v2/triggers/{world['trigger']}", org, {"name": text})
    assert status == 200 and trigger["name"] == text
    status, _ = call(client, "PATCH", f"/api/v2/models/{world['model']}", org, {"custom_name": text})
    assert status == 200 and call(client, "GET", f"/api/v2/models/{world['model']}", org)[1]["custom_name"] == text


def test_the_shared_types_say_which_character_and_where():
    from pydantic import TypeAdapter, ValidationError

    from chalicelib.schemas.common import Name, Text

    with pytest.raises(ValidationError, match="U\\+202E at position 7"):
        TypeAdapter(Name).validate_python("invoice\u202egpj.exe")
    assert TypeAdapter(Text).validate_python("a\nb\tc") == "a\nb\tc"
    with pytest.raises(ValidationError, match="U\\+000D"):
        TypeAdapter(Text).validate_python("a\r\nb")


def test_a_canvas_constraint_name_too_long_is_a_compile_problem_not_a_500(client, world):
    canvas = production_canvas()
    canvas["nodes"][4]["data"]["name"] = "c" * 500
    status, result = call(client, "POST", f"/api/v2/builder/{world['doc']}/compile", world["org"],
                          {"canvas_json": canvas})
    assert status == 400 and result["details"][0]["node_id"] == "c2", result
    canvas["nodes"][4]["data"]["name"] = {"not": "text"}
    assert call(client, "POST", f"/api/v2/builder/{world['doc']}/compile", world["org"], {"canvas_json": canvas})[0] == 400


def test_node_names_survive_as_data(client, world):
    """A canvas node's name is checked only when it is text: other data stays free-form."""
    canvas = {"nodes": [node("n", "note", name=None, text="any\nthing")], "edges": []}
    assert call(client, "PUT", f"/api/v2/builder/{world['doc']}", world["org"], {"canvas_json": canvas})[0] == 200
