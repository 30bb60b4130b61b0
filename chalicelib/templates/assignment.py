"""Assignment.

Give every task to exactly one worker so that the total cost is as low as possible (or the
total value as high as possible), respecting how many tasks each worker may take.

    minimize    sum_{w,t} cost[w][t] * x[w][t]
    subject to  sum_w x[w][t] == 1                                for every task t
                min_tasks[w] <= sum_t x[w][t] <= max_tasks[w]     for every worker w
                x[w][t] in {0, 1}, only where worker w lists a cost for task t

A pair without a cost is not allowed (the worker cannot do that task). With `max_tasks` 1 for
everyone this is the classic (linear sum) assignment problem; larger `max_tasks` turn it into
a generalized assignment with task counts. Costs may be decimals and negative. Solved with
CP-SAT.

A worker with more tasks that only they can do than their max_tasks is named with the tasks;
other infeasible runs name the tasks and worker limits that conflict, found by re-solving
without some of them (chalicelib/templates/explain_rules.py).
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule

MAX_PAIRS = 200_000


class Worker(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Worker (person, machine, vehicle, team) name, unique within the input."""
    costs: dict[str, Annotated[float, Field(ge=-1e9, le=1e9)]] = Field(min_length=1, max_length=5000)
    """Cost (or value, when maximizing) of this worker doing each task, keyed by task name, in
    currency or score units. Tasks left out cannot be done by this worker."""
    max_tasks: int = Field(default=1, ge=1, le=5000)
    """Most tasks this worker may take."""
    min_tasks: int = Field(default=0, ge=0, le=5000)
    """Fewest tasks this worker must take (0: the worker may stay idle)."""


class Task(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Task name, unique within the input."""


class AssignmentInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    workers: list[Worker] = Field(min_length=1, max_length=5000)
    """Workers with the tasks they can do and what each costs."""
    tasks: list[Task] = Field(min_length=1, max_length=5000)
    """Tasks; each is given to exactly one worker."""
    objective: Literal["minimize", "maximize"] = "minimize"
    """"minimize" total cost, or "maximize" total value (costs then read as values or preferences)."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "AssignmentInput":
        for kind, entries in (("worker", self.workers), ("task", self.tasks)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates)}")
        if sum(len(worker.costs) for worker in self.workers) > MAX_PAIRS:
            raise ValueError(f"at most {MAX_PAIRS:,} worker-task costs per run")
        task_names = {task.name for task in self.tasks}
        for worker in self.workers:
            unknown = sorted(set(worker.costs) - task_names)
            if unknown:
                raise ValueError(f"worker '{worker.name}' lists costs for unknown tasks: {', '.join(unknown)}")
            if worker.min_tasks > worker.max_tasks:
                raise ValueError(f"worker '{worker.name}' has min_tasks {worker.min_tasks} above "
                                 f"max_tasks {worker.max_tasks}")
            if worker.min_tasks > len(worker.costs):
                raise ValueError(f"worker '{worker.name}' must take {worker.min_tasks} task(s) but can do "
                                 f"only {len(worker.costs)}")
        capable = {name for worker in self.workers for name in worker.costs}
        orphans = [task.name for task in self.tasks if task.name not in capable]
        if orphans:
            raise ValueError("no worker can do these tasks (no worker lists a cost for them): " + ", ".join(orphans))
        capacity = sum(worker.max_tasks for worker in self.workers)
        if capacity < len(self.tasks):
            raise ValueError(f"{len(self.tasks)} tasks need assigning but the workers can take only "
                             f"{capacity} in total (sum of max_tasks)")
        required = sum(worker.min_tasks for worker in self.workers)
        if required > len(self.tasks):
            raise ValueError(f"the workers' min_tasks add up to {required}, more than the {len(self.tasks)} tasks")
        return self


def solve(data: AssignmentInput, options: RunOptions) -> SolveOutcome:
    """The best assignment; when none exists, the tasks and worker limits that conflict."""
    able: dict[str, list[str]] = {}
    for worker in data.workers:
        for task in worker.costs:
            able.setdefault(task, []).append(worker.name)
    sole: dict[str, list[str]] = {}
    for task in data.tasks:
        if len(able[task.name]) == 1:
            sole.setdefault(able[task.name][0], []).append(task.name)
    too_many = [Rule(f"task limit: worker {worker.name}",
                     f"only {worker.name} can do {', '.join(sole[worker.name][:10])} "
                     f"({len(sole[worker.name])} tasks), but {worker.name} may take at most {worker.max_tasks}")
                for worker in data.workers if len(sole.get(worker.name, [])) > worker.max_tasks]
    if too_many:
        summary = f"No assignment is possible: {too_many[0].sentence}."
        return explain_rules.infeasible_outcome(too_many, summary=summary, minimal=len(too_many) == 1,
                                                solver="task limit pre-check", message=_MESSAGES["infeasible"])
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    groups = [("task", t) for t in range(len(data.tasks))]
    rules = [Rule(f"task: {task.name}", f"{task.name} must go to one of {', '.join(able[task.name][:10])}")
             for task in data.tasks]
    for w, worker in enumerate(data.workers):
        if worker.max_tasks < len(worker.costs):
            groups.append(("max", w))
            rules.append(Rule(f"task limit: worker {worker.name}",
                              f"{worker.name} takes at most {worker.max_tasks} task(s)"))
        if worker.min_tasks > 0:
            groups.append(("min", w))
            rules.append(Rule(f"minimum: worker {worker.name}",
                              f"{worker.name} takes at least {worker.min_tasks} task(s)"))

    def is_feasible(active: list[int]) -> bool | None:
        dropped = explain_rules.dropped_groups(groups, active)
        tasks = [task for t, task in enumerate(data.tasks) if ("task", t) not in dropped]
        names = {task.name for task in tasks}
        workers = [worker.model_copy(update={
            "costs": {name: 0.0 for name in worker.costs if name in names},
            "max_tasks": len(worker.costs) if ("max", w) in dropped else worker.max_tasks,
            "min_tasks": 0 if ("min", w) in dropped else worker.min_tasks}) for w, worker in enumerate(data.workers)]
        if any(worker.min_tasks > len(worker.costs) for worker in workers):
            return False
        if not tasks:
            return not any(worker.min_tasks for worker in workers)
        probe = _optimize(data.model_copy(update={"tasks": tasks, "workers": workers}),
                          explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="assignment")


def _optimize(data: AssignmentInput, options: RunOptions) -> SolveOutcome:
    from ortools.sat.python import cp_model

    # Data: allowed (worker, task) pairs and costs scaled to integers.
    workers, tasks = data.workers, data.tasks
    task_index = {task.name: t for t, task in enumerate(tasks)}
    pairs = [(w, task_index[name], cost) for w, worker in enumerate(workers) for name, cost in worker.costs.items()]
    scale = cpsat.scale_factor([cost for _, _, cost in pairs])
    model = cp_model.CpModel()

    # Variables: x[(w, t)] is 1 when worker w does task t.
    x = {(w, t): model.new_bool_var(f"x[{w},{t}]") for w, t, _ in pairs}

    # Constraints: each task done once; each worker within its task counts.
    by_task: list[list] = [[] for _ in tasks]
    by_worker: list[list] = [[] for _ in workers]
    for (w, t), var in x.items():
        by_task[t].append(var)
        by_worker[w].append(var)
    for t in range(len(tasks)):
        model.add_exactly_one(by_task[t])
    for w, worker in enumerate(workers):
        model.add_linear_constraint(sum(by_worker[w]), worker.min_tasks, worker.max_tasks)

    # Objective: total cost (or value).
    total = sum(round(cost * scale) * x[w, t] for w, t, cost in pairs)
    if data.objective == "maximize":
        model.maximize(total)
    else:
        model.minimize(total)

    # Solve.
    solver, run = cpsat.solve(model, options, objective_scale=scale)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output.
    chosen = {t: (w, cost) for w, t, cost in pairs if solver.boolean_value(x[w, t])}
    assignments = [{"task": task.name, "worker": workers[chosen[t][0]].name, "cost": chosen[t][1]}
                   for t, task in enumerate(tasks)]
    per_worker = [{"worker": worker.name, "tasks": [], "cost": 0.0} for worker in workers]
    for t, (w, cost) in chosen.items():
        per_worker[w]["tasks"].append(tasks[t].name)
        per_worker[w]["cost"] = round(per_worker[w]["cost"] + cost, 9)
    total_cost = round(sum(a["cost"] for a in assignments), 9)
    return SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_value" if data.objective == "maximize" else "total_cost": total_cost,
            "assignments": assignments,
            "workers": per_worker,
            "idle_workers": [entry["worker"] for entry in per_worker if not entry["tasks"]],
        },
        message=_MESSAGES.get(run["status"]),
    )


_MESSAGES = {
    "infeasible": "No assignment gives every task a worker within the workers' task limits "
                  "(some workers are wanted by more tasks than they can take).",
    "time_limit": "No assignment was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the assignment is feasible, not proven optimal.",
}

TEMPLATE = Template(
    name="assignment",
    display_name="Worker-Task Assignment",
    description="Assign tasks to workers, machines or vehicles at the lowest total cost (or highest total "
                "preference), with per-worker task limits and pairs that are not allowed.",
    category="combinatorial",
    tags=["assignment", "matching", "staffing", "combinatorial", "cp-sat"],
    credits_per_execution=2,
    input_model=AssignmentInput,
    example_input={
        "workers": [
            {"name": "Alice", "costs": {"Wiring": 90, "Painting": 76, "Plumbing": 75, "Tiling": 70}},
            {"name": "Bob", "costs": {"Wiring": 35, "Painting": 85, "Plumbing": 55, "Tiling": 65}},
            {"name": "Carmen", "costs": {"Wiring": 125, "Painting": 95, "Plumbing": 90, "Tiling": 105}},
            {"name": "Deepak", "costs": {"Wiring": 45, "Painting": 110, "Plumbing": 95, "Tiling": 115}},
            {"name": "Erin", "costs": {"Painting": 50, "Tiling": 100}},
        ],
        "tasks": [{"name": "Wiring"}, {"name": "Painting"}, {"name": "Plumbing"}, {"name": "Tiling"}],
    },
    solve=solve,
)
