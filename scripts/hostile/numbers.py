"""Numbers and types: numbers JSON can write but no solver can use (1e400 decodes to infinity,
400-digit integers, 1e16), numbers that overflow once computed (1e300*1e300*x, MPS 1e308),
and values of the wrong type (`"5"`, `true`, `"yes"`, 2.0 for an integer) on every route that
takes a body or a query. Each must be a 400 naming a field; an answer holding NaN or
Infinity, or a refused model at the edge of the range, counts as got through too."""
from __future__ import annotations

import json
import math
from typing import Any

CLASS = "numbers and types"

NUM = "@NUM@"
BAD_NUMBERS = ["1e400", "-1e400", "1.8e308", "1e309", "-1E999", "1" + "0" * 400, "-" + "9" * 399, "1" + "0" * 4500,
               "1e16", "-1.0000000000000002e15", "9007199254740993", "123456789012345678901234567890"]
WRONG_TYPES = {  # what a field of each kind must refuse
    "number": ['"5"', "true", "false", '"1e3"', "[]", "{}", '"NaN"', '"Infinity"', "[5]", '"0x10"'],
    "integer": ['"5"', "true", "2.5", "2.0", "1e2", '"7"', "[]"],
    "boolean": ['"true"', '"false"', "1", "0", '"yes"', '"on"', "[]", "{}", "1.0", "null"],
}
TEXTBOOK = {"variables": [{"name": "x"}, {"name": "y"}], "parameters": {"cap": 14},
            "constraints": [{"name": "capacity", "expression": "x + 2*y <= cap"},
                            {"name": "spread", "expression": "x - y <= 2"}],
            "objective": {"sense": "maximize", "expression": "3*x + 4*y"}}
CANVAS = {"nodes": [{"id": "v1", "type": "variable", "data": {"name": "x", "upper": 10}},
                    {"id": "p1", "type": "parameter", "data": {"name": "cap", "value": 4}},
                    {"id": "c1", "type": "constraint", "data": {"expression": "x <= cap"}},
                    {"id": "o1", "type": "objective", "data": {"sense": "maximize", "expression": "x"}}],
          "edges": []}
WAREHOUSES = {"warehouses": [{"name": "E", "capacity": 500, "cost_per_unit": 2.5}],
              "products": [{"name": "A", "demand": 200, "weight": 1.5}]}


def _with(value: Any, path: tuple, placeholder: str = NUM) -> Any:
    """A copy of `value` with the item at `path` replaced by the placeholder."""
    if not path:
        return placeholder
    copy = json.loads(json.dumps(value))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = placeholder
    return copy


def _text(body: Any, replacement: str) -> str:
    return json.dumps(body).replace(f'"{NUM}"', replacement)


def _number_slots(ids: dict[str, str]) -> list[tuple[str, str, Any]]:
    """(method, path, body with NUM where a number goes): every route's numeric fields."""
    canvas_value = _with(CANVAS, ("nodes", 1, "data", "value"))
    canvas_bound = _with(CANVAS, ("nodes", 0, "data", "upper"))
    return [
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "parameters": {"cap": NUM}}),
        ("POST", "/api/v2/solve", {"model": _with(TEXTBOOK, ("variables", 0, "lower"))}),
        ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "objective": {"terms": [{"variable": "x", "coefficient": NUM}]}}}),
        ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "constraints": [
            {"terms": [{"variable": "x", "coefficient": 1}], "sense": "<=", "rhs": NUM}]}}),
        ("POST", "/api/v2/solve", {"model": {**TEXTBOOK, "objective": {"expression": "x", "constant": NUM}}}),
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"time_limit_s": NUM}}),
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"relative_gap": NUM}}),
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"seed": NUM}}),
        ("POST", f"/api/v2/models/{ids['model']}/execute",
         {"input_data": _with(WAREHOUSES, ("warehouses", 0, "capacity"))}),
        ("POST", f"/api/v2/models/{ids['model']}/execute",
         {"input_data": _with(WAREHOUSES, ("products", 0, "weight"))}),
        ("POST", f"/api/v2/models/{ids['model']}/execute", {"input_data": WAREHOUSES, "options": {"num_workers": NUM}}),
        ("POST", f"/api/v2/models/{ids['builder_model']}/execute", {"input_data": {"cap": NUM}}),
        ("POST", "/api/v2/builder", {"name": "n", "canvas_json": canvas_value}),
        ("PUT", f"/api/v2/builder/{ids['doc']}", {"canvas_json": canvas_bound}),
        ("POST", f"/api/v2/builder/{ids['doc']}/versions", {"canvas_json": canvas_value}),
        ("POST", f"/api/v2/builder/{ids['doc']}/compile", {"canvas_json": canvas_bound}),
        ("POST", f"/api/v2/builder/{ids['doc']}/execute", {"parameters": {"cap": NUM}}),
        ("POST", f"/api/v2/builder/{ids['doc']}/versions/{ids['version']}/restore", {"current_canvas_json": canvas_value}),
        ("POST", "/api/v2/models", {"name": "m", "generator_type": "template", "example_input": {"a": [NUM]}}),
        ("PATCH", f"/api/v2/models/{ids['model']}", {"custom_config": {"template": "tsp", "k": NUM}}),
        ("POST", "/api/v2/triggers", {"name": "t", "type": "webhook", "model_id": ids["model"],
                                      "options": {"time_limit_s": NUM}}),
        ("PATCH", f"/api/v2/triggers/{ids['trigger']}", {"input_data": {"cap": NUM}}),
    ]


def _type_slots(ids: dict[str, str]) -> list[tuple[str, str, Any, str]]:
    """Fields where a value of the wrong JSON type must be refused, not coerced, and their kind."""
    return [
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"time_limit_s": NUM}}, "number"),
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "options": {"num_workers": NUM}}, "integer"),
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "async": NUM}, "boolean"),
        ("POST", "/api/v2/solve", {"model": TEXTBOOK, "parameters": {"cap": NUM}}, "number"),
        ("POST", "/api/v2/solve", {"model": _with(TEXTBOOK, ("variables", 0, "upper"))}, "number"),
        ("POST", f"/api/v2/models/{ids['model']}/execute", {"input_data": WAREHOUSES, "async": NUM}, "boolean"),
        ("POST", f"/api/v2/models/{ids['model']}/execute", {"input_data": WAREHOUSES, "options": {"seed": NUM}},
         "integer"),
        ("POST", f"/api/v2/models/{ids['builder_model']}/execute", {"input_data": {"cap": NUM}}, "number"),
        ("POST", f"/api/v2/builder/{ids['doc']}/execute", {"parameters": {"cap": NUM}}, "number"),
        ("POST", f"/api/v2/builder/{ids['doc']}/execute", {"async": NUM}, "boolean"),
        ("PUT", f"/api/v2/builder/{ids['doc']}", {"is_active": NUM}, "boolean"),
        ("PATCH", f"/api/v2/models/{ids['model']}", {"is_favorite": NUM}, "boolean"),
        ("POST", "/api/v2/triggers", {"name": "t", "type": "webhook", "model_id": ids["model"], "is_enabled": NUM},
         "boolean"),
        ("PATCH", f"/api/v2/triggers/{ids['trigger']}", {"options": {"time_limit_s": NUM}}, "number"),
        ("PATCH", f"/api/v2/triggers/{ids['trigger']}", {"is_enabled": NUM}, "boolean"),
    ]


OVERFLOWS = [
    {"model": {**TEXTBOOK, "objective": {"sense": "maximize", "expression": "1" + "0" * 400 + "*x"}}},
    {"model": {**TEXTBOOK, "objective": {"sense": "maximize", "expression": "1e300*1e300*x + y"}}},
    {"model": {**TEXTBOOK, "objective": {"sense": "maximize", "expression": "(1e200*x)*1e200 - y"}}},
    {"model": {**TEXTBOOK, "constraints": [{"expression": "x / 1e-320 <= 1"}]}},
    {"model": {**TEXTBOOK, "constraints": [{"expression": "1e300*1e300*x - 1e300*1e300*x + y <= 1"}]}},
    {"model": {**TEXTBOOK, "constraints": [{"expression": "x <= 1e15 * 1e15"}]}},
    {"model": {**TEXTBOOK, "constraints": [{"expression": "1e8 <= 1e8*1e8*x <= 1e9"}]}},
    {"model": {**TEXTBOOK, "parameters": {"cap": 1e15},
               "constraints": [{"expression": "x <= cap * cap"}]}},
    {"mps": "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1e308 c1 1\n y obj 1e308 c1 1\nRHS\n rhs c1 4\nENDATA\n"},
    {"mps": "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1e300\nRHS\n rhs c1 4\nBOUNDS\n UP b x 1e20\nENDATA\n"},
    {"lp": "max: 1e308 x + 1e308 y;\nc1: x + y <= 4;\n"},
    {"lp": "max: 3 x + 2 y;\nc1: x + y <= 4;\nc2: 1e200 x - y >= -1e20;\n"},
]
EDGES = [  # at the edge of the range: must be solved, with a finite answer
    {"model": {"variables": [{"name": "x", "upper": 1e15}, {"name": "y", "lower": -1e15, "upper": 0}],
               "objective": {"sense": "maximize", "terms": [{"variable": "x", "coefficient": 1e15},
                                                            {"variable": "y", "coefficient": -1e15}]}}},
    {"mps": "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj -1 c1 1\nRHS\n rhs c1 1e30\nBOUNDS\n UP b x 4\nENDATA\n"},
]
QUERIES = ["/api/v2/executions?limit={}", "/api/v2/models?page={}", "/api/v2/builder?page_size={}",
           "/api/v2/triggers?page={}", "/api/v2/models/catalog?page_size={}", "/api/v2/builder/{doc}/versions?skip={}",
           "/api/v2/models?is_active={}", "/api/v2/builder?is_active={}"]
QUERY_VALUES = ["1e400", "nan", "NaN", "inf", "-inf", "Infinity", "1e1", "2.0", "2_0", "+2", "%202", "0x10", "yes",
                "True", "1" + "0" * 30, "--1", "%D9%A2"]


def _non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_non_finite(child) for child in value.values())
    if isinstance(value, list):
        return any(_non_finite(child) for child in value)
    return False


def _setup(api) -> tuple[dict[str, str], dict[str, str]]:
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization

    _, key = create_organization("numbers", 1000)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", headers)
    _, doc, _ = api.call("POST", "/api/v2/builder", headers, {"name": "numbers", "canvas_json": CANVAS})
    _, version, _ = api.call("POST", f"/api/v2/builder/{doc['id']}/versions", headers, {"canvas_json": CANVAS})
    _, builder_model, _ = api.call("POST", "/api/v2/models", headers, {
        "name": "numbers_model", "generator_type": "builder",
        "custom_config": {"document_id": doc["id"], "version_id": version["id"]}})
    _, trigger, _ = api.call("POST", "/api/v2/triggers", headers,
                             {"name": "t", "type": "webhook", "model_id": model["id"]})
    return headers, {"model": model["id"], "doc": doc["id"], "version": version["id"],
                     "builder_model": builder_model["id"], "trigger": trigger["id"]}


def run(api) -> tuple[int, int, list[str]]:
    headers, ids = _setup(api)
    tried = got_through = 0
    notes: list[str] = []

    def expect_400(method: str, path: str, body: Any, label: str) -> None:
        nonlocal tried, got_through
        tried += 1
        status, payload, _ = api.call(method, path, headers, body)
        named = isinstance(payload, dict) and bool(payload.get("details"))
        if status != 400 or not named or _non_finite(payload):
            got_through += 1
            if len(notes) < 10:
                notes.append(f"{label}: {method} {path} -> {status} {json.dumps(payload)[:160]}")

    for method, path, body in _number_slots(ids):
        for number in BAD_NUMBERS:
            expect_400(method, path, _text(body, number), f"number {number[:12]}")
    for method, path, body, kind in _type_slots(ids):
        for value in WRONG_TYPES[kind]:
            expect_400(method, path, _text(body, value), f"{kind} {value}")
    for body in OVERFLOWS:
        expect_400("POST", "/api/v2/solve", body, "overflow")
    for template in QUERIES:
        for value in QUERY_VALUES:
            tried += 1
            path = template.replace("{doc}", ids["doc"]).format(value)
            status, payload, _ = api.call("GET", path, headers)
            if status != 400:
                got_through += 1
                notes.append(f"query: {path} -> {status}")
    for body in EDGES:
        tried += 1
        status, payload, _ = api.call("POST", "/api/v2/solve", headers, body)
        if status != 200 or _non_finite(payload) or payload.get("status") != "optimal":
            got_through += 1
            notes.append(f"edge of the range answered {status} {json.dumps(payload)[:160]}")
    return tried, got_through, notes
