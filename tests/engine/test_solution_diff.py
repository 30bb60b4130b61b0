"""engine/solution_diff: each shape of solution diffed on small cases worked out by hand."""
import time

import pytest

from chalicelib.engine.solution_diff import (
    MAX_CHANGES,
    diff_solutions,
    json_diff,
    kpis,
    number_delta,
    summary,
)


def changes(a, b):
    found, _ = diff_solutions(a, b)
    return [(c.change, c.subject, c.a, c.b) for c in found.changes]


def sentences(a, b):
    found, clauses = diff_solutions(a, b)
    return [c.description for c in found.changes], clauses


# ---- routes ---------------------------------------------------------------------------------

def routes(**plan):
    return {"routes": [{"vehicle": vehicle, "customers": stops} for vehicle, stops in plan.items() if stops],
            "skipped": []}


def test_a_stop_moved_to_another_vehicle_and_a_vehicle_no_longer_used():
    a = routes(V1=["A", "B"], V2=["C"], V3=[])
    b = routes(V1=["A", "B", "C"], V2=[], V3=[])
    texts, clauses = sentences(a, b)
    assert texts == ["vehicle V2 is no longer used", "stop C moved from vehicle V2 to vehicle V1"]
    assert clauses == ["vehicle V2 is no longer used", "1 stop moved between vehicles"]


def test_a_vehicle_newly_used():
    assert changes(routes(V1=["A", "B"]), routes(V1=["A"], V2=["B"])) == [
        ("vehicle_added", "V2", None, "V2"), ("moved", "B", "V1", "V2")]


def test_only_the_stop_that_broke_the_order_is_reported_as_moved_within_its_route():
    """A B C D E -> A C D B E: keeping A C D E in order, only B moved (from 2nd to 4th);
    a position count would also report C and D (each shifted by one)."""
    found, clauses = diff_solutions(routes(V1=list("ABCDE")), routes(V1=list("ACDBE")))
    assert [(c.change, c.subject, c.a, c.b, c.delta) for c in found.changes] == [("reordered", "B", 2, 4, 2)]
    assert found.changes[0].description == "stop B is now 4th on vehicle V1 (was 2nd)"
    assert clauses == ["1 stop changed position within its route"]


def test_a_route_driven_backwards_is_one_change_not_every_stop():
    found, clauses = diff_solutions(routes(V1=list("ABCDE")), routes(V1=list("EDCBA")))
    assert [(c.change, c.subject) for c in found.changes] == [("reversed", "V1")]
    assert clauses == ["1 route now runs in the opposite direction"]


def test_stops_skipped_served_added_and_removed():
    a = {"routes": [{"vehicle": "V1", "stops": ["A", "B", "C"]}], "skipped": [{"name": "D", "penalty": 5}]}
    b = {"routes": [{"vehicle": "V1", "stops": ["A", "D", "E"]}], "skipped": [{"name": "B", "penalty": 5}]}
    texts, clauses = sentences(a, b)
    assert texts == ["stop B is now skipped (was on vehicle V1)",
                     "stop C is no longer in the plan (was on vehicle V1)",
                     "stop D is now served by vehicle V1 (was skipped)",
                     "stop E is new, on vehicle V1"]
    assert clauses == ["1 stop is now skipped", "1 stop is now served (skipped before)",
                       "1 stop is no longer in the plan", "1 stop is new"]


def test_a_tsp_tour_compares_positions_without_the_start_city():
    """Tours start (and end) at the start city, which never moves: S A B C D S -> S B A C D S keeps
    B C D in order (or A C D: the first longest run found keeps B), so A moved from 1st to 2nd."""
    found, clauses = diff_solutions({"tour": list("SABCDS"), "closed_tour": True},
                                    {"tour": list("SBACDS"), "closed_tour": True})
    assert [(c.change, c.subject, c.a, c.b) for c in found.changes] == [("reordered", "A", 1, 2)]
    assert found.changes[0].description == "stop A is now 2nd on the tour (was 1st)"
    assert found.kind == "routes" and clauses == ["1 stop changed position on the tour"]
    reversed_tour, clauses = diff_solutions({"tour": list("SABCDS")}, {"tour": list("SDCBAS")})
    assert [c.description for c in reversed_tour.changes] == ["the tour runs in the opposite direction"]
    same, clauses = diff_solutions({"tour": list("SABS")}, {"tour": list("SABS")})
    assert same.count == 0 and clauses == ["the tour is the same"]


# ---- shifts ---------------------------------------------------------------------------------

def roster(**slots):
    days = {}
    for slot, staff in slots.items():
        day, shift = slot.split("_")
        days.setdefault(day, []).append({"shift": shift, "required": 1, "employees": staff})
    return {"total_cost": 0, "schedule": [{"day": day, "shifts": shifts} for day, shifts in days.items()]}


def test_shifts_that_changed_hands():
    a = roster(Mon_Night=["Ann"], Tue_Night=["Ann"], Tue_Day=["Cy"], Wed_Day=["Dee", "Eve"])
    b = roster(Mon_Night=["Ann"], Tue_Night=["Bob"], Tue_Day=["Cy", "Fay"], Wed_Day=["Dee"])
    texts, clauses = sentences(a, b)
    assert texts == ["Tue Night: Ann → Bob", "Tue Day: Fay joins", "Wed Day: Eve no longer on it"]
    assert clauses == ["3 shifts changed hands"]
    assert diff_solutions(a, b)[0].kind == "shifts"


# ---- selections ------------------------------------------------------------------------------

def test_knapsack_items_entered_left_and_copies():
    a = {"total_value": 20, "items_packed": [{"item": "Tent", "copies": 1}, {"item": "Stove", "copies": 2}]}
    b = {"total_value": 25, "items_packed": [{"item": "Tent", "copies": 2}, {"item": "Book", "copies": 1}]}
    texts, clauses = sentences(a, b)
    assert texts == ["item Book is now packed", "item Stove is no longer packed", "item Tent: 1 → 2 copies"]
    assert clauses == ["1 item is now packed (Book)", "1 item is no longer packed (Stove)",
                       "1 item has another number of copies"]


def test_facility_plan_opens_closes_and_reassigns_customers():
    a = {"open_facilities": ["Leeds", "Bristol"],
         "assignments": [{"customer": "York", "facility": "Leeds", "quantity": 10},
                         {"customer": "Bath", "facility": "Bristol", "quantity": 5}]}
    b = {"open_facilities": ["Bristol", "Derby"],
         "assignments": [{"customer": "York", "facility": "Derby", "quantity": 10},
                         {"customer": "Bath", "facility": "Bristol", "quantity": 5}]}
    found, clauses = diff_solutions(a, b)
    assert found.shapes == ["selection", "assignment"] and found.kind == "selection"
    assert [c.description for c in found.changes] == [
        "facility Derby opened", "facility Leeds closed", "customer York moved from Leeds to Derby"]
    assert clauses == ["1 facility opened (Derby)", "1 facility closed (Leeds)", "1 customer changed its assignment"]


def test_sets_and_projects():
    assert changes({"sets_chosen": [{"set": "S1"}, {"set": "S2"}]}, {"sets_chosen": [{"set": "S2"}, {"set": "S3"}]}) \
        == [("entered", "S3", None, 1), ("exited", "S1", 1, None)]
    texts, clauses = sentences({"funded_projects": [{"project": "ERP"}], "not_funded": ["Lab"]},
                               {"funded_projects": [{"project": "Lab"}, {"project": "ERP"}], "not_funded": []})
    assert texts == ["project Lab is now funded"]


# ---- assignments -----------------------------------------------------------------------------

def test_a_task_that_changed_worker():
    a = {"assignments": [{"task": "Wiring", "worker": "Deepak", "cost": 45}, {"task": "Tiling", "worker": "Ann"}]}
    b = {"assignments": [{"task": "Wiring", "worker": "Erin", "cost": 50}, {"task": "Tiling", "worker": "Ann"}]}
    texts, clauses = sentences(a, b)
    assert texts == ["task Wiring moved from Deepak to Erin"]
    assert clauses == ["1 task changed its assignment"]


def test_split_allocations_and_amounts():
    a = {"allocations": [{"product": "A", "warehouse": "East", "units": 200},
                         {"product": "B", "warehouse": "East", "units": 100},
                         {"product": "B", "warehouse": "West", "units": 50}]}
    b = {"allocations": [{"product": "A", "warehouse": "East", "units": 150},
                         {"product": "A", "warehouse": "West", "units": 50},
                         {"product": "B", "warehouse": "East", "units": 120},
                         {"product": "B", "warehouse": "West", "units": 30}]}
    texts, clauses = sentences(a, b)
    assert texts == ["product A: East (200) → East (150), West (50)",
                     "product B: East (100), West (50) → East (120), West (30)"]
    assert [c.change for c in diff_solutions(a, b)[0].changes] == ["reassigned", "quantity_changed"]
    assert clauses == ["1 product changed its assignment", "1 product split differently"]


def test_bin_packing_items_by_bin():
    a = {"bins": [{"bin": "Pallet #1", "items": [{"item": "Seat", "quantity": 3}, {"item": "Axle", "quantity": 1}]},
                  {"bin": "Pallet #2", "items": [{"item": "Tyre", "quantity": 2}]}]}
    b = {"bins": [{"bin": "Pallet #1", "items": [{"item": "Seat", "quantity": 3}]},
                  {"bin": "Pallet #2", "items": [{"item": "Tyre", "quantity": 2}, {"item": "Axle", "quantity": 1}]}]}
    assert sentences(a, b)[0] == ["item Axle moved from Pallet #1 to Pallet #2"]


def test_graph_colouring_vertices():
    a = {"assignments": [{"vertex": "Algebra", "color": "Mon"}, {"vertex": "Biology", "color": "Tue"}]}
    b = {"assignments": [{"vertex": "Algebra", "color": "Tue"}, {"vertex": "Biology", "color": "Mon"}]}
    texts, clauses = sentences(a, b)
    assert texts == ["vertex Algebra moved from Mon to Tue", "vertex Biology moved from Tue to Mon"]
    assert clauses == ["2 vertices changed their assignment"]


# ---- schedules -------------------------------------------------------------------------------

def test_job_shop_operations_shifted_in_time():
    a = {"makespan": 11, "schedule": [{"job": "Gearbox", "operation": 1, "machine": "Mill", "start": 5, "end": 7},
                                      {"job": "Shaft", "operation": 0, "machine": "Lathe", "start": 0, "end": 2}]}
    b = {"makespan": 12, "schedule": [{"job": "Shaft", "operation": 0, "machine": "Lathe", "start": 0, "end": 2},
                                      {"job": "Gearbox", "operation": 1, "machine": "Mill", "start": 7, "end": 9}]}
    found, clauses = diff_solutions(a, b)
    assert found.kind == "schedule"
    assert [(c.change, c.subject, c.a, c.b, c.delta) for c in found.changes] == [
        ("rescheduled", "Gearbox operation 1", 5, 7, 2)]
    assert found.changes[0].description == "Gearbox operation 1 starts at 7 instead of 5 (+2)"
    assert clauses == ["1 operation starts at another time"]
    assert [(k.name, k.delta) for k in kpis(a, b)] == [("makespan", 1.0)]


def test_project_activities_and_machine_moves():
    a = {"schedule": [{"activity": "Frame", "start": 5, "end": 11}, {"activity": "Roof", "start": 11, "end": 15}]}
    b = {"schedule": [{"activity": "Frame", "start": 2, "end": 8}, {"activity": "Roof", "start": 11, "end": 15},
                      {"activity": "Paint", "start": 15, "end": 18}]}
    assert sentences(a, b)[0] == ["Frame starts at 2 instead of 5 (-3)", "Paint is new, starting at 15"]
    moved = diff_solutions({"schedule": [{"job": "J", "operation": 0, "machine": "M1", "start": 0}]},
                           {"schedule": [{"job": "J", "operation": 0, "machine": "M2", "start": 4}]})[0]
    assert moved.changes[0].description == "J operation 0 moved from M1 to M2 and starts at 4 instead of 0 (+4)"


# ---- variables -------------------------------------------------------------------------------

def test_variables_sorted_by_the_size_of_their_change():
    a = {"variables": {"x": 3.0, "y": 1.0, "z": 10.0, "gone": 2.0}, "constraints": {}}
    b = {"variables": {"x": 3.0, "y": 3.0, "z": 5.0, "new": 1}, "constraints": {}}
    found, clauses = diff_solutions(a, b)
    assert [(c.change, c.subject, c.delta) for c in found.changes] == [
        ("changed", "z", -5.0), ("changed", "y", 2.0), ("removed", "gone", None), ("added", "new", None)]
    assert [c.description for c in found.changes][:2] == ["z: 10 → 5 (-5)", "y: 1 → 3 (+2)"]
    assert clauses == ["4 variables changed value"]


def test_variable_changes_are_capped_with_the_count_of_all():
    a = {"variables": {f"x{i}": 0 for i in range(2000)}}
    b = {"variables": {f"x{i}": i for i in range(2000)}}
    found, clauses = diff_solutions(a, b)
    assert len(found.changes) == MAX_CHANGES and found.count == 1999 and found.truncated
    assert found.changes[0].subject == "x1999"  # the largest change first
    assert clauses == ["1,999 variables changed value"]


def test_noise_below_a_relative_tolerance_is_not_a_change():
    assert changes({"variables": {"x": 1e6}}, {"variables": {"x": 1e6 + 1e-6}}) == []


# ---- generic JSON ----------------------------------------------------------------------------

def test_an_unknown_shape_is_diffed_as_json_with_named_lists_matched_by_name():
    a = {"weights": [{"asset": "Bonds", "weight": 0.25}, {"asset": "Gold", "weight": 0.75}], "risk": {"mad": 0.1}}
    b = {"weights": [{"asset": "Gold", "weight": 0.5}, {"asset": "Bonds", "weight": 0.25},
                     {"asset": "Cash", "weight": 0.25}], "risk": {"mad": 0.1}}
    found, clauses = diff_solutions(a, b)
    assert found.kind == "generic"
    assert [(c.change, c.subject, c.a, c.b) for c in found.changes] == [
        ("added", 'weights[asset="Cash"]', None, {"asset": "Cash", "weight": 0.25}),
        ("changed", 'weights[asset="Gold"].weight', 0.75, 0.5)]
    assert clauses == ["the solutions differ in 2 places"]


def test_json_diff_paths_types_and_positions():
    a = {"a": [1, 2, 3], "b": True, "c": {"d e": 1}, "gone": 1}
    b = {"a": [1, 5], "b": 1, "c": {"d e": 2}, "new": None}
    found = json_diff(a, b)
    assert [(c.change, c.subject, c.a, c.b) for c in found.changes] == [
        ("removed", "gone", 1, None), ("added", "new", None, None),
        ("removed", "a[2]", 3, None), ("changed", "a[1]", 2, 5),
        ("changed", "b", True, 1),  # true is not 1
        ("changed", 'c["d e"]', 1, 2)]
    assert found.counts == {"removed": 2, "added": 1, "changed": 3}
    assert json_diff({"x": [1, 2]}, {"x": [1, 2]}).count == 0


def test_large_values_are_shown_as_a_summary():
    found = json_diff({}, {"matrix": [[0] * 300] * 300})
    assert found.changes[0].b == "[300 items]"
    assert found.changes[0].description == 'matrix added: "[300 items]"'


def test_long_keys_and_names_are_cut_so_the_answer_stays_small():
    key = "k" * 50_000
    found = json_diff({key: 1}, {key: 2})
    assert len(found.changes[0].subject) == 301 and len(found.changes[0].description) <= 601


def test_json_diff_work_is_bounded_and_linear():
    """Two 1,000 x 1,000 matrices differing everywhere: the diff stops at its work limit, fast."""
    a = {"distance_matrix": [[i + j for j in range(1000)] for i in range(1000)]}
    b = {"distance_matrix": [[i + j + 1 for j in range(1000)] for i in range(1000)]}
    started = time.perf_counter()
    found = json_diff(a, b)
    elapsed = time.perf_counter() - started
    assert found.truncated and len(found.changes) == MAX_CHANGES and found.count < 200_000
    assert elapsed < 10.0, elapsed  # about 0.8 s here; unbounded, a million pairs and every change kept


def test_a_large_routing_diff_is_fast():
    """10,000 stops over 50 vehicles, every stop moved one vehicle over (n log n ordering)."""
    stops = [f"s{i}" for i in range(10_000)]
    a = routes(**{f"V{v}": stops[v::50] for v in range(50)})
    b = routes(**{f"V{(v + 1) % 50}": stops[v::50] for v in range(50)})
    started = time.perf_counter()
    found, clauses = diff_solutions(a, b)
    assert time.perf_counter() - started < 10.0  # under 2 s here; a quadratic match would take minutes
    assert found.count == 10_000 and found.truncated and clauses == ["10,000 stops moved between vehicles"]


# ---- numbers and summary ---------------------------------------------------------------------

def test_kpis_are_the_numbers_at_the_top_of_both_solutions():
    a = {"total_distance": 100, "vehicles_used": 4, "closed": True, "routes": [], "only_a": 3}
    b = {"total_distance": 95.5, "vehicles_used": 3, "closed": True, "routes": []}
    assert [(k.name, k.a, k.b, k.delta, k.relative_delta) for k in kpis(a, b)] == [
        ("total_distance", 100, 95.5, -4.5, -0.045), ("vehicles_used", 4, 3, -1, -0.25)]
    assert kpis(None, b) == []


@pytest.mark.parametrize("a, b, expected", [
    (1234, 1182, "Objective fell 4.21% (1,234 → 1,182)."),
    (10, 12.5, "Objective rose 25% (10 → 12.5)."),
    (0, 5, "Objective rose from 0 to 5."),
    (7, 7, "Objective unchanged (7)."),
    (7, None, "No objective to compare: run B has none (infeasible)."),
])
def test_the_objective_sentence(a, b, expected):
    empty = json_diff(1, 1)
    text = summary(number_delta(a, b), "optimal", "optimal" if b is not None else "infeasible", [], empty)
    assert text.startswith(expected)


def test_summary_reads_as_sentences():
    objective = number_delta(1234, 1182)
    text = summary(objective, "optimal", "feasible", ["3 stops moved between vehicles",
                                                       "vehicle 4 is no longer used"], json_diff({"a": 1}, {"a": 2}))
    assert text == ("Objective fell 4.21% (1,234 → 1,182). Status changed from optimal to feasible. "
                    "3 stops moved between vehicles; vehicle 4 is no longer used. Input changes: a: 1 → 2.")
