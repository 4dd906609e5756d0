"""`make run` (chm.settings.dev) serves the site as its users will see it:
its own error pages, only the host names it serves, each log line once, and
its static files with DEBUG off."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dev_settings(monkeypatch):
    """chm.settings.dev as `make run` loads it, under the environment given."""

    def load(**environ):
        for name in ("DEBUG", "DJANGO_ALLOWED_HOSTS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        import chm.settings.dev

        return importlib.reload(chm.settings.dev)

    return load


def test_make_run_keeps_the_debug_page_behind_debug_1(dev_settings):
    assert dev_settings().DEBUG is False
    assert dev_settings(DEBUG="1").DEBUG is True


@pytest.mark.django_db
def test_make_run_answers_a_missing_page_with_the_site_own_404(dev_settings, network):
    dev = dev_settings()
    with override_settings(DEBUG=dev.DEBUG, ALLOWED_HOSTS=dev.ALLOWED_HOSTS):
        response = Client().get("/no-such-page/", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    # Not Django's debug page, which lists every URL pattern of the site.
    assert "URLconf" not in html
    assert "django-admin/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "host, served",
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("bj.localhost:8000", True),
        ("evil.example", False),
        ("127.0.0.1.evil.example", False),
        ("localhost.evil.example", False),
    ],
)
def test_make_run_serves_only_its_own_host_names(dev_settings, network, host, served):
    dev = dev_settings()
    with override_settings(DEBUG=dev.DEBUG, ALLOWED_HOSTS=dev.ALLOWED_HOSTS):
        response = Client().get("/healthz", HTTP_HOST=host)
    assert (response.status_code != 400) is served, response.status_code


@pytest.mark.django_db
def test_a_forged_host_never_reaches_a_password_reset_link(dev_settings, network):
    dev = dev_settings()
    with override_settings(DEBUG=dev.DEBUG, ALLOWED_HOSTS=dev.ALLOWED_HOSTS):
        response = Client().post(
            "/accounts/password/reset/",
            {"email": "someone@example.org"},
            HTTP_HOST="evil.example",
        )
    assert response.status_code == 400


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "origin, reaches_the_consumer",
    [("http://evil.example", False), ("http://bj.localhost:8000", True)],
)
def test_make_run_websocket_accepts_only_its_own_origins(
    dev_settings, origin, reaches_the_consumer
):
    import chm.asgi

    dev = dev_settings()

    async def scenario(application):
        ws = WebsocketCommunicator(
            application,
            "/ws/notifications/",
            headers=[(b"host", b"127.0.0.1:8000"), (b"origin", origin.encode())],
        )
        connected, code = await ws.connect()
        await ws.disconnect()
        return connected, code

    try:
        with override_settings(DEBUG=dev.DEBUG, ALLOWED_HOSTS=dev.ALLOWED_HOSTS):
            # The origin check reads ALLOWED_HOSTS when chm.asgi builds it.
            application = importlib.reload(chm.asgi).application
            connected, code = async_to_sync(scenario)(application)
    finally:
        importlib.reload(chm.asgi)
    assert not connected
    # The consumer itself refuses an anonymous visitor with 4401; a foreign
    # origin never gets that far.
    assert (code == 4401) is reaches_the_consumer, code


def test_make_run_serves_static_files_with_debug_off(dev_settings):
    dev = dev_settings()
    with override_settings(
        DEBUG=dev.DEBUG,
        ALLOWED_HOSTS=dev.ALLOWED_HOSTS,
        MIDDLEWARE=dev.MIDDLEWARE,
        WHITENOISE_USE_FINDERS=getattr(dev, "WHITENOISE_USE_FINDERS", False),
        WHITENOISE_AUTOREFRESH=getattr(dev, "WHITENOISE_AUTOREFRESH", False),
        STATIC_ROOT=None,
    ):
        response = Client().get("/static/css/site.css", HTTP_HOST="127.0.0.1:8000")
        assert response.status_code == 200
        assert b"--accent" in b"".join(response.streaming_content)


@pytest.mark.parametrize("debug", ["", "1"])
def test_make_run_prints_each_log_line_once(debug):
    """A request line of the development server (daphne's runserver logs to
    `django.channels.server`), with DEBUG off and on."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.channels.server').info('GET /marker-line 200')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "chm.settings.dev", "DEBUG": debug}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    printed = (result.stdout + result.stderr).count("GET /marker-line 200")
    assert printed == 1, result.stderr


@pytest.mark.django_db
def test_a_forged_host_is_a_400_not_a_page_cache_outage(network, settings, caplog):
    settings.CHM_PAGE_CACHE_SECONDS = 300
    response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "page cache unavailable" not in caplog.text
