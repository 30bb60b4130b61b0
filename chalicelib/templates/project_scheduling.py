"""Project scheduling with limited resources (RCPSP).

Schedule a project's activities so that the project ends as early as possible, when an
activity may start only once all its predecessors have ended and the activities running at
the same time may not use more of a shared resource (a crew, a crane, engineers) than there is.

    minimize    makespan = max over activities of end[a]
    subject to  end[a] = start[a] + duration[a]                  (no interruption)
                start[a] >= end[p]                               for every predecessor p of a
                start[a] >= release_time[a]
                sum of demand[a][r] over activities running at t <= capacity[r]
                                                                 for every resource r and time t

This is the resource-constrained project scheduling problem of PSPLIB (single mode). Resources
are renewable: what an activity holds is free again when it ends. Times are whole time units
(hours, days). Solved with CP-SAT: an interval variable per activity, a cumulative constraint
per resource and precedence inequalities. A serial schedule-generation heuristic (activities
taken by earliest latest-start time) gives a first schedule, used as a hint (and as the answer,
reported "feasible", if CP-SAT finds nothing in time), and its makespan bounds every start;
critical-path heads and tails tighten each activity's window.

The input validator rejects cycles and demands above a resource's capacity, and there are no
deadlines, so a run is never infeasible. A solved run's explanation traces the chain of
activities that sets the makespan back from its end: each waits either for a predecessor or
for a resource that is full when it could otherwise start.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.explanation import Binding
from chalicelib.engine.result import SolveOutcome, relative_gap
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template

MAX_ACTIVITIES = 1000
MAX_PRECEDENCES = 20_000
MAX_TIME = 10**6


class Resource(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Resource name (a crew, a machine pool, a skill), unique within the input."""
    capacity: int = Field(ge=0, le=10**6)
    """Units of the resource available at every moment (people, machines)."""


class Activity(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Activity name, unique within the input."""
    duration: int = Field(ge=0, le=MAX_TIME)
    """How long the activity runs, without interruption, in time units (0 for a milestone)."""
    demands: dict[str, Annotated[int, Field(ge=0, le=10**6)]] = Field(default_factory=dict, max_length=100)
    """Units of each resource held while the activity runs, keyed by resource name; missing means 0."""
    predecessors: list[str] = Field(default_factory=list, max_length=1000)
    """Activities that must end before this one starts, by name."""
    release_time: int = Field(default=0, ge=0, le=MAX_TIME)
    """Earliest start, in time units from the project start."""


class ProjectSchedulingInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    resources: list[Resource] = Field(default_factory=list, max_length=100)
    """Renewable resources shared by the activities (none: a pure critical-path schedule)."""
    activities: list[Activity] = Field(min_length=1, max_length=MAX_ACTIVITIES)
    """The project's activities, at most 1,000."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "ProjectSchedulingInput":
        for kind, entries in (("resource", self.resources), ("activity", self.activities)):
            names = [entry.name for entry in entries]
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:20])}")
        capacity = {resource.name: resource.capacity for resource in self.resources}
        known = {activity.name for activity in self.activities}
        for activity in self.activities:
            unknown = sorted(set(activity.demands) - set(capacity))
            if unknown:
                raise ValueError(f"activity '{activity.name}' uses unknown resources: {', '.join(unknown[:20])}")
            for resource, amount in activity.demands.items():
                if amount > capacity[resource] and activity.duration > 0:
                    raise ValueError(f"activity '{activity.name}' needs {amount} {resource} but only "
                                     f"{capacity[resource]} exist: it can never run")
            missing = sorted(set(activity.predecessors) - known)
            if missing:
                raise ValueError(f"activity '{activity.name}' has unknown predecessors: {', '.join(missing[:20])}")
            if activity.name in activity.predecessors:
                raise ValueError(f"activity '{activity.name}' is its own predecessor")
        links = sum(len(activity.predecessors) for activity in self.activities)
        if links > MAX_PRECEDENCES:
            raise ValueError(f"at most {MAX_PRECEDENCES:,} precedence links per run; got {links:,}")
        cycle = _find_cycle({a.name: a.predecessors for a in self.activities})
        if cycle:
            raise ValueError("the predecessors form a cycle, so no activity on it can ever start: "
                             + " -> ".join(cycle))
        total = max(a.release_time for a in self.activities) + sum(a.duration for a in self.activities)
        if total > 10**9:
            raise ValueError("release times plus the sum of durations must stay below 1,000,000,000 time units")
        return self


def solve(data: ProjectSchedulingInput, options: RunOptions) -> SolveOutcome:
    from ortools.sat.python import cp_model

    # Data: predecessor indices, a heuristic schedule (its makespan bounds the horizon), and
    # each activity's window from critical-path heads and tails within that horizon.
    activities, resources = data.activities, data.resources
    index = {activity.name: i for i, activity in enumerate(activities)}
    predecessors = [sorted({index[name] for name in activity.predecessors}) for activity in activities]
    durations = [activity.duration for activity in activities]
    demand = [[activity.demands.get(resource.name, 0) for resource in resources] for activity in activities]
    capacity = [resource.capacity for resource in resources]
    order = _topological_order(predecessors)
    heads, tails = _heads_and_tails(order, predecessors, durations, [a.release_time for a in activities])
    heuristic = _serial_schedule(order, predecessors, durations, demand, capacity, heads, tails,
                                 [a.release_time for a in activities])
    horizon = max((start + durations[i] for i, start in enumerate(heuristic)), default=0)
    model = cp_model.CpModel()

    # Variables: start, end and an interval per activity; the makespan.
    starts, ends, intervals = [], [], []
    for i, activity in enumerate(activities):
        latest_start = horizon - tails[i] - durations[i]
        starts.append(model.new_int_var(heads[i], latest_start, f"start[{i}]"))
        ends.append(model.new_int_var(heads[i] + durations[i], horizon - tails[i], f"end[{i}]"))
        intervals.append(model.new_interval_var(starts[i], durations[i], ends[i], f"activity[{i}]"))
    makespan = model.new_int_var(max(h + d + t for h, d, t in zip(heads, durations, tails)), horizon, "makespan")

    # Constraints: precedences; resource capacities; the makespan after every end.
    for i, before in enumerate(predecessors):
        for p in before:
            model.add(starts[i] >= ends[p])
    for r, cap in enumerate(capacity):
        users = [i for i in range(len(activities)) if demand[i][r] > 0 and durations[i] > 0]
        if sum(demand[i][r] for i in users) > cap:
            model.add_cumulative([intervals[i] for i in users], [demand[i][r] for i in users], cap)
    has_successor = {p for before in predecessors for p in before}
    model.add_max_equality(makespan, [ends[i] for i in range(len(activities)) if i not in has_successor])

    # Objective: the makespan.
    model.minimize(makespan)
    for i, start in enumerate(heuristic):
        model.add_hint(starts[i], start)
        model.add_hint(ends[i], start + durations[i])
    model.add_hint(makespan, horizon)

    # Solve; when CP-SAT finds nothing in time, the heuristic schedule is still a valid answer.
    solver, run = cpsat.solve(model, options)
    critical = max(h + d + t for h, d, t in zip(heads, durations, tails))
    if run["has_solution"]:
        start_at = [solver.value(start) for start in starts]
    elif run["status"] == "time_limit":
        start_at = heuristic
        run.update(status="feasible", objective_value=float(horizon), best_bound=float(critical),
                   gap=relative_gap(float(horizon), float(critical)))
    else:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output: activities by start time, then each resource's usage over time.
    span = max((start + durations[i] for i, start in enumerate(start_at)), default=0)
    schedule = sorted(({"activity": activity.name, "start": start_at[i], "end": start_at[i] + durations[i],
                        "duration": durations[i],
                        "resources": {resources[r].name: demand[i][r] for r in range(len(resources)) if demand[i][r]}}
                       for i, activity in enumerate(activities)), key=lambda row: (row["start"], row["end"]))
    usage = []
    for r, resource in enumerate(resources):
        profile = _profile([(row["start"], row["end"], row["resources"].get(resource.name, 0)) for row in schedule])
        busy = sum((end - start) * amount for start, end, amount in profile)
        usage.append({"resource": resource.name, "capacity": resource.capacity,
                      "peak": max((amount for _, _, amount in profile), default=0),
                      "utilization": round(busy / (resource.capacity * span), 6) if resource.capacity and span else 0.0,
                      "profile": [{"start": start, "end": end, "in_use": amount} for start, end, amount in profile]})
    outcome = SolveOutcome(
        status=run["status"], objective_value=run["objective_value"], best_bound=run["best_bound"],
        gap=run["gap"], gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"makespan": span, "schedule": schedule, "resources": usage, "critical_path_length": critical},
        message=_MESSAGES.get(run["status"]),
    )
    return _explain_chain(data, outcome, start_at, predecessors, demand, capacity, span, critical)


def _explain_chain(data: ProjectSchedulingInput, outcome: SolveOutcome, start_at: list[int],
                   predecessors: list[list[int]], demand: list[list[int]], capacity: list[int],
                   span: int, critical: int) -> SolveOutcome:
    """The chain that sets the makespan: from the activity that ends last, step back to a predecessor
    that ends exactly when it starts, or to an activity ending then on a resource too full to start
    it earlier; stop at a release time, the project start or idle time."""
    activities = data.activities
    end_at = [start + activities[i].duration for i, start in enumerate(start_at)]
    if not activities or span == 0:
        return outcome
    current = max(range(len(activities)), key=lambda i: (end_at[i], -i))
    chain, waits = [current], {}
    while len(chain) <= len(activities):
        start = start_at[current]
        tight = [p for p in predecessors[current] if end_at[p] == start]
        if start == 0 or start == activities[current].release_time and not tight:
            break
        if tight:
            current = tight[0]
        else:
            blocker = _resource_blocker(current, start, start_at, end_at, demand, capacity)
            if blocker is None:
                break
            current, r = blocker
            waits[r] = waits.get(r, 0) + 1
        chain.append(current)
    chain.reverse()
    names = " -> ".join(activities[i].name for i in chain[:12]) + (" -> ..." if len(chain) > 12 else "")
    binding = [Binding(name="critical chain", kind="rule", slack=0.0,
                       sentence=f"{names} run back to back and end at {span}"
                                + (f", {span - critical} after the critical path of {critical} (precedences alone)"
                                   if span > critical else ", the length of the critical path"))]
    for r, count in sorted(waits.items(), key=lambda item: -item[1])[:4]:
        binding.append(Binding(name=f"resource: {data.resources[r].name}", kind="rule", slack=0.0,
                               sentence=f"{data.resources[r].name} (capacity {capacity[r]}) is fully taken "
                                        f"{count} time(s) when an activity on the chain could otherwise start"))
    summary = (f"The makespan {span} is the critical path of precedences." if span == critical or not waits else
               f"The makespan {span} is {span - critical} above the critical path of {critical}: "
               + ", ".join(data.resources[r].name for r in waits)
               + (" holds" if len(waits) == 1 else " hold") + " activities back.")
    return explain_rules.with_binding(outcome, binding, summary)


def _resource_blocker(i, start, start_at, end_at, demand, capacity) -> tuple[int, int] | None:
    """An activity ending at `start` on a resource that is too full just before `start` for activity i."""
    for r, amount in enumerate(demand[i]):
        if amount == 0:
            continue
        in_use = sum(demand[k][r] for k in range(len(start_at))
                     if k != i and start_at[k] <= start - 1 and end_at[k] >= start)  # busy just before start
        if in_use + amount > capacity[r]:
            ending = [k for k in range(len(start_at)) if end_at[k] == start and demand[k][r] > 0 and k != i]
            if ending:
                return ending[0], r
    return None


def _find_cycle(predecessors: dict[str, list[str]]) -> list[str] | None:
    """A cycle in the precedence graph as a list of names (first repeated last), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for root in predecessors:
        if root in state:
            continue
        path, stack = [], [(root, iter(predecessors[root]))]
        state[root] = 1
        path.append(root)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = path[path.index(child):] + [child]
                return list(reversed(cycle))  # predecessor links reversed: read as "must precede"
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(predecessors[child])))
    return None


def _topological_order(predecessors: list[list[int]]) -> list[int]:
    """Activities with every predecessor before them (the input is acyclic)."""
    waiting = [len(before) for before in predecessors]
    successors: list[list[int]] = [[] for _ in predecessors]
    for i, before in enumerate(predecessors):
        for p in before:
            successors[p].append(i)
    ready = [i for i, count in enumerate(waiting) if count == 0]
    order = []
    while ready:
        i = ready.pop()
        order.append(i)
        for s in successors[i]:
            waiting[s] -= 1
            if waiting[s] == 0:
                ready.append(s)
    return order


def _heads_and_tails(order, predecessors, durations, releases) -> tuple[list[int], list[int]]:
    """Earliest starts (head) and the least time needed after each activity ends (tail),
    ignoring resources."""
    heads = list(releases)
    for i in order:
        for p in predecessors[i]:
            heads[i] = max(heads[i], heads[p] + durations[p])
    tails = [0] * len(order)
    for i in reversed(order):
        for p in predecessors[i]:
            tails[p] = max(tails[p], durations[i] + tails[i])
    return heads, tails


def _serial_schedule(order, predecessors, durations, demand, capacity, heads, tails, releases) -> list[int]:
    """Serial schedule-generation scheme: repeatedly take the eligible activity with the smallest
    latest start (critical-path priority) and start it as early as precedences and resources allow.

    The usage profile is kept as sorted breakpoints with the usage on each segment after them.
    """
    n = len(durations)
    bound = max((h + d + t for h, d, t in zip(heads, durations, tails)), default=0)
    priority = [bound - tails[i] - durations[i] for i in range(n)]  # latest start within the bound
    successors: list[list[int]] = [[] for _ in range(n)]
    waiting = [len(before) for before in predecessors]
    for i, before in enumerate(predecessors):
        for p in before:
            successors[p].append(i)
    times, usage = [0], [[0] * len(capacity)]  # usage[k] holds on [times[k], times[k + 1])
    start = [0] * n
    eligible = {i for i in range(n) if waiting[i] == 0}
    while eligible:
        i = min(eligible, key=lambda a: (priority[a], a))
        eligible.remove(i)
        earliest = max([releases[i]] + [start[p] + durations[p] for p in predecessors[i]])
        needs = [(r, amount) for r, amount in enumerate(demand[i]) if amount > 0]
        t = earliest
        if durations[i] > 0 and needs:
            k = _segment(times, t)
            while k < len(times) and times[k] < t + durations[i]:
                if any(usage[k][r] + amount > capacity[r] for r, amount in needs):
                    t = times[k + 1]  # the last segment is empty, so an overload is never the last one
                k += 1
                k = max(k, _segment(times, t))
            for edge in (t, t + durations[i]):
                k = _segment(times, edge)
                if times[k] != edge:
                    times.insert(k + 1, edge)
                    usage.insert(k + 1, list(usage[k]))
            k = _segment(times, t)
            while times[k] < t + durations[i]:
                for r, amount in needs:
                    usage[k][r] += amount
                k += 1
        start[i] = t
        for s in successors[i]:
            waiting[s] -= 1
            if waiting[s] == 0:
                eligible.add(s)
    return start


def _segment(times: list[int], t: int) -> int:
    """Index of the profile segment containing time t (the last breakpoint at or before t)."""
    low, high = 0, len(times) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if times[middle] <= t:
            low = middle
        else:
            high = middle - 1
    return low


def _profile(rows: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Resource usage as (start, end, amount) steps, merging equal neighbours and skipping zeros."""
    change: dict[int, int] = {}
    for start, end, amount in rows:
        if amount and end > start:
            change[start] = change.get(start, 0) + amount
            change[end] = change.get(end, 0) - amount
    steps, level, previous = [], 0, None
    for t in sorted(change):
        if previous is not None and level and t > previous:
            if steps and steps[-1][1] == previous and steps[-1][2] == level:
                steps[-1] = (steps[-1][0], t, level)
            else:
                steps.append((previous, t, level))
        level += change[t]
        previous = t
    return steps


_MESSAGES = {
    "time_limit": "No schedule was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the schedule is feasible, its makespan not proven minimal.",
}

TEMPLATE = Template(
    name="project_scheduling",
    display_name="Project Scheduler (Resource-Constrained)",
    description="Schedule a project's activities to finish as early as possible, respecting which activities "
                "must precede which and how many workers, machines or crews are available (RCPSP).",
    category="scheduling",
    tags=["project scheduling", "rcpsp", "critical path", "resources", "makespan", "cp-sat"],
    credits_per_execution=6,
    input_model=ProjectSchedulingInput,
    example_input={
        "resources": [
            {"name": "Carpenters", "capacity": 3},
            {"name": "Electricians", "capacity": 2},
            {"name": "Crane", "capacity": 1},
        ],
        "activities": [
            {"name": "Foundations", "duration": 5, "demands": {"Carpenters": 2, "Crane": 1}},
            {"name": "Frame", "duration": 6, "demands": {"Carpenters": 3, "Crane": 1},
             "predecessors": ["Foundations"]},
            {"name": "Roof", "duration": 4, "demands": {"Carpenters": 2, "Crane": 1}, "predecessors": ["Frame"]},
            {"name": "Wiring", "duration": 5, "demands": {"Electricians": 2}, "predecessors": ["Frame"]},
            {"name": "Plumbing", "duration": 4, "demands": {"Carpenters": 1}, "predecessors": ["Frame"]},
            {"name": "Windows", "duration": 3, "demands": {"Carpenters": 2}, "predecessors": ["Frame"],
             "release_time": 12},
            {"name": "Drywall", "duration": 5, "demands": {"Carpenters": 2, "Electricians": 1},
             "predecessors": ["Wiring", "Plumbing"]},
            {"name": "Inspection", "duration": 0, "predecessors": ["Roof", "Windows", "Drywall"]},
        ],
    },
    solve=solve,
)
