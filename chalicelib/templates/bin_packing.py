"""Bin packing.

Pack every item into bins (pallets, trucks, containers, rolls) so that no bin is overfilled
and the total cost of the bins used is as low as possible; with one bin type at cost 1 this
minimizes the number of bins.

    minimize    sum_t cost[t] * bins_used[t]
    subject to  every unit of every item is in exactly one bin
                the items in a bin of type t fit within capacity[t]
                bins_used[t] <= max_count[t]

Items of equal size are interchangeable and are packed as one group. The main model is the
arc-flow formulation (Valerio de Carvalho, 1999): for each bin type, a graph whose nodes are
the fill levels 0..capacity and whose arcs add one item (largest first, which removes
symmetric packings); every bin is a path from empty to full, and the model chooses integer
flows. Its LP bound is as strong as Gilmore-Gomory's, so the usual instances (Falkenauer's
u120 set) solve to proven optimality in about a second. When decimals make the graph too
large, a compact assignment model with symmetry breaking (bins of a type opened in order, in
non-increasing load) and a first-fit-decreasing starting hint is used instead. Sizes and
capacities share one unit and may be decimals (up to 6 places; sizes are rounded up and
capacities down when finer). Solved with CP-SAT.

Items larger than every bin, or more than all limited bins hold, are refused with the numbers
(a 400). A run still infeasible (max_count leaves too few bins of the sizes the items need)
names the items and bin limits that conflict, found by re-solving without some of them
(chalicelib/templates/explain_rules.py).
"""
from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule, number

MAX_UNITS = 1000
MAX_MODEL_SIZE = 200_000
MAX_ARCS = 150_000


class BinType(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Bin type name (for example "Pallet" or "20ft container"), unique within the input."""
    capacity: float = Field(ge=1e-6, le=1e9)
    """Capacity of one bin of this type, in the same unit as the item sizes (6 decimals at most)."""
    cost: float = Field(default=1.0, ge=1e-6, le=1e6)
    """Cost of using one bin of this type, in currency units (1 counts bins)."""
    max_count: int | None = Field(default=None, ge=0, le=MAX_UNITS)
    """Most bins of this type available; unlimited when omitted."""


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Item name, unique within the input."""
    size: float = Field(ge=1e-6, le=1e9)
    """Size of one unit (weight, length, volume), in the same unit as the bin capacities."""
    quantity: int = Field(default=1, ge=1, le=MAX_UNITS)
    """Number of identical units of this item to pack."""


class BinPackingInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    bin_types: list[BinType] = Field(min_length=1, max_length=20)
    """Available kinds of bin."""
    items: list[Item] = Field(min_length=1, max_length=MAX_UNITS)
    """Items to pack; every unit must go into some bin."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "BinPackingInput":
        for kind, entries in (("bin type", self.bin_types), ("item", self.items)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        units = sum(item.quantity for item in self.items)
        if units > MAX_UNITS:
            raise ValueError(f"at most {MAX_UNITS:,} item units per run (sum of quantities); got {units:,}")
        if len(self.items) * units * len(self.bin_types) > MAX_MODEL_SIZE:
            raise ValueError(f"too large: items x item units x bin types must be at most {MAX_MODEL_SIZE:,}; "
                             "merge identical items with `quantity`")
        largest = max(self.bin_types, key=lambda bin_type: bin_type.capacity)
        for item in self.items:
            if item.size > largest.capacity:
                raise ValueError(f"item '{item.name}' (size {item.size:g}) is larger than every bin "
                                 f"(largest: '{largest.name}', capacity {largest.capacity:g})")
        available = [b for b in self.bin_types if b.max_count != 0]
        if not available:
            raise ValueError("every bin type has max_count 0: there are no bins to pack into")
        if all(b.max_count is not None for b in self.bin_types):
            total_capacity = sum(b.capacity * b.max_count for b in self.bin_types)
            total_size = sum(item.size * item.quantity for item in self.items)
            if total_size > total_capacity * (1 + 1e-9):
                raise ValueError(f"the items' total size {total_size:g} exceeds the total capacity "
                                 f"{total_capacity:g} of all available bins")
        return self


def solve(data: BinPackingInput, options: RunOptions) -> SolveOutcome:
    """The cheapest packing; when max_count makes packing impossible, the items and limits that conflict."""
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    limited = [t for t, b in enumerate(data.bin_types) if b.max_count is not None]
    rules = [Rule(f"item: {item.name}",
                  f"{item.quantity} unit(s) of {item.name} (size {number(item.size)}) must be packed")
             for item in data.items]
    rules += [Rule(f"bin limit: {data.bin_types[t].name}", f"at most {data.bin_types[t].max_count} "
                   f"{data.bin_types[t].name} bin(s) (capacity {number(data.bin_types[t].capacity)}) are available")
              for t in limited]

    def is_feasible(active: list[int]) -> bool | None:
        kept = set(active)
        items = [item for i, item in enumerate(data.items) if i in kept]
        if not items:
            return True
        types = [b if b.max_count is None or len(data.items) + limited.index(t) in kept
                 else b.model_copy(update={"max_count": None}) for t, b in enumerate(data.bin_types)]
        if not any(b.max_count != 0 for b in types) or max(i.size for i in items) > max(
                b.capacity for b in types if b.max_count != 0):
            return False
        probe = _optimize(data.model_copy(update={"items": items, "bin_types": types}),
                          explain_rules.probe_options(options), first_solution=True)
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="packing")


def _optimize(data: BinPackingInput, options: RunOptions, first_solution: bool = False) -> SolveOutcome:
    """Solve; `first_solution` stops at the first plan found (the conflict search asks only whether one exists)."""
    from ortools.sat.python import cp_model

    # Data: integer sizes (rounded up) and capacities (rounded down), items grouped by size.
    types, items = data.bin_types, data.items
    factor = cpsat.scale_factor([i.size for i in items] + [b.capacity for b in types],
                                max(b.capacity for b in types) * MAX_UNITS)
    capacity = [max(1, math.floor(b.capacity * factor + 1e-9)) for b in types]
    sizes = sorted({math.ceil(i.size * factor - 1e-9) for i in items}, reverse=True)
    members: list[list[int]] = [[] for _ in sizes]
    for index, item in enumerate(items):
        members[sizes.index(math.ceil(item.size * factor - 1e-9))].append(index)
    demand = [sum(items[i].quantity for i in group) for group in members]
    cost_scale = cpsat.scale_factor([b.cost for b in types], MAX_UNITS)
    cost = [max(1, round(b.cost * cost_scale)) for b in types]
    heuristic = _first_fit_decreasing(sizes, demand, capacity, cost, types)
    slots = _slot_counts(sizes, demand, capacity, cost, types, heuristic)
    graphs = _arc_flow_graphs(sizes, demand, capacity)
    model = cp_model.CpModel()

    # Variables, constraints and objective: the arc-flow model, or the compact model when the
    # arc-flow graph would be too large (fenced inside each builder).
    if graphs is not None:
        extract = _arc_flow_model(model, graphs, sizes, demand, cost, slots)
    else:
        extract = _assignment_model(model, sizes, demand, capacity, cost, slots, heuristic)

    # Solve.
    solver, run = cpsat.solve(model, options, objective_scale=cost_scale,
                              parameters=explain_rules.FIRST_SOLUTION if first_solution else None)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output: hand each group's units back to the named items, bin by bin.
    left = [[(i, items[i].quantity) for i in group] for group in members]
    packed, counters = [], dict.fromkeys(range(len(types)), 0)
    for t, counts in sorted(extract(solver), key=lambda entry: (entry[0], -_load(sizes, entry[1]))):
        contents: list[dict] = []
        for g, count in enumerate(counts):
            while count > 0 and left[g]:  # arc-flow may cover a group more than needed: drop extras
                i, remaining = left[g][0]
                take = min(count, remaining)
                contents.append({"item": items[i].name, "quantity": take, "size": items[i].size})
                count -= take
                left[g][0] = (i, remaining - take)
                if remaining == take:
                    left[g].pop(0)
        if not contents:
            continue
        counters[t] += 1
        bin_load = sum(entry["size"] * entry["quantity"] for entry in contents)
        packed.append({"bin": f"{types[t].name} #{counters[t]}", "type": types[t].name,
                       "capacity": types[t].capacity, "load": round(bin_load, 9),
                       "utilization": round(bin_load / types[t].capacity, 6), "items": contents})
    total_cost = sum(types[t].cost * count for t, count in counters.items())
    return SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_cost": round(total_cost, 9),
            "number_of_bins": len(packed),
            "bins_per_type": {types[t].name: count for t, count in counters.items()},
            "bins": packed,
        },
        message=_MESSAGES.get(run["status"]),
    )


def _arc_flow_graphs(sizes, demand, capacity) -> list[list[tuple[int, int, int]]] | None:
    """Arcs (from level, to level, size group or -1 for unused space) per bin type, or None if too big.

    Items enter a bin largest first: an arc for group g leaves only levels reachable with
    larger items (and earlier copies of g), and a path carries at most demand[g] of them.
    """
    graphs, total = [], 0
    for cap in capacity:
        levels, arcs = {0}, set()
        for g, size in enumerate(sizes):
            reached = set()
            for start in sorted(levels):
                if start + size > cap:
                    break
                level = start
                for _ in range(min(demand[g], (cap - start) // size)):
                    arcs.add((level, level + size, g))
                    level += size
                    reached.add(level)
                if len(arcs) + total > MAX_ARCS:
                    return None
            levels |= reached
        arcs |= {(level, cap, -1) for level in levels if level < cap}
        total += len(arcs)
        if total > MAX_ARCS:
            return None
        graphs.append(sorted(arcs))
    return graphs


def _arc_flow_model(model, graphs, sizes, demand, cost, slots):
    """Arc-flow model: one unit of flow from level 0 to capacity per bin; returns the extractor."""
    # Variables: flow on every arc (bins taking it); bins of each type = flow leaving level 0.
    # Bounding item arcs by the bin count rather than by demand keeps CP-SAT's LP much stronger here.
    flows = [[model.new_int_var(0, slots[t], f"flow[{t},{a}]") for a in range(len(arcs))]
             for t, arcs in enumerate(graphs)]
    opened = [model.new_int_var(0, slots[t], f"bins[{t}]") for t in range(len(graphs))]

    # Constraints: flow conservation per bin type; every size group covered.
    covering: list[list] = [[] for _ in sizes]
    for t, arcs in enumerate(graphs):
        balance: dict[int, list] = {}
        for (tail, head, g), var in zip(arcs, flows[t]):
            balance.setdefault(tail, []).append(-var)
            balance.setdefault(head, []).append(var)
            if g >= 0:
                covering[g].append(var)
        sink = max(balance) if balance else 0
        for level, terms in balance.items():
            target = -opened[t] if level == 0 else opened[t] if level == sink else 0
            model.add(sum(terms) == target)
        if not balance:
            model.add(opened[t] == 0)
    for g in range(len(sizes)):
        model.add(sum(covering[g]) >= demand[g])

    # Objective: total cost of the bins.
    model.minimize(sum(cost[t] * opened[t] for t in range(len(graphs))))

    def extract(solver) -> list[tuple[int, list[int]]]:
        bins = []
        for t, arcs in enumerate(graphs):
            remaining = [solver.value(var) for var in flows[t]]
            leaving: dict[int, list[int]] = {}
            for a, (tail, _, _) in enumerate(arcs):
                leaving.setdefault(tail, []).append(a)
            for _ in range(solver.value(opened[t])):
                counts, level = [0] * len(sizes), 0
                while level in leaving:
                    a = next(a for a in leaving[level] if remaining[a] > 0)
                    remaining[a] -= 1
                    level, group = arcs[a][1], arcs[a][2]
                    if group >= 0:
                        counts[group] += 1
                bins.append((t, counts))
        return bins

    return extract


def _assignment_model(model, sizes, demand, capacity, cost, slots, heuristic):
    """Compact model: integer units of each size group per candidate bin; returns the extractor."""
    bins = [t for t, count in enumerate(slots) for _ in range(count)]

    # Variables: used[b] when bin b is opened; put[g, b] units of size group g in bin b.
    used = [model.new_bool_var(f"used[{b}]") for b in range(len(bins))]
    put = {}
    in_group: list[list] = [[] for _ in sizes]
    in_bin: list[list] = [[] for _ in bins]
    for g, size in enumerate(sizes):
        for b, t in enumerate(bins):
            most = min(demand[g], capacity[t] // size)
            if most > 0:
                put[g, b] = model.new_int_var(0, most, f"put[{g},{b}]")
                in_group[g].append(put[g, b])
                in_bin[b].append(size * put[g, b])
    load = [sum(terms) for terms in in_bin]

    # Constraints: every unit packed; capacity of opened bins only.
    for g in range(len(sizes)):
        model.add(sum(in_group[g]) == demand[g])
    for b, t in enumerate(bins):
        model.add(load[b] <= capacity[t] * used[b])
    # Symmetry breaking: bins of one type are opened in order and kept in non-increasing load.
    for b in range(len(bins) - 1):
        if bins[b] == bins[b + 1]:
            model.add(used[b] >= used[b + 1])
            model.add(load[b] >= load[b + 1])
    # Redundant: the opened capacity holds the total size (tightens the bound).
    model.add(sum(capacity[t] * used[b] for b, t in enumerate(bins)) >= _load(sizes, demand))

    # Objective: total cost of the opened bins.
    model.minimize(sum(cost[t] * used[b] for b, t in enumerate(bins)))
    if heuristic is not None:
        _add_hint(model, heuristic, sizes, bins, used, put)

    def extract(solver) -> list[tuple[int, list[int]]]:
        return [(t, [solver.value(put[g, b]) if (g, b) in put else 0 for g in range(len(sizes))])
                for b, t in enumerate(bins) if solver.boolean_value(used[b])]

    return extract


def _load(sizes, counts) -> int:
    return sum(size * count for size, count in zip(sizes, counts))


def _first_fit_decreasing(sizes, demand, capacity, cost, types) -> list[tuple[int, list[int]]] | None:
    """A quick packing: (bin type, units per size group) for each bin, or None if it fails.

    Units go, largest first, into the first open bin with room; a new bin is of the type with
    the lowest cost per unit of capacity among those still available that can hold the unit.
    """
    left_count = [b.max_count if b.max_count is not None else math.inf for b in types]
    bins: list[list] = []  # [type, room, counts]
    for g, size in enumerate(sizes):
        for _ in range(demand[g]):
            target = next((entry for entry in bins if entry[1] >= size), None)
            if target is None:
                choices = [t for t in range(len(types)) if left_count[t] > 0 and capacity[t] >= size]
                if not choices:
                    return None
                t = min(choices, key=lambda c: (cost[c] / capacity[c], -capacity[c]))
                left_count[t] -= 1
                target = [t, capacity[t], [0] * len(sizes)]
                bins.append(target)
            target[1] -= size
            target[2][g] += 1
    return [(t, counts) for t, _, counts in bins]


def _slot_counts(sizes, demand, capacity, cost, types, heuristic) -> list[int]:
    """How many bins of each type the model needs to consider.

    An optimal packing never opens an empty bin, so a type needs at most as many bins as there
    are units that fit in it; and with a heuristic packing of cost C it needs at most C / cost.
    """
    counts = []
    for t, bin_type in enumerate(types):
        fitting = sum(d for s, d in zip(sizes, demand) if s <= capacity[t])
        bound = min(fitting, bin_type.max_count if bin_type.max_count is not None else fitting)
        if heuristic is not None:
            bound = min(bound, sum(cost[u] for u, _ in heuristic) // cost[t])
        counts.append(bound)
    return counts


def _add_hint(model, heuristic, sizes, bins, used, put) -> None:
    """Hint the heuristic packing, fullest bins first within each type (matching the symmetry rule)."""
    by_type: dict[int, list[list[int]]] = {}
    for t, counts in sorted(heuristic, key=lambda entry: -_load(sizes, entry[1])):
        by_type.setdefault(t, []).append(counts)
    loads = {}
    for b, t in enumerate(bins):
        queue = by_type.get(t, [])
        counts = queue.pop(0) if queue else None
        model.add_hint(used[b], counts is not None)
        loads[b] = counts
    for (g, b), var in put.items():
        model.add_hint(var, loads[b][g] if loads[b] is not None else 0)


_MESSAGES = {
    "infeasible": "The items cannot be packed into the available bins (max_count limits are too tight).",
    "time_limit": "No packing was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the packing is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="bin_packing",
    display_name="Bin Packing Optimizer",
    description="Pack items into the fewest (or cheapest) bins, pallets, trucks or containers without "
                "overfilling any, with several bin types and limited bin counts.",
    category="logistics",
    tags=["bin packing", "packing", "pallets", "containers", "logistics", "cp-sat"],
    credits_per_execution=4,
    input_model=BinPackingInput,
    example_input={
        "bin_types": [
            {"name": "Pallet", "capacity": 1000, "cost": 1},
        ],
        "items": [
            {"name": "Engine block", "size": 620},
            {"name": "Gearbox", "size": 410},
            {"name": "Radiator", "size": 180, "quantity": 2},
            {"name": "Axle", "size": 350, "quantity": 2},
            {"name": "Tyre set", "size": 240, "quantity": 3},
            {"name": "Battery", "size": 55, "quantity": 4},
            {"name": "Seat", "size": 95, "quantity": 4},
        ],
    },
    solve=solve,
)
