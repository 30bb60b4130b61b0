"""Routing inputs as dispatchers write them, each checked against an independent computation.

Latitude/longitude, clock times and ISO date-times, several depots, a mixed fleet with shifts,
optional stops and pickup-and-delivery pairs: small instances are compared with a brute force
written here from the problem statement (every assignment of stops to vehicles, every order),
and every returned plan is re-costed from its own routes.
"""
from __future__ import annotations

import itertools
import math
import random

import pytest
from pydantic import ValidationError

from chalicelib.engine.options import RunOptions
from chalicelib.templates import cvrp, tsp
from chalicelib.templates import vrp_time_windows as vrptw

PROVE = RunOptions(time_limit_s=20)
"""Small instances return as soon as they are proven: the limit is only a margin for a busy machine."""


def haversine_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def held_karp(dist: list[list[float]]) -> float:
    """Shortest closed tour from city 0 (dynamic programming over subsets)."""
    n = len(dist)
    best = {(1 << j, j): dist[0][j] for j in range(1, n)}
    for size in range(2, n):
        for subset in itertools.combinations(range(1, n), size):
            mask = sum(1 << j for j in subset)
            for j in subset:
                best[mask, j] = min(best[mask ^ (1 << j), k] + dist[k][j] for k in subset if k != j)
    full = sum(1 << j for j in range(1, n))
    return min(best[full, j] + dist[j][0] for j in range(1, n))


# --- TSP ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2])
def test_twelve_city_tsp_is_proven_optimal(seed):
    rng = random.Random(seed)
    cities = [{"name": f"c{i}", "x": rng.uniform(0, 100), "y": rng.uniform(0, 100)} for i in range(12)]
    out = tsp.TEMPLATE.run({"cities": cities}, PROVE)
    dist = [[math.hypot(a["x"] - b["x"], a["y"] - b["y"]) for b in cities] for a in cities]
    assert out.status == "optimal" and out.gap == 0
    assert out.objective_value == pytest.approx(held_karp(dist), abs=1e-5)
    assert out.solution["search"]["method"] == "exact"


def test_asymmetric_matrix_tour_is_optimal():
    rng = random.Random(7)
    n = 9
    matrix = [[0 if i == j else rng.randint(1, 99) for j in range(n)] for i in range(n)]
    out = tsp.TEMPLATE.run({"cities": [{"name": str(i)} for i in range(n)], "distance_matrix": matrix}, PROVE)
    assert out.status == "optimal"
    assert out.objective_value == held_karp(matrix)
    tour = [int(name) for name in out.solution["tour"]]
    assert sum(matrix[a][b] for a, b in zip(tour, tour[1:])) == out.objective_value


def test_lat_lon_tour_is_costed_in_great_circle_km_times_the_road_factor():
    cities = [{"name": "Berlin", "lat": 52.52, "lon": 13.405}, {"name": "Hamburg", "lat": 53.551, "lon": 9.993},
              {"name": "Munich", "lat": 48.137, "lon": 11.575}, {"name": "Cologne", "lat": 50.938, "lon": 6.96},
              {"name": "Frankfurt", "lat": 50.11, "lon": 8.682}, {"name": "Leipzig", "lat": 51.34, "lon": 12.375}]
    out = tsp.TEMPLATE.run({"cities": cities, "road_factor": 1.2}, PROVE)
    by_name = {c["name"]: c for c in cities}
    tour = out.solution["tour"]
    recomputed = sum(1.2 * haversine_km(by_name[a], by_name[b]) for a, b in zip(tour, tour[1:]))
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(recomputed, rel=1e-9)
    dist = [[1.2 * haversine_km(a, b) for b in cities] for a in cities]
    assert out.objective_value == pytest.approx(held_karp(dist), rel=1e-6)


def test_large_tour_stops_after_the_no_improvement_limit_and_says_so():
    rng = random.Random(3)
    cities = [{"name": f"c{i}", "x": rng.uniform(0, 1000), "y": rng.uniform(0, 1000)} for i in range(80)]
    out = tsp.TEMPLATE.run({"cities": cities, "no_improvement_restarts": 2}, RunOptions(time_limit_s=60))
    search = out.solution["search"]
    assert out.status == "feasible" and search["method"] == "heuristic" and "fast-tsp" in search["solver"]
    assert search["stopped_by"] == "no_improvement" and search["no_improvement_limit"] == 2
    assert search["iterations"] >= 3 and out.solve_time_ms < 60_000  # rounds of 0.2, 0.4, 0.8 s ...
    dist = [[math.hypot(a["x"] - b["x"], a["y"] - b["y"]) for b in cities] for a in cities]
    by_name = {c["name"]: i for i, c in enumerate(cities)}
    tour = [by_name[name] for name in out.solution["tour"]]
    assert sorted(tour[:-1]) == list(range(80)) and tour[0] == tour[-1] == 0
    assert out.objective_value == pytest.approx(sum(dist[a][b] for a, b in zip(tour, tour[1:])), abs=1e-6)


def test_an_open_path_from_the_start_is_no_longer_than_the_best_closed_tour_minus_its_longest_leg():
    rng = random.Random(4)
    cities = [{"name": f"c{i}", "x": rng.uniform(0, 1000), "y": rng.uniform(0, 1000)} for i in range(60)]
    closed = tsp.TEMPLATE.run({"cities": cities}, RunOptions(time_limit_s=5))
    path = tsp.TEMPLATE.run({"cities": cities, "return_to_start": False, "start": "c7"}, RunOptions(time_limit_s=5))
    tour = path.solution["tour"]
    assert tour[0] == "c7" and len(tour) == 60 and len(set(tour)) == 60
    legs = [stop["leg_distance"] for stop in closed.solution["stops"]]
    assert path.objective_value <= closed.objective_value - min(legs) + 1e-6


def test_an_asymmetric_matrix_beyond_the_exact_size_goes_to_pyvrp():
    rng = random.Random(8)
    n = 40
    matrix = [[0 if i == j else rng.randint(1, 99) for j in range(n)] for i in range(n)]
    out = tsp.TEMPLATE.run({"cities": [{"name": str(i)} for i in range(n)], "distance_matrix": matrix},
                           RunOptions(time_limit_s=5))
    assert "PyVRP" in out.solution["search"]["solver"]
    tour = [int(name) for name in out.solution["tour"]]
    assert sorted(tour[:-1]) == list(range(n))
    assert out.objective_value == sum(matrix[a][b] for a, b in zip(tour, tour[1:]))


@pytest.mark.parametrize("data, message", [
    ({"cities": [{"name": "A", "x": 0, "y": 0}, {"name": "B", "lat": 1, "lon": 2}]}, "mix of x/y and lat/lon"),
    ({"cities": [{"name": "A", "lat": 0, "lon": 0, "x": 1, "y": 1}, {"name": "B", "lat": 1, "lon": 2}]},
     "both x/y and lat/lon"),
    ({"cities": [{"name": "A", "lat": 91, "lon": 0}, {"name": "B", "lat": 1, "lon": 2}]}, "less than or equal to 90"),
    ({"cities": [{"name": "A", "lat": 0, "lon": 0}, {"name": "B", "lat": 1}]}, "only one of its coordinates"),
    ({"cities": [{"name": "A", "x": 0, "y": 0}, {"name": "B", "x": 1, "y": 1}], "no_improvement_restarts": -1},
     "greater than or equal to 0"),
])
def test_bad_locations_are_rejected(data, message):
    with pytest.raises(ValidationError, match=message):
        tsp.TEMPLATE.input_model.model_validate(data)


# --- An independent brute force for small rich instances ------------------------------------------

def brute_force(depots, stops, vehicles, travel, pairs=()):
    """Cheapest plan by enumeration. depots: (opens, closes); stops: dicts with window, service, demand,
    pickup, required, penalty; vehicles: dicts with start, end, capacity, fixed, unit, shift, max_duration;
    travel[i][j] over locations (depots first, then stops). Times: earliest-start schedule."""
    first = len(depots)
    pair_of = {p: (p, d, a) for p, d, a in pairs} | {d: (p, d, a) for p, d, a in pairs}
    best = math.inf
    for assignment in itertools.product(range(-1, len(vehicles)), repeat=len(stops)):
        if any(a < 0 and stops[s]["required"] for s, a in enumerate(assignment)):
            continue
        if any(assignment[p] != assignment[d] for p, d, _ in pairs):
            continue
        total = sum(stops[s]["penalty"] for s, a in enumerate(assignment) if a < 0)
        for v, vehicle in enumerate(vehicles):
            mine = [s for s, a in enumerate(assignment) if a == v]
            if not mine:
                continue
            route_best = min((cost for order in itertools.permutations(mine)
                              if (cost := route_cost(order, depots, stops, vehicle, travel, first, pair_of))
                              is not None), default=math.inf)
            total += route_best
        best = min(best, total)
    return best


def route_cost(order, depots, stops, vehicle, travel, first, pair_of):
    seen = set()
    for s in order:
        if s in pair_of and pair_of[s][1] == s and pair_of[s][0] not in seen:
            return None
        seen.add(s)
    load = sum(stops[s]["demand"] for s in order)
    if vehicle["capacity"] is not None and load > vehicle["capacity"]:
        return None
    departure = max(depots[vehicle["start"]][0], vehicle["shift"][0])
    clock, where, driven = departure, vehicle["start"], 0
    for s in order:
        leg = travel[where][first + s]
        driven += leg
        start = max(clock + leg, stops[s]["window"][0])
        if start > stops[s]["window"][1]:
            return None
        load += stops[s]["pickup"] - stops[s]["demand"]
        if s in pair_of:
            load += pair_of[s][2] if pair_of[s][0] == s else -pair_of[s][2]
        if vehicle["capacity"] is not None and load > vehicle["capacity"]:
            return None
        clock, where = start + stops[s]["service"], first + s
    driven += travel[where][vehicle["end"]]
    if driven > vehicle.get("max_distance", math.inf):
        return None
    back = clock + travel[where][vehicle["end"]]
    if back > min(depots[vehicle["end"]][1], vehicle["shift"][1]):
        return None
    # Leaving later never breaks a window it did not break, so the route's shortest duration is back - (latest
    # departure); with waiting allowed, the earliest-start schedule bounds it from above: check the limit there.
    if vehicle["max_duration"] is not None and back - departure > vehicle["max_duration"] + _slack(
            order, departure, depots, stops, vehicle, travel, first):
        return None
    return vehicle["fixed"] + vehicle["unit"] * driven


def _slack(order, departure, depots, stops, vehicle, travel, first):
    """How much later the vehicle could leave without breaking any window (it waits less)."""
    clock, where, waited, slack = departure, vehicle["start"], 0, math.inf
    for s in order:
        arrival = clock + travel[where][first + s]
        start = max(arrival, stops[s]["window"][0])
        waited += start - arrival
        slack = min(slack, waited + stops[s]["window"][1] - start)
        clock, where = start + stops[s]["service"], first + s
    return max(0, min(slack, waited))


def random_rich_instance(seed: int) -> dict:
    """Two depots, three different vehicles with shifts, five stops (one optional), clock times."""
    rng = random.Random(seed)
    clock = lambda m: f"{m // 60:02d}:{m % 60:02d}"  # noqa: E731
    depots = [{"name": "North", "x": 0, "y": 0, "opens": "07:00", "closes": "17:00"},
              {"name": "South", "x": 60, "y": 10, "opens": "06:00", "closes": "18:00"}]
    stops = []
    for k in range(5):
        early = rng.randint(7 * 60, 12 * 60)
        stops.append({"name": f"S{k}", "x": rng.randint(0, 60), "y": rng.randint(-30, 40),
                      "earliest": clock(early), "latest": clock(early + rng.randint(30, 180)),
                      "service_time": rng.choice([5, 10, 15]), "demand": rng.randint(1, 6)})
    stops[4].update(required=False, penalty=rng.choice([20, 80]))
    vehicles = [{"name": "Van", "capacity": 10, "start_depot": "North", "shift_start": "08:00"},
                {"name": "Truck", "capacity": 20, "fixed_cost": 30, "cost_per_time": 1.5, "start_depot": "South",
                 "end_depot": "North", "max_duration": 300},
                {"name": "Bike", "capacity": 4, "start_depot": "North", "shift_end": "13:00"}]
    return {"depots": depots, "stops": stops, "vehicles": vehicles, "speed": 0.5}


def to_minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def expected_cost(data: dict) -> float:
    names = [d["name"] for d in data["depots"]]
    places = data["depots"] + data["stops"]
    travel = [[math.ceil(math.hypot(a["x"] - b["x"], a["y"] - b["y"]) / data["speed"] - 1e-9) for b in places]
              for a in places]
    depots = [(to_minutes(d["opens"]), to_minutes(d["closes"])) for d in data["depots"]]
    stops = [{"window": (to_minutes(s["earliest"]), to_minutes(s["latest"])), "service": s["service_time"],
              "demand": s["demand"], "pickup": s.get("pickup", 0), "required": s.get("required", True),
              "penalty": s.get("penalty", 0)} for s in data["stops"]]
    vehicles = []
    for v in data["vehicles"]:
        start = names.index(v.get("start_depot", names[0]))
        end = names.index(v.get("end_depot", v.get("start_depot", names[0])))
        vehicles.append({"start": start, "end": end, "capacity": v.get("capacity"), "fixed": v.get("fixed_cost", 0),
                         "unit": v.get("cost_per_time", 1),
                         "shift": (to_minutes(v["shift_start"]) if "shift_start" in v else 0,
                                   to_minutes(v["shift_end"]) if "shift_end" in v else math.inf),
                         "max_duration": v.get("max_duration")})
    index = {s["name"]: k for k, s in enumerate(data["stops"])}
    pairs = [(index[p["pickup"]], index[p["delivery"]], p.get("amount", 0)) for p in data.get("pickup_deliveries", [])]
    return brute_force(depots, stops, vehicles, travel, pairs)


def recost(data: dict, solution: dict) -> float:
    """The plan's cost from its own timetables: fixed + cost_per_time * travel + penalties of skipped stops."""
    vehicles = {v["name"]: v for v in data["vehicles"]}
    total = 0.0
    for route in solution["routes"]:
        v = vehicles[route["vehicle"]]
        travel = sum(row["travel_time"] for row in route["timetable"][1:])
        assert travel == route["travel_time"]
        total += v.get("fixed_cost", 0) + v.get("cost_per_time", 1) * travel
    penalties = {s["name"]: s.get("penalty", 0) for s in data["stops"]}
    return total + sum(penalties[item["name"]] for item in solution["skipped"])


def check_timetables(data: dict, solution: dict) -> None:
    """Windows, shifts, depots and capacities hold in the returned timetables (clock strings)."""
    stops = {s["name"]: s for s in data["stops"]}
    depots = {d["name"]: d for d in data["depots"]}
    for route in solution["routes"]:
        v = next(v for v in data["vehicles"] if v["name"] == route["vehicle"])
        rows = route["timetable"]
        assert to_minutes(rows[0]["departure"]) >= to_minutes(depots[route["start_depot"]]["opens"])
        assert to_minutes(rows[-1]["arrival"]) <= to_minutes(depots[route["end_depot"]]["closes"])
        if "shift_start" in v:
            assert to_minutes(rows[0]["departure"]) >= to_minutes(v["shift_start"])
        if "shift_end" in v:
            assert to_minutes(rows[-1]["arrival"]) <= to_minutes(v["shift_end"])
        if "max_duration" in v:
            assert route["duration"] <= v["max_duration"]
        for row in rows[1:-1]:
            stop = stops[row["location"]]
            assert to_minutes(stop["earliest"]) <= to_minutes(row["service_start"]) <= to_minutes(stop["latest"])
            assert 0 <= row["on_board"] <= v["capacity"]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_depots_mixed_fleet_shifts_and_optional_stops_match_brute_force(seed):
    data = random_rich_instance(seed)
    expected = expected_cost(data)
    out = vrptw.TEMPLATE.run(data, PROVE)
    if expected == math.inf:
        assert out.status == "infeasible"
        return
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    assert recost(data, out.solution) == pytest.approx(out.objective_value, abs=1e-6)
    check_timetables(data, out.solution)


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_pickup_and_delivery_pairs_match_brute_force(seed):
    data = random_rich_instance(seed)
    for stop in data["stops"][:4]:
        stop["demand"] = 0
    data["stops"][4].update(required=True, penalty=None)
    data["stops"][4].pop("penalty")
    data["pickup_deliveries"] = [{"pickup": "S2", "delivery": "S0", "amount": 4},
                                 {"pickup": "S1", "delivery": "S3", "amount": 3}]
    for stop in data["stops"]:  # wide windows, so that the pairs' order decides
        stop["earliest"], stop["latest"] = "07:00", "16:00"
    expected = expected_cost(data)
    out = vrptw.TEMPLATE.run(data, PROVE)
    assert expected < math.inf
    assert out.status == "optimal"
    assert out.objective_value == pytest.approx(expected, abs=1e-6)
    check_timetables(data, out.solution)
    for pair in data["pickup_deliveries"]:
        route = next(r for r in out.solution["routes"] if pair["pickup"] in r["stops"])
        assert route["stops"].index(pair["pickup"]) < route["stops"].index(pair["delivery"])


def test_clock_strings_integers_and_iso_date_times_give_the_same_plan():
    data = random_rich_instance(2)
    clock_out = vrptw.TEMPLATE.run(data, PROVE)

    def convert(value, form):
        minutes = to_minutes(value)
        return minutes if form == "int" else f"2026-03-0{2 + minutes // 1440}T{value}:00+01:00"

    for form in ("int", "iso"):
        other = {**data, "depots": [dict(d) for d in data["depots"]], "stops": [dict(s) for s in data["stops"]],
                 "vehicles": [dict(v) for v in data["vehicles"]]}
        for item in other["depots"] + other["stops"] + other["vehicles"]:
            for key in ("opens", "closes", "earliest", "latest", "shift_start", "shift_end"):
                if key in item:
                    item[key] = convert(item[key], form)
        out = vrptw.TEMPLATE.run(other, PROVE)
        assert out.objective_value == pytest.approx(clock_out.objective_value)
        first = out.solution["routes"][0]["start_time"]
        clock_first = clock_out.solution["routes"][0]["start_time"]
        if form == "int":
            assert first == to_minutes(clock_first)
        else:
            assert first == f"2026-03-02T{clock_first}+01:00"


def test_times_past_midnight_are_written_with_the_day():
    data = {"depot": {"name": "D", "x": 0, "y": 0, "opens": "22:00", "closes": "23:59"},
            "stops": [{"name": "A", "x": 30, "y": 0, "earliest": "23:00", "service_time": 120}],
            "vehicles": [{"name": "V"}]}
    out = vrptw.TEMPLATE.run(data, PROVE)
    assert out.status == "infeasible"  # back at 01:30 the next day, after the depot closes
    assert "01:30+1d" in out.message


@pytest.mark.parametrize("changes, message", [
    ({"stops": [{"name": "A", "x": 1, "y": 1, "earliest": "08:00", "latest": 600}]}, "times mix forms"),
    ({"stops": [{"name": "A", "x": 1, "y": 1, "earliest": "8h30"}]}, "is not a time"),
    ({"stops": [{"name": "A", "x": 1, "y": 1, "earliest": "2026-03-02T08:30:10"}]}, "whole minute"),
    ({"depot": {"name": "D", "x": 0, "y": 0, "opens": "2026-03-02T08:00+01:00", "closes": "2026-03-02T18:00"}},
     "offset"),
    ({"stops": [{"name": "A", "x": 1, "y": 1, "required": False}]}, "needs a penalty"),
    ({"stops": [{"name": "A", "x": 1, "y": 1, "penalty": 5}]}, "set required to false"),
    ({"vehicles": [{"name": "V", "start_depot": "Nowhere"}]}, "not one of the depots"),
    ({"pickup_deliveries": [{"pickup": "A", "delivery": "Z"}]}, "not one of the stops"),
    ({"depots": [{"name": "D2", "x": 0, "y": 0, "closes": "18:00"}]}, "either depot or depots"),
])
def test_bad_rich_inputs_are_rejected(changes, message):
    base = {"depot": {"name": "D", "x": 0, "y": 0, "opens": "08:00", "closes": "18:00"},
            "stops": [{"name": "A", "x": 1, "y": 1}], "vehicles": [{"name": "V"}]}
    with pytest.raises(ValidationError, match=message):
        vrptw.TEMPLATE.input_model.model_validate({**base, **changes})


def test_skipped_stops_say_why_in_plain_words():
    data = {"depot": {"name": "D", "x": 0, "y": 0, "opens": "08:00", "closes": "18:00"},
            "stops": [{"name": "Near", "x": 10, "y": 0, "demand": 5},
                      {"name": "Heavy", "x": 5, "y": 5, "demand": 120, "required": False, "penalty": 1000},
                      {"name": "Late", "x": 400, "y": 0, "latest": "08:30", "required": False, "penalty": 1000},
                      {"name": "Cheap", "x": 0, "y": 200, "required": False, "penalty": 1}],
            "vehicles": [{"name": "V", "capacity": 100}], "speed": 1}
    out = vrptw.TEMPLATE.run(data, PROVE)
    assert out.status == "optimal"
    reasons = {item["name"]: item["reason"] for item in out.solution["skipped"]}
    assert set(reasons) == {"Heavy", "Late", "Cheap"}
    assert "needs 120 units, more than any vehicle carries (100)" in reasons["Heavy"]
    assert "window closes at 08:30" in reasons["Late"] and "earliest arrival from a depot is 14:40" in reasons["Late"]
    assert "more to the cost than its penalty of 1" in reasons["Cheap"]
    assert out.objective_value == 20 + 1000 + 1000 + 1


# --- CVRP: depots, mixed fleet, optional customers ------------------------------------------------

def test_cvrp_with_two_depots_and_a_mixed_fleet_matches_brute_force():
    rng = random.Random(11)
    data = {"depots": [{"name": "West", "x": 0, "y": 50}, {"name": "East", "x": 100, "y": 50}],
            "customers": [{"name": f"C{k}", "x": rng.randint(0, 100), "y": rng.randint(0, 100),
                           "demand": rng.randint(1, 9)} for k in range(6)],
            "vehicles": [{"name": "W", "capacity": 15, "start_depot": "West"},
                         {"name": "E", "capacity": 15, "start_depot": "East", "cost_per_distance": 0.5,
                          "fixed_cost": 20},
                         {"name": "X", "capacity": 30, "start_depot": "West", "end_depot": "East",
                          "max_distance": 180, "cost_per_distance": 1.25}]}
    data["customers"][5].update(required=False, penalty=15)
    out = cvrp.TEMPLATE.run(data, PROVE)
    places = data["depots"] + data["customers"]
    dist = [[math.hypot(a["x"] - b["x"], a["y"] - b["y"]) for b in places] for a in places]
    stops = [{"window": (0, math.inf), "service": 0, "demand": c["demand"], "pickup": 0,
              "required": c.get("required", True), "penalty": c.get("penalty", 0)} for c in data["customers"]]
    vehicles = [{"start": 0, "end": 0, "capacity": 15, "fixed": 0, "unit": 1, "shift": (0, math.inf),
                 "max_duration": None},
                {"start": 1, "end": 1, "capacity": 15, "fixed": 20, "unit": 0.5, "shift": (0, math.inf),
                 "max_duration": None},
                {"start": 0, "end": 1, "capacity": 30, "fixed": 0, "unit": 1.25, "shift": (0, math.inf),
                 "max_duration": None, "max_distance": 180}]
    expected = brute_force([(0, math.inf), (0, math.inf)], stops, vehicles, dist)
    assert out.status == "optimal"
    # Distances are optimised to 3 decimals (whole thousandths), so the optimum may differ in the 3rd decimal.
    assert out.objective_value == pytest.approx(expected, abs=0.01)
    for route in out.solution["routes"]:
        path = [route["start_depot"], *route["customers"], route["end_depot"]]
        at = {p["name"]: p for p in places}
        driven = sum(math.hypot(at[a]["x"] - at[b]["x"], at[a]["y"] - at[b]["y"]) for a, b in zip(path, path[1:]))
        assert route["distance"] == pytest.approx(driven, abs=1e-6)
        assert route["load"] == sum(at[c]["demand"] for c in route["customers"]) <= route["capacity"]
        if route["vehicle"] == "X":
            assert driven <= 180
    total = sum(r["cost"] for r in out.solution["routes"]) + sum(s["penalty"] for s in out.solution["skipped"])
    assert out.objective_value == pytest.approx(total, abs=1e-6)


# --- Large matrices, packed -----------------------------------------------------------------------

def pack(matrix, fmt="<i4", compression="gzip") -> dict:
    import base64
    import gzip

    import numpy as np

    raw = np.asarray(matrix, dtype=fmt).tobytes()
    data = gzip.compress(raw) if compression == "gzip" else raw
    name = {"<i4": "int32", "<f4": "float32", "<f8": "float64"}[fmt]
    return {"format": name, "compression": compression, "data": base64.b64encode(data).decode()}


@pytest.mark.parametrize("fmt, compression", [("<i4", "gzip"), ("<f8", "none"), ("<f4", "gzip")])
def test_packed_matrix_gives_the_same_tour_as_the_json_matrix(fmt, compression):
    rng = random.Random(5)
    n = 10
    matrix = [[0 if i == j else rng.randint(1, 500) for j in range(n)] for i in range(n)]
    cities = [{"name": str(i)} for i in range(n)]
    plain = tsp.TEMPLATE.run({"cities": cities, "distance_matrix": matrix}, PROVE)
    packed = tsp.TEMPLATE.run({"cities": cities, "distance_matrix": pack(matrix, fmt, compression)}, PROVE)
    assert packed.status == plain.status == "optimal"
    assert packed.objective_value == plain.objective_value == held_karp(matrix)


def test_packed_travel_times_drive_the_time_windows():
    matrix = [[0, 10, 20], [10, 0, 15], [20, 15, 0]]
    data = {"depot": {"name": "D", "closes": 100}, "stops": [{"name": "A", "latest": 10}, {"name": "B"}],
            "vehicles": [{"name": "V"}], "travel_time_matrix": pack(matrix)}
    out = vrptw.TEMPLATE.run(data, PROVE)
    assert out.status == "optimal" and out.objective_value == 10 + 15 + 20


def test_a_thousand_city_plan_fits_the_body_limit_packed():
    import json

    import numpy as np

    rng = np.random.default_rng(0)
    xy = rng.uniform(0, 50_000, (1000, 2))
    metres = np.sqrt(((xy[:, None] - xy[None]) ** 2).sum(-1)) * rng.uniform(1.1, 1.5, (1000, 1000))
    body = json.dumps({"input_data": {"cities": [{"name": f"c{i}"} for i in range(1000)],
                                      "distance_matrix": pack(metres.round())}})
    assert len(body) < 5 * 2**20
    model = tsp.TEMPLATE.input_model.model_validate(json.loads(body)["input_data"])
    assert model.distance_matrix.decode(1000, integers=False, field="distance_matrix")[3, 7] == round(metres[3, 7])


@pytest.mark.parametrize("packed, message", [
    ({"format": "int32", "data": "not base64!"}, "not base64"),
    ({"format": "int32", "data": "AAAA"}, "not gzip-compressed"),
    ({"format": "int32", "compression": "none", "data": "AAAA"}, r"2 x 2 int32 numbers \(16 bytes\)"),
    ("bomb", "holds more"),
    ("negative", "from 0 to 1e9"),
    ("nan", "from 0 to 1e9"),
    ({"format": "int64", "data": "AAAA"}, "int32"),
])
def test_bad_packed_matrices_are_rejected(packed, message):
    import base64
    import gzip

    if packed == "bomb":  # 16 bytes expected; 100 MB of zeros compress to 100 KB
        packed = {"format": "int32", "data": base64.b64encode(gzip.compress(bytes(100_000_000))).decode()}
    elif packed == "negative":
        packed = pack([[0, -1], [1, 0]])
    elif packed == "nan":
        packed = pack([[0, float("nan")], [1, 0]], "<f8")
    with pytest.raises(ValidationError, match=message):
        tsp.TEMPLATE.input_model.model_validate({"cities": [{"name": "A"}, {"name": "B"}], "distance_matrix": packed})


# --- Numbers too large to add up exactly ----------------------------------------------------------

def test_travel_times_too_large_for_the_time_scale_are_refused_with_a_reason():
    data = {"depot": {"x": 0, "y": 0, "closes": 10**7}, "stops": [{"name": "A", "x": 1e9, "y": 0}],
            "vehicles": [{"name": "V"}], "speed": 1e-3}
    with pytest.raises(ValidationError, match="more than 10,000,000: raise speed"):
        vrptw.TEMPLATE.input_model.model_validate(data)


def test_the_largest_numbers_allowed_still_add_up_exactly():
    rng = random.Random(2)
    data = {"depot": {"x": -1e9, "y": -1e9},
            "customers": [{"name": f"c{i}", "x": rng.uniform(-1e9, 1e9), "y": rng.uniform(-1e9, 1e9), "demand": 1}
                          for i in range(40)] + [{"name": "far", "x": 1e9, "y": 1e9, "demand": 1,
                                                   "required": False, "penalty": 1e9}],
            "vehicles": [{"name": f"V{k}", "capacity": 10, "cost_per_distance": 9999.99, "fixed_cost": 1e9}
                         for k in range(5)]}
    out = cvrp.TEMPLATE.run(data, RunOptions(time_limit_s=3))
    assert out.status == "feasible"
    at = {c["name"]: c for c in [{"name": "Depot", **data["depot"]}, *data["customers"]]}
    total = sum(1e9 + 9999.99 * sum(math.hypot(at[a]["x"] - at[b]["x"], at[a]["y"] - at[b]["y"])
                                    for a, b in zip([r["start_depot"], *r["customers"], r["end_depot"]],
                                                    [*r["customers"], r["end_depot"]]))
                for r in out.solution["routes"])
    total += sum(s["penalty"] for s in out.solution["skipped"])
    assert out.objective_value == pytest.approx(total, rel=1e-12)


def test_fractional_costs_lose_their_decimals_rather_than_overflow():
    # 0.5-unit legs of a 1e9-wide map with a cost factor of 1,000: kept exact only in whole units.
    data = {"depot": {"x": 0, "y": 0},
            "customers": [{"name": "A", "x": 2e8 + 0.5, "y": 0, "demand": 1},
                          {"name": "B", "x": -2e8, "y": 0.5, "demand": 1}],
            "vehicles": [{"name": "V", "capacity": 5, "cost_per_distance": 1000.25}]}
    out = cvrp.TEMPLATE.run(data, PROVE)
    assert out.status == "optimal"
    route = out.solution["routes"][0]
    assert out.objective_value == pytest.approx(1000.25 * route["distance"], rel=1e-12)
    assert route["distance"] == pytest.approx(2 * (2e8 + 0.5) + 2 * math.hypot(2e8, 0.5), rel=1e-12)


@pytest.mark.parametrize("span", [50, 5_000, 500_000])
def test_fractional_distances_of_any_scale_still_give_feasible_plans(span):
    # PyVRP's penalties top out at 100,000 a unit of overload: costs of millions an arc (metres kept to
    # the millimetre) once left it without a feasible plan. They are scaled down for its search.
    rng = random.Random(2)
    data = {"depot": {"x": -span, "y": -span},
            "customers": [{"name": f"c{i}", "x": rng.uniform(-span, span), "y": rng.uniform(-span, span),
                           "demand": 1} for i in range(40)],
            "vehicles": [{"name": f"V{k}", "capacity": 10, "max_distance": 12 * span} for k in range(5)]}
    out = cvrp.TEMPLATE.run(data, RunOptions(time_limit_s=3))
    assert out.status == "feasible"
    assert sorted(c for r in out.solution["routes"] for c in r["customers"]) == sorted(f"c{i}" for i in range(40))
    for route in out.solution["routes"]:
        assert route["load"] <= 10 and route["distance"] <= 12 * span


def test_stops_no_vehicle_can_serve_are_left_out_before_the_search_with_their_reason():
    data = {"depot": {"name": "D", "x": 0, "y": 0, "opens": "08:00", "closes": "18:00"},
            "stops": [{"name": "Near", "x": 10, "y": 0},
                      {"name": "Before opening", "x": 5, "y": 0, "latest": "07:00", "required": False, "penalty": 9},
                      {"name": "After closing", "x": 5, "y": 0, "earliest": "19:00", "required": False, "penalty": 9},
                      {"name": "Crate pickup", "x": 3, "y": 3, "required": False, "penalty": 5},
                      {"name": "Crate drop", "x": 6, "y": 6, "required": False, "penalty": 5}],
            "vehicles": [{"name": "V", "capacity": 10}],
            "pickup_deliveries": [{"pickup": "Crate pickup", "delivery": "Crate drop", "amount": 11}]}
    out = vrptw.TEMPLATE.run(data, PROVE)
    assert out.status == "optimal" and out.objective_value == 20 + 9 + 9 + 5 + 5
    reasons = {item["name"]: item["reason"] for item in out.solution["skipped"]}
    assert "window closes at 07:00" in reasons["Before opening"]
    assert "opens at 19:00, after every vehicle must be back" in reasons["After closing"]
    assert "needs 11 units, more than any vehicle carries (10)" in reasons["Crate pickup"]
    assert "is paired with 'Crate pickup'" in reasons["Crate drop"]


def test_a_required_pair_no_vehicle_can_carry_is_infeasible():
    data = {"depot": {"name": "D", "x": 0, "y": 0, "closes": 100},
            "stops": [{"name": "P", "x": 1, "y": 0}, {"name": "Q", "x": 2, "y": 0}],
            "vehicles": [{"name": "V", "capacity": 3}],
            "pickup_deliveries": [{"pickup": "P", "delivery": "Q", "amount": 4}]}
    out = vrptw.TEMPLATE.run(data, PROVE)
    assert out.status == "infeasible" and "needs 4 units, more than any vehicle carries (3)" in out.message


def test_a_shift_that_ends_before_it_starts_is_refused():
    data = {"depot": {"name": "D", "x": 0, "y": 0, "opens": "06:00", "closes": "20:00"},
            "stops": [{"name": "A", "x": 1, "y": 1}],
            "vehicles": [{"name": "V", "shift_start": "14:00", "shift_end": "09:00"}]}
    with pytest.raises(ValidationError, match="shift that ends at 09:00, before it starts at 14:00"):
        vrptw.TEMPLATE.input_model.model_validate(data)
