"""warehouse_allocation against exhaustive enumeration on small random instances."""
import itertools
import random

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates.warehouse_allocation import TEMPLATE


def enumerate_optimum(data):
    """Cheapest whole-unit allocation by trying every split of every product."""
    warehouses, products = data["warehouses"], data["products"]
    splits_per_product = []
    for product in products:
        splits = [split for split in itertools.product(range(product["demand"] + 1), repeat=len(warehouses))
                  if sum(split) == product["demand"]]
        splits_per_product.append(splits)
    best = None
    for choice in itertools.product(*splits_per_product):
        loads = [sum(choice[p][w] * products[p]["weight"] for p in range(len(products)))
                 for w in range(len(warehouses))]
        if any(load > w["capacity"] + 1e-9 for load, w in zip(loads, warehouses)):
            continue
        cost = sum(choice[p][w] * warehouses[w]["cost_per_unit"]
                   for p in range(len(products)) for w in range(len(warehouses)))
        best = cost if best is None else min(best, cost)
    return best


def random_instance(rng):
    warehouses = [{"name": f"W{i}", "capacity": rng.randint(3, 12), "cost_per_unit": rng.choice([1, 2, 2.5, 4])}
                  for i in range(rng.randint(2, 3))]
    products = [{"name": f"P{i}", "demand": rng.randint(0, 4), "weight": rng.choice([1, 1.5, 2, 3])}
                for i in range(rng.randint(1, 3))]
    return {"warehouses": warehouses, "products": products}


@pytest.mark.parametrize("seed", range(25))
def test_matches_enumeration(seed):
    data = random_instance(random.Random(seed))
    try:
        outcome = TEMPLATE.run(data, RunOptions())
    except ValidationError:  # aggregate demand above capacity: enumeration must agree
        assert enumerate_optimum(data) is None
        return
    expected = enumerate_optimum(data)
    if expected is None:
        assert outcome.status == "infeasible"
    else:
        assert outcome.status == "optimal"
        assert outcome.objective_value == pytest.approx(expected)


def test_example_input_solves():
    outcome = TEMPLATE.run(TEMPLATE.example_input, RunOptions())
    assert outcome.status == "optimal" and outcome.objective_value == pytest.approx(900.0)


@pytest.mark.parametrize("data,fragment", [
    ({"warehouses": [{"name": "A", "capacity": 1}, {"name": "A", "capacity": 1}],
      "products": [{"name": "p", "demand": 1}]}, "unique"),
    ({"warehouses": [{"name": "A", "capacity": 1}], "products": [{"name": "p", "demand": 2}]}, "capacity"),
    ({"warehouses": [{"name": "A", "capacity": 10}], "products": [{"name": "p", "demand": 1.5}]}, "integer"),
    ({"warehouses": [{"name": "A", "capacity": -1}], "products": [{"name": "p", "demand": 1}]}, "greater"),
])
def test_meaningless_input_is_rejected(data, fragment):
    with pytest.raises(ValidationError, match=fragment):
        TEMPLATE.input_model.model_validate(data)


# Explanations.

def test_whole_units_that_fit_no_warehouse_name_the_product():
    data = {"warehouses": [{"name": "E", "capacity": 5}, {"name": "W", "capacity": 5}],
            "products": [{"name": "A", "demand": 3, "weight": 3}]}
    out = TEMPLATE.run(data, RunOptions())
    assert out.status == "infeasible"
    [conflict] = out.explanation.conflicts
    assert conflict.name == "whole units: product A"
    assert conflict.sentence == ("3 whole units of A (weight 3 each) must be placed; the warehouses hold at most "
                                 "2 of them (E 1, W 1)")


def test_a_weight_so_small_that_the_room_overflows_is_counted_up_to_the_demand():
    """Found by the API fuzz: 5 / 1e-320 is infinite, and math.floor(inf) raised."""
    data = {"warehouses": [{"name": "E", "capacity": 3}, {"name": "W", "capacity": 3}],
            "products": [{"name": "A", "demand": 3, "weight": 1e-320}, {"name": "B", "demand": 3, "weight": 1.9}]}
    out = TEMPLATE.run(data, RunOptions())
    assert out.status == "infeasible"
    [conflict] = out.explanation.conflicts  # A fits anywhere; each warehouse holds one unit of B
    assert conflict.sentence == ("3 whole units of B (weight 1.9 each) must be placed; the warehouses hold at most "
                                 "2 of them (E 1, W 1)")


def test_products_that_fit_alone_but_not_together_are_the_conflict():
    # Each 5-unit warehouse holds one unit of A (weight 3) or one of B (weight 4): three units, two places.
    data = {"warehouses": [{"name": "E", "capacity": 5}, {"name": "W", "capacity": 5}],
            "products": [{"name": "A", "demand": 2, "weight": 3}, {"name": "B", "demand": 1, "weight": 4}]}
    out = TEMPLATE.run(data, RunOptions())
    assert out.status == "infeasible"
    assert [c.name for c in out.explanation.conflicts] == [
        "demand: product A", "demand: product B", "capacity: warehouse E", "capacity: warehouse W"]
    assert out.explanation.conflict_is_minimal is True


def test_a_full_warehouse_carries_its_dual_value_checked_by_resolving():
    data = {**TEMPLATE.example_input, "whole_units": False}
    base = TEMPLATE.run(data, RunOptions())
    [binding] = base.explanation.binding
    assert binding.name == "capacity: warehouse East Hub" and binding.slack == 0
    bigger = {**data, "warehouses": [{**data["warehouses"][0], "capacity": 501}, data["warehouses"][1]]}
    saved = TEMPLATE.run(bigger, RunOptions()).objective_value - base.objective_value
    # By hand: one more unit of East capacity takes half a unit of Widget B (weight 2) from West, saving 0.5 * 0.5.
    assert binding.dual_value == pytest.approx(saved) == pytest.approx(-0.25)
    assert "one more unit of capacity would lower the cost by 0.25" in binding.sentence


def test_with_whole_units_a_full_warehouse_is_named_without_a_value():
    out = TEMPLATE.run(TEMPLATE.example_input, RunOptions())
    [binding] = out.explanation.binding
    assert binding.name == "capacity: warehouse East Hub" and binding.dual_value is None
    assert binding.sentence == "East Hub is full: 500 of 500 weight units used"
