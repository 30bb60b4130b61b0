"""Capacitated facility location.

Decide which facilities (warehouses, depots, plants) to open and which open facility serves
each customer, so that opening costs plus serving costs are as low as possible and no facility
ships more than its capacity.

    minimize    sum_f opening_cost[f] * open[f] + sum_{c,f} cost[c][f] * share[c][f]
    subject to  sum_f share[c][f] == 1                                  for every customer c
                sum_c demand[c] * share[c][f] <= capacity[f] * open[f]  for every facility f
                share[c][f] <= open[f]                                  (closed facilities serve nobody)
                sum_f open[f] <= max_open                               (when given)
                open[f] in {0, 1};  share[c][f] in [0, 1], or in {0, 1} with single_sourcing

`cost[c][f]` is the cost of serving all of customer c's demand from facility f (for a cost per
unit shipped, multiply it by the demand); a customer split between facilities pays each one's
cost in proportion to its share. With `single_sourcing` every customer is served by one
facility only. The `share <= open` rows are implied by the capacity rows but make the LP
relaxation much tighter. Solved as a MIP with SCIP.

Demand above what the facilities can hold is refused with the numbers (a 400). A run that is
still infeasible (single sourcing cannot pack the customers into the sites, or max_open is too
tight) names the customers, capacities and rules that conflict; a solved one names the open
facilities used to capacity (chalicelib/templates/explain_rules.py).
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

MAX_PAIRS = 100_000


class Facility(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Facility (candidate site) name, unique within the input."""
    capacity: float = Field(ge=0, le=1e12)
    """Most demand the facility can serve if opened, in demand units (pallets, tonnes, orders)."""
    opening_cost: float = Field(default=0.0, ge=0, le=1e12)
    """Fixed cost of opening (or keeping open) the facility, in currency."""


class Customer(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Customer (store, region, client) name, unique within the input."""
    demand: float = Field(gt=0, le=1e12)
    """Demand to be served, in demand units."""
    costs: dict[str, Annotated[float, Field(ge=0, le=1e12)]] = Field(min_length=1, max_length=5000)
    """Cost of serving all of this customer's demand from each facility, keyed by facility name, in
    currency (a per-unit cost times the demand). Facilities left out cannot serve this customer."""


class CapacitatedFacilityLocationInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    facilities: list[Facility] = Field(min_length=1, max_length=1000)
    """Candidate facilities."""
    customers: list[Customer] = Field(min_length=1, max_length=10_000)
    """Customers whose demand must be served."""
    single_sourcing: bool = False
    """Serve each customer from one facility only; false lets a customer's demand be split among
    several facilities."""
    max_open: int | None = Field(default=None, ge=1, le=1000)
    """Most facilities that may be opened; unlimited when omitted."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "CapacitatedFacilityLocationInput":
        for kind, entries in (("facility", self.facilities), ("customer", self.customers)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        pairs = sum(len(customer.costs) for customer in self.customers)
        if pairs > MAX_PAIRS:
            raise ValueError(f"at most {MAX_PAIRS:,} customer-facility costs per run; got {pairs:,}")
        capacity = {facility.name: facility.capacity for facility in self.facilities}
        for customer in self.customers:
            unknown = sorted(set(customer.costs) - set(capacity))
            if unknown:
                raise ValueError(f"customer '{customer.name}' lists costs for unknown facilities: "
                                 f"{', '.join(unknown[:20])}")
            reachable = [capacity[name] for name in customer.costs]
            if self.single_sourcing and customer.demand > max(reachable) * (1 + 1e-9):
                raise ValueError(f"customer '{customer.name}' demands {customer.demand:g}, more than any one "
                                 f"facility that can serve it holds ({max(reachable):g}); single_sourcing "
                                 "cannot serve it")
            if customer.demand > sum(reachable) * (1 + 1e-9):
                raise ValueError(f"customer '{customer.name}' demands {customer.demand:g}, more than all the "
                                 f"facilities that can serve it hold together ({sum(reachable):g})")
        needed = sum(customer.demand for customer in self.customers)
        largest = sorted(capacity.values(), reverse=True)[:self.max_open]
        if needed > sum(largest) * (1 + 1e-9):
            raise ValueError(f"total demand {needed:g} exceeds the capacity of "
                             + (f"the {self.max_open} largest facilities ({sum(largest):g})" if self.max_open
                                else f"all facilities together ({sum(largest):g})"))
        return self


def solve(data: CapacitatedFacilityLocationInput, options: RunOptions) -> SolveOutcome:
    """The cheapest plan and the facilities it fills; when none exists, the rules that conflict."""
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    rules = [Rule(f"serve: customer {c.name}", f"{c.name}'s demand of {number(c.demand)} must be served by "
                  + ", ".join(c.costs)) for c in data.customers]
    rules += [Rule(f"capacity: facility {f.name}", f"{f.name} serves at most {number(f.capacity)}")
              for f in data.facilities]
    extra = []
    if data.single_sourcing:
        rules.append(Rule("single sourcing", "every customer is served by one facility only"))
        extra.append("single_sourcing")
    if data.max_open is not None:
        rules.append(Rule("max open", f"at most {data.max_open} facilities may open"))
        extra.append("max_open")
    customers, facilities = len(data.customers), len(data.facilities)
    roomy = sum(c.demand for c in data.customers)

    def is_feasible(active: list[int]) -> bool | None:
        kept = set(active)
        update = {
            "customers": [c.model_copy(update={"costs": dict.fromkeys(c.costs, 0.0)})
                          for i, c in enumerate(data.customers) if i in kept],
            "facilities": [f.model_copy(update={"opening_cost": 0.0,
                                                "capacity": f.capacity if customers + j in kept else roomy})
                           for j, f in enumerate(data.facilities)]}
        for k, field in enumerate(extra):
            if customers + facilities + k not in kept:
                update[field] = False if field == "single_sourcing" else None
        relaxed = data.model_copy(update=update)
        if not relaxed.customers:
            return True
        probe = _optimize(relaxed, explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="plan")


def _optimize(data: CapacitatedFacilityLocationInput, options: RunOptions) -> SolveOutcome:
    # Data.
    facilities, customers = data.facilities, data.customers
    facility_index = {facility.name: f for f, facility in enumerate(facilities)}
    pairs = [(c, facility_index[name], cost) for c, customer in enumerate(customers)
             for name, cost in customer.costs.items()]
    solver = linear.create_solver("SCIP")

    # Variables: open[f] when facility f opens; share[c, f] of customer c's demand served by f.
    opened = [solver.BoolVar(f"open[{f}]") for f in range(len(facilities))]
    share = {(c, f): solver.BoolVar(f"share[{c},{f}]") if data.single_sourcing
             else solver.NumVar(0, 1, f"share[{c},{f}]") for c, f, _ in pairs}

    # Constraints: every customer fully served; open facilities within capacity; closed ones idle.
    by_customer: list[list] = [[] for _ in customers]
    by_facility: list[list] = [[] for _ in facilities]
    for (c, f), var in share.items():
        by_customer[c].append(var)
        by_facility[f].append(customers[c].demand * var)
        solver.Add(var <= opened[f])
    for c in range(len(customers)):
        solver.Add(sum(by_customer[c]) == 1)
    for f, facility in enumerate(facilities):
        solver.Add(sum(by_facility[f]) <= facility.capacity * opened[f])
    if data.max_open is not None:
        solver.Add(sum(opened) <= data.max_open)

    # Objective: opening plus serving costs.
    solver.Minimize(sum(facility.opening_cost * opened[f] for f, facility in enumerate(facilities))
                    + sum(cost * share[c, f] for c, f, cost in pairs))

    # Solve.
    run = linear.solve(solver, options, is_mip=True, backend="SCIP")
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output: who serves whom, then each facility's load and costs.
    served = []
    load = [0.0] * len(facilities)
    serving_cost = [0.0] * len(facilities)
    customers_of: list[list[str]] = [[] for _ in facilities]
    for c, f, cost in pairs:
        part = share[c, f].solution_value()
        part = float(round(part)) if data.single_sourcing else part
        if part > 1e-9:
            quantity = customers[c].demand * part
            load[f] += quantity
            serving_cost[f] += cost * part
            customers_of[f].append(customers[c].name)
            served.append({"customer": customers[c].name, "facility": facilities[f].name,
                           "share": round(part, 9), "quantity": round(quantity, 6), "cost": round(cost * part, 6)})
    is_open = [opened[f].solution_value() > 0.5 for f in range(len(facilities))]
    sites = [{"facility": facility.name, "open": is_open[f],
              "opening_cost": facility.opening_cost if is_open[f] else 0.0,
              "serving_cost": round(serving_cost[f], 6), "load": round(load[f], 6), "capacity": facility.capacity,
              "utilization": round(load[f] / facility.capacity, 6) if facility.capacity else 0.0,
              "customers": customers_of[f]}
             for f, facility in enumerate(facilities)]
    opening_total = sum(site["opening_cost"] for site in sites)
    serving_total = sum(serving_cost)
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_cost": round(opening_total + serving_total, 6),
            "opening_cost": round(opening_total, 6),
            "serving_cost": round(serving_total, 6),
            "open_facilities": [site["facility"] for site in sites if site["open"]],
            "assignments": served,
            "facilities": sites,
        },
        message=_MESSAGES.get(run["status"]),
    )
    return _explain_full(data, outcome, sites)


def _explain_full(data: CapacitatedFacilityLocationInput, outcome: SolveOutcome, sites: list[dict]) -> SolveOutcome:
    """Open facilities used to capacity (the fullest and largest first), and max_open when reached."""
    full = sorted((site for site in sites if site["open"] and site["capacity"] > 0
                   and site["load"] >= site["capacity"] * (1 - 1e-9) - 1e-6), key=lambda site: -site["capacity"])
    binding = [Binding(name=f"capacity: facility {site['facility']}", kind="rule", slack=0.0,
                       sentence=f"{site['facility']} is full: it serves {number(round(site['load'], 6))} of its "
                                f"{number(site['capacity'])} ({', '.join(site['customers'][:10])})")
               for site in full[:5]]
    opened = sum(site["open"] for site in sites)
    if data.max_open is not None and opened >= data.max_open:
        binding.append(Binding(name="max open", kind="rule", slack=0.0,
                               sentence=f"{opened} facilities are open, the most max_open allows"))
    if not binding:
        return outcome
    summary = (f"{len(full)} of the {opened} open facilities are used to capacity"
               + ("; the limit on open facilities is reached." if data.max_open is not None and opened >= data.max_open
                  else "."))
    return explain_rules.with_binding(outcome, binding, summary)


_MESSAGES = {
    "infeasible": "No set of facilities can serve every customer within the capacities "
                  "(check single_sourcing, max_open and which facilities each customer can use).",
    "time_limit": "No plan was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the plan is feasible, its cost not proven minimal.",
}

TEMPLATE = Template(
    name="capacitated_facility_location",
    display_name="Capacitated Facility Location",
    description="Choose which warehouses, depots or plants to open and which customers each serves, minimizing "
                "opening plus delivery costs within every site's capacity; single- or multi-sourcing.",
    category="logistics",
    tags=["facility location", "network design", "warehouses", "logistics", "mip"],
    credits_per_execution=5,
    input_model=CapacitatedFacilityLocationInput,
    example_input={
        "facilities": [
            {"name": "Leeds DC", "capacity": 900, "opening_cost": 18000},
            {"name": "Birmingham DC", "capacity": 1200, "opening_cost": 24000},
            {"name": "Bristol DC", "capacity": 700, "opening_cost": 15000},
            {"name": "Reading DC", "capacity": 800, "opening_cost": 20000},
        ],
        "customers": [
            {"name": "Manchester stores", "demand": 420,
             "costs": {"Leeds DC": 6300, "Birmingham DC": 10500, "Bristol DC": 21000, "Reading DC": 23100}},
            {"name": "Sheffield stores", "demand": 260,
             "costs": {"Leeds DC": 3100, "Birmingham DC": 6800, "Bristol DC": 14600, "Reading DC": 13500}},
            {"name": "Nottingham stores", "demand": 230,
             "costs": {"Leeds DC": 5500, "Birmingham DC": 4100, "Bristol DC": 11500, "Reading DC": 10300}},
            {"name": "Cardiff stores", "demand": 310,
             "costs": {"Birmingham DC": 10800, "Bristol DC": 3700, "Reading DC": 11200}},
            {"name": "Oxford stores", "demand": 190,
             "costs": {"Birmingham DC": 4400, "Bristol DC": 4900, "Reading DC": 2100}},
            {"name": "London stores", "demand": 650,
             "costs": {"Leeds DC": 39000, "Birmingham DC": 24700, "Bristol DC": 30600, "Reading DC": 9800}},
        ],
        "single_sourcing": True,
    },
    solve=solve,
)
