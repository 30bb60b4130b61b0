"""Warehouse allocation.

Place each product's demand across warehouses at the lowest storage cost.

    minimize    sum_w cost_per_unit[w] * sum_p units[p][w]
    subject to  sum_w units[p][w] == demand[p]                 for every product p
                sum_p weight[p] * units[p][w] <= capacity[w]   for every warehouse w
                units[p][w] >= 0, integer when `whole_units`

Capacity is measured in the same unit as `demand * weight` (a product without a
weight takes one capacity unit per unit stored). Solved as a MIP with SCIP
(whole units) or as an LP with GLOP.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import linear
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates.base import Template


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


def solve(data: WarehouseAllocationInput, options: RunOptions) -> SolveOutcome:
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
    for j, warehouse in enumerate(warehouses):
        solver.Add(sum(p.weight * units[i][j] for i, p in enumerate(products)) <= warehouse.capacity)

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
    return SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"total_cost": run["objective_value"], "allocations": allocations, "warehouses": utilisation},
        message=_MESSAGES.get(run["status"]),
    )


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
