"""Project scheduling (RCPSP) template: makespans against exhaustive search and PSPLIB j301_1; input validation."""
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
from chalicelib.templates import project_scheduling

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10, seed=1)


def brute_force(data: dict) -> int:
    """Least makespan over every precedence-feasible activity order, each decoded by the serial
    schedule-generation scheme (start each activity at the earliest time precedences, its release
    and the resources allow). Some optimal schedule is active, and every active schedule is the
    decoding of some order, so the minimum is the optimum."""
    activities = data["activities"]
    resources = {r["name"]: r["capacity"] for r in data.get("resources", [])}
    horizon = max(a.get("release_time", 0) for a in activities) + sum(a["duration"] for a in activities) + 1
    best = None
    for order in itertools.permutations(range(len(activities))):
        position = {activities[i]["name"]: k for k, i in enumerate(order)}
        if any(position[p] > position[a["name"]] for a in activities for p in a.get("predecessors", [])):
            continue
        usage = {r: [0] * horizon for r in resources}
        end = {}
        for i in order:
            a = activities[i]
            t = max([a.get("release_time", 0)] + [end[p] for p in a.get("predecessors", [])])
            while any(usage[r][u] + q > resources[r] for r, q in a.get("demands", {}).items()
                      for u in range(t, t + a["duration"])):
                t += 1
            for r, q in a.get("demands", {}).items():
                for u in range(t, t + a["duration"]):
                    usage[r][u] += q
            end[a["name"]] = t + a["duration"]
        span = max(end.values())
        best = span if best is None else min(best, span)
    return best


def assert_valid_schedule(data: dict, solution: dict) -> None:
    rows = {row["activity"]: row for row in solution["schedule"]}
    assert set(rows) == {a["name"] for a in data["activities"]}
    for a in data["activities"]:
        row = rows[a["name"]]
        assert row["end"] - row["start"] == row["duration"] == a["duration"]
        assert row["start"] >= a.get("release_time", 0)
        assert all(rows[p]["end"] <= row["start"] for p in a.get("predecessors", []))
    for resource in data.get("resources", []):
        for t in range(max((row["end"] for row in rows.values()), default=0)):
            used = sum(a.get("demands", {}).get(resource["name"], 0) for a in data["activities"]
                       if rows[a["name"]]["start"] <= t < rows[a["name"]]["end"])
            assert used <= resource["capacity"]
    assert solution["makespan"] == max(row["end"] for row in rows.values())


def random_project(seed: int) -> dict:
    rng = random.Random(seed)
    resources = [{"name": f"R{r}", "capacity": rng.randint(2, 5)} for r in range(rng.randint(1, 2))]
    activities = []
    for i in range(rng.randint(5, 7)):
        activities.append({
            "name": f"A{i}", "duration": rng.randint(0, 6) if rng.random() < 0.1 else rng.randint(1, 6),
            "demands": {r["name"]: rng.randint(0, r["capacity"]) for r in resources},
            "predecessors": [f"A{p}" for p in range(i) if rng.random() < 0.25],
            "release_time": rng.choice([0, 0, 0, rng.randint(1, 6)]),
        })
    return {"resources": resources, "activities": activities}


@pytest.mark.parametrize("seed", range(8))
def test_random_projects_match_exhaustive_search(seed):
    data = random_project(seed)
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == brute_force(data)
    assert_valid_schedule(data, out.solution)


def test_without_resources_the_makespan_is_the_critical_path():
    data = {"activities": [{"name": "a", "duration": 3}, {"name": "b", "duration": 4, "predecessors": ["a"]},
                           {"name": "c", "duration": 2, "predecessors": ["a"]},
                           {"name": "d", "duration": 0, "predecessors": ["b", "c"]}]}
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 7 == out.solution["critical_path_length"]
    assert out.solution["resources"] == []
    assert_valid_schedule(data, out.solution)


def test_a_shared_resource_serializes_parallel_activities():
    data = {"resources": [{"name": "Crane", "capacity": 1}],
            "activities": [{"name": n, "duration": 3, "demands": {"Crane": 1}} for n in ("a", "b", "c")]}
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 9
    crane = out.solution["resources"][0]
    assert crane["peak"] == 1 and crane["utilization"] == 1.0
    assert crane["profile"] == [{"start": 0, "end": 9, "in_use": 1}]


def _j301_1() -> tuple[dict, int]:
    instance = json.loads((DATA / "j301_1.json").read_text())
    predecessors: dict[int, list[str]] = {job["job"]: [] for job in instance["jobs"]}
    for job in instance["jobs"]:
        for successor in job["successors"]:
            predecessors[successor].append(str(job["job"]))
    data = {"resources": [{"name": r, "capacity": c} for r, c in zip(instance["resources"], instance["capacities"])],
            "activities": [{"name": str(job["job"]), "duration": job["duration"],
                            "demands": {r: q for r, q in zip(instance["resources"], job["demands"]) if q},
                            "predecessors": predecessors[job["job"]]} for job in instance["jobs"]]}
    return data, instance["optimum"]


def test_psplib_j301_1():
    data, optimum = _j301_1()
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == optimum == 43
    assert_valid_schedule(data, out.solution)


def test_the_heuristic_schedule_is_returned_when_cp_sat_finds_nothing_in_time(monkeypatch):
    def nothing_in_time(model, options):
        return None, {"status": "time_limit", "has_solution": False, "objective_value": None, "best_bound": None,
                      "gap": None, "solve_time_ms": 10, "solver": "CP-SAT (test)"}

    monkeypatch.setattr(project_scheduling.cpsat, "solve", nothing_in_time)
    data, optimum = _j301_1()
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    assert out.status == "feasible" and "not proven minimal" in out.message
    assert out.best_bound == out.solution["critical_path_length"] == 38
    assert out.objective_value == out.solution["makespan"] >= optimum
    assert out.gap > 0
    assert_valid_schedule(data, out.solution)


def test_example_input_solves():
    example = project_scheduling.TEMPLATE.example_input
    out = project_scheduling.TEMPLATE.run(example, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == brute_force(example)
    assert_valid_schedule(example, out.solution)
    assert project_scheduling.TEMPLATE.category == "scheduling"
    assert 2 <= project_scheduling.TEMPLATE.credits_per_execution <= 8


def _small(**changes) -> dict:
    data = {"resources": [{"name": "Crew", "capacity": 2}],
            "activities": [{"name": "a", "duration": 2, "demands": {"Crew": 1}, "predecessors": []},
                           {"name": "b", "duration": 3, "demands": {"Crew": 2}, "predecessors": ["a"]},
                           {"name": "c", "duration": 1, "predecessors": ["b"]}]}
    data.update(changes)
    return data


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["activities"][0]["predecessors"].append("c"),
     "the predecessors form a cycle, so no activity on it can ever start: a -> b -> c -> a"),
    (lambda d: d["activities"][1]["predecessors"].append("b"), "activity 'b' is its own predecessor"),
    (lambda d: d["activities"][2]["predecessors"].append("z"), "activity 'c' has unknown predecessors: z"),
    (lambda d: d["activities"][0]["demands"].update({"Crane": 1}), "activity 'a' uses unknown resources: Crane"),
    (lambda d: d["activities"][1]["demands"].update({"Crew": 3}), "activity 'b' needs 3 Crew but only 2 exist"),
    (lambda d: d["activities"].append({"name": "a", "duration": 1}), "activity names must be unique"),
    (lambda d: d["resources"].append({"name": "Crew", "capacity": 1}), "resource names must be unique"),
    (lambda d: d["activities"][0].update({"duration": -1}), "greater than or equal"),
    (lambda d: d["activities"][0].update({"duration": 1.5}), "valid integer"),
    (lambda d: d.update({"activities": []}), "at least 1"),
    (lambda d: d.update({"deadline": 9}), "Extra inputs"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = _small()
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        project_scheduling.ProjectSchedulingInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = ("import sys, chalicelib.templates.project_scheduling; "
            "print(any(m.startswith('ortools') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations: the chain of activities that sets the makespan.

def test_a_full_crew_is_named_when_it_delays_the_project():
    # A (3) and B (2) have no precedence but share a crew of one: 5, not the critical path's 3.
    data = {"resources": [{"name": "Crew", "capacity": 1}],
            "activities": [{"name": "A", "duration": 3, "demands": {"Crew": 1}},
                           {"name": "B", "duration": 2, "demands": {"Crew": 1}}]}
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    assert out.objective_value == 5
    chain, crew = out.explanation.binding
    assert chain.name == "critical chain"
    assert chain.sentence.endswith("run back to back and end at 5, 2 after the critical path of 3 (precedences alone)")
    assert crew.name == "resource: Crew"
    assert out.explanation.summary == "The makespan 5 is 2 above the critical path of 3: Crew holds activities back."


def test_without_resources_the_chain_is_the_critical_path():
    data = {"activities": [{"name": "Dig", "duration": 2}, {"name": "Pour", "duration": 3, "predecessors": ["Dig"]},
                           {"name": "Paint", "duration": 1}]}
    out = project_scheduling.TEMPLATE.run(data, OPTIONS)
    [chain] = out.explanation.binding
    assert chain.sentence == "Dig -> Pour run back to back and end at 5, the length of the critical path"


def test_the_example_chain_is_two_above_its_critical_path():
    out = project_scheduling.TEMPLATE.run(project_scheduling.TEMPLATE.example_input, OPTIONS)
    assert out.objective_value == 23 and out.solution["critical_path_length"] == 21
    chain = out.explanation.binding[0]
    assert chain.name == "critical chain" and chain.sentence.startswith("Foundations -> Frame -> ")
    assert chain.sentence.endswith("end at 23, 2 after the critical path of 21 (precedences alone)")
    assert all(b.name.startswith("resource: ") for b in out.explanation.binding[1:])
