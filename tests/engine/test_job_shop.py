"""Job shop template: makespans against exhaustive search and OR-Library ft06/ft10; input validation."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import job_shop

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = RunOptions(time_limit_s=10)


def brute_force(jobs: list[list[tuple[int, int]]], releases: list[int] | None = None) -> int:
    """Least makespan over every interleaving of the jobs' operations, each appended to its machine.

    Every semi-active schedule is the decoding of its operations sorted by start time, so the
    minimum over all interleavings is the optimum.
    """
    releases = releases or [0] * len(jobs)
    best = [sum(d for job in jobs for _, d in job) + max(releases)]

    def extend(next_op: list[int], job_ready: list[int], machine_ready: dict[int, int], span: int) -> None:
        if span >= best[0]:
            return
        if all(k == len(job) for k, job in zip(next_op, jobs)):
            best[0] = span
            return
        for j, job in enumerate(jobs):
            k = next_op[j]
            if k == len(job):
                continue
            machine, duration = job[k]
            end = max(job_ready[j], machine_ready.get(machine, 0)) + duration
            extend(next_op[:j] + [k + 1] + next_op[j + 1:], job_ready[:j] + [end] + job_ready[j + 1:],
                   {**machine_ready, machine: end}, max(span, end))

    extend([0] * len(jobs), list(releases), {}, 0)
    return best[0]


def to_input(jobs: list[list[tuple[int, int]]], num_machines: int, releases: list[int] | None = None) -> dict:
    return {"machines": [f"M{m}" for m in range(num_machines)],
            "jobs": [{"name": f"J{j}", "release_time": (releases or [0] * len(jobs))[j],
                      "operations": [{"machine": m, "duration": d} for m, d in ops]}
                     for j, ops in enumerate(jobs)]}


def assert_valid_schedule(data: dict, solution: dict) -> None:
    rows = solution["schedule"]
    assert len(rows) == sum(len(job["operations"]) for job in data["jobs"])
    by_job = {job["name"]: job for job in data["jobs"]}
    for row in rows:
        op = by_job[row["job"]]["operations"][row["operation"]]
        assert row["machine"] == data["machines"][op["machine"]]
        assert row["end"] - row["start"] == row["duration"] == op["duration"]
    for job in data["jobs"]:
        mine = sorted((r for r in rows if r["job"] == job["name"]), key=lambda r: r["operation"])
        assert mine[0]["start"] >= job.get("release_time", 0)
        assert all(a["end"] <= b["start"] for a, b in zip(mine, mine[1:]))
    for machine in solution["machines"]:
        ops = machine["operations"]
        assert ops == sorted(ops, key=lambda r: r["start"])
        assert all(a["end"] <= b["start"] for a, b in zip(ops, ops[1:]))
    assert solution["makespan"] == max(r["end"] for r in rows)


def random_jobs(seed: int, num_jobs: int = 3, num_machines: int = 3) -> list[list[tuple[int, int]]]:
    rng = random.Random(seed)
    return [[(m, rng.randint(1, 9)) for m in rng.sample(range(num_machines), num_machines)]
            for _ in range(num_jobs)]


@pytest.mark.parametrize("seed, num_workers", [(1, None), (2, 1), (3, 2), (4, 4)])
def test_random_3x3_instances_match_exhaustive_search(seed, num_workers):
    # 1 and 2 workers (and the default, 2) run the job shop's own CP-SAT settings, 4 CP-SAT's portfolio.
    jobs = random_jobs(seed)
    data = to_input(jobs, 3)
    out = job_shop.TEMPLATE.run(data, RunOptions(time_limit_s=10, num_workers=num_workers))
    assert out.status == "optimal"
    assert out.objective_value == out.best_bound == brute_force(jobs)
    assert out.gap == 0
    assert_valid_schedule(data, out.solution)


def test_release_times_uneven_jobs_and_revisited_machines_match_exhaustive_search():
    jobs = [[(0, 4), (1, 3), (0, 2)], [(1, 5), (2, 2)], [(2, 3), (0, 3), (1, 1)]]
    releases = [0, 2, 6]
    data = to_input(jobs, 3, releases)
    out = job_shop.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == brute_force(jobs, releases)
    assert_valid_schedule(data, out.solution)


def _benchmark(name: str) -> tuple[dict, dict]:
    instance = json.loads((DATA / f"{name}.json").read_text())
    return instance, to_input([[tuple(op) for op in job] for job in instance["jobs"]], instance["num_machines"])


def test_ft06_is_solved_to_its_published_optimum():
    instance, data = _benchmark("ft06")
    out = job_shop.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == instance["optimum"] == 55
    assert_valid_schedule(data, out.solution)


def test_ft10_bound_and_makespan_bracket_the_published_optimum():
    # With 2 workers (no_lp beside LNS) CP-SAT found 930 in 0.7-5.5 s and proved it in 2.2-6.3 s over
    # 20 seeds on the shared 2-core machine. How close 8 s gets depends on the CPU the test is given (the
    # suite may run beside it), so this checks the bracket and a loose 10%; bench/templates.py reports it.
    instance, data = _benchmark("ft10")
    out = job_shop.TEMPLATE.run(data, RunOptions(time_limit_s=8))
    assert out.status in ("optimal", "feasible")
    assert out.best_bound <= instance["optimum"] == 930 <= out.objective_value <= 930 * 1.10
    assert_valid_schedule(data, out.solution)


def test_example_input_solves():
    out = job_shop.TEMPLATE.run(job_shop.TEMPLATE.example_input, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 11
    assert_valid_schedule(job_shop.TEMPLATE.example_input, out.solution)
    assert job_shop.TEMPLATE.credits_per_execution == 8 and job_shop.TEMPLATE.category == "scheduling"


def _one_job(**changes) -> dict:
    data = {"machines": ["Lathe", "Mill"],
            "jobs": [{"name": "A", "operations": [{"machine": 0, "duration": 3}, {"machine": 1, "duration": 2}]}]}
    data.update(changes)
    return data


@pytest.mark.parametrize("data, message", [
    (_one_job(jobs=[{"name": "A", "operations": []}]), "job 'A' has no operations"),
    (_one_job(jobs=[{"name": "A", "operations": [{"machine": 2, "duration": 1}]}]),
     "job 'A' operation 0 uses machine 2, but only 2 machines are defined"),
    (_one_job(jobs=[{"name": "A", "operations": [{"machine": 0, "duration": 1}]},
                    {"name": "A", "operations": [{"machine": 1, "duration": 1}]}]), "job names must be unique"),
    (_one_job(machines=["Lathe", "Lathe"]), "machine names must be unique"),
    (_one_job(machines=[]), "at least 1"),
    (_one_job(jobs=[{"name": "A", "operations": [{"machine": 0, "duration": -1}]}]), "greater than or equal"),
    (_one_job(jobs=[{"name": f"J{j}", "operations": [{"machine": 0, "duration": 1}] * 11} for j in range(1000)]),
     "at most 10,000 operations"),
])
def test_bad_inputs_are_rejected(data, message):
    with pytest.raises(ValidationError, match=message):
        job_shop.JobShopInput.model_validate(data)


def test_importing_the_template_does_not_load_ortools():
    code = "import sys, chalicelib.templates.job_shop; print(any(m.startswith('ortools') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Deadlines and explanations.

def test_a_job_longer_than_its_deadline_is_named_with_its_hours():
    data = {"machines": ["Lathe", "Mill"],
            "jobs": [{"name": "J1", "operations": [{"machine": 0, "duration": 10}]},
                     {"name": "J3", "operations": [{"machine": 0, "duration": 30}, {"machine": 1, "duration": 22}],
                      "deadline": 40}]}
    out = job_shop.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert [c.name for c in out.explanation.conflicts] == ["deadline: job J3"]
    assert out.explanation.conflicts[0].sentence == "job J3's operations alone take 52 time units, its deadline is 40"
    assert out.explanation.conflict_is_minimal is True


def test_deadlines_that_share_a_machine_are_the_conflict():
    # J1 (4 on the Lathe) and J2 (3 on the Lathe, then 1 on the Mill) both by 5: the Lathe needs 7.
    # J3's deadline and the Mill are not part of it.
    data = {"machines": ["Lathe", "Mill"],
            "jobs": [{"name": "J1", "operations": [{"machine": 0, "duration": 4}], "deadline": 5},
                     {"name": "J2", "operations": [{"machine": 0, "duration": 3}, {"machine": 1, "duration": 1}],
                      "deadline": 5},
                     {"name": "J3", "operations": [{"machine": 1, "duration": 2}], "deadline": 9}]}
    out = job_shop.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert sorted(c.name for c in out.explanation.conflicts) == [
        "deadline: job J1", "deadline: job J2", "one at a time: machine Lathe"]
    assert out.explanation.conflict_is_minimal is True


def test_deadlines_that_can_be_met_are_met():
    data = {"machines": ["Lathe"],
            "jobs": [{"name": "Late", "operations": [{"machine": 0, "duration": 4}]},
                     {"name": "Urgent", "operations": [{"machine": 0, "duration": 3}], "deadline": 3}]}
    out = job_shop.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal" and out.objective_value == 7
    urgent = next(job for job in out.solution["jobs"] if job["job"] == "Urgent")
    assert urgent["end"] == 3
    assert "deadline: job Urgent" in [b.name for b in out.explanation.binding]


def test_the_bottleneck_machine_is_named_from_the_critical_path():
    # Saw work is 3 + 2 = 5 and the last Drill operation (1) must follow it: the makespan 6 is the
    # Saw's load plus one Drill operation, so the Saw carries 5 of the 6 units of the critical path.
    data = {"machines": ["Saw", "Drill"],
            "jobs": [{"name": "A", "operations": [{"machine": 0, "duration": 3}, {"machine": 1, "duration": 1}]},
                     {"name": "B", "operations": [{"machine": 0, "duration": 2}, {"machine": 1, "duration": 1}]}]}
    out = job_shop.TEMPLATE.run(data, OPTIONS)
    assert out.objective_value == 6
    first, second = out.explanation.binding[:2]
    assert first.name == "machine: Saw" and "works 5 of the 6 time units on the critical path" in first.sentence
    assert second.name == "machine: Drill" and "works 1 of the 6" in second.sentence
