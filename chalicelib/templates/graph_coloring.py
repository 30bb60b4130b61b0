"""Graph coloring.

Give every vertex a colour so that the two ends of every edge get different colours, using as
few colours as possible. Vertices are exams, meetings, radio transmitters or registers; an edge
says that two of them clash (they share a student, a person, a frequency band); colours are
the time slots, rooms or frequencies to hand out.

    minimize    number of colours used
    subject to  colour[u] != colour[v]      for every edge (u, v)
                at most len(colors) colours, when colour names are given

Solved with CP-SAT. A greedy DSatur colouring bounds the number of colours the model considers
and is its starting hint (and the answer, reported "feasible", if CP-SAT finds nothing in time);
a large clique found greedily bounds it from below. Renaming colours gives equivalent
solutions, so colours are numbered by first use along a vertex order that starts with the
clique: vertex i may take colour c only if an earlier vertex took colour c - 1, which leaves one
solution per partition into colour classes and fixes the clique to colours 1..q. The main model
is the assignment formulation (x[v][c] = 1 when vertex v gets colour c, used[c] when any vertex
does), whose LP relaxation helps prove lower bounds; when edges x colours would make it too
large (dense graphs), a compact model with one integer colour per vertex and a disequality per
edge is used instead.

With too few colours given, a run is infeasible: the greedy clique, when it is larger than the
palette, is the reason; otherwise the vertices whose clashes need more colours are found by
re-solving on fewer of them (chalicelib/templates/explain_rules.py), which ends in a set where
every vertex is needed.
"""
from __future__ import annotations

import heapq

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Explanation
from chalicelib.engine.result import SolveOutcome, relative_gap
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule

MAX_VERTICES = 2000
MAX_EDGES = 100_000
MAX_ASSIGNMENT_TERMS = 200_000  # edges x colours above which the compact integer model is used


class GraphColoringInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    vertices: list[str] = Field(min_length=1, max_length=MAX_VERTICES)
    """Names of the things to colour (exams, meetings, transmitters), unique, at most 2,000."""
    edges: list[tuple[str, str]] = Field(default_factory=list, max_length=MAX_EDGES)
    """Pairs of vertex names that must get different colours, at most 100,000; order and repeats
    do not matter."""
    colors: list[str] | None = Field(default=None, min_length=1, max_length=MAX_VERTICES)
    """Names of the available colours (time slots, rooms, frequencies), used in this order.
    When omitted, colours are named "Color 1", "Color 2", ... and as many as needed are
    available; when given, a graph needing more of them is reported infeasible."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "GraphColoringInput":
        for kind, names in (("vertex", self.vertices), ("color", self.colors or [])):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        known = set(self.vertices)
        for u, v in self.edges:
            unknown = [name for name in (u, v) if name not in known]
            if unknown:
                raise ValueError(f"edge ({u}, {v}) names unknown vertices: {', '.join(unknown)}")
            if u == v:
                raise ValueError(f"edge ({u}, {v}) joins a vertex to itself: no colouring can satisfy it")
        return self


def solve(data: GraphColoringInput, options: RunOptions) -> SolveOutcome:
    """The fewest colours; with too few colours given, the vertices whose clashes need more."""
    outcome = _optimize(data, options)
    if outcome.status != "infeasible" or data.colors is None:
        return outcome
    palette = len(data.colors)
    clique = _clique_names(data)
    if len(clique) > palette:
        rule = Rule(f"clash: {', '.join(clique[:10])}" + (" ..." if len(clique) > 10 else ""),
                    f"these {len(clique)} vertices all clash with each other ({', '.join(clique)}), so they need "
                    f"{len(clique)} colours; {palette} are given")
        return outcome.model_copy(update={"explanation": Explanation(
            summary=f"No colouring with {palette} colours exists: {rule.sentence}.",
            conflicts=[rule.conflict()], conflict_is_minimal=True)})
    neighbours: dict[str, set[str]] = {name: set() for name in data.vertices}
    for u, v in data.edges:
        neighbours[u].add(v)
        neighbours[v].add(u)
    candidates = [name for name in data.vertices if neighbours[name]]

    def is_feasible(active: list[int]) -> bool | None:
        kept = {candidates[i] for i in active}
        if len(kept) <= palette:
            return True
        sub = data.model_copy(update={"vertices": [name for name in data.vertices if name in kept],
                                      "edges": [(u, v) for u, v in data.edges if u in kept and v in kept]})
        probe = _optimize(sub, explain_rules.probe_options(options), first_solution=True)
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    found, minimal = explain_rules.find_conflict(len(candidates), is_feasible,
                                                 explain_rules.search_budget_s(options))
    chosen = [candidates[i] for i in found]
    inside = set(chosen)
    rules = [Rule(f"clashes: {name}", f"{name} must differ in colour from "
                  + ", ".join(sorted(neighbours[name] & inside, key=data.vertices.index)))
             for name in chosen]
    summary = (f"No colouring with {palette} colours exists: these {len(chosen)} vertices and their clashes already "
               f"need more than {palette} colours" + ("." if minimal else
                                                      " (the search ran out of time before making the set smallest)."))
    return outcome.model_copy(update={"explanation": Explanation(
        summary=summary, conflicts=[rule.conflict() for rule in rules[:explain_rules.MAX_REPORTED]],
        conflict_is_minimal=minimal)})


def _clique_names(data: GraphColoringInput) -> list[str]:
    index = {name: i for i, name in enumerate(data.vertices)}
    neighbours: list[set[int]] = [set() for _ in data.vertices]
    for u, v in data.edges:
        neighbours[index[u]].add(index[v])
        neighbours[index[v]].add(index[u])
    return [data.vertices[v] for v in _greedy_clique(neighbours)]


def _optimize(data: GraphColoringInput, options: RunOptions, first_solution: bool = False) -> SolveOutcome:
    """Solve; `first_solution` stops at the first plan found (the conflict search asks only whether one exists)."""
    from ortools.sat.python import cp_model

    # Data: adjacency, a greedy colouring (upper bound, hint), a clique (lower bound), and the
    # vertex order: clique first, then the greedy colouring's order.
    names = data.vertices
    neighbours: list[set[int]] = [set() for _ in names]
    index = {name: i for i, name in enumerate(names)}
    for u, v in data.edges:
        neighbours[index[u]].add(index[v])
        neighbours[index[v]].add(index[u])
    edges = sorted({(min(a, b), max(a, b)) for a in range(len(names)) for b in neighbours[a]})
    greedy, greedy_order = _dsatur(neighbours)
    clique = _greedy_clique(neighbours)
    in_clique = set(clique)
    order = clique + [v for v in greedy_order if v not in in_clique]
    greedy_colours = max(greedy) + 1
    palette = greedy_colours if data.colors is None else min(greedy_colours, len(data.colors))
    hint = _renumbered(greedy, order) if greedy_colours <= palette else None
    model = cp_model.CpModel()

    # Variables, constraints and objective: the assignment model, or the compact integer model
    # when edges x colours would make the assignment model too large (fenced inside each builder).
    if len(edges) * palette <= MAX_ASSIGNMENT_TERMS:
        extract = _assignment_model(model, order, edges, palette, len(clique), hint)
    else:
        extract = _integer_model(model, order, edges, palette, clique, hint)

    # Solve; when CP-SAT finds nothing in time, the greedy colouring is still a valid answer.
    solver, run = cpsat.solve(model, options, parameters=explain_rules.FIRST_SOLUTION if first_solution else None)
    if run["has_solution"]:
        colour_of = extract(solver)
    elif run["status"] == "time_limit" and hint is not None:
        colour_of = hint
        run.update(status="feasible", objective_value=float(greedy_colours), best_bound=float(len(clique)),
                   gap=relative_gap(float(greedy_colours), float(len(clique))))
    else:
        message = run.get("message") or _MESSAGES.get(run["status"])
        if run["status"] == "infeasible":
            message = f"The graph cannot be coloured with the {palette} colours given."
            if len(clique) > palette:
                message = (f"The graph cannot be coloured with the {palette} colours given: these {len(clique)} "
                           f"vertices all clash with each other: {', '.join(names[v] for v in clique)}.")
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=message)

    # Readable output: each vertex's colour, and the colour classes in colour order.
    labels = data.colors or [f"Color {c + 1}" for c in range(palette)]
    classes = [{"color": labels[c], "vertices": [names[v] for v in range(len(names)) if colour_of[v] == c]}
               for c in range(palette)]
    classes = [entry for entry in classes if entry["vertices"]]
    return SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "number_of_colors": len(classes),
            "assignments": [{"vertex": name, "color": labels[colour_of[v]]} for v, name in enumerate(names)],
            "color_classes": classes,
            "clique": [names[v] for v in clique],
        },
        message=_MESSAGES.get(run["status"]),
    )


def _assignment_model(model, order, edges, palette, clique_size, hint):
    """x[i][c] = 1 when the i-th vertex of `order` gets colour c; returns the extractor."""
    # Variables: x[i][c] (only c <= i: colour c is first used by vertex c at the earliest);
    # seen[i][c] when one of the first i+1 vertices has colour c; used[c] = seen[-1][c].
    x, seen = [], []
    for i, _ in enumerate(order):
        x.append([model.new_bool_var(f"x[{i},{c}]") for c in range(min(i + 1, palette))])
        seen.append([model.new_bool_var(f"seen[{i},{c}]") for c in range(palette)])
    used = seen[-1]

    # Constraints: one colour per vertex; ends of an edge differ (and use their colour).
    position = {v: i for i, v in enumerate(order)}
    for i in range(len(order)):
        model.add_exactly_one(x[i])
    for u, v in edges:
        i, j = position[u], position[v]
        for c in range(min(len(x[i]), len(x[j]))):
            model.add(x[i][c] + x[j][c] <= used[c])
    # Symmetry breaking: colours numbered by first use along `order`.
    for i in range(len(order)):
        for c in range(palette):
            mine = x[i][c] if c < len(x[i]) else 0
            before = seen[i - 1][c] if i > 0 else 0
            model.add(seen[i][c] >= mine)
            if i > 0:
                model.add(seen[i][c] >= before)
            model.add(seen[i][c] <= before + mine)
            if c > 0 and c < len(x[i]):
                model.add(x[i][c] <= (seen[i - 1][c - 1] if i > 0 else 0))
    # Redundant: the clique needs as many colours as it has vertices.
    model.add(sum(used) >= clique_size)

    # Objective: the number of colours.
    model.minimize(sum(used))
    if hint is not None:
        running = [False] * palette
        for i, v in enumerate(order):
            running[hint[v]] = True
            for c, var in enumerate(x[i]):
                model.add_hint(var, c == hint[v])
            for c in range(palette):
                model.add_hint(seen[i][c], running[c])

    def extract(solver) -> dict[int, int]:
        return {v: next(c for c, var in enumerate(x[i]) if solver.boolean_value(var)) for i, v in enumerate(order)}

    return extract


def _integer_model(model, order, edges, palette, clique, hint):
    """colour[v] in 0..palette-1 with colour[u] != colour[v] per edge; returns the extractor."""
    # Variables: each vertex's colour; top[i], the highest colour among the first i+1 vertices of `order`.
    colour = {v: model.new_int_var(0, palette - 1, f"colour[{v}]") for v in order}
    top = [model.new_int_var(0, palette - 1, f"top[{i}]") for i in range(len(order))]

    # Constraints: ends of an edge differ; the clique takes colours 0, 1, ... in order.
    for u, v in edges:
        model.add(colour[u] != colour[v])
    for k, v in enumerate(clique):
        model.add(colour[v] == k)
    # Symmetry breaking: a vertex opens at most the next new colour along `order`.
    model.add(top[0] == colour[order[0]])
    for i in range(1, len(order)):
        model.add(colour[order[i]] <= top[i - 1] + 1)
        model.add_max_equality(top[i], [top[i - 1], colour[order[i]]])

    # Objective: the number of colours (the highest colour + 1).
    model.minimize(top[-1] + 1)
    if hint is not None:
        highest = -1
        for i, v in enumerate(order):
            highest = max(highest, hint[v])
            model.add_hint(colour[v], hint[v])
            model.add_hint(top[i], highest)

    def extract(solver) -> dict[int, int]:
        return {v: solver.value(colour[v]) for v in order}

    return extract


def _dsatur(neighbours: list[set[int]]) -> tuple[list[int], list[int]]:
    """Brélaz's DSatur greedy colouring: colours per vertex and the order they were coloured in.

    The next vertex is the one whose neighbours already show the most distinct colours (ties:
    most uncoloured neighbours); it takes the smallest colour none of them has.
    """
    n = len(neighbours)
    colour = [-1] * n
    around: list[set[int]] = [set() for _ in range(n)]  # colours among each vertex's neighbours
    free_degree = [len(neighbours[v]) for v in range(n)]
    heap = [(0, -free_degree[v], v) for v in range(n)]
    heapq.heapify(heap)
    order = []
    while heap:
        saturation, negative_degree, v = heapq.heappop(heap)
        if colour[v] >= 0 or -saturation != len(around[v]) or -negative_degree != free_degree[v]:
            continue  # stale entry
        c = 0
        while c in around[v]:
            c += 1
        colour[v] = c
        order.append(v)
        for u in neighbours[v]:
            if colour[u] < 0:
                around[u].add(c)
                free_degree[u] -= 1
                heapq.heappush(heap, (-len(around[u]), -free_degree[u], u))
    return colour, order


def _greedy_clique(neighbours: list[set[int]], starts: int = 50) -> list[int]:
    """A large clique: from each of the highest-degree vertices, add the candidate with most
    neighbours among the remaining candidates until none is left; keep the largest."""
    by_degree = sorted(range(len(neighbours)), key=lambda v: -len(neighbours[v]))
    best: list[int] = by_degree[:1]
    for start in by_degree[:starts]:
        clique, candidates = [start], set(neighbours[start])
        while candidates:
            v = max(candidates, key=lambda u: (len(neighbours[u] & candidates), -u))
            clique.append(v)
            candidates &= neighbours[v]
        if len(clique) > len(best):
            best = clique
    return best


def _renumbered(greedy: list[int], order: list[int]) -> dict[int, int]:
    """The greedy colouring with colours renumbered by first use along `order` (the model's rule)."""
    renumber: dict[int, int] = {}
    for v in order:
        renumber.setdefault(greedy[v], len(renumber))
    return {v: renumber[greedy[v]] for v in order}


_MESSAGES = {
    "time_limit": "No colouring was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the colouring is valid, its number of colours not proven "
                "minimal.",
}

TEMPLATE = Template(
    name="graph_coloring",
    display_name="Graph Coloring (Timetabling, Frequencies)",
    description="Give every vertex a colour so that no two connected vertices share one, with as few colours "
                "as possible: exam timetables without clashes, meeting slots, radio frequencies, register "
                "allocation.",
    category="combinatorial",
    tags=["graph coloring", "timetabling", "conflicts", "combinatorial", "cp-sat"],
    credits_per_execution=3,
    input_model=GraphColoringInput,
    example_input={
        "vertices": ["Algebra", "Biology", "Chemistry", "Databases", "Economics", "French", "Geography",
                     "History"],
        "edges": [
            ["Algebra", "Biology"], ["Algebra", "Chemistry"], ["Algebra", "Databases"],
            ["Biology", "Chemistry"], ["Biology", "Economics"], ["Chemistry", "French"],
            ["Databases", "Economics"], ["Databases", "Geography"], ["Economics", "History"],
            ["French", "Geography"], ["French", "History"], ["Geography", "History"],
        ],
        "colors": ["Mon 09:00", "Mon 14:00", "Tue 09:00", "Tue 14:00"],
    },
    solve=solve,
)
