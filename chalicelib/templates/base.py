"""What a marketplace template is: metadata, an input model, an example and a solve function."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable

from pydantic import BaseModel

from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome


@dataclass(frozen=True)
class Template:
    name: str
    display_name: str
    description: str
    category: str
    tags: list[str]
    credits_per_execution: int
    input_model: type[BaseModel]
    example_input: dict[str, Any]
    solve: Callable[[Any, RunOptions], SolveOutcome] = field(repr=False)

    @functools.cached_property
    def input_schema(self) -> dict[str, Any]:
        """JSON Schema (draft 2020-12) generated from the pydantic input model."""
        return self.input_model.model_json_schema()

    def run(self, input_data: dict[str, Any], options: RunOptions) -> SolveOutcome:
        return self.solve(self.input_model.model_validate(input_data), options)
