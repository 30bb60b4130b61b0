"""Assignment template: optima against brute force over permutations; infeasibility; validation."""
from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import assignment

OPTIONS = RunOptions(time_limit_s=10, seed=1)


def _brute_force(data, maximize=False):
    """Best total over every way to give each task one worker within max/min task counts."""
    workers, tasks = data["workers"], [t["name"] for t in data["tasks"]]
    best = None
    for choice in itertools.product(range(len(workers)), repeat=len(tasks)):
        counts = [choice.count(w) for w in range(len(workers))]
        if any(not (wk.get("min_tasks", 0) <= counts[w] <= wk.get("max_tasks", 1)) for w, wk in enumerate(workers)):
            continue
        if any(task not in workers[w]["costs"] for w, task in zip(choice, tasks)):
            continue
        total = sum(workers[w]["costs"][task] for w, task in zip(choice, tasks))
        if best is None or (total > best if maximize else total < best):
            best = total
    return best


def test_example_input_solves_to_optimality():
    outcome = assignment.TEMPLATE.run(assignment.TEMPLATE.example_input, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(assignment.TEMPLATE.example_input))
    tasks = [a["task"] for a in outcome.solution["assignments"]]
    assert sorted(tasks) == sorted(t["name"] for t in assignment.TEMPLATE.example_input["tasks"])
    assert outcome.solution["total_cost"] == pytest.approx(outcome.objective_value)


@pytest.mark.parametrize("seed", range(8))
def test_random_instances_match_brute_force(seed):
    rng = random.Random(seed)
    n_tasks = rng.randint(3, 6)
    tasks = [{"name": f"T{t}"} for t in range(n_tasks)]
    workers = []
    for w in range(rng.randint(2, 5)):
        costs = {t["name"]: round(rng.uniform(-5, 40), 1) for t in tasks if rng.random() < 0.8}
        costs = costs or {tasks[0]["name"]: 1.0}
        workers.append({"name": f"W{w}", "costs": costs, "max_tasks": rng.choice([1, 2, 3])})
    for t in tasks:  # keep every task doable
        if not any(t["name"] in w["costs"] for w in workers):
            workers[0]["costs"][t["name"]] = 10.0
    while sum(w["max_tasks"] for w in workers) < n_tasks:
        workers[rng.randrange(len(workers))]["max_tasks"] += 1
    maximize = seed % 2 == 1
    data = {"workers": workers, "tasks": tasks, "objective": "maximize" if maximize else "minimize"}
    expected = _brute_force(data, maximize)
    outcome = assignment.TEMPLATE.run(data, OPTIONS)
    if expected is None:
        assert outcome.status == "infeasible"
        return
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(expected, abs=1e-6)
    per_worker = {entry["worker"]: entry["tasks"] for entry in outcome.solution["workers"]}
    for worker in workers:
        assert len(per_worker[worker["name"]]) <= worker["max_tasks"]


def test_classic_square_assignment_against_permutations():
    rng = random.Random(42)
    n = 7
    matrix = [[rng.randint(1, 99) for _ in range(n)] for _ in range(n)]
    data = {"workers": [{"name": f"W{w}", "costs": {f"T{t}": matrix[w][t] for t in range(n)}} for w in range(n)],
            "tasks": [{"name": f"T{t}"} for t in range(n)]}
    expected = min(sum(matrix[w][perm[w]] for w in range(n)) for perm in itertools.permutations(range(n)))
    outcome = assignment.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == expected
    assert outcome.solution["idle_workers"] == []


def test_min_tasks_is_respected():
    data = {"workers": [{"name": "Cheap", "costs": {"A": 1, "B": 1}, "max_tasks": 2},
                        {"name": "Dear", "costs": {"A": 9, "B": 9}, "min_tasks": 1}],
            "tasks": [{"name": "A"}, {"name": "B"}]}
    outcome = assignment.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == 10
    assert _brute_force(data) == 10


def test_tasks_competing_for_one_worker_are_infeasible():
    data = {"workers": [{"name": "Erin", "costs": {"Weld": 5, "Paint": 3}},
                        {"name": "Sam", "costs": {"Sweep": 1}, "max_tasks": 2}],
            "tasks": [{"name": "Weld"}, {"name": "Paint"}, {"name": "Sweep"}]}
    outcome = assignment.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "infeasible"
    assert "task limits" in outcome.message


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["tasks"].append({"name": "Nobody"}), "no worker can do these tasks.*Nobody"),
    (lambda d: d["workers"][0]["costs"].update({"Ghost": 1}), "unknown tasks: Ghost"),
    (lambda d: d["tasks"].append({"name": "C"}) or d["workers"][0]["costs"].update({"C": 1}),
     "3 tasks need assigning but the workers can take only 2"),
    (lambda d: d["workers"][0].update({"min_tasks": 2, "max_tasks": 1}), "min_tasks 2 above max_tasks 1"),
    (lambda d: d["workers"].append(dict(d["workers"][0])), "names must be unique"),
    (lambda d: d.update({"objective": "cheapest"}), "minimize"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = {"workers": [{"name": "Ana", "costs": {"A": 1, "B": 2}}, {"name": "Ben", "costs": {"A": 3, "B": 4}}],
            "tasks": [{"name": "A"}, {"name": "B"}]}
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        assignment.AssignmentInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.assignment; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def test_tasks_only_one_worker_can_do_beyond_their_limit_are_named():
    data = {"workers": [{"name": "Erin", "costs": {"Weld": 1, "Paint": 1}},
                        {"name": "Sam", "costs": {"Sweep": 1}, "max_tasks": 2}],
            "tasks": [{"name": "Weld"}, {"name": "Paint"}, {"name": "Sweep"}]}
    out = assignment.TEMPLATE.run(data, OPTIONS)
    [conflict] = out.explanation.conflicts
    assert conflict.name == "task limit: worker Erin"
    assert conflict.sentence == "only Erin can do Weld, Paint (2 tasks), but Erin may take at most 1"


def test_three_tasks_for_two_workers_is_the_conflict():
    # W, P and L can be done only by Ann and Bob, one task each (Hall's condition fails).
    data = {"workers": [{"name": "Ann", "costs": {"W": 1, "P": 2, "L": 1}},
                        {"name": "Bob", "costs": {"W": 1, "P": 2, "L": 1}},
                        {"name": "Cy", "costs": {"T": 3}}, {"name": "Dee", "costs": {"T": 3}}],
            "tasks": [{"name": "W"}, {"name": "P"}, {"name": "L"}, {"name": "T"}]}
    out = assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert [c.name for c in out.explanation.conflicts] == [
        "task: W", "task: P", "task: L", "task limit: worker Ann", "task limit: worker Bob"]
    assert out.explanation.conflict_is_minimal is True
