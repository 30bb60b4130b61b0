"""cpsat.scale_factor: the one helper that turns decimal data into CP-SAT's integers."""
from __future__ import annotations

import pytest

from chalicelib.engine import cpsat


@pytest.mark.parametrize("numbers, factor", [
    ([1, 2, 300], 1),
    ([], 1),
    ([0.5, 2], 10),
    ([0.25, 1.5], 100),
    ([12.345, 0.1], 1000),
    ([-0.75, 3], 100),
    ([0.1 + 0.2], 10),  # 0.30000000000000004 counts as 0.3
    ([1 / 3], 10**6),  # never whole: stops at max_decimals
])
def test_smallest_power_of_ten_that_makes_every_number_whole(numbers, factor):
    assert cpsat.scale_factor(numbers) == factor
    scaled = [x * factor for x in numbers]
    if factor < 10**6:
        assert all(abs(x - round(x)) < 1e-6 for x in scaled)


def test_max_decimals_caps_the_factor():
    assert cpsat.scale_factor([0.123456789], max_decimals=3) == 1000


def test_the_factor_stops_before_sums_leave_int64():
    # magnitude * factor must stay within INT_LIMIT (2**60) so that sums of scaled numbers fit in int64.
    assert cpsat.scale_factor([0.5], magnitude=2**59) == 1
    assert cpsat.scale_factor([0.5], magnitude=2**55) == 10
    assert cpsat.scale_factor([0.001], magnitude=1e15) == 1000
    assert cpsat.scale_factor([0.0001], magnitude=1e15) == 1000  # 10**4 would pass 2**60


def test_the_templates_share_it():
    from chalicelib.templates import assignment, bin_packing, knapsack

    for module in (assignment, bin_packing, knapsack):
        assert not hasattr(module, "_scale_factor")
