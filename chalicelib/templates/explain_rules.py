"""Why a template's run is infeasible, and what binds when it is solved, in the template's words.

Each template names its own rules ("staffing: Tue Night", "capacity: Leeds DC"). When the
data alone shows a rule cannot hold (cheap checks, linear in the input), the run is reported
infeasible with that rule and its numbers, without a solver. When the solver finds the model
infeasible and no check explains it, `find_conflict` looks for a small set of rule groups that
cannot all hold: a deletion filter that drops groups (first in chunks, then one by one) and
keeps a group only when the rest becomes feasible without it, with short re-solves under a
budget of a quarter of the run's time limit, at most 5 s. The result is irreducible (every
group in it is needed for the conflict) only when every re-solve gave a definite answer.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from chalicelib.engine import deadline, interrupt
from chalicelib.engine.explanation import Binding, Conflict, Explanation
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome

MAX_SEARCH_S = 5.0
SEARCH_SHARE = 0.25
PROBE_SHARE = 0.25
FIRST_SOLUTION = {"stop_after_first_solution": True}
"""CP-SAT parameters for a probe that asks only whether a plan exists."""
MAX_REPORTED = 20
"""Conflicts listed at most; the summary says how many more the set holds."""


@dataclass(frozen=True)
class Rule:
    """One group of a template's constraints: relaxed or kept as a whole by the conflict search."""

    name: str
    sentence: str

    def conflict(self) -> Conflict:
        return Conflict(name=self.name, kind="rule", sentence=self.sentence)


def number(value: float) -> str:
    """A quantity as a person writes it: 950, 12.5, 0.125 (no float noise); never raises, even
    on a quotient that overflowed."""
    if not math.isfinite(value):
        return f"{value:g}"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}".replace(",", "")
    return f"{value:.6g}"


def search_budget_s(options: RunOptions) -> float:
    return min(MAX_SEARCH_S, SEARCH_SHARE * options.time_limit_s)


def probe_options(options: RunOptions) -> RunOptions:
    """Options for one feasibility re-solve: same workers and seed, and at most a quarter of the
    search budget, so that one hard re-solve leaves time for the others (an answer not found in
    time keeps its groups in the conflict and the conflict is then not called minimal)."""
    return RunOptions(time_limit_s=search_budget_s(options) * PROBE_SHARE, num_workers=options.num_workers,
                      seed=options.seed)


def dropped_groups(groups: Sequence[Any], active: list[int]) -> set[Any]:
    """The rule groups a feasibility probe relaxes: every one whose index is not in `active`."""
    kept = set(active)
    return {group for index, group in enumerate(groups) if index not in kept}


def find_conflict(count: int, is_feasible: Callable[[list[int]], bool | None],
                  budget_s: float) -> tuple[list[int], bool]:
    """A subset of groups 0..count-1 that is still infeasible, and whether it is proven irreducible.

    `is_feasible(active)` re-solves with only the groups in `active` kept (the others relaxed)
    and says True (a solution exists), False (proven infeasible) or None (not known in time).
    All groups together are known to be infeasible. The search runs in its own time window
    (`budget_s`), not in what is left of the run's.
    """
    active = list(range(count))
    proven = True
    stop_at = time.perf_counter() + budget_s
    with deadline.running(budget_s):
        chunk = max(1, len(active) // 2)
        while True:
            position = 0
            while position < len(active):
                if time.perf_counter() >= stop_at or interrupt.stop_requested():
                    return active, False
                dropped = active[position:position + chunk]
                rest = active[:position] + active[position + chunk:]
                answer = is_feasible(rest) if rest else True
                if answer is False:
                    active = rest  # the conflict survives without these groups
                else:
                    if answer is None and chunk == 1:
                        proven = False  # kept, but not shown to be needed
                    position += len(dropped)
            if chunk == 1:
                return active, proven
            chunk = max(1, chunk // 2)


def infeasible_outcome(rules: Sequence[Rule], *, summary: str, minimal: bool | None, solver: str,
                       solve_time_ms: int = 0, message: str | None = None) -> SolveOutcome:
    """An `infeasible` result whose explanation lists `rules` as the conflict."""
    listed = list(rules)[:MAX_REPORTED]
    if len(rules) > MAX_REPORTED:
        summary += f" (the first {MAX_REPORTED} of {len(rules)} rules in the conflict are listed)"
    return SolveOutcome(
        status="infeasible", solver=solver, solve_time_ms=solve_time_ms, message=message or summary,
        explanation=Explanation(summary=summary, conflicts=[rule.conflict() for rule in listed],
                                conflict_is_minimal=minimal))


def explain_search(outcome: SolveOutcome, rules: Sequence[Rule], is_feasible: Callable[[list[int]], bool | None],
                   options: RunOptions, *, what: str) -> SolveOutcome:
    """Add to an infeasible `outcome` the rule groups found to conflict; `what` names the plan
    ("roster", "assignment") in the summary. Nothing is searched when `options.explain` is off."""
    if not options.explain:
        return outcome
    started = time.perf_counter()
    found, minimal = find_conflict(len(rules), is_feasible, search_budget_s(options))
    chosen = [rules[i] for i in found]
    spent_ms = int((time.perf_counter() - started) * 1000)
    if minimal:
        summary = (f"No {what} exists: these {len(chosen)} rules cannot all hold together, "
                   "and dropping any one of them would make a plan possible.")
    else:
        summary = (f"No {what} exists: these {len(chosen)} rules cannot all hold together "
                   "(the search ran out of time before proving that each one is needed).")
    if len(chosen) == 1:
        summary = f"No {what} exists: this rule cannot hold." if minimal else summary
    if len(chosen) > MAX_REPORTED:
        summary += f" The first {MAX_REPORTED} of the {len(chosen)} are listed."
    return outcome.model_copy(update={
        "solve_time_ms": outcome.solve_time_ms + spent_ms,
        "explanation": Explanation(summary=summary, conflicts=[rule.conflict() for rule in chosen[:MAX_REPORTED]],
                                   conflict_is_minimal=minimal)})


def with_binding(outcome: SolveOutcome, binding: list[Binding], summary: str | None) -> SolveOutcome:
    """`outcome` with what binds, most important first (nothing added when nothing binds)."""
    if not binding or summary is None:
        return outcome
    return outcome.model_copy(update={"explanation": Explanation(summary=summary, binding=binding)})
