"""Production planning (capacitated multi-period lot sizing).

Decide how much of each product to make in each period, and in which periods to set up
production, so that all demand is met on time at the lowest total of setup, production and
inventory holding costs, within each period's capacity.

    minimize    sum_{p,t} setup_cost[p] * setup[p][t] + unit_cost[p] * make[p][t]
                        + holding_cost[p] * stock[p][t]
    subject to  stock[p][t-1] + make[p][t] - demand[p][t] == stock[p][t]     (stock[p][-1] = initial)
                make[p][t] <= most[p][t] * setup[p][t]      (no production without a setup)
                sum_p capacity_per_unit[p] * make[p][t] + setup_time[p] * setup[p][t] <= capacity[t]
                stock[p][t] <= max_inventory[p];  stock[p][last] >= final_inventory[p]
                make, stock >= 0 (integer with whole_units); setup in {0, 1}

Demand may not be backlogged: it is met from stock or from the period's production. Capacity
is in one resource unit (machine hours, line minutes); holding cost is charged on each
period's ending stock. Solved as a MIP with SCIP.

Demand beyond the capacity available up to a period is refused with the numbers (a 400). A run
still infeasible (setup times, storage limits or final stock make the plan impossible) names
the products' demands, capacities and limits that conflict, found by re-solving without some
of them (chalicelib/templates/explain_rules.py). A solved run names the periods whose capacity
is used to the full.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import linear
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule, number

MAX_CELLS = 50_000
_TOLERANCE = 1e-9


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Period name (for example "Week 14"), unique within the input; periods are listed in time order."""
    capacity: float = Field(ge=0, le=1e12)
    """Production capacity in this period, in capacity units (machine hours, minutes)."""


class Product(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Product name, unique within the input."""
    demand: list[Annotated[float, Field(ge=0, le=1e12)]] = Field(min_length=1, max_length=500)
    """Units demanded in each period, one number per period, in period order."""
    setup_cost: float = Field(default=0.0, ge=0, le=1e12)
    """Cost of setting up production of this product in a period, in currency."""
    unit_cost: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of producing one unit, in currency per unit."""
    holding_cost: float = Field(default=0.0, ge=0, le=1e9)
    """Cost of keeping one unit in stock from one period to the next, in currency per unit per period."""
    capacity_per_unit: float = Field(default=1.0, ge=0, le=1e9)
    """Capacity used by one unit, in capacity units per unit."""
    setup_time: float = Field(default=0.0, ge=0, le=1e12)
    """Capacity used by a setup, in capacity units."""
    initial_inventory: float = Field(default=0.0, ge=0, le=1e12)
    """Units in stock before the first period."""
    final_inventory: float = Field(default=0.0, ge=0, le=1e12)
    """Units that must be in stock at the end of the last period."""
    max_inventory: float | None = Field(default=None, ge=0, le=1e12)
    """Most units that may be in stock at the end of a period (storage space); unlimited when omitted."""


class ProductionPlanningInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    periods: list[Period] = Field(min_length=1, max_length=500)
    """Planning periods, in time order."""
    products: list[Product] = Field(min_length=1, max_length=500)
    """Products to plan."""
    whole_units: bool = True
    """Produce and stock whole units only; false allows fractional quantities (faster)."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "ProductionPlanningInput":
        for kind, entries in (("period", self.periods), ("product", self.products)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        if len(self.periods) * len(self.products) > MAX_CELLS:
            raise ValueError(f"at most {MAX_CELLS:,} product-period pairs per run")
        horizon = len(self.periods)
        for product in self.products:
            if len(product.demand) != horizon:
                raise ValueError(f"product '{product.name}' gives {len(product.demand)} demand values "
                                 f"for {horizon} periods")
            if self.whole_units:
                numbers = list(product.demand) + [product.initial_inventory, product.final_inventory]
                if any(x != int(x) for x in numbers):
                    raise ValueError(f"whole_units needs whole demands and inventories; '{product.name}' has fractions")
            if product.max_inventory is not None:
                if product.initial_inventory > product.max_inventory + _TOLERANCE:
                    raise ValueError(f"product '{product.name}' starts with {product.initial_inventory:g} in stock, "
                                     f"above its max_inventory {product.max_inventory:g}")
                if product.final_inventory > product.max_inventory + _TOLERANCE:
                    raise ValueError(f"product '{product.name}' must end with {product.final_inventory:g} in stock, "
                                     f"above its max_inventory {product.max_inventory:g}")
        # Necessary condition: by the end of every period, the capacity so far covers the units
        # that must have been made by then (demand beyond the initial stock).
        available = 0.0
        for t, period in enumerate(self.periods):
            available += period.capacity
            needed = 0.0
            for product in self.products:
                due = sum(product.demand[: t + 1]) + (product.final_inventory if t == horizon - 1 else 0.0)
                needed += max(0.0, due - product.initial_inventory) * product.capacity_per_unit
            if needed > available * (1 + 1e-9) + _TOLERANCE:
                raise ValueError(f"by the end of period {period.name}, meeting demand needs {needed:g} capacity "
                                 f"units beyond the initial stock, but only {available:g} are available up to then")
        return self


def solve(data: ProductionPlanningInput, options: RunOptions) -> SolveOutcome:
    """The cheapest plan and the periods it fills; when none exists, the rules that conflict."""
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    groups, rules = [], []
    for p, product in enumerate(data.products):
        if sum(product.demand) > 0:
            groups.append(("demand", p))
            rules.append(Rule(f"demand: {product.name}", f"{product.name}'s demand of "
                              f"{', '.join(number(d) for d in product.demand)} per period must be met on time"))
    for t, period in enumerate(data.periods):
        groups.append(("capacity", t))
        rules.append(Rule(f"capacity: {period.name}", f"{period.name} has {number(period.capacity)} capacity units "
                          "for production and setups"))
    for p, product in enumerate(data.products):
        if product.max_inventory is not None:
            groups.append(("max_inventory", p))
            rules.append(Rule(f"storage: {product.name}", f"at most {number(product.max_inventory)} "
                              f"{product.name} may be in stock at the end of a period"))
        if product.final_inventory > 0:
            groups.append(("final_inventory", p))
            rules.append(Rule(f"final stock: {product.name}", f"{number(product.final_inventory)} {product.name} "
                              "must be in stock at the end"))

    def is_feasible(active: list[int]) -> bool | None:
        dropped = explain_rules.dropped_groups(groups, active)
        products = [product.model_copy(update={
            "setup_cost": 0.0, "unit_cost": 0.0, "holding_cost": 0.0,
            "demand": [0.0] * len(product.demand) if ("demand", p) in dropped else product.demand,
            "max_inventory": None if ("max_inventory", p) in dropped else product.max_inventory,
            "final_inventory": 0.0 if ("final_inventory", p) in dropped else product.final_inventory})
            for p, product in enumerate(data.products)]
        periods = [period.model_copy(update={"capacity": 1e12}) if ("capacity", t) in dropped else period
                   for t, period in enumerate(data.periods)]
        probe = _optimize(data.model_copy(update={"products": products, "periods": periods}),
                          explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="plan")


def _optimize(data: ProductionPlanningInput, options: RunOptions) -> SolveOutcome:
    # Data: remaining demand from each period on bounds what a period's production can usefully be.
    periods, products = data.periods, data.products
    horizon = range(len(periods))
    solver = linear.create_solver("SCIP")
    new_var = solver.IntVar if data.whole_units else solver.NumVar
    most = [[_useful_production(product, periods, t) for t in horizon] for product in products]

    # Variables: units made, ending stock and setups per product and period.
    make = [[new_var(0, most[p][t], f"make[{p},{t}]") for t in horizon] for p in range(len(products))]
    stock = [[new_var(0, product.max_inventory if product.max_inventory is not None else solver.infinity(),
                      f"stock[{p},{t}]") for t in horizon] for p, product in enumerate(products)]
    setup = [[solver.BoolVar(f"setup[{p},{t}]") for t in horizon] for p in range(len(products))]

    # Constraints: inventory balance; production only after a setup; capacity; final stock.
    for p, product in enumerate(products):
        for t in horizon:
            previous = stock[p][t - 1] if t > 0 else product.initial_inventory
            solver.Add(previous + make[p][t] - product.demand[t] == stock[p][t])
            solver.Add(make[p][t] <= most[p][t] * setup[p][t])
        solver.Add(stock[p][-1] >= product.final_inventory)
    capacity_rows = []
    for t, period in enumerate(periods):
        used = sum(product.capacity_per_unit * make[p][t] + product.setup_time * setup[p][t]
                   for p, product in enumerate(products))
        capacity_rows.append(solver.Add(used <= period.capacity))

    # Objective: setup + production + holding cost.
    setup_cost = sum(product.setup_cost * setup[p][t] for p, product in enumerate(products) for t in horizon)
    production_cost = sum(product.unit_cost * make[p][t] for p, product in enumerate(products) for t in horizon)
    holding_cost = sum(product.holding_cost * stock[p][t] for p, product in enumerate(products) for t in horizon)
    solver.Minimize(setup_cost + production_cost + holding_cost)

    # Solve.
    run = linear.solve(solver, options, is_mip=True)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output: the plan per period, capacity use and the cost split.
    def value(var) -> float:
        number = var.solution_value()
        return float(round(number)) if data.whole_units else round(max(0.0, number), 9)

    plan, costs = [], {"setup": 0.0, "production": 0.0, "holding": 0.0}
    for t, period in enumerate(periods):
        rows, used = [], 0.0
        for p, product in enumerate(products):
            made, kept = value(make[p][t]), value(stock[p][t])
            if made > 0:  # a setup without production is never worth reporting (or paying for)
                costs["setup"] += product.setup_cost
                used += product.setup_time
            costs["production"] += product.unit_cost * made
            costs["holding"] += product.holding_cost * kept
            used += product.capacity_per_unit * made
            rows.append({"product": product.name, "demand": product.demand[t], "produce": made,
                         "setup": made > 0, "ending_inventory": kept})
        plan.append({"period": period.name, "capacity": period.capacity, "capacity_used": round(used, 6),
                     "utilization": round(used / period.capacity, 6) if period.capacity else 0.0,
                     "products": rows})
    total = sum(costs.values())
    full = [row for row in plan if row["capacity"] > 0 and row["capacity_used"] >= row["capacity"] * (1 - 1e-9) - 1e-6]
    binding = [Binding(name=f"capacity: {row['period']}", kind="rule", slack=0.0,
                       sentence=f"{row['period']} uses all {number(row['capacity'])} capacity units ("
                                + ", ".join(f"{entry['product']} {number(entry['produce'])}"
                                            for entry in row["products"] if entry["produce"] > 0) + ")")
               for row in full[:5]]
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_cost": round(total, 6),
            "cost_breakdown": {name: round(amount, 6) for name, amount in costs.items()},
            "plan": plan,
        },
        message=_MESSAGES.get(run["status"]),
    )
    return explain_rules.with_binding(outcome, binding, f"{len(full)} of {len(plan)} period(s) use their capacity to "
                                      "the full: demand there is met partly from earlier production.")


def _useful_production(product: Product, periods: list[Period], t: int) -> float:
    """Most units worth making in period t: what is still due from t on, and what capacity allows."""
    remaining = sum(product.demand[t:]) + product.final_inventory
    if product.max_inventory is not None:
        remaining = min(remaining, product.demand[t] + product.max_inventory)
    if product.capacity_per_unit > 0:
        room = max(0.0, periods[t].capacity - product.setup_time) / product.capacity_per_unit
        remaining = min(remaining, room)
    return remaining


_MESSAGES = {
    "infeasible": "No plan meets all demand on time within the capacities, setup times and storage limits.",
    "time_limit": "No plan was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the plan is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="production_planning",
    display_name="Production Planning (Lot Sizing)",
    description="Plan how much of each product to make in each period and when to set up the line, meeting "
                "demand on time at the lowest setup, production and inventory cost within capacity.",
    category="production",
    tags=["production planning", "lot sizing", "inventory", "manufacturing", "mip"],
    credits_per_execution=5,
    input_model=ProductionPlanningInput,
    example_input={
        "periods": [
            {"name": "Week 1", "capacity": 160},
            {"name": "Week 2", "capacity": 160},
            {"name": "Week 3", "capacity": 120},
            {"name": "Week 4", "capacity": 160},
        ],
        "products": [
            {"name": "Standard chair", "demand": [40, 60, 80, 50], "setup_cost": 300, "unit_cost": 12,
             "holding_cost": 1.5, "capacity_per_unit": 1.0, "setup_time": 8, "initial_inventory": 10},
            {"name": "Office chair", "demand": [20, 30, 25, 40], "setup_cost": 450, "unit_cost": 30,
             "holding_cost": 3.0, "capacity_per_unit": 2.0, "setup_time": 12},
        ],
    },
    solve=solve,
)
