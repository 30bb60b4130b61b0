"""Delivering a finished run's result to a trigger's `callback_url`.

One signed JSON POST, retried with exponential backoff while the failure may be
temporary (no answer, timeout, 5xx, 408, 429) and never after a 2xx or another
4xx. Every attempt carries the same `X-JAOT-Delivery` id so the receiver can drop
duplicates (a timed-out attempt may still have arrived). Standard library only.
"""
from __future__ import annotations

import http.client
import ipaddress
import json
import random
import re
import secrets
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Any, Callable
from urllib.parse import urlsplit

from chalicelib import signing
from chalicelib.schemas.executions import DeliveryAttempt

MAX_URL_LENGTH = 2048
LOCAL_HTTP_HOSTS = frozenset({"127.0.0.1", "localhost"})
MAX_RETRY_AFTER_S = 60.0
JITTER_FRACTION = 0.1  # each backoff delay grows by up to 10%, so receivers are not hit in lockstep
USER_AGENT = "JAOT-Callbacks/1"
SIGNATURE_HEADER = "X-JAOT-Signature"
DELIVERY_HEADER = "X-JAOT-Delivery"
DELIVERY_ID_PREFIX = "dlv_"

_RETRYABLE_STATUS = frozenset({408, 429})
_UNSAFE_URL_CHARACTERS = re.compile(r"[\s\x00-\x1f\x7f]")


def validate_callback_url(url: str, allow_http_hosts: frozenset[str] = LOCAL_HTTP_HOSTS) -> str:
    """`url` if results may be POSTed to it, else ValueError saying why.

    https only (plain http just for `allow_http_hosts`, i.e. local runs and tests),
    no user:password (it would be logged and stored), and no private, loopback or
    link-local IP literal outside `allow_http_hosts`. Host names are not resolved here.
    """
    if not isinstance(url, str) or not url:
        raise ValueError("callback_url must be a non-empty string")
    if len(url) > MAX_URL_LENGTH:
        raise ValueError(f"callback_url is at most {MAX_URL_LENGTH} characters, this one has {len(url)}")
    if _UNSAFE_URL_CHARACTERS.search(url):
        raise ValueError("callback_url must not contain spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http"):
        raise ValueError(f"callback_url must use https, not {parts.scheme or 'no scheme'}")
    host = (parts.hostname or "").lower()
    if not host:
        raise ValueError("callback_url needs a host, e.g. https://example.com/hooks/jaot")
    if parts.scheme == "http" and host not in allow_http_hosts:
        raise ValueError("callback_url must use https")
    if parts.username is not None or parts.password is not None:
        raise ValueError("callback_url must not contain credentials (user:password@); "
                         "verify the X-JAOT-Signature header instead")
    try:
        parts.port  # raises on a non-numeric or out-of-range port
    except ValueError:
        raise ValueError("callback_url has an invalid port") from None
    if host not in allow_http_hosts and _is_internal_ip(host):
        raise ValueError(f"callback_url must not point at {host}: give the public host name")
    return url


def deliver(url: str, payload: dict[str, Any], secret: str, *, attempts: int = 4,
            base_delay_s: float = 1.0, timeout_s: float = 5.0,
            sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time,
            delivery_id: str | None = None,
            allow_http_hosts: frozenset[str] = LOCAL_HTTP_HOSTS) -> list[DeliveryAttempt]:
    """POST `payload` as signed JSON until it is accepted, refused, or `attempts` run out.

    The last attempt's `delivered` says whether it arrived. The URL is checked again
    here (ValueError), because urllib would also open file: and ftp: URLs.
    """
    validate_callback_url(url, allow_http_hosts)
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    body = json.dumps(payload, separators=(",", ":")).encode()
    delivery_id = delivery_id or DELIVERY_ID_PREFIX + secrets.token_urlsafe(16)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _RefuseRedirects())
    history: list[DeliveryAttempt] = []
    for number in range(1, attempts + 1):
        now = clock()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: signing.sign(secret, body, int(now)),
            DELIVERY_HEADER: delivery_id,
        }
        started = time.perf_counter()
        status, error, retry_after = _post(opener, url, body, headers, timeout_s)
        history.append(DeliveryAttempt(
            attempt=number, at=_iso_utc(now), status_code=status, error=error,
            duration_ms=round((time.perf_counter() - started) * 1000),
            delivered=status is not None and 200 <= status < 300))
        if history[-1].delivered or not _is_retryable(status) or number == attempts:
            return history
        backoff = base_delay_s * 2 ** (number - 1)
        backoff += random.uniform(0, backoff * JITTER_FRACTION)
        sleep(max(backoff, min(retry_after or 0.0, MAX_RETRY_AFTER_S)))
    return history


def _post(opener: urllib.request.OpenerDirector, url: str, body: bytes, headers: dict[str, str],
          timeout_s: float) -> tuple[int | None, str | None, float | None]:
    """(status code, error, Retry-After seconds) of one POST; never raises for network trouble."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with opener.open(request, timeout=timeout_s) as response:
            response.read(64 * 1024)  # the answer is not used; read a little so it is complete
            return response.status, None, None
    except urllib.error.HTTPError as answer:
        with answer:
            status = answer.code
            note = "; redirects are not followed" if 300 <= status < 400 else ""
            retry_after = _retry_after(answer.headers.get("Retry-After"))
            return status, f"receiver answered HTTP {status}{note}", retry_after
    except urllib.error.URLError as failure:
        reason = failure.reason
        if isinstance(reason, TimeoutError):
            return None, f"no answer within {timeout_s:g} s", None
        return None, f"could not connect: {reason}", None
    except TimeoutError:
        return None, f"no answer within {timeout_s:g} s", None
    except (http.client.HTTPException, OSError) as failure:
        return None, f"connection failed: {type(failure).__name__}: {failure}", None


def _is_retryable(status: int | None) -> bool:
    return status is None or status >= 500 or status in _RETRYABLE_STATUS


def _retry_after(value: str | None) -> float | None:
    """Seconds from a numeric Retry-After; the HTTP-date form is ignored (backoff applies)."""
    value = (value or "").strip()
    return float(value) if value.isascii() and value.isdigit() else None


def _is_internal_ip(host: str) -> bool:
    """True for a non-public IP literal, and for numeric hosts that are not dotted IPv4
    (`127.1`, `2130706433`, `0x7f.1`): the resolver reads those as addresses too."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        last_label = host.rstrip(".").rpartition(".")[2]
        return last_label.isdigit() or last_label.startswith("0x")  # no top-level domain is numeric
    return not address.is_global


def _iso_utc(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would send the signed result somewhere the owner did not register."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None
