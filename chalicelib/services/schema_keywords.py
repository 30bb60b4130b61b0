"""JSON Schema keywords for user schemas: regular expressions on RE2, every step paid for.

jsonschema runs `pattern`, `patternProperties` (and the `additionalProperties` and
`unevaluatedProperties` that consult it) on Python's backtracking `re`, where `^(a+)+$`
against 30 characters takes seconds; here they run on RE2, linear in the text. Its
`uniqueItems`, `unevaluatedItems` and `unevaluatedProperties` are quadratic in the
instance; here they use sets. Every keyword application spends from a per-validation
budget (`budget`) in proportion to the work it does, messages included, so no schema
and input together can keep a request busy for long.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import reprlib
import string
from collections.abc import Callable, Iterator
from typing import Any

from jsonschema._utils import equal, find_evaluated_item_indexes_by_schema
from jsonschema.exceptions import ValidationError

MAX_PATTERN_CHARS = 1000
REGEX_MAX_MEM = 1 << 20  # RE2's budget for one compiled pattern (program and DFA cache)
SHORT_REPR_CHARS = 120
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist, _REPR.maxstring, _REPR.maxlong = 3, 5, 5, 60, 40
# Keywords whose value holds subschemas: applying one costs its length (the subschemas pay
# for themselves); any other keyword's value is data (enum, const, required...) and costs
# its size, since comparing against it may touch all of it.
_APPLICATORS = frozenset({"properties", "patternProperties", "dependentSchemas", "allOf", "anyOf",
                          "oneOf", "prefixItems", "items", "contains", "not", "if", "additionalProperties",
                          "propertyNames", "unevaluatedItems", "unevaluatedProperties", "$ref"})


class RegexError(ValueError):
    """RE2 cannot run this pattern (backreference, lookaround, too large...)."""


class StepsExceeded(Exception):
    """The validation spent its budget."""


_steps_left: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("schema_steps", default=None)


@contextlib.contextmanager
def budget(steps: int) -> Iterator[None]:
    """Validations inside spend at most `steps`, then raise StepsExceeded."""
    token = _steps_left.set([steps])
    try:
        yield
    finally:
        _steps_left.reset(token)


def spend(steps: int) -> None:
    left = _steps_left.get()
    if left is not None:
        left[0] -= steps
        if left[0] < 0:
            raise StepsExceeded


@functools.lru_cache(maxsize=256)
def compile_regex(pattern: str) -> Any:
    """An RE2 program for a JSON Schema regular expression. ECMA-262's `\\uXXXX` escapes
    become RE2's `\\x{XXXX}`; matching is on UTF-8 bytes, as RE2 does."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RegexError(f"longer than {MAX_PATTERN_CHARS} characters")
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print the user's pattern to stderr, i.e. the logs
    options.max_mem = REGEX_MAX_MEM
    try:
        return re2.compile(_re2_syntax(pattern).encode("utf-8", "surrogatepass"), options)
    except re2.error as error:
        reason = error.args[0] if error.args else "invalid"
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        raise RegexError(f"not a regular expression RE2 can run ({reason}); backreferences and "
                         "lookaround are not supported") from None


def regex_search(pattern: str, text: str) -> bool:
    """`re.search` semantics (unanchored), in time linear in `text`."""
    spend(1 + len(text) // 64)
    return compile_regex(pattern).search(text.encode("utf-8", "surrogatepass")) is not None


def _re2_syntax(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            digits = pattern[i + 2:i + 6]
            if pattern[i + 1] == "u" and len(digits) == 4 and all(c in string.hexdigits for c in digits):
                out.append(f"\\x{{{digits}}}")
                i += 6
            else:
                out.append(pattern[i:i + 2])
                i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def short(value: Any) -> str:
    """repr(value), cut: a message never carries a whole large input."""
    text = _REPR.repr(value)
    return text if len(text) <= SHORT_REPR_CHARS else text[:SHORT_REPR_CHARS - 3] + "..."


def size(value: Any, limit: int | None = None) -> int:
    """JSON values in `value` (itself included), counting no further than `limit`."""
    count, stack = 0, [value]
    while stack and (limit is None or count < limit):
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


def canonical(value: Any) -> Any:
    """A hashable key equal for JSON-equal values (1 == 1.0, true != 1, key order ignored)."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    if isinstance(value, dict):
        return ("object", frozenset((key, canonical(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("array", tuple(canonical(item) for item in value))
    return (type(value).__name__, value)


def pattern(validator, regex, instance, schema):
    if validator.is_type(instance, "string") and not regex_search(regex, instance):
        yield ValidationError(f"{short(instance)} does not match {regex!r}")


def patternProperties(validator, patterns, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for regex, subschema in patterns.items():
        for key, value in instance.items():
            if regex_search(regex, key):
                yield from validator.descend(value, subschema, path=key, schema_path=regex)


def additionalProperties(validator, additional, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    extras = _additional(instance, schema)
    if validator.is_type(additional, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], additional, path=extra)
    elif not additional and extras:
        names = ", ".join(short(extra) for extra in sorted(extras)[:10]) + (", ..." if len(extras) > 10 else "")
        if "patternProperties" in schema:
            yield ValidationError(f"{names} {'does' if len(extras) == 1 else 'do'} not match any of the "
                                  f"regexes: {', '.join(map(repr, sorted(schema['patternProperties'])))}")
        else:
            yield ValidationError(f"Additional properties are not allowed ({names} "
                                  f"{'was' if len(extras) == 1 else 'were'} unexpected)")


def _additional(instance: dict, schema: dict) -> list[str]:
    properties, patterns = schema.get("properties", {}), schema.get("patternProperties", {})
    return [key for key in instance
            if key not in properties and not any(regex_search(regex, key) for regex in patterns)]


def uniqueItems(validator, unique, instance, schema):
    if not unique or not validator.is_type(instance, "array"):
        return
    spend(size(instance))
    seen = set()
    for item in instance:
        key = canonical(item)
        if key in seen:
            yield ValidationError(f"{short(instance)} has non-unique elements")
            return
        seen.add(key)


def enum(validator, allowed, instance, schema):
    if not _one_of(instance, allowed):
        yield ValidationError(f"{short(instance)} is not one of {short(allowed)}")


def _one_of(instance: Any, allowed: list) -> bool:
    """jsonschema's `equal` against each value; scalars by plain comparison (true is not 1)."""
    if instance is None or isinstance(instance, bool):
        return any(each is instance for each in allowed)
    if isinstance(instance, (str, int, float)):
        return any(each == instance and not isinstance(each, bool) for each in allowed)
    return any(equal(each, instance) for each in allowed)


def const(validator, expected, instance, schema):
    if not equal(instance, expected):
        yield ValidationError(f"{short(expected)} was expected")


def unevaluatedItems(validator, unevaluated, instance, schema):
    if not validator.is_type(instance, "array"):
        return
    spend(len(instance))
    evaluated = set(find_evaluated_item_indexes_by_schema(validator, instance, schema))
    extras = [item for index, item in enumerate(instance) if index not in evaluated]
    if extras:
        yield ValidationError(f"Unevaluated items are not allowed ({short(extras)} unexpected)")


def unevaluatedProperties(validator, unevaluated, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    spend(len(instance))
    evaluated = _evaluated_keys(validator, instance, schema)
    invalid = [key for key in instance if key not in evaluated
               and next(validator.descend(instance[key], unevaluated, path=key, schema_path=key), None)]
    if invalid:
        names = ", ".join(short(key) for key in sorted(invalid)[:10]) + (", ..." if len(invalid) > 10 else "")
        verb = "was" if len(invalid) == 1 else "were"
        yield ValidationError(f"Unevaluated properties are not allowed ({names} {verb} unexpected)"
                              if unevaluated is False else
                              f"Unevaluated properties are not valid under the given schema ({names})")


def _evaluated_keys(validator, instance: dict, schema: Any) -> set[str]:
    """jsonschema's find_evaluated_property_keys_by_schema, with RE2 for patternProperties.
    (`$dynamicRef` is refused in user schemas, so it is not followed here.)"""
    if validator.is_type(schema, "boolean"):
        return set()
    keys: set[str] = set()
    if (ref := schema.get("$ref")) is not None:
        resolved = validator._resolver.lookup(ref)
        keys |= _evaluated_keys(validator.evolve(schema=resolved.contents, _resolver=resolved.resolver),
                                instance, resolved.contents)
    if validator.is_type(properties := schema.get("properties"), "object"):
        keys |= properties.keys() & instance.keys()
    for keyword in ("additionalProperties", "unevaluatedProperties"):
        if (subschema := schema.get(keyword)) is not None:
            keys |= {key for key, value in instance.items()
                     if next(validator.descend(value, subschema), None) is None}
    for regex in schema.get("patternProperties", {}):
        keys |= {key for key in instance if regex_search(regex, key)}
    for key, subschema in schema.get("dependentSchemas", {}).items():
        if key in instance:
            keys |= _evaluated_keys(validator, instance, subschema)
    for keyword in ("allOf", "oneOf", "anyOf"):
        for subschema in schema.get(keyword, []):
            if next(validator.descend(instance, subschema), None) is None:
                keys |= _evaluated_keys(validator, instance, subschema)
    if "if" in schema:
        if validator.evolve(schema=schema["if"]).is_valid(instance):
            keys |= _evaluated_keys(validator, instance, schema["if"])
            if "then" in schema:
                keys |= _evaluated_keys(validator, instance, schema["then"])
        elif "else" in schema:
            keys |= _evaluated_keys(validator, instance, schema["else"])
    return keys


REPLACED = {"pattern": pattern, "patternProperties": patternProperties,
            "additionalProperties": additionalProperties, "uniqueItems": uniqueItems, "enum": enum,
            "const": const, "unevaluatedItems": unevaluatedItems, "unevaluatedProperties": unevaluatedProperties}


def metered(name: str, keyword: Callable) -> Callable:
    """`keyword`, spending for its application and for every character of its messages."""
    applicator = name in _APPLICATORS

    def apply(validator, value, instance, schema):
        spend(1 + (len(value) if applicator and isinstance(value, (dict, list)) else
                   size(value) if isinstance(value, (dict, list)) else 0))
        errors = keyword(validator, value, instance, schema)
        return None if errors is None else _charged(errors)

    apply.__name__ = keyword.__name__
    return apply


def _charged(errors):
    for error in errors:
        spend(len(error.message))
        yield error
