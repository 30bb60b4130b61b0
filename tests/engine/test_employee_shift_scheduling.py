"""Shift scheduling template: rosters against brute force, infeasibility, input validation."""
from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import employee_shift_scheduling as shifts

OPTIONS = RunOptions(time_limit_s=10)


def brute_force(data: dict) -> float:
    """Cheapest roster by trying every choice of shifts per employee per day."""
    days, names = data["days"], [s["name"] for s in data["shifts"]]
    employees = data["employees"]
    per_day = data.get("max_shifts_per_day", 1)
    required = {(d, s["name"]): s.get("required", 1) for d in days for s in data["shifts"]}
    required.update({(c["day"], c["shift"]): c["required"] for c in data.get("coverage", [])})
    forbidden = [(r["first"], r["then"]) for r in data.get("forbidden_sequences", [])]
    consecutive = data.get("max_consecutive_days")

    def free(e: dict, day: str, shift: str) -> bool:
        return not any(u["day"] == day and u.get("shift") in (None, shift) for u in e.get("unavailable", []))

    def value(e: dict, day: str, shift: str) -> float:
        return e.get("cost_per_shift", 1.0) - sum(p["weight"] for p in e.get("preferences", [])
                                                  if p.get("day") in (None, day) and p.get("shift") in (None, shift))

    subsets = [c for k in range(per_day + 1) for c in itertools.combinations(names, k)]
    options = []  # per day: every staffing of that day that meets its coverage and availability
    for day in days:
        options.append([
            choice for choice in itertools.product(subsets, repeat=len(employees))
            if all(free(e, day, s) for e, picked in zip(employees, choice) for s in picked)
            and all(sum(s in picked for picked in choice) >= required[day, s] for s in names)
        ])
    best = math.inf
    for plan in itertools.product(*options):
        ok = True
        for i, e in enumerate(employees):
            worked = [plan[d][i] for d in range(len(days))]
            total = sum(len(w) for w in worked)
            if not e.get("min_shifts", 0) <= total <= e["max_shifts"]:
                ok = False
            elif any(a in worked[d] and b in worked[d + 1] for d in range(len(days) - 1) for a, b in forbidden):
                ok = False
            elif consecutive and any(all(worked[d + k] for k in range(consecutive + 1))
                                     for d in range(len(days) - consecutive)):
                ok = False
            if not ok:
                break
        if ok:
            best = min(best, sum(value(e, days[d], s) for d in range(len(days))
                                 for i, e in enumerate(employees) for s in plan[d][i]))
    return best


def random_instance(seed: int) -> dict:
    rng = random.Random(seed)
    days, names = ["Mon", "Tue", "Wed"], ["Early", "Late"]
    employees = []
    for i in range(4):
        employee = {"name": f"E{i}", "max_shifts": rng.randint(2, 3), "min_shifts": rng.randint(0, 1),
                    "cost_per_shift": rng.randint(80, 120) + rng.choice([0, 0.25, 0.5])}
        if rng.random() < 0.6:
            employee["unavailable"] = [{"day": rng.choice(days), "shift": rng.choice([None, *names])}]
        if rng.random() < 0.6:
            employee["preferences"] = [{"shift": rng.choice(names), "weight": rng.randint(-15, 25)}]
        employees.append(employee)
    return {"days": days, "shifts": [{"name": "Early", "required": 1}, {"name": "Late", "required": 1}],
            "employees": employees, "coverage": [{"day": "Tue", "shift": "Late", "required": 2}],
            "forbidden_sequences": [{"first": "Late", "then": "Early"}], "max_consecutive_days": 2}


def assert_valid_roster(data: dict, solution: dict) -> None:
    required = {(d, s["name"]): s.get("required", 1) for d in data["days"] for s in data["shifts"]}
    required.update({(c["day"], c["shift"]): c["required"] for c in data.get("coverage", [])})
    for day in solution["schedule"]:
        for shift in day["shifts"]:
            assert shift["required"] == required[day["day"], shift["shift"]]
            assert len(shift["employees"]) >= shift["required"]
    limits = {e["name"]: e for e in data["employees"]}
    for row in solution["roster"]:
        employee = limits[row["employee"]]
        assert employee.get("min_shifts", 0) <= row["total_shifts"] == len(row["shifts"]) <= employee["max_shifts"]
        for item in row["shifts"]:
            assert not any(u["day"] == item["day"] and u.get("shift") in (None, item["shift"])
                           for u in employee.get("unavailable", []))
            assert any(row["employee"] in s["employees"] for d in solution["schedule"] if d["day"] == item["day"]
                       for s in d["shifts"] if s["shift"] == item["shift"])


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_random_instances_match_brute_force(seed):
    data = random_instance(seed)
    expected = brute_force(data)
    assert expected < math.inf
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    assert out.best_bound == pytest.approx(expected, abs=1e-6)
    assert_valid_roster(data, out.solution)


def test_two_shifts_a_day_matches_brute_force():
    data = {"days": ["Sat", "Sun"], "shifts": [{"name": "AM", "required": 2}, {"name": "PM", "required": 1}],
            "employees": [{"name": "Ana", "max_shifts": 4, "cost_per_shift": 50},
                          {"name": "Ben", "max_shifts": 1, "cost_per_shift": 40, "min_shifts": 1},
                          {"name": "Cy", "max_shifts": 3, "cost_per_shift": 45,
                           "preferences": [{"day": "Sun", "shift": "PM", "weight": 12.5}]}],
            "max_shifts_per_day": 2}
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(brute_force(data))
    assert_valid_roster(data, out.solution)


def test_example_input_solves():
    data = shifts.TEMPLATE.example_input
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "optimal"
    assert out.objective_value == 3525  # the 35 cheapest shift-slots the limits allow, as checked by hand
    assert_valid_roster(data, out.solution)
    by_name = {row["employee"]: row for row in out.solution["roster"]}
    assert by_name["Alice"]["total_shifts"] >= 3
    assert shifts.TEMPLATE.credits_per_execution == 6 and shifts.TEMPLATE.category == "scheduling"


def _small(**changes) -> dict:
    data = {"days": ["Mon", "Tue"], "shifts": [{"name": "Day", "required": 1}, {"name": "Night", "required": 1}],
            "employees": [{"name": "Ann", "max_shifts": 2}, {"name": "Bob", "max_shifts": 2}]}
    data.update(changes)
    return data


def test_shift_too_few_employees_can_work_is_infeasible_with_the_reason():
    data = _small(employees=[{"name": "Ann", "max_shifts": 2, "unavailable": [{"day": "Tue"}]},
                             {"name": "Bob", "max_shifts": 2, "unavailable": [{"day": "Tue", "shift": "Night"}]}])
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert "Tue Night needs 1 employees but only 0 are available" in out.message


def test_rules_that_conflict_only_together_are_proven_infeasible():
    # Every shift has two people free, but with one shift a day and no Night followed by anything:
    # whoever works Monday Night can work nothing on Tuesday, and one person cannot cover Tuesday alone.
    data = _small(forbidden_sequences=[{"first": "Night", "then": "Day"}, {"first": "Night", "then": "Night"}])
    assert brute_force(data) == math.inf
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible" and out.solution is None
    assert "No roster meets every rule" in out.message


@pytest.mark.parametrize("changes, message", [
    ({"coverage": [{"day": "Funday", "shift": "Day", "required": 1}]}, "coverage refers to day 'Funday'"),
    ({"coverage": [{"day": "Mon", "shift": "Brunch", "required": 1}]}, "coverage refers to shift 'Brunch'"),
    ({"employees": [{"name": "Ann", "max_shifts": 2, "unavailable": [{"day": "Sun"}]},
                    {"name": "Bob", "max_shifts": 2}]}, "employee 'Ann' refers to day 'Sun'"),
    ({"employees": [{"name": "Ann", "max_shifts": 1, "min_shifts": 2}, {"name": "Bob", "max_shifts": 3}]},
     "employee 'Ann' has min_shifts 2 above max_shifts 1"),
    ({"coverage": [{"day": "Mon", "shift": "Day", "required": 3}]}, "Mon Day needs 3 employees but only 2 exist"),
    ({"employees": [{"name": "Ann", "max_shifts": 1}, {"name": "Bob", "max_shifts": 2}]},
     "the coverage needs 4 shifts in total but the employees may work at most 3"),
    ({"forbidden_sequences": [{"first": "Night", "then": "Dawn"}]}, "refers to shift 'Dawn'"),
    ({"days": ["Mon", "Mon"]}, "day names must be unique"),
    ({"employees": [{"name": f"E{i}", "max_shifts": 2} for i in range(501)]}, "at most 500"),
    ({"days": [f"D{i}" for i in range(60)], "shifts": [{"name": f"S{i}"} for i in range(12)],
      "employees": [{"name": f"E{i}", "max_shifts": 60} for i in range(300)]}, "at most 200,000"),
])
def test_bad_inputs_are_rejected(changes, message):
    with pytest.raises(ValidationError, match=message):
        shifts.ShiftSchedulingInput.model_validate(_small(**changes))


def test_importing_the_template_does_not_load_ortools():
    code = ("import sys, chalicelib.templates.employee_shift_scheduling; "
            "print(any(m.startswith('ortools') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations: the rules that make a roster impossible, in the roster's words.

def _conflicts(outcome) -> list[str]:
    return [conflict.name for conflict in outcome.explanation.conflicts]


def test_a_shift_nobody_can_work_is_the_named_conflict():
    data = _small(employees=[{"name": "Ann", "max_shifts": 2, "unavailable": [{"day": "Tue"}]},
                             {"name": "Bob", "max_shifts": 2, "unavailable": [{"day": "Tue", "shift": "Night"}]}])
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert _conflicts(out) == ["staffing: Tue Night"]
    assert out.explanation.conflicts[0].sentence == "Tue Night needs 1 employees but only 0 are available"
    assert out.explanation.conflict_is_minimal is True


def test_a_day_whose_shifts_need_more_than_its_staff_can_work_is_named():
    # Day and Night each have one person free (Ann), but Ann works one shift a day.
    data = {"days": ["Mon"], "shifts": [{"name": "Day"}, {"name": "Night"}],
            "employees": [{"name": "Ann", "max_shifts": 2}, {"name": "Bob", "max_shifts": 2,
                                                              "unavailable": [{"day": "Mon"}]}]}
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible" and _conflicts(out) == ["staffing: Mon"]
    assert "need 2 employee-shifts but the employees available that day can work at most 1" in \
        out.explanation.conflicts[0].sentence


def test_rest_rules_that_conflict_with_coverage_are_found_and_minimal():
    # Two people, one shift a day, nothing after a Night: whoever works Mon Night cannot work Tuesday,
    # and Tuesday's two shifts need both. Mon Day is not needed for the conflict, nor the shift caps.
    data = _small(forbidden_sequences=[{"first": "Night", "then": "Day"}, {"first": "Night", "then": "Night"}])
    out = shifts.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    assert sorted(_conflicts(out)) == sorted(["staffing: Mon Night", "staffing: Tue Day", "staffing: Tue Night",
                                              "shifts per day", "rest: Night then Day", "rest: Night then Night"])
    assert out.explanation.conflict_is_minimal is True
    assert "No roster meets every rule" in out.message
