"""Generalized assignment.

Give every job to exactly one agent so that the total cost is as low as possible (or the total
profit as high as possible) while the jobs given to each agent fit within its capacity. Unlike
plain assignment, what a job takes out of an agent's capacity depends on the agent: a slower
machine needs more hours for the same order, a farther truck more kilometres.

    minimize    sum_{a,j} cost[a][j] * x[a][j]
    subject to  sum_a x[a][j] == 1                           for every job j
                sum_j load[a][j] * x[a][j] <= capacity[a]    for every agent a
                x[a][j] in {0, 1}, only where job j lists agent a

Loads and capacities share each agent's own unit (hours, kg, km) and may have decimals: they
are scaled to whole numbers (loads rounded up and capacities down beyond 6 decimals, so that
a reported assignment always fits). Costs may have decimals and be negative. Solved with CP-SAT.

An agent overloaded by the jobs that only it can take is named with the loads; other
infeasible runs name the jobs and capacities that conflict, found by re-solving without some of
them (chalicelib/templates/explain_rules.py). A solved run names the agents used to capacity.
"""
from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule, number

MAX_PAIRS = 200_000


class Agent(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Agent (machine, truck, team, person) name, unique within the input."""
    capacity: float = Field(ge=0, le=1e9)
    """What the agent can take in total, in its own unit (hours, kg, km)."""


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    cost: float = Field(ge=-1e9, le=1e9)
    """Cost (or profit, when maximizing) of this agent doing the job, in currency or score units."""
    load: float = Field(ge=0, le=1e9)
    """Capacity the job takes from this agent, in the agent's unit."""


class Job(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Job name, unique within the input."""
    options: dict[str, Option] = Field(min_length=1, max_length=5000)
    """The agents that can do this job, keyed by agent name, with what it costs and takes there.
    Agents left out cannot do the job."""


class GeneralizedAssignmentInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    agents: list[Agent] = Field(min_length=1, max_length=5000)
    """Agents with their capacities."""
    jobs: list[Job] = Field(min_length=1, max_length=20_000)
    """Jobs; each goes to exactly one agent."""
    objective: Literal["minimize", "maximize"] = "minimize"
    """"minimize" total cost, or "maximize" total profit (costs then read as profits)."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "GeneralizedAssignmentInput":
        for kind, entries in (("agent", self.agents), ("job", self.jobs)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        pairs = sum(len(job.options) for job in self.jobs)
        if pairs > MAX_PAIRS:
            raise ValueError(f"at most {MAX_PAIRS:,} job-agent options per run; got {pairs:,}")
        capacity = {agent.name: agent.capacity for agent in self.agents}
        for job in self.jobs:
            unknown = sorted(set(job.options) - set(capacity))
            if unknown:
                raise ValueError(f"job '{job.name}' lists unknown agents: {', '.join(unknown[:20])}")
            if all(option.load > capacity[name] for name, option in job.options.items()):
                raise ValueError(f"job '{job.name}' fits no agent: its load exceeds the capacity of every "
                                 "agent that can do it")
        return self


def solve(data: GeneralizedAssignmentInput, options: RunOptions) -> SolveOutcome:
    """The best assignment and the agents it fills; when none exists, the jobs and capacities that conflict."""
    capacity = {agent.name: agent.capacity for agent in data.agents}
    only: dict[str, list[tuple[str, float]]] = {}
    for job in data.jobs:
        fitting = [name for name, option in job.options.items() if option.load <= capacity[name]]
        if len(fitting) == 1:
            only.setdefault(fitting[0], []).append((job.name, job.options[fitting[0]].load))
    overloaded = [Rule(f"capacity: agent {name}",
                       f"jobs {', '.join(job for job, _ in jobs[:10])} fit only {name} and need "
                       f"{number(sum(load for _, load in jobs))} of it together; "
                       f"its capacity is {number(capacity[name])}")
                  for name, jobs in only.items() if sum(load for _, load in jobs) > capacity[name] * (1 + 1e-9)]
    if overloaded:
        summary = f"No assignment fits: {overloaded[0].sentence}."
        return explain_rules.infeasible_outcome(overloaded, summary=summary, minimal=len(overloaded) == 1,
                                                solver="capacity pre-check", message=_MESSAGES["infeasible"])
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    rules = [Rule(f"job: {job.name}", f"{job.name} must go to one of " + ", ".join(job.options)) for job in data.jobs]
    rules += [Rule(f"capacity: agent {agent.name}", f"{agent.name} takes at most {number(agent.capacity)}")
              for agent in data.agents]
    roomy = 1e9

    def is_feasible(active: list[int]) -> bool | None:
        kept = set(active)
        jobs = [job.model_copy(update={"options": {name: option.model_copy(update={"cost": 0.0})
                                                   for name, option in job.options.items()}})
                for j, job in enumerate(data.jobs) if j in kept]
        if not jobs:
            return True
        agents = [agent if len(data.jobs) + a in kept else agent.model_copy(update={"capacity": roomy})
                  for a, agent in enumerate(data.agents)]
        probe = _optimize(data.model_copy(update={"jobs": jobs, "agents": agents}),
                          explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="assignment")


def _optimize(data: GeneralizedAssignmentInput, options: RunOptions) -> SolveOutcome:
    from ortools.sat.python import cp_model

    # Data: the (agent, job) options that fit at all, loads and capacities as integers (loads
    # rounded up, capacities down), costs scaled to integers.
    agents, jobs = data.agents, data.jobs
    agent_index = {agent.name: a for a, agent in enumerate(agents)}
    pairs = [(agent_index[name], j, option) for j, job in enumerate(jobs) for name, option in job.options.items()
             if option.load <= agents[agent_index[name]].capacity]
    load_scale = cpsat.scale_factor([o.load for _, _, o in pairs] + [agent.capacity for agent in agents],
                                    sum(o.load for _, _, o in pairs) + sum(agent.capacity for agent in agents))
    capacity = [math.floor(agent.capacity * load_scale + 1e-9) for agent in agents]
    load = {(a, j): math.ceil(o.load * load_scale - 1e-9) for a, j, o in pairs}
    cost_scale = cpsat.scale_factor([o.cost for _, _, o in pairs])
    model = cp_model.CpModel()

    # Variables: x[a, j] is 1 when agent a does job j.
    x = {(a, j): model.new_bool_var(f"x[{a},{j}]") for a, j, _ in pairs}

    # Constraints: every job done once; no agent over capacity.
    by_job: list[list] = [[] for _ in jobs]
    by_agent: list[list] = [[] for _ in agents]
    for (a, j), var in x.items():
        by_job[j].append(var)
        by_agent[a].append(load[a, j] * var)
    for j in range(len(jobs)):
        model.add_exactly_one(by_job[j])
    for a in range(len(agents)):
        if by_agent[a]:
            model.add(sum(by_agent[a]) <= capacity[a])

    # Objective: total cost (or profit).
    total = sum(round(o.cost * cost_scale) * x[a, j] for a, j, o in pairs)
    if data.objective == "maximize":
        model.maximize(total)
    else:
        model.minimize(total)

    # Solve.
    solver, run = cpsat.solve(model, options, objective_scale=cost_scale)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output: each job's agent, then each agent's jobs, load and cost.
    chosen = {j: (a, o) for a, j, o in pairs if solver.boolean_value(x[a, j])}
    assignments = [{"job": job.name, "agent": agents[chosen[j][0]].name, "cost": chosen[j][1].cost,
                    "load": chosen[j][1].load} for j, job in enumerate(jobs)]
    per_agent = []
    for a, agent in enumerate(agents):
        mine = [(j, o) for j, (b, o) in sorted(chosen.items()) if b == a]
        used = round(float(sum(o.load for _, o in mine)), 9)
        per_agent.append({"agent": agent.name, "jobs": [jobs[j].name for j, _ in mine],
                          "cost": round(float(sum(o.cost for _, o in mine)), 9), "load": used,
                          "capacity": agent.capacity,
                          "utilization": round(used / agent.capacity, 6) if agent.capacity else 0.0})
    full = [entry for entry in per_agent if entry["capacity"] > 0 and entry["load"] >= entry["capacity"] - 1e-9]
    binding = [Binding(name=f"capacity: agent {entry['agent']}", kind="rule", slack=0.0,
                       sentence=f"{entry['agent']} is full: its jobs ({', '.join(entry['jobs'][:10])}) take "
                                f"{number(entry['load'])} of its {number(entry['capacity'])}")
               for entry in sorted(full, key=lambda entry: -entry["capacity"])[:5]]
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={
            "total_profit" if data.objective == "maximize" else "total_cost":
                round(sum(entry["cost"] for entry in assignments), 9),
            "assignments": assignments,
            "agents": per_agent,
            "idle_agents": [entry["agent"] for entry in per_agent if not entry["jobs"]],
        },
        message=_MESSAGES.get(run["status"]),
    )
    return explain_rules.with_binding(outcome, binding, f"{len(full)} of {len(agents)} agents are used to "
                                      "capacity: a job moved to them would have to displace another.")


_MESSAGES = {
    "infeasible": "No assignment gives every job an agent within the agents' capacities.",
    "time_limit": "No assignment was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the assignment fits, its cost is not proven optimal.",
}

TEMPLATE = Template(
    name="generalized_assignment",
    display_name="Generalized Assignment (Jobs to Capacitated Agents)",
    description="Assign jobs to machines, trucks or teams at the lowest total cost when each agent has a "
                "capacity and a job's load depends on which agent does it.",
    category="combinatorial",
    tags=["generalized assignment", "gap", "capacity", "allocation", "combinatorial", "cp-sat"],
    credits_per_execution=3,
    input_model=GeneralizedAssignmentInput,
    example_input={
        "agents": [
            {"name": "CNC mill 1", "capacity": 16},
            {"name": "CNC mill 2", "capacity": 16},
            {"name": "Old mill", "capacity": 20},
        ],
        "jobs": [
            {"name": "Bracket x200", "options": {"CNC mill 1": {"cost": 310, "load": 5},
                                                 "CNC mill 2": {"cost": 320, "load": 5},
                                                 "Old mill": {"cost": 260, "load": 9}}},
            {"name": "Housing x40", "options": {"CNC mill 1": {"cost": 540, "load": 7.5},
                                                "CNC mill 2": {"cost": 525, "load": 7}}},
            {"name": "Flange x120", "options": {"CNC mill 1": {"cost": 180, "load": 3},
                                                "CNC mill 2": {"cost": 190, "load": 3.5},
                                                "Old mill": {"cost": 150, "load": 6}}},
            {"name": "Gear blank x60", "options": {"CNC mill 1": {"cost": 400, "load": 6},
                                                   "CNC mill 2": {"cost": 380, "load": 6},
                                                   "Old mill": {"cost": 330, "load": 11}}},
            {"name": "Shaft x80", "options": {"CNC mill 1": {"cost": 230, "load": 4},
                                              "CNC mill 2": {"cost": 240, "load": 4},
                                              "Old mill": {"cost": 200, "load": 7.5}}},
        ],
    },
    solve=solve,
)
