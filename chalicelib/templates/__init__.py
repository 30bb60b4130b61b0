"""The marketplace: one module per model, imported only when that model is needed.

Importing every template would build every input model at cold start; a request
needs at most one of them.
"""
from __future__ import annotations

import importlib

from chalicelib.templates.base import Template

TEMPLATE_NAMES: tuple[str, ...] = (
    # logistics
    "warehouse_allocation",
    "tsp",
    "cvrp",
    "vrp_time_windows",
    "bin_packing",
    "capacitated_facility_location",
    # scheduling
    "job_shop",
    "employee_shift_scheduling",
    "project_scheduling",
    # combinatorial
    "knapsack",
    "assignment",
    "set_cover",
    "graph_coloring",
    "generalized_assignment",
    # finance
    "portfolio_optimization",
    "capital_budgeting",
    # production
    "blending",
    "production_planning",
    "cutting_stock",
)


def get_template(name: str | None) -> Template | None:
    if name not in TEMPLATE_NAMES:
        return None
    return importlib.import_module(f"{__name__}.{name}").TEMPLATE


def all_templates() -> list[Template]:
    return [get_template(name) for name in TEMPLATE_NAMES]
