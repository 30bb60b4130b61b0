"""The deletion filter behind template conflict explanations, on conflicts known by construction."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from chalicelib.engine.options import RunOptions
from chalicelib.templates import explain_rules, get_template


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
        time.sleep(0.2)
        return not {0, 9} <= set(active)

    started = time.perf_counter()
    found, minimal = explain_rules.find_conflict(10, slow, budget_s=0.3)
    assert time.perf_counter() - started < 2.0  # the whole search takes over 20 probes: 4 s and more
    assert minimal is False and {0, 9} <= set(found)


def test_the_budget_is_a_quarter_of_the_time_limit_and_at_most_five_seconds():
    assert explain_rules.search_budget_s(RunOptions(time_limit_s=4)) == 1
    assert explain_rules.search_budget_s(RunOptions(time_limit_s=60)) == 5


def test_numbers_read_as_written():
    assert [explain_rules.number(x) for x in (950.0, 12.5, 0.1 + 0.2, 1e6)] == ["950", "12.5", "0.3", "1000000"]


def _doc_examples() -> list[tuple[str, dict, dict]]:
    """(template, input, explanation) for every worked example in docs/template-explanations.md."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "template-explanations.md").read_text()
    found = re.findall(r"<!-- example: (\w+) -->\s*```json\n(.*?)```\s*```json\n(.*?)```", text, re.S)
    return [(name, json.loads(data), json.loads(explanation)) for name, data, explanation in found]


def test_the_docs_hold_one_worked_example_per_kind():
    assert [name for name, _, _ in _doc_examples()] == [
        "employee_shift_scheduling", "job_shop", "capacitated_facility_location", "warehouse_allocation"]


@pytest.mark.parametrize("name, data, explanation", _doc_examples(), ids=lambda value: value
                         if isinstance(value, str) else "")
def test_the_documented_explanations_are_what_the_templates_return(name, data, explanation):
    outcome = get_template(name).run(data, RunOptions(time_limit_s=10))
    assert outcome.explanation.model_dump(exclude_none=True) == explanation


def test_explain_off_skips_the_conflict_search_and_keeps_the_status():
    name, data, _ = next(example for example in _doc_examples() if example[0] == "capacitated_facility_location")
    outcome = get_template(name).run(data, RunOptions(time_limit_s=10, explain=False))
    assert outcome.status == "infeasible" and outcome.explanation is None


@pytest.mark.parametrize("value, text", [(float("inf"), "inf"), (float("-inf"), "-inf"), (float("nan"), "nan")])
def test_numbers_that_overflowed_still_read(value, text):
    assert explain_rules.number(value) == text
