"""Knapsack.

Choose how many copies of each item to pack so that the packed value is as large as possible
without exceeding any capacity.

    maximize    sum_i value[i] * take[i]
    subject to  sum_i weight[i][r] * take[i] <= capacity[r]     for every resource r
                min_copies[i] <= take[i] <= max_copies[i], integer

With one resource and `max_copies` 1 everywhere this is the classic 0-1 knapsack; several
resources (weight, volume, budget, ...) make it multi-dimensional, and `max_copies` above 1
makes it a bounded knapsack. Weights and capacities are whole numbers in each resource's own
unit (grams, cm3, dollars); values may have decimals. Solved with CP-SAT.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule

MAX_ITEM_RESOURCE_PAIRS = 100_000


class Resource(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Resource name (for example "weight_kg" or "volume_l"), unique within the input."""
    capacity: int = Field(ge=0, le=10**12)
    """How much of the resource the knapsack holds, in the resource's unit."""


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Item name, unique within the input."""
    value: float = Field(ge=0, le=1e9)
    """Value of one copy, in any currency or score unit."""
    weights: dict[str, Annotated[int, Field(ge=0, le=10**9)]] = Field(default_factory=dict, max_length=50)
    """Resource use of one copy, keyed by resource name, in that resource's unit; missing means 0."""
    max_copies: int = Field(default=1, ge=1, le=10_000)
    """Most copies that may be packed (1 for a 0-1 knapsack)."""
    min_copies: int = Field(default=0, ge=0, le=10_000)
    """Copies that must be packed (0 unless the item is mandatory)."""


class KnapsackInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    resources: list[Resource] = Field(min_length=1, max_length=50)
    """Capacities of the knapsack, one per resource dimension."""
    items: list[Item] = Field(min_length=1, max_length=5000)
    """Candidate items."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "KnapsackInput":
        for kind, entries in (("resource", self.resources), ("item", self.items)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates)}")
        if len(self.items) * len(self.resources) > MAX_ITEM_RESOURCE_PAIRS:
            raise ValueError(f"at most {MAX_ITEM_RESOURCE_PAIRS:,} item-resource pairs per run")
        capacity = {resource.name: resource.capacity for resource in self.resources}
        for item in self.items:
            unknown = sorted(set(item.weights) - set(capacity))
            if unknown:
                raise ValueError(f"item '{item.name}' uses unknown resources: {', '.join(unknown)}")
            if item.min_copies > item.max_copies:
                raise ValueError(f"item '{item.name}' has min_copies {item.min_copies} above "
                                 f"max_copies {item.max_copies}")
            for resource, weight in item.weights.items():
                if item.min_copies * weight > capacity[resource]:
                    raise ValueError(
                        f"item '{item.name}' must be packed {item.min_copies} time(s), needing "
                        f"{item.min_copies * weight} {resource}, but the capacity is {capacity[resource]}"
                    )
        return self


def solve(data: KnapsackInput, options: RunOptions) -> SolveOutcome:
    """The most valuable packing and the full resources. Packing exactly the mandatory copies is a
    plan whenever they fit every capacity, so a resource they overfill explains every infeasible run."""
    over = []
    for resource in data.resources:
        mandatory = [(item, item.min_copies * item.weights.get(resource.name, 0)) for item in data.items
                     if item.min_copies and item.weights.get(resource.name)]
        need = sum(amount for _, amount in mandatory)
        if need > resource.capacity:
            over.append(Rule(f"capacity: {resource.name}",
                             "the mandatory items ("
                             + ", ".join(f"{item.name} x{item.min_copies}" for item, _ in mandatory[:10]) + ") "
                             f"need {need} {resource.name}; the capacity is {resource.capacity}"))
    if over:
        return explain_rules.infeasible_outcome(over, summary=f"No packing is possible: {over[0].sentence}.",
                                                minimal=len(over) == 1, solver="capacity pre-check")
    return _optimize(data, options)


def _optimize(data: KnapsackInput, options: RunOptions) -> SolveOutcome:
    from ortools.sat.python import cp_model

    # Data: the most copies of each item that could fit alone, and values scaled to integers.
    resources, items = data.resources, data.items
    fits = [_copies_that_fit(item, resources) for item in items]
    scale = cpsat.scale_factor([item.value for item in items],
                               sum(item.value * max(fit, 1) for item, fit in zip(items, fits)) or 1.0)
    model = cp_model.CpModel()

    # Variables: copies of each item taken.
    take = [model.new_int_var(item.min_copies, max(item.min_copies, fit), f"take[{i}]")
            for i, (item, fit) in enumerate(zip(items, fits))]

    # Constraints: every resource within capacity.
    for resource in resources:
        terms = [(item.weights[resource.name], take[i]) for i, item in enumerate(items)
                 if item.weights.get(resource.name)]
        if terms:
            model.add(sum(weight * var for weight, var in terms) <= resource.capacity)

    # Objective: total packed value.
    model.maximize(sum(round(item.value * scale) * take[i] for i, item in enumerate(items)))

    # Solve.
    solver, run = cpsat.solve(model, options, objective_scale=scale)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output.
    copies = [solver.value(var) for var in take]
    packed = [
        {"item": item.name, "copies": copies[i], "value": round(item.value * copies[i], 9),
         "weights": {r.name: item.weights.get(r.name, 0) * copies[i] for r in resources}}
        for i, item in enumerate(items) if copies[i] > 0
    ]
    usage = []
    for resource in resources:
        used = sum(item.weights.get(resource.name, 0) * copies[i] for i, item in enumerate(items))
        usage.append({"resource": resource.name, "used": used, "capacity": resource.capacity,
                      "utilization": round(used / resource.capacity, 6) if resource.capacity else 0.0})
    total_value = sum(item.value * copies[i] for i, item in enumerate(items))
    full = [entry for entry in usage if entry["capacity"] > 0 and entry["used"] == entry["capacity"]]
    binding = [Binding(name=f"capacity: {entry['resource']}", kind="rule", slack=0.0,
                       sentence=f"all {entry['capacity']} {entry['resource']} are used")
               for entry in full[:5]]
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_value": round(total_value, 9),
            "items_packed": packed,
            "items_left_out": [item.name for i, item in enumerate(items) if copies[i] == 0],
            "items_that_never_fit": [item.name for item, fit in zip(items, fits) if fit == 0],
            "resources": usage,
        },
        message=_MESSAGES.get(run["status"]),
    )
    return explain_rules.with_binding(outcome, binding, f"{len(full)} of {len(usage)} resource(s) are used to "
                                      "capacity: a further item would need room there.")


def _copies_that_fit(item: Item, resources: list[Resource]) -> int:
    """Most copies of `item` that fit in the empty knapsack (capped at max_copies)."""
    most = item.max_copies
    for resource in resources:
        weight = item.weights.get(resource.name, 0)
        if weight:
            most = min(most, resource.capacity // weight)
    return most


_MESSAGES = {
    "infeasible": "The mandatory items (min_copies) do not fit together within the capacities.",
    "time_limit": "No packing was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the packing is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="knapsack",
    display_name="Knapsack Optimizer",
    description="Pick the most valuable set of items (with optional copies) that fits within one or more "
                "capacities such as weight, volume and budget: 0-1, bounded and multi-dimensional knapsack.",
    category="combinatorial",
    tags=["knapsack", "selection", "packing", "combinatorial", "cp-sat"],
    credits_per_execution=2,
    input_model=KnapsackInput,
    example_input={
        "resources": [
            {"name": "weight_kg", "capacity": 20},
            {"name": "volume_l", "capacity": 30},
        ],
        "items": [
            {"name": "Tent", "value": 90, "weights": {"weight_kg": 8, "volume_l": 12}},
            {"name": "Sleeping bag", "value": 70, "weights": {"weight_kg": 3, "volume_l": 9}},
            {"name": "Stove", "value": 40, "weights": {"weight_kg": 2, "volume_l": 3}},
            {"name": "Water bottle", "value": 25, "weights": {"weight_kg": 1, "volume_l": 1},
             "max_copies": 3},
            {"name": "Camera", "value": 55, "weights": {"weight_kg": 1, "volume_l": 2}},
            {"name": "Book", "value": 10, "weights": {"weight_kg": 1, "volume_l": 1}},
            {"name": "First-aid kit", "value": 30, "weights": {"weight_kg": 1, "volume_l": 2},
             "min_copies": 1},
            {"name": "Folding chair", "value": 20, "weights": {"weight_kg": 4, "volume_l": 8}},
        ],
    },
    solve=solve,
)
