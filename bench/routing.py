"""Routing templates against PyVRP and plain OR-Tools on public instances, and their examples' answer times.

Each instance under bench/data/routing (TSPLIB EUC_2D tours, CVRPLIB capacitated routing; sources in
its README.md) is solved three times on this machine, one after the other, one thread each, with the
same time limit T (default 10 s) and the same rounded integer distances (TSPLIB EUC_2D: each leg
rounded to the nearest whole number, the distances the best known values are measured in):

- ours: the marketplace template, in-process, as a run does it:
  get_template(name).solve(input_model.model_validate(input), RunOptions(time_limit_s=T, num_workers=1)),
  with the input's metric "euc_2d";
- PyVRP with its defaults: pyvrp.solve(data, stop=MaxRuntime(T), seed=0), on a ProblemData built
  from the same matrix and fleet (one vehicle type: `vehicles` vehicles of the instance's capacity);
- OR-Tools guided local search, written as OR-Tools' own CVRP sample does it (vrp_capacity.py at
  v9.15): PATH_CHEAPEST_ARC then GUIDED_LOCAL_SEARCH for T seconds, a capacity dimension, the same
  matrix (registered as a transit matrix rather than a Python callback, as the templates do).

Every objective is recomputed here from the returned plan (tour or routes) and the rounded matrix,
and the plan is checked (every city or customer once, capacities, fleet size). "check" says "ok"
when the recomputed length is the objective the solver reported; anything else is printed there
(and a gap is the recomputed length's; only when the template's solution has neither a "tour" nor
"routes" the bench can read is its reported objective used, and "check" says so). The gap is
(objective - best known) / best known, in percent; "-" means no plan within the limit. "s" columns are wall-clock seconds of the whole call
(model building included).

The summary groups instances by problem and size band (nodes, the n of CVRPLIB's names, depot
included; cities for TSP: < 200, 200-499, 500+; the stored ones go up to 1,002) and gives each
solver's mean gap over the instances it solved, ours minus PyVRP in percentage points (over instances both solved), and the geometric mean of ours / PyVRP objective
values (1.000 = as good as PyVRP; a ratio of mean gaps is printed too, but only when PyVRP's mean
gap is above 0.01 %, since gaps can be 0).

The second table times every routing template's example_input (tsp, cvrp, vrp_time_windows) with
RunOptions() defaults (a 10 s limit): min and median wall seconds over 5 runs, with the status and
objective (--quick: one run at 1 s).

    .venv/bin/python bench/routing.py                       # 6 CVRP + 6 TSP at 10 s: ~10 min
    .venv/bin/python bench/routing.py --time-limits 10,60   # 60 s is opt-in (~40 min more)
    .venv/bin/python bench/routing.py --instances X-n101-k25,kroA100
    .venv/bin/python bench/routing.py --all                 # every stored instance
    .venv/bin/python bench/routing.py --quick               # smoke run: 2 small instances at 1 s
    .venv/bin/python bench/routing.py --markdown            # tables as GitHub markdown, for docs/
    .venv/bin/python bench/routing.py --pyvrp-memory X-n1001-k43   # PyVRP's peak RSS, then exit
    .venv/bin/python bench/routing.py --memory X-n1001-k43         # the cvrp template's, then exit

--memory does the same through our template (the JSON input decoded and validated as a run does,
then solved), printing its peak resident memory after importing and after solving.
--pyvrp-memory solves one instance with PyVRP alone in a fresh subprocess for the first time limit and
prints its peak resident memory (getrusage's ru_maxrss) after importing, after building the
ProblemData and after solving: what a Lambda function's memory setting must hold.
"""
from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.routing_instances import Instance, load, names, size_band  # noqa: E402
from chalicelib.engine.options import RunOptions  # noqa: E402
from chalicelib.templates import get_template  # noqa: E402

DEFAULT_INSTANCES = ("E-n51-k5", "X-n101-k25", "X-n200-k36", "X-n303-k21", "X-n502-k39", "X-n1001-k43",
                     "kroA100", "ch150", "a280", "pcb442", "rat783", "pr1002")
QUICK_INSTANCES = ("E-n51-k5", "kroA100")
ROUTING_TEMPLATES = ("tsp", "cvrp", "vrp_time_windows")
EXAMPLE_RUNS = 5


@dataclass
class Plan:
    """One solver's answer on one instance: the objective it reported, and what we recomputed."""
    objective: float | None  # as the solver reported it
    length: int | None  # recomputed from the plan on the rounded matrix
    seconds: float
    check: str  # "ok", or what is wrong
    unread: bool = False  # the plan could not be read: gaps use the reported objective

    @property
    def value(self) -> float | None:
        """What gaps are computed from: the recomputed length (the reported objective if unread)."""
        return self.objective if self.unread else self.length


def _checked(instance: Instance, reported: float | None, nodes: list[list[int]] | None, seconds: float,
             why_none: str = "no plan") -> Plan:
    """Recompute the plan's length and check it: nodes is the tour (one list) or the routes."""
    if nodes is None:
        return Plan(reported, None, seconds, why_none)
    if instance.template == "tsp":
        problem, length = instance.check_tour(nodes[0]), instance.tour_length(nodes[0])
    else:
        problem, length = instance.check_routes(nodes), instance.routes_length(nodes)
    if problem is None and (reported is None or abs(reported - length) > 1e-6):
        problem = f"reported {reported}, recomputed {length}"
    return Plan(reported, length, seconds, problem or "ok")


# --- ours: the template -------------------------------------------------------------------

def _node(instance: Instance, name: Any) -> int:
    return int(name) - 1  # template inputs name places by the file's node number


def _our_nodes(instance: Instance, solution: dict[str, Any]) -> list[list[int]] | None:
    """The tour or routes in the template's solution dict, as nodes (None if not recognised)."""
    try:
        if instance.template == "tsp":
            tour = [_node(instance, name) for name in solution["tour"]]
            if len(tour) == instance.size + 1 and tour[0] == tour[-1]:
                tour = tour[:-1]  # a tour listed back to its start
            return [tour]
        depot = instance.node_name(0)
        routes = []
        for route in solution["routes"]:
            if "customers" in route:
                routes.append([_node(instance, name) for name in route["customers"]])
            else:
                routes.append([_node(instance, stop["location"]) for stop in route["stops"]
                               if stop["location"] != depot])
        return routes
    except (KeyError, TypeError, ValueError):
        return None


def solve_ours(instance: Instance, time_limit_s: float) -> Plan:
    template = get_template(instance.template)
    started = time.perf_counter()
    data = template.input_model.model_validate(instance.template_input())
    outcome = template.solve(data, RunOptions(time_limit_s=time_limit_s, num_workers=1))
    seconds = time.perf_counter() - started
    if outcome.solution is None or outcome.objective_value is None:
        return Plan(None, None, seconds, f"no plan ({outcome.status})")
    nodes = _our_nodes(instance, outcome.solution)
    if nodes is None:
        return Plan(outcome.objective_value, None, seconds, "plan not read, gap from its objective",
                    unread=True)
    return _checked(instance, outcome.objective_value, nodes, seconds)


# --- PyVRP with its defaults ---------------------------------------------------------------

def pyvrp_data(instance: Instance):
    """A ProblemData on the instance's rounded matrix: node 0 the depot, one vehicle type."""
    import numpy as np
    from pyvrp import Client, Depot, Location, ProblemData, VehicleType

    matrix = np.asarray(instance.matrix(), dtype=np.int64)
    locations = [Location(x, y) for x, y in instance.coordinates]
    if instance.template == "tsp":
        clients = [Client(location=i) for i in range(1, len(locations))]
        vehicle_types = [VehicleType(1)]
    else:
        clients = [Client(location=i, delivery=[instance.demands[i]]) for i in range(1, len(locations))]
        vehicle_types = [VehicleType(instance.vehicles, capacity=[instance.capacity])]
    return ProblemData(locations=locations, clients=clients, depots=[Depot(location=0)],
                       vehicle_types=vehicle_types, distance_matrices=[matrix],
                       duration_matrices=[np.zeros_like(matrix)])


def solve_pyvrp(instance: Instance, time_limit_s: float) -> Plan:
    import pyvrp

    started = time.perf_counter()
    data = pyvrp_data(instance)
    result = pyvrp.solve(data, stop=pyvrp.stop.MaxRuntime(time_limit_s), seed=0)
    seconds = time.perf_counter() - started
    if not result.is_feasible():
        return Plan(None, None, seconds, "no feasible plan")
    client_node = [client.location for client in data.clients()]
    routes = [[client_node[activity.idx] for activity in route if activity.is_client()]
              for route in result.best.routes()]
    nodes = [[0, *routes[0]]] if instance.template == "tsp" else routes
    return _checked(instance, result.cost(), nodes, seconds)


# --- OR-Tools routing with guided local search, as its CVRP sample ------------------------------

def solve_ortools(instance: Instance, time_limit_s: float) -> Plan:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    started = time.perf_counter()
    matrix = instance.matrix()
    num_vehicles = 1 if instance.template == "tsp" else instance.vehicles
    manager = pywrapcp.RoutingIndexManager(len(matrix), num_vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    transit = routing.RegisterTransitMatrix(matrix)
    routing.SetArcCostEvaluatorOfAllVehicles(transit)
    if instance.template == "cvrp":
        demand = routing.RegisterUnaryTransitVector(instance.demands)
        routing.AddDimensionWithVehicleCapacity(demand, 0, [instance.capacity] * num_vehicles, True, "Capacity")
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(int(time_limit_s * 1000))
    solution = routing.SolveWithParameters(parameters)
    seconds = time.perf_counter() - started
    if solution is None:
        return Plan(None, None, seconds, "no plan")
    routes = []
    for vehicle in range(num_vehicles):
        index, route = routing.Start(vehicle), []
        while not routing.IsEnd(index):
            route.append(manager.IndexToNode(index))
            index = solution.Value(routing.NextVar(index))
        routes.append(route[1:])  # without the depot
    nodes = [[0, *routes[0]]] if instance.template == "tsp" else routes
    return _checked(instance, solution.ObjectiveValue(), nodes, seconds)


SOLVERS: dict[str, Callable[[Instance, float], Plan]] = {
    "ours": solve_ours, "PyVRP": solve_pyvrp, "OR-Tools GLS": solve_ortools}


# --- Tables ------------------------------------------------------------------------------------

def print_table(title: str, header: list[str], rows: list[list[str]], markdown: bool) -> None:
    print()
    if markdown:
        print(f"**{title}**\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" if k == 0 else "---:" for k in range(len(header))) + "|")
        for row in rows:
            print("| " + " | ".join(cell.replace("*", "\\*") for cell in row) + " |")
        return
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    print(title)
    line = "  ".join(f"{cell:<{w}}" if k == 0 else f"{cell:>{w}}" for k, (cell, w) in enumerate(zip(header, widths)))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(f"{cell:<{w}}" if k == 0 else f"{cell:>{w}}" for k, (cell, w) in enumerate(zip(row, widths))))


def _num(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _gap(instance: Instance, plan: Plan) -> str:
    return _num(instance.gap(plan.value), 2)


def instance_rows(results: list[tuple[Instance, dict[str, Plan]]]) -> list[list[str]]:
    rows = []
    for instance, plans in results:
        ours, vrp, gls = plans["ours"], plans["PyVRP"], plans["OR-Tools GLS"]
        known = f"{instance.best_known:,}" + ("" if instance.optimum_proven else "*")
        checks = "; ".join(f"{name}: {plan.check}" for name, plan in plans.items() if plan.check != "ok") or "ok"
        rows.append([instance.name, str(instance.size), known,
                     _num(ours.value), _gap(instance, ours), f"{ours.seconds:.1f}",
                     _num(vrp.value), _gap(instance, vrp), f"{vrp.seconds:.1f}",
                     _num(gls.value), _gap(instance, gls), f"{gls.seconds:.1f}", checks])
    return rows


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def summary_rows(results: list[tuple[Instance, dict[str, Plan]]]) -> list[list[str]]:
    groups: dict[tuple[str, str], list[tuple[Instance, dict[str, Plan]]]] = {}
    for instance, plans in results:
        groups.setdefault((instance.template, size_band(instance)), []).append((instance, plans))
    order = {"< 200": 0, "200-499": 1, "500+": 2}
    rows = []
    for (template, band), members in sorted(groups.items(), key=lambda item: (item[0][0], order[item[0][1]])):
        means = {}
        cells = []
        for name in SOLVERS:
            gaps = [instance.gap(plans[name].value) for instance, plans in members if plans[name].value is not None]
            means[name] = _mean(gaps)
            cells.append(f"{_num(means[name], 2)} ({len(gaps)}/{len(members)})")
        both = [(instance, plans) for instance, plans in members
                if plans["ours"].value is not None and plans["PyVRP"].value is not None]
        diff = _mean([instance.gap(p["ours"].value) - instance.gap(p["PyVRP"].value) for instance, p in both])
        ratio = (math.exp(statistics.fmean(math.log(p["ours"].value / p["PyVRP"].value) for _, p in both))
                 if both else None)
        pyvrp_gap = _mean([instance.gap(p["PyVRP"].value) for instance, p in both])
        ours_gap = _mean([instance.gap(p["ours"].value) for instance, p in both])
        gap_ratio = "-" if pyvrp_gap is None or pyvrp_gap <= 0.01 else f"{ours_gap / pyvrp_gap:.1f}"
        rows.append([template, band, *cells, _num(diff, 2), _num(ratio, 3), gap_ratio])
    return rows


def example_rows(runs: int, options: RunOptions) -> list[list[str]]:
    rows = []
    for name in ROUTING_TEMPLATES:
        template = get_template(name)
        seconds, statuses, objectives = [], set(), set()
        for _ in range(runs):
            started = time.perf_counter()
            outcome = template.solve(template.input_model.model_validate(template.example_input), options)
            seconds.append(time.perf_counter() - started)
            statuses.add(outcome.status)
            objectives.add(outcome.objective_value)
        objective = ", ".join(_num(value, 2) for value in sorted(objectives, key=lambda v: (v is None, v or 0)))
        rows.append([name, f"{min(seconds):.3f}", f"{statistics.median(seconds):.3f}", "/".join(sorted(statuses)),
                     objective])
    return rows


_MEMORY_PROBE = """
import resource, sys, time
sys.path.insert(0, {root!r})
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
import pyvrp
from bench.routing import pyvrp_data
from bench.routing_instances import load
imported = peak()
instance = load({name!r})
data = pyvrp_data(instance)
built = peak()
started = time.perf_counter()
result = pyvrp.solve(data, stop=pyvrp.stop.MaxRuntime({limit!r}), seed=0)
seconds = time.perf_counter() - started
print(f"{{instance.name}}: {{instance.size}} customers or cities, PyVRP {{seconds:.1f}} s, "
      f"cost {{result.cost():,.0f}} ({{instance.gap(result.cost()):.2f}} % above {{instance.best_known:,}}), "
      f"{{result.num_iterations:,}} iterations")
print(f"peak RSS: {{imported:.0f}} MiB after import, {{built:.0f}} MiB with the ProblemData, "
      f"{{peak():.0f}} MiB after solving")
"""


_TEMPLATE_MEMORY_PROBE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
from chalicelib.engine.options import RunOptions
from chalicelib.templates import get_template
from bench.routing_instances import load
instance = load({name!r})
template = get_template(instance.template)
body = json.dumps(instance.template_input())
imported = peak()
started = time.perf_counter()
outcome = template.run(json.loads(body), RunOptions(time_limit_s={limit!r}))
seconds = time.perf_counter() - started
print(f"{{instance.name}} through the {{instance.template}} template: {{len(body) / 1e6:.2f}} MB of JSON input, "
      f"{{seconds:.1f}} s, {{outcome.status}}, {{instance.gap(outcome.objective_value):.2f}} % above "
      f"{{instance.best_known:,}}")
print(f"peak RSS: {{imported:.0f}} MiB after import, {{peak():.0f}} MiB after solving")
"""


def template_peak_memory(name: str, time_limit_s: float) -> None:
    subprocess.run([sys.executable, "-c", _TEMPLATE_MEMORY_PROBE.format(root=str(ROOT), name=name, limit=time_limit_s)],
                   check=True)


def pyvrp_peak_memory(name: str, time_limit_s: float) -> None:
    subprocess.run([sys.executable, "-c", _MEMORY_PROBE.format(root=str(ROOT), name=name, limit=time_limit_s)],
                   check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limits", default="10", help="comma-separated seconds, e.g. 10,60")
    parser.add_argument("--instances", help="comma-separated instance names (default: 6 CVRP + 6 TSP)")
    parser.add_argument("--all", action="store_true", help="every stored instance")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 small instances, 1 s, 1 example run")
    parser.add_argument("--markdown", action="store_true", help="print the tables as GitHub markdown")
    parser.add_argument("--pyvrp-memory", metavar="INSTANCE", help="only PyVRP's peak RSS on this instance")
    parser.add_argument("--memory", metavar="INSTANCE", help="only our template's peak RSS on this instance")
    args = parser.parse_args(argv)
    if args.pyvrp_memory:
        pyvrp_peak_memory(load(args.pyvrp_memory).name, float(args.time_limits.split(",")[0]))
        return 0
    if args.memory:
        template_peak_memory(load(args.memory).name, float(args.time_limits.split(",")[0]))
        return 0

    stored = names()
    chosen = (list(QUICK_INSTANCES) if args.quick else stored if args.all
              else args.instances.split(",") if args.instances else list(DEFAULT_INSTANCES))
    unknown = [name for name in chosen if name not in stored]
    if unknown:
        parser.error(f"unknown instances {unknown}; stored: {', '.join(stored)}")
    limits = [1.0] if args.quick else [float(t) for t in args.time_limits.split(",")]
    instances = [load(name) for name in chosen]

    get_template("tsp").run(get_template("tsp").example_input, RunOptions(time_limit_s=0.1))  # warm imports
    import pyvrp  # noqa: F401
    began = time.perf_counter()
    print(f"Routing bench: {len(instances)} instances x {len(limits)} time limit(s), solved one after the other, "
          "one thread each. * = best known, not a proven optimum; gaps in %, times in s.")
    for limit in limits:
        results = []
        for instance in instances:
            plans = {name: solve(instance, limit) for name, solve in SOLVERS.items()}
            results.append((instance, plans))
            print(f"  {instance.name}: " + ", ".join(f"{name} {_num(plan.value)}" for name, plan in plans.items()),
                  file=sys.stderr, flush=True)
        print_table(f"Instances, time limit {limit:g} s",
                    ["instance", "n", "best known", "ours", "gap", "s", "PyVRP", "gap", "s",
                     "OR-Tools GLS", "gap", "s", "check"], instance_rows(results), args.markdown)
        print_table(f"Mean gap % by size band, time limit {limit:g} s (solved/instances)",
                    ["problem", "nodes", "ours", "PyVRP", "OR-Tools GLS", "ours - PyVRP (pp)",
                     "ours/PyVRP objective (geo-mean)", "ours/PyVRP mean gap"],
                    summary_rows(results), args.markdown)
    runs, options = (1, RunOptions(time_limit_s=1)) if args.quick else (EXAMPLE_RUNS, RunOptions())
    print_table(f"Routing templates' example_input, time limit {options.time_limit_s:g} s, {runs} run(s): "
                "wall seconds", ["template", "min", "median", "status", "objective"],
                example_rows(runs, options), args.markdown)
    print(f"\nbench/routing.py finished in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
