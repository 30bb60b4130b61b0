"""A run's time limit counts from its start: what was spent before the solver comes off."""
from __future__ import annotations

import time

from chalicelib.engine import cpsat, deadline, linear
from chalicelib.engine.options import RunOptions


def test_outside_a_run_the_whole_limit_is_left():
    assert deadline.remaining(3.0) == 3.0


def test_time_spent_in_the_run_comes_off_the_limit():
    with deadline.running(1.0):
        time.sleep(0.6)
        assert deadline.remaining(1.0) <= 0.4
        assert deadline.remaining(0.1) <= 0.1  # a shorter inner limit still holds


def test_a_spent_run_still_gives_the_solver_a_moment():
    with deadline.running(0.01):
        time.sleep(0.05)
        assert deadline.remaining(5.0) == deadline.MIN_SOLVER_S


def test_solvers_are_given_only_what_is_left():
    options = RunOptions(time_limit_s=2.0)
    with deadline.running(2.0):
        time.sleep(1.2)
        assert cpsat.create_solver(options).parameters.max_time_in_seconds <= 0.8
    assert cpsat.create_solver(options).parameters.max_time_in_seconds == 2.0


def test_pywraplp_is_given_only_what_is_left(monkeypatch):
    solver = linear.create_solver("GLOP")
    solver.Maximize(solver.NumVar(0, 1, "x"))
    limits = []
    monkeypatch.setattr(type(solver), "SetTimeLimit", lambda self, ms: limits.append(ms))
    with deadline.running(0.5):
        time.sleep(0.4)
        linear.solve(solver, RunOptions(time_limit_s=0.5), is_mip=False, backend="GLOP")
    assert limits and limits[0] <= 100
