"""Set cover.

Choose the cheapest collection of candidate sets (crews, facility sites, sensor positions,
shifts, ...) so that every element is covered at least the number of times it needs.

    minimize    sum_s cost[s] * pick[s]
    subject to  sum_{s covers e} pick[s] >= min_cover[e]     for every element e
                pick[s] in {0, 1}

With every `min_cover` 1 this is the classic weighted set cover problem (OR-Library's scp
family); larger values give set multi-cover. Costs may be decimals. Solved as a MIP with SCIP.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import linear
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates.base import Template

MAX_MEMBERSHIPS = 500_000


class Element(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Element (customer, zone, requirement, ...) name, unique within the input."""
    min_cover: int = Field(default=1, ge=1, le=100)
    """How many chosen sets must cover this element."""


class CandidateSet(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Set name, unique within the input."""
    cost: float = Field(ge=0, le=1e9)
    """Cost of choosing this set, in currency units."""
    covers: list[str] = Field(min_length=1, max_length=20_000)
    """Names of the elements this set covers."""


class SetCoverInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    elements: list[Element] = Field(min_length=1, max_length=20_000)
    """Elements that must be covered."""
    sets: list[CandidateSet] = Field(min_length=1, max_length=20_000)
    """Candidate sets to choose from."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "SetCoverInput":
        for kind, entries in (("element", self.elements), ("set", self.sets)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        if sum(len(candidate.covers) for candidate in self.sets) > MAX_MEMBERSHIPS:
            raise ValueError(f"at most {MAX_MEMBERSHIPS:,} set-element memberships per run")
        known = {element.name for element in self.elements}
        coverers: dict[str, int] = dict.fromkeys(known, 0)
        for candidate in self.sets:
            unknown = sorted(set(candidate.covers) - known)
            if unknown:
                raise ValueError(f"set '{candidate.name}' covers unknown elements: {', '.join(unknown[:20])}")
            for name in set(candidate.covers):
                coverers[name] += 1
        short = [f"{e.name} (needs {e.min_cover}, covered by {coverers[e.name]})"
                 for e in self.elements if coverers[e.name] < e.min_cover]
        if short:
            raise ValueError("these elements cannot be covered often enough by the candidate sets: "
                             + "; ".join(short[:20]))
        return self


def solve(data: SetCoverInput, options: RunOptions) -> SolveOutcome:
    # Data: for every element, the sets that cover it.
    elements, sets = data.elements, data.sets
    element_index = {element.name: e for e, element in enumerate(elements)}
    covered_by: list[list[int]] = [[] for _ in elements]
    for s, candidate in enumerate(sets):
        for name in set(candidate.covers):
            covered_by[element_index[name]].append(s)
    solver = linear.create_solver("SCIP")

    # Variables: pick[s] is 1 when set s is chosen.
    pick = [solver.BoolVar(f"pick[{s}]") for s in range(len(sets))]

    # Constraints: every element covered often enough.
    for e, element in enumerate(elements):
        solver.Add(sum(pick[s] for s in covered_by[e]) >= element.min_cover)

    # Objective: total cost of the chosen sets.
    solver.Minimize(sum(candidate.cost * pick[s] for s, candidate in enumerate(sets)))

    # Solve.
    run = linear.solve(solver, options, is_mip=True)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output.
    chosen = [s for s in range(len(sets)) if pick[s].solution_value() > 0.5]
    chosen_set = set(chosen)
    coverage = [
        {"element": element.name, "min_cover": element.min_cover,
         "covered_by": [sets[s].name for s in covered_by[e] if s in chosen_set]}
        for e, element in enumerate(elements)
    ]
    total_cost = sum(sets[s].cost for s in chosen)
    return SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_cost": round(total_cost, 9),
            "sets_chosen": [{"set": sets[s].name, "cost": sets[s].cost, "covers": sorted(set(sets[s].covers))}
                            for s in chosen],
            "number_of_sets": len(chosen),
            "coverage": coverage,
        },
        message=_MESSAGES.get(run["status"]),
    )


_MESSAGES = {
    "infeasible": "The candidate sets cannot cover every element as often as required.",
    "time_limit": "No cover was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the cover is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="set_cover",
    display_name="Set Cover Optimizer",
    description="Choose the cheapest combination of candidate sets (sites, crews, shifts, sensors) that "
                "covers every required element at least once, or as often as each requires.",
    category="combinatorial",
    tags=["set cover", "coverage", "location", "crew selection", "combinatorial", "mip"],
    credits_per_execution=3,
    input_model=SetCoverInput,
    example_input={
        "elements": [
            {"name": "North"}, {"name": "South"}, {"name": "East"}, {"name": "West"},
            {"name": "Center", "min_cover": 2}, {"name": "Harbor"}, {"name": "Airport"},
        ],
        "sets": [
            {"name": "Station A", "cost": 120, "covers": ["North", "Center", "East"]},
            {"name": "Station B", "cost": 95, "covers": ["South", "Center", "Harbor"]},
            {"name": "Station C", "cost": 80, "covers": ["East", "Airport"]},
            {"name": "Station D", "cost": 60, "covers": ["West", "Center"]},
            {"name": "Station E", "cost": 150, "covers": ["North", "West", "Airport", "Center"]},
            {"name": "Station F", "cost": 40, "covers": ["Harbor", "South"]},
            {"name": "Station G", "cost": 70, "covers": ["North", "East"]},
        ],
    },
    solve=solve,
)
