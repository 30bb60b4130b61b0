"""JSON Schema checks with jsonschema: every failing field, with its path and reason."""
from __future__ import annotations

import functools
import json
from typing import Any

from chalicelib.errors import BadRequest, field_path

MAX_REPORTED_ERRORS = 50


@functools.lru_cache(maxsize=256)
def _validator(schema_json: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(schema_json))


def check_is_json_schema(schema: dict[str, Any], field: str) -> None:
    """400 unless `schema` is a valid JSON Schema (draft 2020-12)."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = field_path((field, *error.absolute_path))
        raise BadRequest(f"{field} is not a valid JSON Schema: {error.message}",
                         [{"field": where, "message": error.message}]) from None


def validate_input(data: Any, schema: dict[str, Any], field: str = "input_data") -> None:
    """400 listing each place where `data` breaks `schema`."""
    validator = _validator(json.dumps(schema, sort_keys=True))
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        details = [{"field": field_path((field, *_error_path(error))), "message": error.message}
                   for error in errors[:MAX_REPORTED_ERRORS]]
        raise BadRequest(f"{field} does not match the model's input schema ({len(errors)} "
                         f"error{'s' if len(errors) != 1 else ''}).", details)


def _error_path(error: Any) -> list[Any]:
    """Where the error is; for a missing property, the property itself rather than its parent."""
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if error.message == f"{name!r} is a required property"]
        path += missing[:1]
    return path
