"""The public routing instances under bench/data/routing, as template inputs and distance matrices.

Each file is one TSPLIB (TSP) or CVRPLIB (CVRP) instance with its best known value; the sources
are listed in bench/data/routing/README.md. Every leg is TSPLIB EUC_2D: the straight-line
distance rounded to the nearest whole number, which is what the templates' metric "euc_2d" does.

    from bench.routing_instances import load
    instance = load("X-n101-k25")
    instance.template_input()     # input of get_template(instance.template)
    instance.matrix()             # the rounded integer distances, node 0 = depot (CVRP)
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Sequence

DATA = Path(__file__).resolve().parent / "data" / "routing"


@dataclass(frozen=True)
class Instance:
    name: str
    template: str  # "tsp" or "cvrp"
    source: str
    best_known: int
    optimum_proven: bool
    coordinates: list[list[float]]
    demands: list[int] | None = None  # CVRP: demands[0] is the depot's (0)
    capacity: int | None = None
    vehicles: int | None = None  # the fleet the templates get (see the file's "fleet")
    min_vehicles: int | None = None
    known_routes: list[list[int]] | None = None  # CVRP: customer nodes of the best known routes
    known_tour: list[int] | None = None  # TSP: an optimal tour, as city nodes

    @property
    def size(self) -> int:
        """Customers (CVRP) or cities (TSP)."""
        return len(self.coordinates) - (1 if self.template == "cvrp" else 0)

    @cached_property
    def _matrix(self) -> list[list[int]]:
        import numpy as np

        xy = np.asarray(self.coordinates, dtype=float)
        exact = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))
        return np.floor(exact + 0.5).astype(np.int64).tolist()  # TSPLIB's nint

    def matrix(self) -> list[list[int]]:
        """Rounded (EUC_2D) distances between nodes; node i is the file's node i+1."""
        return self._matrix

    def node_name(self, node: int) -> str:
        """Names in the template input are the original file's node numbers."""
        return str(node + 1)

    def template_input(self) -> dict[str, Any]:
        """The input of get_template(self.template), with metric "euc_2d"."""
        place = [{"name": self.node_name(i), "x": x, "y": y} for i, (x, y) in enumerate(self.coordinates)]
        if self.template == "tsp":
            return {"cities": place, "metric": "euc_2d"}
        return {"depot": place[0],
                "customers": [{**place[i], "demand": self.demands[i]} for i in range(1, len(place))],
                "vehicles": [{"name": f"Vehicle {k + 1}", "capacity": self.capacity} for k in range(self.vehicles)],
                "metric": "euc_2d"}

    def tour_length(self, tour: Sequence[int]) -> int:
        """Length of the closed tour through these nodes."""
        d = self.matrix()
        return sum(d[a][b] for a, b in zip(tour, [*tour[1:], tour[0]]))

    def routes_length(self, routes: Sequence[Sequence[int]]) -> int:
        """Length of routes of customer nodes, each from and back to the depot (node 0)."""
        return sum(self.tour_length([0, *route]) for route in routes if route)

    def check_tour(self, tour: Sequence[int]) -> str | None:
        """What makes this not a tour of every city once (None when it is one)."""
        if sorted(tour) != list(range(len(self.coordinates))):
            return "the tour does not visit every city exactly once"
        return None

    def check_routes(self, routes: Sequence[Sequence[int]]) -> str | None:
        """What makes these routes not a feasible CVRP plan (None when they are one)."""
        if sorted(node for route in routes for node in route) != list(range(1, len(self.coordinates))):
            return "the routes do not visit every customer exactly once"
        if len([route for route in routes if route]) > self.vehicles:
            return f"{len(routes)} routes for {self.vehicles} vehicles"
        for route in routes:
            if sum(self.demands[node] for node in route) > self.capacity:
                return "a route is over capacity"
        return None

    def gap(self, objective: float | None) -> float | None:
        """How far above the best known value, in percent."""
        return None if objective is None else (objective - self.best_known) / self.best_known * 100


def names() -> list[str]:
    """Every stored instance, CVRP first, then TSP, each by size."""
    return [instance.name for instance in sorted(
        (load(path.stem) for path in DATA.glob("*.json")), key=lambda i: (i.template != "cvrp", i.size, i.name))]


def load(name: str) -> Instance:
    raw = json.loads((DATA / f"{name}.json").read_text())
    if raw["edge_weight_type"] != "EUC_2D":
        raise ValueError(f"{name}: only EUC_2D instances are supported, not {raw['edge_weight_type']}")
    common = {"name": raw["name"], "source": raw["source"], "best_known": raw["best_known"],
              "optimum_proven": raw["optimum_proven"], "coordinates": raw["coordinates"]}
    if "demands" not in raw:
        return Instance(template="tsp", known_tour=raw.get("optimal_tour"), **common)
    if raw.get("depot", 0) != 0:
        raise ValueError(f"{name}: the depot must be node 0")
    return Instance(template="cvrp", demands=raw["demands"], capacity=raw["capacity"], vehicles=raw["vehicles"],
                    min_vehicles=raw["min_vehicles"], known_routes=raw.get("best_known_routes"), **common)


def size_band(instance: Instance) -> str:
    """The summary's size bands, by nodes (the n of CVRPLIB names: customers + depot; TSP: cities)."""
    nodes = len(instance.coordinates)
    return "< 200" if nodes < 200 else "200-499" if nodes < 500 else "500+"


def lower_bound_vehicles(instance: Instance) -> int:
    """Vehicles needed by volume alone (a bin-packing lower bound)."""
    return math.ceil(sum(instance.demands) / instance.capacity)
