"""Production planning template: optima against brute force and Wagner-Whitin; infeasibility; validation."""
from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import production_planning

OPTIONS = RunOptions(time_limit_s=10)


def _plans(product, horizon):
    """Every whole-unit production vector that meets demand on time without overproducing."""
    demand, start = product["demand"], product.get("initial_inventory", 0)
    final, cap = product.get("final_inventory", 0), product.get("max_inventory")
    due = [sum(demand[t:]) + final for t in range(horizon)]
    for make in itertools.product(*[range(int(due[t]) + 1) for t in range(horizon)]):
        stock, stocks = start, []
        for t in range(horizon):
            stock += make[t] - demand[t]
            if stock < 0 or (cap is not None and stock > cap):
                break
            stocks.append(stock)
        else:
            if stock >= final:
                yield make, stocks


def _brute_force(data) -> float | None:
    horizon = len(data["periods"])
    products = data["products"]
    options = []
    for p in products:
        choices = []
        for make, stocks in _plans(p, horizon):
            cost = sum(p.get("setup_cost", 0) * (m > 0) + p.get("unit_cost", 0) * m for m in make)
            cost += sum(p.get("holding_cost", 0) * s for s in stocks)
            use = [p.get("capacity_per_unit", 1) * m + p.get("setup_time", 0) * (m > 0) for m in make]
            choices.append((cost, use))
        options.append(choices)
    best = None
    for combo in itertools.product(*options):
        if all(sum(use[t] for _, use in combo) <= data["periods"][t]["capacity"] + 1e-9 for t in range(horizon)):
            cost = sum(c for c, _ in combo)
            best = cost if best is None else min(best, cost)
    return best


def _wagner_whitin(demand, setup, unit, holding) -> float:
    """Uncapacitated single-product lot sizing by dynamic programming (Wagner and Whitin, 1958)."""
    best = [0.0] + [float("inf")] * len(demand)
    for t in range(1, len(demand) + 1):
        for j in range(1, t + 1):  # produce in period j everything needed in j..t
            lot = sum(demand[j - 1:t])
            hold = sum(holding * demand[k - 1] * (k - j) for k in range(j, t + 1))
            best[t] = min(best[t], best[j - 1] + (setup if lot > 0 else 0) + unit * lot + hold)
    return best[-1]


def test_example_input_solves_to_optimality():
    example = production_planning.TEMPLATE.example_input
    outcome = production_planning.TEMPLATE.run(example, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.solution["total_cost"] == pytest.approx(outcome.objective_value)
    for period in outcome.solution["plan"]:
        assert period["capacity_used"] <= period["capacity"] + 1e-9
        for row in period["products"]:
            assert row["ending_inventory"] >= 0


@pytest.mark.parametrize("seed", range(8))
def test_random_instances_match_brute_force(seed):
    rng = random.Random(seed)
    horizon = 3
    products = [{"name": f"P{p}", "demand": [rng.randint(0, 3) for _ in range(horizon)],
                 "setup_cost": rng.randint(0, 20), "unit_cost": rng.randint(1, 5), "holding_cost": rng.randint(0, 4),
                 "capacity_per_unit": rng.choice([1, 2]), "setup_time": rng.choice([0, 1, 2]),
                 "initial_inventory": rng.choice([0, 0, 1]), "final_inventory": rng.choice([0, 0, 1])}
                for p in range(2)]
    periods = [{"name": f"T{t}", "capacity": rng.randint(6, 12)} for t in range(horizon)]
    data = {"periods": periods, "products": products}
    try:
        production_planning.ProductionPlanningInput.model_validate(data)
    except ValidationError:
        assert _brute_force(data) is None  # rejected inputs must really be infeasible
        return
    expected = _brute_force(data)
    outcome = production_planning.TEMPLATE.run(data, OPTIONS)
    if expected is None:
        assert outcome.status == "infeasible"
        return
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(expected)


def test_uncapacitated_single_product_matches_wagner_whitin():
    demand = [20, 50, 10, 50, 50, 10, 20, 40]
    data = {"periods": [{"name": f"M{t + 1}", "capacity": 1000} for t in range(len(demand))],
            "products": [{"name": "Widget", "demand": demand, "setup_cost": 100, "unit_cost": 2, "holding_cost": 1}]}
    outcome = production_planning.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_wagner_whitin(demand, 100, 2, 1))


def test_setup_times_that_eat_the_capacity_are_infeasible():
    data = {"periods": [{"name": "Only", "capacity": 10}],
            "products": [{"name": "Bolt", "demand": [10], "setup_time": 2}]}
    outcome = production_planning.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "infeasible"
    assert "capacities, setup times" in outcome.message


def test_fractional_quantities_when_whole_units_is_false():
    data = {"periods": [{"name": "A", "capacity": 5}, {"name": "B", "capacity": 5}],
            "products": [{"name": "Paint", "demand": [2.5, 6.5], "unit_cost": 1, "holding_cost": 0.1}],
            "whole_units": False}
    outcome = production_planning.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    # Period B can make only 5, so 1.5 must be made in A and held: 9 units + 1.5 * 0.1 holding.
    assert outcome.objective_value == pytest.approx(9 + 0.15)


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["products"][0].update({"demand": [1, 2, 3]}), "gives 3 demand values for 2 periods"),
    (lambda d: d["products"][0].update({"demand": [1.5, 2]}), "whole_units needs whole demands"),
    (lambda d: d["products"][0].update({"demand": [30, 0]}),
     "by the end of period W1, meeting demand needs 30 capacity units beyond the initial stock, but only 20"),
    (lambda d: d["products"][0].update({"initial_inventory": 8, "max_inventory": 5}), "above its max_inventory 5"),
    (lambda d: d["products"].append(dict(d["products"][0])), "names must be unique"),
    (lambda d: d["periods"][0].update({"capacity": -1}), "greater than or equal"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = {"periods": [{"name": "W1", "capacity": 20}, {"name": "W2", "capacity": 20}],
            "products": [{"name": "Chair", "demand": [5, 10]}]}
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        production_planning.ProductionPlanningInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.production_planning; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def test_storage_limit_and_capacity_that_conflict_are_named():
    # A needs 150 in W2 with 100 capacity there, so 50 must come from W1 stock, but only 40 may be stored.
    # B (10 a week) can be made in W1 and kept: it is not part of the conflict.
    data = {"periods": [{"name": "W1", "capacity": 100}, {"name": "W2", "capacity": 100}],
            "products": [{"name": "A", "demand": [0, 150], "max_inventory": 40}, {"name": "B", "demand": [10, 10]}]}
    out = production_planning.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert [c.name for c in out.explanation.conflicts] == ["demand: A", "capacity: W2", "storage: A"]
    assert out.explanation.conflicts[2].sentence == "at most 40 A may be in stock at the end of a period"
    assert out.explanation.conflict_is_minimal is True


def test_a_period_at_full_capacity_binds():
    # 15 due in P2 with 10 capacity a period: P2 makes 10 (full), P1 makes 5 ahead.
    data = {"periods": [{"name": "P1", "capacity": 10}, {"name": "P2", "capacity": 10}],
            "products": [{"name": "Lamp", "demand": [0, 15], "holding_cost": 1}]}
    out = production_planning.TEMPLATE.run(data, OPTIONS)
    assert out.objective_value == 5
    [binding] = out.explanation.binding
    assert binding.name == "capacity: P2" and binding.sentence == "P2 uses all 10 capacity units (Lamp 10)"
