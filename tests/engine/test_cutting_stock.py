"""Cutting stock template: roll counts against exhaustive search, Chvatal's textbook instance and
Falkenauer's u120_00; input validation."""
from __future__ import annotations

import functools
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import cutting_stock

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def all_patterns(lengths: list[float], roll: float, kerf: float = 0.0, most: list[int] | None = None) -> list[tuple]:
    """Every non-empty pattern (copies per piece) that fits in a roll, kerf between pieces."""
    most = most or [10**9] * len(lengths)
    found = []

    def extend(i: int, pattern: list[int], used: float, count: int) -> None:
        if i == len(lengths):
            if count:
                found.append(tuple(pattern))
            return
        k = 0
        while k <= most[i] and used + k * lengths[i] + max(count + k - 1, 0) * kerf <= roll + 1e-9:
            extend(i + 1, pattern + [k], used + k * lengths[i], count + k)
            k += 1

    extend(0, [], 0.0, 0)
    return found


def brute_force(data: dict) -> int:
    """Fewest rolls: shortest sequence of patterns covering the order (memoized over what is left)."""
    pieces = data["pieces"]
    patterns = all_patterns([p["length"] for p in pieces], data["roll_length"], data.get("kerf", 0.0),
                            [p["quantity"] for p in pieces])

    @functools.lru_cache(maxsize=None)
    def rolls(left: tuple[int, ...]) -> int:
        if not any(left):
            return 0
        first = next(i for i, need in enumerate(left) if need)  # some roll must cut the first missing piece
        return 1 + min(rolls(tuple(max(0, need - k) for need, k in zip(left, pattern)))
                       for pattern in patterns if pattern[first])

    return rolls(tuple(p["quantity"] for p in pieces))


def assert_valid_plan(data: dict, solution: dict) -> None:
    pieces = {p["name"]: p for p in data["pieces"]}
    kerf = data.get("kerf", 0.0)
    cut = Counter()
    for pattern in solution["patterns"]:
        assert pattern["rolls"] >= 1
        count = sum(entry["count"] for entry in pattern["pieces"])
        used = sum(pieces[e["piece"]]["length"] * e["count"] for e in pattern["pieces"]) + kerf * (count - 1)
        assert used == pytest.approx(pattern["used_length"])
        assert used <= data["roll_length"] + 1e-9
        for entry in pattern["pieces"]:
            cut[entry["piece"]] += entry["count"] * pattern["rolls"]
    assert cut == Counter({name: p["quantity"] for name, p in pieces.items()})  # exactly the order, no surplus
    assert solution["rolls_used"] == sum(pattern["rolls"] for pattern in solution["patterns"])
    assert all(row["cut"] == row["ordered"] for row in solution["pieces"])
    assert solution["lower_bound"] <= solution["rolls_used"]


def random_order(seed: int) -> dict:
    rng = random.Random(seed)
    roll = rng.choice([10, 12.5, 20])
    pieces = [{"name": f"P{i}", "length": rng.choice([2, 3, 3.5, 4.25, 5, 6, 7.5]), "quantity": rng.randint(1, 5)}
              for i in range(rng.randint(2, 5))]
    for i, piece in enumerate(pieces):
        piece["name"] = f"P{i} ({piece['length']})"
    data = {"roll_length": roll, "pieces": [p for p in pieces if p["length"] <= roll]}
    if rng.random() < 0.4:
        data["kerf"] = rng.choice([0.1, 0.25])
    return data


@pytest.mark.parametrize("seed", range(10))
def test_random_orders_match_exhaustive_search(seed):
    data = random_order(seed)
    out = cutting_stock.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == brute_force(data)
    assert_valid_plan(data, out.solution)


def test_kerf_is_charged_between_pieces_only():
    two = {"roll_length": 100, "kerf": 5, "pieces": [{"name": "half", "length": 47.5, "quantity": 2}]}
    out = cutting_stock.TEMPLATE.run(two, OPTIONS)
    assert out.objective_value == 1  # 47.5 + 5 + 47.5 = 100
    assert out.solution["patterns"][0]["waste_per_roll"] == 0
    wider = {"roll_length": 100, "kerf": 5, "pieces": [{"name": "half", "length": 48, "quantity": 2}]}
    assert cutting_stock.TEMPLATE.run(wider, OPTIONS).objective_value == 2
    assert cutting_stock.TEMPLATE.run({**wider, "kerf": 0}, OPTIONS).objective_value == 1


def test_large_quantities_are_cut_by_pattern_not_by_piece():
    data = {"roll_length": 1000, "pieces": [{"name": "a", "length": 300, "quantity": 90_000},
                                            {"name": "b", "length": 100, "quantity": 30_000}]}
    out = cutting_stock.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 30_000  # 3 x a + 1 x b, no waste
    assert out.solution["patterns"] == [{"rolls": 30_000, "pieces": [
        {"piece": "a", "count": 3, "length": 300.0}, {"piece": "b", "count": 1, "length": 100.0}],
        "used_length": 1000.0, "waste_per_roll": 0.0}]
    assert out.solution["total_waste"] == 0 and out.solution["utilization"] == 1.0


def _chvatal() -> dict:
    # Chvatal, Linear Programming (1983), ch. 13: raws 100 wide; 97 x 45, 610 x 36, 395 x 31, 211 x 14.
    return {"roll_length": 100, "pieces": [{"name": f"width {w}", "length": w, "quantity": q}
                                           for w, q in ((45, 97), (36, 610), (31, 395), (14, 211))]}


def test_chvatal_textbook_instance_lp_bound_and_optimum():
    from ortools.linear_solver import pywraplp

    data = _chvatal()
    lengths = [p["length"] for p in data["pieces"]]
    patterns = all_patterns(lengths, data["roll_length"])
    optimum = {}
    for backend in ("GLOP", "SCIP"):  # the full model over every pattern, as LP and as MIP
        solver = pywraplp.Solver.CreateSolver(backend)
        rolls = [solver.IntVar(0, 1000, "") if backend == "SCIP" else solver.NumVar(0, 1000, "") for _ in patterns]
        for i, piece in enumerate(data["pieces"]):
            solver.Add(sum(p[i] * x for p, x in zip(patterns, rolls) if p[i]) >= piece["quantity"])
        solver.Minimize(sum(rolls))
        assert solver.Solve() == pywraplp.Solver.OPTIMAL
        optimum[backend] = solver.Objective().Value()
    assert optimum["GLOP"] == pytest.approx(452.25) and optimum["SCIP"] == pytest.approx(453)
    out = cutting_stock.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == out.best_bound == 453
    assert out.solution["lp_bound"] == pytest.approx(452.25)
    assert_valid_plan(data, out.solution)


def test_falkenauer_u120_00_as_cutting_stock():
    instance = json.loads((DATA / "binpack_u120_00.json").read_text())
    counts = Counter(instance["sizes"])
    data = {"roll_length": instance["capacity"],
            "pieces": [{"name": f"size {size}", "length": size, "quantity": q} for size, q in sorted(counts.items())]}
    out = cutting_stock.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == instance["optimum"] == 48
    assert_valid_plan(data, out.solution)


def test_stopped_early_the_plan_is_still_complete_and_the_bound_valid():
    rng = random.Random(7)
    data = {"roll_length": 10_000, "pieces": [{"name": f"p{i}", "length": rng.randint(500, 4000),
                                               "quantity": rng.randint(1, 100)} for i in range(150)]}
    out = cutting_stock.TEMPLATE.run(data, RunOptions(time_limit_s=0.2))
    assert out.status in ("optimal", "feasible")
    assert out.best_bound <= out.objective_value
    assert_valid_plan(data, out.solution)
    if out.status == "feasible":
        assert out.gap > 0 and out.message


def test_example_input_solves():
    example = cutting_stock.TEMPLATE.example_input
    out = cutting_stock.TEMPLATE.run(example, OPTIONS)
    assert out.status == "optimal" and out.gap == 0
    assert_valid_plan(example, out.solution)
    assert cutting_stock.TEMPLATE.category == "production"
    assert 2 <= cutting_stock.TEMPLATE.credits_per_execution <= 8


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["pieces"].append({"name": "long", "length": 101, "quantity": 1}),
     r"pieces longer than the roll \(100\) can never be cut: long"),
    (lambda d: d["pieces"].append(dict(d["pieces"][0])), "piece names must be unique"),
    (lambda d: d["pieces"][0].update({"quantity": 0}), "greater than or equal to 1"),
    (lambda d: d["pieces"][0].update({"length": 0}), "greater than or equal to 0.000001"),
    (lambda d: d["pieces"].extend({"name": f"x{i}", "length": 1, "quantity": 900_000} for i in range(2)),
     "at most 1,000,000 pieces in total"),
    (lambda d: d.update({"kerf": -1}), "greater than or equal to 0"),
    (lambda d: d.update({"pieces": []}), "at least 1"),
    (lambda d: d.update({"stock": []}), "Extra inputs"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = {"roll_length": 100, "pieces": [{"name": "a", "length": 30, "quantity": 4}]}
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        cutting_stock.CuttingStockInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = "import sys, chalicelib.templates.cutting_stock; print(any(m.startswith('ortools') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


def test_tiny_lengths_at_the_precision_limit_solve_and_below_it_are_refused():
    # Found by fuzzing: a roll or piece that rounded to 0 divided by zero.
    out = cutting_stock.TEMPLATE.run({"roll_length": 1e-6, "pieces": [{"name": "P", "length": 1e-6, "quantity": 3}]},
                                     RunOptions(time_limit_s=2))
    assert out.status == "optimal" and out.objective_value == 3
    with pytest.raises(ValidationError):
        cutting_stock.TEMPLATE.input_model.model_validate(
            {"roll_length": 100, "pieces": [{"name": "P", "length": 1e-20, "quantity": 1}]})
