"""Why a linear model is infeasible: a small set of its constraints and bounds that cannot hold.

MathOpt's compute_infeasible_subsystem is offered by no solver in this wheel, so this is
the textbook route (Chinneck, "Feasibility and Infeasibility in Optimization", 2008):

1. Elastic filter. Every row gets nonnegative slacks and the total slack is minimized. For
   the LP (or a MIP's LP relaxation) the rows and bounds with a nonzero dual in that
   phase-one LP carry a Farkas certificate, so together they are infeasible: usually a
   near-irreducible set in one solve. Where the LP relaxation is feasible, only
   integrality conflicts: the elastic MIP is solved repeatedly, making the rows it had to
   stretch hard, until the hard rows alone are infeasible.
2. Deletion filter. Each part is dropped in turn (bounds first, as a block that is split
   when it cannot go as a whole); if the rest is still infeasible it stays dropped. What
   remains is irreducible: dropping any one part makes it feasible. A MIP's checks are MIP
   solves, so a conflict that exists only because of integrality is kept.

Every solve stops at one deadline; a set not yet reduced is still infeasible, just not
known to be minimal.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Literal

import numpy as np

from chalicelib.engine.explain_solve import Arrays, build, solve

SLACK_TOL = 1e-7
"""A slack or elastic objective at most this is zero (GLOP and HiGHS work to 1e-7..1e-6)."""
DUAL_TOL = 1e-9
INTEGER_TOL = 1e-6


@dataclass(frozen=True, order=True)
class Part:
    """One side of a variable's bounds, or a whole constraint row."""

    kind: Literal["bound", "constraint"]
    index: int
    """Variable index for a bound, row index for a constraint."""
    side: Literal["lower", "upper", "row"] = "row"


@dataclass
class ConflictSearch:
    parts: list[Part] | None
    """None when no conflict was isolated (see `reason`)."""
    minimal: bool = False
    integrality: bool = False
    """The parts hold together over the reals: only whole-number values conflict."""
    reason: Literal["found", "time", "tolerance"] = "found"


def find_conflict(a: Arrays, deadline: float) -> ConflictSearch:
    empty = _empty_integer_domain(a)
    if empty is not None:
        return ConflictSearch([Part("bound", empty, "lower"), Part("bound", empty, "upper")], True, True)
    candidates = _farkas_candidates(a, deadline)
    if candidates == "feasible" and a.is_mip:
        candidates = _elastic_filter(a, deadline)
    elif isinstance(candidates, list):
        verified = _check(a, candidates, mip=False, deadline=deadline)
        if verified == "unknown":
            candidates = None  # out of time before the set was confirmed
        elif verified != "infeasible":
            candidates = _elastic_filter(a, deadline)  # certificate blurred by tolerances: the slow way
    if candidates is None:
        return ConflictSearch(None, reason="time")
    if candidates == "feasible":
        return ConflictSearch(None, reason="tolerance")
    parts, minimal = _deletion_filter(a, candidates, deadline)
    integrality = a.is_mip and _check(a, parts, mip=False, deadline=deadline) in ("optimal", "feasible")
    return ConflictSearch(parts, minimal, integrality)


def _empty_integer_domain(a: Arrays) -> int | None:
    """An integer variable with no whole number between its bounds (x in [0.2, 0.8])."""
    with np.errstate(invalid="ignore"):
        empty = a.integer & (np.ceil(a.lower - INTEGER_TOL) > np.floor(a.upper + INTEGER_TOL))
    found = np.flatnonzero(empty)
    return int(found[0]) if len(found) else None


@dataclass
class _Elastic:
    model: object
    n: int
    slack_parts: list[Part]
    load_s: float


def _elastic(a: Arrays, *, mip: bool) -> _Elastic:
    """Rows (and, for the LP, bounds as rows) with slacks; minimize the total slack.

    The MIP keeps its bounds hard: stretching a binary's bounds would turn it into a general
    integer and make the elastic MIP far harder; bounds join the candidates afterwards."""
    n, m = a.n, a.m
    bounded = np.flatnonzero(np.isfinite(a.lower) | np.isfinite(a.upper)) if not mip else np.zeros(0, np.int64)
    row_lower = np.concatenate([a.row_lower, a.lower[bounded]])
    row_upper = np.concatenate([a.row_upper, a.upper[bounded]])
    k_lower, k_upper = np.flatnonzero(np.isfinite(row_lower)), np.flatnonzero(np.isfinite(row_upper))
    slack_ids = n + np.arange(len(k_lower) + len(k_upper))
    entry_row = np.concatenate([a.entry_row, m + np.arange(len(bounded)), k_lower, k_upper])
    entry_col = np.concatenate([a.entry_col, bounded, slack_ids])
    entry_value = np.concatenate([a.entry_value, np.ones(len(bounded)),
                                  np.ones(len(k_lower)), -np.ones(len(k_upper))])
    started = time.monotonic()
    order = np.lexsort((entry_col, entry_row))
    slacks = len(slack_ids)
    lower = np.concatenate([a.lower if mip else np.full(n, -math.inf), np.zeros(slacks)])
    upper = np.concatenate([a.upper if mip else np.full(n, math.inf), np.full(slacks, math.inf)])
    integer = np.concatenate([a.integer if mip else np.zeros(n, bool), np.zeros(slacks, bool)])
    cost = np.concatenate([np.zeros(n), np.ones(slacks)])
    model = build(lower, upper, integer, row_lower, row_upper,
                  entry_row[order], entry_col[order], entry_value[order], cost)

    def part(k: int, side: str) -> Part:
        return Part("constraint", k) if k < m else Part("bound", int(bounded[k - m]), side)

    parts = [part(int(k), "lower") for k in k_lower] + [part(int(k), "upper") for k in k_upper]
    return _Elastic(model, n, parts, time.monotonic() - started)


def _farkas_candidates(a: Arrays, deadline: float) -> list[Part] | Literal["feasible"] | None:
    """The rows and bounds with a nonzero dual in the phase-one LP: an infeasible set."""
    if time.monotonic() >= deadline:
        return None
    elastic = _elastic(a, mip=False)
    run = solve(elastic.model, mip=False, deadline=deadline, has_objective=True, load_s=elastic.load_s)
    if run.status != "optimal" or run.duals is None:
        return None
    if run.objective <= SLACK_TOL:
        return "feasible"
    parts: set[Part] = set()
    bounded = np.flatnonzero(np.isfinite(a.lower) | np.isfinite(a.upper))
    for k in np.flatnonzero(np.abs(run.duals) > DUAL_TOL):
        if k < a.m:
            parts.add(Part("constraint", int(k)))
        else:  # a bound row: a positive dual (minimize) means its lower side holds it
            parts.add(Part("bound", int(bounded[k - a.m]), "lower" if run.duals[k] > 0 else "upper"))
    return sorted(parts)


def _elastic_filter(a: Arrays, deadline: float) -> list[Part] | Literal["feasible"] | None:
    """Chinneck's elastic filter: stretched rows become hard until the hard ones conflict."""
    if time.monotonic() >= deadline:
        return None
    elastic = _elastic(a, mip=a.is_mip)
    hard: set[Part] = set()
    while True:
        run = solve(elastic.model, mip=a.is_mip, deadline=deadline, has_objective=True, load_s=elastic.load_s)
        if run.status == "infeasible":
            break
        if run.values is None:
            return None
        slack = run.values[elastic.n:]
        stretched = {elastic.slack_parts[s] for s in np.flatnonzero(slack > SLACK_TOL)} - hard
        if not stretched:
            return "feasible"
        hard |= stretched
        for s, part in enumerate(elastic.slack_parts):
            if part in stretched:
                elastic.model.get_variable(elastic.n + s).upper_bound = 0.0
    if a.is_mip:  # bounds were hard in the elastic MIP: those of the rows' variables join
        columns = np.unique(a.entry_col[np.isin(a.entry_row, [p.index for p in hard])])
        hard |= {Part("bound", int(j), side) for j in columns for side, value in
                 (("lower", a.lower[j]), ("upper", a.upper[j])) if math.isfinite(value)}
    return sorted(hard)


class _Subsystem:
    """Only the given parts, as a model in which each part can be switched off and on."""

    def __init__(self, a: Arrays, parts: list[Part], *, mip: bool):
        started = time.monotonic()
        rows = np.array(sorted(p.index for p in parts if p.kind == "constraint"), dtype=np.int64)
        picked = np.isin(a.entry_row, rows)
        columns = np.union1d(a.entry_col[picked], [p.index for p in parts if p.kind == "bound"]).astype(np.int64)
        lower, upper = np.full(len(columns), -math.inf), np.full(len(columns), math.inf)
        for p in parts:
            if p.kind == "bound":
                at = int(np.searchsorted(columns, p.index))
                (lower if p.side == "lower" else upper)[at] = getattr(a, p.side)[p.index]
        self.model = build(lower, upper, a.integer[columns] if mip else np.zeros(len(columns), bool),
                           a.row_lower[rows], a.row_upper[rows],
                           np.searchsorted(rows, a.entry_row[picked]), np.searchsorted(columns, a.entry_col[picked]),
                           a.entry_value[picked])
        self._a, self._rows, self._columns = a, rows, columns
        self.load_s = time.monotonic() - started

    def switch(self, part: Part, on: bool) -> None:
        a = self._a
        if part.kind == "constraint":
            row = self.model.get_linear_constraint(int(np.searchsorted(self._rows, part.index)))
            row.lower_bound = a.row_lower[part.index] if on else -math.inf
            row.upper_bound = a.row_upper[part.index] if on else math.inf
        else:
            variable = self.model.get_variable(int(np.searchsorted(self._columns, part.index)))
            value = getattr(a, part.side)[part.index]
            if part.side == "lower":
                variable.lower_bound = value if on else -math.inf
            else:
                variable.upper_bound = value if on else math.inf


def _check(a: Arrays, parts: list[Part], *, mip: bool, deadline: float) -> str:
    if time.monotonic() >= deadline:
        return "unknown"
    sub = _Subsystem(a, parts, mip=mip)
    return solve(sub.model, mip=mip, deadline=deadline, has_objective=False, load_s=sub.load_s).status


def _deletion_filter(a: Arrays, parts: list[Part], deadline: float) -> tuple[list[Part], bool]:
    """Drop what the rest does not need. Bounds go first, as one block split in halves when
    it cannot go whole (most are not needed); constraints one at a time."""
    mip = a.is_mip
    sub = _Subsystem(a, parts, mip=mip)
    bounds = [p for p in parts if p.kind == "bound"]
    groups = ([bounds] if bounds else []) + [[p] for p in parts if p.kind == "constraint"]
    kept: list[Part] = []
    minimal = True
    while groups:
        group = groups.pop(0)
        if time.monotonic() >= deadline:
            kept += group + [p for g in groups for p in g]
            return sorted(kept), False
        for part in group:
            sub.switch(part, on=False)
        status = solve(sub.model, mip=mip, deadline=deadline, has_objective=False, load_s=sub.load_s).status
        if status == "infeasible":
            continue  # the rest conflicts without this group: it stays out
        for part in group:
            sub.switch(part, on=True)
        if status == "unknown":
            minimal = False
            kept += group
        elif len(group) > 1:
            half = len(group) // 2
            groups[:0] = [group[:half], group[half:]]
        else:
            kept += group
    return sorted(kept), minimal
