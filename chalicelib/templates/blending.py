"""Blending.

Mix ingredients into a batch of given size at the lowest cost so that every quality of the
blend (protein, fat, sulfur, octane, ...) lies within its bounds. Qualities blend linearly:
the blend's value is the amount-weighted average of the ingredients' values.

    minimize    sum_i cost[i] * amount[i]
    subject to  sum_i amount[i] == batch_size
                min[q] * batch_size <= sum_i content[i][q] * amount[i] <= max[q] * batch_size
                                                                   for every quality q
                min_amount[i] <= amount[i] <= max_amount[i]

Amounts are in one mass or volume unit (kg, t, l); costs are per that unit; a quality's
content and bounds share the quality's own unit per unit of product (a fraction, g/kg,
octane number). An LP solved with GLOP; shadow prices tell what each binding specification
and each scarce ingredient costs at the margin.

A specification that no blend within the amount limits can meet on its own is named with the
reachable range; specifications and limits that conflict only together are found by re-solving
without some of them (chalicelib/templates/explain_rules.py). A solved run lists the binding
specifications and amount limits with their shadow prices in its explanation.
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

MAX_CELLS = 200_000
_TOLERANCE = 1e-9


class Ingredient(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Ingredient name, unique within the input."""
    cost: float = Field(ge=-1e9, le=1e9)
    """Cost per unit of ingredient (negative for a by-product you are paid to take), in currency."""
    content: dict[str, Annotated[float, Field(ge=-1e9, le=1e9)]] = Field(default_factory=dict, max_length=500)
    """Value of each quality per unit of ingredient, keyed by quality name; missing means 0."""
    min_amount: float = Field(default=0.0, ge=0, le=1e12)
    """Smallest amount that must be used (contracts, stock to clear), in the batch unit."""
    max_amount: float | None = Field(default=None, ge=0, le=1e12)
    """Largest amount available, in the batch unit; unlimited when omitted."""


class Quality(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Quality (nutrient, property) name, unique within the input."""
    min: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Lowest acceptable value in the blend, per unit of blend; no lower bound when omitted."""
    max: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Highest acceptable value in the blend, per unit of blend; no upper bound when omitted."""


class BlendingInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    batch_size: float = Field(gt=0, le=1e12)
    """Amount of blend to make, in the batch unit (kg, t, l)."""
    ingredients: list[Ingredient] = Field(min_length=1, max_length=2000)
    """Available ingredients."""
    qualities: list[Quality] = Field(default_factory=list, max_length=500)
    """Specifications the blend must meet."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "BlendingInput":
        for kind, entries in (("ingredient", self.ingredients), ("quality", self.qualities)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        if len(self.ingredients) * max(1, len(self.qualities)) > MAX_CELLS:
            raise ValueError(f"at most {MAX_CELLS:,} ingredient-quality pairs per run")
        known = {quality.name for quality in self.qualities}
        for ingredient in self.ingredients:
            unknown = sorted(set(ingredient.content) - known)
            if unknown:
                raise ValueError(f"ingredient '{ingredient.name}' has content for unknown qualities: "
                                 f"{', '.join(unknown[:20])}")
            if ingredient.max_amount is not None and ingredient.min_amount > ingredient.max_amount:
                raise ValueError(f"ingredient '{ingredient.name}' has min_amount {ingredient.min_amount:g} above "
                                 f"max_amount {ingredient.max_amount:g}")
        if all(i.max_amount is not None for i in self.ingredients):
            available = sum(i.max_amount for i in self.ingredients)
            if available < self.batch_size * (1 - _TOLERANCE):
                raise ValueError(f"the ingredients' max_amount add up to {available:g}, less than the batch size "
                                 f"{self.batch_size:g}")
        required = sum(i.min_amount for i in self.ingredients)
        if required > self.batch_size * (1 + _TOLERANCE):
            raise ValueError(f"the ingredients' min_amount add up to {required:g}, more than the batch size "
                             f"{self.batch_size:g}")
        for quality in self.qualities:
            if quality.min is None and quality.max is None:
                raise ValueError(f"quality '{quality.name}' needs a min, a max or both")
            if quality.min is not None and quality.max is not None and quality.min > quality.max:
                raise ValueError(f"quality '{quality.name}' has min {quality.min:g} above max {quality.max:g}")
            values = [i.content.get(quality.name, 0.0) for i in self.ingredients]
            if quality.min is not None and max(values) < quality.min - _TOLERANCE:
                raise ValueError(f"no ingredient reaches the minimum {quality.min:g} of '{quality.name}' "
                                 f"(the highest is {max(values):g}), so no blend can")
            if quality.max is not None and min(values) > quality.max + _TOLERANCE:
                raise ValueError(f"every ingredient exceeds the maximum {quality.max:g} of '{quality.name}' "
                                 f"(the lowest is {min(values):g}), so every blend would")
        return self


def solve(data: BlendingInput, options: RunOptions) -> SolveOutcome:
    """The cheapest recipe and what binds it; when none exists, the specifications that conflict."""
    unreachable = []
    for quality in data.qualities:
        low, high = _reachable(data, quality.name)
        if quality.min is not None and high < quality.min - _TOLERANCE:
            unreachable.append(Rule(f"minimum: {quality.name}",
                                    f"with these ingredients and amount limits the blend holds at most "
                                    f"{number(round(high, 9))} {quality.name} per unit; "
                                    f"the minimum is {number(quality.min)}"))
        if quality.max is not None and low > quality.max + _TOLERANCE:
            unreachable.append(Rule(f"maximum: {quality.name}",
                                    f"with these ingredients and amount limits the blend holds at least "
                                    f"{number(round(low, 9))} {quality.name} per unit; "
                                    f"the maximum is {number(quality.max)}"))
    if unreachable:
        summary = f"No blend meets the specifications: {unreachable[0].sentence}."
        return explain_rules.infeasible_outcome(unreachable, summary=summary, minimal=len(unreachable) == 1,
                                                solver="specification pre-check", message=summary)
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    groups, rules = [], []
    for q, quality in enumerate(data.qualities):
        if quality.min is not None:
            groups.append(("min", q))
            rules.append(Rule(f"minimum: {quality.name}", f"the blend holds at least {number(quality.min)} "
                              f"{quality.name} per unit"))
        if quality.max is not None:
            groups.append(("max", q))
            rules.append(Rule(f"maximum: {quality.name}", f"the blend holds at most {number(quality.max)} "
                              f"{quality.name} per unit"))
    for k, ingredient in enumerate(data.ingredients):
        if ingredient.max_amount is not None:
            groups.append(("max_amount", k))
            rules.append(Rule(f"availability: {ingredient.name}",
                              f"at most {number(ingredient.max_amount)} of {ingredient.name} is available"))
        if ingredient.min_amount > 0:
            groups.append(("min_amount", k))
            rules.append(Rule(f"minimum use: {ingredient.name}",
                              f"at least {number(ingredient.min_amount)} of {ingredient.name} must be used"))

    def is_feasible(active: list[int]) -> bool | None:
        dropped = explain_rules.dropped_groups(groups, active)
        relaxed = data.model_copy(update={
            "qualities": [q.model_copy(update={"min": None if ("min", n) in dropped else q.min,
                                               "max": None if ("max", n) in dropped else q.max})
                          for n, q in enumerate(data.qualities)],
            "ingredients": [i.model_copy(update={
                "cost": 0.0, "max_amount": None if ("max_amount", k) in dropped else i.max_amount,
                "min_amount": 0.0 if ("min_amount", k) in dropped else i.min_amount})
                for k, i in enumerate(data.ingredients)]})
        limits = [i.max_amount for i in relaxed.ingredients]
        if None not in limits and sum(limits) < data.batch_size * (1 - _TOLERANCE):
            return False  # the validator's checks, which the relaxed input skips
        if sum(i.min_amount for i in relaxed.ingredients) > data.batch_size * (1 + _TOLERANCE):
            return False
        probe = _optimize(relaxed, explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="blend")


def _reachable(data: BlendingInput, quality: str) -> tuple[float, float]:
    """Lowest and highest value of `quality` per unit of blend over every blend of the batch size
    within the amount limits (a fractional knapsack each way: exact for one quality)."""
    batch = data.batch_size
    base = sum(i.min_amount * i.content.get(quality, 0.0) for i in data.ingredients)
    room = batch - sum(i.min_amount for i in data.ingredients)
    values = []
    for direction in (1, -1):
        total, left = base, room
        for i in sorted(data.ingredients, key=lambda i: -direction * i.content.get(quality, 0.0)):
            extra = left if i.max_amount is None else min(left, i.max_amount - i.min_amount)
            total += extra * i.content.get(quality, 0.0)
            left -= extra
            if left <= 0:
                break
        values.append(total / batch)
    return values[1], values[0]


def _optimize(data: BlendingInput, options: RunOptions) -> SolveOutcome:
    # Data.
    ingredients, qualities, batch = data.ingredients, data.qualities, data.batch_size
    solver = linear.create_solver("GLOP")
    infinity = solver.infinity()

    # Variables: amount of each ingredient in the batch.
    amount = [solver.NumVar(i.min_amount, i.max_amount if i.max_amount is not None else infinity, f"amount[{k}]")
              for k, i in enumerate(ingredients)]

    # Constraints: batch size; every quality within its bounds (as totals over the batch).
    size = solver.Add(sum(amount) == batch)
    specs = []
    for q, quality in enumerate(qualities):
        low = quality.min * batch if quality.min is not None else -infinity
        high = quality.max * batch if quality.max is not None else infinity
        row = solver.RowConstraint(low, high, f"quality[{q}]")  # one ranged row, one dual
        for k, ingredient in enumerate(ingredients):
            if ingredient.content.get(quality.name):
                row.SetCoefficient(amount[k], ingredient.content[quality.name])
        specs.append(row)

    # Objective: cost of the batch.
    solver.Minimize(sum(i.cost * amount[k] for k, i in enumerate(ingredients)))

    # Solve.
    run = linear.solve(solver, options, is_mip=False)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output: the recipe, the blend's qualities and the marginal costs.
    amounts = [max(0.0, a.solution_value()) for a in amount]
    recipe = []
    for k, ingredient in enumerate(ingredients):
        at_max = ingredient.max_amount is not None and amounts[k] >= ingredient.max_amount - 1e-7
        at_min = amounts[k] <= ingredient.min_amount + 1e-7
        recipe.append({
            "ingredient": ingredient.name, "amount": round(amounts[k], 9), "share": round(amounts[k] / batch, 9),
            "cost": round(ingredient.cost * amounts[k], 6),
            "binding_limit": "max_amount" if at_max else "min_amount" if at_min else None,
            # Reduced cost: change in total cost per extra unit of this ingredient's binding limit.
            "limit_shadow_price": round(amount[k].reduced_cost(), 9) if at_max or at_min else 0.0,
        })
    blend = []
    for q, quality in enumerate(qualities):
        value = sum(i.content.get(quality.name, 0.0) * amounts[k] for k, i in enumerate(ingredients)) / batch
        dual = specs[q].dual_value()
        binding = None
        if abs(dual) > 1e-12:
            binding = "min" if dual > 0 else "max"
        blend.append({"quality": quality.name, "value": round(value, 9), "min": quality.min, "max": quality.max,
                      "binding": binding,
                      # The constraint is on the batch total, bound * batch_size: scale back to the bound.
                      "shadow_price": round(dual * batch, 9)})
    total_cost = sum(i.cost * amounts[k] for k, i in enumerate(ingredients))
    marginal_batch = size.dual_value() + sum(
        specs[q].dual_value() * (quality.min if blend[q]["binding"] == "min" else quality.max)
        for q, quality in enumerate(qualities) if blend[q]["binding"])
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_cost": round(total_cost, 6),
            "cost_per_unit": round(total_cost / batch, 9),
            "recipe": [entry for entry in recipe if entry["amount"] > 1e-9],
            "unused_ingredients": [entry["ingredient"] for entry in recipe if entry["amount"] <= 1e-9],
            "ingredient_limits": [{key: entry[key] for key in ("ingredient", "binding_limit", "limit_shadow_price")}
                                  for entry in recipe if entry["binding_limit"]],
            "qualities": blend,
            "marginal_cost_per_extra_unit_of_batch": round(marginal_batch, 9),
            "shadow_price_notes": {
                "shadow_price": "change in total cost per unit increase of the quality's binding bound "
                                "(min or max), in the quality's unit; 0 when the specification is not binding",
                "limit_shadow_price": "change in total cost per unit increase of the ingredient's binding "
                                      "min_amount or max_amount (negative: more of it would save money)",
                "marginal_cost_per_extra_unit_of_batch": "cost of making one more unit of blend to the same "
                                                         "specifications",
            },
        },
        message=_MESSAGES.get(run["status"]),
    )
    return _explain_binding(outcome, blend, recipe, ingredients)


def _explain_binding(outcome: SolveOutcome, blend: list[dict], recipe: list[dict],
                     ingredients: list[Ingredient]) -> SolveOutcome:
    """Binding specifications and amount limits, the costliest per unit first, with their shadow prices."""
    entries = []
    for q in blend:
        if q["binding"]:
            bound = q[q["binding"]]
            price = q["shadow_price"]
            word = "minimum" if q["binding"] == "min" else "maximum"
            entries.append((abs(price), Binding(
                name=f"{word}: {q['quality']}", kind="rule", slack=0.0, dual_value=price,
                sentence=f"the {word} {number(bound)} of {q['quality']} binds: its shadow price is "
                         f"{number(round(price, 6))} per unit, so raising it by 0.001 would "
                         f"{'raise' if price > 0 else 'lower'} the cost by about "
                         f"{number(round(abs(price) / 1000, 6))}")))
    for entry in recipe:
        price = entry["limit_shadow_price"]
        ingredient = next(i for i in ingredients if i.name == entry["ingredient"])
        if entry["binding_limit"] == "min_amount" and ingredient.min_amount == 0:
            continue  # an unused ingredient is no limit the user set
        if entry["binding_limit"] and abs(price) > 1e-9:
            limit = "availability" if entry["binding_limit"] == "max_amount" else "minimum use"
            entries.append((abs(price), Binding(
                name=f"{limit}: {entry['ingredient']}", kind="bound", slack=0.0, dual_value=price,
                sentence=f"{entry['ingredient']} is used at its {entry['binding_limit']} ({number(entry['amount'])}); "
                         f"one more unit allowed would {'raise' if price > 0 else 'lower'} the cost by "
                         f"{number(round(abs(price), 6))}")))
    entries.sort(key=lambda pair: -pair[0])
    binding = [entry for _, entry in entries[:6]]
    summary = f"{len(entries)} specification(s) and amount limit(s) bind; each says what a unit more of it is worth."
    return explain_rules.with_binding(outcome, binding, summary if binding else None)


_MESSAGES = {
    "infeasible": "No blend meets every specification with the available ingredients and amount limits.",
    "time_limit": "No blend was found within the time limit; raise time_limit_s.",
}

TEMPLATE = Template(
    name="blending",
    display_name="Blending Optimizer",
    description="Find the cheapest recipe that mixes ingredients into a batch meeting every quality or "
                "nutrient specification (feed, food, fuel, alloys, fertilizer), with shadow prices.",
    category="production",
    tags=["blending", "recipe", "diet", "feed mix", "production", "linear programming"],
    credits_per_execution=2,
    input_model=BlendingInput,
    example_input={
        "batch_size": 1000,
        "ingredients": [
            {"name": "Corn", "cost": 0.30, "content": {"protein": 0.09, "fiber": 0.02, "calcium": 0.0002}},
            {"name": "Soybean meal", "cost": 0.90, "content": {"protein": 0.44, "fiber": 0.07, "calcium": 0.003}},
            {"name": "Wheat bran", "cost": 0.22, "content": {"protein": 0.16, "fiber": 0.10, "calcium": 0.001},
             "max_amount": 250},
            {"name": "Limestone", "cost": 0.10, "content": {"calcium": 0.38}},
            {"name": "Fish meal", "cost": 1.60, "content": {"protein": 0.60, "fiber": 0.01, "calcium": 0.05},
             "max_amount": 50},
        ],
        "qualities": [
            {"name": "protein", "min": 0.20},
            {"name": "fiber", "max": 0.05},
            {"name": "calcium", "min": 0.008, "max": 0.012},
        ],
    },
    solve=solve,
)
