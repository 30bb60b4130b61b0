"""Execution ids are ULIDs written by chalicelib.ids itself (not python-ulid, whose import cost
a cold start ~70 ms): the same 26 characters, byte for byte, as the ids already stored."""
import os
import threading
import time

import pytest

from chalicelib import ids

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"

@pytest.mark.parametrize(("data", "expected"), [
    (bytes(range(16)), "00041061050r3gg28a1c60t3gf"),
    (b"\xff" * 16, "7zzzzzzzzzzzzzzzzzzzzzzzzz"),
    # The ULID spec's example timestamp (2016-07-30T22:36:16.385Z), randomness zero.
    ((1469918176385).to_bytes(6, "big") + b"\x00" * 10, "01aryz6s410000000000000000"),
])
def test_encoding_matches_known_ulids(data, expected):
    """Vectors written by python-ulid 4.1.0 (`str(ULID.from_bytes(data)).lower()`)."""
    assert ids.encode_ulid(int.from_bytes(data[:6], "big"), int.from_bytes(data[6:], "big")) == expected


def test_encoding_matches_python_ulid_on_random_values():
    ulid = pytest.importorskip("ulid")
    for _ in range(500):
        data = os.urandom(16)
        ours = ids.encode_ulid(int.from_bytes(data[:6], "big"), int.from_bytes(data[6:], "big"))
        assert ours == str(ulid.ULID.from_bytes(data)).lower()


def test_sortable_ids_carry_the_time_and_stay_ordered_within_a_millisecond():
    before = time.time_ns() // 1_000_000
    generated = [ids.sortable_id(ids.EXECUTION) for _ in range(3000)]
    after = time.time_ns() // 1_000_000
    assert generated == sorted(generated) and len(set(generated)) == len(generated)
    for execution_id in (generated[0], generated[-1]):
        suffix = execution_id.removeprefix(ids.EXECUTION)
        assert len(suffix) == 26 and set(suffix) <= set(CROCKFORD)
        value = 0
        for character in suffix:
            value = value * 32 + CROCKFORD.index(character)
        assert before <= value >> 80 <= after  # the first 48 bits: Unix milliseconds


def test_ids_from_threads_are_unique():
    generated: list[str] = []

    def make() -> None:
        generated.extend(ids.sortable_id(ids.EXECUTION) for _ in range(500))

    threads = [threading.Thread(target=make) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(generated)) == 2000
