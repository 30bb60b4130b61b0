"""Job shop scheduling.

Each job is a sequence of operations; each operation needs one given machine for a given
time. Schedule every operation so that the last one finishes as early as possible.

    minimize    makespan = max over operations of end[o]
    subject to  end[o] = start[o] + duration[o]
                start[next op of the job] >= end[op]            (a job's operations run in order)
                start[first op of job j] >= release_time[j]
                operations on the same machine never overlap    (one at a time, no preemption)

Times are whole time units (e.g. minutes). Solved with CP-SAT: one interval variable per
operation and a NoOverlap constraint per machine. The run is "optimal" when CP-SAT proves
the makespan minimal within the time limit, otherwise "feasible" with the proven bound.

With 2 workers or fewer (the default is 2), CP-SAT's one full-problem worker runs its
"no_lp" search instead of "default_lp", with dynamic precedences in the NoOverlap
propagators; the other thread still interleaves the LNS neighbourhoods. A job shop's LP
relaxation is weak (about the longest machine load) and costs time at every node: on ft10
(10 x 10, optimum 930) with 2 workers the default settings reached 930 in 12 of 20 runs
within 10 s and proved it in none; these reached and proved it in all 20 (median 2.8 s to
930, 4.1 s to the proof, on 2 shared cores; docs/marketplace.md).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates.base import Template

MAX_MACHINES = 200
MAX_JOBS = 1000
MAX_OPERATIONS = 10_000
MAX_TIME = 10**7

# CP-SAT settings for 2 workers or fewer (see above); with more, CP-SAT's own portfolio already runs no_lp.
FEW_WORKERS_PARAMETERS = {"subsolvers": ["no_lp"], "use_dynamic_precedence_in_disjunctive": True}


class Operation(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    machine: int = Field(ge=0)
    """Machine that performs the operation: its position in `machines`, counting from 0."""
    duration: int = Field(ge=0, le=MAX_TIME)
    """Processing time, in time units (e.g. minutes)."""


class Job(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Job name, unique within the input."""
    operations: list[Operation] = Field(max_length=1000)
    """The job's operations (at most 1,000), performed in this order, each after the previous one ends."""
    release_time: int = Field(default=0, ge=0, le=MAX_TIME)
    """The job's first operation cannot start before this time, in time units."""


class JobShopInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    machines: list[str] = Field(min_length=1, max_length=MAX_MACHINES)
    """Machine names; operations refer to a machine by its position in this list (0 is the first)."""
    jobs: list[Job] = Field(min_length=1, max_length=MAX_JOBS)
    """Jobs to schedule, at most 1,000, with at most 10,000 operations in total."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "JobShopInput":
        for kind, names in (("machine", self.machines), ("job", [job.name for job in self.jobs])):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:10])}")
        for job in self.jobs:
            if not job.operations:
                raise ValueError(f"job '{job.name}' has no operations; every job needs at least one")
            for position, operation in enumerate(job.operations):
                if operation.machine >= len(self.machines):
                    raise ValueError(
                        f"job '{job.name}' operation {position} uses machine {operation.machine}, but only "
                        f"{len(self.machines)} machines are defined (positions 0 to {len(self.machines) - 1})")
        total = sum(len(job.operations) for job in self.jobs)
        if total > MAX_OPERATIONS:
            raise ValueError(f"at most {MAX_OPERATIONS:,} operations per run; got {total:,}")
        return self


def solve(data: JobShopInput, options: RunOptions) -> SolveOutcome:
    from ortools.sat.python import cp_model

    # Data: a schedule never needs to run longer than all work done back to back after the last release.
    jobs, machines = data.jobs, data.machines
    horizon = max(job.release_time for job in jobs) + sum(op.duration for job in jobs for op in job.operations)
    model = cp_model.CpModel()

    # Variables: a start and a fixed-length interval per operation (its end is start + duration).
    starts, intervals_on = {}, [[] for _ in machines]
    for j, job in enumerate(jobs):
        for k, op in enumerate(job.operations):
            starts[j, k] = model.new_int_var(0, horizon, f"start[{j},{k}]")
            intervals_on[op.machine].append(
                model.new_fixed_size_interval_var(starts[j, k], op.duration, f"op[{j},{k}]"))

    def end(j: int, k: int):
        return starts[j, k] + jobs[j].operations[k].duration

    # Constraints: one operation at a time per machine; operations of a job in order, after its release.
    for intervals in intervals_on:
        if len(intervals) > 1:
            model.add_no_overlap(intervals)
    for j, job in enumerate(jobs):
        model.add(starts[j, 0] >= job.release_time)
        for k in range(1, len(job.operations)):
            model.add(starts[j, k] >= end(j, k - 1))

    # Objective: the makespan, no earlier than any job's last operation ends.
    makespan = model.new_int_var(0, horizon, "makespan")
    for j, job in enumerate(jobs):
        model.add(makespan >= end(j, len(job.operations) - 1))
    model.minimize(makespan)

    # Solve.
    few_workers = (options.num_workers or cpsat.DEFAULT_NUM_WORKERS) <= 2
    solver, run = cpsat.solve(model, options, parameters=FEW_WORKERS_PARAMETERS if few_workers else None)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output: every operation with its machine and times, then per-machine and per-job views.
    schedule = []
    for j, job in enumerate(jobs):
        for k, op in enumerate(job.operations):
            start = solver.value(starts[j, k])
            schedule.append({"job": job.name, "operation": k, "machine": machines[op.machine],
                             "start": start, "end": start + op.duration, "duration": op.duration})
    schedule.sort(key=lambda row: (row["start"], row["machine"], row["job"]))
    span = solver.value(makespan)
    by_machine = []
    for m, machine in enumerate(machines):
        rows = [{"job": r["job"], "operation": r["operation"], "start": r["start"], "end": r["end"]}
                for r in schedule if r["machine"] == machine]
        busy = sum(r["end"] - r["start"] for r in rows)
        by_machine.append({"machine": machine, "operations": rows, "busy_time": busy,
                           "utilization": round(busy / span, 6) if span else 0.0})
    by_job = [{"job": job.name, "release_time": job.release_time, "start": solver.value(starts[j, 0]),
               "end": solver.value(end(j, len(job.operations) - 1))} for j, job in enumerate(jobs)]
    return SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"makespan": span, "schedule": schedule, "machines": by_machine, "jobs": by_job},
        message=_MESSAGES.get(run["status"]),
    )


_MESSAGES = {
    "time_limit": "No schedule was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the schedule is feasible, its makespan not proven minimal.",
}

TEMPLATE = Template(
    name="job_shop",
    display_name="Job Shop Scheduler",
    description="Sequence every job's operations on the machines they need so that all work finishes "
                "as early as possible (minimum makespan), with CP-SAT.",
    category="scheduling",
    tags=["scheduling", "job shop", "makespan", "manufacturing", "cp-sat"],
    credits_per_execution=8,
    input_model=JobShopInput,
    example_input={
        "machines": ["Lathe", "Mill", "Drill"],
        "jobs": [
            {"name": "Gearbox", "operations": [{"machine": 0, "duration": 3}, {"machine": 1, "duration": 2},
                                               {"machine": 2, "duration": 2}]},
            {"name": "Shaft", "operations": [{"machine": 0, "duration": 2}, {"machine": 2, "duration": 1},
                                             {"machine": 1, "duration": 4}]},
            {"name": "Bracket", "operations": [{"machine": 1, "duration": 4}, {"machine": 2, "duration": 3}]},
        ],
    },
    solve=solve,
)
