"""Set cover template: optima against brute force and OR-Library scp41; input validation."""
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
from chalicelib.templates import set_cover

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=20)


def _brute_force(data) -> float | None:
    """Cheapest choice over every subset of the candidate sets."""
    need = {e["name"]: e.get("min_cover", 1) for e in data["elements"]}
    sets = data["sets"]
    best = None
    for r in range(len(sets) + 1):
        for chosen in itertools.combinations(sets, r):
            if all(sum(name in s["covers"] for s in chosen) >= k for name, k in need.items()):
                cost = sum(s["cost"] for s in chosen)
                best = cost if best is None else min(best, cost)
    return best


def _check_cover(data, solution):
    need = {e["name"]: e.get("min_cover", 1) for e in data["elements"]}
    chosen = {s["set"] for s in solution["sets_chosen"]}
    for s in data["sets"]:
        if s["name"] in chosen:
            for name in set(s["covers"]):
                need[name] -= 1
    assert all(left <= 0 for left in need.values())


def test_example_input_solves_to_optimality():
    example = set_cover.TEMPLATE.example_input
    outcome = set_cover.TEMPLATE.run(example, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(example))
    _check_cover(example, outcome.solution)


@pytest.mark.parametrize("seed", range(8))
def test_random_instances_match_brute_force(seed):
    rng = random.Random(seed)
    elements = [{"name": f"e{e}", "min_cover": rng.choice([1, 1, 1, 2])} for e in range(rng.randint(4, 9))]
    sets = [{"name": f"S{s}", "cost": round(rng.uniform(1, 20), 2),
             "covers": rng.sample([e["name"] for e in elements], rng.randint(1, 4))} for s in range(rng.randint(6, 11))]
    for element in elements:  # make every requirement coverable
        holders = [s for s in sets if element["name"] in s["covers"]]
        for s in rng.sample([s for s in sets if s not in holders], max(0, element["min_cover"] - len(holders))):
            s["covers"].append(element["name"])
    data = {"elements": elements, "sets": sets}
    outcome = set_cover.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(data), abs=1e-6)
    _check_cover(data, outcome.solution)


def test_or_library_scp41():
    instance = json.loads((DATA / "scp41.json").read_text())
    columns: dict[int, list[str]] = {}
    for r, row in enumerate(instance["rows"]):
        for j in row:
            columns.setdefault(j, []).append(f"row {r + 1}")
    data = {"elements": [{"name": f"row {r + 1}"} for r in range(len(instance["rows"]))],
            "sets": [{"name": f"col {j}", "cost": instance["costs"][j - 1], "covers": columns[j]}
                     for j in sorted(columns)]}
    outcome = set_cover.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(instance["optimum"])
    _check_cover(data, outcome.solution)


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["elements"].append({"name": "Island"}),
     "cannot be covered often enough.*Island \\(needs 1, covered by 0\\)"),
    (lambda d: d["elements"][0].update({"min_cover": 3}), "a \\(needs 3, covered by 2\\)"),
    (lambda d: d["sets"][0]["covers"].append("zz"), "unknown elements: zz"),
    (lambda d: d["sets"].append(dict(d["sets"][0])), "names must be unique"),
    (lambda d: d["sets"][0].update({"cost": -1}), "greater than or equal"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = {"elements": [{"name": "a"}, {"name": "b"}],
            "sets": [{"name": "S1", "cost": 1, "covers": ["a"]}, {"name": "S2", "cost": 2, "covers": ["a", "b"]}]}
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        set_cover.SetCoverInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.set_cover; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"
