"""Job shop scheduling.

Each job is a sequence of operations; each operation needs one given machine for a given
time. Schedule every operation so that the last one finishes as early as possible.

    minimize    makespan = max over operations of end[o]
    subject to  end[o] = start[o] + duration[o]
                start[next op of the job] >= end[op]            (a job's operations run in order)
                start[first op of job j] >= release_time[j]
                end[last op of job j] <= deadline[j]           (when the job has a deadline)
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

Deadlines can make a run infeasible: a job whose operations alone outlast its deadline is
named at once; otherwise the deadlines and machines that conflict are found by re-solving
without some of them (chalicelib/templates/explain_rules.py). A solved run names the machines
on its critical path, the bottlenecks that set the makespan.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule

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
    deadline: int | None = Field(default=None, ge=0, le=MAX_TIME)
    """The job's last operation must end by this time, in time units; no deadline when omitted."""


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
    """The shortest schedule and its bottleneck machines; when deadlines make it impossible, why."""
    late = [Rule(f"deadline: job {job.name}",
                 f"job {job.name}'s operations alone take {sum(op.duration for op in job.operations)} time units"
                 + (f" from its release at {job.release_time}" if job.release_time else "")
                 + f", its deadline is {job.deadline}")
            for job in data.jobs
            if job.deadline is not None and job.release_time + sum(op.duration for op in job.operations) > job.deadline]
    if late:
        summary = f"No schedule meets every deadline: {late[0].sentence}."
        return explain_rules.infeasible_outcome(late, summary=summary, minimal=len(late) == 1,
                                                solver="deadline pre-check")
    outcome, schedule = _optimize(data, options)
    if outcome.status == "infeasible":
        return _explain_conflict(data, outcome, options)
    if schedule is None:
        return outcome
    return _explain_bottleneck(data, outcome, schedule)


def _optimize(data: JobShopInput, options: RunOptions, *, shared_machines: frozenset[int] = frozenset(),
              feasibility_only: bool = False) -> tuple[SolveOutcome, dict | None]:
    """Solve; machines in `shared_machines` may run operations at once (the conflict search relaxes
    them), and `feasibility_only` drops the objective. Returns the outcome and the start of every
    operation (None without a solution)."""
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
    for m, intervals in enumerate(intervals_on):
        if len(intervals) > 1 and m not in shared_machines:
            model.add_no_overlap(intervals)
    for j, job in enumerate(jobs):
        model.add(starts[j, 0] >= job.release_time)
        if job.deadline is not None:
            model.add(end(j, len(job.operations) - 1) <= job.deadline)
        for k in range(1, len(job.operations)):
            model.add(starts[j, k] >= end(j, k - 1))

    # Objective: the makespan, no earlier than any job's last operation ends.
    makespan = model.new_int_var(0, horizon, "makespan")
    for j, job in enumerate(jobs):
        model.add(makespan >= end(j, len(job.operations) - 1))
    if not feasibility_only:
        model.minimize(makespan)

    # Solve.
    few_workers = (options.num_workers or cpsat.DEFAULT_NUM_WORKERS) <= 2
    solver, run = cpsat.solve(model, options, parameters=FEW_WORKERS_PARAMETERS if few_workers else None)
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"])), None
    if feasibility_only:
        return SolveOutcome(status="feasible", solver=run["solver"], solve_time_ms=run["solve_time_ms"]), None
    start_of = {key: solver.value(var) for key, var in starts.items()}

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
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"makespan": span, "schedule": schedule, "machines": by_machine, "jobs": by_job},
        message=_MESSAGES.get(run["status"]),
    ), start_of


def _explain_conflict(data: JobShopInput, outcome: SolveOutcome, options: RunOptions) -> SolveOutcome:
    """The deadlines and machines (one operation at a time) that cannot all hold together."""
    load: dict[int, int] = {}
    for job in data.jobs:
        for op in job.operations:
            load[op.machine] = load.get(op.machine, 0) + 1
    groups = [("deadline", j) for j, job in enumerate(data.jobs) if job.deadline is not None]
    groups += [("machine", m) for m in range(len(data.machines)) if load.get(m, 0) > 1]
    rules = [Rule(f"deadline: job {data.jobs[key].name}",
                  f"job {data.jobs[key].name} must end by {data.jobs[key].deadline} (its operations take "
                  f"{sum(op.duration for op in data.jobs[key].operations)} time units)") if kind == "deadline"
             else Rule(f"one at a time: machine {data.machines[key]}",
                       f"machine {data.machines[key]} runs one operation at a time")
             for kind, key in groups]

    def is_feasible(active: list[int]) -> bool | None:
        kept = {groups[i] for i in active}
        jobs = [job if ("deadline", j) in kept or job.deadline is None else job.model_copy(update={"deadline": None})
                for j, job in enumerate(data.jobs)]
        shared = frozenset(m for kind, m in groups if kind == "machine" and (kind, m) not in kept)
        probe, _ = _optimize(data.model_copy(update={"jobs": jobs}), explain_rules.probe_options(options),
                             shared_machines=shared, feasibility_only=True)
        return {"infeasible": False, "feasible": True, "optimal": True}.get(probe.status)

    return explain_rules.explain_search(outcome.model_copy(update={"message": _MESSAGES["infeasible"]}), rules,
                                        is_feasible, options, what="schedule")


def _explain_bottleneck(data: JobShopInput, outcome: SolveOutcome, start_of: dict) -> SolveOutcome:
    """The machines on the critical path: the chain of operations, each starting when the one
    before it (in its job or on its machine) ends, that runs from a release to the makespan.

    The path is traced in the semi-active schedule of the solution's machine sequences (every
    operation as early as those sequences allow), whose makespan is at most the solution's."""
    jobs = data.jobs
    duration = {(j, k): op.duration for j, job in enumerate(jobs) for k, op in enumerate(job.operations)}
    before: dict[tuple[int, int], list[tuple[int, int]]] = {key: [] for key in duration}
    for j, job in enumerate(jobs):
        for k in range(1, len(job.operations)):
            before[j, k].append((j, k - 1))
    for m in range(len(data.machines)):
        sequence = sorted((key for key in duration if jobs[key[0]].operations[key[1]].machine == m),
                          key=lambda key: (start_of[key], start_of[key] + duration[key], key))
        for first, then in zip(sequence, sequence[1:]):
            before[then].append(first)
    order = _topological(before)
    if len(order) < len(before):  # zero-length operations tied in a circle: no path to report
        return outcome
    earliest: dict[tuple[int, int], int] = {}
    for key in order:
        release = jobs[key[0]].release_time if key[1] == 0 else 0
        earliest[key] = max([release] + [earliest[p] + duration[p] for p in before[key]])
    span = max(earliest[key] + duration[key] for key in duration)
    last = max(duration, key=lambda key: (earliest[key] + duration[key], -key[0]))
    path = [last]
    while True:
        key = path[-1]
        tight = [p for p in before[key] if earliest[p] + duration[p] == earliest[key]]
        if not tight:
            break
        path.append(tight[0])
    on_path: dict[int, list[tuple[int, int]]] = {}
    for key in path:
        on_path.setdefault(jobs[key[0]].operations[key[1]].machine, []).append(key)
    ranked = sorted(on_path.items(), key=lambda item: (-sum(duration[key] for key in item[1]), item[0]))
    busy = {m: sum(d for key, d in duration.items() if jobs[key[0]].operations[key[1]].machine == m)
            for m in on_path}
    binding = []
    for m, keys in ranked[:5]:
        time_on_path = sum(duration[key] for key in keys)
        binding.append(Binding(
            name=f"machine: {data.machines[m]}", kind="rule", slack=0.0,
            sentence=f"machine {data.machines[m]} works {time_on_path} of the {span} time units on the critical path "
                     f"({len(keys)} operation(s): {', '.join(f'{jobs[j].name} #{k}' for j, k in reversed(keys[:8]))}); "
                     f"it is busy {busy[m]} time units in all"))
    for j, job in enumerate(jobs):
        finish = start_of[j, len(job.operations) - 1] + job.operations[-1].duration
        if job.deadline is not None and finish == job.deadline and len(binding) < 6:
            binding.append(Binding(name=f"deadline: job {job.name}", kind="rule", slack=0.0,
                                   sentence=f"job {job.name} ends exactly at its deadline {job.deadline}"))
    summary = (f"The makespan of {span} is set by a chain of {len(path)} operation(s) that each start as the one "
               f"before ends; machine {data.machines[ranked[0][0]]} carries most of it.")
    return explain_rules.with_binding(outcome, binding, summary)


def _topological(before: dict) -> list:
    """Operations with everything before them first (the solution's order is acyclic)."""
    waiting = {key: len(preds) for key, preds in before.items()}
    after: dict = {key: [] for key in before}
    for key, preds in before.items():
        for p in preds:
            after[p].append(key)
    ready = sorted(key for key, count in waiting.items() if count == 0)
    order = []
    while ready:
        key = ready.pop()
        order.append(key)
        for then in after[key]:
            waiting[then] -= 1
            if waiting[then] == 0:
                ready.append(then)
    return order




_MESSAGES = {
    "infeasible": "No schedule meets every job's deadline with each machine running one operation at a time.",
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
