"""What a queued run solves, written down so that any worker can solve it later.

A spec holds everything the solve needs (the template and its input, or the linear
model itself) and nothing that can change under it: a builder run carries the compiled
model of the version it was started with, not a reference to the document's canvas.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field, TypeAdapter

from chalicelib.engine.options import RunOptions, SolverChoice
from chalicelib.engine.result import SolveOutcome


class TemplateSpec(BaseModel):
    engine: Literal["template"] = "template"
    template: str
    input: dict[str, Any]
    options: RunOptions


class LinearSpec(BaseModel):
    engine: Literal["linear"] = "linear"
    model: dict[str, Any]
    """A LinearModel (JSON), parameters already in it or overridden by `parameters`."""
    parameters: dict[str, float] = Field(default_factory=dict)
    solver: SolverChoice = "auto"
    options: RunOptions
    origins: dict[str, str] = Field(default_factory=dict)
    """Constraint and variable names -> the canvas nodes they came from (builder runs), so that
    an explanation can point at the node."""


class TextSpec(BaseModel):
    engine: Literal["text"] = "text"
    format: Literal["mps", "lp"]
    text: str
    solver: SolverChoice = "auto"
    options: RunOptions


RunSpec = Annotated[Union[TemplateSpec, LinearSpec, TextSpec], Field(discriminator="engine")]
_SPEC = TypeAdapter(RunSpec)


def parse(data: dict[str, Any]) -> TemplateSpec | LinearSpec | TextSpec:
    return _SPEC.validate_python(data)


def solve(spec: TemplateSpec | LinearSpec | TextSpec) -> SolveOutcome:
    """Solve a spec in this process; errors in the spec surface as InputError/ModelError."""
    if isinstance(spec, TemplateSpec):
        from chalicelib.templates import get_template

        template = get_template(spec.template)
        if template is None:
            raise ValueError(f"unknown template {spec.template!r}")
        return template.solve(template.input_model.model_validate(spec.input), spec.options)

    from chalicelib.engine.generic import compile_model, compile_text, solve_model
    from chalicelib.engine.linear_model import LinearModel

    if isinstance(spec, LinearSpec):
        compiled = compile_model(LinearModel.model_validate(spec.model), spec.parameters)
        return solve_model(compiled, spec.options, spec.solver, spec.origins)
    return solve_model(compile_text(spec.text, spec.format), spec.options, spec.solver)
