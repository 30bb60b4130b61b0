"""Marketplace templates on their published benchmark instances, and every example input.

Each instance under tests/data is solved in-process through its template, with
RunOptions(num_workers=2, time_limit_s=10), and printed next to its published optimum:
the gap is how far the reported objective is from that optimum (0 when it is reached).

"to sol." is when the reported solution was first found, in seconds since the template was
called (input validation and model building included, as in "total"). Every solver reports its
improving solutions as they come and the bench listens: CP-SAT through a solution callback (the
reported solution is the last one of the last CP-SAT solve), PyVRP through its
stopping criterion, which PyVRP calls after every iteration with the best cost so far (the first
plan as cheap as the reported one; costs compared unscaled, right for the TSPLIB/CVRPLIB instances,
whose distances are whole numbers), SCIP through
its log (captured from the process's stdout: the first line showing the final primal bound, to
SCIP's 0.1 s resolution). When the last solver to run gave no signal (GLOP: an LP's one solution
is its last; the cutting-stock template when its rounding met the bound and SCIP never ran), the
column repeats the whole solve time, marked *. Nothing is asserted beyond sanity: the run
completes and the objective is a number.

    .venv/bin/python bench/templates.py
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chalicelib.engine import cpsat, linear, vrp  # noqa: E402
from chalicelib.engine.options import RunOptions  # noqa: E402
from chalicelib.templates import TEMPLATE_NAMES, get_template  # noqa: E402
from tests.engine import (  # noqa: E402
    test_capacitated_facility_location,
    test_cutting_stock,
    test_generalized_assignment,
    test_graph_coloring,
    test_job_shop,
    test_knapsack,
    test_project_scheduling,
)

DATA = ROOT / "tests" / "data"
OPTIONS = RunOptions(num_workers=2, time_limit_s=10)


# --- When was the reported solution found? ------------------------------------------------

RUN_STARTED = [0.0]  # time.perf_counter() when the current template run began
# One entry per solver call that reports solutions: (engine, [(seconds since RUN_STARTED, objective)]).
SOLVER_CALLS: list[tuple[str, list[tuple[float, float | None]]]] = []


def _since_start() -> float:
    return time.perf_counter() - RUN_STARTED[0]


def _listen_to_cp_sat() -> None:
    """Every cpsat.solve reports each improving solution to a callback; CP-SAT returns the last one."""
    from ortools.sat.python import cp_model

    class Listener(cp_model.CpSolverSolutionCallback):
        def __init__(self, events: list) -> None:
            super().__init__()
            self.events = events

        def on_solution_callback(self) -> None:
            self.events.append((_since_start(), None))

    original_solve, original_create = cpsat.solve, cpsat.create_solver

    def solve(model, options, **kwargs):
        events: list = []
        SOLVER_CALLS.append(("cp-sat", events))

        def create(*args, **kw):
            solver = original_create(*args, **kw)
            plain = solver.solve
            solver.solve = lambda m, callback=None: plain(m, Listener(events))
            return solver

        cpsat.create_solver = create
        try:
            return original_solve(model, options, **kwargs)
        finally:
            cpsat.create_solver = original_create

    cpsat.solve = solve


def _listen_to_routing() -> None:
    """PyVRP asks its stopping criterion after every iteration, with the best cost so far: listen there."""
    original_call = vrp._Stop.__call__

    def call(self, best_cost):
        if not self.iterations:
            SOLVER_CALLS.append(("routing", []))
        if best_cost < self.best:
            SOLVER_CALLS[-1][1].append((_since_start(), best_cost))
        return original_call(self, best_cost)

    vrp._Stop.__call__ = call


_SCIP_ROW = re.compile(r"^\s*\S?\s*(\d+(?:\.\d+)?)s\|")
_SCIP_FOUND = re.compile(r"found by .* after ([\d.]+) seconds, objective value (\S+)")


def _listen_to_scip() -> None:
    """SCIP reports each new incumbent in its log: turn the log on and read it from the stdout file."""
    original_solve = linear.solve

    def solve(solver, *args, **kwargs):
        if "SCIP" not in solver.SolverVersion():
            return original_solve(solver, *args, **kwargs)
        events: list = []
        SOLVER_CALLS.append(("scip", events))
        solver.EnableOutput()
        sys.stdout.flush()
        saved, log = os.dup(1), tempfile.TemporaryFile()
        began = _since_start()
        os.dup2(log.fileno(), 1)
        try:
            return original_solve(solver, *args, **kwargs)
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
            log.seek(0)
            events.extend((began + t, v) for t, v in _scip_incumbents(log.read().decode(errors="replace")))
            log.close()

    linear.solve = solve


def _scip_incumbents(text: str) -> list[tuple[float, float]]:
    """(SCIP seconds, primal bound) from the log: "found by ... after" lines and the progress table."""
    out, column = [], None
    for line in text.splitlines():
        found = _SCIP_FOUND.search(line)
        if found:
            out.append((float(found.group(1)), float(found.group(2))))
        elif "primalbound" in line:
            column = [cell.strip() for cell in line.split("|")].index("primalbound")
        elif column is not None and _SCIP_ROW.match(line):
            cells = line.split("|")
            try:
                out.append((float(_SCIP_ROW.match(line).group(1)), float(cells[column])))
            except (IndexError, ValueError):  # "--" before the first solution
                continue
    return out


def time_to_solution(outcome) -> str:
    """Seconds until the reported solution was found, or the whole solve time (marked *)."""
    engine, events = next(((e, ev) for e, ev in reversed(SOLVER_CALLS) if ev), (None, []))
    if engine == "cp-sat":
        return f"{events[-1][0]:.2f}"
    if engine == "routing" and outcome.objective_value is not None:
        for seconds, cost in events:  # the first accepted plan as good as the reported one
            if cost <= outcome.objective_value + 1e-6:
                return f"{seconds:.2f}"
    if engine == "scip":
        final = events[-1][1]
        for seconds, value in events:  # the log prints 7 significant digits
            if abs(value - final) <= 1e-6 * max(1.0, abs(final)):
                return f"{seconds:.2f}"
    return f"{outcome.solve_time_ms / 1000:.2f}*"


# --- The published instances ---------------------------------------------------------------

def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text())


def berlin52():
    instance = _load("berlin52.json")
    cities = [{"name": str(i + 1), "x": x, "y": y} for i, (x, y) in enumerate(instance["coordinates"])]
    return {"cities": cities, "metric": "euc_2d"}, instance["optimum"]


def a_n32_k5():
    instance = _load("A-n32-k5.json")
    xy, demands = instance["coordinates"], instance["demands"]
    return {"depot": {"name": "1", "x": xy[0][0], "y": xy[0][1]},
            "customers": [{"name": str(i + 1), "x": xy[i][0], "y": xy[i][1], "demand": demands[i]}
                          for i in range(1, len(xy))],
            "vehicles": [{"name": f"Truck {k + 1}", "capacity": instance["capacity"]}
                         for k in range(instance["vehicles"])],
            "metric": "euc_2d"}, instance["optimum"]


def job_shop(name: str):
    def build():
        instance, data = test_job_shop._benchmark(name)
        return data, instance["optimum"]
    return build


def knapsack(name: str):
    def build():
        instance = _load("knapsack_p01_p08.json")["instances"][name]
        data = test_knapsack._single(instance["capacity"], instance["weights"], instance["profits"])
        return data, instance["optimum"]
    return build


def u120_00_bins():
    instance = _load("binpack_u120_00.json")
    data = {"bin_types": [{"name": "Bin", "capacity": instance["capacity"]}],
            "items": [{"name": f"item {k + 1}", "size": size} for k, size in enumerate(instance["sizes"])]}
    return data, instance["optimum"]


def u120_00_rolls():
    instance = _load("binpack_u120_00.json")
    counts = Counter(instance["sizes"])
    data = {"roll_length": instance["capacity"],
            "pieces": [{"name": f"size {size}", "length": size, "quantity": q} for size, q in sorted(counts.items())]}
    return data, instance["optimum"]


def scp41():
    instance = _load("scp41.json")
    columns: dict[int, list[str]] = {}
    for r, row in enumerate(instance["rows"]):
        for j in row:
            columns.setdefault(j, []).append(f"row {r + 1}")
    return {"elements": [{"name": f"row {r + 1}"} for r in range(len(instance["rows"]))],
            "sets": [{"name": f"col {j}", "cost": instance["costs"][j - 1], "covers": columns[j]}
                     for j in sorted(columns)]}, instance["optimum"]


def myciel(name: str):
    def build():
        n, edges, chromatic = test_graph_coloring._myciel(name)
        return test_graph_coloring.to_input(n, edges), chromatic
    return build


def gap1(name: str, objective: str):
    def build():
        instance = _load("gap1.json")["instances"][name]
        optimum = instance["optimum_max"] if objective == "maximize" else instance["optimum_min"]
        return test_generalized_assignment._gap1(name, objective), optimum
    return build


def cap41(capacity: float | None = None, optimum: float | None = None):
    def build():
        return test_capacitated_facility_location._cap41(capacity), optimum or _load("cap41.json")["optimum"]
    return build


def j301_1():
    return test_project_scheduling._j301_1()


def chvatal():
    return test_cutting_stock._chvatal(), 453


# (template, instance, builder returning (input, published optimum), sense)
INSTANCES = [
    ("tsp", "berlin52", berlin52, "min"),
    ("cvrp", "A-n32-k5", a_n32_k5, "min"),
    ("bin_packing", "u120_00", u120_00_bins, "min"),
    ("capacitated_facility_location", "cap41", cap41(), "min"),
    ("capacitated_facility_location", "cap41 uncap. (cap71)", cap41(60_000, 932615.75), "min"),
    ("job_shop", "ft06", job_shop("ft06"), "min"),
    ("job_shop", "ft10", job_shop("ft10"), "min"),
    ("project_scheduling", "j301_1", j301_1, "min"),
    *[("knapsack", f"p0{k}", knapsack(f"p0{k}"), "max") for k in range(1, 9)],
    ("set_cover", "scp41", scp41, "min"),
    ("graph_coloring", "myciel3", myciel("myciel3"), "min"),
    ("graph_coloring", "myciel4", myciel("myciel4"), "min"),
    *[("generalized_assignment", f"c515-{k} (max)", gap1(f"c515-{k}", "maximize"), "max") for k in range(1, 6)],
    ("generalized_assignment", "c515-1 (min)", gap1("c515-1", "minimize"), "min"),
    ("cutting_stock", "u120_00", u120_00_rolls, "min"),
    ("cutting_stock", "Chvatal (textbook)", chvatal, "min"),
]

def run(name: str, data: dict):
    SOLVER_CALLS.clear()
    RUN_STARTED[0] = time.perf_counter()
    outcome = get_template(name).run(data, OPTIONS)
    return outcome, time.perf_counter() - RUN_STARTED[0]


def main() -> None:
    _listen_to_cp_sat()
    _listen_to_routing()
    _listen_to_scip()
    get_template("knapsack").run(test_knapsack._single(10, [3], [1]), OPTIONS)  # warm imports
    started = time.perf_counter()

    print("Published instances, RunOptions(num_workers=2, time_limit_s=10); times in seconds (* = whole solve)")
    header = (f"{'template':<30} {'instance':<22} {'objective':>14} {'published':>14} {'gap %':>7} "
              f"{'to sol.':>8} {'total':>6}  status")
    print(header)
    print("-" * len(header))
    for name, instance, build, sense in INSTANCES:
        data, optimum = build()
        outcome, wall = run(name, data)
        value = outcome.objective_value
        assert value is not None and value == value, f"{name} {instance}: no objective"
        gap = (value - optimum) / abs(optimum) * 100 if sense == "min" else (optimum - value) / abs(optimum) * 100
        gap = 0.0 if abs(gap) < 5e-7 else gap  # no "-0.00"
        print(f"{name:<30} {instance:<22} {value:>14,.3f} {optimum:>14,.3f} {gap:>7.2f} "
              f"{time_to_solution(outcome):>8} {wall:>6.2f}  {outcome.status}")

    print()
    print("Example inputs (each template's example_input), same options")
    header = f"{'template':<30} {'status':<10} {'objective':>16} {'solve s':>8} {'wall s':>7}"
    print(header)
    print("-" * len(header))
    for name in TEMPLATE_NAMES:
        template = get_template(name)
        outcome, wall = run(name, template.example_input)
        value = "-" if outcome.objective_value is None else f"{outcome.objective_value:,.3f}"
        print(f"{name:<30} {outcome.status:<10} {value:>16} {outcome.solve_time_ms / 1000:>8.2f} {wall:>7.2f}")
    print(f"\nbench/templates.py finished in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
