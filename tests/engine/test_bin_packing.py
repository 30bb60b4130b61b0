"""Bin packing template: optima against brute force and Falkenauer u120_00; both models; validation."""
from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import bin_packing

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def _partitions(units):
    """Every way to split the list `units` into non-empty blocks."""
    if not units:
        yield []
        return
    first, rest = units[0], units[1:]
    for partition in _partitions(rest):
        yield [[first]] + partition
        for k in range(len(partition)):
            yield partition[:k] + [[first] + partition[k]] + partition[k + 1:]


def _brute_force(data) -> float | None:
    """Cheapest packing over every partition of the units and every choice of bin type per block."""
    units = [item["size"] for item in data["items"] for _ in range(item.get("quantity", 1))]
    types = data["bin_types"]
    best = None
    for partition in _partitions(units):
        loads = [sum(block) for block in partition]
        for choice in itertools.product(range(len(types)), repeat=len(partition)):
            if any(load > types[t]["capacity"] + 1e-9 for load, t in zip(loads, choice)):
                continue
            counts = Counter(choice)
            if any(types[t].get("max_count") is not None and counts[t] > types[t]["max_count"] for t in counts):
                continue
            cost = sum(types[t].get("cost", 1) for t in choice)
            best = cost if best is None else min(best, cost)
    return best


def _check_packing(data, solution):
    capacity = {t["name"]: t["capacity"] for t in data["bin_types"]}
    packed = Counter()
    for b in solution["bins"]:
        load = sum(entry["size"] * entry["quantity"] for entry in b["items"])
        assert load <= capacity[b["type"]] + 1e-9
        for entry in b["items"]:
            packed[entry["item"]] += entry["quantity"]
    assert packed == Counter({item["name"]: item.get("quantity", 1) for item in data["items"]})


def _random_instance(rng):
    types = [{"name": f"B{t}", "capacity": rng.randint(8, 15), "cost": rng.choice([1, 2, 3]),
              "max_count": rng.choice([None, 2, 3])} for t in range(rng.randint(1, 2))]
    types[0]["max_count"] = None  # always packable
    largest = max(t["capacity"] for t in types)
    items = [{"name": f"i{i}", "size": rng.randint(2, largest), "quantity": rng.choice([1, 1, 2])}
             for i in range(rng.randint(2, 4))]
    while sum(i["quantity"] for i in items) > 6:
        items[-1]["quantity"] = 1
        if sum(i["quantity"] for i in items) > 6:
            items.pop()
    return {"bin_types": types, "items": items}


def test_example_input_solves_to_optimality():
    example = bin_packing.TEMPLATE.example_input
    outcome = bin_packing.TEMPLATE.run(example, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == 4  # total size 3410 on pallets of 1000: at least 4
    _check_packing(example, outcome.solution)


@pytest.mark.parametrize("seed", range(8))
def test_random_instances_match_brute_force(seed):
    data = _random_instance(random.Random(seed))
    outcome = bin_packing.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(data))
    assert outcome.solution["total_cost"] == pytest.approx(outcome.objective_value)
    _check_packing(data, outcome.solution)


@pytest.mark.parametrize("seed", range(4))
def test_compact_fallback_model_matches_brute_force(seed, monkeypatch):
    monkeypatch.setattr(bin_packing, "MAX_ARCS", 0)  # force the assignment model
    data = _random_instance(random.Random(100 + seed))
    outcome = bin_packing.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(data))
    _check_packing(data, outcome.solution)


def test_decimal_sizes():
    data = {"bin_types": [{"name": "Roll", "capacity": 10.5}],
            "items": [{"name": "a", "size": 5.25, "quantity": 2}, {"name": "b", "size": 5.26},
                      {"name": "c", "size": 0.01}]}
    outcome = bin_packing.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == _brute_force(data) == 2
    _check_packing(data, outcome.solution)


def test_falkenauer_u120_00():
    instance = json.loads((DATA / "binpack_u120_00.json").read_text())
    data = {"bin_types": [{"name": "Bin", "capacity": instance["capacity"]}],
            "items": [{"name": f"item {k + 1}", "size": size} for k, size in enumerate(instance["sizes"])]}
    outcome = bin_packing.TEMPLATE.run(data, RunOptions(time_limit_s=20, seed=1))
    assert outcome.status == "optimal"
    assert outcome.objective_value == instance["optimum"] == 48
    assert outcome.solution["number_of_bins"] == 48
    _check_packing(data, outcome.solution)


def test_limited_bins_that_cannot_hold_the_items_are_infeasible():
    data = {"bin_types": [{"name": "Crate", "capacity": 10, "max_count": 2}],
            "items": [{"name": "x", "size": 6, "quantity": 3}]}
    outcome = bin_packing.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "infeasible"
    assert outcome.message


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["items"].append({"name": "Piano", "size": 101}),
     "item 'Piano' \\(size 101\\) is larger than every bin \\(largest: 'Big', capacity 100\\)"),
    (lambda d: d["bin_types"][0].update({"max_count": 1}) or d["bin_types"][1].update({"max_count": 0}),
     "total size 120 exceeds the total capacity 100"),
    (lambda d: d["items"].append({"name": "Bulk", "size": 1, "quantity": 1000}), "at most 1,000 item units"),
    (lambda d: d["items"].append(dict(d["items"][0])), "names must be unique"),
    (lambda d: d["items"][0].update({"size": 0}), "greater than or equal to 0.000001"),
    (lambda d: d["bin_types"][0].update({"max_count": 0}) or d["bin_types"][1].update({"max_count": 0}),
     "no bins to pack into"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = {"bin_types": [{"name": "Big", "capacity": 100}, {"name": "Small", "capacity": 50, "cost": 0.6}],
            "items": [{"name": "Box", "size": 60}, {"name": "Bag", "size": 30, "quantity": 2}]}
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        bin_packing.BinPackingInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.bin_packing; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


def test_tiny_values_at_the_precision_limit_solve_and_below_it_are_refused():
    # Found by fuzzing: values that rounded to 0 divided by zero inside the model.
    tiny_cost = {"bin_types": [{"name": "B", "capacity": 10, "cost": 1e-6}], "items": [{"name": "I", "size": 1}]}
    out = bin_packing.TEMPLATE.run(tiny_cost, RunOptions(time_limit_s=2))
    assert out.status == "optimal" and out.objective_value == pytest.approx(1e-6)
    tiny_bin = {"bin_types": [{"name": "B", "capacity": 1e-6}], "items": [{"name": "I", "size": 1e-6, "quantity": 2}]}
    out = bin_packing.TEMPLATE.run(tiny_bin, RunOptions(time_limit_s=2))
    assert out.status == "optimal" and out.objective_value == 2
    with pytest.raises(ValidationError):
        bin_packing.TEMPLATE.input_model.model_validate(
            {"bin_types": [{"name": "B", "capacity": 1e-20}], "items": [{"name": "I", "size": 1e-20}]})


def test_items_and_the_bin_limit_that_conflict_are_named():
    # Two crates of 6 never share a 10-pallet, so 3 crates need 3 pallets; the boxes (4) are too small.
    data = {"bin_types": [{"name": "Pallet", "capacity": 10, "max_count": 2}, {"name": "Box", "capacity": 4}],
            "items": [{"name": "Crate", "size": 6, "quantity": 3}, {"name": "Bag", "size": 1, "quantity": 2}]}
    out = bin_packing.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert [c.name for c in out.explanation.conflicts] == ["item: Crate", "bin limit: Pallet"]
    assert out.explanation.conflicts[1].sentence == "at most 2 Pallet bin(s) (capacity 10) are available"
    assert out.explanation.conflict_is_minimal is True
