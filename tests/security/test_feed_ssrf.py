"""A focal point's feed address must never make the server fetch from its own
network (issue #19, item 2).

Nothing here leaves this machine: every server listens on 127.0.0.1 or
127.0.0.2, every host name is answered by a stub resolver, and an autouse guard
refuses (and records) any TCP connection to an address that is not loopback
before a packet is sent.
"""

import gzip
import http.server
import ipaddress
import socket
import threading
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from blog import harvesting
from blog.harvesting import harvest_country
from blog.models import BlogPostPage, FeedHarvest
from core import outbound

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Inside</title>
<item><title>Secret from inside</title><link>https://in.example/1</link>
<guid>inside-1</guid><description>internal</description></item></channel></rss>"""

REAL_GETADDRINFO = socket.getaddrinfo
REAL_CONNECT = socket.socket.connect
NEUTRAL = str(harvesting.UNREACHABLE)


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    """Serves a feed at any path and remembers every request it got."""

    def do_GET(self):  # noqa: N802
        self.server.seen.append((self.path, self.headers.get("Host")))
        redirect = self.server.redirects.get(self.path)
        if redirect:
            self.send_response(302)
            self.send_header("Location", redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(RSS)))
        self.end_headers()
        self.wfile.write(RSS)

    def log_message(self, *args):
        pass


def start_server(address: str):
    server = http.server.ThreadingHTTPServer((address, 0), RecordingHandler)
    server.daemon_threads = True
    server.seen = []
    server.redirects = {}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def inside():
    """A service on the platform's own loopback that must stay out of reach."""
    server = start_server("127.0.0.1")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def outside():
    """Stands in for a public web server: it listens on 127.0.0.2."""
    server = start_server("127.0.0.2")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def stay_on_this_machine(monkeypatch):
    """Refuse every connection off loopback and every real DNS lookup.

    `names` maps a made-up host name to a list of answers, one per lookup (the
    last one repeats); `attempts` lists the non-loopback addresses something
    tried to connect to.
    """
    net = SimpleNamespace(names={}, lookups=[], attempts=[])

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "localhost":  # answered from /etc/hosts
            return REAL_GETADDRINFO(host, port, *args, **kwargs)
        try:
            ipaddress.ip_address(str(host).strip("[]"))
        except ValueError:
            if host not in net.names:
                raise socket.gaierror(socket.EAI_NONAME, "stubbed: unknown") from None
            net.lookups.append(host)
            answers = net.names[host]
            address = answers.pop(0) if len(answers) > 1 else answers[0]
            return REAL_GETADDRINFO(address, port, *args, **kwargs)
        return REAL_GETADDRINFO(host, port, *args, **kwargs)

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not ipaddress.ip_address(host).is_loopback:
            net.attempts.append(host)
            raise ConnectionRefusedError("test guard: this address is off-machine")
        return REAL_CONNECT(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return net


@pytest.fixture
def production(settings):
    settings.CHM_ALLOW_PRIVATE_FEEDS = False


@pytest.fixture
def pretend_public(monkeypatch):
    """Treat 127.0.0.2 (the `outside` server) as a public address, and only it."""
    real = outbound.is_public_address
    monkeypatch.setattr(
        outbound,
        "is_public_address",
        lambda address: str(address) == "127.0.0.2" or real(address),
    )


def store_feed(country, url):
    """As if saved before the rule applied: the harvester must check on its own."""
    type(country).objects.filter(pk=country.pk).update(feed_url=url)
    country.refresh_from_db()
    return country


def published(country):
    return BlogPostPage.objects.filter(country=country).exists()


def test_the_backslash_userinfo_bypass_reaches_nothing_and_publishes_nothing(
    network, production, inside, stay_on_this_machine
):
    port = inside.server_address[1]
    url = f"http://127.0.0.1:{port}\\@93.184.215.14/../internal.xml"
    network.benin.feed_url = url
    with pytest.raises(ValidationError):
        network.benin.full_clean()
    benin = store_feed(network.benin, url)
    result = harvest_country(benin)
    assert not result.ok
    assert inside.seen == [] and stay_on_this_machine.attempts == []
    assert not published(benin)


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]:{port}/feed",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::7f00:1]:{port}/feed",
        "http://2130706433:{port}/feed",
        "http://0177.0.0.1:{port}/feed",
        "http://0x7f.0.0.1:{port}/feed",
        "http://127.1:{port}/feed",
        "http://127\u30020\u30020\u30021:{port}/feed",  # ideographic full stops
        "http://\uff11\uff12\uff17.0.0.1:{port}/feed",  # full-width digits
        "http://localhost:{port}/feed",
        "http://user:pw@localhost:{port}/feed",
        "http://[::1]:{port}/feed",
        "http://0.0.0.0:{port}/feed",
    ],
)
def test_addresses_of_the_platforms_own_network_are_refused_in_every_spelling(
    network, production, inside, stay_on_this_machine, url
):
    url = url.format(port=inside.server_address[1])
    network.benin.feed_url = url
    with pytest.raises(ValidationError):
        network.benin.full_clean()
    benin = store_feed(network.benin, url)
    result = harvest_country(benin)
    assert not result.ok and not published(benin)
    assert inside.seen == []
    assert stay_on_this_machine.attempts == []  # refused before any connection


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[fe80::1%25eth0]/", "http://host:99999/"]
)
def test_malformed_addresses_get_a_form_error_not_a_crash(network, url):
    network.benin.feed_url = url
    with pytest.raises(ValidationError) as error:
        network.benin.full_clean()
    assert "feed_url" in error.value.message_dict


def test_a_small_compressed_answer_that_inflates_past_the_cap_is_cut_off(
    network, monkeypatch
):
    bomb = gzip.compress(b" " * (harvesting.MAX_FEED_BYTES * 4))

    class Bomb(RecordingHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bomb)))
            self.end_headers()
            self.wfile.write(bomb)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Bomb)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed"
        result = harvest_country(store_feed(network.benin, url))
    finally:
        server.shutdown()
        server.server_close()
    assert len(bomb) < harvesting.MAX_FEED_BYTES
    assert not result.ok and "larger than" in result.message


def test_a_name_that_resolves_to_loopback_is_refused(
    network, production, inside, stay_on_this_machine
):
    stay_on_this_machine.names["feeds.benin.test"] = ["127.0.0.1"]
    url = f"http://feeds.benin.test:{inside.server_address[1]}/rss"
    network.benin.feed_url = url
    with pytest.raises(ValidationError):
        network.benin.full_clean()
    result = harvest_country(store_feed(network.benin, url))
    assert not result.ok and result.message == NEUTRAL
    assert inside.seen == []


def test_a_redirect_to_loopback_is_not_followed(
    network, production, pretend_public, inside, outside
):
    inside_url = f"http://127.0.0.1:{inside.server_address[1]}/internal.xml"
    outside.redirects["/feed"] = inside_url
    benin = store_feed(
        network.benin, f"http://127.0.0.2:{outside.server_address[1]}/feed"
    )
    result = harvest_country(benin)
    assert [path for path, _host in outside.seen] == ["/feed"]
    assert inside.seen == []
    assert not result.ok and result.message == NEUTRAL
    assert not published(benin)


def test_a_name_checked_public_on_save_but_loopback_at_fetch_is_refused(
    network, production, inside, stay_on_this_machine
):
    stay_on_this_machine.names["rebind.test"] = ["93.184.215.14", "127.0.0.1"]
    url = f"http://rebind.test:{inside.server_address[1]}/rss"
    network.benin.feed_url = url
    network.benin.full_clean()  # public when the form checks it
    result = harvest_country(store_feed(network.benin, url))
    assert not result.ok and result.message == NEUTRAL
    assert inside.seen == [] and not published(network.benin)


def test_a_name_that_rebinds_to_loopback_after_the_fetch_check_is_never_fetched(
    network, production, inside, stay_on_this_machine
):
    # Public for the first lookup, loopback for any later one: a client that
    # checks the address and then resolves the name again would go inside.
    stay_on_this_machine.names["rebind.test"] = ["93.184.215.14", "127.0.0.1"]
    url = f"http://rebind.test:{inside.server_address[1]}/rss"
    result = harvest_country(store_feed(network.benin, url))
    assert inside.seen == []  # nothing reached the local server
    assert not published(network.benin)
    # The one connection went to the address that was checked (and the guard
    # stopped it there, so nothing left the machine).
    assert stay_on_this_machine.attempts == ["93.184.215.14"]
    assert stay_on_this_machine.lookups == ["rebind.test"]
    assert not result.ok and result.message == NEUTRAL


@pytest.fixture
def twins():
    """Two servers on one port: 127.0.0.2 (checked) and 127.0.0.1 (not)."""
    for _attempt in range(50):
        outside = start_server("127.0.0.2")
        try:
            inside = http.server.ThreadingHTTPServer(
                ("127.0.0.1", outside.server_address[1]), RecordingHandler
            )
        except OSError:
            outside.shutdown()
            outside.server_close()
            continue
        inside.daemon_threads = True
        inside.seen, inside.redirects = [], {}
        threading.Thread(target=inside.serve_forever, daemon=True).start()
        yield SimpleNamespace(outside=outside, inside=inside)
        for server in (outside, inside):
            server.shutdown()
            server.server_close()
        return
    pytest.fail("no port free on both loopback addresses")


def test_the_connection_goes_to_the_checked_address_with_the_real_host_name(
    network, twins, stay_on_this_machine
):
    # Allow-private rule (tests, `make run`): the pin applies all the same.
    stay_on_this_machine.names["rebind.test"] = ["127.0.0.2", "127.0.0.1"]
    port = twins.outside.server_address[1]
    benin = store_feed(network.benin, f"http://rebind.test:{port}/rss")
    result = harvest_country(benin)
    assert result.ok and result.imported == 1
    assert twins.outside.seen == [("/rss", f"rebind.test:{port}")]
    assert twins.inside.seen == []
    assert stay_on_this_machine.lookups == ["rebind.test"]  # resolved once


def test_each_redirect_hop_is_checked_and_pinned_and_the_count_is_bounded(
    network, outside
):
    for n in range(10):
        outside.redirects[f"/hop{n}"] = f"/hop{n + 1}"
    benin = store_feed(
        network.benin, f"http://127.0.0.2:{outside.server_address[1]}/hop0"
    )
    result = harvest_country(benin)
    assert not result.ok and "redirects too many times" in result.message
    assert len(outside.seen) == harvesting.MAX_REDIRECTS + 1


def test_a_public_feed_still_works_with_the_production_rule(
    network, production, pretend_public, outside, stay_on_this_machine
):
    stay_on_this_machine.names["chm.benin.test"] = ["127.0.0.2"]
    port = outside.server_address[1]
    outside.redirects["/old"] = f"http://chm.benin.test:{port}/rss"
    url = f"http://chm.benin.test:{port}/old"
    network.benin.feed_url = url
    network.benin.full_clean()
    benin = store_feed(network.benin, url)
    result = harvest_country(benin)
    assert result.ok and result.imported == 1
    assert outside.seen == [
        ("/old", f"chm.benin.test:{port}"),
        ("/rss", f"chm.benin.test:{port}"),
    ]


def silent_listener():
    """Accepts connections (in the kernel's backlog) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    return sock


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_every_network_failure_gives_the_focal_point_one_neutral_message(
    network, settings, monkeypatch, inside
):
    monkeypatch.setattr(harvesting, "TOTAL_TIMEOUT", 1)
    silent = silent_listener()
    failures = {
        "closed port": f"http://127.0.0.1:{closed_port()}/rss",
        "timeout": f"http://127.0.0.1:{silent.getsockname()[1]}/rss",
        "dns": "http://no-such-name.test/rss",
        "tls": f"https://127.0.0.1:{inside.server_address[1]}/rss",
    }
    messages = {}
    try:
        for name, url in failures.items():
            messages[name] = harvest_country(store_feed(network.benin, url)).message
        settings.CHM_ALLOW_PRIVATE_FEEDS = False
        url = f"http://127.0.0.1:{inside.server_address[1]}/rss"
        messages["private"] = harvest_country(store_feed(network.benin, url)).message
    finally:
        silent.close()
    assert set(messages.values()) == {NEUTRAL}, messages
    assert FeedHarvest.objects.get(country=network.benin).message == NEUTRAL
    assert inside.seen == []


@pytest.mark.parametrize(
    "url",
    [
        "https://chm.benin.test/feed.xml",
        "http://chm.benin.test:8080/rss?lang=fr",
        "https://bénin.test/flux",
        "https://[2001:4860:4860::8888]/feed",
    ],
)
def test_plain_public_addresses_are_accepted_on_save(
    network, production, stay_on_this_machine, url
):
    for name in ("chm.benin.test", "xn--bnin-bpa.test"):
        stay_on_this_machine.names[name] = ["93.184.215.14"]
    network.benin.feed_url = url
    network.benin.full_clean()
    assert stay_on_this_machine.attempts == []


@pytest.mark.parametrize(
    "address,public",
    [
        ("93.184.215.14", True),
        ("2001:4860:4860::8888", True),
        ("100.100.100.200", False),
        ("169.254.169.254", False),
        ("::ffff:127.0.0.1", False),
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("fd00:ec2::254", False),
        ("224.0.0.1", False),
    ],
)
def test_only_globally_routable_addresses_count_as_public(address, public):
    assert outbound.is_public_address(ipaddress.ip_address(address)) is public


def issue_certificate(tmp_path, name: str):
    """A throwaway CA and a server certificate for `name`, as files."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)

    def build(subject, issuer, public_key, signing_key, *, ca, san=None):
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
        )
        if ca:
            builder = builder.add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=False,
                    key_encipherment=False, data_encipherment=False,
                    key_agreement=False, key_cert_sign=True, crl_sign=True,
                    encipher_only=False, decipher_only=False,
                ),
                True,
            )  # fmt: skip
        if san:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName(san)]), False
            )
        return builder.sign(signing_key, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = build("Test CA", "Test CA", ca_key.public_key(), ca_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = build(name, "Test CA", key.public_key(), ca_key, ca=False, san=name)
    pem = serialization.Encoding.PEM
    files = SimpleNamespace(
        ca=tmp_path / "ca.pem", cert=tmp_path / "cert.pem", key=tmp_path / "key.pem"
    )
    files.ca.write_bytes(ca.public_bytes(pem))
    files.cert.write_bytes(cert.public_bytes(pem))
    files.key.write_bytes(
        key.private_bytes(
            pem,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


@pytest.fixture
def tls_outside(tmp_path, monkeypatch):
    """An HTTPS server on 127.0.0.2 for chm.benin.test, trusted through a test CA;
    it records the TLS server name (SNI) each client asked for."""
    import ssl

    import certifi

    files = issue_certificate(tmp_path, "chm.benin.test")
    monkeypatch.setattr(certifi, "where", lambda: str(files.ca))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(files.cert, files.key)
    server = start_server("127.0.0.2")
    server.server_names = []
    context.sni_callback = lambda _sock, name, _ctx: server.server_names.append(name)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    yield server
    server.shutdown()
    server.server_close()


def test_https_is_pinned_yet_verified_and_named_for_the_host(
    network, production, pretend_public, tls_outside, stay_on_this_machine
):
    stay_on_this_machine.names["chm.benin.test"] = ["127.0.0.2", "127.0.0.1"]
    port = tls_outside.server_address[1]
    benin = store_feed(network.benin, f"https://chm.benin.test:{port}/rss")
    result = harvest_country(benin)
    assert result.ok and result.imported == 1
    assert tls_outside.server_names == ["chm.benin.test"]
    assert tls_outside.seen == [("/rss", f"chm.benin.test:{port}")]


def test_https_to_a_certificate_for_another_name_fails_neutrally(
    network, production, pretend_public, tls_outside, stay_on_this_machine
):
    stay_on_this_machine.names["other.benin.test"] = ["127.0.0.2"]
    port = tls_outside.server_address[1]
    benin = store_feed(network.benin, f"https://other.benin.test:{port}/rss")
    result = harvest_country(benin)
    assert not result.ok and result.message == NEUTRAL
    assert tls_outside.seen == [] and not published(benin)
