"""The pieces of the fuzz run (tests/fuzz/test_fuzz_api.py): seeding the server, the
document and configuration schemathesis gets, and reading what happened afterwards."""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

from tests.live_server import ROOT, LocalServer

# How often a path or body identifier is one of the seeded resources rather than a
# generated string (the generated ones keep testing the 404s).
SEEDED_PROBABILITY = 0.5

# The time limit of the per-model execute operations (fuzz_document): every solve stays short.
TEMPLATE_TIME_LIMIT_S = 0.25

# Probes the local server cannot answer as API Gateway would (test_fuzz_api.py's docstring).
UNEXPECTED_METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"]

CANVAS = {"nodes": [{"id": "n1", "type": "variable", "data": {"name": "widgets"}},
                    {"id": "n2", "type": "parameter", "data": {"name": "cap", "value": 40}},
                    {"id": "n3", "type": "constraint", "data": {"name": "capacity", "expression": "widgets <= cap"}},
                    {"id": "n4", "type": "objective", "data": {"sense": "maximize", "expression": "3*widgets"}}],
          "edges": [{"source": "n1", "target": "n3"}, {"source": "n2", "target": "n3"}]}
LP = {"model": {"variables": [{"name": "x", "upper": 4}, {"name": "y", "type": "integer", "upper": 3}],
                "constraints": [{"name": "c", "expression": "x + y <= 5"}],
                "objective": {"sense": "maximize", "expression": "2*x + 3*y"}},
      "options": {"time_limit_s": 2}}


def expect(server: LocalServer, status: int, method: str, path: str, body: Any = None) -> Any:
    got, answer = server.request(method, path, body)
    assert got == status, f"seeding: {method} {path} answered {got}: {answer}"
    return answer


def seed_resources(server: LocalServer) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Real identifiers for the fuzzer to use next to generated ones (schemathesis
    dictionaries): without them nearly every operation on a resource stops at 404.
    Also returns the activated marketplace models, by template name."""
    catalog = expect(server, 200, "GET", "/models/catalog?page_size=100")
    catalog_ids = [item["id"] for item in catalog["items"]]
    model_ids = [expect(server, 200, "POST", f"/models/catalog/{catalog_id}/activate")["id"]
                 for catalog_id in catalog_ids]
    model_ids.append(expect(server, 201, "POST", "/models", {
        "name": "fuzz_private_model", "generator_type": "template",
        "custom_config": {"template": "warehouse_allocation"}})["id"])
    document = expect(server, 201, "POST", "/builder", {"name": "Fuzz document", "canvas_json": CANVAS})
    first = expect(server, 201, "POST", f"/builder/{document['id']}/versions", {"canvas_json": CANVAS})
    changed = {**CANVAS, "nodes": CANVAS["nodes"] + [{"id": "n5", "type": "note", "data": {"text": "v2"}}]}
    second = expect(server, 201, "POST", f"/builder/{document['id']}/versions", {"canvas_json": changed})
    execution_ids = [expect(server, 200, "POST", "/solve", LP)["execution_id"],
                     expect(server, 202, "POST", "/solve", {**LP, "async": True})["execution_id"]]
    by_template = {item["name"]: model_id for item, model_id in zip(catalog["items"], model_ids)}
    warehouse = by_template["warehouse_allocation"]
    trigger_ids = [
        expect(server, 201, "POST", "/triggers", {"name": "Fuzz webhook", "type": "webhook",
                                                   "model_id": warehouse})["id"],
        expect(server, 201, "POST", "/triggers", {
            "name": "Fuzz schedule", "type": "schedule", "document_id": document["id"],
            "version_id": first["id"], "input_data": {}, "schedule_expression": "rate(1 day)"})["id"],
    ]
    spare_key = expect(server, 201, "POST", "/api-keys", {"name": "fuzz spare key (may be revoked)"})
    identifiers = {
        "catalog_id": catalog_ids,
        "model_id": model_ids,
        "document_id": [document["id"]],
        "version_id": [first["id"], second["id"]],
        "execution_id": execution_ids,
        "trigger_id": trigger_ids,
        "key_id": [spare_key["id"]],
    }
    return identifiers, by_template


def _rewrite_refs(node: Any, prefix: str) -> Any:
    if isinstance(node, dict):
        return {key: (f"#/components/schemas/{prefix}{value[len('#/$defs/'):]}"
                      if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                      else _rewrite_refs(value, prefix))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(item, prefix) for item in node]
    return node


def _resolve(schema: Any, defs: dict[str, Any]) -> Any:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = defs.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema if isinstance(schema, dict) else {}


def _branch(schema: Any, defs: dict[str, Any], value: Any) -> dict[str, Any]:
    """The part of `schema` (refs resolved, nullable anyOf picked) that describes `value`."""
    schema = _resolve(schema, defs)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            wanted = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
                      dict: "object", type(None): "null"}[type(value)]
            for option in schema[key]:
                option = _resolve(option, defs)
                kind = option.get("type")
                if kind == wanted or (wanted == "integer" and kind == "number") or \
                        (wanted == "number" and kind == "integer" and float(value).is_integer()):
                    return option
            return {}
    return schema


def example_shaped(value: Any, schema: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """A schema of inputs shaped like `value` (a model's example input): the same keys, list
    lengths and strings (names cross-reference each other, so they stay as they are), and
    any number or boolean the model's input schema allows where the example has one. What
    it generates passes the structural checks and reaches the semantic checks and the
    solver with edge values (0, bounds, tiny fractions, huge magnitudes)."""
    schema = _branch(schema, defs, value)
    if isinstance(value, dict):
        properties = _resolve(schema, defs).get("properties", {})
        extra = _resolve(schema, defs).get("additionalProperties")
        return {"type": "object", "additionalProperties": False, "required": list(value),
                "properties": {key: example_shaped(item, properties.get(key, extra if isinstance(extra, dict) else {}),
                                                   defs) for key, item in value.items()}}
    if isinstance(value, list):
        items = schema.get("items", {})
        return {"type": "array", "minItems": len(value), "maxItems": len(value),
                "prefixItems": [example_shaped(item, items, defs) for item in value], "items": False}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, (int, float)):
        bounds = {key: schema[key] for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                               "multipleOf") if key in schema}
        return {"type": "integer" if schema.get("type") == "integer" else "number", **bounds}
    return {"const": value}


def fuzz_document(server: LocalServer, models: dict[str, str]) -> dict[str, Any]:
    """The app's OpenAPI document as served, plus one operation per marketplace model in
    `models` (template name -> exe_ id): `POST /api/v2/models/<exe_ id>/execute`, whose
    `input_data` is either that model's own input schema (what GET /models/{id}/schema
    publishes; the app's document can only say "an object") or an input shaped like its
    example (example_shaped), with a short time limit; the model's example input is the
    operation's example. Its responses are the generic execute operation's, so every
    answer of a real solve is checked against the documented result."""
    document = expect(server, 200, "GET", "/openapi.json")
    execute = document["paths"]["/api/v2/models/{model_id}/execute"]["post"]
    schemas = document["components"]["schemas"]
    for template, model_id in sorted(models.items()):
        published = expect(server, 200, "GET", f"/models/{model_id}/schema")
        input_schema = dict(published["input_schema"])
        defs = input_schema.pop("$defs", {})
        prefix = f"Template_{template}_"
        for name, definition in defs.items():
            schemas[prefix + name] = _rewrite_refs(definition, prefix)
        schemas[prefix + "input"] = _rewrite_refs(input_schema, prefix)
        schemas[prefix + "example_shaped"] = example_shaped(published["example_input"], input_schema, defs)
        body = {"type": "object", "additionalProperties": False, "required": ["input_data", "options"],
                "properties": {
                    "input_data": {"anyOf": [{"$ref": f"#/components/schemas/{prefix}input"},
                                             {"$ref": f"#/components/schemas/{prefix}example_shaped"}]},
                    "options": {"type": "object", "additionalProperties": False, "required": ["time_limit_s"],
                                "properties": {"time_limit_s": {"type": "number", "exclusiveMinimum": 0,
                                                                "maximum": TEMPLATE_TIME_LIMIT_S}}}}}
        document["paths"][f"/api/v2/models/{model_id}/execute"] = {"post": {
            **{key: value for key, value in execute.items() if key not in ("parameters", "requestBody")},
            "operationId": f"execute_{template}",
            "summary": f"Execute the marketplace model {template} (its own input schema)",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": body, "example": {"input_data": published["example_input"],
                                            "options": {"time_limit_s": TEMPLATE_TIME_LIMIT_S}}}}},
        }}
    return document


def _toml(value: Any) -> str:
    """TOML for the few shapes the config needs (JSON strings are valid TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {_toml(item)}" for key, item in value.items()) + " }"
    raise TypeError(value)


def write_config(path: Path, identifiers: dict[str, list[str]], checks: list[str],
                 known_failures: list[tuple[str, str, str, str]], template_examples: int) -> Path:
    """schemathesis.toml: the checks, the seeded identifiers (dictionaries bound to the
    path and body parameters of the same name), the coverage phase's method probes, the
    per-model operations' settings, and each known failure's check turned off for its
    operation only. (The checks are set here, not with --checks: a check named on the
    command line would override an operation's `enabled = false`.)"""
    lines = [
        "# Generated by tests/fuzz/harness.py for one run.",
        "[cache]", "enabled = false", "",
        "[checks]", "enabled = false", *(f"{check}.enabled = true" for check in checks), "",
        "[phases.coverage]", f"unexpected-methods = {_toml(UNEXPECTED_METHODS)}", "",
    ]
    for name, values in identifiers.items():
        lines += [f"[dictionaries.{name}s]", f"values = {_toml(values)}", ""]
    lines.append("[parameters]")
    for name in identifiers:
        binding = {"dictionary": f"{name}s", "probability": SEEDED_PROBABILITY}
        lines.append(f"{json.dumps('path.' + name)} = {_toml(binding)}")
    # Bodies that name a target: triggers (model/document/version), builder execute and
    # builder models (version), trigger updates (version).
    for name in [name for name in ("model_id", "document_id", "version_id") if name in identifiers]:
        binding = {"dictionary": f"{name}s", "probability": SEEDED_PROBABILITY}
        lines.append(f"{json.dumps('body.' + name)} = {_toml(binding)}")
    lines.append("")
    # The per-model execute operations (fuzz_document): schema-valid inputs only (invalid
    # ones are the generic operation's job; here the point is to get past validation),
    # and their own number of cases (each may be a real solve).
    lines += ["[[operations]]", 'include-operation-id-regex = "^execute_"', 'generation.mode = "positive"',
              f"generation.max-examples = {template_examples}", ""]
    for method, route, check, finding in known_failures:
        lines += [f"# {finding}", "[[operations]]", f"include-name = {_toml(f'{method} {route}')}",
                  f"checks.{check}.enabled = false", ""]
    path.write_text("\n".join(lines))
    return path


def _server_log(server: LocalServer, log_offset: int) -> str:
    with open(server.log_path, "rb") as log:
        log.seek(log_offset)
        return log.read().decode(errors="replace")


def _json_lines(text: str) -> list[dict[str, Any]]:
    """The server's JSON log lines (chalicelib/observability.py), in order; other lines skipped."""
    lines = []
    for line in text.splitlines():
        if line.startswith("{"):
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and "level" in entry:
                lines.append(entry)
    return lines


def _is_request_line(entry: dict[str, Any]) -> bool:
    """The one line each request ends with (api/http.py): its method, route and status."""
    return isinstance(entry.get("status"), int) and "method" in entry and "route" in entry


def count_requests(server: LocalServer, log_offset: int) -> list[tuple[str, str, int]]:
    """(method, route, status) of every request the server answered after `log_offset` bytes:
    each request logs one JSON line when it ends, whatever schemathesis made of it."""
    return [(entry["method"], entry["route"], entry["status"])
            for entry in _json_lines(_server_log(server, log_offset)) if _is_request_line(entry)]


def summarize(report_dir: Path, returncode: int, elapsed_s: float, requests: list[tuple[str, str, int]],
              exceptions: list[dict[str, Any]]) -> dict[str, Any]:
    """The numbers of a run: schemathesis's JSON report, the server's access log (every
    request and its status) and the exceptions the server logged."""
    reports = sorted(report_dir.glob("json-*.json"))
    report = json.loads(reports[-1].read_text() or "{}") if reports else {}
    statuses = collections.Counter(status for *_, status in requests)
    server_errors = [f"{method} {path} -> {status}" for method, path, status in requests if status >= 500]
    failures = report.get("failures", [])
    schema_violations = sum(failure["count"] for failure in failures
                            if failure.get("type") in ("JsonSchemaError", "MalformedJson",
                                                       "ContentDeserializationError"))
    return {
        "exit_code": returncode,
        "seconds": round(elapsed_s, 1),
        "seed": report.get("seed"),
        "operations": report.get("operations"),
        "phases": {name: phase["status"] for name, phase in report.get("phases", {}).items()},
        "test_cases": report.get("test_cases"),
        "requests": len(requests),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
        "server_errors": len(server_errors),
        "server_error_requests": server_errors[:20],
        "schema_violations": schema_violations,
        "failures": [{key: failure.get(key) for key in ("code", "title", "count", "operations")}
                     for failure in failures],
        "errors": report.get("errors", []),
        "server_exceptions": [{key: value for key, value in entry.items() if key != "traceback"}
                              for entry in exceptions],
        "warnings": {name: value for name, value in report.get("warnings", {}).items() if value},
    }


TRACEBACK = re.compile(r"(?m)^(?P<logged>.*)\nTraceback \(most recent call last\):\n(?P<frames>(?:[ \t].*\n)+)"
                       r"(?P<error>\S.*)")
FRAME = re.compile(r'File "([^"]+)", line (\d+), in (\S+)')


def server_exceptions(server: LocalServer, log_offset: int) -> list[dict[str, Any]]:
    """Exceptions the server logged (with a traceback) after `log_offset` bytes, one entry
    per place and type: the API turns an exception in a solve into a 200 whose status is
    `error` (refunded), and a worker thread's into a failed run, so the responses alone do
    not show them. `where` is the innermost frame in the project's own code. Both the JSON
    lines' `exception` field and plain tracebacks (a thread outside the logger) count."""
    text = _server_log(server, log_offset)
    entries = _json_lines(text)
    logged = []  # (message, traceback text, the request it happened in)
    for index, entry in enumerate(entries):
        if not entry.get("exception"):
            continue
        request = next((later for later in entries[index:] if _is_request_line(later)
                        and later.get("request_id") == entry.get("request_id")), None)
        logged.append((str(entry.get("message", "")), str(entry["exception"]),
                       f"{request['method']} {request['route']} -> {request['status']}" if request else None))
    for match in TRACEBACK.finditer(text):
        logged.append((match["logged"], match.group(0), None))
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for message, trace, request in logged:
        frames = FRAME.findall(trace)
        own = [frame for frame in frames if frame[0].startswith(str(ROOT)) and "/.venv/" not in frame[0]]
        path, line, function = (own or frames or [("?", "?", "?")])[-1]
        where = f"{path.removeprefix(str(ROOT) + '/')}:{line} in {function}"
        error = (trace.strip().splitlines() or ["?"])[-1].strip()
        key = (where, error.split(":", 1)[0])
        entry = found.setdefault(key, {
            "where": where, "error": error[:300], "logged": message.strip()[:200], "count": 0,
            "request": request, "traceback": trace[-3000:]})
        entry["count"] += 1
    return list(found.values())


def failures_section(output: str) -> str:
    """The FAILURES part of the CLI's output: each failing case with its request and response."""
    start = output.find("= FAILURES =")
    start = output.rfind("\n", 0, start) + 1 if start >= 0 else max(0, len(output) - 8000)
    end = output.find("= WARNINGS =", start)
    section = output[start:end if end > 0 else None]
    return section if len(section) < 30000 else section[:30000] + "\n[... truncated; see the CLI log]"


def schemathesis_command(schema_path: Path, config: Path, server: LocalServer, report_dir: Path, *,
                         phases: str, examples: int, mode: str, workers: str,
                         seed: str, include: str | None, har: bool) -> list[str]:
    """The schemathesis CLI (this interpreter's), against the document at `schema_path`,
    sending to the local server with the demo key."""
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
        str(schema_path), "--url", server.base_url,
        "--header", f"Authorization: Bearer {server.api_key}",
        "--phases", phases, "--max-examples", str(examples), "--mode", mode,
        "--workers", workers, "--request-timeout", "60", "--generation-database", "none",
        "--continue-on-failure", "--no-color", "--output-truncate", "true",
        "--report", "json,junit" + (",har" if har else ""), "--report-dir", str(report_dir),
    ]
    if seed != "random":
        command += ["--seed", seed]
    if include:
        command += ["--include-operation-id-regex", include]
    return command
