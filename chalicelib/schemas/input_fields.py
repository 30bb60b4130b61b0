"""Derive form field definitions (`input_fields`) from a JSON Schema."""
from __future__ import annotations

from typing import Any

MAX_ITEM_DEPTH = 4
MAX_FIELDS = 500
_PASSED_THROUGH = ("description", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                   "minItems", "maxItems", "enum", "default")


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (and pydantic's single-item allOf/anyOf-with-null)."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        return {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    for combinator in ("anyOf", "oneOf"):
        options = [o for o in schema.get(combinator, []) if not isinstance(o, dict) or o.get("type") != "null"]
        if len(options) == 1 and isinstance(options[0], dict):
            merged = {**_resolve(options[0], root), **{k: v for k, v in schema.items() if k != combinator}}
            return merged
    return schema


def input_fields_from_schema(schema: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One field per top-level property: name, label, type, required, plus limits."""
    return _fields(schema, 0, [MAX_FIELDS])


def _fields(schema: dict[str, Any] | None, depth: int, left: list[int]) -> list[dict[str, Any]]:
    """Fields, then item_fields within item_fields, up to MAX_ITEM_DEPTH levels and MAX_FIELDS
    fields in all: a schema that refers to itself, or to one definition from many places,
    would otherwise never end or grow exponentially."""
    if not isinstance(schema, dict):
        return []
    required = set(schema.get("required", []))
    fields = []
    for name, raw in (schema.get("properties") or {}).items():
        if left[0] <= 0:
            break
        left[0] -= 1
        prop = _resolve(raw, schema) if isinstance(raw, dict) else {}
        field: dict[str, Any] = {
            "name": name,
            "label": prop.get("title") or name.replace("_", " ").title(),
            "type": prop.get("type", "object" if "properties" in prop else "string"),
            "required": name in required,
        }
        field.update({key: prop[key] for key in _PASSED_THROUGH if key in prop})
        if field["type"] == "array" and isinstance(prop.get("items"), dict) and depth < MAX_ITEM_DEPTH:
            item = _resolve(prop["items"], schema)
            if item.get("properties"):
                field["item_fields"] = _fields({**item, "$defs": schema.get("$defs", {})}, depth + 1, left)
        fields.append(field)
    return fields
