"""Capital budgeting.

Choose which projects to fund so that the total net present value (NPV) is as large as
possible while every period's spending stays within its budget.

    maximize    sum_j npv[j] * fund[j]
    subject to  sum_j cost[j][t] * fund[j] <= budget[t]                  for every period t
                (with carry_over: sum_{u<=t} spend[u] <= sum_{u<=t} budget[u] instead)
                fund[j] <= fund[k]            for every project k that project j requires
                sum_{j in group} fund[j] <= 1 for every mutually exclusive group
                fund[j] == 1                  for every mandatory project
                fund[j] in {0, 1}

Costs are the cash each project needs in each period (missing periods cost nothing), in the
same currency as the budgets and the NPVs. With `carry_over_unspent`, money not spent in a
period stays available in later periods. Solved as a MIP with SCIP.

Only the projects that must be funded (mandatory ones and everything they require) can make a
run infeasible, and funding exactly them is a plan whenever they fit the budgets and no two
share an exclusive group: so two data checks explain every infeasible run, with the projects
and amounts. A solved run names the periods whose budget is spent to the last unit.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import linear
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule, number

MAX_COST_ENTRIES = 200_000


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Period name (for example "2026" or "Q3"), unique within the input; periods are listed in time order."""
    budget: float = Field(ge=0, le=1e15)
    """Money available for projects in this period, in currency."""


class Project(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Project name, unique within the input."""
    npv: float = Field(ge=-1e15, le=1e15)
    """Net present value of the project when funded, in currency."""
    costs: dict[str, Annotated[float, Field(ge=0, le=1e15)]] = Field(default_factory=dict, max_length=1000)
    """Cash the project needs in each period, keyed by period name, in currency; missing periods cost 0."""
    requires: list[str] = Field(default_factory=list, max_length=1000)
    """Projects that must also be funded if this one is (prerequisites)."""
    mandatory: bool = False
    """The project must be funded (regulatory or committed work)."""


class CapitalBudgetingInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    periods: list[Period] = Field(min_length=1, max_length=200)
    """Budget periods, in time order."""
    projects: list[Project] = Field(min_length=1, max_length=5000)
    """Candidate projects."""
    exclusive_groups: list[list[str]] = Field(default_factory=list, max_length=1000)
    """Groups of alternative projects of which at most one may be funded."""
    carry_over_unspent: bool = False
    """Money not spent in a period remains available in later periods."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "CapitalBudgetingInput":
        for kind, entries in (("period", self.periods), ("project", self.projects)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        if sum(len(project.costs) for project in self.projects) > MAX_COST_ENTRIES:
            raise ValueError(f"at most {MAX_COST_ENTRIES:,} project-period costs per run")
        periods = {period.name for period in self.periods}
        projects = {project.name for project in self.projects}
        for project in self.projects:
            unknown = sorted(set(project.costs) - periods)
            if unknown:
                raise ValueError(f"project '{project.name}' has costs in unknown periods: {', '.join(unknown[:20])}")
            unknown = sorted(set(project.requires) - projects)
            if unknown:
                raise ValueError(f"project '{project.name}' requires unknown projects: {', '.join(unknown[:20])}")
            if project.name in project.requires:
                raise ValueError(f"project '{project.name}' requires itself")
        for group in self.exclusive_groups:
            unknown = sorted(set(group) - projects)
            if unknown:
                raise ValueError(f"exclusive group {group} names unknown projects: {', '.join(unknown[:20])}")
        by_name = {project.name: project for project in self.projects}
        for name in sorted(_forced_projects(self)):
            project = by_name[name]
            for period in self.periods:
                if not self.carry_over_unspent and project.costs.get(period.name, 0) > period.budget * (1 + 1e-9):
                    raise ValueError(f"project '{name}' must be funded (mandatory or required by a mandatory "
                                     f"project) but costs {project.costs[period.name]:g} in period "
                                     f"{period.name}, above that period's budget {period.budget:g}")
        return self


def solve(data: CapitalBudgetingInput, options: RunOptions) -> SolveOutcome:
    """The selection of highest NPV and the budgets it exhausts; when none exists, why."""
    conflicts = _forced_conflicts(data)
    if conflicts:
        return explain_rules.infeasible_outcome(
            conflicts, summary=f"No selection is possible: {conflicts[0].sentence}.", minimal=len(conflicts) == 1,
            solver="budget pre-check", message=f"No selection is possible: {conflicts[0].sentence}.")
    return _optimize(data, options)


def _forced_conflicts(data: CapitalBudgetingInput) -> list[Rule]:
    """Exclusive groups holding two projects that must be funded, then periods whose budget (or,
    with carry-over, whose budgets so far) the projects that must be funded exceed."""
    forced = _forced_projects(data)
    by_name = {project.name: project for project in data.projects}
    found = []
    for group in data.exclusive_groups:
        both = [name for name in dict.fromkeys(group) if name in forced]
        if len(both) > 1:
            found.append(Rule(f"exclusive: {' / '.join(both)}",
                              f"{' and '.join(both)} must {'both' if len(both) == 2 else 'all'} be funded "
                              f"({_why_forced(data, both)}) but at most one "
                              f"of {', '.join(dict.fromkeys(group))} may be"))
    if found:
        return found
    position = {project.name: j for j, project in enumerate(data.projects)}
    names = sorted(forced, key=position.__getitem__)
    spent = budget = 0.0
    for period in data.periods:
        need = sum(by_name[name].costs.get(period.name, 0.0) for name in names)
        spent, budget = (spent + need, budget + period.budget) if data.carry_over_unspent else (need, period.budget)
        if spent > budget * (1 + 1e-9) + 1e-9:
            users = [name for name in names if by_name[name].costs.get(period.name)]
            found.append(Rule(
                f"budget: {period.name}",
                f"the mandatory projects and their prerequisites ({', '.join(users[:10])}) need {number(spent)} "
                + (f"by the end of {period.name}; the budgets up to then total {number(budget)}"
                   if data.carry_over_unspent else f"in {period.name}; its budget is {number(budget)}")))
    return found


def _why_forced(data: CapitalBudgetingInput, names: list[str]) -> str:
    mandatory = {project.name for project in data.projects if project.mandatory}
    return "; ".join(f"{name} is mandatory" if name in mandatory else f"{name} is required by a mandatory project"
                     for name in names)


def _optimize(data: CapitalBudgetingInput, options: RunOptions) -> SolveOutcome:
    # Data: spending of each project per period, in period order.
    periods, projects = data.periods, data.projects
    index = {project.name: j for j, project in enumerate(projects)}
    spend = [[project.costs.get(period.name, 0.0) for period in periods] for project in projects]
    solver = linear.create_solver("SCIP")

    # Variables: fund[j] is 1 when project j is funded.
    fund = [solver.BoolVar(f"fund[{j}]") for j in range(len(projects))]

    # Constraints: budgets (per period, or cumulative with carry-over); prerequisites;
    # mutually exclusive groups; mandatory projects.
    for t in range(len(periods)):
        window = range(t + 1) if data.carry_over_unspent else range(t, t + 1)
        terms = [spend[j][u] * fund[j] for j in range(len(projects)) for u in window if spend[j][u]]
        if terms:
            solver.Add(sum(terms) <= sum(periods[u].budget for u in window))
    for j, project in enumerate(projects):
        for name in project.requires:
            solver.Add(fund[j] <= fund[index[name]])
        if project.mandatory:
            solver.Add(fund[j] == 1)
    for group in data.exclusive_groups:
        solver.Add(sum(fund[index[name]] for name in set(group)) <= 1)

    # Objective: total NPV of the funded projects.
    solver.Maximize(sum(project.npv * fund[j] for j, project in enumerate(projects)))

    # Solve.
    run = linear.solve(solver, options, is_mip=True)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=_MESSAGES.get(run["status"]))

    # Readable output.
    funded = [j for j in range(len(projects)) if fund[j].solution_value() > 0.5]
    funded_set = set(funded)
    budget_use, carried = [], 0.0
    for t, period in enumerate(periods):
        spent = sum(spend[j][t] for j in funded)
        available = period.budget + (carried if data.carry_over_unspent else 0.0)
        carried = available - spent
        budget_use.append({"period": period.name, "budget": period.budget, "available": round(available, 6),
                           "spent": round(spent, 6), "unspent": round(available - spent, 6)})
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_npv": round(sum(projects[j].npv for j in funded), 6),
            "total_spent": round(sum(spend[j][t] for j in funded for t in range(len(periods))), 6),
            "funded_projects": [{"project": projects[j].name, "npv": projects[j].npv,
                                 "costs": {periods[t].name: spend[j][t] for t in range(len(periods)) if spend[j][t]}}
                                for j in funded],
            "not_funded": [p.name for j, p in enumerate(projects) if j not in funded_set],
            "budgets": budget_use,
        },
        message=_MESSAGES.get(run["status"]),
    )
    return _explain_budgets(data, outcome, budget_use)


def _explain_budgets(data: CapitalBudgetingInput, outcome: SolveOutcome, budget_use: list[dict]) -> SolveOutcome:
    """Periods whose available money is spent to the last unit, the largest first."""
    spent_out = [row for row in budget_use
                 if row["available"] > 0 and abs(row["unspent"]) <= 1e-6 * max(1.0, row["available"])]
    spent_out.sort(key=lambda row: -row["spent"])
    binding = [Binding(name=f"budget: {row['period']}", kind="rule", slack=0.0,
                       sentence=f"all {number(row['available'])} available in {row['period']} is spent"
                                + (" (its budget plus what earlier periods left)" if data.carry_over_unspent
                                   and row["available"] != row["budget"] else ""))
               for row in spent_out[:5]]
    if not binding:
        return outcome
    summary = (f"The budget binds in {len(spent_out)} of {len(budget_use)} period(s): another project would need "
               "money there.")
    return explain_rules.with_binding(outcome, binding, summary)


def _forced_projects(data: CapitalBudgetingInput) -> set[str]:
    """Mandatory projects and everything they require, directly or indirectly."""
    requires = {project.name: project.requires for project in data.projects}
    forced = {project.name for project in data.projects if project.mandatory}
    stack = list(forced)
    while stack:
        for name in requires[stack.pop()]:
            if name not in forced:
                forced.add(name)
                stack.append(name)
    return forced


_MESSAGES = {
    "infeasible": "No selection satisfies the budgets: the mandatory projects and their prerequisites "
                  "cost more than the budgets allow, or they conflict with an exclusive group.",
    "time_limit": "No selection was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the selection is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="capital_budgeting",
    display_name="Capital Budgeting",
    description="Select the projects that maximize total NPV within multi-period budgets, honoring "
                "prerequisites, mutually exclusive alternatives, mandatory projects and budget carry-over.",
    category="finance",
    tags=["capital budgeting", "project selection", "investment", "finance", "mip"],
    credits_per_execution=3,
    input_model=CapitalBudgetingInput,
    example_input={
        "periods": [
            {"name": "2026", "budget": 500000},
            {"name": "2027", "budget": 400000},
            {"name": "2028", "budget": 300000},
        ],
        "projects": [
            {"name": "ERP upgrade", "npv": 320000, "costs": {"2026": 250000, "2027": 100000}},
            {"name": "Data warehouse", "npv": 210000, "costs": {"2026": 120000, "2027": 80000},
             "requires": ["ERP upgrade"]},
            {"name": "New warehouse (north)", "npv": 400000, "costs": {"2026": 200000, "2027": 200000,
                                                                       "2028": 100000}},
            {"name": "New warehouse (south)", "npv": 360000, "costs": {"2026": 150000, "2027": 180000,
                                                                       "2028": 120000}},
            {"name": "Solar roof", "npv": 90000, "costs": {"2027": 60000, "2028": 40000}},
            {"name": "Safety compliance", "npv": 0, "costs": {"2026": 50000}, "mandatory": True},
            {"name": "Fleet electrification", "npv": 150000, "costs": {"2027": 90000, "2028": 110000}},
        ],
        "exclusive_groups": [["New warehouse (north)", "New warehouse (south)"]],
    },
    solve=solve,
)
