"""Generalized assignment template: optima against brute force and OR-Library gap1; input validation."""
from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import generalized_assignment

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def brute_force(data: dict) -> float | None:
    """Best total over every way of giving each job one of its agents within capacities; None if none fits."""
    capacity = {agent["name"]: agent["capacity"] for agent in data["agents"]}
    maximize = data.get("objective") == "maximize"
    best = None
    for choice in itertools.product(*[list(job["options"].items()) for job in data["jobs"]]):
        load = dict.fromkeys(capacity, 0.0)
        for agent, option in choice:
            load[agent] += option["load"]
        if all(load[a] <= capacity[a] + 1e-9 for a in capacity):
            total = sum(option["cost"] for _, option in choice)
            if best is None or (total > best if maximize else total < best):
                best = total
    return best


def assert_valid(data: dict, solution: dict) -> None:
    jobs = {job["name"]: job for job in data["jobs"]}
    assert sorted(row["job"] for row in solution["assignments"]) == sorted(jobs)
    load = {agent["name"]: 0.0 for agent in data["agents"]}
    for row in solution["assignments"]:
        option = jobs[row["job"]]["options"][row["agent"]]
        assert (row["cost"], row["load"]) == (option["cost"], option["load"])
        load[row["agent"]] += option["load"]
    for agent in data["agents"]:
        assert load[agent["name"]] <= agent["capacity"] + 1e-9
    for entry in solution["agents"]:
        assert entry["load"] == pytest.approx(load[entry["agent"]])
    key = "total_profit" if data.get("objective") == "maximize" else "total_cost"
    assert solution[key] == pytest.approx(sum(row["cost"] for row in solution["assignments"]))


def random_instance(seed: int) -> dict:
    rng = random.Random(seed)
    agents = [{"name": f"A{a}", "capacity": rng.choice([8, 10, 12.5, 15])} for a in range(rng.randint(2, 3))]
    jobs = []
    for j in range(rng.randint(4, 6)):
        names = rng.sample([a["name"] for a in agents], rng.randint(1, len(agents)))
        jobs.append({"name": f"J{j}", "options": {name: {"cost": round(rng.uniform(-5, 30), 2),
                                                        "load": rng.choice([2, 3, 4.5, 5, 6.25, 7])}
                                                 for name in names}})
    return {"agents": agents, "jobs": jobs, "objective": rng.choice(["minimize", "maximize"])}


@pytest.mark.parametrize("seed", range(10))
def test_random_instances_match_brute_force(seed):
    data = random_instance(seed)
    expected = brute_force(data)
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    if expected is None:
        assert out.status == "infeasible" and out.solution is None and out.message
        return
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    assert out.gap == pytest.approx(0, abs=1e-9)
    assert_valid(data, out.solution)


def test_jobs_that_fit_alone_but_not_together_are_infeasible():
    data = {"agents": [{"name": "Van", "capacity": 10}],
            "jobs": [{"name": n, "options": {"Van": {"cost": 1, "load": 6}}} for n in ("a", "b")]}
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible" and out.solution is None
    assert "capacities" in out.message


def test_an_option_too_big_for_its_agent_is_skipped():
    data = {"agents": [{"name": "Small", "capacity": 3}, {"name": "Big", "capacity": 10}],
            "jobs": [{"name": "x", "options": {"Small": {"cost": 1, "load": 4}, "Big": {"cost": 9, "load": 4}}}]}
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 9
    assert out.solution["assignments"] == [{"job": "x", "agent": "Big", "cost": 9.0, "load": 4.0}]
    assert out.solution["idle_agents"] == ["Small"]


def test_decimal_loads_are_exact_at_the_capacity():
    data = {"agents": [{"name": "A", "capacity": 0.3}, {"name": "B", "capacity": 5}],
            "jobs": [{"name": "p", "options": {"A": {"cost": 1, "load": 0.1}, "B": {"cost": 5, "load": 1}}},
                     {"name": "q", "options": {"A": {"cost": 1, "load": 0.2}, "B": {"cost": 5, "load": 1}}}]}
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 2  # 0.1 + 0.2 fits 0.3 exactly
    assert_valid(data, out.solution)


def _gap1(name: str, objective: str) -> dict:
    instance = json.loads((DATA / "gap1.json").read_text())["instances"][name]
    costs, loads, capacities = instance["costs"], instance["resources"], instance["capacities"]
    return {"agents": [{"name": f"agent {a + 1}", "capacity": capacity} for a, capacity in enumerate(capacities)],
            "jobs": [{"name": f"job {j + 1}",
                      "options": {f"agent {a + 1}": {"cost": costs[a][j], "load": loads[a][j]}
                                  for a in range(len(capacities))}}
                     for j in range(len(costs[0]))],
            "objective": objective}


@pytest.mark.parametrize("name", [f"c515-{k}" for k in range(1, 6)])
def test_or_library_gap1_maximization(name):
    optimum = json.loads((DATA / "gap1.json").read_text())["instances"][name]["optimum_max"]
    data = _gap1(name, "maximize")
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == optimum
    assert out.solution["total_profit"] == optimum
    assert_valid(data, out.solution)


def test_or_library_gap1_c515_1_minimization():
    data = _gap1("c515-1", "minimize")
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == 261
    assert_valid(data, out.solution)


def test_example_input_solves():
    example = generalized_assignment.TEMPLATE.example_input
    out = generalized_assignment.TEMPLATE.run(example, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(brute_force(example))
    assert_valid(example, out.solution)
    assert generalized_assignment.TEMPLATE.category == "combinatorial"
    assert 2 <= generalized_assignment.TEMPLATE.credits_per_execution <= 8


def _small() -> dict:
    return {"agents": [{"name": "A", "capacity": 10}, {"name": "B", "capacity": 5}],
            "jobs": [{"name": "x", "options": {"A": {"cost": 3, "load": 4}, "B": {"cost": 2, "load": 5}}},
                     {"name": "y", "options": {"A": {"cost": 1, "load": 6}}}]}


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["jobs"][0]["options"].update({"C": {"cost": 1, "load": 1}}), "job 'x' lists unknown agents: C"),
    (lambda d: d["jobs"][1]["options"]["A"].update({"load": 11}), "job 'y' fits no agent"),
    (lambda d: d["agents"].append({"name": "A", "capacity": 1}), "agent names must be unique"),
    (lambda d: d["jobs"].append(dict(d["jobs"][0])), "job names must be unique"),
    (lambda d: d["jobs"][0].update({"options": {}}), "at least 1"),
    (lambda d: d["agents"][0].update({"capacity": -1}), "greater than or equal"),
    (lambda d: d["jobs"][0]["options"]["A"].pop("load"), "Field required"),
    (lambda d: d.update({"objective": "balance"}), "minimize' or 'maximize'"),
    (lambda d: d.update({"deadline": 3}), "Extra inputs"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = _small()
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        generalized_assignment.GeneralizedAssignmentInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = ("import sys, chalicelib.templates.generalized_assignment; "
            "print(any(m.startswith('ortools') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def test_jobs_that_fit_only_one_agent_name_it_with_their_loads():
    data = {"agents": [{"name": "Van", "capacity": 10}],
            "jobs": [{"name": n, "options": {"Van": {"cost": 1, "load": 6}}} for n in ("a", "b")]}
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    [conflict] = out.explanation.conflicts
    assert conflict.name == "capacity: agent Van"
    assert conflict.sentence == "jobs a, b fit only Van and need 12 of it together; its capacity is 10"


def test_jobs_and_capacities_that_conflict_together_are_found():
    # Three jobs of load 6, two agents of 10: each agent takes one job, one is left.
    data = {"agents": [{"name": "M1", "capacity": 10}, {"name": "M2", "capacity": 10}],
            "jobs": [{"name": f"J{i}", "options": {"M1": {"cost": 1, "load": 6}, "M2": {"cost": 1, "load": 6}}}
                     for i in range(3)]}
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert [c.name for c in out.explanation.conflicts] == [
        "job: J0", "job: J1", "job: J2", "capacity: agent M1", "capacity: agent M2"]
    assert out.explanation.conflict_is_minimal is True


def test_a_full_agent_binds():
    data = {"agents": [{"name": "Fast", "capacity": 10}, {"name": "Slow", "capacity": 100}],
            "jobs": [{"name": "j1", "options": {"Fast": {"cost": 1, "load": 10}, "Slow": {"cost": 5, "load": 20}}},
                     {"name": "j2", "options": {"Fast": {"cost": 1, "load": 5}, "Slow": {"cost": 2, "load": 5}}}]}
    out = generalized_assignment.TEMPLATE.run(data, OPTIONS)
    assert out.objective_value == 3  # j1 on Fast (1), j2 on Slow (2)
    [binding] = out.explanation.binding
    assert binding.name == "capacity: agent Fast"
    assert binding.sentence == "Fast is full: its jobs (j1) take 10 of its 10"


def test_the_conflict_search_stays_within_its_budget_on_a_hard_instance():
    # 60 jobs of load 35 to 45 on 20 agents of 100: at least 2,100 of load for 2,000 of capacity (infeasible
    # by hand), but the packing is hard to refute piece by piece. The search gets 0.25 * 2 s = 0.5 s.
    rng = random.Random(3)
    data = {"agents": [{"name": f"A{i}", "capacity": 100} for i in range(20)],
            "jobs": [{"name": f"J{j}", "options": {f"A{i}": {"cost": rng.randint(1, 50), "load": rng.randint(35, 45)}
                                                   for i in range(20)}} for j in range(60)]}
    started = time.perf_counter()
    out = generalized_assignment.TEMPLATE.run(data, RunOptions(time_limit_s=2, seed=1))
    elapsed = time.perf_counter() - started
    assert out.status == "infeasible"
    assert 1 <= len(out.explanation.conflicts) <= 20
    assert elapsed < 2 + 0.5 + 2.0  # time limit + search budget + model building on a busy machine
