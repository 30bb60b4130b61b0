"""Distances for the routing templates: planar, TSPLIB-rounded and great-circle, and a load check.

The plans themselves come from `chalicelib.engine.vrp` (an exact CP-SAT model when small,
PyVRP otherwise); this module turns coordinates into the matrices they work on.
"""
from __future__ import annotations

from typing import Sequence

from chalicelib.engine.options import RunOptions

COST_SCALE = 1000
"""Distances that are not whole numbers are multiplied by this and rounded (the solvers' costs are integers)."""
MAX_TOTAL_COST = 2**53
"""The largest plan cost the solvers add up exactly (integers in doubles and in CP-SAT's objective)."""
MIN_SEARCH_S = 0.05
"""The bin-packing check always gets at least this long, even from a nearly spent time limit."""
EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""


def euclidean_matrix(points: Sequence[tuple[float, float]], *, tsplib_rounding: bool) -> list[list[float]]:
    """Pairwise straight-line distances; TSPLIB EUC_2D rounds each to the nearest integer."""
    import numpy as np

    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    distances = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))
    if tsplib_rounding:
        distances = np.floor(distances + 0.5)  # TSPLIB nint(x) = (int)(x + 0.5)
    return distances.tolist()


def great_circle_matrix(points: Sequence[tuple[float, float]], road_factor: float = 1.0) -> list[list[float]]:
    """Pairwise great-circle (haversine) distances in km between (lat, lon) points, times road_factor."""
    import numpy as np

    radians = np.radians(np.asarray(points, dtype=float).reshape(-1, 2))
    lat, lon = radians[:, 0], radians[:, 1]
    half = (np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
            + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2)
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0)))
    return (km * road_factor).tolist()


def integer_costs(matrix: Sequence[Sequence[float]], *, multiplier: float = 1.0) -> tuple[list[list[int]], int]:
    """The matrix as integers for the solvers, and the factor applied (1 or COST_SCALE).

    Fractions are kept to COST_SCALE's precision unless a plan's cost (the largest entry times
    `multiplier`, which the caller sets to the legs a plan can have times its largest cost factor)
    could then pass MAX_TOTAL_COST; whole numbers are never scaled.
    """
    import numpy as np

    values = np.asarray(matrix, dtype=float)
    whole = bool(np.all(values == np.round(values)))
    fits = float(values.max(initial=0.0)) * COST_SCALE * multiplier <= MAX_TOTAL_COST
    scale = 1 if whole or not fits else COST_SCALE
    return np.round(values * scale).astype(np.int64).tolist(), scale


def loads_fit(demands: Sequence[int], capacities: Sequence[int | None], time_limit_s: float) -> bool | None:
    """Whether the demands can be split among the vehicles without overloading any (bin packing).

    True or False when decided, None when undecided within time_limit_s. A vehicle whose capacity
    is None carries anything. First-fit decreasing settles most inputs; CP-SAT settles the rest.
    """
    if any(capacity is None for capacity in capacities):
        return True
    loads = sorted((d for d in demands if d > 0), reverse=True)
    free = sorted(capacities, reverse=True)
    for load in loads:
        for v, room in enumerate(free):
            if load <= room:
                free[v] -= load
                break
        else:
            break
    else:
        return True

    from ortools.sat.python import cp_model

    from chalicelib.engine import cpsat

    model = cp_model.CpModel()
    carries = [[model.new_bool_var(f"carries[{i},{v}]") for v in range(len(capacities))] for i in range(len(loads))]
    for row in carries:
        model.add_exactly_one(row)
    for v, capacity in enumerate(capacities):
        model.add(sum(load * carries[i][v] for i, load in enumerate(loads)) <= capacity)
    _, run = cpsat.solve(model, RunOptions(time_limit_s=max(MIN_SEARCH_S, time_limit_s)))
    return {"optimal": True, "feasible": True, "infeasible": False}.get(run["status"])
