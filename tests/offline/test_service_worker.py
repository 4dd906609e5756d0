"""The service worker and the offline page as the server gives them: /sw.js
from the site's root with its scope header and the shell it keeps, the offline
page in every language, "Save for offline" on toolkits, topics and news, and
no script inline (the browser tests in tests/e2e/test_offline_and_push.py
run them in Chromium)."""

import json
import re

import pytest
from django.test import override_settings

from home import offline

from ..factories import UserFactory
from ..factories.toolkits import make_toolkit

pytestmark = pytest.mark.django_db


def worker_config(body: str) -> dict:
    first, _rest = body.split("\n", 1)
    assert first.startswith("self.CHM = ") and first.endswith(";")
    return json.loads(first[len("self.CHM = ") : -1])


def test_the_worker_is_served_from_the_root_with_its_scope(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    config = worker_config(body)
    assert "/static/css/site.css" in config["shell"]
    assert "/static/icons/icon-192.png" in config["shell"]
    assert config["offline"]["en"] == "/offline/"
    assert config["offline"]["fr"] == "/fr/offline/"
    assert 'addEventListener("push"' in body
    assert 'addEventListener("notificationclick"' in body
    assert client.post("/sw.js").status_code == 405


def test_the_worker_changes_when_the_shell_does(client, settings):
    before = worker_config(client.get("/sw.js").content.decode())["version"]
    with override_settings(STATIC_URL="/static-v2/"):
        after = worker_config(client.get("/sw.js").content.decode())["version"]
    assert before != after


def test_every_shell_file_exists():
    from django.contrib.staticfiles import finders

    for path in offline.SHELL_FILES:
        assert finders.find(path), path


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_offline_page_answers_in_each_language(client, language):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert "data-offline-shelf" in html
    assert "data-offline-missing" in html


def test_every_page_registers_the_worker_from_a_file(client):
    html = client.get("/offline/").content.decode()
    assert re.search(
        r'<script src="/static/js/offline\.js" defer data-sw="/sw\.js"', html
    )
    # No inline script anywhere (the CSP forbids it).
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert 'data-member=""' in html


def test_a_member_page_names_the_member_for_the_offline_store(client):
    member = UserFactory()
    client.force_login(member)
    html = client.get("/offline/").content.decode()
    assert f'data-member="{member.pk}"' in html


@override_settings(CHM_OFFLINE_BUDGET_MB=20)
def test_the_budget_is_shown(client):
    html = client.get("/offline/").content.decode()
    assert 'data-budget-mb="20"' in html
    assert "up to 20 MB" in html


def test_toolkits_topics_and_news_offer_save_for_offline(client, content, library):
    toolkit = make_toolkit(library, 7)
    html = client.get(toolkit.url).content.decode()
    assert "data-save-offline" in html
    # The toolkit's files are saved with it.
    [download] = re.findall(r'<a class="button download" href="([^"]+)"[^>]*>', html)
    assert re.search(rf'href="{re.escape(download)}" download data-offline-file', html)
    for url in (content.topic.get_absolute_url(), content.benin_news[0].url):
        assert "data-save-offline" in client.get(url).content.decode(), url
