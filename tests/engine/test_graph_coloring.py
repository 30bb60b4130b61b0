"""Graph coloring template: colour counts against exhaustive search and DIMACS myciel3/myciel4; input validation."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import graph_coloring

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def colourable(n: int, edges: list[tuple[int, int]], k: int) -> bool:
    """Whether the graph on 0..n-1 has a proper colouring with k colours (backtracking)."""
    around = [set() for _ in range(n)]
    for u, v in edges:
        around[u].add(v)
        around[v].add(u)
    order = sorted(range(n), key=lambda v: -len(around[v]))
    colour = [-1] * n

    def place(position: int, used: int) -> bool:
        if position == n:
            return True
        v = order[position]
        for c in range(min(k, used + 1)):  # a new colour only as the next unused one
            if all(colour[u] != c for u in around[v]):
                colour[v] = c
                if place(position + 1, max(used, c + 1)):
                    return True
                colour[v] = -1
        return False

    return place(0, 0)


def chromatic_number(n: int, edges: list[tuple[int, int]]) -> int:
    return next(k for k in range(1, n + 1) if colourable(n, edges, k))


def to_input(n: int, edges: list[tuple[int, int]], **extra) -> dict:
    return {"vertices": [f"v{i}" for i in range(n)], "edges": [[f"v{u}", f"v{v}"] for u, v in edges], **extra}


def assert_proper(data: dict, solution: dict) -> None:
    colour = {row["vertex"]: row["color"] for row in solution["assignments"]}
    assert set(colour) == set(data["vertices"])
    assert all(colour[u] != colour[v] for u, v in data["edges"])
    assert solution["number_of_colors"] == len(set(colour.values())) == len(solution["color_classes"])
    assert sorted(v for entry in solution["color_classes"] for v in entry["vertices"]) == sorted(data["vertices"])
    edges = {frozenset(edge) for edge in data["edges"]}
    clique = solution["clique"]
    assert all(frozenset((a, b)) in edges for i, a in enumerate(clique) for b in clique[i + 1:])
    if data.get("colors"):
        assert set(colour.values()) <= set(data["colors"])


@pytest.mark.parametrize("seed", range(8))
def test_random_graphs_match_exhaustive_search(seed):
    rng = random.Random(seed)
    n = rng.randint(5, 9)
    density = rng.choice([0.3, 0.5, 0.7])
    edges = [(u, v) for u in range(n) for v in range(u + 1, n) if rng.random() < density]
    data = to_input(n, edges)
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == chromatic_number(n, edges)
    assert out.gap == 0
    assert_proper(data, out.solution)


@pytest.mark.parametrize("seed", range(8))
def test_the_compact_integer_model_for_dense_graphs_matches_exhaustive_search(seed, monkeypatch):
    monkeypatch.setattr(graph_coloring, "MAX_ASSIGNMENT_TERMS", 0)
    rng = random.Random(100 + seed)
    n = rng.randint(5, 9)
    edges = [(u, v) for u in range(n) for v in range(u + 1, n) if rng.random() < 0.6]
    data = to_input(n, edges)
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == chromatic_number(n, edges)
    assert_proper(data, out.solution)


def test_the_greedy_colouring_is_returned_when_cp_sat_finds_nothing_in_time(monkeypatch):
    def nothing_in_time(model, options, **parameters):
        return None, {"status": "time_limit", "has_solution": False, "objective_value": None, "best_bound": None,
                      "gap": None, "solve_time_ms": 10, "solver": "CP-SAT (test)"}

    monkeypatch.setattr(graph_coloring.cpsat, "solve", nothing_in_time)
    n, edges, _ = _myciel("myciel4")
    data = to_input(n, edges)
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert out.status == "feasible"
    assert out.best_bound == 2 and out.objective_value >= 5  # the clique bound; DSatur's colour count
    assert out.gap > 0 and "not proven" in out.message
    assert out.solution["number_of_colors"] == out.objective_value
    assert_proper(data, out.solution)


def test_odd_cycle_needs_three_colours_and_edgeless_graph_one():
    out = graph_coloring.TEMPLATE.run(to_input(7, [(i, (i + 1) % 7) for i in range(7)]), OPTIONS)
    assert out.status == "optimal" and out.objective_value == 3
    out = graph_coloring.TEMPLATE.run(to_input(4, []), OPTIONS)
    assert out.status == "optimal" and out.objective_value == 1
    assert out.solution["color_classes"] == [{"color": "Color 1", "vertices": ["v0", "v1", "v2", "v3"]}]


def test_repeated_and_reversed_edges_count_once():
    data = to_input(3, [(0, 1), (1, 0), (0, 1), (1, 2)])
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 2
    assert_proper(data, out.solution)


def test_named_colours_are_used_in_order_and_too_few_are_infeasible():
    wheel = [(0, i) for i in range(1, 6)] + [(i, i % 5 + 1) for i in range(1, 6)]  # W5 needs 4 colours
    data = to_input(6, wheel, colors=["Mon", "Tue", "Wed", "Thu", "Fri"])
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 4
    assert [entry["color"] for entry in out.solution["color_classes"]] == ["Mon", "Tue", "Wed", "Thu"]
    assert_proper(data, out.solution)
    out = graph_coloring.TEMPLATE.run(to_input(6, wheel, colors=["Mon", "Tue", "Wed"]), OPTIONS)
    assert out.status == "infeasible" and out.solution is None and "3 colours" in out.message
    k4 = [(u, v) for u in range(4) for v in range(u + 1, 4)]
    out = graph_coloring.TEMPLATE.run(to_input(4, k4, colors=["A", "B", "C"]), OPTIONS)
    assert out.status == "infeasible" and "all clash with each other" in out.message


def _myciel(name: str) -> tuple[int, list[tuple[int, int]], int]:
    instance = json.loads((DATA / "myciel.json").read_text())["instances"][name]
    return instance["vertices"], [(u - 1, v - 1) for u, v in instance["edges"]], instance["chromatic_number"]


@pytest.mark.parametrize("name, order, size, chromatic", [("myciel3", 4, 20, 4), ("myciel4", 5, 71, 5)])
def test_dimacs_data_is_the_mycielski_graph(name, order, size, chromatic):
    # Mycielski's construction raises the chromatic number by one and keeps the graph triangle-free:
    # M4 (the Groetzsch graph, 11 vertices) needs 4 colours, M5 (23 vertices) needs 5.
    networkx = pytest.importorskip("networkx")
    n, edges, published = _myciel(name)
    graph = networkx.Graph(edges)
    assert (n, len(edges), published) == (graph.number_of_nodes(), size, chromatic)
    assert networkx.is_isomorphic(graph, networkx.mycielski_graph(order))


@pytest.mark.parametrize("name", ["myciel3", "myciel4"])
def test_dimacs_chromatic_numbers_hold_by_exhaustive_search(name):
    n, edges, published = _myciel(name)
    assert not colourable(n, edges, published - 1) and colourable(n, edges, published)


@pytest.mark.parametrize("name", ["myciel3", "myciel4"])
def test_dimacs_myciel_graphs_reach_their_chromatic_number(name):
    n, edges, published = _myciel(name)
    data = to_input(n, edges)
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == published
    assert len(out.solution["clique"]) == 2  # triangle-free: the clique bound alone is weak
    assert_proper(data, out.solution)


def test_example_input_solves():
    example = graph_coloring.TEMPLATE.example_input
    out = graph_coloring.TEMPLATE.run(example, OPTIONS)
    assert out.status == "optimal"
    index = {name: i for i, name in enumerate(example["vertices"])}
    edges = [(index[u], index[v]) for u, v in example["edges"]]
    assert out.objective_value == chromatic_number(len(index), edges)
    assert_proper(example, out.solution)
    assert graph_coloring.TEMPLATE.category == "combinatorial"
    assert 2 <= graph_coloring.TEMPLATE.credits_per_execution <= 8


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["edges"].append(["v0", "zz"]), r"edge \(v0, zz\) names unknown vertices: zz"),
    (lambda d: d["edges"].append(["v1", "v1"]), "joins a vertex to itself"),
    (lambda d: d["vertices"].append("v0"), "vertex names must be unique; repeated: v0"),
    (lambda d: d.update({"colors": ["red", "red"]}), "color names must be unique"),
    (lambda d: d.update({"colors": []}), "at least 1"),
    (lambda d: d.update({"vertices": []}), "at least 1"),
    (lambda d: d["edges"].append(["v0"]), "Field required|at least 2"),
    (lambda d: d.update({"weights": {}}), "Extra inputs"),
    (lambda d: d.update(to_input(2001, [])), "at most 2000 items"),
    (lambda d: d.update(to_input(500, [(u, v) for u in range(500) for v in range(u + 1, 500)])),
     "at most 100000 items"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = to_input(3, [(0, 1), (1, 2)])
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        graph_coloring.GraphColoringInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = "import sys, chalicelib.templates.graph_coloring; print(any(m.startswith('ortools') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


def test_too_few_colours_for_a_clique_name_the_clique():
    data = {"vertices": list("ABCDE"), "edges": [["A", "B"], ["B", "C"], ["C", "A"], ["D", "E"]],
            "colors": ["red", "blue"]}
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    [conflict] = out.explanation.conflicts
    assert conflict.name == "clash: A, B, C"
    assert conflict.sentence == ("these 3 vertices all clash with each other (A, B, C), so they need 3 colours; "
                                 "2 are given")


def test_an_odd_cycle_with_two_colours_is_found_without_its_pendant():
    # A-B-C-D-E-A needs 3 colours; F hangs off A and is not part of the reason.
    data = {"vertices": list("ABCDEF"),
            "edges": [["A", "B"], ["B", "C"], ["C", "D"], ["D", "E"], ["E", "A"], ["A", "F"]],
            "colors": ["red", "blue"]}
    out = graph_coloring.TEMPLATE.run(data, OPTIONS)
    assert [c.name for c in out.explanation.conflicts] == [f"clashes: {v}" for v in "ABCDE"]
    assert out.explanation.conflicts[0].sentence == "A must differ in colour from B, E"
    assert out.explanation.conflict_is_minimal is True
