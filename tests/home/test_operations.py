import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.smoke
def test_healthz_answers_ok_with_a_tiny_body(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.smoke
def test_every_page_carries_the_security_headers(client, network):
    response = client.get("/africa/benin/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_pages_contain_no_inline_script(client, network):
    html = client.get("/").content.decode()
    assert "<script>" not in html
    assert " onclick=" not in html


def test_migrations_match_the_models(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _production_check(extra_env: dict) -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "chm.settings.production",
        "DJANGO_ALLOWED_HOSTS": "chm.example.org",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/chm-check.db"),
        **extra_env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_under_production_settings():
    result = _production_check({"DJANGO_SECRET_KEY": "x" * 30 + "-Z9!q" * 10})
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _production_check({"DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_deep_healthz_reports_each_dependency(client, db):
    response = client.get("/healthz?deep=1")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "channel_layer"}
    assert all(check["ok"] for check in body["checks"].values())


def test_deep_healthz_names_the_dependency_that_is_down(client, db, monkeypatch):
    from core import health

    def broken_cache():
        raise ConnectionError("cache server refused the connection")

    monkeypatch.setitem(health.CHECKS, "cache", broken_cache)
    response = client.get("/healthz?deep=1")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"]["ok"] is False
    assert "refused" in body["checks"]["cache"]["error"]
    assert body["checks"]["database"]["ok"] is True


def test_production_logs_are_one_json_object_per_line():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.production",
        "DJANGO_ALLOWED_HOSTS": "chm.example.org",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": "sqlite:////tmp/chm-check.db",
    }
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('chm.harvest').warning("
        "'feed %s failed', 'BJ', extra={'country': 'BJ'})"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "WARNING"
    assert line["name"] == "chm.harvest"
    assert line["message"] == "feed BJ failed"
    assert line["country"] == "BJ"
    assert "time" in line


def test_a_lost_database_gives_a_503_with_retry_after_not_a_500(
    client, network, monkeypatch
):
    from django.db import OperationalError, connection

    def refuse():
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    response = client.get("/africa/benin/")
    monkeypatch.undo()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"Back in a moment" in response.content
    monkeypatch.undo()
    assert client.get("/africa/benin/").status_code == 200


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the connection pool is for PostgreSQL",
)
def test_production_settings_reach_postgresql_through_the_pool():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.production",
        "DJANGO_ALLOWED_HOSTS": "chm.example.org",
        "DJANGO_SECRET_KEY": "x" * 50,
        # The maintenance database always exists.
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres",
    }
    script = (
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('SELECT 1'); "
        "print(cursor.fetchone()[0], connection.pool.max_size)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["1", "20"], result.stderr[-2000:]


def test_a_database_error_in_middleware_also_gives_a_503(network, monkeypatch):
    from django.db import OperationalError, connection
    from django.test import Client

    from tests.factories import UserFactory

    # As a real server: an error is an answer, not an exception in the test.
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())

    def refuse():
        raise OperationalError("couldn't get a connection after 10.00 sec")

    # Signed in, the member is loaded in middleware, before any view runs.
    monkeypatch.setattr(connection, "ensure_connection", refuse)
    response = client.get("/africa/benin/")
    monkeypatch.undo()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
