"""User JSON Schemas: data, never a pointer (DESIGN.md). The one place that builds validators.

Before a validator is built from a schema (when a model is created, and again, once per
process, before a stored schema validates anything), the schema is checked: every `$ref`
is a JSON pointer into the schema itself that lands on a subschema; nothing names another
document (`$id` below the root, a `$schema` other than 2020-12, `$dynamicRef`); no chain
of `$ref`/`allOf`/`anyOf`/`not`/`if`... comes back to where it started without descending
into the data (validating would never end); every regular expression compiles on RE2.
Validators resolve references through a registry that retrieves nothing, whatever
jsonschema's default, match patterns with RE2, and validate within a step budget that
grows with the input (schema_keywords), so a schema can neither read a file or a URL,
nor recurse without end, nor backtrack, nor keep a request busy for long.
"""
from __future__ import annotations

import functools
import json
from itertools import islice
from typing import Any
from urllib.parse import unquote

from chalicelib.errors import BadRequest, field_path

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MAX_SCHEMA_DEPTH = 64  # JSON nesting of a schema document
MAX_INPUT_DEPTH = 64  # as for request bodies (api/http.py)
MAX_REPORTED_ERRORS = 50
MAX_COUNTED_ERRORS = 1000
MAX_MESSAGE_CHARS = 300
# Keyword applications (and message characters) one validation may spend: enough for any
# schema that does a bounded amount of work per input value, far too little for one that
# multiplies (nested anyOf through $refs, long `required` lists against many objects...).
STEPS_BASE, STEPS_PER_VALUE = 200_000, 50

# Where 2020-12 keeps subschemas (as referencing.jsonschema.DRAFT202012 lists them).
_SCHEMA_VALUED = ("additionalProperties", "contains", "contentSchema", "else", "if", "items", "not",
                  "propertyNames", "then", "unevaluatedItems", "unevaluatedProperties")
_SCHEMA_ARRAYS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("$defs", "definitions", "dependentSchemas", "patternProperties", "properties")
# Applied to the very instance the schema is (not to a part of it): a cycle through these
# and `$ref` never reaches the end of the data.
_IN_PLACE = frozenset({"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas"})
_REFUSED = {"$dynamicRef": "dynamic references are not supported; use a `$ref` to '#/$defs/...'",
            "$recursiveRef": "recursive references are not supported; use a `$ref` to '#/$defs/...'"}


class SchemaProblem(Exception):
    """Why a schema is refused, and where in it (a path of keys)."""

    def __init__(self, path: tuple, message: str):
        super().__init__(message)
        self.path, self.message = path, message


def check_is_json_schema(schema: dict[str, Any], field: str) -> None:
    """400 unless `schema` is a JSON Schema (draft 2020-12) that JAOT will validate with."""
    try:
        _validator(json.dumps(schema, sort_keys=True))
    except SchemaProblem as problem:
        raise BadRequest(f"{field} is not a usable JSON Schema: {problem.message}",
                         [{"field": field_path((field, *problem.path)), "message": problem.message}]) from None


def validate_input(data: Any, schema: dict[str, Any], field: str = "input_data") -> None:
    """400 listing each place where `data` breaks `schema` (a stored schema included: one
    refused by today's rules is a 400 naming where, never a fetch, a hang or a 500)."""
    try:
        validator = _validator(json.dumps(schema, sort_keys=True))
    except SchemaProblem as problem:
        raise BadRequest(f"The model's input_schema cannot be used: {problem.message}",
                         [{"field": field_path(("input_schema", *problem.path)), "message": problem.message}]) from None
    from chalicelib.services import schema_keywords  # with jsonschema: imported on first use

    depth, values = _shape(data, MAX_INPUT_DEPTH)
    if depth > MAX_INPUT_DEPTH:
        raise BadRequest(f"{field} is nested deeper than {MAX_INPUT_DEPTH} levels.",
                         [{"field": field, "message": "nested too deeply"}])
    try:
        with schema_keywords.budget(STEPS_BASE + STEPS_PER_VALUE * values):
            errors = list(islice(validator.iter_errors(data), MAX_COUNTED_ERRORS))
    except (schema_keywords.StepsExceeded, RecursionError):
        raise BadRequest(f"{field} takes too much work to check against the model's input schema; "
                         "send less data or simplify the schema.",
                         [{"field": field, "message": "too costly to validate"}]) from None
    if errors:
        errors.sort(key=lambda e: [str(p) for p in e.absolute_path])
        details = [{"field": field_path((field, *_error_path(error))), "message": _cut(error.message)}
                   for error in errors[:MAX_REPORTED_ERRORS]]
        count = f"{len(errors)}" if len(errors) < MAX_COUNTED_ERRORS else f"at least {MAX_COUNTED_ERRORS}"
        raise BadRequest(f"{field} does not match the model's input schema ({count} "
                         f"error{'s' if len(errors) != 1 else ''}).", details)


@functools.lru_cache(maxsize=256)
def _validator(schema_json: str) -> Any:
    """A validator for a checked schema; SchemaProblem if it is refused."""
    schema = json.loads(schema_json)
    check(schema)
    if isinstance(schema, dict):  # every $ref is '#...', so the base URI is the document itself
        schema = {key: value for key, value in schema.items() if key != "$id"}
    return _validator_class()(schema, registry=_no_retrieval(), format_checker=None)


@functools.cache
def _validator_class() -> Any:
    from jsonschema import Draft202012Validator, validators

    from chalicelib.services import schema_keywords

    keywords = {**Draft202012Validator.VALIDATORS, **schema_keywords.REPLACED}
    return validators.extend(Draft202012Validator, {name: schema_keywords.metered(name, keyword)
                                                    for name, keyword in keywords.items()})


@functools.cache
def _no_retrieval() -> Any:
    """A registry whose retrieve refuses everything: an unknown URI is an error, not a fetch."""
    from referencing import Registry
    from referencing.exceptions import NoSuchResource

    def refuse(uri: str) -> Any:
        raise NoSuchResource(ref=uri)

    return Registry(retrieve=refuse)


def check(schema: Any) -> None:
    """SchemaProblem unless `schema` is valid 2020-12 and safe to validate with (see above)."""
    if not isinstance(schema, (dict, bool)):
        raise SchemaProblem((), "must be a JSON object")
    if _shape(schema, MAX_SCHEMA_DEPTH)[0] > MAX_SCHEMA_DEPTH:
        raise SchemaProblem((), f"nested deeper than {MAX_SCHEMA_DEPTH} levels")
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:  # formats not asserted: `pattern`s are compiled by RE2 below, not by Python's re
        Draft202012Validator.check_schema(schema, format_checker=None)
    except SchemaError as error:
        raise SchemaProblem(tuple(error.absolute_path), _cut(error.message)) from None
    except RecursionError:
        raise SchemaProblem((), "nested too deeply") from None
    subschemas = _subschemas(schema)
    edges = {id(node): [] for node, _ in subschemas.values()}
    for node, path in subschemas.values():
        _check_keywords(node, path, is_root=node is schema)
        for keyword, child in _children(node):
            if keyword in _IN_PLACE and isinstance(child, dict):
                edges[id(node)].append((child, None))
        if "$ref" in node:
            target = _target(schema, node["$ref"], path)
            if not isinstance(target, bool) and id(target) not in subschemas:
                raise SchemaProblem(path + ("$ref",), f"{_cut(repr(node['$ref']), 120)} does not point at a "
                                                      "subschema; keep reusable schemas under $defs")
            if isinstance(target, dict):
                edges[id(node)].append((target, path + ("$ref",)))
    _check_no_cycle(subschemas, edges)


def _subschemas(schema: Any) -> dict[int, tuple[dict, tuple]]:
    """Every subschema object of the document, by id, with its path."""
    found: dict[int, tuple[dict, tuple]] = {}
    stack: list[tuple[Any, tuple]] = [(schema, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict) and id(node) not in found:
            found[id(node)] = (node, path)
            stack.extend((child, path + step) for step, child in _children(node, with_steps=True))
    return found


def _children(node: dict, with_steps: bool = False) -> list:
    """(keyword, subschema) pairs, or (path step, subschema) pairs `with_steps`."""
    children = []
    for keyword in _SCHEMA_VALUED:
        if keyword in node:
            children.append(((keyword,) if with_steps else keyword, node[keyword]))
    for keyword in _SCHEMA_ARRAYS:
        if isinstance(value := node.get(keyword), list):
            children += [((keyword, i) if with_steps else keyword, child) for i, child in enumerate(value)]
    for keyword in _SCHEMA_MAPS:
        if isinstance(value := node.get(keyword), dict):
            children += [((keyword, key) if with_steps else keyword, child) for key, child in value.items()]
    return children


def _check_keywords(node: dict, path: tuple, is_root: bool) -> None:
    for keyword, reason in _REFUSED.items():
        if keyword in node:
            raise SchemaProblem(path + (keyword,), reason)
    if "$id" in node and not is_root:
        raise SchemaProblem(path + ("$id",), "an `$id` below the root would make references point at "
                                             "other documents; remove it")
    if "$schema" in node and (not is_root or str(node["$schema"]).rstrip("#") != DIALECT):
        raise SchemaProblem(path + ("$schema",), f"only the 2020-12 dialect is supported: remove `$schema` "
                                                 f"or set it to {DIALECT!r} at the root")
    if isinstance(node.get("pattern"), str):
        _check_regex(node["pattern"], path + ("pattern",))
    if isinstance(node.get("patternProperties"), dict):
        for regex in node["patternProperties"]:
            _check_regex(regex, path + ("patternProperties", regex))


def _check_regex(regex: str, path: tuple) -> None:
    from chalicelib.services.schema_keywords import RegexError, compile_regex

    try:
        compile_regex(regex)
    except RegexError as error:
        raise SchemaProblem(path, f"{_cut(repr(regex), 80)} is {error}") from None


def _target(document: Any, ref: Any, path: tuple) -> Any:
    """What `ref` points at, resolved as referencing resolves a fragment; SchemaProblem
    unless it is a JSON pointer into this document ("#" or "#/...")."""
    where = path + ("$ref",)
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise SchemaProblem(where, f"{_cut(repr(ref), 120)} is not a reference inside this schema: only '#' "
                                   "and '#/...' JSON pointers are allowed, and nothing is ever fetched")
    if ref[1:] and not ref.startswith("#/"):
        raise SchemaProblem(where, f"{_cut(repr(ref), 120)} names an anchor; use a JSON pointer such as "
                                   "'#/$defs/name'")
    node = document
    for segment in unquote(ref[2:]).split("/") if ref[1:] else []:
        try:
            if isinstance(node, list):
                node = node[int(segment)]
            elif isinstance(node, dict):
                node = node[segment.replace("~1", "/").replace("~0", "~")]
            else:
                raise LookupError
        except (LookupError, ValueError):
            raise SchemaProblem(where, f"{_cut(repr(ref), 120)} points nowhere in this schema") from None
    return node


def _check_no_cycle(subschemas: dict[int, tuple[dict, tuple]], edges: dict[int, list]) -> None:
    """SchemaProblem at a `$ref` of any cycle of in-place applications (iterative DFS)."""
    done: set[int] = set()
    for start in subschemas:
        if start in done:
            continue
        on_path: dict[int, int] = {start: 0}  # node -> its position in `trail`
        trail: list[tuple[int, tuple | None]] = [(start, None)]  # (node, the $ref that led to it)
        pending = [iter(edges[start])]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                node, _ = trail.pop()
                del on_path[node]
                done.add(node)
                pending.pop()
                continue
            child, via_ref = step
            if id(child) in on_path:
                refs = [ref for _, ref in trail[on_path[id(child)] + 1:] if ref] + ([via_ref] if via_ref else [])
                raise SchemaProblem(refs[0] if refs else (), "this reference leads back to a schema it is applied from, "
                                             "without descending into the data: validating would never end")
            if id(child) not in done:
                on_path[id(child)] = len(trail)
                trail.append((id(child), via_ref))
                pending.append(iter(edges[id(child)]))


def _shape(value: Any, limit: int) -> tuple[int, int]:
    """(nesting depth, number of JSON values) of `value`, stopping once deeper than `limit`."""
    deepest, count, stack = 0, 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        deepest = max(deepest, depth)
        if depth > limit:
            break
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
    return deepest, count


def _cut(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """At most `limit` characters, cut in the middle: jsonschema's messages start with the
    value and end with what is wrong with it ("[...] is too long")."""
    return text if len(text) <= limit else f"{text[:limit // 2 - 3]} ... {text[-(limit // 2 - 2):]}"


def _error_path(error: Any) -> list[Any]:
    """Where the error is; for a missing property, the property itself rather than its parent."""
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if error.message == f"{name!r} is a required property"]
        path += missing[:1]
    return path
