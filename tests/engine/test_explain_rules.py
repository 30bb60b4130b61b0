"""The deletion filter behind template conflict explanations, on conflicts known by construction."""
from __future__ import annotations

import time

from chalicelib.engine.options import RunOptions
from chalicelib.templates import explain_rules


def test_the_filter_keeps_exactly_the_groups_of_a_hidden_conflict():
    calls = []

    def is_feasible(active):
        calls.append(len(active))
        return not {3, 7, 11} <= set(active)

    found, minimal = explain_rules.find_conflict(20, is_feasible, budget_s=5)
    assert found == [3, 7, 11] and minimal is True
    assert len(calls) < 40  # chunks first: fewer re-solves than one per group and more


def test_of_two_conflicts_one_is_returned_whole():
    found, minimal = explain_rules.find_conflict(
        10, lambda active: not ({1, 2} <= set(active) or {5, 8} <= set(active)), budget_s=5)
    assert found in ([1, 2], [5, 8]) and minimal is True


def test_an_unknown_answer_keeps_the_group_and_drops_the_proof():
    found, minimal = explain_rules.find_conflict(
        4, lambda active: None if 0 not in active else not {0, 1} <= set(active), budget_s=5)
    assert found == [0, 1] and minimal is False


def test_the_search_stops_at_its_budget_with_what_it_has():
    def slow(active):
        time.sleep(0.05)
        return not {0, 9} <= set(active)

    started = time.perf_counter()
    found, minimal = explain_rules.find_conflict(10, slow, budget_s=0.12)
    assert time.perf_counter() - started < 0.5
    assert minimal is False and {0, 9} <= set(found)


def test_the_budget_is_a_quarter_of_the_time_limit_and_at_most_five_seconds():
    assert explain_rules.search_budget_s(RunOptions(time_limit_s=4)) == 1
    assert explain_rules.search_budget_s(RunOptions(time_limit_s=60)) == 5


def test_numbers_read_as_written():
    assert [explain_rules.number(x) for x in (950.0, 12.5, 0.1 + 0.2, 1e6)] == ["950", "12.5", "0.3", "1000000"]
