"""Delivering a finished run's result to a trigger's `callback_url`.

One signed JSON POST, retried with exponential backoff while the failure may be
temporary (no answer, timeout, 5xx, 408, 429) and never after a 2xx or another
4xx. Every attempt carries the same `X-JAOT-Delivery` id so the receiver can drop
duplicates (a timed-out attempt may still have arrived). Standard library and idna only,
through http.client, so no proxy, redirect or other scheme is ever followed.

Callbacks reach public addresses only (server-side request forgery is the risk):

- at creation, `validate_callback_url` maps the host the way a resolver would see it
  (IDNA / UTS-46: full-width dots and digits, case, invisible characters) and refuses
  hosts that do not map, IP literals that are not public (`is_public_address`), numeric
  host forms other than a dotted quad (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`),
  and `localhost`, single-label and special-use names;
- at delivery, the host is resolved, every address it resolves to must be public, and
  the connection goes to that vetted address (TLS SNI and Host still name the host),
  so a name that re-resolves elsewhere (DNS rebinding) cannot redirect the POST.

Only the hosts in JAOT_CALLBACK_HTTP_HOSTS (local runs; `none` in AWS) skip the address
rules and may use plain http, each exactly as listed.

Each attempt is recorded with an error from a fixed vocabulary (`ERRORS`), never the
network's own words, so a record cannot tell an open port from a closed one.
"""
from __future__ import annotations

import http.client
import ipaddress
import json
import random
import re
import secrets
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable
from urllib.parse import urlsplit, urlunsplit

from chalicelib import observability, signing
from chalicelib.schemas.executions import DeliveryAttempt

MAX_URL_LENGTH = 2048
LOCAL_HTTP_HOSTS = frozenset({"127.0.0.1", "localhost"})
MAX_RETRY_AFTER_S = 60.0
MAX_RESPONSE_READ = 64 * 1024
JITTER_FRACTION = 0.1  # each backoff delay grows by up to 10%, so receivers are not hit in lockstep
USER_AGENT = "JAOT-Callbacks/1"
SIGNATURE_HEADER = "X-JAOT-Signature"
DELIVERY_HEADER = "X-JAOT-Delivery"
DELIVERY_ID_PREFIX = "dlv_"

ADDRESS_NOT_ALLOWED = "address not allowed"
"""The host has no address, or one that is not public: nothing was sent."""
INVALID_URL = "invalid URL"
"""The stored URL no longer passes validate_callback_url: nothing was sent."""
CONNECTION_FAILED = "connection failed"
TIMED_OUT = "timed out"
ERRORS = (ADDRESS_NOT_ALLOWED, INVALID_URL, CONNECTION_FAILED, TIMED_OUT, "HTTP <status>",
          "HTTP <3xx status> (redirects are not followed)")

SPECIAL_USE_SUFFIXES = frozenset({
    "localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "corp", "private",
    "invalid", "test", "example", "onion", "alt", "arpa",
})
"""Top-level names that never lead to a public host (RFC 6761, 6762, 9476, ICANN's .internal, habit)."""

_RETRYABLE_STATUS = frozenset({408, 429})
_UNSAFE_URL_CHARACTERS = re.compile(r"[\s\x00-\x1f\x7f\\]")
_TOP_LEVEL_LABEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
_IPV6_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_NON_PUBLIC_IPV4 = tuple(ipaddress.ip_network(block) for block in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4"))


class AddressNotAllowed(ValueError):
    """The URL is well formed but names a host or address callbacks may not reach."""


@dataclass(frozen=True)
class Target:
    """A callback URL as delivery uses it: the normalised (ASCII) host, and what to send."""

    url: str
    scheme: str
    host: str
    port: int
    request_path: str
    literal: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    local: bool
    """Listed in JAOT_CALLBACK_HTTP_HOSTS: plain http allowed, address rules skipped."""


def validate_callback_url(url: str, allow_http_hosts: frozenset[str] = LOCAL_HTTP_HOSTS) -> str:
    """The URL to store (its host normalised) if results may be POSTed to it, else
    ValueError saying why. Host names are not resolved here; delivery resolves and checks."""
    return parse_callback_url(url, allow_http_hosts).url


def parse_callback_url(url: str, allow_http_hosts: frozenset[str] = LOCAL_HTTP_HOSTS) -> Target:
    """`url` checked and normalised as in the module docstring; ValueError (AddressNotAllowed
    for a host or address that is not public) saying why not."""
    if not isinstance(url, str) or not url:
        raise ValueError("callback_url must be a non-empty string")
    if len(url) > MAX_URL_LENGTH:
        raise ValueError(f"callback_url is at most {MAX_URL_LENGTH} characters, this one has {len(url)}")
    if _UNSAFE_URL_CHARACTERS.search(url):
        raise ValueError("callback_url must not contain spaces, backslashes or control characters")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValueError("callback_url is not a valid URL (check the host)") from None
    try:
        port = parts.port  # raises on a non-numeric or out-of-range port
    except ValueError:
        raise ValueError("callback_url has an invalid port") from None
    if parts.scheme not in ("https", "http"):
        raise ValueError(f"callback_url must use https, not {parts.scheme or 'no scheme'}")
    if "@" in parts.netloc:
        raise ValueError("callback_url must not contain credentials (user:password@); "
                         "verify the X-JAOT-Signature header instead")
    if port == 0:
        raise ValueError("callback_url has an invalid port")
    if not (parts.path + parts.query + parts.fragment).isascii():
        raise ValueError("callback_url must be ASCII after the host: percent-encode the path and query")
    bracketed = parts.netloc.startswith("[")
    raw_host = parts.netloc.partition("]")[0] + "]" if bracketed else parts.netloc.partition(":")[0]
    if not re.fullmatch(r"(:[0-9]*)?", parts.netloc[len(raw_host):]):
        raise ValueError("callback_url has an invalid port")
    host, literal = _normalise_host(raw_host)
    local = host in _normalised(allow_http_hosts)
    if parts.scheme == "http" and not local:
        raise ValueError("callback_url must use https")
    if not local:
        _check_public_host(host, literal)
    netloc = (f"[{host}]" if isinstance(literal, ipaddress.IPv6Address) else host) + (
        f":{port}" if port is not None else "")
    request_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(url=urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)),
                  scheme=parts.scheme, host=host, port=port or (443 if parts.scheme == "https" else 80),
                  request_path=request_path, literal=literal, local=local)


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a globally routable unicast address that embeds no other one.

    IPv6 must be global unicast (2000::/3), which leaves out loopback, unspecified,
    IPv4-mapped and -compatible, NAT64 (64:ff9b::/96, 64:ff9b:1::/48), unique-local,
    link-local, site-local and multicast; Teredo is refused, and 6to4 only passes when
    the IPv4 address inside it would.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if (address.scope_id or address.ipv4_mapped or address.teredo or any(address in net for net in _NAT64)
                or address not in _IPV6_GLOBAL_UNICAST):
            return False
        if address.sixtofour is not None and not is_public_address(address.sixtofour):
            return False
        return address.is_global and not (address.is_multicast or address.is_reserved or address.is_site_local)
    return address.is_global and not (
        address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
        or address.is_reserved or address.is_unspecified or any(address in net for net in _NON_PUBLIC_IPV4))


def deliver(url: str, payload: dict[str, Any], secret: str, **options: Any) -> list[DeliveryAttempt]:
    """`_deliver`, counted: CallbackDeliveries for every callback, CallbackFailures for one
    that did not arrive after its attempts."""
    history = _deliver(url, payload, secret, **options)
    observability.metric("CallbackDeliveries", 1)
    if not (history and history[-1].delivered):
        observability.metric("CallbackFailures", 1)
    return history


def _deliver(url: str, payload: dict[str, Any], secret: str, *, attempts: int = 4,
            base_delay_s: float = 1.0, timeout_s: float = 5.0,
            sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time,
            delivery_id: str | None = None,
            allow_http_hosts: frozenset[str] = LOCAL_HTTP_HOSTS,
            tls: ssl.SSLContext | None = None) -> list[DeliveryAttempt]:
    """POST `payload` as signed JSON until it is accepted, refused, or `attempts` run out.

    Every attempt is returned, failed ones included (a URL that no longer validates is one
    failed attempt, not retried); the last one's `delivered` says whether it arrived. A host
    that resolves to no public address is retried like a connection failure: DNS may be
    late, and the attempts look the same either way. `tls` replaces the default certificate
    checks (tests).
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    body = json.dumps(payload, separators=(",", ":")).encode()
    delivery_id = delivery_id or DELIVERY_ID_PREFIX + secrets.token_urlsafe(16)
    try:
        target = parse_callback_url(url, allow_http_hosts)
    except ValueError as refused:  # stored before a rule existed, or under other settings
        error = ADDRESS_NOT_ALLOWED if isinstance(refused, AddressNotAllowed) else INVALID_URL
        return [DeliveryAttempt(attempt=1, at=_iso_utc(clock()), status_code=None, error=error,
                                duration_ms=0, delivered=False)]
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
        status, error, retry_after = _post(target, body, headers, timeout_s, tls)
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


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (one lookup; tests replace it)."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def open_socket(address: str, port: int, timeout: float) -> socket.socket:
    """A TCP connection to an IP address: no name is looked up here (tests replace it)."""
    return socket.create_connection((address, port), timeout)


def _normalise_host(raw: str) -> tuple[str, ipaddress.IPv4Address | ipaddress.IPv6Address | None]:
    """(ASCII host as the resolver sees it, the IP if it is one); ValueError if it does not map."""
    if raw.startswith("[") and raw.endswith("]"):
        try:
            address = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise ValueError("callback_url has an invalid IPv6 address") from None
        if address.scope_id:
            raise ValueError("callback_url must not carry an IPv6 zone")
        return str(address), address
    if not raw:
        raise ValueError("callback_url needs a host, e.g. https://example.com/hooks/jaot")
    import idna  # UTS-46 mapping + IDNA 2008: what "１２７。0。0。1" or "ⓛocalhost" really names

    try:
        host = idna.encode(raw, uts46=True).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError):
        raise ValueError("callback_url's host is not a valid host name") from None
    try:
        return host, ipaddress.IPv4Address(host)
    except ValueError:
        return host, None


def _normalised(hosts: frozenset[str]) -> set[str]:
    """The allowed plain-http hosts as _normalise_host writes them (bracketless IPv6 included)."""
    names = set()
    for name in hosts:
        try:
            names.add(_normalise_host(name)[0])
        except ValueError:
            pass  # a setting that names no host allows nothing
    return names


def _check_public_host(host: str, literal: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> None:
    if literal is not None:
        if not is_public_address(literal):
            raise AddressNotAllowed(f"callback_url must not point at {literal}: give a public host name")
        return
    labels = host.removesuffix(".").split(".")
    if labels[-1] in SPECIAL_USE_SUFFIXES:
        raise AddressNotAllowed(f"callback_url must not point at {host}: it names no public host")
    if len(labels) < 2 or not _TOP_LEVEL_LABEL.fullmatch(labels[-1]):
        # No public top-level domain is numeric: `127.1`, `2130706433`, `0x7f.1` are addresses.
        raise AddressNotAllowed(f"callback_url must name a public host (or a dotted IPv4 address), not {host}")


def _vetted_addresses(target: Target) -> list[str]:
    """The addresses to connect to, once every address of the host proved public; else []."""
    if target.literal is not None:
        addresses = [str(target.literal)]
    else:
        try:
            addresses = resolve(target.host, target.port)
        except (OSError, UnicodeError):
            return []
    if not target.local:
        for address in addresses:
            try:
                if not is_public_address(ipaddress.ip_address(address)):
                    return []
            except ValueError:
                return []
    return addresses


def _post(target: Target, body: bytes, headers: dict[str, str], timeout_s: float,
          tls: ssl.SSLContext | None) -> tuple[int | None, str | None, float | None]:
    """(status code, error, Retry-After seconds) of one POST; never raises for network trouble."""
    addresses = _vetted_addresses(target)
    if not addresses:
        return None, ADDRESS_NOT_ALLOWED, None
    if target.scheme == "https":
        connection: http.client.HTTPConnection = _PinnedHTTPSConnection(
            target.host, target.port, addresses, timeout_s, tls or _default_tls())
    else:
        connection = _PinnedHTTPConnection(target.host, target.port, addresses, timeout_s)
    try:
        connection.request("POST", target.request_path, body=body, headers=headers)
        response = connection.getresponse()
        status = response.status
        try:
            response.read(MAX_RESPONSE_READ)  # the answer is not used; read a little so it is complete
        except (OSError, http.client.HTTPException):
            pass  # the status is what counts
        if 200 <= status < 300:
            return status, None, None
        note = " (redirects are not followed)" if 300 <= status < 400 else ""
        return status, f"HTTP {status}{note}", _retry_after(response.getheader("Retry-After"))
    except TimeoutError:
        return None, TIMED_OUT, None
    except (OSError, http.client.HTTPException, ValueError):
        return None, CONNECTION_FAILED, None
    finally:
        connection.close()


def _default_tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.set_alpn_protocols(["http/1.1"])
    return context


def _connect_pinned(addresses: list[str], port: int, timeout: float) -> socket.socket:
    """The first of the vetted addresses that accepts a connection, in resolver order."""
    failure: OSError = ConnectionError("no address")
    for address in addresses:
        try:
            return open_socket(address, port, timeout)
        except OSError as error:
            failure = error
    raise failure


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the vetted addresses, not to what the name resolves to now; the Host
    header still names the host."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect_pinned(self.addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the vetted addresses; SNI, the certificate check and Host name the host."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float, tls: ssl.SSLContext):
        super().__init__(host, port, timeout=timeout, context=tls)
        self.addresses, self.tls = addresses, tls

    def connect(self) -> None:
        raw = _connect_pinned(self.addresses, self.port, self.timeout)
        try:
            self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


def _is_retryable(status: int | None) -> bool:
    return status is None or status >= 500 or status in _RETRYABLE_STATUS


def _retry_after(value: str | None) -> float | None:
    """Seconds from a numeric Retry-After; the HTTP-date form is ignored (backoff applies)."""
    value = (value or "").strip()
    return float(value) if value.isascii() and value.isdigit() else None


def _iso_utc(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
