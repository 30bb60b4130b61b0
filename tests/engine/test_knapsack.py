"""Knapsack template: optima against brute force and the FSU p01..p08 set; input validation."""
from __future__ import annotations

import bisect
import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import knapsack

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def _brute_force(resources, items) -> float:
    """Best value over every combination of copies (small instances only)."""
    best = 0.0
    ranges = [range(item.get("min_copies", 0), item.get("max_copies", 1) + 1) for item in items]
    for copies in itertools.product(*ranges):
        if all(sum(item["weights"].get(r["name"], 0) * c for item, c in zip(items, copies)) <= r["capacity"]
               for r in resources):
            best = max(best, sum(item["value"] * c for item, c in zip(items, copies)))
    return best


def _single(capacity, weights, values, name="cap"):
    return {"resources": [{"name": name, "capacity": capacity}],
            "items": [{"name": f"item {i + 1}", "value": v, "weights": {name: w}}
                      for i, (w, v) in enumerate(zip(weights, values))]}


def test_example_input_solves_to_optimality():
    outcome = knapsack.TEMPLATE.run(knapsack.TEMPLATE.example_input, OPTIONS)
    assert outcome.status == "optimal"
    example = knapsack.TEMPLATE.example_input
    assert outcome.objective_value == pytest.approx(_brute_force(example["resources"], example["items"]))
    packed = {entry["item"]: entry["copies"] for entry in outcome.solution["items_packed"]}
    assert packed["First-aid kit"] >= 1  # mandatory item
    for usage in outcome.solution["resources"]:
        assert usage["used"] <= usage["capacity"]


@pytest.mark.parametrize("seed", range(6))
def test_random_multidimensional_bounded_instances_match_brute_force(seed):
    rng = random.Random(seed)
    resources = [{"name": f"r{r}", "capacity": rng.randint(10, 40)} for r in range(rng.randint(1, 3))]
    items = []
    for i in range(rng.randint(4, 7)):
        item = {"name": f"i{i}", "value": round(rng.uniform(1, 50), 2),
                "weights": {r["name"]: rng.randint(0, 15) for r in resources},
                "max_copies": rng.choice([1, 1, 2, 3])}
        items.append(item)
    data = {"resources": resources, "items": items}
    outcome = knapsack.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    expected = _brute_force(resources, items)
    assert outcome.objective_value == pytest.approx(expected, abs=1e-6)
    assert outcome.solution["total_value"] == pytest.approx(expected, abs=1e-6)
    for usage in outcome.solution["resources"]:
        assert usage["used"] <= usage["capacity"]


def _meet_in_the_middle(capacity, weights, values) -> int:
    """Exact 0-1 knapsack optimum by splitting the items in two halves (independent of the solver)."""
    half = len(weights) // 2

    def subsets(ws, vs):
        out = []
        for mask in range(1 << len(ws)):
            w = sum(ws[k] for k in range(len(ws)) if mask >> k & 1)
            if w <= capacity:
                out.append((w, sum(vs[k] for k in range(len(vs)) if mask >> k & 1)))
        return out

    left = subsets(weights[:half], values[:half])
    right = sorted(subsets(weights[half:], values[half:]))
    best_upto, running = [], -1  # best value with weight <= right[k][0]
    for _, value in right:
        running = max(running, value)
        best_upto.append(running)
    keys = [w for w, _ in right]
    best = 0
    for w, v in left:
        k = bisect.bisect_right(keys, capacity - w) - 1
        if k >= 0:
            best = max(best, v + best_upto[k])
    return best


@pytest.mark.parametrize("name", [f"p0{k}" for k in range(1, 9)])
def test_fsu_p01_to_p08(name):
    instance = json.loads((DATA / "knapsack_p01_p08.json").read_text())["instances"][name]
    capacity, weights, profits = instance["capacity"], instance["weights"], instance["profits"]
    # The published selection is feasible and worth the published optimum...
    selection = instance["optimal_selection"]
    assert sum(w * s for w, s in zip(weights, selection)) <= capacity
    assert sum(p * s for p, s in zip(profits, selection)) == instance["optimum"]
    # ...an exhaustive search agrees that nothing better exists...
    assert _meet_in_the_middle(capacity, weights, profits) == instance["optimum"]
    # ...and the template finds it.
    outcome = knapsack.TEMPLATE.run(_single(capacity, weights, profits), OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == instance["optimum"]
    assert outcome.solution["total_value"] == instance["optimum"]


def test_decimal_values_are_exact():
    data = _single(10, [5, 5, 4, 6], [0.1, 0.2, 0.15, 0.149999])
    outcome = knapsack.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(0.35)  # items 2 and 3 (0.2 + 0.15)
    assert sorted(entry["item"] for entry in outcome.solution["items_packed"]) == ["item 2", "item 3"]


def test_item_that_never_fits_is_reported_not_rejected():
    outcome = knapsack.TEMPLATE.run(_single(10, [11, 3], [100, 1]), OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == 1
    assert outcome.solution["items_that_never_fit"] == ["item 1"]


def test_mandatory_items_that_cannot_fit_together_are_infeasible():
    data = _single(10, [6, 6], [1, 1])
    for item in data["items"]:
        item["min_copies"] = 1
    outcome = knapsack.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "infeasible"
    assert outcome.solution is None
    assert outcome.message


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["items"][0]["weights"].update({"volume": 1}), "unknown resources"),
    (lambda d: d["items"].append(dict(d["items"][0])), "names must be unique"),
    (lambda d: d["items"][0].update({"min_copies": 1, "weights": {"cap": 11}}), "must be packed"),
    (lambda d: d["items"][0].update({"min_copies": 2, "max_copies": 1}), "min_copies"),
    (lambda d: d["items"][0].update({"value": -1}), "greater than or equal"),
    (lambda d: d.update({"extra": 1}), "Extra inputs"),
    (lambda d: d.update({"items": [{"name": f"x{i}", "value": 1} for i in range(5001)]}), "at most 5000"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = _single(10, [3, 4], [5, 6])
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        knapsack.KnapsackInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.knapsack; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def test_mandatory_items_over_a_capacity_name_the_resource():
    data = {"resources": [{"name": "kg", "capacity": 10}, {"name": "l", "capacity": 100}],
            "items": [{"name": "A", "value": 1, "weights": {"kg": 4}, "min_copies": 2, "max_copies": 3},
                      {"name": "B", "value": 1, "weights": {"kg": 3}, "min_copies": 1},
                      {"name": "C", "value": 1, "weights": {"kg": 1}}]}
    out = knapsack.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    [conflict] = out.explanation.conflicts
    assert conflict.name == "capacity: kg"
    assert conflict.sentence == "the mandatory items (A x2, B x1) need 11 kg; the capacity is 10"


def test_a_resource_used_to_capacity_binds():
    data = {"resources": [{"name": "kg", "capacity": 10}, {"name": "l", "capacity": 100}],
            "items": [{"name": "A", "value": 5, "weights": {"kg": 10, "l": 1}},
                      {"name": "B", "value": 1, "weights": {"kg": 3, "l": 1}}]}
    out = knapsack.TEMPLATE.run(data, OPTIONS)
    assert out.objective_value == 5
    assert [(b.name, b.sentence) for b in out.explanation.binding] == [("capacity: kg", "all 10 kg are used")]
