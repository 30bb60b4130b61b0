"""POST /api/v2/solve: a model in JSON, MPS or LP text, with run options."""
from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator

from chalicelib.engine.linear_model import LinearModel
from chalicelib.engine.options import RunOptions, SolverChoice
from chalicelib.schemas.common import FiniteNumber, RequestModel

MAX_TEXT_MODEL_CHARS = 900_000


class SolveRequest(RequestModel):
    model_config = ConfigDict(populate_by_name=True)

    model: LinearModel | None = None
    """The model in JSON (variables, constraints, objective, parameters)."""
    mps: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT_MODEL_CHARS)
    """Or: the model as MPS text, fixed or free (long names, OBJSENSE, RANGES, MARKER, every
    bound type but SC; an RHS on the objective row is minus the objective constant). An unreadable
    file is a 400 naming the line. Conventions: docs/model-formats.md."""
    lp: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT_MODEL_CHARS)
    """Or: the model as LP text, in CPLEX LP format (`Maximize` ... `Subject To` ... `End`, as CPLEX,
    Gurobi, SCIP and HiGHS write it; default bounds [0, +inf)) or lp_solve syntax (`max: 3x + 2y;`,
    read as OR-Tools reads it: variables without a bound are free). An unreadable file is a 400
    naming the line. Conventions: docs/model-formats.md."""
    parameters: dict[str, FiniteNumber] = Field(default_factory=dict, max_length=10_000)
    """Overrides for the JSON model's named parameters."""
    solver: SolverChoice = "auto"
    """`glop`, `pdlp` (LPs only), `highs`, `scip`, `cp_sat` (integer variables only), or `auto`:
    the solver measured fastest for the model's class (docs/solver.md): GLOP for LPs, HiGHS for
    models with integer variables. The result's `solver` names the one that ran, with its version."""
    options: RunOptions = Field(default_factory=RunOptions)
    run_async: bool = Field(default=False, alias="async")
    """Queue the run: the answer is 202 with the execution id (the header `Prefer: respond-async`
    does the same); GET /executions/{execution_id} has the result once it ends."""

    @model_validator(mode="after")
    def _one_model(self) -> "SolveRequest":
        given = [name for name in ("model", "mps", "lp") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of `model`, `mps` or `lp`")
        if self.parameters and self.model is None:
            raise ValueError("`parameters` override a JSON model's parameters; MPS and LP have none")
        return self
