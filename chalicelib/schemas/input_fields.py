"""Derive form field definitions (`input_fields`) from a JSON Schema."""
from __future__ import annotations

from typing import Any

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
        options = [o for o in schema.get(combinator, []) if o.get("type") != "null"]
        if len(options) == 1:
            merged = {**_resolve(options[0], root), **{k: v for k, v in schema.items() if k != combinator}}
            return merged
    return schema


def input_fields_from_schema(schema: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One field per top-level property: name, label, type, required, plus limits."""
    if not isinstance(schema, dict):
        return []
    required = set(schema.get("required", []))
    fields = []
    for name, raw in (schema.get("properties") or {}).items():
        prop = _resolve(raw, schema) if isinstance(raw, dict) else {}
        field: dict[str, Any] = {
            "name": name,
            "label": prop.get("title") or name.replace("_", " ").title(),
            "type": prop.get("type", "object" if "properties" in prop else "string"),
            "required": name in required,
        }
        field.update({key: prop[key] for key in _PASSED_THROUGH if key in prop})
        if field["type"] == "array" and isinstance(prop.get("items"), dict):
            item = _resolve(prop["items"], schema)
            if item.get("properties"):
                field["item_fields"] = input_fields_from_schema({**item, "$defs": schema.get("$defs", {})})
        fields.append(field)
    return fields

