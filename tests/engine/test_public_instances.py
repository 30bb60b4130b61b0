"""Public LP and MIP instances solved as POST /solve solves them, against published results.

Each instance in tests/data/instances/manifest.json (Netlib, MIPLIB 3, HiGHS and SCIP test sets;
docs/solve-instances.md lists them) carries a published status and, when optimal, a published
objective that highspy 1.15.1 reproduced when it was recorded. The engine must reach the same
status and objective: an LP within 1e-6 relative; a MIP within the gap its result says it proved
(gap_tolerance), plus 1e-6. A returned solution must also satisfy the rows and bounds it was
given, and a MIP's proven bound must not cut off the published optimum.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from chalicelib.engine.generic import CompiledModel, compile_text, solve_model
from chalicelib.engine.options import RunOptions

INSTANCES = Path(__file__).resolve().parents[1] / "data" / "instances"
MANIFEST = json.loads((INSTANCES / "manifest.json").read_text())["instances"]
TIME_LIMIT_S = 10.0
LP_RELATIVE = 1e-6
FEASIBILITY = 1e-6  # relative to max(1, |bound|): the solvers' own default feasibility tolerances


def allowed_error(expected: float, gap_tolerance: float | None) -> float:
    """How far a reported optimum may be from the published one."""
    return (gap_tolerance or 0.0) * max(1.0, abs(expected)) + LP_RELATIVE * max(1.0, abs(expected))


def violations(model: CompiledModel, values: dict[str, float]) -> list[str]:
    """Rows and bounds the solution breaks by more than FEASIBILITY."""
    def outside(value: float, lower: float, upper: float) -> bool:
        return (value < lower - FEASIBILITY * max(1.0, abs(lower))
                or value > upper + FEASIBILITY * max(1.0, abs(upper)))

    broken = [f"bound of {v.name}: {values[v.name]:g} not in [{v.lower:g}, {v.upper:g}]"
              for v in model.variables if outside(values[v.name], v.lower, v.upper)]
    for row in model.rows:
        activity = math.fsum(c * values[name] for name, c in row.coefficients.items())
        if outside(activity, row.lower, row.upper):
            broken.append(f"row {row.name}: {activity:g} not in [{row.lower:g}, {row.upper:g}]")
    return broken


@pytest.mark.parametrize("instance", MANIFEST, ids=[entry["name"] for entry in MANIFEST])
def test_public_instance(instance):
    # As chalicelib/services/solve.py does for a body with "mps" or "lp" text and solver "auto".
    model = compile_text((INSTANCES / instance["file"]).read_text(), instance["format"])
    outcome = solve_model(model, RunOptions(time_limit_s=TIME_LIMIT_S), "auto")

    assert outcome.status == instance["status"], f"{outcome.solver}: {outcome.message}"
    assert model.is_mip == (instance["class"] == "mip")
    if instance["status"] != "optimal":
        return
    expected = instance["objective"]
    assert abs(outcome.objective_value - expected) <= allowed_error(expected, outcome.gap_tolerance), (
        f"{outcome.solver}: objective {outcome.objective_value!r}, published {expected!r}, "
        f"gap_tolerance {outcome.gap_tolerance}")
    if model.is_mip and outcome.best_bound is not None:
        slack = allowed_error(expected, outcome.gap_tolerance)
        # A proven bound on the wrong side of the optimum would be a false proof.
        assert (outcome.best_bound >= expected - slack) if model.maximize else (outcome.best_bound <= expected + slack)
    assert violations(model, outcome.solution["variables"]) == []
