"""Warehouse allocation.

Place each product's demand across warehouses at the lowest storage cost.

    minimize    sum_w cost_per_unit[w] * sum_p units[p][w]
    subject to  sum_w units[p][w] == demand[p]                 for every product p
                sum_p weight[p] * units[p][w] <= capacity[w]   for every warehouse w
                units[p][w] >= 0, integer when `whole_units`

Capacity is measured in the same unit as `demand * weight` (a product without a
weight takes one capacity unit per unit stored). Solved as a MIP with SCIP
(whole units) or as an LP with GLOP.

A solved run names the warehouses filled to capacity, with what one more unit of capacity
would save (the LP's dual value; with whole units, only that they are full). An infeasible
run names the product that whole units cannot place, or the products and warehouses that
conflict (chalicelib/templates/explain_rules.py).
"""
from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import linear
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule, number


class Warehouse(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Warehouse name, unique within the input."""
    capacity: float = Field(ge=0, le=1e12)
    """Storage capacity, in weight units (or units when products carry no weight)."""
    cost_per_unit: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of storing one unit of any product here, in currency per unit."""


class Product(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Product name, unique within the input."""
    demand: float = Field(ge=0, le=1e12)
    """Units to place."""
    weight: float = Field(default=1.0, gt=0, le=1e9)
    """Capacity taken by one unit, in weight units per unit."""


class WarehouseAllocationInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    warehouses: list[Warehouse] = Field(min_length=1, max_length=500)
    """Warehouses that can hold stock."""
    products: list[Product] = Field(min_length=1, max_length=2000)
    """Products whose demand must be placed."""
    whole_units: bool = True
    """Allocate whole units only (a MIP); false allows fractional units (an LP)."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "WarehouseAllocationInput":
        for kind, items in (("warehouse", self.warehouses), ("product", self.products)):
            names = [item.name for item in items]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates)}")
        if self.whole_units:
            fractional = [p.name for p in self.products if p.demand != int(p.demand)]
            if fractional:
                raise ValueError("whole_units needs integer demands; fractional for: " + ", ".join(fractional))
        if len(self.warehouses) * len(self.products) > 200_000:
            raise ValueError("at most 200,000 product-warehouse pairs per run")
        needed = sum(p.demand * p.weight for p in self.products)
        available = sum(w.capacity for w in self.warehouses)
        if needed > available * (1 + 1e-9):
            raise ValueError(
                f"total demand needs {needed:g} capacity units but the warehouses hold only {available:g}"
            )
        return self


def _whole_units(capacity: float, weight: float, demand: float) -> int:
    """How many whole units of `weight` fit in `capacity`, counted up to the demand: a tiny weight
    makes the quotient overflow, and room beyond the demand changes no verdict."""
    enough = math.ceil(demand)
    ratio = capacity / weight
    if not math.isfinite(ratio) or ratio >= enough:
        return enough
    return math.floor(ratio + 1e-9)


def solve(data: WarehouseAllocationInput, options: RunOptions) -> SolveOutcome:
    """The cheapest allocation and the full warehouses; when none exists, why."""
    if data.whole_units:
        short = []
        for product in data.products:
            room = [_whole_units(w.capacity, product.weight, product.demand) for w in data.warehouses]
            if sum(room) < product.demand:
                held = ", ".join(f"{w.name} {r}" for w, r in zip(data.warehouses, room))
                short.append(Rule(f"whole units: product {product.name}",
                                  f"{number(product.demand)} whole units of {product.name} (weight "
                                  f"{number(product.weight)} each) must be placed; the warehouses hold at most "
                                  f"{sum(room)} of them ({held})"))
        if short:
            return explain_rules.infeasible_outcome(short, summary=f"No allocation fits: {short[0].sentence}.",
                                                    minimal=len(short) == 1, solver="capacity pre-check")
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    rules = [Rule(f"demand: product {p.name}", f"all {number(p.demand)} units of {p.name} (weight "
                  f"{number(p.weight)} each) must be placed") for p in data.products if p.demand > 0]
    products = [i for i, p in enumerate(data.products) if p.demand > 0]
    rules += [Rule(f"capacity: warehouse {w.name}", f"{w.name} holds {number(w.capacity)} weight units")
              for w in data.warehouses]

    def is_feasible(active: list[int]) -> bool | None:
        kept = set(active)
        chosen = [data.products[i].model_copy(update={"demand": data.products[i].demand if n in kept else 0.0})
                  for n, i in enumerate(products)]
        warehouses = [w.model_copy(update={"cost_per_unit": 0.0,
                                           "capacity": w.capacity if len(products) + j in kept else 1e12})
                      for j, w in enumerate(data.warehouses)]
        probe = _optimize(data.model_copy(update={"products": chosen, "warehouses": warehouses}),
                          explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="allocation")


def _optimize(data: WarehouseAllocationInput, options: RunOptions) -> SolveOutcome:
    # Data.
    warehouses, products = data.warehouses, data.products
    backend = "SCIP" if data.whole_units else "GLOP"
    solver = linear.create_solver(backend)

    # Variables: units of product p stored in warehouse w.
    units = [
        [
            solver.IntVar(0, p.demand, f"units[{i},{j}]") if data.whole_units
            else solver.NumVar(0, p.demand, f"units[{i},{j}]")
            for j, _ in enumerate(warehouses)
        ]
        for i, p in enumerate(products)
    ]

    # Constraints: all demand placed; no warehouse over capacity.
    for i, product in enumerate(products):
        solver.Add(sum(units[i]) == product.demand)
    capacity_rows = [solver.Add(sum(p.weight * units[i][j] for i, p in enumerate(products)) <= warehouse.capacity)
                     for j, warehouse in enumerate(warehouses)]

    # Objective: total storage cost.
    solver.Minimize(sum(w.cost_per_unit * units[i][j]
                        for i, _ in enumerate(products) for j, w in enumerate(warehouses)))

    # Solve.
    run = linear.solve(solver, options, is_mip=data.whole_units, backend=backend)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output.
    allocations = []
    used = [0.0] * len(warehouses)
    for i, product in enumerate(products):
        for j, warehouse in enumerate(warehouses):
            amount = units[i][j].solution_value()
            amount = round(amount) if data.whole_units else amount
            if amount > 1e-9:
                used[j] += amount * product.weight
                allocations.append({
                    "product": product.name, "warehouse": warehouse.name, "units": amount,
                    "cost": round(amount * warehouse.cost_per_unit, 6),
                })
    utilisation = [
        {"warehouse": w.name, "used_capacity": round(used[j], 6), "capacity": w.capacity,
         "utilization": round(used[j] / w.capacity, 6) if w.capacity else 0.0}
        for j, w in enumerate(warehouses)
    ]
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"total_cost": run["objective_value"], "allocations": allocations, "warehouses": utilisation},
        message=_MESSAGES.get(run["status"]),
    )
    duals = None if data.whole_units else [row.dual_value() for row in capacity_rows]
    return _explain_full(data, outcome, used, duals)


def _explain_full(data: WarehouseAllocationInput, outcome: SolveOutcome, used: list[float],
                  duals: list[float] | None) -> SolveOutcome:
    """Warehouses used to capacity, the most valuable first; with an LP, what a unit more saves."""
    full = [j for j, w in enumerate(data.warehouses) if w.capacity > 0 and used[j] >= w.capacity * (1 - 1e-9) - 1e-9]
    if duals is not None:
        full.sort(key=lambda j: duals[j])
    binding = []
    for j in full[:5]:
        w = data.warehouses[j]
        sentence = f"{w.name} is full: {number(round(used[j], 6))} of {number(w.capacity)} weight units used"
        dual = None
        if duals is not None:
            dual = round(duals[j], 9) + 0.0
            sentence += (f"; one more unit of capacity would lower the cost by {number(round(-dual, 6))}" if dual < 0
                         else "; more capacity would not lower the cost")
        binding.append(Binding(name=f"capacity: warehouse {w.name}", kind="rule", slack=0.0, dual_value=dual,
                               sentence=sentence))
    if not binding:
        return outcome
    summary = (f"{len(full)} of {len(data.warehouses)} warehouses are full"
               + ("; the dual values say what one more unit of capacity is worth." if duals is not None
                  else " (whole units: no value per unit is given)."))
    return explain_rules.with_binding(outcome, binding, summary)


_MESSAGES = {
    "infeasible": "No allocation fits: whole units cannot be packed into the warehouses' capacity.",
    "time_limit": "No allocation was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the allocation is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="warehouse_allocation",
    display_name="Warehouse Allocation Optimizer",
    description="Optimize product allocation across warehouse locations to minimize storage cost "
                "within each warehouse's capacity.",
    category="logistics",
    tags=["warehouse", "allocation", "logistics", "inventory"],
    credits_per_execution=3,
    input_model=WarehouseAllocationInput,
    example_input={
        "warehouses": [
            {"name": "East Hub", "capacity": 500, "cost_per_unit": 2.50},
            {"name": "West Hub", "capacity": 300, "cost_per_unit": 3.00},
        ],
        "products": [
            {"name": "Widget A", "demand": 200, "weight": 1.5},
            {"name": "Widget B", "demand": 150, "weight": 2.0},
        ],
    },
    solve=solve,
)
