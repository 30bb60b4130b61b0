"""POST /executions/compare: two finished runs of one model, or an experiment that runs two
versions of a builder document on the same parameters, and what changed between them."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine.options import RunOptions, SolverChoice
from chalicelib.engine.solution_diff import ChangeSet, Kpi, NumberDelta, SolutionChanges
from chalicelib.schemas.builder import MAX_PARAMETERS
from chalicelib.schemas.common import FiniteNumber, RequestModel

CURRENT = "current"
RunRef = Annotated[str, Field(min_length=1, max_length=256)]


class CompareRequest(RequestModel):
    """Either `execution_ids` (two finished runs of the same model), or an experiment:
    `document_id` + `version_ids`, run now on the same `parameters`."""

    execution_ids: list[RunRef] | None = Field(default=None, min_length=2, max_length=2)
    """Two different runs (`exc_...`) of the same model: the same organization model or template,
    the same builder document, or both POST /solve (or both MathOpt) runs. Run A first."""
    document_id: str | None = Field(default=None, max_length=128)
    """Experiment: the builder document (`doc_...`) whose versions run."""
    version_ids: list[RunRef] | None = Field(default=None, min_length=2, max_length=2)
    """Experiment: two different versions, each a version id (`ver_...`, named or checkpoint) or
    `"current"` (the document's saved canvas). Both run, charged and recorded like
    POST /builder/{document_id}/execute."""
    parameters: dict[str, FiniteNumber] = Field(default_factory=dict, max_length=MAX_PARAMETERS)
    """Experiment: parameter values given to both versions."""
    solver: SolverChoice = "auto"
    """Experiment: the solver for both runs."""
    options: RunOptions = Field(default_factory=RunOptions)
    """Experiment: run options for both runs (each gets the full time limit)."""

    @model_validator(mode="after")
    def _one_form(self) -> "CompareRequest":
        experiment = self.document_id is not None or self.version_ids is not None
        if self.execution_ids is None and not experiment:
            raise ValueError("give execution_ids (two runs), or document_id and version_ids (an experiment)")
        if self.execution_ids is not None and experiment:
            raise ValueError("give execution_ids or an experiment (document_id, version_ids), not both")
        if self.execution_ids is not None:
            extras = [name for name in ("parameters", "solver", "options") if name in self.model_fields_set]
            if extras:
                raise ValueError(f"{', '.join(extras)} apply only to an experiment (document_id, version_ids)")
            if self.execution_ids[0] == self.execution_ids[1]:
                raise ValueError("compare two different executions: both ids are the same")
        else:
            if self.document_id is None or self.version_ids is None:
                raise ValueError("an experiment needs both document_id and version_ids")
            if self.version_ids[0] == self.version_ids[1]:
                raise ValueError("compare two different versions: both version_ids are the same")
        return self


COMPARISON_EXAMPLE = {
    "a": {"execution_id": "exc_01m8q2aknhy8n76ecmyt4s7vdb", "status": "succeeded", "kind": "model",
          "solve_status": "optimal", "objective_value": 335.0, "best_bound": 335.0, "gap": 0.0,
          "solver": "CP-SAT (OR-Tools 9.15.6755)", "solve_time_ms": 19, "credits_used": 2,
          "model_id": "exe_ie9m6f99xx87uudi", "template": "knapsack", "document_id": None, "version_id": None,
          "sequence": None, "created_at": "2026-11-30T20:28:46Z"},
    "b": {"execution_id": "exc_01m8q2antg5rtzz0ekkgyyzqnb", "status": "succeeded", "kind": "model",
          "solve_status": "optimal", "objective_value": 300.0, "best_bound": 300.0, "gap": 0.0,
          "solver": "CP-SAT (OR-Tools 9.15.6755)", "solve_time_ms": 3, "credits_used": 2,
          "model_id": "exe_ie9m6f99xx87uudi", "template": "knapsack", "document_id": None, "version_id": None,
          "sequence": None, "created_at": "2026-11-30T20:28:48Z"},
    "execution_ids": ["exc_01m8q2aknhy8n76ecmyt4s7vdb", "exc_01m8q2antg5rtzz0ekkgyyzqnb"],
    "experiment": False, "model_id": "exe_ie9m6f99xx87uudi", "template": "knapsack", "document_id": None,
    "objective": {"a": 335.0, "b": 300.0, "delta": -35.0, "relative_delta": -0.1044776119402985},
    "kpis": [{"name": "total_value", "a": 335.0, "b": 300.0, "delta": -35.0, "relative_delta": -0.1044776119402985}],
    "input_changes": {"changes": [{"change": "changed", "subject": 'resources[name="weight_kg"].capacity',
                                   "a": 20, "b": 15, "delta": -5.0,
                                   "description": 'resources[name="weight_kg"].capacity: 20 → 15'}],
                      "count": 1, "truncated": False, "counts": {"changed": 1}},
    "solution_changes": {"kind": "selection", "shapes": ["selection"], "changes": [
        {"change": "entered", "subject": "Book", "a": None, "b": 1, "delta": None,
         "description": "item Book is now packed"},
        {"change": "entered", "subject": "Folding chair", "a": None, "b": 1, "delta": None,
         "description": "item Folding chair is now packed"},
        {"change": "exited", "subject": "Tent", "a": 1, "b": None, "delta": None,
         "description": "item Tent is no longer packed"},
        {"change": "quantity_changed", "subject": "Water bottle", "a": 2, "b": 3, "delta": 1.0,
         "description": "item Water bottle: 2 → 3 copies"}],
        "count": 4, "truncated": False, "counts": {"entered": 2, "exited": 1, "quantity_changed": 1}},
    "summary": "Objective fell 10.4% (335 → 300). 2 items are now packed (Book, Folding chair); 1 item is no "
               "longer packed (Tent); 1 item has another number of copies. Input changes: "
               'resources[name="weight_kg"].capacity: 20 → 15.',
}
"""Two knapsack runs, the second with less weight allowed (docs/compare.md has the request)."""


class RunSide(BaseModel):
    """One of the two runs, as recorded."""

    execution_id: str
    status: Literal["queued", "running", "succeeded", "failed", "canceled"]
    """The run's lifecycle status (always ended here)."""
    kind: Literal["model", "solve", "builder", "mathopt"]
    solve_status: str | None = None
    """The optimization status: optimal, feasible, infeasible, unbounded, time_limit, error."""
    objective_value: float | None = None
    best_bound: float | None = None
    gap: float | None = None
    solver: str | None = None
    solve_time_ms: int | None = None
    credits_used: int
    model_id: str | None = None
    template: str | None = None
    document_id: str | None = None
    version_id: str | None = None
    sequence: int | None = None
    created_at: str


class ExecutionComparison(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": COMPARISON_EXAMPLE})

    a: RunSide
    b: RunSide
    execution_ids: list[str]
    """[A, B]: for an experiment, the two runs it made (A ran version_ids[0])."""
    experiment: bool
    """True when this request ran the two versions."""
    model_id: str | None = None
    """The organization model both ran, when they ran one."""
    template: str | None = None
    document_id: str | None = None
    objective: NumberDelta
    kpis: list[Kpi]
    """Numeric fields at the top of both solutions: b - a, and relative to a."""
    input_changes: ChangeSet
    """The two inputs as sent, diffed as JSON (named list entries matched by name)."""
    solution_changes: SolutionChanges
    """What changed in the solution, in the terms of its shape (routes, shifts, selection...)."""
    summary: str
    """A few sentences a person can read."""
