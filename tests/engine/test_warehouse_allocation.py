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
