"""Names: NUL, other controls, bidirectional overrides and isolates, and invisible format
characters in every user-visible name, label, description and tag (API keys, documents,
versions, models, triggers, canvas nodes, constraint names). Each must be a 400 naming
the field; names in any script (RTL letters, ZWJ emoji, ZWNJ in Persian) must still pass."""
from __future__ import annotations

import json
from typing import Any, Callable

CLASS = "names"

HOSTILE = ["nul\u0000", "\u202egnp.exe", "a\u202db", "a\u202ab\u202c", "x\u202by", "\u2066iso\u2069", "\u2067r\u2069",
           "\u2068fsi\u2069", "rlm\u200f", "lrm\u200e", "alm\u061c", "bell\u0007", "\u001b[2Jclear", "del\u007f",
           "c1\u0085", "c1\u009b", "cr\r", "\ufeffbom", "zw\u200bsp", "wj\u2060", "ls\u2028", "ps\u2029",
           "tag\U000e0041\U000e007f", "shy\u00ad", "\u2062times", "\u180emvs", "\ufff9anchor", "\u0600num",
           "\ud800lone", "\udfffhigh", "\u206adeprecated"]
MULTILINE_ONLY = ["line\nfeed", "tab\there"]
GOOD = ["Lager Süd", "מחסן ראשי", "مستودع رئيسي", "می\u200cخواهم", "👩\u200d💻 ops", "東京 depot", "naïve café"]
CANVAS = {"nodes": [{"id": "v1", "type": "variable", "data": {"name": "x", "upper": 10}},
                    {"id": "c1", "type": "constraint", "data": {"name": "limit", "expression": "x <= 4"}},
                    {"id": "o1", "type": "objective", "data": {"sense": "maximize", "expression": "x"}}],
          "edges": [{"id": "e1", "source": "v1", "target": "c1"}]}
MODEL_JSON = {"variables": [{"name": "x", "upper": 4}], "objective": {"sense": "maximize", "expression": "x"}}


def _canvas(where: str, text: str) -> dict:
    canvas = json.loads(json.dumps(CANVAS))
    if where == "id":
        canvas["nodes"][1]["id"] = text
    elif where == "type":
        canvas["nodes"][1]["type"] = text
    elif where == "edge":
        canvas["edges"][0]["id"] = text
    else:
        canvas["nodes"][1]["data"]["name"] = text
    return canvas


def _targets(ids: dict[str, str]) -> list[tuple[str, str, Callable[[str], Any], bool]]:
    """(method, path, body for a text, multi-line allowed)."""
    model = {"name": "m", "generator_type": "template", "custom_config": {"template": "tsp"}}
    trigger = {"name": "t", "type": "webhook", "model_id": ids["model"]}
    doc, version = ids["doc"], ids["version"]
    return [
        ("POST", "/api/v2/api-keys", lambda t: {"name": t}, False),
        ("POST", "/api/v2/builder", lambda t: {"name": t}, False),
        ("POST", "/api/v2/builder", lambda t: {"name": "d", "description": t}, True),
        ("PUT", f"/api/v2/builder/{doc}", lambda t: {"name": t}, False),
        ("PUT", f"/api/v2/builder/{doc}", lambda t: {"description": t}, True),
        ("POST", "/api/v2/builder", lambda t: {"name": "d", "canvas_json": _canvas("data", t)}, False),
        ("PUT", f"/api/v2/builder/{doc}", lambda t: {"canvas_json": _canvas("id", t)}, False),
        ("POST", f"/api/v2/builder/{doc}/versions", lambda t: {"canvas_json": _canvas("type", t)}, False),
        ("POST", f"/api/v2/builder/{doc}/compile", lambda t: {"canvas_json": _canvas("edge", t)}, False),
        ("POST", f"/api/v2/builder/{doc}/versions/{version}/restore",
         lambda t: {"current_canvas_json": _canvas("data", t)}, False),
        ("PATCH", f"/api/v2/builder/{doc}/versions/{version}", lambda t: {"version_name": t}, False),
        ("PATCH", f"/api/v2/builder/{doc}/versions/{version}",
         lambda t: {"version_name": "v", "version_description": t}, True),
        ("POST", "/api/v2/models", lambda t: {**model, "display_name": t}, False),
        ("POST", "/api/v2/models", lambda t: {**model, "description": t}, True),
        ("POST", "/api/v2/models", lambda t: {**model, "category": t}, False),
        ("POST", "/api/v2/models", lambda t: {**model, "tags": ["fine", t]}, False),
        ("POST", "/api/v2/models", lambda t: {**model, "name": t}, False),
        ("POST", "/api/v2/models", lambda t: {**model, "input_fields": [{"name": "cities", "label": t}]}, True),
        ("PATCH", f"/api/v2/models/{ids['model']}", lambda t: {"custom_name": t}, False),
        ("POST", "/api/v2/triggers", lambda t: {**trigger, "name": t}, False),
        ("POST", "/api/v2/triggers", lambda t: {**trigger, "description": t}, True),
        ("PATCH", f"/api/v2/triggers/{ids['trigger']}", lambda t: {"name": t}, False),
        ("PATCH", f"/api/v2/triggers/{ids['trigger']}", lambda t: {"description": t}, True),
        ("POST", "/api/v2/solve",
         lambda t: {"model": {**MODEL_JSON, "constraints": [{"name": t, "expression": "x <= 3"}]}}, False),
    ]


def run(api) -> tuple[int, int, list[str]]:
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization

    _, key = create_organization("names", 1000)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('tsp')}/activate", headers)
    _, doc, _ = api.call("POST", "/api/v2/builder", headers, {"name": "names", "canvas_json": CANVAS})
    _, version, _ = api.call("POST", f"/api/v2/builder/{doc['id']}/versions", headers, {"canvas_json": CANVAS})
    _, trigger, _ = api.call("POST", "/api/v2/triggers", headers, {"name": "t", "type": "webhook",
                                                                   "model_id": model["id"]})
    ids = {"model": model["id"], "doc": doc["id"], "version": version["id"], "trigger": trigger["id"]}
    tried = got_through = 0
    notes: list[str] = []
    for method, path, build, multiline in _targets(ids):
        for text in HOSTILE + ([] if multiline else MULTILINE_ONLY):
            tried += 1
            status, payload, _ = api.call(method, path, headers, build(text))
            if status != 400 or not (isinstance(payload, dict) and payload.get("details")):
                got_through += 1
                if len(notes) < 10:
                    notes.append(f"{method} {path} {text!r} -> {status} {json.dumps(payload)[:120]}")
    for text in GOOD:  # not attacks: refusing them would be a wrong answer too
        tried += 1
        status, payload, _ = api.call("POST", "/api/v2/triggers", headers,
                                      {"name": text, "description": f"{text}\n\tsecond line", "type": "webhook",
                                       "model_id": model["id"]})
        if status != 201 or payload.get("name") != text:
            got_through += 1
            notes.append(f"a good name was refused: {text!r} -> {status}")
        else:
            api.call("DELETE", f"/api/v2/triggers/{payload['id']}", headers)
    return tried, got_through, notes
