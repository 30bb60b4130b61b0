"""Portfolio (MAD) template: closed-form and vertex-enumeration optima, shadow prices, validation."""
from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import portfolio_optimization as portfolio

OPTIONS = RunOptions(time_limit_s=10)


def _two_assets(target=None):
    # A returns 10 % or -2 % (mean 4 %); B returns 1 % or 3 % (mean 2 %), two equally likely scenarios.
    data = {"assets": [{"name": "A"}, {"name": "B"}],
            "scenarios": [{"returns": {"A": 0.10, "B": 0.01}}, {"returns": {"A": -0.02, "B": 0.03}}]}
    if target is not None:
        data["target_return"] = target
    return data


def _weights(outcome):
    return {entry["asset"]: entry["weight"] for entry in outcome.solution["weights"]}


def test_closed_form_minimum_risk():
    # Deviation is (0.07 w - 0.01) in one scenario and its negative in the other, so
    # MAD = |0.07 w - 0.01|: zero at w = 1/7 in A.
    outcome = portfolio.TEMPLATE.run(_two_assets(), OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(0.0, abs=1e-12)
    assert _weights(outcome)["A"] == pytest.approx(1 / 7)
    assert outcome.solution["expected_return"] == pytest.approx(0.04 / 7 + 0.02 * 6 / 7)


def test_closed_form_with_binding_target_and_its_shadow_price():
    # Return 0.02 + 0.02 w >= t forces w >= (t - 0.02) / 0.02; MAD = 3.5 t - 0.08, so at t = 0.03
    # w = 0.5, MAD = 0.025 and d MAD / d t = 3.5.
    outcome = portfolio.TEMPLATE.run(_two_assets(0.03), OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(0.025)
    assert _weights(outcome) == pytest.approx({"A": 0.5, "B": 0.5})
    assert outcome.solution["expected_return"] == pytest.approx(0.03)
    assert outcome.solution["shadow_prices"]["target_return"] == pytest.approx(3.5)
    assert outcome.solution["risk"]["mean_absolute_deviation"] == pytest.approx(0.025)


def _vertex_enumeration(data) -> float:
    """Exact optimum for three assets: the MAD is piecewise linear on a 2-D polygon, so the minimum
    is at an intersection of two of its lines (scenario kinks, weight bounds, target)."""
    names = [a["name"] for a in data["assets"]]
    scenarios = data["scenarios"]
    p = 1 / len(scenarios)
    mean = [sum(s["returns"][n] for s in scenarios) * p for n in names]
    dev = [[s["returns"][n] - mean[k] for k, n in enumerate(names)] for s in scenarios]
    lines = [((d[0] - d[2], d[1] - d[2]), -d[2]) for d in dev]  # (a, b): a . (w1, w2) = b
    for k, asset in enumerate(data["assets"]):
        for bound in (asset.get("min_weight", 0.0), asset.get("max_weight", 1.0)):
            lines.append(((1.0, 0.0), bound) if k == 0 else ((0.0, 1.0), bound) if k == 1 else ((1.0, 1.0), 1 - bound))
    if data.get("target_return") is not None:
        lines.append(((mean[0] - mean[2], mean[1] - mean[2]), data["target_return"] - mean[2]))

    def feasible(w):
        for k, asset in enumerate(data["assets"]):
            if not asset.get("min_weight", 0.0) - 1e-9 <= w[k] <= asset.get("max_weight", 1.0) + 1e-9:
                return False
        target = data.get("target_return")
        return target is None or sum(m * x for m, x in zip(mean, w)) >= target - 1e-9

    best = float("inf")
    for (a1, b1), (a2, b2) in itertools.combinations(lines, 2):
        det = a1[0] * a2[1] - a1[1] * a2[0]
        if abs(det) < 1e-12:
            continue
        w1 = (b1 * a2[1] - a1[1] * b2) / det
        w2 = (a1[0] * b2 - b1 * a2[0]) / det
        w = (w1, w2, 1 - w1 - w2)
        if feasible(w):
            best = min(best, sum(p * abs(sum(d[k] * w[k] for k in range(3))) for d in dev))
    return best


@pytest.mark.parametrize("seed", range(6))
def test_three_assets_match_vertex_enumeration(seed):
    rng = random.Random(seed)
    names = ["X", "Y", "Z"]
    scenarios = [{"returns": {n: round(rng.gauss(0.01 * (k + 1), 0.03), 4) for k, n in enumerate(names)}}
                 for _ in range(rng.randint(4, 9))]
    assets = [{"name": n, "max_weight": rng.choice([1.0, 0.7, 0.5])} for n in names]
    assets[0]["max_weight"] = 1.0
    data = {"assets": assets, "scenarios": scenarios}
    means = [sum(s["returns"][n] for s in scenarios) / len(scenarios) for n in names]
    if seed % 2:
        data["target_return"] = round(min(means) + 0.5 * (max(means) - min(means)), 5)
    try:
        portfolio.PortfolioInput.model_validate(data)
    except ValidationError:
        pytest.skip("random target unreachable under the caps")
    outcome = portfolio.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_vertex_enumeration(data), abs=1e-9)
    weights = _weights(outcome)
    assert sum(weights.values()) == pytest.approx(1.0)
    for asset in assets:
        assert weights[asset["name"]] <= asset["max_weight"] + 1e-9


def test_target_shadow_price_matches_finite_difference():
    data = portfolio.TEMPLATE.example_input
    base = portfolio.TEMPLATE.run(data, OPTIONS)
    bumped = portfolio.TEMPLATE.run({**data, "target_return": data["target_return"] + 1e-5}, OPTIONS)
    slope = (bumped.objective_value - base.objective_value) / 1e-5
    assert base.solution["shadow_prices"]["target_return"] == pytest.approx(slope, rel=1e-3)


def test_max_weight_shadow_price_matches_finite_difference():
    data = portfolio.TEMPLATE.example_input
    base = portfolio.TEMPLATE.run(data, OPTIONS)
    capped = [e for e in base.solution["weights"] if e["binding_limit"] == "max_weight"]
    assert capped, "the example should have an asset at its cap"
    name = capped[0]["asset"]
    assets = [dict(a, max_weight=a["max_weight"] + 1e-5) if a["name"] == name else a for a in data["assets"]]
    bumped = portfolio.TEMPLATE.run({**data, "assets": assets}, OPTIONS)
    slope = (bumped.objective_value - base.objective_value) / 1e-5
    assert capped[0]["limit_shadow_price"] == pytest.approx(slope, rel=1e-3)


def test_example_input_solves_to_optimality():
    outcome = portfolio.TEMPLATE.run(portfolio.TEMPLATE.example_input, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.solution["expected_return"] >= portfolio.TEMPLATE.example_input["target_return"] - 1e-9
    amounts = sum(entry["amount"] for entry in outcome.solution["weights"])
    assert amounts == pytest.approx(portfolio.TEMPLATE.example_input["budget"], abs=0.05)


def test_min_weights_that_cap_the_return_are_rejected():
    data = _two_assets(0.035)
    data["assets"][1]["min_weight"] = 0.5  # caps A at 0.5, so the return is at most 0.03
    data["assets"][0]["max_weight"] = 1.0
    with pytest.raises(ValidationError, match="highest expected return they allow is 0.03"):
        portfolio.PortfolioInput.model_validate(data)


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d.update({"target_return": 0.05}),
     "target_return 0.05 is above every asset's expected return \\(the highest is A at 0.04\\)"),
    (lambda d: d["assets"][0].update({"max_weight": 0.5}) or d.update({"target_return": 0.035}),
     "cannot be reached within the weight limits"),
    (lambda d: d["assets"][0].update({"max_weight": 0.3}) or d["assets"][1].update({"max_weight": 0.3}),
     "max_weight add up to less than 1"),
    (lambda d: d["scenarios"][0]["returns"].pop("B"), "scenario #1 misses returns for B"),
    (lambda d: d["scenarios"][1]["returns"].update({"C": 0.1}), "unknown assets C"),
    (lambda d: d["scenarios"][0].update({"probability": 0.4}), "every scenario or for none"),
    (lambda d: [s.update({"probability": 0.4}) for s in d["scenarios"]], "add up to 1"),
    (lambda d: d["assets"][0].update({"min_weight": 0.8, "max_weight": 0.5}), "min_weight 0.8 above max_weight 0.5"),
    (lambda d: d.update({"scenarios": d["scenarios"][:1]}), "at least 2"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = _two_assets()
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        portfolio.PortfolioInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.portfolio_optimization; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


def test_the_binding_target_return_carries_its_shadow_price():
    data = portfolio.TEMPLATE.example_input
    base = portfolio.TEMPLATE.run(data, OPTIONS)
    first = base.explanation.binding[0]
    assert first.name == "target return"
    higher = portfolio.TEMPLATE.run({**data, "target_return": data["target_return"] + 1e-5}, OPTIONS)
    assert first.dual_value == pytest.approx((higher.objective_value - base.objective_value) / 1e-5, rel=1e-4)
