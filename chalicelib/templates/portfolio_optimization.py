"""Portfolio optimization (mean absolute deviation).

Split a budget across assets so that the portfolio's risk, measured as the mean absolute
deviation (MAD) of its return over the given scenarios, is as small as possible while the
expected return reaches a target (Konno and Yamazaki, 1991).

    mean[a]       = sum_s p[s] * r[s][a]                           expected return of asset a
    minimize      sum_s p[s] * d[s]                                 MAD of the portfolio return
    subject to    d[s] >= +sum_a (r[s][a] - mean[a]) * w[a]         for every scenario s
                  d[s] >= -sum_a (r[s][a] - mean[a]) * w[a]         for every scenario s
                  sum_a mean[a] * w[a] >= target_return
                  sum_a w[a] == 1
                  min_weight[a] <= w[a] <= max_weight[a]

Returns are fractions per period (0.012 is 1.2 %), one scenario per row, for example monthly
historical returns; scenario probabilities default to equal. Weights are fractions of the
budget (long-only). MAD is a linear stand-in for variance, so this is an LP solved with GLOP;
its shadow prices say how much risk each extra unit of target return costs.
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
from chalicelib.templates.explain_rules import number

MAX_CELLS = 200_000
_TOLERANCE = 1e-9


class Asset(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Asset name or ticker, unique within the input."""
    max_weight: float = Field(default=1.0, ge=0, le=1)
    """Largest share of the budget this asset may take, as a fraction (0.3 is 30 %)."""
    min_weight: float = Field(default=0.0, ge=0, le=1)
    """Smallest share of the budget this asset must take, as a fraction."""


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str | None = Field(default=None, max_length=200)
    """Optional label, for example the month the returns were observed."""
    probability: float | None = Field(default=None, gt=0, le=1)
    """Probability of the scenario; give it for all scenarios or none (then all are equal)."""
    returns: dict[str, Annotated[float, Field(ge=-1, le=100)]]
    """Return of each asset in this scenario, keyed by asset name, as a fraction per period."""


class PortfolioInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    assets: list[Asset] = Field(min_length=1, max_length=1000)
    """Assets that may be held."""
    scenarios: list[Scenario] = Field(min_length=2, max_length=10_000)
    """Return scenarios; every scenario gives a return for every asset."""
    target_return: float | None = Field(default=None, ge=-1, le=100)
    """Smallest acceptable expected portfolio return, as a fraction per period; omit for minimum risk."""
    budget: float | None = Field(default=None, gt=0, le=1e15)
    """Amount to invest, in currency; when given, the solution also lists amounts per asset."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "PortfolioInput":
        names = [asset.name for asset in self.assets]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"asset names must be unique; repeated: {', '.join(duplicates)}")
        if len(self.assets) * len(self.scenarios) > MAX_CELLS:
            raise ValueError(f"at most {MAX_CELLS:,} asset-scenario returns per run")
        known = set(names)
        for s, scenario in enumerate(self.scenarios):
            label = scenario.name or f"#{s + 1}"
            missing = [name for name in names if name not in scenario.returns]
            unknown = sorted(set(scenario.returns) - known)
            if missing or unknown:
                problem = f"misses returns for {', '.join(missing[:10])}" if missing else \
                    f"has returns for unknown assets {', '.join(unknown[:10])}"
                raise ValueError(f"scenario {label} {problem}")
        given = [scenario.probability for scenario in self.scenarios if scenario.probability is not None]
        if given and len(given) != len(self.scenarios):
            raise ValueError("give a probability for every scenario or for none")
        if given and abs(sum(given) - 1) > 1e-6:
            raise ValueError(f"scenario probabilities must add up to 1; they add up to {sum(given):g}")
        for asset in self.assets:
            if asset.min_weight > asset.max_weight:
                raise ValueError(f"asset '{asset.name}' has min_weight {asset.min_weight:g} above "
                                 f"max_weight {asset.max_weight:g}")
        if sum(asset.max_weight for asset in self.assets) < 1 - 1e-9:
            raise ValueError("the assets' max_weight add up to less than 1, so the budget cannot be fully invested")
        if sum(asset.min_weight for asset in self.assets) > 1 + 1e-9:
            raise ValueError("the assets' min_weight add up to more than 1")
        if self.target_return is not None:
            means = expected_returns(self)
            best = max(range(len(self.assets)), key=lambda a: means[a])
            if self.target_return > means[best] + _TOLERANCE:
                raise ValueError(f"target_return {self.target_return:g} is above every asset's expected return "
                                 f"(the highest is {self.assets[best].name} at {means[best]:.6g})")
            reachable = _highest_return(self.assets, means)
            if self.target_return > reachable + _TOLERANCE:
                raise ValueError(f"target_return {self.target_return:g} cannot be reached within the weight "
                                 f"limits: the highest expected return they allow is {reachable:.6g}")
        return self


def expected_returns(data: PortfolioInput) -> list[float]:
    """Probability-weighted mean return of each asset."""
    probabilities = _probabilities(data)
    return [sum(p * scenario.returns[asset.name] for p, scenario in zip(probabilities, data.scenarios))
            for asset in data.assets]


def solve(data: PortfolioInput, options: RunOptions) -> SolveOutcome:
    # Data: scenario probabilities, mean returns and deviations from the mean.
    assets, scenarios = data.assets, data.scenarios
    probabilities = _probabilities(data)
    means = expected_returns(data)
    deviation = [[scenario.returns[asset.name] - means[a] for a, asset in enumerate(assets)] for scenario in scenarios]
    solver = linear.create_solver("GLOP")

    # Variables: weight per asset; absolute deviation of the portfolio return per scenario.
    weight = [solver.NumVar(asset.min_weight, asset.max_weight, f"w[{a}]") for a, asset in enumerate(assets)]
    spread = [solver.NumVar(0, solver.infinity(), f"d[{s}]") for s in range(len(scenarios))]

    # Constraints: deviations bound the spread; fully invested; target expected return.
    for s, row in enumerate(deviation):
        portfolio_deviation = sum(row[a] * weight[a] for a in range(len(assets)))
        solver.Add(spread[s] >= portfolio_deviation)
        solver.Add(spread[s] >= -portfolio_deviation)
    budget = solver.Add(sum(weight) == 1)
    target = None
    if data.target_return is not None:
        target = solver.Add(sum(means[a] * weight[a] for a in range(len(assets))) >= data.target_return)

    # Objective: mean absolute deviation.
    solver.Minimize(sum(p * spread[s] for s, p in enumerate(probabilities)))

    # Solve.
    run = linear.solve(solver, options, is_mip=False)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output: weights, return and risk, and what the limits cost in risk.
    weights = [max(0.0, w.solution_value()) for w in weight]
    returns = [sum(weights[a] * scenario.returns[asset.name] for a, asset in enumerate(assets))
               for scenario in scenarios]
    expected = sum(p * r for p, r in zip(probabilities, returns))
    variance = sum(p * (r - expected) ** 2 for p, r in zip(probabilities, returns))
    holdings = []
    for a, asset in enumerate(assets):
        binding = _binding_limit(weights[a], asset)
        entry = {"asset": asset.name, "weight": round(weights[a], 9), "expected_return": round(means[a], 9),
                 "contribution_to_return": round(weights[a] * means[a], 9), "binding_limit": binding,
                 "limit_shadow_price": round(weight[a].reduced_cost(), 9) if binding else 0.0}
        if data.budget is not None:
            entry["amount"] = round(weights[a] * data.budget, 2)
        holdings.append(entry)
    shadow_prices = {
        "target_return": round(target.dual_value(), 9) if target is not None else None,
        "full_investment": round(budget.dual_value(), 9),
    }
    worst = min(range(len(scenarios)), key=lambda s: returns[s])
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "weights": holdings,
            "expected_return": round(expected, 9),
            "risk": {"mean_absolute_deviation": round(run["objective_value"], 9),
                     "standard_deviation": round(variance ** 0.5, 9),
                     "worst_scenario": scenarios[worst].name or f"#{worst + 1}",
                     "worst_scenario_return": round(returns[worst], 9)},
            "shadow_prices": shadow_prices,
            "shadow_price_notes": {
                "target_return": "increase in MAD per unit increase of target_return "
                                 "(0 when the target is not binding)",
                "full_investment": "change in MAD per unit increase of the invested fraction",
                "limit_shadow_price": "change in MAD per unit increase of the asset's binding weight limit "
                                      "(negative: relaxing a max_weight would lower the risk)",
            },
        },
        message=_MESSAGES.get(run["status"]),
    )
    return _explain_binding(data, outcome, shadow_prices["target_return"], holdings)


def _explain_binding(data: PortfolioInput, outcome: SolveOutcome, target_price: float | None,
                     holdings: list[dict]) -> SolveOutcome:
    """The target return when it binds, then the weight limits that cost the most risk."""
    binding = []
    if target_price is not None and target_price > 1e-9:
        binding.append(Binding(
            name="target return", kind="rule", slack=0.0, dual_value=target_price,
            sentence=f"the target return {number(data.target_return)} binds: each 0.001 more of it adds about "
                     f"{number(round(target_price / 1000, 9))} to the mean absolute deviation"))
    minimum = {asset.name: asset.min_weight for asset in data.assets}
    limits = sorted((h for h in holdings if h["binding_limit"] and abs(h["limit_shadow_price"]) > 1e-9
                     and not (h["binding_limit"] == "min_weight" and minimum[h["asset"]] == 0)),
                    key=lambda h: -abs(h["limit_shadow_price"]))
    for h in limits[:4]:
        price = h["limit_shadow_price"]
        binding.append(Binding(
            name=f"{h['binding_limit']}: {h['asset']}", kind="bound", slack=0.0, dual_value=price,
            sentence=f"{h['asset']} sits at its {h['binding_limit']} {number(h['weight'])}: each 0.001 more of "
                     f"that limit would {'raise' if price > 0 else 'lower'} the risk by about "
                     f"{number(round(abs(price) / 1000, 9))}"))
    summary = f"{len(binding)} limit(s) hold the risk up; their shadow prices say by how much per unit."
    return explain_rules.with_binding(outcome, binding, summary if binding else None)


def _probabilities(data: PortfolioInput) -> list[float]:
    if data.scenarios[0].probability is None:
        return [1.0 / len(data.scenarios)] * len(data.scenarios)
    return [scenario.probability for scenario in data.scenarios]


def _binding_limit(value: float, asset: Asset) -> str | None:
    if value >= asset.max_weight - 1e-9:
        return "max_weight"
    if value <= asset.min_weight + 1e-9:
        return "min_weight"
    return None


def _highest_return(assets: list[Asset], means: list[float]) -> float:
    """Highest expected return any weights within the limits reach (greedy, like a fractional knapsack)."""
    total = sum(asset.min_weight * means[a] for a, asset in enumerate(assets))
    room = 1 - sum(asset.min_weight for asset in assets)
    for a in sorted(range(len(assets)), key=lambda a: -means[a]):
        extra = min(room, assets[a].max_weight - assets[a].min_weight)
        total += extra * means[a]
        room -= extra
    return total


_MESSAGES = {
    "infeasible": "No portfolio meets the target return within the weight limits.",
    "time_limit": "No portfolio was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit; the portfolio is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="portfolio_optimization",
    display_name="Portfolio Optimizer (Mean Absolute Deviation)",
    description="Allocate a budget across assets to minimize risk (mean absolute deviation over return "
                "scenarios) for a target expected return, with per-asset weight limits and shadow prices.",
    category="finance",
    tags=["portfolio", "asset allocation", "risk", "finance", "linear programming"],
    credits_per_execution=3,
    input_model=PortfolioInput,
    example_input={
        "assets": [
            {"name": "Global equity", "max_weight": 0.6},
            {"name": "Government bonds", "max_weight": 0.6},
            {"name": "Corporate bonds", "max_weight": 0.5},
            {"name": "Real estate", "max_weight": 0.3},
            {"name": "Gold", "max_weight": 0.2},
        ],
        "scenarios": [
            {"name": "2024-01", "returns": {"Global equity": 0.012, "Government bonds": -0.003,
                                            "Corporate bonds": 0.001, "Real estate": -0.010, "Gold": -0.012}},
            {"name": "2024-02", "returns": {"Global equity": 0.042, "Government bonds": -0.011,
                                            "Corporate bonds": -0.004, "Real estate": 0.015, "Gold": 0.002}},
            {"name": "2024-03", "returns": {"Global equity": 0.031, "Government bonds": 0.006,
                                            "Corporate bonds": 0.011, "Real estate": 0.022, "Gold": 0.083}},
            {"name": "2024-04", "returns": {"Global equity": -0.037, "Government bonds": -0.023,
                                            "Corporate bonds": -0.019, "Real estate": -0.071, "Gold": 0.025}},
            {"name": "2024-05", "returns": {"Global equity": 0.041, "Government bonds": 0.012,
                                            "Corporate bonds": 0.017, "Real estate": 0.051, "Gold": 0.019}},
            {"name": "2024-06", "returns": {"Global equity": 0.020, "Government bonds": 0.010,
                                            "Corporate bonds": 0.006, "Real estate": 0.021, "Gold": -0.001}},
        ],
        "target_return": 0.008,
        "budget": 100000,
    },
    solve=solve,
)
