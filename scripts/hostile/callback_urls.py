"""Callbacks aimed at private addresses, configured as deployed (JAOT_CALLBACK_HTTP_HOSTS=none).

Every private IPv4 target is written in every form a resolver reads (dotted, full-width
dots and digits, integer, hex, octal, short, IPv4-mapped and -compatible IPv6, NAT64,
6to4), beside `localhost` names, internal names and IPv6 private ranges; each is sent to
trigger creation and update, and to the run routes as an option. Then a public name is
rebound to private addresses at delivery: any connection, or a recorded error outside the
fixed vocabulary, got through.
"""
from __future__ import annotations

import ipaddress
import json
import os
import socket
import time

CLASS = "callback URLs"
PRIVATE_V4 = ("127.0.0.1", "10.0.0.1", "169.254.169.254", "192.168.0.1", "172.16.0.1", "0.0.0.0", "100.64.0.1",
              "224.0.0.1")
NAMES = ("localhost", "localhost.", "LOCALHOST", "foo.localhost", "a.b.localhost.", "localhost.localdomain",
         "ip6-localhost", "\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3", "local\u200bhost",
         "metadata", "metadata.google.internal", "printer.local", "db.internal", "nas.lan", "x.home.arpa",
         "1.0.0.127.in-addr.arpa", "router", "kubernetes.default.svc.cluster.local", "a.test", "exa_mple.com",
         "127%2e0%2e0%2e1", "xn--zz.com")
IPV6 = ("::1", "::", "fe80::1", "fe80::1%25eth0", "fc00::1", "fd00:ec2::254", "fec0::1", "ff02::1", "ff0e::1",
        "2001:db8::1", "100::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2")
HOST = "hooks.jaot-callbacks.com"
PUBLIC = f"https://{HOST}/done"
VOCABULARY = ("address not allowed", "invalid URL", "connection failed", "timed out")


def v4_forms(text: str) -> list[str]:
    address = ipaddress.IPv4Address(text)
    number, octets = int(address), text.split(".")
    v6 = ipaddress.IPv6Address
    return [
        text, text + ".", "\u3002".join(octets), "\uff0e".join(octets), "\uff61".join(octets),
        text.translate(str.maketrans("0123456789", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")),
        str(number), hex(number), "0" + oct(number)[2:], ".".join("0" + oct(int(o))[2:] for o in octets),
        ".".join(hex(int(o)) for o in octets), f"{octets[0]}.{number & 0xFFFFFF}", ".".join(o.zfill(3) for o in octets),
        f"[::ffff:{text}]", f"[::{text}]", f"[{v6(int(v6('64:ff9b::')) + number)}]",
        f"[{v6(int(v6('64:ff9b:1::')) + number)}]", f"[{v6((0x2002 << 112) | (number << 80) | 1)}]",
    ]


def hostile_urls() -> list[str]:
    hosts = [form for text in PRIVATE_V4 for form in v4_forms(text)]
    hosts += list(NAMES) + [f"[{address}]" for address in IPV6]
    urls = [f"https://{host}/hook" for host in hosts]
    urls += [f"https://{host}:8443/hook" for host in ("localhost", "127.0.0.1", "[::1]")]
    urls += ["http://localhost/", "http://127.0.0.1:8000/", "http://example.com/", "https://user@example.com/",
             "https://example.com\\@127.0.0.1/", "https://example.com%40127.0.0.1/",
             "https://example.com\uff20127.0.0.1/", "https://[127.0.0.1]/", "https://example.com/\u00e9",
             "file:///etc/passwd", "gopher://127.0.0.1:6379/_"]
    return urls


def run(api) -> tuple[int, int, list[str]]:
    from chalicelib.settings import get_settings

    saved = {name: os.environ.get(name) for name in ("JAOT_CALLBACK_HTTP_HOSTS", "JAOT_CALLBACK_BASE_DELAY_S")}
    os.environ.update({"JAOT_CALLBACK_HTTP_HOSTS": "none", "JAOT_CALLBACK_BASE_DELAY_S": "0.01"})
    get_settings.cache_clear()
    try:
        return _attack(api)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()


def _attack(api) -> tuple[int, int, list[str]]:
    from chalicelib import events, signing
    from chalicelib.ids import catalog_id_for
    from chalicelib.services.organizations import create_organization
    from chalicelib.settings import get_settings

    _, key = create_organization("callbacks", 100)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    _, model, _ = api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate",
                           headers)
    _, trigger, _ = api.call("POST", "/api/v2/triggers", headers,
                             {"name": "cb", "type": "webhook", "model_id": model["id"], "callback_url": PUBLIC})
    tried = got_through = 0
    notes: list[str] = []
    urls = hostile_urls()
    for url in urls:
        for method, path, body in (
                ("POST", "/api/v2/triggers", {"name": "t", "type": "webhook", "model_id": model["id"],
                                              "callback_url": url}),
                ("PATCH", f"/api/v2/triggers/{trigger['id']}", {"callback_url": url})):
            tried += 1
            status, payload, _ = api.call(method, path, headers, body)
            if status != 400 or "callback_url" not in json.dumps(payload.get("details")):
                got_through += 1
                notes.append(f"{method} {path.split('/')[3]} accepted {url!r}: {status}")
    for url in urls[::10]:
        for body in ({"input_data": {}, "callback_url": url}, {"input_data": {}, "options": {"callback_url": url}}):
            tried += 1
            if api.call("POST", f"/api/v2/models/{model['id']}/execute", headers, body)[0] != 400:
                got_through += 1
                notes.append(f"execute took a callback_url: {url!r}")

    # Delivery: the public name now resolves to private addresses (DNS rebinding). The
    # resolver and the socket layer are replaced, so nothing leaves the machine.
    lookups, connections = [], []
    answers = ["127.0.0.1", "169.254.169.254", "10.0.0.1", "::1", "64:ff9b::a9fe:a9fe"]
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection

    def rebound(host, port, *args, **kwargs):
        if host != HOST:
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        address = answers[(len(lookups) - 1) % len(answers)]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    def connect(address, *args, **kwargs):
        connections.append(address)
        raise ConnectionRefusedError("hostile test: no network")

    _, trigger, _ = api.call("POST", "/api/v2/triggers", headers,
                             {"name": "rebound", "type": "webhook", "model_id": model["id"], "callback_url": PUBLIC})
    socket.getaddrinfo, socket.create_connection = rebound, connect
    try:
        for attempt in range(3):
            body = json.dumps({"warehouses": [{"name": "A", "capacity": 500, "cost_per_unit": 2.5}],
                               "products": [{"name": "W", "demand": 100 + attempt, "weight": 1.0}]}).encode()
            stamp = int(time.time())
            status, queued, _ = api.call("POST", f"/api/v2/hooks/{trigger['id']}", {
                "Content-Type": "application/json", "X-JAOT-Signature": signing.sign(trigger["secret"], body, stamp)},
                body)
            if status != 202:
                notes.append(f"the signed event was refused: {status} {queued}")
                continue
            events.drain(get_settings().runs_queue)
            _, record, _ = api.call("GET", f"/api/v2/executions/{queued['execution_id']}", headers)
            deliveries = record.get("deliveries") or []
            tried += len(deliveries)
            wrong = [d for d in deliveries if d["delivered"] or d["error"] not in VOCABULARY]
            if len(deliveries) != 4 or wrong:
                got_through += max(1, len(wrong))
                notes.append(f"rebound delivery recorded {[d['error'] for d in deliveries]}")
    finally:
        socket.getaddrinfo, socket.create_connection = real_getaddrinfo, real_connect
    if connections:
        got_through += len(connections)
        notes.append(f"connected to rebound addresses: {connections[:3]}")
    notes.append(f"{len(urls)} hostile URLs at create and update; {len(lookups)} rebound lookups, "
                 f"{len(connections)} connections")
    return tried, got_through, notes
