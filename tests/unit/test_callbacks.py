"""Callback delivery against a real HTTP receiver on 127.0.0.1: retries, refusals, signatures."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chalicelib import signing
from chalicelib.services import callbacks
from chalicelib.services.callbacks import DeliveryAttempt, deliver, validate_callback_url

SECRET = "whsec_callback-test"
PAYLOAD = {"execution_id": "exc_1", "status": "optimal", "objective_value": 900.0}


@dataclass
class Answer:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class Received:
    method: str
    path: str
    headers: Message  # looked up case-insensitively, as HTTP header names are
    body: bytes


class Receiver:
    """An HTTP server that answers with scripted Answers (then 200) and records each request."""

    def __init__(self, *answers: Answer):
        self.script = list(answers)
        self.requests: list[Received] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append(Received("POST", self.path, self.headers, body))
                answer = receiver.script.pop(0) if receiver.script else Answer()
                time.sleep(answer.delay_s)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "2")
                self.end_headers()
                try:
                    self.wfile.write(b"ok")
                except BrokenPipeError:  # the client gave up waiting (the timeout test)
                    pass

            def do_GET(self):  # where urllib would send a 302/303 it followed
                receiver.requests.append(Received("GET", self.path, self.headers, b""))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/jaot"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def receive():
    """receive(*answers) -> a running Receiver, shut down after the test."""
    started: list[Receiver] = []

    def start(*answers: Answer) -> Receiver:
        started.append(Receiver(*answers))
        return started[-1]

    yield start
    for receiver in started:
        receiver.close()


@pytest.fixture
def delays() -> list[float]:
    return []


def send(url: str, delays: list[float], **options) -> list[DeliveryAttempt]:
    options = {"base_delay_s": 1.0, "timeout_s": 2.0, "sleep": delays.append, **options}
    return deliver(url, PAYLOAD, SECRET, **options)


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks/jaot"


# validate_callback_url


@pytest.mark.parametrize("url", [
    "https://example.com/hooks/jaot",
    "https://example.com:8443/hooks?org=1",
    "http://127.0.0.1:8080/hooks",
    "http://localhost/hooks",
    "https://8.8.8.8/hooks",
    "https://example.com/" + "a" * 2028,  # exactly 2048 characters
])
def test_acceptable_callback_urls(url):
    assert validate_callback_url(url) == url


@pytest.mark.parametrize("url, message", [
    ("http://example.com/hooks", "must use https"),
    ("ftp://example.com/hooks", "must use https, not ftp"),
    ("file:///etc/passwd", "must use https, not file"),
    ("example.com/hooks", "must use https, not no scheme"),
    ("https:///hooks", "needs a host"),
    ("https://user:pass@example.com/hooks", "must not contain credentials"),
    ("https://token@example.com/hooks", "must not contain credentials"),
    ("https://example.com/hooks path", "spaces, backslashes or control characters"),
    ("https://example.com/hooks\r\nX-Evil: 1", "spaces, backslashes or control characters"),
    ("https://example.com:99999/hooks", "invalid port"),
    ("https://" + "a" * 2037 + ".com", "at most 2048 characters"),
    ("https://10.0.0.5/hooks", "must not point at 10.0.0.5"),
    ("https://169.254.169.254/latest/meta-data", "must not point at"),
    ("https://[::1]/hooks", "must not point at"),
    ("https://127.1/hooks", "must name a public host"),
    ("https://2130706433/hooks", "must name a public host"),
    ("", "non-empty string"),
])
def test_unacceptable_callback_urls(url, message):
    with pytest.raises(ValueError, match=message):
        validate_callback_url(url)


def test_allowed_http_hosts_are_configurable():
    assert validate_callback_url("http://receiver.test/x", frozenset({"receiver.test"}))
    with pytest.raises(ValueError, match="must use https"):
        validate_callback_url("http://127.0.0.1/x", frozenset())


# deliver


def test_success_first_time_posts_signed_json(receive, delays):
    receiver = receive()
    attempts = send(receiver.url, delays)

    assert [a.model_dump(exclude={"at", "duration_ms"}) for a in attempts] == [
        {"attempt": 1, "status_code": 200, "error": None, "delivered": True}]
    assert delays == []
    [request] = receiver.requests
    assert request.path == "/hooks/jaot"
    assert json.loads(request.body) == PAYLOAD
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"] == "JAOT-Callbacks/1"
    assert request.headers["X-JAOT-Delivery"].startswith("dlv_")


def test_receiver_can_verify_the_signature(receive, delays):
    receiver = receive()
    send(receiver.url, delays)
    [request] = receiver.requests
    signing.verify(SECRET, request.body, request.headers["X-JAOT-Signature"], now=int(time.time()))
    with pytest.raises(signing.SignatureError):
        signing.verify("whsec_other", request.body, request.headers["X-JAOT-Signature"], now=int(time.time()))


def test_signature_and_at_use_the_injected_clock(receive, delays):
    receiver = receive()
    [attempt] = send(receiver.url, delays, clock=lambda: 1_700_000_000.75)
    assert attempt.at == "2023-11-14T22:13:20Z"
    header = receiver.requests[0].headers["X-JAOT-Signature"]
    assert header.startswith("t=1700000000,v1=")
    signing.verify(SECRET, receiver.requests[0].body, header, now=1_700_000_000)


def test_500_then_200_is_delivered_on_the_second_attempt(receive, delays):
    receiver = receive(Answer(500))
    attempts = send(receiver.url, delays)

    assert [(a.attempt, a.status_code, a.delivered) for a in attempts] == [(1, 500, False), (2, 200, True)]
    assert attempts[0].error == "HTTP 500" and attempts[1].error is None
    assert len(delays) == 1 and 1.0 <= delays[0] <= 1.1
    first, second = receiver.requests
    assert first.body == second.body
    assert first.headers["X-JAOT-Delivery"] == second.headers["X-JAOT-Delivery"]


def test_persistent_500_exhausts_attempts_with_exponential_backoff(receive, delays):
    receiver = receive(*[Answer(503)] * 10)
    attempts = send(receiver.url, delays, attempts=4, base_delay_s=0.5)

    assert [(a.attempt, a.status_code, a.delivered) for a in attempts] == [
        (1, 503, False), (2, 503, False), (3, 503, False), (4, 503, False)]
    assert len(receiver.requests) == 4
    assert len({r.headers["X-JAOT-Delivery"] for r in receiver.requests}) == 1
    assert len(delays) == 3  # no sleep after the last attempt
    for delay, base in zip(delays, [0.5, 1.0, 2.0]):
        assert base <= delay <= base * 1.1


@pytest.mark.parametrize("status", [400, 401, 404, 410, 422])
def test_other_4xx_is_a_permanent_failure_without_retry(receive, delays, status):
    receiver = receive(Answer(status))
    attempts = send(receiver.url, delays)

    assert [(a.status_code, a.delivered) for a in attempts] == [(status, False)]
    assert attempts[0].error == f"HTTP {status}"
    assert len(receiver.requests) == 1 and delays == []


@pytest.mark.parametrize("status", [408, 429, 502])
def test_408_429_and_5xx_are_retried(receive, delays, status):
    receiver = receive(Answer(status))
    attempts = send(receiver.url, delays)
    assert [a.status_code for a in attempts] == [status, 200]


@pytest.mark.parametrize("retry_after, expected", [("3", 3.0), ("600", 60.0), ("0", 1.0),
                                                   ("Wed, 21 Oct 2015 07:28:00 GMT", 1.0)])
def test_numeric_retry_after_is_honoured_up_to_60_seconds(receive, delays, retry_after, expected):
    receiver = receive(Answer(429, {"Retry-After": retry_after}))
    attempts = send(receiver.url, delays)
    assert attempts[-1].delivered
    assert len(delays) == 1 and expected <= delays[0] <= expected * 1.1


@pytest.mark.parametrize("status", [302, 303, 307])
def test_redirects_are_not_followed(receive, delays, status):
    target = receive()
    receiver = receive(Answer(status, {"Location": target.url}))
    attempts = send(receiver.url, delays)

    assert [(a.status_code, a.delivered) for a in attempts] == [(status, False)]
    assert "redirects are not followed" in attempts[0].error
    assert target.requests == []


def test_connection_refused_is_retried_until_attempts_run_out(delays):
    attempts = send(closed_port_url(), delays, attempts=3)

    assert [(a.attempt, a.status_code, a.delivered) for a in attempts] == [
        (1, None, False), (2, None, False), (3, None, False)]
    assert all(a.error == "connection failed" for a in attempts)
    assert len(delays) == 2


def test_a_slow_receiver_times_out_and_is_retried(receive, delays):
    receiver = receive(Answer(200, delay_s=1.0))
    attempts = send(receiver.url, delays, timeout_s=0.2)

    assert [(a.status_code, a.delivered) for a in attempts] == [(None, False), (200, True)]
    assert attempts[0].error == "timed out"
    assert 150 <= attempts[0].duration_ms < 1000


def test_each_delivery_has_its_own_id_unless_one_is_given(receive, delays):
    receiver = receive()
    send(receiver.url, delays)
    send(receiver.url, delays)
    send(receiver.url, delays, delivery_id="dlv_fixed")
    ids = [r.headers["X-JAOT-Delivery"] for r in receiver.requests]
    assert ids[0] != ids[1] and ids[2] == "dlv_fixed"


def test_unsafe_urls_are_one_failed_attempt_and_no_request(delays, monkeypatch):
    monkeypatch.setattr(callbacks, "open_socket", lambda *args: pytest.fail("connected"))
    for url in ["file:///etc/passwd", "http://example.com/hooks", "https://example.com/caf\u00e9"]:
        attempts = send(url, delays)
        assert [(a.attempt, a.status_code, a.error, a.delivered) for a in attempts] == [
            (1, None, "invalid URL", False)]
    assert delays == []


def test_attempts_must_be_positive(receive, delays):
    receiver = receive()
    with pytest.raises(ValueError, match="at least 1"):
        send(receiver.url, delays, attempts=0)
    assert receiver.requests == []


def test_delivery_attempt_serialises_for_storage():
    attempt = DeliveryAttempt(attempt=1, at="2026-03-01T10:00:00Z", status_code=None,
                              error="could not connect", duration_ms=3, delivered=False)
    assert attempt.model_dump(mode="json") == {
        "attempt": 1, "at": "2026-03-01T10:00:00Z", "status_code": None,
        "error": "could not connect", "duration_ms": 3, "delivered": False}


def test_these_modules_import_nothing_from_aws():
    code = ("import sys, chalicelib.signing, chalicelib.schedules, chalicelib.services.callbacks; "
            "print(sorted(m for m in ('boto3', 'botocore', 'pynamodb', 'chalice') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parents[2]).stdout.strip()
    assert loaded == "[]"
