"""Run options every solve and execute accepts, and the one gap semantics every solver follows."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_TIME_LIMIT_S = 10.0
DEFAULT_RELATIVE_GAP = 1e-4
"""The MIP gap within which a run is `optimal` unless `relative_gap` says otherwise: the default
of HiGHS, SCIP and Gurobi. Every solver is given it, so `optimal` means the same whatever ran."""
GAP_SLACK = 1e-9
"""Rounding allowance when a reported gap is compared with the tolerance."""

SolverChoice = Literal["auto", "glop", "pdlp", "highs", "scip", "cp_sat"]
"""The solver a linear run asks for (engine/generic.py chooses for `auto`). Here, with the
options, so that a run spec or a request schema names it without importing the engine."""


class RunOptions(BaseModel):
    """Strict: `"5"` or `true` is not a time limit (a 400, not a coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)

    time_limit_s: float = Field(default=DEFAULT_TIME_LIMIT_S, gt=0, allow_inf_nan=False)
    """Wall-clock limit for the solver, in seconds; the best solution found by then is returned."""
    relative_gap: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    """MIP only: the solver stops once |objective - bound| / max(1, |objective|) is at most this,
    and the result is then `optimal` (proven within this gap); default 0.0001. The result's
    `gap_tolerance` repeats the gap used."""
    num_workers: int | None = Field(default=None, ge=1, le=16)
    """Solver threads; defaults to the solver's own choice."""
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    """Random seed, for reproducible runs where the solver supports it."""
    explain: bool = True
    """Compute the result's `explanation` (an infeasible model's conflict, what binds, duals and
    ranges). False saves its time: up to min(10 s, time_limit_s) more for an infeasible linear
    model, a few milliseconds for a solved one."""
    mip_duals: bool = False
    """Linear models: also compute the duals of the LP left when every integer variable is fixed
    at its value (`explanation.sensitivity.kind` is then `mip_fixed`)."""

    @property
    def gap_tolerance(self) -> float:
        """The relative gap this run proves MIPs to: `relative_gap`, or DEFAULT_RELATIVE_GAP."""
        return DEFAULT_RELATIVE_GAP if self.relative_gap is None else self.relative_gap


def gap_status(solver_says_optimal: bool, gap: float | None,
               tolerance: float) -> Literal["optimal", "feasible"]:
    """`optimal` exactly when the solver stopped on its proof and the gap we report (which can
    differ from the solver's own measure) is within the tolerance; `feasible` otherwise."""
    if solver_says_optimal and (gap or 0.0) <= tolerance + GAP_SLACK:
        return "optimal"
    return "feasible"
