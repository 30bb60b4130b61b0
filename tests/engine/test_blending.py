"""Blending template: closed-form and vertex-enumeration optima, shadow prices, infeasibility, validation."""
from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import blending

OPTIONS = RunOptions(time_limit_s=10)


def _two_ingredients():
    return {"batch_size": 100,
            "ingredients": [{"name": "Cheap", "cost": 1.0, "content": {"protein": 0.1}},
                            {"name": "Rich", "cost": 3.0, "content": {"protein": 0.5}}],
            "qualities": [{"name": "protein", "min": 0.2}]}


def test_closed_form_two_ingredients():
    # a + b = 100 and 0.1 a + 0.5 b >= 20 give b = 25, a = 75, cost 150. Each extra unit of the
    # protein bound needs 100 more protein, i.e. 250 more of Rich instead of Cheap: +500.
    outcome = blending.TEMPLATE.run(_two_ingredients(), OPTIONS)
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(150)
    recipe = {entry["ingredient"]: entry["amount"] for entry in outcome.solution["recipe"]}
    assert recipe == pytest.approx({"Cheap": 75, "Rich": 25})
    protein = outcome.solution["qualities"][0]
    assert protein["binding"] == "min"
    assert protein["value"] == pytest.approx(0.2)
    assert protein["shadow_price"] == pytest.approx(500)
    assert outcome.solution["marginal_cost_per_extra_unit_of_batch"] == pytest.approx(1.5)


def _vertex_enumeration(data) -> float | None:
    """Exact optimum for three ingredients: substitute x3 = B - x1 - x2 and try every intersection
    of two constraint lines in the (x1, x2) plane."""
    batch, ingredients, qualities = data["batch_size"], data["ingredients"], data["qualities"]
    lines = []  # (a1, a2, rhs): a1 x1 + a2 x2 = rhs
    for k, ingredient in enumerate(ingredients):
        for bound in (ingredient.get("min_amount", 0.0), ingredient.get("max_amount")):
            if bound is None:
                continue
            lines.append((1.0, 0.0, bound) if k == 0 else (0.0, 1.0, bound) if k == 1 else (1.0, 1.0, batch - bound))
    for quality in qualities:
        c = [i["content"].get(quality["name"], 0.0) for i in ingredients]
        for bound in (quality.get("min"), quality.get("max")):
            if bound is not None:
                lines.append((c[0] - c[2], c[1] - c[2], bound * batch - c[2] * batch))

    def feasible(x):
        for k, ingredient in enumerate(ingredients):
            high = ingredient.get("max_amount")
            if x[k] < ingredient.get("min_amount", 0.0) - 1e-7 or (high is not None and x[k] > high + 1e-7):
                return False
        for quality in qualities:
            total = sum(i["content"].get(quality["name"], 0.0) * x[k] for k, i in enumerate(ingredients))
            if quality.get("min") is not None and total < quality["min"] * batch - 1e-7:
                return False
            if quality.get("max") is not None and total > quality["max"] * batch + 1e-7:
                return False
        return True

    best = None
    for (a1, a2, r), (b1, b2, s) in itertools.combinations(lines, 2):
        det = a1 * b2 - a2 * b1
        if abs(det) < 1e-12:
            continue
        x1, x2 = (r * b2 - a2 * s) / det, (a1 * s - r * b1) / det
        x = (x1, x2, batch - x1 - x2)
        if feasible(x):
            cost = sum(i["cost"] * x[k] for k, i in enumerate(ingredients))
            best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("seed", range(8))
def test_three_ingredients_match_vertex_enumeration(seed):
    rng = random.Random(seed)
    ingredients = [{"name": f"I{k}", "cost": round(rng.uniform(0.1, 2.0), 3),
                    "content": {"q1": round(rng.uniform(0, 0.6), 3), "q2": round(rng.uniform(0, 0.3), 3)},
                    "max_amount": rng.choice([None, 400.0, 700.0])} for k in range(3)]
    ingredients[0]["max_amount"] = None
    q1 = sorted(i["content"]["q1"] for i in ingredients)
    q2 = sorted(i["content"]["q2"] for i in ingredients)
    qualities = [{"name": "q1", "min": round((q1[0] + q1[2]) / 2, 4)},
                 {"name": "q2", "min": round(q2[0], 4), "max": round((q2[1] + q2[2]) / 2, 4)}]
    data = {"batch_size": 1000, "ingredients": ingredients, "qualities": qualities}
    expected = _vertex_enumeration(data)
    outcome = blending.TEMPLATE.run(data, OPTIONS)
    if expected is None:
        assert outcome.status == "infeasible"
        return
    assert outcome.status == "optimal"
    assert outcome.objective_value == pytest.approx(expected, rel=1e-7)
    assert sum(e["amount"] for e in outcome.solution["recipe"]) == pytest.approx(1000)


def _bump_quality(data, name, side, delta):
    qualities = [dict(q, **{side: q[side] + delta}) if q["name"] == name else q for q in data["qualities"]]
    return {**data, "qualities": qualities}


def test_quality_shadow_prices_match_finite_differences():
    data = blending.TEMPLATE.example_input
    base = blending.TEMPLATE.run(data, OPTIONS)
    binding = [q for q in base.solution["qualities"] if q["binding"]]
    assert binding
    for quality in binding:
        bumped = blending.TEMPLATE.run(_bump_quality(data, quality["quality"], quality["binding"], 1e-6), OPTIONS)
        slope = (bumped.objective_value - base.objective_value) / 1e-6
        assert quality["shadow_price"] == pytest.approx(slope, rel=1e-3), quality["quality"]


def test_batch_and_availability_shadow_prices_match_finite_differences():
    data = {"batch_size": 100,
            "ingredients": [{"name": "Cheap", "cost": 1.0, "content": {"protein": 0.1}, "max_amount": 60},
                            {"name": "Middle", "cost": 2.0, "content": {"protein": 0.25}},
                            {"name": "Rich", "cost": 3.0, "content": {"protein": 0.5}}],
            "qualities": [{"name": "protein", "min": 0.2}]}
    base = blending.TEMPLATE.run(data, OPTIONS)
    limit = next(e for e in base.solution["ingredient_limits"] if e["ingredient"] == "Cheap")
    assert limit["binding_limit"] == "max_amount"
    more = blending.TEMPLATE.run({**data, "ingredients": [dict(data["ingredients"][0], max_amount=60.001)]
                                  + data["ingredients"][1:]}, OPTIONS)
    assert limit["limit_shadow_price"] == pytest.approx((more.objective_value - base.objective_value) / 0.001, rel=1e-6)
    bigger = blending.TEMPLATE.run({**data, "batch_size": 100.001}, OPTIONS)
    assert base.solution["marginal_cost_per_extra_unit_of_batch"] == pytest.approx(
        (bigger.objective_value - base.objective_value) / 0.001, rel=1e-6)


def test_example_input_solves_to_optimality():
    outcome = blending.TEMPLATE.run(blending.TEMPLATE.example_input, OPTIONS)
    assert outcome.status == "optimal"
    for quality in outcome.solution["qualities"]:
        if quality["min"] is not None:
            assert quality["value"] >= quality["min"] - 1e-9
        if quality["max"] is not None:
            assert quality["value"] <= quality["max"] + 1e-9


def test_conflicting_specifications_are_infeasible():
    data = {"batch_size": 1,
            "ingredients": [{"name": "Grain", "cost": 1, "content": {"protein": 0.1, "fat": 0.0}},
                            {"name": "Seed", "cost": 2, "content": {"protein": 0.5, "fat": 0.2}}],
            "qualities": [{"name": "protein", "min": 0.3}, {"name": "fat", "max": 0.05}]}
    outcome = blending.TEMPLATE.run(data, OPTIONS)
    assert outcome.status == "infeasible"
    assert outcome.message


@pytest.mark.parametrize("change, phrase", [
    (lambda d: d["qualities"][0].update({"min": 0.6}),
     "no ingredient reaches the minimum 0.6 of 'protein' \\(the highest is 0.5\\)"),
    (lambda d: d["qualities"][0].update({"min": None, "max": 0.05}), "every ingredient exceeds the maximum 0.05"),
    (lambda d: d["qualities"][0].update({"min": 0.3, "max": 0.2}), "min 0.3 above max 0.2"),
    (lambda d: d["qualities"][0].update({"min": None}), "needs a min, a max or both"),
    (lambda d: d["ingredients"][0]["content"].update({"sugar": 0.1}), "unknown qualities: sugar"),
    (lambda d: [i.update({"max_amount": 40}) for i in d["ingredients"]], "add up to 80, less than the batch size 100"),
    (lambda d: d["ingredients"][0].update({"min_amount": 120}), "add up to 120, more than the batch size 100"),
    (lambda d: d.update({"batch_size": 0}), "greater than 0"),
])
def test_bad_inputs_are_rejected(change, phrase):
    data = _two_ingredients()
    change(data)
    with pytest.raises(ValidationError, match=phrase):
        blending.BlendingInput.model_validate(data)


def test_importing_the_module_does_not_import_ortools():
    code = "import sys, chalicelib.templates.blending; print('ortools' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


# Explanations.

def test_a_specification_out_of_reach_names_the_reachable_value():
    # At most 0.4 of Seed (0.5 protein), the rest Grain (0.1): at best 0.4 * 0.5 + 0.6 * 0.1 = 0.26.
    data = {"batch_size": 1,
            "ingredients": [{"name": "Grain", "cost": 1, "content": {"protein": 0.1}},
                            {"name": "Seed", "cost": 2, "content": {"protein": 0.5}, "max_amount": 0.4}],
            "qualities": [{"name": "protein", "min": 0.3}]}
    out = blending.TEMPLATE.run(data, OPTIONS)
    assert out.status == "infeasible"
    [conflict] = out.explanation.conflicts
    assert conflict.name == "minimum: protein"
    assert conflict.sentence == ("with these ingredients and amount limits the blend holds at most 0.26 protein "
                                 "per unit; the minimum is 0.3")


def test_specifications_that_conflict_only_together_are_found():
    # Protein >= 0.3 needs at least half Seed, which brings fat >= 0.1 > 0.05; each alone is reachable.
    data = {"batch_size": 1,
            "ingredients": [{"name": "Grain", "cost": 1, "content": {"protein": 0.1, "fat": 0.0}},
                            {"name": "Seed", "cost": 2, "content": {"protein": 0.5, "fat": 0.2}}],
            "qualities": [{"name": "protein", "min": 0.3}, {"name": "fat", "max": 0.05}]}
    out = blending.TEMPLATE.run(data, OPTIONS)
    assert [c.name for c in out.explanation.conflicts] == ["minimum: protein", "maximum: fat"]
    assert out.explanation.conflict_is_minimal is True


def test_binding_specification_and_availability_carry_their_shadow_prices():
    data = {"batch_size": 100,
            "ingredients": [{"name": "Cheap", "cost": 1.0, "content": {"protein": 0.1}, "max_amount": 60},
                            {"name": "Middle", "cost": 2.0, "content": {"protein": 0.25}},
                            {"name": "Rich", "cost": 3.0, "content": {"protein": 0.5}}],
            "qualities": [{"name": "protein", "min": 0.2}]}
    base = blending.TEMPLATE.run(data, OPTIONS)
    binding = {b.name: b for b in base.explanation.binding}
    assert set(binding) == {"minimum: protein", "availability: Cheap"}
    stricter = blending.TEMPLATE.run(_bump_quality(data, "protein", "min", 1e-4), OPTIONS)
    assert binding["minimum: protein"].dual_value == pytest.approx(
        (stricter.objective_value - base.objective_value) / 1e-4, rel=1e-6)
    more = blending.TEMPLATE.run({**data, "ingredients": [dict(data["ingredients"][0], max_amount=61)]
                                  + data["ingredients"][1:]}, OPTIONS)
    assert binding["availability: Cheap"].dual_value == pytest.approx(more.objective_value - base.objective_value)
    assert binding["availability: Cheap"].dual_value < 0
