"""The builder canvas: the graph the web editor draws, and its compilation.

A canvas is `{"nodes": [...], "edges": [...]}` plus whatever else the editor
keeps (viewport, ...). Nodes are `{"id", "type", "data"}`:

    variable    data: {name, type: continuous|integer|binary, lower, upper}
    parameter   data: {name, value} or {name, expression} over other parameters
    constraint  data: {name?, expression}       e.g. "2*x + 3*y <= capacity"
    objective   data: {sense: minimize|maximize, expression}
    note, group anything; ignored by the compiler

Edges (`{"id"?, "source", "target"}`) are the editor's wires: they must join
existing nodes and never a node to itself. Compiling turns a canvas into the
engine's LinearModel (`model_json`) or lists every offending node and why.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from chalicelib.engine.expressions import ExpressionError, canonical_name, parse_expression, parse_relation
from chalicelib.engine.linear_model import NAME_PATTERN, LinearModel, Variable
from chalicelib.schemas.common import MAX_MAGNITUDE, Name, is_safe_number, unsafe_character

MAX_NODES = 5_000
MAX_EDGES = 20_000
MAX_CONSTRAINT_NAME = 128
MODEL_NODE_TYPES = ("variable", "parameter", "constraint", "objective")
IGNORED_NODE_TYPES = ("note", "group")


class CanvasNode(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    id: Name = Field(min_length=1, max_length=100)
    type: Name = Field(min_length=1, max_length=50)
    data: dict[str, Any] = Field(default_factory=dict)

    @field_validator("data")
    @classmethod
    def _visible_name(cls, data: dict[str, Any]) -> dict[str, Any]:
        """A node's `name` is shown in the editor and, for a constraint, in every result."""
        name = data.get("name")
        if isinstance(name, str) and (found := unsafe_character(name)) is not None:
            raise ValueError(f"data.name must not contain control, bidirectional or invisible formatting "
                             f"characters; found U+{ord(found):04X}")
        return data


class CanvasEdge(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    id: Name | None = Field(default=None, max_length=100)
    source: Name = Field(min_length=1, max_length=100)
    target: Name = Field(min_length=1, max_length=100)


class Canvas(BaseModel):
    """What the editor saves. Unknown top-level keys (viewport, ...) are kept."""

    model_config = ConfigDict(extra="allow", strict=True)

    nodes: list[CanvasNode] = Field(default_factory=list, max_length=MAX_NODES)
    edges: list[CanvasEdge] = Field(default_factory=list, max_length=MAX_EDGES)


class CanvasError(ValueError):
    def __init__(self, problems: list[dict[str, str]]):
        super().__init__("; ".join(f"{p['node_id']}: {p['message']}" for p in problems[:5]))
        self.problems = problems


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canvas_hash(canvas: dict[str, Any]) -> str:
    """Identity of a canvas: SHA-256 of its canonical JSON (key order does not matter)."""
    return hashlib.sha256(canonical_json(canvas).encode()).hexdigest()


def node_fingerprints(canvas: dict[str, Any]) -> dict[str, list[str]]:
    """{node id: [type, hash of its data]}: enough to diff two canvases by node identity."""
    fingerprints = {}
    for node in canvas.get("nodes") or []:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            digest = hashlib.sha256(canonical_json(node.get("data")).encode()).hexdigest()[:16]
            fingerprints[node["id"]] = [str(node.get("type")), digest]
    return fingerprints


def edge_keys(canvas: dict[str, Any]) -> set[str]:
    return {f"{e.get('source')}->{e.get('target')}" for e in canvas.get("edges") or [] if isinstance(e, dict)}


def compile_canvas(canvas: dict[str, Any]) -> dict[str, Any]:
    """The canvas as a LinearModel (JSON), or CanvasError naming each bad node."""
    try:
        parsed = Canvas.model_validate(canvas)
    except ValidationError as error:
        raise CanvasError([{"node_id": "(canvas)", "message": f"{'.'.join(map(str, e['loc']))}: {e['msg']}"}
                           for e in error.errors()]) from None
    problems: list[dict[str, str]] = []

    def problem(node_id: str, message: str) -> None:
        problems.append({"node_id": node_id, "message": message})

    ids: set[str] = set()
    for node in parsed.nodes:
        if node.id in ids:
            problem(node.id, "duplicate node id")
        ids.add(node.id)
        if node.type not in MODEL_NODE_TYPES + IGNORED_NODE_TYPES:
            problem(node.id, f"unknown node type '{node.type}'; use one of {', '.join(MODEL_NODE_TYPES)}")
    for index, edge in enumerate(parsed.edges):
        label = edge.id or f"edge[{index}]"
        for end in (edge.source, edge.target):
            if end not in ids:
                problem(label, f"edge joins unknown node '{end}'")
        if edge.source == edge.target:
            problem(label, "edge joins a node to itself")

    by_type = {kind: [n for n in parsed.nodes if n.type == kind] for kind in MODEL_NODE_TYPES}
    names: dict[str, str] = {}  # symbol -> node id

    def claim(node_id: str, raw: Any) -> str | None:
        if not isinstance(raw, str) or not _valid_name(raw):
            problem(node_id, "data.name must be an identifier such as x, ship_cost or x[1,2]")
            return None
        name = canonical_name(raw)
        if name in names:
            problem(node_id, f"name '{name}' is already used by node {names[name]}")
            return None
        names[name] = node_id
        return name

    variables = []
    for node in by_type["variable"]:
        name = claim(node.id, node.data.get("name"))
        spec = {key: node.data[key] for key in ("type", "lower", "upper") if key in node.data}
        try:
            variable = Variable.model_validate({"name": name or "x", **spec})
        except ValidationError as error:
            problem(node.id, "; ".join(f"data.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()))
            continue
        if variable.lower is not None and variable.upper is not None and variable.lower > variable.upper:
            problem(node.id, f"lower bound {variable.lower:g} is above upper bound {variable.upper:g}")
        if name:
            variables.append(variable.model_dump(mode="json"))
    variable_names = {v["name"] for v in variables}

    parameters = _resolve_parameters(by_type["parameter"], claim, problem, variable_names)

    constraints = []
    for node in by_type["constraint"]:
        expression = node.data.get("expression")
        label = node.data.get("name") or node.id
        if not isinstance(expression, str):
            problem(node.id, "data.expression must be a comparison such as 'x + y <= 10'")
            continue
        if not isinstance(label, str) or len(label) > MAX_CONSTRAINT_NAME:
            problem(node.id, f"data.name must be text of at most {MAX_CONSTRAINT_NAME} characters")
            continue
        try:
            parse_relation(expression, variable_names, parameters)
        except ExpressionError as error:
            problem(node.id, str(error))
            continue
        constraints.append({"name": label, "expression": expression})

    objective = None
    if len(by_type["objective"]) > 1:
        for node in by_type["objective"]:
            problem(node.id, f"a model has at most one objective; found {len(by_type['objective'])}")
    elif by_type["objective"]:
        node = by_type["objective"][0]
        sense, expression = node.data.get("sense", "minimize"), node.data.get("expression")
        if sense not in ("minimize", "maximize"):
            problem(node.id, "data.sense must be minimize or maximize")
        elif not isinstance(expression, str):
            problem(node.id, "data.expression must be a linear expression such as '3*x + 2*y'")
        else:
            try:
                if parse_expression(expression, variable_names, parameters).is_constant:
                    raise ExpressionError("the objective has no variables")
                objective = {"sense": sense, "expression": expression}
            except ExpressionError as error:
                problem(node.id, str(error))
    if not variables and not problems:
        problem("(canvas)", "the canvas has no variable nodes")
    if problems:
        raise CanvasError(problems)
    model = {"variables": variables, "constraints": constraints, "parameters": parameters}
    if objective:
        model["objective"] = objective
    try:
        return LinearModel.model_validate(model).model_dump(mode="json", exclude_none=True)
    except ValidationError as error:  # every check above should have caught it: still a 400, not a 500
        raise CanvasError([{"node_id": "(canvas)", "message": f"{'.'.join(map(str, e['loc']))}: {e['msg']}"}
                           for e in error.errors()]) from None


def _valid_name(raw: str) -> bool:
    return len(raw) <= 128 and re.match(NAME_PATTERN, raw) is not None


def _resolve_parameters(nodes, claim, problem, variable_names: set[str]) -> dict[str, float]:
    """Parameter values; derived ones evaluated in dependency order, cycles refused."""
    values: dict[str, float] = {}
    pending: dict[str, tuple[str, str]] = {}  # name -> (node id, expression)
    for node in nodes:
        name = claim(node.id, node.data.get("name"))
        if name is None:
            continue
        value, expression = node.data.get("value"), node.data.get("expression")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and expression is None:
            if not is_safe_number(value):
                problem(node.id, f"data.value must be a finite number between {-MAX_MAGNITUDE:g} "
                                 f"and {MAX_MAGNITUDE:g}")
            else:
                values[name] = float(value)
        elif isinstance(expression, str) and value is None:
            pending[name] = (node.id, expression)
        else:
            problem(node.id, "a parameter has a numeric data.value or a data.expression over other parameters")
    while pending:
        progressed = False
        for name, (node_id, expression) in list(pending.items()):
            try:
                result = parse_expression(expression, set(), values)
            except ExpressionError as error:
                missing = str(error).startswith("unknown name")
                unresolved = missing and any(f"'{other}'" in str(error) for other in pending)
                if unresolved:
                    continue
                if any(f"'{v}'" in str(error) for v in variable_names):
                    problem(node_id, "a parameter cannot depend on a variable")
                else:
                    problem(node_id, str(error))
                del pending[name]
                progressed = True
                continue
            values[name] = result.constant
            del pending[name]
            progressed = True
        if not progressed:
            for name, (node_id, _) in pending.items():
                problem(node_id, f"parameter '{name}' is part of a dependency cycle")
            break
    return values


_NOUNS = {"variable": "variable", "constraint": "constraint", "objective": "objective",
          "parameter": "parameter", "edge": "edge"}


def change_summary(previous: dict[str, Any] | None, current: dict[str, Any]) -> str:
    """What changed since `previous`, by node id and type: "Modified 2 constraints, added 1 variable".

    A node whose type changed counts as removed and added. The first checkpoint of
    a document reads "Added N nodes". Equal canvases are never checkpointed twice,
    so when no node or edge differs the change was to layout (positions, viewport).
    """
    now = node_fingerprints(current)
    if previous is None:
        parts = [_count(len(now), "node")] if now else []
        edges = len(edge_keys(current))
        if edges:
            parts.append(_count(edges, "edge"))
        return "Added " + " and ".join(parts) if parts else "Empty canvas"
    before = node_fingerprints(previous)
    changes: dict[str, dict[str, int]] = {"modified": {}, "added": {}, "removed": {}}

    def note(verb: str, kind: str) -> None:
        noun = _NOUNS.get(kind, "node")
        changes[verb][noun] = changes[verb].get(noun, 0) + 1

    for node_id, (kind, digest) in now.items():
        if node_id not in before:
            note("added", kind)
        elif before[node_id][0] != kind:
            note("removed", before[node_id][0])
            note("added", kind)
        elif before[node_id][1] != digest:
            note("modified", kind)
    for node_id, (kind, _) in before.items():
        if node_id not in now:
            note("removed", kind)
    edges_now, edges_before = edge_keys(current), edge_keys(previous)
    if edges_now - edges_before:
        changes["added"]["edge"] = len(edges_now - edges_before)
    if edges_before - edges_now:
        changes["removed"]["edge"] = len(edges_before - edges_now)
    clauses = [f"{verb} " + _listing([_count(n, noun) for noun, n in counts.items()])
               for verb, counts in changes.items() if counts]
    if not clauses:
        return "Updated layout"
    summary = ", ".join(clauses)
    return summary[0].upper() + summary[1:]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def canvas_origins(canvas: dict[str, Any]) -> dict[str, str]:
    """Constraint and variable names of a builder canvas -> their node ids, as the canvas
    compiler names them (a constraint by data.name or its node id, a variable by data.name)."""
    origins: dict[str, str] = {}
    for node in canvas.get("nodes", []):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            continue
        data = node.get("data") if isinstance(node.get("data"), dict) else {}
        if node.get("type") == "variable" and isinstance(data.get("name"), str):
            origins.setdefault(canonical_name(data["name"]), node["id"])
        elif node.get("type") == "constraint":
            label = data.get("name") or node["id"]
            if isinstance(label, str):
                origins[label] = node["id"]
    return origins
