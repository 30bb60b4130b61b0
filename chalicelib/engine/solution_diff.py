"""What changed between two runs: a JSON diff of their inputs, and a diff of their solutions
that a person can read, chosen by the solution's shape.

Shapes recognised (by the fields the templates return, not by template name):
  routes       `routes[].vehicle` + `customers`/`stops` names (cvrp, vrp_time_windows), or a `tour` (tsp)
  shifts       `schedule[].day` + `shifts[].employees` (employee_shift_scheduling)
  schedule     `schedule[].start` + `job`/`operation` or `activity` (job_shop, project_scheduling)
  selection    `items_packed`, `sets_chosen`, `open_facilities`, `funded_projects`
  assignment   `assignments`/`allocations` (who or where each thing went), `bins[].items`
  variables    `variables` {name: value} (POST /solve, builder documents, MathOpt)
A solution may match several (a facility plan opens facilities and assigns customers); one
that matches none is diffed as JSON. All work is linear in the size of the two documents
(routes: n log n), bounded by MAX_NODES, and every list is capped at MAX_CHANGES entries
with the count of all. Pure: no AWS, no solver.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from typing import Any, Callable, Literal

from pydantic import BaseModel, Field

MAX_CHANGES = 500
MAX_NODES = 200_000
"""Pairs of JSON values a generic diff may visit; beyond it the diff stops, `truncated`."""
MAX_VALUE_CHARS = 200
"""A value shown in a change is cut to about this much JSON; larger ones become a summary."""
MAX_SUBJECT_CHARS = 300
"""Paths and names are cut to this (a hostile input's keys can be long): the answer stays small."""

ChangeKind = Literal[
    "added", "removed", "changed",  # JSON values, stops, variables, operations
    "moved", "reordered", "reversed", "skipped", "served", "vehicle_added", "vehicle_removed",  # routes
    "reassigned", "joined", "left",  # assignments, shifts
    "entered", "exited", "quantity_changed",  # selections
    "rescheduled",  # schedules
]
SolutionShape = Literal["routes", "shifts", "schedule", "selection", "assignment", "variables", "generic"]


class Change(BaseModel):
    """One difference between run A and run B."""

    change: ChangeKind
    subject: str
    """What changed: a JSON path (`resources[name="weight_kg"].capacity`), a stop, an item, a variable."""
    a: Any = None
    """Its value, place or holder in run A (null: absent there)."""
    b: Any = None
    """The same in run B."""
    delta: float | None = None
    """b - a where both are numbers (a value, a position, a start time)."""
    description: str
    """The change in one sentence."""


class ChangeSet(BaseModel):
    changes: list[Change]
    """At most MAX_CHANGES (500) entries; `count` says how many there are in all."""
    count: int
    truncated: bool
    """True when `changes` holds fewer than `count`, or the diff stopped at its work limit."""
    counts: dict[str, int] = Field(default_factory=dict)
    """How many changes of each kind (`moved`: 3, `entered`: 1...), over all of them."""


class SolutionChanges(ChangeSet):
    kind: SolutionShape | None = None
    """The main shape the diff was chosen by; null when a run has no solution."""
    shapes: list[SolutionShape] = Field(default_factory=list)
    """Every shape recognised (a facility plan: selection and assignment)."""


class _Collector:
    """Changes in the order found, capped; counts of every kind over all of them."""

    def __init__(self, limit: int = MAX_CHANGES) -> None:
        self.limit, self.changes, self.count, self.counts, self.stopped = limit, [], 0, {}, False

    def add(self, change: str, subject: str, description: str | Callable[[], str], a: Any = None,
            b: Any = None, delta: float | None = None) -> None:
        """`description` may be a function: past the cap nothing is formatted, only counted."""
        self.count += 1
        self.counts[change] = self.counts.get(change, 0) + 1
        if len(self.changes) < self.limit:
            text = description if isinstance(description, str) else description()
            self.changes.append(Change(change=change, subject=_clip(subject, MAX_SUBJECT_CHARS), a=brief(a),
                                       b=brief(b), delta=_finite(delta), description=_clip(text, 3 * MAX_VALUE_CHARS)))

    def result(self) -> ChangeSet:
        return ChangeSet(changes=self.changes, count=self.count, counts=self.counts,
                         truncated=self.stopped or self.count > len(self.changes))


# ---- small helpers ------------------------------------------------------------------------

def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def fmt(value: Any) -> str:
    """A number as a person reads it: 1,234 / 1,182.5 / 0.0125; anything else as text."""
    if not is_number(value):
        return "null" if value is None else str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + fmt(value)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def brief(value: Any) -> Any:
    """`value` when its JSON is small, else a short stand-in ("{12 keys}", "[400 items]")."""
    if isinstance(value, str):
        return value if len(value) <= MAX_VALUE_CHARS else value[:MAX_VALUE_CHARS] + "…"
    if not isinstance(value, (dict, list)):
        return value
    if _size(value, MAX_VALUE_CHARS) <= MAX_VALUE_CHARS:
        return value
    return f"{{{len(value)} keys}}" if isinstance(value, dict) else f"[{len(value)} items]"


def _size(value: Any, room: int) -> int:
    """Roughly the length of `value`'s JSON, counting no further than `room` (bounded work)."""
    used, stack = 0, [value]
    while stack and used <= room:
        node = stack.pop()
        if isinstance(node, dict):
            used += 2 + sum(len(str(key)) + 4 for key in node)
            stack.extend(node.values())
        elif isinstance(node, list):
            used += 2 + len(node)
            stack.extend(node)
        else:
            used += len(str(node)) + 2
    return used


def _shown(value: Any) -> str:
    shown = brief(value)
    if is_number(shown) or shown is None:
        return fmt(shown)
    return json.dumps(shown, ensure_ascii=False)


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _names(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit:,} more" if len(names) > limit else "")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---- generic JSON diff ----------------------------------------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key_path(path: str, key: Any) -> str:
    key = str(key)
    if _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{_quote(key)}]"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list_key(a: list, b: list) -> str | None:
    """The field that names each element of two lists of objects (`name`, `id`, or the first
    field), when it is a string present and unique in every element of both; else None."""
    if not a or not b or not isinstance(a[0], dict) or not isinstance(b[0], dict):
        return None
    candidates = [key for key in ("name", "id") if key in a[0]] + list(a[0])[:1]
    for key in dict.fromkeys(candidates):
        if all(_names_unique(items, key) for items in (a, b)):
            return key
    return None


def _names_unique(items: list, key: str) -> bool:
    seen = set()
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get(key), str) or item[key] in seen:
            return False
        seen.add(item[key])
    return True


def json_diff(a: Any, b: Any, *, limit: int = MAX_CHANGES, budget: int = MAX_NODES) -> ChangeSet:
    """Paths added, removed and changed from `a` to `b`. Lists of named objects are matched by
    name (`customers[name="C7"].demand`), other lists by position."""
    found = _Collector(limit)
    stack: list[tuple[str, Any, Any]] = [("", a, b)]
    visited = 0
    while stack:
        visited += 1
        if visited > budget:
            found.stopped = True
            break
        path, left, right = stack.pop()
        where = path or "(root)"
        if isinstance(left, (dict, list)) and left == right:
            continue  # equal subtrees at C speed (true == 1 here, but strict inputs never mix them)
        if isinstance(left, dict) and isinstance(right, dict):
            pending = []
            for key, value in left.items():
                child = _key_path(path, key)
                if key in right:
                    pending.append((child, value, right[key]))
                else:
                    found.add("removed", child, f"{child} removed (was {_shown(value)})", a=value)
            for key, value in right.items():
                if key not in left:
                    child = _key_path(path, key)
                    found.add("added", child, f"{child} added: {_shown(value)}", b=value)
            stack.extend(reversed(pending))
        elif isinstance(left, list) and isinstance(right, list):
            stack.extend(reversed(_list_pairs(path, left, right, found)))
        elif left == right and (type(left) is type(right) or (is_number(left) and is_number(right))):
            continue  # the same value; true and 1 are not
        elif found.count >= found.limit:
            found.add("changed", where, "")  # counted, not shown: spare the formatting
        else:
            delta = right - left if is_number(left) and is_number(right) else None
            found.add("changed", where, f"{where}: {_shown(left)} → {_shown(right)}", a=left, b=right, delta=delta)
    return found.result()


def _list_pairs(path: str, left: list, right: list, found: _Collector) -> list[tuple[str, Any, Any]]:
    key = _list_key(left, right)
    if key is None:
        for index in range(len(right), len(left)):
            found.add("removed", f"{path}[{index}]", f"{path}[{index}] removed (was {_shown(left[index])})",
                      a=left[index])
        for index in range(len(left), len(right)):
            found.add("added", f"{path}[{index}]", f"{path}[{index}] added: {_shown(right[index])}",
                      b=right[index])
        return [(f"{path}[{index}]", left[index], right[index]) for index in range(min(len(left), len(right)))]
    by_name = {item[key]: item for item in right}
    kept = set()
    pending = []
    for item in left:
        child = f'{path}[{key}={_quote(item[key])}]'
        if item[key] in by_name:
            kept.add(item[key])
            pending.append((child, item, by_name[item[key]]))
        else:
            found.add("removed", child, f"{child} removed", a=item)
    for item in right:
        if item[key] not in kept:
            child = f'{path}[{key}={_quote(item[key])}]'
            found.add("added", child, f"{child} added: {_shown(item)}", b=item)
    return pending


# ---- solutions by shape ----------------------------------------------------------------------

class _Diff:
    """Changes of one shape and the clauses that sum them up for the summary."""

    def __init__(self, found: _Collector) -> None:
        self.found, self.clauses = found, []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _route_plan(solution: dict) -> tuple[dict[str, list[str]], list[str], bool] | None:
    """vehicle -> its stops in order, the skipped stops, and whether it is a single tour."""
    routes = solution.get("routes")
    if isinstance(routes, list) and all(isinstance(r, dict) and isinstance(r.get("vehicle"), str) for r in routes):
        plan: dict[str, list[str]] = {}
        for route in routes:
            stops = next((route[field] for field in ("customers", "stops")
                          if isinstance(route.get(field), list) and all(isinstance(s, str) for s in route[field])),
                         None)
            if stops is None:
                return None
            plan[route["vehicle"]] = list(stops)
        skipped = [name for name in (_text(s.get("name")) if isinstance(s, dict) else _text(s)
                                     for s in solution.get("skipped") or []) if name]
        return plan, skipped, False
    tour = solution.get("tour")
    if isinstance(tour, list) and tour and all(isinstance(s, str) for s in tour):
        stops = tour[1:]
        if stops and stops[-1] == tour[0]:
            stops = stops[:-1]
        return {"tour": stops}, [], True
    return None


def _increasing(sequence: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    tail_at: list[int] = []
    before = [-1] * len(sequence)
    for index, value in enumerate(sequence):
        spot = bisect.bisect_left(tails, value)
        if spot == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[spot] = value
            tail_at[spot] = index
        before[index] = tail_at[spot - 1] if spot else -1
    kept, index = [], tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.append(index)
        index = before[index]
    return kept[::-1]


def diff_routes(a: dict, b: dict, found: _Collector) -> _Diff | None:
    plan_a, plan_b = _route_plan(a), _route_plan(b)
    if plan_a is None or plan_b is None:
        return None
    (routes_a, skipped_a, tour), (routes_b, skipped_b, _) = plan_a, plan_b
    diff = _Diff(found)
    where_a = {stop: (vehicle, i) for vehicle, stops in routes_a.items() for i, stop in enumerate(stops)}
    where_b = {stop: (vehicle, i) for vehicle, stops in routes_b.items() for i, stop in enumerate(stops)}
    skipped_a_set, skipped_b_set = set(skipped_a), set(skipped_b)
    used_a = [v for v, stops in routes_a.items() if stops]
    used_b = [v for v, stops in routes_b.items() if stops]

    if not tour:
        added = [v for v in used_b if v not in routes_a or not routes_a[v]]
        dropped = [v for v in used_a if v not in routes_b or not routes_b[v]]
        for vehicle in added:
            found.add("vehicle_added", vehicle, f"vehicle {vehicle} is now used", b=vehicle)
        for vehicle in dropped:
            found.add("vehicle_removed", vehicle, f"vehicle {vehicle} is no longer used", a=vehicle)
        if added:
            diff.clauses.append(f"vehicle {_names(added)} {'is' if len(added) == 1 else 'are'} now used")
        if dropped:
            diff.clauses.append(f"vehicle {_names(dropped)} {'is' if len(dropped) == 1 else 'are'} no longer used")

    moved = skipped = served = gone = new = 0
    for stop, (vehicle, _) in where_a.items():
        if stop in where_b:
            other = where_b[stop][0]
            if other != vehicle:
                moved += 1
                found.add("moved", stop, f"stop {stop} moved from vehicle {vehicle} to vehicle {other}",
                          a=vehicle, b=other)
        elif stop in skipped_b_set:
            skipped += 1
            found.add("skipped", stop, f"stop {stop} is now skipped (was on vehicle {vehicle})", a=vehicle)
        else:
            gone += 1
            found.add("removed", stop, f"stop {stop} is no longer in the plan (was on vehicle {vehicle})", a=vehicle)
    for stop, (vehicle, _) in where_b.items():
        if stop in where_a:
            continue
        if stop in skipped_a_set:
            served += 1
            found.add("served", stop, f"stop {stop} is now served by vehicle {vehicle} (was skipped)", b=vehicle)
        else:
            new += 1
            found.add("added", stop, f"stop {stop} is new, on vehicle {vehicle}", b=vehicle)
    for stop in skipped_b:
        if stop not in where_a and stop not in skipped_a_set:
            found.add("skipped", stop, f"stop {stop} is new and skipped")

    reordered = reversed_routes = 0
    for vehicle, stops in routes_a.items():
        order_b = {stop: i for i, stop in enumerate(routes_b.get(vehicle, ()))}
        common = [stop for stop in stops if stop in order_b]
        if len(common) < 2:
            continue
        forward = _increasing([order_b[stop] for stop in common])
        backward = _increasing([-order_b[stop] for stop in common])
        keep = forward
        if len(backward) > len(forward) and len(common) > 2:
            reversed_routes += 1
            keep = backward
            found.add("reversed", vehicle, "the tour runs in the opposite direction" if tour
                      else f"vehicle {vehicle} drives its route in the opposite direction")
        kept = {common[i] for i in keep}
        position_a = {stop: i for i, stop in enumerate(stops)}
        for stop in common:
            if stop in kept:
                continue
            reordered += 1
            was, now = position_a[stop] + 1, order_b[stop] + 1
            place = "on the tour" if tour else f"on vehicle {vehicle}"
            found.add("reordered", stop, f"stop {stop} is now {_ordinal(now)} {place} (was {_ordinal(was)})",
                      a=was, b=now, delta=now - was)

    if moved:
        diff.clauses.append(f"{_plural(moved, 'stop')} moved between vehicles")
    if reversed_routes:
        diff.clauses.append("the tour runs in the opposite direction" if tour
                            else f"{_plural(reversed_routes, 'route')} now run{'s' if reversed_routes == 1 else ''} "
                                 "in the opposite direction")
    if reordered:
        where = "on the tour" if tour else "within its route" if reordered == 1 else "within their routes"
        diff.clauses.append(f"{_plural(reordered, 'stop')} changed position {where}")
    for count, text in ((skipped, "now skipped"), (served, "now served (skipped before)"),
                        (gone, "no longer in the plan"), (new, "new")):
        if count:
            diff.clauses.append(f"{_plural(count, 'stop')} {'is' if count == 1 else 'are'} {text}")
    if not diff.clauses:
        diff.clauses.append("the routes are the same" if not tour else "the tour is the same")
    return diff


def _shift_plan(solution: dict) -> dict[tuple[str, str], list[str]] | None:
    schedule = solution.get("schedule")
    if not isinstance(schedule, list) or not schedule:
        return None
    plan = {}
    for day in schedule:
        if not isinstance(day, dict) or not isinstance(day.get("day"), str) or not isinstance(day.get("shifts"), list):
            return None
        for shift in day["shifts"]:
            if not isinstance(shift, dict) or not isinstance(shift.get("employees"), list):
                return None
            plan[(day["day"], str(shift.get("shift")))] = [str(e) for e in shift["employees"]]
    return plan


def diff_shifts(a: dict, b: dict, found: _Collector) -> _Diff | None:
    plan_a, plan_b = _shift_plan(a), _shift_plan(b)
    if plan_a is None or plan_b is None:
        return None
    diff = _Diff(found)
    changed = 0
    for slot in dict.fromkeys([*plan_a, *plan_b]):
        before, after = plan_a.get(slot, []), plan_b.get(slot, [])
        staying_before, staying_after = set(before), set(after)
        left = [e for e in before if e not in staying_after]
        joined = [e for e in after if e not in staying_before]
        if not left and not joined:
            continue
        changed += 1
        label = f"{slot[0]} {slot[1]}"
        if left and joined:
            found.add("reassigned", label, f"{label}: {', '.join(left)} → {', '.join(joined)}", a=left, b=joined)
        elif joined:
            found.add("joined", label, f"{label}: {', '.join(joined)} join{'s' if len(joined) == 1 else ''}",
                      b=joined)
        else:
            found.add("left", label, f"{label}: {', '.join(left)} no longer on it", a=left)
    diff.clauses.append(f"{_plural(changed, 'shift')} changed hands" if changed else "every shift has the same staff")
    return diff


def _schedule_plan(solution: dict) -> dict[str, dict] | None:
    schedule = solution.get("schedule")
    if not isinstance(schedule, list) or not schedule:
        return None
    plan = {}
    for entry in schedule:
        if not isinstance(entry, dict) or not is_number(entry.get("start")):
            return None
        if "activity" in entry:
            plan[str(entry["activity"])] = entry
        elif "job" in entry and "operation" in entry:
            plan[f"{entry['job']} operation {entry['operation']}"] = entry
        else:
            return None
    return plan


def diff_schedule(a: dict, b: dict, found: _Collector) -> _Diff | None:
    plan_a, plan_b = _schedule_plan(a), _schedule_plan(b)
    if plan_a is None or plan_b is None:
        return None
    diff = _Diff(found)
    shifted = moved = 0
    for name, entry in plan_a.items():
        other = plan_b.get(name)
        if other is None:
            found.add("removed", name, f"{name} is no longer scheduled (started at {fmt(entry['start'])})",
                      a=entry["start"])
            continue
        parts = []
        machine_a, machine_b = entry.get("machine"), other.get("machine")
        if machine_a != machine_b:
            moved += 1
            parts.append(f"moved from {machine_a} to {machine_b}")
        delta = other["start"] - entry["start"]
        if delta:
            shifted += 1
            parts.append(f"starts at {fmt(other['start'])} instead of {fmt(entry['start'])} ({_signed(delta)})")
        if parts:
            kind = "moved" if machine_a != machine_b else "rescheduled"
            found.add(kind, name, f"{name} " + " and ".join(parts), a=entry["start"], b=other["start"],
                      delta=delta)
    for name, entry in plan_b.items():
        if name not in plan_a:
            found.add("added", name, f"{name} is new, starting at {fmt(entry['start'])}", b=entry["start"])
    if shifted:
        diff.clauses.append(f"{_plural(shifted, 'operation')} start{'s' if shifted == 1 else ''} at another time")
    if moved:
        diff.clauses.append(f"{_plural(moved, 'operation')} moved to another machine")
    if not diff.clauses:
        diff.clauses.append("the schedule is the same")
    return diff


SELECTIONS: dict[str, tuple[str | None, str, str, str]] = {
    # solution field: (name field of each entry, noun, entering verb, leaving verb)
    "items_packed": ("item", "item", "is now packed", "is no longer packed"),
    "sets_chosen": ("set", "set", "is now chosen", "is no longer chosen"),
    "open_facilities": (None, "facility", "opened", "closed"),
    "funded_projects": ("project", "project", "is now funded", "is no longer funded"),
}
_COPY_FIELDS = ("copies", "quantity")


def _chosen(entries: Any, name_field: str | None) -> dict[str, float] | None:
    if not isinstance(entries, list):
        return None
    chosen = {}
    for entry in entries:
        if name_field is None:
            if not isinstance(entry, str):
                return None
            chosen[entry] = 1
        else:
            if not isinstance(entry, dict) or not isinstance(entry.get(name_field), str):
                return None
            copies = next((entry[f] for f in _COPY_FIELDS if is_number(entry.get(f))), 1)
            chosen[entry[name_field]] = chosen.get(entry[name_field], 0) + copies
    return chosen


def diff_selections(a: dict, b: dict, found: _Collector) -> _Diff | None:
    diff = None
    for field, (name_field, noun, entering, leaving) in SELECTIONS.items():
        chosen_a, chosen_b = _chosen(a.get(field), name_field), _chosen(b.get(field), name_field)
        if chosen_a is None or chosen_b is None:
            continue
        diff = diff or _Diff(found)
        entered = [name for name in chosen_b if name not in chosen_a]
        exited = [name for name in chosen_a if name not in chosen_b]
        for name in entered:
            found.add("entered", name, f"{noun} {name} {entering}", b=chosen_b[name])
        for name in exited:
            found.add("exited", name, f"{noun} {name} {leaving}", a=chosen_a[name])
        recounted = 0
        for name, copies in chosen_a.items():
            if name in chosen_b and chosen_b[name] != copies:
                recounted += 1
                found.add("quantity_changed", name, f"{noun} {name}: {fmt(copies)} → {fmt(chosen_b[name])} copies",
                          a=copies, b=chosen_b[name], delta=chosen_b[name] - copies)
        nouns = "facilities" if noun == "facility" else noun + "s"
        for names, verb in ((entered, entering), (exited, leaving)):
            if names:
                verb = verb if len(names) == 1 else verb.replace("is ", "are ", 1)
                diff.clauses.append(f"{_plural(len(names), noun, nouns)} {verb} ({_names(names)})")
        if recounted:
            diff.clauses.append(f"{_plural(recounted, noun, nouns)} {'has' if recounted == 1 else 'have'} "
                                f"another number of copies")
        if not (entered or exited or recounted):
            diff.clauses.append(f"the same {nouns} are chosen")
    return diff


ASSIGNMENTS: tuple[tuple[str, str, str, str | None], ...] = (
    # solution field, subject field, holder field, quantity field
    ("assignments", "task", "worker", None),
    ("assignments", "job", "agent", None),
    ("assignments", "customer", "facility", "quantity"),
    ("assignments", "vertex", "color", None),
    ("allocations", "product", "warehouse", "units"),
)


def _holders(solution: dict) -> tuple[str, dict[str, dict[str, float]]] | None:
    """subject noun, and each subject -> {holder: quantity} (an item split over bins...)."""
    for field, subject, holder, quantity in ASSIGNMENTS:
        entries = solution.get(field)
        if not (isinstance(entries, list) and entries and isinstance(entries[0], dict)
                and subject in entries[0] and holder in entries[0]):
            continue
        held: dict[str, dict[str, float]] = {}
        for entry in entries:
            if not isinstance(entry, dict):
                return None
            amount = entry.get(quantity) if quantity and is_number(entry.get(quantity)) else 1
            spot = held.setdefault(str(entry.get(subject)), {})
            spot[str(entry.get(holder))] = spot.get(str(entry.get(holder)), 0) + amount
        return subject, held
    bins = solution.get("bins")
    if isinstance(bins, list) and bins and all(isinstance(x, dict) and isinstance(x.get("items"), list) for x in bins):
        held = {}
        for container in bins:
            for item in container["items"]:
                if not isinstance(item, dict):
                    return None
                amount = item.get("quantity") if is_number(item.get("quantity")) else 1
                spot = held.setdefault(str(item.get("item")), {})
                spot[str(container.get("bin"))] = spot.get(str(container.get("bin")), 0) + amount
        return "item", held
    return None


def _spread(holders: dict[str, float]) -> str:
    if len(holders) == 1 and next(iter(holders.values())) == 1:
        return next(iter(holders))
    return ", ".join(f"{holder} ({fmt(amount)})" for holder, amount in holders.items())


def diff_assignments(a: dict, b: dict, found: _Collector) -> _Diff | None:
    held_a, held_b = _holders(a), _holders(b)
    if held_a is None or held_b is None or held_a[0] != held_b[0]:
        return None
    noun, before, after = held_a[0], held_a[1], held_b[1]
    diff = _Diff(found)
    moved = amounts = 0
    for subject, holders in before.items():
        other = after.get(subject)
        if other is None:
            found.add("removed", subject, f"{noun} {subject} is no longer assigned (was {_spread(holders)})",
                      a=_spread(holders))
        elif set(other) != set(holders):
            moved += 1
            if len(holders) == 1 and len(other) == 1:
                text = f"{noun} {subject} moved from {next(iter(holders))} to {next(iter(other))}"
            else:
                text = f"{noun} {subject}: {_spread(holders)} → {_spread(other)}"
            found.add("reassigned", subject, text, a=_spread(holders), b=_spread(other))
        elif other != holders:
            amounts += 1
            found.add("quantity_changed", subject, f"{noun} {subject}: {_spread(holders)} → {_spread(other)}",
                      a=_spread(holders), b=_spread(other))
    for subject, holders in after.items():
        if subject not in before:
            found.add("added", subject, f"{noun} {subject} is new, assigned to {_spread(holders)}", b=_spread(holders))
    if moved:
        diff.clauses.append(f"{_plural(moved, noun, 'vertices' if noun == 'vertex' else None)} changed "
                            f"{'its' if moved == 1 else 'their'} assignment")
    if amounts:
        diff.clauses.append(f"{_plural(amounts, noun)} split differently")
    if not (moved or amounts):
        diff.clauses.append("every assignment is the same")
    return diff


def diff_variables(a: dict, b: dict, found: _Collector) -> _Diff | None:
    values_a, values_b = a.get("variables"), b.get("variables")
    if not isinstance(values_a, dict) or not isinstance(values_b, dict):
        return None
    diff = _Diff(found)
    rows = []
    for name, value in values_a.items():
        other = values_b.get(name)
        if name not in values_b:
            rows.append((abs(value) if is_number(value) else 0, "removed", name, value, None, None))
        elif is_number(value) and is_number(other):
            delta = other - value
            if abs(delta) > 1e-9 * max(1.0, abs(value), abs(other)):
                rows.append((abs(delta), "changed", name, value, other, delta))
        elif value != other:
            rows.append((0, "changed", name, value, other, None))
    rows += [(abs(value) if is_number(value) else 0, "added", name, None, value, None)
             for name, value in values_b.items() if name not in values_a]
    rows.sort(key=lambda row: -row[0])
    for _, kind, name, value, other, delta in rows:
        if kind == "removed":
            text = f"{name} is not in run B (was {fmt(value)})"
        elif kind == "added":
            text = f"{name} is new in run B: {fmt(other)}"
        else:
            text = f"{name}: {fmt(value)} → {fmt(other)}" + (f" ({_signed(delta)})" if delta is not None else "")
        found.add(kind, name, text, a=value, b=other, delta=delta)
    diff.clauses.append(f"{_plural(len(rows), 'variable')} changed value" if rows
                        else "every variable has the same value")
    return diff


DETECTORS: tuple[tuple[SolutionShape, Callable[[dict, dict, _Collector], _Diff | None]], ...] = (
    ("routes", diff_routes),
    ("shifts", diff_shifts),
    ("schedule", diff_schedule),
    ("selection", diff_selections),
    ("assignment", diff_assignments),
    ("variables", diff_variables),
)


def diff_solutions(a: dict | None, b: dict | None, *, limit: int = MAX_CHANGES,
                   budget: int = MAX_NODES) -> tuple[SolutionChanges, list[str]]:
    """The changes from solution `a` to `b`, and clauses that sum them up."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return SolutionChanges(changes=[], count=0, truncated=False), []
    found = _Collector(limit)
    shapes, clauses = [], []
    for shape, detect in DETECTORS:
        diff = detect(a, b, found)
        if diff is not None:
            shapes.append(shape)
            clauses += diff.clauses
    if not shapes:
        generic = json_diff(a, b, limit=limit, budget=budget)
        clauses = [f"the solutions differ in {_plural(generic.count, 'place')}" if generic.count
                   else "the solutions are the same"]
        return SolutionChanges(**generic.model_dump(), kind="generic", shapes=["generic"]), clauses
    return SolutionChanges(**found.result().model_dump(), kind=shapes[0], shapes=shapes), clauses


# ---- numbers and the summary -----------------------------------------------------------------

class NumberDelta(BaseModel):
    a: float | None
    b: float | None
    delta: float | None
    """b - a."""
    relative_delta: float | None
    """(b - a) / |a|; null when a is 0 or either is missing."""


class Kpi(BaseModel):
    name: str
    """A numeric field at the top of both solutions (total_distance, vehicles_used...)."""
    a: float | None
    b: float | None
    delta: float | None
    relative_delta: float | None


def number_delta(a: Any, b: Any) -> NumberDelta:
    a = float(a) if is_number(a) else None
    b = float(b) if is_number(b) else None
    delta = None if a is None or b is None else b - a
    relative = None if delta is None else 0.0 if delta == 0 else None if a == 0 else delta / abs(a)
    return NumberDelta(a=a, b=b, delta=_finite(delta), relative_delta=_finite(relative))


def kpis(a: dict | None, b: dict | None) -> list[Kpi]:
    """Numbers at the top of both solutions (not booleans), in run A's order."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return []
    return [Kpi(name=name, **number_delta(value, b[name]).model_dump())
            for name, value in a.items() if is_number(value) and is_number(b.get(name))]


def objective_sentence(objective: NumberDelta, status_a: str | None, status_b: str | None) -> str:
    if objective.a is None or objective.b is None:
        missing = [f"run {label} has none ({status})" for label, value, status in
                   (("A", objective.a, status_a), ("B", objective.b, status_b)) if value is None]
        return f"No objective to compare: {' and '.join(missing)}."
    if objective.delta == 0:
        return f"Objective unchanged ({fmt(objective.a)})."
    verb = "rose" if objective.delta > 0 else "fell"
    if objective.relative_delta is None:
        return f"Objective {verb} from {fmt(objective.a)} to {fmt(objective.b)}."
    return (f"Objective {verb} {abs(objective.relative_delta) * 100:.3g}% "
            f"({fmt(objective.a)} → {fmt(objective.b)}).")


def summary(objective: NumberDelta, status_a: str | None, status_b: str | None, clauses: list[str],
            input_changes: ChangeSet) -> str:
    """A few sentences: the objective, the statuses, the solution changes, the inputs."""
    sentences = [objective_sentence(objective, status_a, status_b)]
    if status_a != status_b:
        sentences.append(f"Status changed from {status_a} to {status_b}.")
    if clauses:
        text = "; ".join(clauses)
        sentences.append(text[0].upper() + text[1:] + ".")
    if input_changes.count == 0:
        sentences.append("The inputs are identical.")
    elif input_changes.count <= 2 and not input_changes.truncated:
        sentences.append("Input changes: " + "; ".join(c.description for c in input_changes.changes) + ".")
    else:
        more = " at least" if input_changes.truncated else ""
        sentences.append(f"The inputs differ in{more} {_plural(input_changes.count, 'place')}.")
    return " ".join(sentences)
