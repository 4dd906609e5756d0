"""The read API on the demo data, as a newcomer meets it: every example of
docs/api.md and of /api/docs/ answers 200, and schemathesis, fuzzing from
/api/openapi.json against a live server, finds no contract failure.

The demo data is there, committed, for the whole module (`demo_network`:
seed_demo takes a while, so on PostgreSQL each test process seeds it once and
the module reads a copy). The live server is Django's own threaded
server in this process: it reads the committed demo data on PostgreSQL through
its own connection, and shares the test's connection on in-memory SQLite, so
the test runs in the normal suite on either.
"""

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread, _StaticFilesHandler
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
# Cases per operation and phase; with the fixed seed a run stays around a minute.
SCHEMATHESIS_MAX_EXAMPLES = 20
SCHEMATHESIS_SEED = 19

# Under pytest-xdist the module's tests stay on one worker, so the demo data
# is set up once for them.
pytestmark = pytest.mark.xdist_group("demo_api")


@pytest.fixture(scope="module")
def demo(demo_network):
    """The demo network for the module (`demo_network`: a copy of its own on
    PostgreSQL, seeded and put back afterwards on SQLite)."""
    with override_settings(
        MEDIA_ROOT=demo_network["CHM_MEDIA_ROOT"], INTEROP_RATE_LIMIT="1000000/m"
    ):
        yield


def markdown_examples() -> list[str]:
    text = (ROOT / "docs" / "api.md").read_text()
    return re.findall(r"^GET (/api/\S+)$", text, flags=re.MULTILINE)


def docs_page_examples(client) -> list[str]:
    response = client.get(reverse("interop_pages:api_docs"))
    assert response.status_code == 200
    urls = []
    for block in re.findall(r"<pre><code>(.*?)</code></pre>", response.text, re.S):
        for url in re.findall(r"'(https?://[^']+)'", html.unescape(block)):
            parts = urlsplit(url)
            urls.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return urls


@pytest.mark.django_db
def test_every_example_of_the_api_docs_answers_200_on_the_demo_data(demo, client):
    in_markdown = markdown_examples()
    on_the_page = docs_page_examples(client)
    assert len(in_markdown) >= 10
    assert len(on_the_page) >= 15
    # The examples that name an id name one that exists.
    assert any(re.search(r"/cooperation/requests/\d+/$", u) for u in on_the_page)
    assert any(re.search(r"/cooperation/offers/\d+/$", u) for u in on_the_page)
    assert any(re.search(r"/records/[\w-]+/[^/?]+/$", u) for u in on_the_page)
    failures = [
        (url, status)
        for url in [*in_markdown, *on_the_page]
        if (status := client.get(url).status_code) != 200
    ]
    assert failures == []


@pytest.mark.django_db
def test_the_openapi_examples_name_things_that_exist(demo, client):
    spec = client.get("/api/openapi.json").json()
    for path, item in spec["paths"].items():
        if "{" not in path:
            continue
        values = {
            p["name"]: p.get("example")
            for p in item["get"]["parameters"]
            if p["in"] == "path"
        }
        assert None not in values.values(), path
        url = path.format(**values)
        assert client.get(url).status_code == 200, url


@pytest.fixture(scope="module")
def demo_server(demo):
    """Django's live server thread on 127.0.0.1 and a free port."""
    connection = connections["default"]
    shared = {}
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        shared["default"] = connection
        connection.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", _StaticFilesHandler, shared, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


@pytest.mark.django_db
def test_schemathesis_finds_no_failure_in_any_operation(demo_server, tmp_path):
    """All checks, in every phase (examples, coverage, fuzzing, stateful), on
    loopback only; the run's JSON report must list every operation tested,
    with no failure, no error and no operation stuck on 404s."""
    report = tmp_path / "schemathesis.json"
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"{demo_server}/api/openapi.json",
        "--url",
        demo_server,
        "--checks",
        "all",
        "--max-examples",
        str(SCHEMATHESIS_MAX_EXAMPLES),
        "--seed",
        str(SCHEMATHESIS_SEED),
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--report",
        "json",
        "--report-json-path",
        str(report),
    ]
    result = subprocess.run(  # noqa: S603
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
    )
    output = result.stdout[-8000:] + result.stderr[-2000:]
    run = json.loads(report.read_text())
    assert run["failures"] == [], output
    assert run["errors"] == [], output
    assert run["exit_code"] == 0 and result.returncode == 0, output
    operations = run["operations"]
    assert operations["tested"] == operations["total"] >= 12, operations
    assert run["warnings"]["missing_test_data"] == [], output
    assert run["test_cases"]["generated"] > 500, run["test_cases"]
