"""Webhook/callback signatures: what verifies, and every way a header is refused."""
from __future__ import annotations

import hashlib
import hmac

import pytest

from chalicelib import signing
from chalicelib.signing import SignatureError

SECRET = "whsec_test-secret"
BODY = b'{"execution_id":"exc_1","status":"optimal"}'
NOW = 1_800_000_000


def test_new_secret_is_prefixed_random_and_long():
    first, second = signing.new_secret(), signing.new_secret()
    assert first.startswith("whsec_") and len(first) >= len("whsec_") + 40
    assert first != second


def test_sign_is_hmac_sha256_over_timestamp_dot_body():
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert signing.sign(SECRET, BODY, NOW) == f"t={NOW},v1={expected}"


def test_round_trip_verifies():
    signing.verify(SECRET, BODY, signing.sign(SECRET, BODY, NOW), now=NOW)


def test_round_trip_with_a_fresh_secret_and_empty_body():
    secret = signing.new_secret()
    signing.verify(secret, b"", signing.sign(secret, b"", NOW), now=NOW)


@pytest.mark.parametrize("body", [BODY + b" ", BODY.replace(b"optimal", b"feasible"), b""])
def test_tampered_body_is_refused(body):
    with pytest.raises(SignatureError, match="does not match"):
        signing.verify(SECRET, body, signing.sign(SECRET, BODY, NOW), now=NOW)


def test_wrong_secret_is_refused():
    with pytest.raises(SignatureError, match="does not match"):
        signing.verify("whsec_other", BODY, signing.sign(SECRET, BODY, NOW), now=NOW)


def test_changed_timestamp_with_old_signature_is_refused():
    digest = signing.sign(SECRET, BODY, NOW).split("v1=")[1]
    with pytest.raises(SignatureError, match="does not match"):
        signing.verify(SECRET, BODY, f"t={NOW + 1},v1={digest}", now=NOW)


@pytest.mark.parametrize("signed_at, now", [(NOW - 300, NOW), (NOW + 300, NOW), (NOW, NOW)])
def test_timestamps_within_tolerance_verify(signed_at, now):
    signing.verify(SECRET, BODY, signing.sign(SECRET, BODY, signed_at), now=now)


def test_stale_timestamp_is_refused():
    header = signing.sign(SECRET, BODY, NOW - 301)
    with pytest.raises(SignatureError, match="301 s old, more than the 300 s allowed"):
        signing.verify(SECRET, BODY, header, now=NOW)


def test_future_timestamp_is_refused():
    header = signing.sign(SECRET, BODY, NOW + 301)
    with pytest.raises(SignatureError, match="301 s in the future"):
        signing.verify(SECRET, BODY, header, now=NOW)


def test_tolerance_is_configurable():
    header = signing.sign(SECRET, BODY, NOW - 10)
    signing.verify(SECRET, BODY, header, now=NOW, tolerance_s=10)
    with pytest.raises(SignatureError, match="old"):
        signing.verify(SECRET, BODY, header, now=NOW, tolerance_s=9)


@pytest.mark.parametrize("header", [None, "", "   "])
def test_missing_header_is_refused(header):
    with pytest.raises(SignatureError, match="missing"):
        signing.verify(SECRET, BODY, header, now=NOW)


@pytest.mark.parametrize("header, message", [
    ("garbage", "malformed"),
    ("t=1800000000", "no v1= signature"),
    ("t=1800000000,v0=abc", "no v1= signature"),
    ("v1=abc", "exactly one t="),
    ("t=soon,v1=abc", "exactly one t="),
    ("t=-5,v1=abc", "exactly one t="),
    ("t=1_800_000_000,v1=abc", "exactly one t="),
    ("t=1,t=2,v1=abc", "exactly one t="),
    ("t=1800000000,v1=", "malformed"),
    ("t=1800000000,,v1=abc", "malformed"),
    ("t=1800000000,=abc", "malformed"),
])
def test_malformed_headers_are_refused(header, message):
    with pytest.raises(SignatureError, match=message):
        signing.verify(SECRET, BODY, header, now=NOW)


def test_non_ascii_signature_is_a_mismatch_not_a_crash():
    with pytest.raises(SignatureError, match="does not match"):
        signing.verify(SECRET, BODY, f"t={NOW},v1=é", now=NOW)


@pytest.mark.parametrize("position", [0, 1, 2])
def test_any_of_several_v1_entries_may_match_so_secrets_can_rotate(position):
    good = signing.sign(SECRET, BODY, NOW).split(",")[1]
    others = [signing.sign(f"whsec_old{i}", BODY, NOW).split(",")[1] for i in range(2)]
    entries = others[:position] + [good] + others[position:]
    header = ",".join([f"t={NOW}", *entries])
    signing.verify(SECRET, BODY, header, now=NOW)


def test_several_v1_entries_none_matching_are_refused():
    entries = [signing.sign(f"whsec_old{i}", BODY, NOW).split(",")[1] for i in range(3)]
    with pytest.raises(SignatureError, match="does not match"):
        signing.verify(SECRET, BODY, ",".join([f"t={NOW}", *entries]), now=NOW)


def test_spaces_around_entries_and_unknown_schemes_are_tolerated():
    digest = signing.sign(SECRET, BODY, NOW).split("v1=")[1]
    signing.verify(SECRET, BODY, f" t={NOW} , v0=ignored , v1={digest} ", now=NOW)


def test_signature_error_is_a_value_error():
    assert issubclass(SignatureError, ValueError)
