"""What the routing templates (tsp, cvrp, vrp_time_windows) share; not a template itself.

Their inputs locate places the same way (a matrix, planar x/y, or latitude/longitude turned
into one), name depots and vehicles the same way, make a stop optional the same way, and
read a plan back the same way. One copy here keeps the three templates alike and leaves each
with what is its own: its input model, its constraints and the shape of its readable output.
Importing this module, like importing a template, loads neither OR-Tools nor PyVRP.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Literal, Sequence

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from chalicelib.engine import routing
from chalicelib.engine.result import SolveOutcome, relative_gap

if TYPE_CHECKING:
    from chalicelib.engine.vrp import Plan

Distance = Annotated[float, Field(ge=0, le=1e9)]
"""One matrix entry: a distance in the input's own unit."""
NoImprovement = Annotated[int, Field(ge=100, le=10**8)]
COST_SCALE = 100
"""Per-distance costs that are not whole numbers are kept to 2 decimals (PyVRP's costs are integers)."""


class Located(BaseModel):
    """A place given by planar coordinates or by latitude and longitude (or by a matrix row)."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    x: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Horizontal coordinate, in distance units (e.g. km on a projected map); or give lat/lon."""
    y: float | None = Field(default=None, ge=-1e9, le=1e9)
    """Vertical coordinate, in the same distance units as x."""
    lat: float | None = Field(default=None, ge=-90, le=90, examples=[52.5200])
    """Latitude in degrees (WGS 84); with lon, distances are great-circle kilometres times road_factor."""
    lon: float | None = Field(default=None, ge=-180, le=180, examples=[13.4050])
    """Longitude in degrees (WGS 84)."""


class PackedMatrix(BaseModel):
    """A square matrix as bytes, for plans whose JSON matrix would pass the 5 MiB body limit.

    The numbers are row-major and little-endian, gzip-compressed (unless compression is "none"),
    then base64-encoded: a 1,000 x 1,000 matrix of whole metres takes about 3.6 MB.
    In Python: base64.b64encode(gzip.compress(numpy.asarray(m, "<i4").tobytes())).decode().
    """

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    format: Literal["int32", "float32", "float64"]
    """How each number is stored: 4-byte signed integers, or 4- or 8-byte IEEE floats, little-endian."""
    compression: Literal["gzip", "none"] = "gzip"
    """"gzip" when the bytes were gzip-compressed before base64 encoding."""
    data: str = Field(min_length=1, max_length=8_000_000, examples=["H4sIAAAAAAACA2NgQAUAVUu77BAAAAA="])
    """The bytes, base64-encoded (standard alphabet, padding optional)."""
    _values: Any = PrivateAttr(default=None)

    def decode(self, size: int, *, integers: bool, field: str) -> Any:
        """The size x size matrix (numpy), every entry finite, >= 0 and <= 1e9; decoded once."""
        if self._values is not None:
            return self._values
        import base64
        import binascii
        import zlib

        import numpy as np

        dtype = np.dtype({"int32": "<i4", "float32": "<f4", "float64": "<f8"}[self.format])
        expected = size * size * dtype.itemsize
        try:
            raw = base64.b64decode(self.data + "=" * (-len(self.data) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"{field}.data is not base64") from None
        if self.compression == "gzip":
            inflater = zlib.decompressobj(wbits=31)
            try:
                raw = inflater.decompress(raw, expected + 1)  # never inflates past what the matrix needs
            except zlib.error:
                raise ValueError(f"{field}.data is not gzip-compressed (set compression to \"none\" if it "
                                 "is not)") from None
        if len(raw) != expected:
            raise ValueError(f"{field} must hold {size} x {size} {self.format} numbers ({expected:,} bytes); "
                             f"it holds {'more' if len(raw) > expected else f'{len(raw):,} bytes'}")
        values = np.frombuffer(raw, dtype=dtype).reshape(size, size)
        if integers and self.format != "int32":
            raise ValueError(f"{field} holds whole time units: use format int32")
        if not np.all(np.isfinite(values)) or values.min() < 0 or values.max() > 1e9:
            raise ValueError(f"every {field} entry must be a finite number from 0 to 1e9")
        self._values = values.astype(np.int64 if self.format == "int32" else float)
        return self._values


ROAD_FACTOR_FIELD = Field(default=1.0, ge=1, le=10, examples=[1.3])


# --- Input checks (raise ValueError inside a pydantic model validator) --------------------------

def check_unique(kind: str, names: Sequence[str]) -> None:
    seen: set[str] = set()
    duplicates = sorted({name for name in names if name in seen or seen.add(name)})
    if duplicates:
        raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates[:10])}")


def check_places(places: Sequence[Any], matrix: Sequence[Sequence[float]] | PackedMatrix | None, *,
                 matrix_field: str, who_needs: str, layout: str, integers: bool = False) -> None:
    """Without a matrix every place has x/y, or every place has lat/lon; with one, it is square."""
    n = len(places)
    if isinstance(matrix, PackedMatrix):
        matrix.decode(n, integers=integers, field=matrix_field)
        return
    if matrix is not None:
        if len(matrix) != n or any(len(row) != n for row in matrix):
            raise ValueError(f"{matrix_field} must be {n} x {n}{layout}")
        return
    for place in places:
        if (place.x is None) != (place.y is None) or (place.lat is None) != (place.lon is None):
            raise ValueError(f"'{place.name}' has only one of its coordinates: give x and y, or lat and lon")
        if place.x is not None and place.lat is not None:
            raise ValueError(f"'{place.name}' has both x/y and lat/lon: give one pair")
    planar = [place.x is not None for place in places]
    if any(place.x is None and place.lat is None for place in places):
        missing = [place.name for place in places if place.x is None and place.lat is None]
        raise ValueError(f"{who_needs} x and y (or lat and lon) when no {matrix_field} is given; missing for: "
                         + ", ".join(missing[:10]))
    if any(planar) and not all(planar):
        raise ValueError("mix of x/y and lat/lon coordinates: locate every place the same way")


def check_fleet(demands: Sequence[tuple[str, int]], capacities: Sequence[int]) -> None:
    """Loads that no fleet of these capacities could carry, found without search: (name, demand) pairs."""
    total_demand = sum(demand for _, demand in demands)
    total_capacity = sum(capacities)
    if total_demand > total_capacity:
        raise ValueError(f"total demand is {total_demand} units but the whole fleet carries only "
                         f"{total_capacity}; add vehicles or capacity")
    largest = max(capacities)
    too_big = [name for name, demand in demands if demand > largest]
    if too_big:
        raise ValueError(f"no vehicle can carry the demand of {', '.join(too_big[:10])}: the largest "
                         f"vehicle carries {largest} units")


def check_optional(stops: Sequence[Any]) -> None:
    """An optional stop says what skipping it costs; a required one needs no penalty."""
    for stop in stops:
        if not stop.required and stop.penalty is None:
            raise ValueError(f"'{stop.name}' is optional (required: false) and needs a penalty: what leaving it "
                             "out costs, in the objective's units")
        if stop.required and stop.penalty is not None:
            raise ValueError(f"'{stop.name}' has a penalty but is required; set required to false to let the "
                             "plan skip it at that cost")


def depot_index(depot_names: Sequence[str], name: str | None, vehicle: str) -> int:
    if name is None:
        return 0
    if name not in depot_names:
        raise ValueError(f"vehicle '{vehicle}' names depot '{name}', which is not one of the depots")
    return depot_names.index(name)


# --- Data -----------------------------------------------------------------------------------------

def distance_matrix(places: Sequence[Any], matrix: Sequence[Sequence[float]] | PackedMatrix | None, metric: str,
                    road_factor: float = 1.0) -> Sequence[Sequence[float]]:
    """The given matrix, great-circle km x road_factor, or straight-line distances ("euc_2d": rounded)."""
    if isinstance(matrix, PackedMatrix):
        return matrix.decode(len(places), integers=False, field="matrix").tolist()
    if matrix is not None:
        return matrix
    if places[0].lat is not None:
        return routing.great_circle_matrix([(place.lat, place.lon) for place in places], road_factor)
    return routing.euclidean_matrix([(place.x, place.y) for place in places], tsplib_rounding=metric == "euc_2d")


def cost_units(*groups: Sequence[float], largest_cost: float = 0.0) -> int:
    """1 when every cost is whole, else COST_SCALE (costs kept to 2 decimals) if the plan's largest
    possible cost, `largest_cost`, still adds up exactly."""
    whole = all(float(value).is_integer() for group in groups for value in group)
    return 1 if whole or largest_cost * COST_SCALE > routing.MAX_TOTAL_COST else COST_SCALE


def largest_distance(places: Sequence[Any], matrix: Any, road_factor: float = 1.0) -> float:
    """An upper bound on any distance of the input, without building the matrix from coordinates."""
    import math

    if isinstance(matrix, PackedMatrix):
        return float(matrix.decode(len(places), integers=False, field="matrix").max(initial=0))
    if matrix is not None:
        return float(max((max(row, default=0) for row in matrix), default=0))
    if places and places[0].lat is not None:
        return math.pi * routing.EARTH_RADIUS_KM * road_factor  # half the Earth's circumference
    xs, ys = [place.x for place in places], [place.y for place in places]
    return math.hypot(max(xs) - min(xs), max(ys) - min(ys))


def check_cost_magnitude(largest_leg: float, legs: int, largest_factor: float, extras: float) -> None:
    """Refuse an input whose plan could cost more than the solvers add up exactly."""
    worst = largest_leg * legs * max(1.0, largest_factor) + extras
    if worst > routing.MAX_TOTAL_COST:
        raise ValueError(f"a plan could cost up to {worst:.3g}, more than the {routing.MAX_TOTAL_COST:.3g} the "
                         "solvers add up exactly: express distances, times or costs in larger units")


# --- Reading the plan back ------------------------------------------------------------------------

def no_plan_outcome(plan: Plan, solve_time_ms: int) -> SolveOutcome:
    """The search returned no plan at all."""
    return SolveOutcome(status=plan.status, solver=plan.solver, solve_time_ms=solve_time_ms, message=plan.message)


def search_summary(plan: Plan) -> dict[str, Any]:
    """How the plan was found and what stopped the search, for the result."""
    return {"method": plan.method, "solver": plan.solver, "stopped_by": plan.stopped_by,
            "iterations": plan.iterations, "no_improvement_limit": plan.no_improvement}


def plan_outcome(plan: Plan, objective: float, scale: float, solution: dict[str, Any],
                 solve_time_ms: int) -> SolveOutcome:
    """The result of a plan: the objective measured on the plan, a bound only when one was proven."""
    bound = None if plan.bound is None else min(objective, plan.bound / scale)
    if plan.status == "optimal":
        bound = objective
    solution["search"] = search_summary(plan)
    return SolveOutcome(status=plan.status, objective_value=objective, best_bound=bound,
                        gap=relative_gap(objective, bound) if bound is not None else None,
                        solver=plan.solver, solve_time_ms=solve_time_ms, solution=solution,
                        message=MESSAGES.get((plan.status, plan.stopped_by)))


MESSAGES = {
    ("optimal", "proven_optimal"): None,
    ("feasible", "no_improvement"): "Best plan found; the search stopped when it no longer improved it "
                                    "(solution.search says after how much). Not proven optimal.",
    ("feasible", "time_limit"): "Best plan found within the time limit; not proven optimal.",
    ("feasible", "cancelled"): "The run was canceled; this is the best plan found until then.",
}


def legs(nodes: Sequence[int], distances: Sequence[Sequence[float]]) -> list[tuple[int, float, float]]:
    """(node, distance from the previous node, distance so far) along a route, on the unscaled matrix."""
    out, total = [], 0.0
    for position, node in enumerate(nodes):
        leg = float(distances[nodes[position - 1]][node]) if position else 0.0
        total += leg
        out.append((node, leg, total))
    return out


def tidy(value: float) -> float:
    """Round away float noise from summing legs."""
    return round(value, 6)


# --- Times as dispatchers write them --------------------------------------------------------------

CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
MINUTES_PER_DAY = 24 * 60


class TimeFrame:
    """One input's times: whole units ("int"), "HH:MM" clock strings ("clock"), or ISO 8601 date-times ("iso").

    Clock strings and date-times become minutes (since midnight, or since midnight of the earliest
    date); `format` writes minutes back in the input's own form. Mixing forms is refused.
    """

    def __init__(self, values: Sequence[int | str]):
        forms = {self._form(value) for value in values}
        if len(forms) > 1:
            raise ValueError("times mix forms (" + ", ".join(sorted(forms)) + "): write every time the same "
                             "way, as whole numbers, as \"HH:MM\", or as ISO 8601 date-times")
        self.form = forms.pop() if forms else "int"
        self.origin: datetime | None = None
        if self.form == "iso":
            moments = [self._moment(value) for value in values]
            aware = {moment.tzinfo is not None for moment in moments}
            if len(aware) > 1:
                raise ValueError("some date-times have a UTC offset and some do not: give every one an offset, "
                                 "or none")
            first = min(moments)
            self.origin = first.replace(hour=0, minute=0, second=0, microsecond=0)

    @staticmethod
    def _form(value: int | str) -> str:
        if isinstance(value, int):
            return "int"
        if CLOCK.match(value):
            return "clock"
        TimeFrame._moment(value)  # raises with the reason when it is not a date-time either
        return "iso"

    @staticmethod
    def _moment(value: str) -> datetime:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a time: use \"HH:MM\" (00:00 to 23:59) or an ISO 8601 date-time "
                             "such as 2026-03-02T08:30:00+01:00") from None
        if moment.second or moment.microsecond:
            raise ValueError(f"'{value}' is not on a whole minute")
        if "T" not in value and " " not in value:
            raise ValueError(f"'{value}' is a date without a time of day")
        return moment

    def minutes(self, value: int | str) -> int:
        if self.form == "int":
            return int(value)
        if self.form == "clock":
            hours, minutes = CLOCK.match(str(value)).groups()
            return int(hours) * 60 + int(minutes)
        moment = self._moment(str(value))
        if moment.tzinfo is not None:
            moment = moment.astimezone(self.origin.tzinfo)
        return int((moment - self.origin).total_seconds() // 60)

    def format(self, minutes: int) -> int | str:
        if self.form == "int":
            return minutes
        if self.form == "clock":
            day, rest = divmod(minutes, MINUTES_PER_DAY)
            clock = f"{rest // 60:02d}:{rest % 60:02d}"
            return clock if day == 0 else f"{clock}+{day}d"
        return (self.origin + timedelta(minutes=minutes)).isoformat(timespec="minutes")
