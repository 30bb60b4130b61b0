"""Callbacks reach public addresses only: host normalisation, the address rules, DNS
rebinding (resolve once, check every address, connect to the checked one), and a
fixed error vocabulary that tells nothing about the network."""
from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from chalicelib.services import callbacks
from chalicelib.services.callbacks import deliver, is_public_address, validate_callback_url
from tests.unit.test_callbacks import PAYLOAD, SECRET, Answer, closed_port_url, receive  # noqa: F401 (fixture)

NONE = frozenset()  # JAOT_CALLBACK_HTTP_HOSTS=none, as deployed
HOST = "hooks.jaot-callbacks.com"
HOSTILE_URLS = [
    # localhost names, however spelled
    "https://localhost/", "https://localhost./", "https://LOCALHOST/", "https://foo.localhost/",
    "https://foo.localhost./", "https://localhost.localdomain/", "https://ip6-localhost/",
    "https://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3/", "https://local\u200bhost/", "https://lоcalhost/",
    # loopback, private, link-local, shared, unspecified, multicast, reserved IPv4
    "https://127.0.0.1/", "https://127.255.255.254/", "https://10.0.0.1/", "https://172.16.0.1/",
    "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://0.0.0.0/",
    "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/", "https://240.0.0.1/",
    "https://198.18.0.1/", "https://192.0.0.8/", "https://192.0.2.1/",
    # numeric forms the resolver reads as 127.0.0.1
    "https://2130706433/", "https://0x7f.1/", "https://0x7f000001/", "https://0177.0.0.1/", "https://127.1/",
    "https://127.0.1/", "https://017700000001/", "https://0x7f.0.0.1/", "https://127.0.0.1./", "https://127.000.0.1/",
    # full-width and other dots and digits (UTS-46 maps them)
    "https://127\u30020\u30020\u30021/", "https://\uff11\uff12\uff17.0.0.1/", "https://127\uff0e0\uff0e0\uff0e1/",
    "https://127\uff610\uff610\uff611/", "https://\u2460\u2461\u2466.0.0.1/", "https://169\u3002254\u3002169\u3002254/",
    # IPv6: loopback, unspecified, mapped, compatible, NAT64, link/unique/site-local, multicast,
    # 6to4 and Teredo around a private IPv4, documentation, discard
    "https://[::1]/", "https://[::]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/", "https://[::ffff:169.254.169.254]/",
    "https://[::ffff:0:127.0.0.1]/", "https://[64:ff9b::7f00:1]/", "https://[64:ff9b::a00:1]/",
    "https://[64:ff9b::808:808]/", "https://[64:ff9b:1::a00:1]/", "https://[fe80::1]/", "https://[fe80::1%25eth0]/",
    "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fec0::1]/", "https://[ff02::1]/",
    "https://[2002:7f00:1::1]/", "https://[2002:a00:1::]/", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "https://[2001:db8::1]/", "https://[100::1]/",
    # names that never lead to a public host
    "https://metadata/", "https://metadata.google.internal/", "https://printer.local/", "https://nas.lan/",
    "https://x.home.arpa/", "https://1.0.0.127.in-addr.arpa/", "https://router/", "https://a.test/",
    # plain http, credentials and encodings that hide a host
    "http://localhost/", "http://127.0.0.1:8000/", "http://example.com/", "https://user@example.com/",
    "https://example.com\\@127.0.0.1/", "https://example.com%40127.0.0.1/", "https://127.0.0.1%2f@example.com/",
    "https://127%2e0%2e0%2e1/", "https://example.com\uff20127.0.0.1/", "https://exa_mple.com/",
    "https://[127.0.0.1]/", "https://[::1]x/", "https://example.com/\u00e9", "https://xn--zz.com/",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_callback_urls_are_refused(url):
    with pytest.raises(ValueError):
        validate_callback_url(url, NONE)


@pytest.mark.parametrize("url, stored", [
    ("https://hooks.example.com/jaot?x=1", "https://hooks.example.com/jaot?x=1"),
    ("https://Hooks.EXAMPLE.com:8443/jaot", "https://hooks.example.com:8443/jaot"),
    ("https://b\u00fccher.example.com/", "https://xn--bcher-kva.example.com/"),
    ("https://hooks\u3002example\u3002com/", "https://hooks.example.com/"),
    ("https://8.8.8.8/", "https://8.8.8.8/"),
    ("https://[2606:4700:4700::1111]/", "https://[2606:4700:4700::1111]/"),
    ("https://[2002:808:808::1]/", "https://[2002:808:808::1]/"),  # 6to4 around a public address
])
def test_public_urls_are_stored_as_the_resolver_sees_them(url, stored):
    assert validate_callback_url(url, NONE) == stored


def test_only_the_listed_plain_http_hosts_skip_the_rules():
    listed = frozenset({"localhost", "127.0.0.1"})
    assert validate_callback_url("http://localhost:8000/x", listed) == "http://localhost:8000/x"
    assert validate_callback_url("http://127\u30020\u30020\u30021:8000/x", listed) == "http://127.0.0.1:8000/x"
    for url in ("http://localhost./x", "http://foo.localhost/x", "http://127.1/x", "http://[::1]/x",
                "http://127.0.0.2/x", "https://10.0.0.1/x"):
        with pytest.raises(ValueError):
            validate_callback_url(url, listed)


@pytest.mark.parametrize("address, public", [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True), ("2002:808:808::1", True),
    ("127.0.0.1", False), ("64:ff9b::808:808", False), ("::ffff:8.8.8.8", False), ("ff0e::1", False),
    ("2001::1", False), ("2002:c0a8:101::1", False), ("224.0.0.251", False), ("100.100.100.200", False),
])
def test_is_public_address(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


# Delivery: DNS rebinding


class Resolver:
    """Answers from a script (the last answer repeats) and counts lookups."""

    def __init__(self, *answers):
        self.answers, self.calls = list(answers), []

    def __call__(self, host, port):
        self.calls.append((host, port))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def opened(monkeypatch):
    """Every address a delivery connects to; connections go nowhere unless a test routes them."""
    addresses: list[tuple[str, int]] = []

    def refuse(address, port, timeout):
        addresses.append((address, port))
        raise ConnectionRefusedError("test: no network")

    monkeypatch.setattr(callbacks, "open_socket", refuse)
    return addresses


@pytest.mark.parametrize("answer", [["127.0.0.1"], ["10.0.0.7"], ["::1"], ["64:ff9b::7f00:1"], ["169.254.169.254"],
                                    ["93.184.216.34", "127.0.0.1"], ["::ffff:127.0.0.1"], ["fe80::1%2"],
                                    [], socket.gaierror(-2, "Name or service not known")])
def test_a_name_that_resolves_to_no_public_address_is_never_connected(monkeypatch, opened, answer):
    resolver = Resolver(answer)
    monkeypatch.setattr(callbacks, "resolve", resolver)
    attempts = deliver(f"https://{HOST}/hook", PAYLOAD, SECRET, attempts=3, sleep=lambda _: None,
                       allow_http_hosts=NONE)
    assert [(a.status_code, a.error, a.delivered) for a in attempts] == [(None, "address not allowed", False)] * 3
    assert opened == []
    assert resolver.calls == [(HOST, 443)] * 3  # resolved again at every attempt


def test_a_stored_url_that_no_longer_passes_is_one_recorded_attempt(monkeypatch, opened):
    monkeypatch.setattr(callbacks, "resolve", lambda *args: pytest.fail("resolved"))
    for url, error in (("https://127\u30020\u30020\u30021/", "address not allowed"),
                       ("https://localhost/", "address not allowed"),
                       ("https://example.com/caf\u00e9", "invalid URL")):
        attempts = deliver(url, PAYLOAD, SECRET, sleep=lambda _: None, allow_http_hosts=NONE)
        assert [(a.attempt, a.error, a.delivered) for a in attempts] == [(1, error, False)]
    assert opened == []


def _certificate(host: str) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


@pytest.fixture
def tls_receiver(tmp_path):
    """An HTTPS receiver on 127.0.0.1 with a certificate for HOST; records SNI and Host."""
    cert_pem, key_pem = _certificate(HOST)
    (tmp_path / "cert.pem").write_bytes(cert_pem)
    (tmp_path / "key.pem").write_bytes(key_pem)
    seen: dict[str, list] = {"sni": [], "host": []}
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server_tls.sni_callback = lambda sock, name, context: seen["sni"].append(name)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen["host"].append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = server_tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    client_tls = ssl.create_default_context(cadata=cert_pem.decode())
    yield server.server_address[1], client_tls, seen
    server.shutdown()
    server.server_close()


def _local(port: int, timeout: float) -> socket.socket:
    """A connection to the test receiver that looks nothing up."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(("127.0.0.1", port))
    return sock


def test_the_post_goes_to_the_vetted_address_with_the_host_name_in_sni_and_host(monkeypatch, tls_receiver):
    """Rebinding: the first lookup answers a public address, every later one loopback. The
    delivery connects to the vetted address (routed to the test receiver) and never looks
    the name up again; TLS verifies the certificate for the host name."""
    port, client_tls, seen = tls_receiver
    resolver = Resolver(["93.184.216.34"], ["127.0.0.1"])
    monkeypatch.setattr(callbacks, "resolve", resolver)
    connected = []

    def route(address, to_port, timeout):
        connected.append((address, to_port))
        return _local(to_port, timeout)

    monkeypatch.setattr(callbacks, "open_socket", route)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: pytest.fail("looked up again"))
    attempts = deliver(f"https://{HOST}:{port}/hook", PAYLOAD, SECRET, allow_http_hosts=NONE, tls=client_tls,
                       sleep=lambda _: None)

    assert [(a.status_code, a.error, a.delivered) for a in attempts] == [(200, None, True)]
    assert resolver.calls == [(HOST, port)]
    assert connected == [("93.184.216.34", port)]
    assert seen == {"sni": [HOST], "host": [f"{HOST}:{port}"]}


def test_a_certificate_for_another_name_fails_as_a_plain_connection_failure(monkeypatch, tls_receiver):
    port, client_tls, _ = tls_receiver
    monkeypatch.setattr(callbacks, "resolve", Resolver(["93.184.216.34"]))
    monkeypatch.setattr(callbacks, "open_socket", lambda address, to_port, timeout: _local(to_port, timeout))
    attempts = deliver(f"https://other.jaot-callbacks.com:{port}/hook", PAYLOAD, SECRET, attempts=1,
                       allow_http_hosts=NONE, tls=client_tls)
    assert [(a.error, a.delivered) for a in attempts] == [("connection failed", False)]


# Delivery: what a failed attempt says


def _tcp_server(behaviour) -> tuple[int, socket.socket]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def serve():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                behaviour(connection)

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1], listener


def test_failed_attempts_use_a_fixed_vocabulary_that_hides_the_network(receive):
    """A closed port, a port that hangs up, a port that speaks another protocol and a TLS
    failure all read "connection failed"; a 500's body and a slow answer are not echoed."""
    def hang_up(connection):
        connection.recv(1024)

    def speak_ssh(connection):
        connection.sendall(b"SSH-2.0-OpenSSH_9.2p1 internal-db-7\r\n")
        connection.recv(1024)

    hang_port, hang = _tcp_server(hang_up)
    ssh_port, ssh = _tcp_server(speak_ssh)
    chatty = receive(Answer(500, {"X-Debug": "db at 10.0.0.5:5432"}))
    slow = receive(Answer(200, delay_s=1.0))
    listed = frozenset({"127.0.0.1"})
    try:
        errors = {
            "closed": deliver(closed_port_url(), PAYLOAD, SECRET, attempts=1)[0].error,
            "hangs up": deliver(f"http://127.0.0.1:{hang_port}/", PAYLOAD, SECRET, attempts=1)[0].error,
            "other protocol": deliver(f"http://127.0.0.1:{ssh_port}/", PAYLOAD, SECRET, attempts=1)[0].error,
            "tls to plain http": deliver(f"https://127.0.0.1:{ssh_port}/", PAYLOAD, SECRET, attempts=1,
                                         allow_http_hosts=listed)[0].error,
            "500": deliver(chatty.url, PAYLOAD, SECRET, attempts=1)[0].error,
            "slow": deliver(slow.url, PAYLOAD, SECRET, attempts=1, timeout_s=0.2)[0].error,
        }
    finally:
        hang.close()
        ssh.close()
    assert errors == {"closed": "connection failed", "hangs up": "connection failed",
                      "other protocol": "connection failed", "tls to plain http": "connection failed",
                      "500": "HTTP 500", "slow": "timed out"}
