"""Employee shift scheduling.

Assign employees to shifts over a planning period so that every shift on every day has the
staff it needs, each employee works within their limits and availability, and the roster
costs as little as possible while granting preferences.

    minimize    sum over assignments (e, d, s) of cost_per_shift[e] - preference weight[e, d, s]
    subject to  sum over e of works[e, d, s] >= required[d, s]          for every day d and shift s
                sum over s of works[e, d, s] <= max_shifts_per_day      for every employee e and day d
                min_shifts[e] <= sum over d, s of works[e, d, s] <= max_shifts[e]
                works[e, d, s] = 0 where e is unavailable
                works[e, d, first] + works[e, d + 1, then] <= 1       for every forbidden sequence
                at most max_consecutive_days worked days in a row     (when set)

`required[d, s]` is the shift's `required` headcount unless `coverage` overrides that day.
Costs and preference weights are in one currency-like unit and are rounded to 2 decimals.
Solved with CP-SAT: "optimal" when the roster is proven cheapest, "infeasible" when no
roster can meet the coverage. The explanation then names the reason: a shift, or a day,
that too few employees can work (checked from the data before solving), or else the
coverage, limits and rest rules that conflict, found by re-solving without some of them
(chalicelib/templates/explain_rules.py).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome
from chalicelib.templates import explain_rules
from chalicelib.templates.base import Template
from chalicelib.templates.explain_rules import Rule

MAX_DAYS = 62
MAX_SHIFTS = 12
MAX_EMPLOYEES = 500
MAX_ASSIGNMENTS = 200_000
COST_SCALE = 100


class Shift(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=100)
    """Shift name, unique within the input (e.g. "Morning")."""
    required: int = Field(default=1, ge=0, le=10_000)
    """Employees needed on this shift every day, unless `coverage` sets another number for a day."""


class Coverage(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    day: str = Field(min_length=1, max_length=100)
    """Day name, one of `days`."""
    shift: str = Field(min_length=1, max_length=100)
    """Shift name, one of `shifts`."""
    required: int = Field(ge=0, le=10_000)
    """Employees needed on this shift on this day (replaces the shift's usual `required`)."""


class Unavailability(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    day: str = Field(min_length=1, max_length=100)
    """Day name, one of `days`."""
    shift: str | None = Field(default=None, min_length=1, max_length=100)
    """Shift name, one of `shifts`; omit to mark the whole day unavailable."""


class Preference(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    day: str | None = Field(default=None, min_length=1, max_length=100)
    """Day name the preference applies to; omit for every day."""
    shift: str | None = Field(default=None, min_length=1, max_length=100)
    """Shift name the preference applies to; omit for every shift."""
    weight: float = Field(ge=-1e6, le=1e6)
    """Value of working a matching shift, in cost units: positive when wanted (it lowers the roster's
    cost), negative when the employee would rather not (it raises it)."""


class Employee(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Employee name, unique within the input."""
    max_shifts: int = Field(ge=0, le=10_000)
    """Most shifts this employee works over the whole period."""
    min_shifts: int = Field(default=0, ge=0, le=10_000)
    """Fewest shifts this employee works over the whole period (e.g. contracted hours)."""
    cost_per_shift: float = Field(default=1.0, ge=0, le=1e6)
    """Cost of one shift worked by this employee, in cost units (e.g. wage); the default 1 minimises shifts."""
    unavailable: list[Unavailability] = Field(default_factory=list, max_length=MAX_DAYS * MAX_SHIFTS)
    """Days or shifts this employee cannot work."""
    preferences: list[Preference] = Field(default_factory=list, max_length=MAX_DAYS * MAX_SHIFTS)
    """Wishes for or against days and shifts; they add up when several match."""


class ForbiddenSequence(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    first: str = Field(min_length=1, max_length=100)
    """Shift worked on one day."""
    then: str = Field(min_length=1, max_length=100)
    """Shift that may not follow on the next day (e.g. first "Night", then "Morning")."""


class ShiftSchedulingInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    days: list[str] = Field(min_length=1, max_length=MAX_DAYS)
    """Days of the planning period, in calendar order (e.g. "Mon" ... "Sun" or dates), at most 62."""
    shifts: list[Shift] = Field(min_length=1, max_length=MAX_SHIFTS)
    """Shifts of a day, in the order they start, at most 12."""
    employees: list[Employee] = Field(min_length=1, max_length=MAX_EMPLOYEES)
    """Employees who can be rostered, at most 500."""
    coverage: list[Coverage] = Field(default_factory=list, max_length=MAX_DAYS * MAX_SHIFTS)
    """Headcount for particular days and shifts, overriding the shift's usual `required`."""
    max_shifts_per_day: int = Field(default=1, ge=1, le=MAX_SHIFTS)
    """Most shifts one employee works on one day."""
    max_consecutive_days: int | None = Field(default=None, ge=1, le=MAX_DAYS)
    """Most days in a row one employee works; omit for no limit."""
    forbidden_sequences: list[ForbiddenSequence] = Field(default_factory=list, max_length=MAX_SHIFTS ** 2)
    """Shift pairs that may not be worked on consecutive days by the same employee (rest rules)."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "ShiftSchedulingInput":
        shift_names = [shift.name for shift in self.shifts]
        for kind, names in (("day", self.days), ("shift", shift_names),
                            ("employee", [e.name for e in self.employees])):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:10])}")
        if len(self.days) * len(self.shifts) * len(self.employees) > MAX_ASSIGNMENTS:
            raise ValueError(f"at most {MAX_ASSIGNMENTS:,} employee-day-shift combinations per run")
        days, shifts = set(self.days), set(shift_names)

        def check(where: str, day: str | None, shift: str | None) -> None:
            if day is not None and day not in days:
                raise ValueError(f"{where} refers to day '{day}', which is not in days")
            if shift is not None and shift not in shifts:
                raise ValueError(f"{where} refers to shift '{shift}', which is not in shifts")

        for item in self.coverage:
            check("coverage", item.day, item.shift)
        for rule in self.forbidden_sequences:
            check("forbidden_sequences", None, rule.first)
            check("forbidden_sequences", None, rule.then)
        for employee in self.employees:
            for item in [*employee.unavailable, *employee.preferences]:
                check(f"employee '{employee.name}'", item.day, item.shift)
            if employee.min_shifts > employee.max_shifts:
                raise ValueError(f"employee '{employee.name}' has min_shifts {employee.min_shifts} above "
                                 f"max_shifts {employee.max_shifts}")
        required = self.required()
        for (day, shift), needed in required.items():
            if needed > len(self.employees):
                raise ValueError(f"{day} {shift} needs {needed} employees but only {len(self.employees)} exist")
        needed, available = sum(required.values()), sum(e.max_shifts for e in self.employees)
        if needed > available:
            raise ValueError(f"the coverage needs {needed} shifts in total but the employees may work at most "
                             f"{available} (the sum of max_shifts)")
        return self

    def required(self) -> dict[tuple[str, str], int]:
        """Headcount per (day, shift) after coverage overrides."""
        required = {(day, shift.name): shift.required for day in self.days for shift in self.shifts}
        for item in self.coverage:
            required[item.day, item.shift] = item.required
        return required


def solve(data: ShiftSchedulingInput, options: RunOptions) -> SolveOutcome:
    """The cheapest roster; when there is none, the rules that conflict, in the roster's words."""
    shortage = _shortages(data)
    if shortage:
        first = shortage[0]
        return explain_rules.infeasible_outcome(
            shortage, solver="availability pre-check", minimal=len(shortage) == 1,
            summary=f"No roster exists: {first.sentence}.", message=f"No roster exists: {first.sentence}.")
    outcome = _optimize(data, options)
    if outcome.status != "infeasible":
        return outcome
    rules, relax = _rule_groups(data)

    def is_feasible(active: list[int]) -> bool | None:
        probe = _optimize(relax(set(active)), explain_rules.probe_options(options))
        return {"infeasible": False, "optimal": True, "feasible": True}.get(probe.status)

    return explain_rules.explain_search(outcome, rules, is_feasible, options, what="roster")


def _optimize(data: ShiftSchedulingInput, options: RunOptions) -> SolveOutcome:
    from ortools.sat.python import cp_model

    # Data: slots are (day index, shift index); costs in hundredths so CP-SAT sees integers.
    days, shifts, employees = data.days, [s.name for s in data.shifts], data.employees
    required = data.required()
    slots = [(d, s) for d in range(len(days)) for s in range(len(shifts))]
    available = {(e, d, s): not any(u.day == days[d] and u.shift in (None, shifts[s]) for u in emp.unavailable)
                 for e, emp in enumerate(employees) for d, s in slots}
    if _first_shortage(data, required, available, slots):
        return SolveOutcome(status="infeasible", solver="availability pre-check", solve_time_ms=0)
    value = {(e, d, s): emp.cost_per_shift - sum(
                 p.weight for p in emp.preferences if p.day in (None, days[d]) and p.shift in (None, shifts[s]))
             for e, emp in enumerate(employees) for d, s in slots}
    model = cp_model.CpModel()

    # Variables: works[e, d, s] is 1 when employee e works shift s on day d (only where available).
    works = {key: model.new_bool_var(f"works[{key[0]},{key[1]},{key[2]}]")
             for key, is_free in available.items() if is_free}

    def worked(e: int, d: int, s: int):
        return works.get((e, d, s), 0)

    # Constraints: coverage, daily and period limits, rest rules, consecutive days.
    for d, s in slots:
        model.add(sum(worked(e, d, s) for e in range(len(employees))) >= required[days[d], shifts[s]])
    sequences = [(shifts.index(rule.first), shifts.index(rule.then)) for rule in data.forbidden_sequences]
    for e, emp in enumerate(employees):
        total = sum(worked(e, d, s) for d, s in slots)
        model.add(total >= emp.min_shifts)
        model.add(total <= emp.max_shifts)
        day_worked = []
        for d in range(len(days)):
            on_day = [worked(e, d, s) for s in range(len(shifts))]
            model.add(sum(on_day) <= data.max_shifts_per_day)
            if data.max_consecutive_days is not None:
                flag = model.new_bool_var(f"on_duty[{e},{d}]")
                for variable in on_day:
                    model.add(flag >= variable)
                model.add(flag <= sum(on_day))
                day_worked.append(flag)
            if d + 1 < len(days):
                for first, then in sequences:
                    model.add(worked(e, d, first) + worked(e, d + 1, then) <= 1)
        if data.max_consecutive_days is not None:
            window = data.max_consecutive_days + 1
            for d in range(len(days) - window + 1):
                model.add(sum(day_worked[d:d + window]) <= data.max_consecutive_days)

    # Objective: wages minus granted preferences (plus refused wishes), in hundredths.
    model.minimize(sum(round(value[key] * COST_SCALE) * variable for key, variable in works.items()))

    # Solve. Coverage rows that need one person presolve into clauses, which the default two-worker
    # portfolio keeps out of its LP; a max_lp worker keeps the bound tight enough to prove optimality.
    solver, run = cpsat.solve(model, options, objective_scale=COST_SCALE,
                              parameters={"extra_subsolvers": ["max_lp"]})
    if not run["has_solution"]:
        return SolveOutcome(status=run["status"], solver=run["solver"], solve_time_ms=run["solve_time_ms"],
                            message=run.get("message") or _MESSAGES.get(run["status"]))

    # Readable output: a roster per employee and the staff of every shift.
    on = {key for key, variable in works.items() if solver.boolean_value(variable)}
    roster = []
    for e, emp in enumerate(employees):
        mine = [(d, s) for d, s in slots if (e, d, s) in on]
        roster.append({
            "employee": emp.name, "total_shifts": len(mine),
            "shifts": [{"day": days[d], "shift": shifts[s]} for d, s in mine],
            "cost": round(emp.cost_per_shift * len(mine), 2),
            "preference_value": round(sum(emp.cost_per_shift - value[e, d, s] for d, s in mine), 2),
        })
    by_day = [{"day": day, "shifts": [
        {"shift": shifts[s], "required": required[day, shifts[s]],
         "employees": [employees[e].name for e in range(len(employees)) if (e, d, s) in on]}
        for s in range(len(shifts))]} for d, day in enumerate(days)]
    objective = run["objective_value"]
    return SolveOutcome(
        status=run["status"], objective_value=objective, best_bound=run["best_bound"], gap=run["gap"],
        gap_tolerance=run.get("gap_tolerance"),
        solver=run["solver"], solve_time_ms=run["solve_time_ms"],
        solution={"total_cost": objective, "wage_cost": round(sum(r["cost"] for r in roster), 2),
                  "shifts_assigned": len(on), "roster": roster, "schedule": by_day},
        message=_MESSAGES.get(run["status"]),
    )


def _shortages(data: ShiftSchedulingInput) -> list[Rule]:
    """Shifts that fewer employees can work than they need, then days whose shifts need more
    employee-shifts than the employees free that day may work (max_shifts_per_day each)."""
    days, shifts = data.days, [s.name for s in data.shifts]
    required = data.required()
    free_on: dict[tuple[str, str | None], int] = {}
    for emp in data.employees:
        off_days = {u.day for u in emp.unavailable if u.shift is None}
        off = {(u.day, u.shift) for u in emp.unavailable if u.shift is not None}
        for day in days:
            if day in off_days:
                continue
            can = [shift for shift in shifts if (day, shift) not in off]
            for shift in can:
                free_on[day, shift] = free_on.get((day, shift), 0) + 1
            if can:
                free_on[day, None] = free_on.get((day, None), 0) + min(len(can), data.max_shifts_per_day)
    found = []
    for day in days:
        for shift in shifts:
            needed, free = required[day, shift], free_on.get((day, shift), 0)
            if free < needed:
                found.append(Rule(f"staffing: {day} {shift}",
                                  f"{day} {shift} needs {needed} employees but only {free} are available"))
    if found:
        return found
    for day in days:
        needed, most = sum(required[day, shift] for shift in shifts), free_on.get((day, None), 0)
        if needed > most:
            found.append(Rule(f"staffing: {day}",
                              f"{day}'s shifts need {needed} employee-shifts but the employees available that day "
                              f"can work at most {most} (at most {data.max_shifts_per_day} shift(s) each)"))
    return found


def _rule_groups(data: ShiftSchedulingInput):
    """The roster's rules as groups the conflict search can drop, and the input with only the
    groups in `active` kept (costs and preferences cleared: any roster answers the question)."""
    days, shifts = data.days, [s.name for s in data.shifts]
    required = data.required()
    rules: list[Rule] = []
    relaxers = []
    for day in days:
        for shift in shifts:
            if required[day, shift] > 0:
                rules.append(Rule(f"staffing: {day} {shift}", f"{day} {shift} needs {required[day, shift]} employees"))
                relaxers.append(("coverage", (day, shift)))
    slots = len(days) * len(shifts)
    for e, emp in enumerate(data.employees):
        if emp.max_shifts < slots:
            rules.append(Rule(f"max shifts: {emp.name}", f"{emp.name} works at most {emp.max_shifts} shifts"))
            relaxers.append(("max_shifts", e))
        if emp.min_shifts > 0:
            rules.append(Rule(f"min shifts: {emp.name}", f"{emp.name} must work at least {emp.min_shifts} shifts"))
            relaxers.append(("min_shifts", e))
        if emp.unavailable:
            times = ", ".join(f"{u.day} {u.shift}" if u.shift else u.day for u in emp.unavailable[:6])
            more = f" and {len(emp.unavailable) - 6} more" if len(emp.unavailable) > 6 else ""
            rules.append(Rule(f"availability: {emp.name}", f"{emp.name} cannot work {times}{more}"))
            relaxers.append(("unavailable", e))
    if data.max_shifts_per_day < len(shifts):
        rules.append(Rule("shifts per day", f"nobody works more than {data.max_shifts_per_day} shift(s) a day"))
        relaxers.append(("per_day", None))
    if data.max_consecutive_days is not None and data.max_consecutive_days < len(days):
        rules.append(Rule("consecutive days", f"nobody works more than {data.max_consecutive_days} days in a row"))
        relaxers.append(("consecutive", None))
    for k, rule in enumerate(data.forbidden_sequences):
        rules.append(Rule(f"rest: {rule.first} then {rule.then}",
                          f"nobody works {rule.then} the day after working {rule.first}"))
        relaxers.append(("sequence", k))

    def relax(active: set[int]) -> ShiftSchedulingInput:
        dropped = [relaxers[i] for i in range(len(relaxers)) if i not in active]
        kinds = {kind for kind, _ in dropped}
        which = {(kind, key) for kind, key in dropped}
        employees = []
        for e, emp in enumerate(data.employees):
            employees.append(emp.model_copy(update={
                "cost_per_shift": 0.0, "preferences": [],
                "max_shifts": slots if ("max_shifts", e) in which else emp.max_shifts,
                "min_shifts": 0 if ("min_shifts", e) in which else emp.min_shifts,
                "unavailable": [] if ("unavailable", e) in which else emp.unavailable}))
        coverage = list(data.coverage) + [Coverage(day=key[0], shift=key[1], required=0)
                                          for kind, key in dropped if kind == "coverage"]
        return data.model_copy(update={
            "employees": employees, "coverage": coverage,
            "max_shifts_per_day": len(shifts) if "per_day" in kinds else data.max_shifts_per_day,
            "max_consecutive_days": None if "consecutive" in kinds else data.max_consecutive_days,
            "forbidden_sequences": [r for k, r in enumerate(data.forbidden_sequences) if ("sequence", k) not in which]})

    return rules, relax


def _first_shortage(data: ShiftSchedulingInput, required: dict, available: dict, slots: list) -> str | None:
    """A shift that fewer employees can work than it needs, as a sentence, or None."""
    for d, s in slots:
        day, shift = data.days[d], data.shifts[s].name
        free = sum(available[e, d, s] for e in range(len(data.employees)))
        if free < required[day, shift]:
            return f"{day} {shift} needs {required[day, shift]} employees but only {free} are available"
    return None


_MESSAGES = {
    "infeasible": "No roster meets every rule: coverage, availability, shift limits and rest rules conflict.",
    "time_limit": "No roster was found within the time limit; raise time_limit_s.",
    "feasible": "Stopped at the time limit or gap; the roster is feasible, not proven cheapest.",
}

_WEEK = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

TEMPLATE = Template(
    name="employee_shift_scheduling",
    display_name="Employee Shift Scheduler",
    description="Build a weekly roster that staffs every shift, respects availability, shift limits and "
                "rest rules, and minimizes cost while honouring employee preferences.",
    category="scheduling",
    tags=["scheduling", "rostering", "shifts", "workforce", "staffing", "cp-sat"],
    credits_per_execution=6,
    input_model=ShiftSchedulingInput,
    example_input={
        "days": _WEEK,
        "shifts": [{"name": "Morning", "required": 2}, {"name": "Evening", "required": 2},
                   {"name": "Night", "required": 1}],
        "coverage": [{"day": "Sat", "shift": "Evening", "required": 3},
                     {"day": "Sun", "shift": "Morning", "required": 1}],
        "employees": [
            {"name": "Alice", "max_shifts": 5, "min_shifts": 3, "cost_per_shift": 120,
             "preferences": [{"shift": "Morning", "weight": 10}]},
            {"name": "Bruno", "max_shifts": 5, "cost_per_shift": 110,
             "unavailable": [{"day": "Sun"}]},
            {"name": "Chen", "max_shifts": 6, "cost_per_shift": 100,
             "preferences": [{"shift": "Night", "weight": 15}]},
            {"name": "Dana", "max_shifts": 5, "cost_per_shift": 105,
             "unavailable": [{"day": "Mon", "shift": "Morning"}]},
            {"name": "Emeka", "max_shifts": 6, "cost_per_shift": 95,
             "preferences": [{"day": "Sat", "weight": -20}]},
            {"name": "Fatima", "max_shifts": 5, "cost_per_shift": 115},
            {"name": "Gus", "max_shifts": 4, "cost_per_shift": 90},
        ],
        "max_consecutive_days": 5,
        "forbidden_sequences": [{"first": "Night", "then": "Morning"}],
    },
    solve=solve,
)
