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


@pytest.mark.parametrize("signature", ["é" * 64, "abc", "A" * 64, "0" * 63, "0" * 65, "g" * 64])
def test_a_v1_that_is_not_64_lowercase_hex_digits_is_refused_not_a_crash(signature):
    with pytest.raises(SignatureError, match="64 lowercase hex digits|malformed"):
        signing.verify(SECRET, BODY, f"t={NOW},v1={signature}", now=NOW)


@pytest.mark.parametrize("timestamp", [f"0{NOW}", f"+{NOW}", f"{NOW}.0", f"{NOW}e0", "１８００００００００", " 1", f"{NOW} 1"])
def test_a_timestamp_that_is_not_a_canonical_integer_is_refused(timestamp):
    digest = signing.sign(SECRET, BODY, NOW).split("v1=")[1]
    with pytest.raises(SignatureError, match="exactly one t=|malformed"):
        signing.verify(SECRET, BODY, f"t={timestamp},v1={digest}", now=NOW)


@pytest.mark.parametrize("header", [
    "T={now},v1={d}", "t={now},V1={d}", "t={now};v1={d}", "t={now},v1={d},", ",t={now},v1={d}",
    "t={now},v1={d}\x00", "t={now},v1={d}\u00a0", "t={now},v 1={d}", "t={now},v1={d},v0=a b",
    "t={now},v1={d}," + "x=" + "a" * 1024,
])
def test_malformed_spellings_are_refused(header):
    digest = signing.sign(SECRET, BODY, NOW).split("v1=")[1]
    with pytest.raises(SignatureError):
        signing.verify(SECRET, BODY, header.format(now=NOW, d=digest), now=NOW)


def test_every_accepted_spelling_of_one_event_is_the_same_event():
    good = signing.sign(SECRET, BODY, NOW)
    digest = good.split("v1=")[1]
    old = signing.sign("whsec_old", BODY, NOW).split("v1=")[1]
    spellings = [good, f"v1={digest},t={NOW}", f" t={NOW} ,\tv1={digest} ", f"t={NOW},v1={digest},v1={'0' * 64}",
                 f"t={NOW},v1={old},v1={digest}", f"t={NOW},v0=x,v1={digest},v2=y"]
    keys = {signing.verify(SECRET, BODY, header, now=NOW).event_key("trg_1")
            for header in spellings}
    assert len(keys) == 1
    verified = signing.verify(SECRET, BODY, good, now=NOW)
    assert verified == signing.Verified(NOW, hashlib.sha256(BODY).hexdigest())
    assert verified.event_key("trg_2") not in keys  # another trigger, another event
    other_second = signing.verify(SECRET, BODY, signing.sign(SECRET, BODY, NOW + 1), now=NOW)
    assert other_second.event_key("trg_1") not in keys


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
