"""Capital budgeting template: optima against brute force over all subsets; infeasibility; validation."""
from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import capital_budgeting

OPTIONS = RunOptions(time_limit_s=10)


def _brute_force(data) -> float | None:
    """Best NPV over every subset of projects that respects every rule."""
    projects = data["projects"]
    periods = [p["name"] for p in data["periods"]]
    budgets = [p["budget"] for p in data["periods"]]
    best = None
    for mask in itertools.product([0, 1], repeat=len(projects)):
        chosen = {p["name"] for p, take in zip(projects, mask) if take}
        if any(p.get("mandatory") and p["name"] not in chosen for p in projects):
            continue
        if any(p["name"] in chosen and not set(p.get("requires", [])) <= chosen for p in projects):
            continue
        if any(len(set(group) & chosen) > 1 for group in data.get("exclusive_groups", [])):
            continue
        spend = [sum(p.get("costs", {}).get(t, 0) for p in projects if p["name"] in chosen) for t in periods]
        if data.get("carry_over_unspent"):
            ok = all(sum(spend[: k + 1]) <= sum(budgets[: k + 1]) + 1e-9 for k in range(len(periods)))
        else:
            ok = all(s <= b + 1e-9 for s, b in zip(spend, budgets))
        if ok:
            value = sum(p["npv"] for p in projects if p["name"] in chosen)
            best = value if best is None else max(best, value)
    return best


def _random_instance(rng, carry_over):
    periods = [{"name": f"Y{t}", "budget": rng.randint(50, 150)} for t in range(rng.randint(1, 3))]
    projects = []
    for j in range(rng.randint(5, 10)):
        costs = {p["name"]: rng.randint(0, 80) for p in periods if rng.random() < 0.8}
        project = {"name": f"P{j}", "npv": rng.randint(-10, 120), "costs": costs}
        if j and rng.random() < 0.3:
            project["requires"] = [f"P{rng.randrange(j)}"]
        projects.append(project)
    data = {"periods": periods, "projects": projects, "carry_over_unspent": carry_over}
    if rng.random() < 0.5:
        data["exclusive_groups"] = [rng.sample([p["name"] for p in projects], 2)]
    return data


def test_example_input_solves_to_optimality():
    example = capital_budgeting.TEMPLATE.example_input
    outcome = capital_budgeting.TEMPLATE.run(example, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(example))
    funded = {entry["project"] for entry in outcome.solution["funded_projects"]}
    assert "Safety compliance" in funded
    assert not {"New warehouse (north)", "New warehouse (south)"} <= funded
    for period in outcome.solution["budgets"]:
        assert period["spent"] <= period["available"] + 1e-6


@pytest.mark.parametrize("seed", range(10))
def test_random_instances_match_brute_force(seed):
    data = _random_instance(random.Random(seed), carry_over=seed % 2 == 1)
    outcome = capital_budgeting.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(_brute_force(data))
    assert outcome.solution["total_npv"] == pytest.approx(outcome.objective_value)


def test_carry_over_lets_later_periods_use_unspent_money():
    data = {"periods": [{"name": "Y1", "budget": 100}, {"name": "Y2", "budget": 100}],
            "projects": [{"name": "Big", "npv": 50, "costs": {"Y2": 150}},
                         {"name": "Small", "npv": 10, "costs": {"Y1": 40}}]}
    without = capital_budgeting.TEMPLATE.run(data, OPTIONS)
    assert without.objective_value == 10
    with_carry = capital_budgeting.TEMPLATE.run({**data, "carry_over_unspent": True}, OPTIONS)
    assert with_carry.objective_value == 60 == _brute_force({**data, "carry_over_unspent": True})
    assert with_carry.solution["budgets"][1]["available"] == 160


def test_mandatory_projects_over_budget_together_are_infeasible():
    data = {"periods": [{"name": "Y1", "budget": 100}],
            "projects": [{"name": "A", "npv": 1, "costs": {"Y1": 60}, "mandatory": True},
                         {"name": "B", "npv": 1, "costs": {"Y1": 60}, "mandatory": True}]}
    outcome = capital_budgeting.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "infeasible"
    assert "mandatory" in outcome.message


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["projects"][0]["costs"].update({"2031": 5}), "costs in unknown periods: 2031"),
    (lambda d: d["projects"][0].update({"requires": ["Ghost"]}), "requires unknown projects: Ghost"),
    (lambda d: d["projects"][0].update({"requires": ["A"]}), "requires itself"),
    (lambda d: d.update({"exclusive_groups": [["A", "Nope"]]}), "names unknown projects: Nope"),
    (lambda d: d["projects"][1].update({"mandatory": True, "costs": {"2026": 500}}),
     "project 'B' must be funded .* costs 500 in period 2026, above that period's budget 100"),
    (lambda d: d["projects"][1].update({"mandatory": True, "requires": ["A"]}) or d["projects"][0].update(
        {"costs": {"2026": 101}}), "project 'A' must be funded"),
    (lambda d: d["periods"].append({"name": "2026", "budget": 1}), "names must be unique"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = {"periods": [{"name": "2026", "budget": 100}],
            "projects": [{"name": "A", "npv": 10, "costs": {"2026": 50}},
                         {"name": "B", "npv": 5, "costs": {"2026": 30}}]}
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        capital_budgeting.CapitalBudgetingInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.capital_budgeting; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def test_mandatory_projects_over_a_period_budget_name_the_period_and_amounts():
    data = {"periods": [{"name": "2026", "budget": 100}, {"name": "2027", "budget": 100}],
            "projects": [{"name": "A", "npv": 1, "costs": {"2026": 60, "2027": 10}, "mandatory": True,
                          "requires": ["B"]},
                         {"name": "B", "npv": 1, "costs": {"2026": 50}},
                         {"name": "C", "npv": 5, "costs": {"2026": 50}}]}
    out = capital_budgeting.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    [conflict] = out.explanation.conflicts
    assert conflict.name == "budget: 2026"
    assert conflict.sentence == ("the mandatory projects and their prerequisites (A, B) need 110 in 2026; "
                                 "its budget is 100")


def test_with_carry_over_the_cumulative_budget_is_named():
    data = {"periods": [{"name": "Y1", "budget": 100}, {"name": "Y2", "budget": 50}],
            "projects": [{"name": "A", "npv": 1, "costs": {"Y1": 60, "Y2": 100}, "mandatory": True}],
            "carry_over_unspent": True}
    out = capital_budgeting.TEMPLATE.run(data, OPTIONS)
    assert [c.name for c in out.explanation.conflicts] == ["budget: Y2"]
    assert out.explanation.conflicts[0].sentence.endswith("need 160 by the end of Y2; the budgets up to then total 150")


def test_two_forced_projects_in_one_exclusive_group_are_named():
    data = {"periods": [{"name": "Y1", "budget": 1000}],
            "projects": [{"name": "A", "npv": 1, "mandatory": True, "requires": ["B"]},
                         {"name": "B", "npv": 1}, {"name": "C", "npv": 1}],
            "exclusive_groups": [["A", "B", "C"]]}
    out = capital_budgeting.TEMPLATE.run(data, OPTIONS)
    assert [c.name for c in out.explanation.conflicts] == ["exclusive: A / B"]
    assert out.explanation.conflicts[0].sentence == (
        "A and B must both be funded (A is mandatory; B is required by a mandatory project) but at most one of "
        "A, B, C may be")


def test_a_budget_spent_to_the_last_unit_binds():
    out = capital_budgeting.TEMPLATE.run(capital_budgeting.TEMPLATE.example_input, OPTIONS)
    assert [b.name for b in out.explanation.binding] == ["budget: 2026"]
    assert out.explanation.binding[0].sentence == "all 500000 available in 2026 is spent"
