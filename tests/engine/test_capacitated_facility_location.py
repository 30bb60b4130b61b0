"""Capacitated facility location template: optima against enumeration and OR-Library cap41; input validation."""
from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import capacitated_facility_location as cfl

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def brute_force_single(data: dict) -> float | None:
    """Cheapest plan over every customer -> facility choice (single sourcing); None if none fits."""
    facilities = {f["name"]: f for f in data["facilities"]}
    best = None
    for choice in itertools.product(*[sorted(c["costs"]) for c in data["customers"]]):
        load = dict.fromkeys(facilities, 0.0)
        for customer, name in zip(data["customers"], choice):
            load[name] += customer["demand"]
        opened = set(choice)
        if any(load[name] > facilities[name]["capacity"] for name in opened):
            continue
        if data.get("max_open") and len(opened) > data["max_open"]:
            continue
        total = (sum(facilities[name]["opening_cost"] for name in opened)
                 + sum(c["costs"][name] for c, name in zip(data["customers"], choice)))
        best = total if best is None else min(best, total)
    return best


def brute_force_split(data: dict) -> float | None:
    """Cheapest plan when demand may be split: every set of open facilities, each priced by an exact
    min-cost flow from the open facilities to the customers (integer demands and unit costs)."""
    from ortools.graph.python import min_cost_flow

    facilities, customers = data["facilities"], data["customers"]
    best = None
    for size in range(1, len(facilities) + 1):
        for opened in itertools.combinations(range(len(facilities)), size):
            if data.get("max_open") and size > data["max_open"]:
                continue
            flow = min_cost_flow.SimpleMinCostFlow()
            source, sink = 0, 1 + len(facilities) + len(customers)
            for f in opened:
                flow.add_arc_with_capacity_and_unit_cost(source, 1 + f, int(facilities[f]["capacity"]), 0)
            for c, customer in enumerate(customers):
                node = 1 + len(facilities) + c
                flow.add_arc_with_capacity_and_unit_cost(node, sink, int(customer["demand"]), 0)
                for f in opened:
                    name = facilities[f]["name"]
                    if name in customer["costs"]:
                        unit = customer["costs"][name] / customer["demand"]
                        assert unit == int(unit)
                        flow.add_arc_with_capacity_and_unit_cost(1 + f, node, int(customer["demand"]), int(unit))
            total_demand = int(sum(customer["demand"] for customer in customers))
            flow.set_node_supply(source, total_demand)
            flow.set_node_supply(sink, -total_demand)
            if flow.solve() != flow.OPTIMAL:
                continue
            total = flow.optimal_cost() + sum(facilities[f]["opening_cost"] for f in opened)
            best = total if best is None else min(best, total)
    return best


def assert_valid(data: dict, solution: dict) -> None:
    facilities = {f["name"]: f for f in data["facilities"]}
    customers = {c["name"]: c for c in data["customers"]}
    served = dict.fromkeys(customers, 0.0)
    load = dict.fromkeys(facilities, 0.0)
    cost = sum(facilities[name]["opening_cost"] for name in solution["open_facilities"])
    for row in solution["assignments"]:
        assert row["facility"] in solution["open_facilities"]
        assert row["facility"] in customers[row["customer"]]["costs"]
        served[row["customer"]] += row["share"]
        load[row["facility"]] += row["share"] * customers[row["customer"]]["demand"]
        cost += row["share"] * customers[row["customer"]]["costs"][row["facility"]]
    assert all(share == pytest.approx(1, abs=1e-6) for share in served.values())
    assert all(load[name] <= facilities[name]["capacity"] * (1 + 1e-6) + 1e-6 for name in facilities)
    if data.get("single_sourcing"):
        assert len(solution["assignments"]) == len(customers)
    if data.get("max_open"):
        assert len(solution["open_facilities"]) <= data["max_open"]
    assert solution["total_cost"] == pytest.approx(cost, rel=1e-9)


def random_instance(seed: int, single: bool) -> dict:
    """A small instance that passes validation (drawn again until it does)."""
    rng = random.Random(seed)
    while True:
        facilities = [{"name": f"F{f}", "capacity": rng.randint(15, 40), "opening_cost": rng.randint(10, 60)}
                      for f in range(rng.randint(2, 4))]
        customers = []
        for c in range(rng.randint(3, 5)):
            demand = rng.randint(4, 14)
            names = rng.sample([f["name"] for f in facilities], rng.randint(1, len(facilities)))
            customers.append({"name": f"C{c}", "demand": demand,
                              "costs": {name: rng.randint(0, 6) * demand for name in names}})
        data = {"facilities": facilities, "customers": customers, "single_sourcing": single}
        if rng.random() < 0.3:
            data["max_open"] = rng.randint(1, len(facilities))
        try:
            cfl.CapacitatedFacilityLocationInput.model_validate(data)
        except ValidationError:
            continue
        return data


@pytest.mark.parametrize("single", [True, False])
@pytest.mark.parametrize("seed", range(6))
def test_random_instances_match_enumeration(seed, single):
    data = random_instance(seed, single)
    expected = brute_force_single(data) if single else brute_force_split(data)
    out = cfl.TEMPLATE.run(data, OPTIONS)
    if expected is None:
        assert out.status == "infeasible" and out.solution is None and out.message
        return
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    assert_valid(data, out.solution)


def test_splitting_a_customer_beats_single_sourcing():
    data = {"facilities": [{"name": "North", "capacity": 60, "opening_cost": 0},
                           {"name": "South", "capacity": 60, "opening_cost": 0}],
            "customers": [{"name": "A", "demand": 50, "costs": {"North": 100, "South": 500}},
                          {"name": "B", "demand": 50, "costs": {"North": 100, "South": 500}}]}
    split = cfl.TEMPLATE.run(data, OPTIONS)
    single = cfl.TEMPLATE.run({**data, "single_sourcing": True}, OPTIONS)
    assert split.status == single.status == "optimal"
    assert single.objective_value == pytest.approx(600)  # one customer entirely from South
    assert split.objective_value == pytest.approx(100 + 100 * 0.2 + 500 * 0.8)  # North full, 40 units to South
    assert_valid(data, split.solution)
    assert_valid({**data, "single_sourcing": True}, single.solution)


def test_max_open_that_cannot_serve_everyone_is_infeasible():
    data = {"facilities": [{"name": "X", "capacity": 20}, {"name": "Y", "capacity": 20}],
            "customers": [{"name": "a", "demand": 6, "costs": {"X": 1}}, {"name": "b", "demand": 6, "costs": {"Y": 1}}],
            "max_open": 1}
    out = cfl.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible" and out.solution is None and "max_open" in out.message


def _cap41(capacity: float | None = None) -> dict:
    instance = json.loads((DATA / "cap41.json").read_text())
    return {"facilities": [{"name": f"W{f + 1}", "capacity": capacity or facility["capacity"],
                            "opening_cost": facility["fixed_cost"]}
                           for f, facility in enumerate(instance["facilities"])],
            "customers": [{"name": f"C{c + 1}", "demand": customer["demand"],
                           "costs": {f"W{f + 1}": cost for f, cost in enumerate(customer["costs"])}}
                          for c, customer in enumerate(instance["customers"])]}


def test_or_library_cap41():
    data = _cap41()
    out = cfl.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(json.loads((DATA / "cap41.json").read_text())["optimum"], abs=1e-3)
    assert out.objective_value == pytest.approx(1040444.375, abs=1e-3)
    assert_valid(data, out.solution)


def test_cap41_without_binding_capacities_gives_the_uncapacitated_optimum():
    # With capacities that never bind, cap41's costs are OR-Library's uncapacitated instance cap71,
    # whose published optimum (uncapopt) is 932615.750.
    out = cfl.TEMPLATE.run(_cap41(capacity=60_000), OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(932615.75, abs=1e-3)


def test_cap41_cannot_be_single_sourced():
    with pytest.raises(ValidationError, match="customer 'C11' demands 5495, more than any one facility"):
        cfl.CapacitatedFacilityLocationInput.model_validate({**_cap41(), "single_sourcing": True})


def test_example_input_solves():
    example = cfl.TEMPLATE.example_input
    out = cfl.TEMPLATE.run(example, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(brute_force_single(example))
    assert_valid(example, out.solution)
    assert cfl.TEMPLATE.category == "logistics"
    assert 2 <= cfl.TEMPLATE.credits_per_execution <= 8


def _small() -> dict:
    return {"facilities": [{"name": "A", "capacity": 10, "opening_cost": 5}, {"name": "B", "capacity": 8}],
            "customers": [{"name": "x", "demand": 6, "costs": {"A": 3, "B": 4}},
                          {"name": "y", "demand": 7, "costs": {"A": 2, "B": 1}}]}


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["customers"][0]["costs"].update({"Z": 1}), "customer 'x' lists costs for unknown facilities: Z"),
    (lambda d: d.update({"single_sourcing": True, "facilities": [{"name": "A", "capacity": 6.5},
                                                                  {"name": "B", "capacity": 6.5}]}),
     "customer 'y' demands 7, more than any one facility"),
    (lambda d: d["customers"][1].update({"costs": {"B": 1}, "demand": 9}), "customer 'y' demands 9, more than all"),
    (lambda d: d["facilities"][0].update({"capacity": 4}), "total demand 13 exceeds the capacity of all facilities"),
    (lambda d: d.update({"max_open": 1}), "exceeds the capacity of the 1 largest facilities"),
    (lambda d: d["facilities"].append({"name": "A", "capacity": 1}), "facility names must be unique"),
    (lambda d: d["customers"][0].update({"demand": 0}), "greater than 0"),
    (lambda d: d["customers"][0].update({"costs": {}}), "at least 1"),
    (lambda d: d["facilities"][0].update({"opening_cost": -1}), "greater than or equal"),
    (lambda d: d.update({"max_open": 0}), "greater than or equal to 1"),
    (lambda d: d.update({"budget": 3}), "Extra inputs"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = _small()
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        cfl.CapacitatedFacilityLocationInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = ("import sys, chalicelib.templates.capacitated_facility_location; "
            "print(any(m.startswith('ortools') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def _names(outcome) -> list[str]:
    return [conflict.name for conflict in outcome.explanation.conflicts]


def test_single_sourcing_that_cannot_pack_the_customers_names_every_part_of_the_conflict():
    # 3 x 60 = 180 fits 2 x 100 in total, but one facility holds only one whole customer.
    data = {"facilities": [{"name": "A", "capacity": 100}, {"name": "B", "capacity": 100}],
            "customers": [{"name": n, "demand": 60, "costs": {"A": 1, "B": 2}} for n in "XYZ"],
            "single_sourcing": True}
    out = cfl.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert _names(out) == ["serve: customer X", "serve: customer Y", "serve: customer Z",
                           "capacity: facility A", "capacity: facility B", "single sourcing"]
    assert out.explanation.conflicts[3].sentence == "A serves at most 100"
    assert out.explanation.conflict_is_minimal is True


def test_max_open_joins_the_conflict_when_it_is_part_of_it():
    # Three 100-unit sites could hold the three 60-unit customers one each; max_open 2 forbids it.
    data = {"facilities": [{"name": s, "capacity": 100} for s in "ABC"],
            "customers": [{"name": n, "demand": 60, "costs": {"A": 1, "B": 2, "C": 3}} for n in "XYZ"],
            "single_sourcing": True, "max_open": 2}
    out = cfl.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert "max open" in _names(out) and "single sourcing" in _names(out)
    assert len(_names(out)) == 8 and out.explanation.conflict_is_minimal is True


def test_a_full_facility_is_named_with_its_load():
    # The cheap site A holds 100 of the 150 units; the rest goes to B.
    data = {"facilities": [{"name": "A", "capacity": 100}, {"name": "B", "capacity": 1000, "opening_cost": 5}],
            "customers": [{"name": "X", "demand": 150, "costs": {"A": 1, "B": 10}}]}
    out = cfl.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    [binding] = out.explanation.binding
    assert binding.name == "capacity: facility A" and binding.sentence == "A is full: it serves 100 of its 100 (X)"
